/*
 * util.c - rs-gen's PRNG (xoshiro256**), local time arithmetic for the
 * fixed Asia/Shanghai zone, TSV row building, the per-journal min-heaps
 * of future rows and the writers (live files and monthly gzip archives).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gen.h"

static uint64_t	s[4];

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void
rng_seed(uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++) {	/* splitmix64 */
		uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		s[i] = z ^ (z >> 31);
	}
}

uint64_t
rng_u64(void)
{
	uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return r;
}

double
rnd(void)
{
	return (double)(rng_u64() >> 11) * 0x1.0p-53;
}

int
rint_in(int lo, int hi)
{
	return lo + (int)(rnd() * (hi - lo + 1));
}

double
runif(double lo, double hi)
{
	return lo + rnd() * (hi - lo);
}

int
chance(double p)
{
	return rnd() < p;
}

int
rpickw(const int *w, int n)
{
	int i, sum = 0, r;

	for (i = 0; i < n; i++)
		sum += w[i];
	r = (int)(rnd() * sum);
	for (i = 0; i < n - 1; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

/* Howard Hinnant's civil date algorithms */
int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int64_t
local_dayno(int64_t t)
{
	int64_t l = t + TZOFF;

	return l >= 0 ? l / DAY : -((-l + DAY - 1) / DAY);
}

int64_t
local_midnight(int64_t t)
{
	return local_dayno(t) * DAY - TZOFF;
}

int
local_hour(int64_t t)
{
	return (int)((t - local_midnight(t)) / HOUR);
}

int
local_wday(int64_t t)
{
	return (int)(((local_dayno(t) % 7) + 7 + 3) % 7);	/* 1970-01-01 Thu */
}

/* callbacks and complaint calls happen between 09:00 and 21:00 */
int64_t
daytime(int64_t t)
{
	int h = local_hour(t);

	if (h >= 9 && h < 21)
		return t;
	if (h >= 21)
		t += DAY;
	return local_midnight(t) + 9 * HOUR + rint_in(0, 150 * MIN);
}

void
fmt_time(char *b, int64_t t)
{
	int y, m, d;
	int64_t sec = t - local_midnight(t);

	civil_from_days(local_dayno(t), &y, &m, &d);
	snprintf(b, 26, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", y, m, d,
	    (int)(sec / HOUR), (int)(sec / MIN % 60), (int)(sec % 60));
}

void
fmt_date(char *b, int64_t t)
{
	int y, m, d;

	civil_from_days(local_dayno(t), &y, &m, &d);
	snprintf(b, 11, "%04d-%02d-%02d", y, m, d);
}

int
parse_date(const char *str, int64_t *t)
{
	int y, m, d, n = 0;

	if (sscanf(str, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    str[n] != '\0' || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*t = days_from_civil(y, m, d) * DAY - TZOFF;
	return 0;
}

/* public holidays: fixed ones, Qingming, and the Spring Festival week */
int
is_holiday(int64_t t)
{
	static const short sf[][3] = { {2024, 2, 10}, {2025, 1, 29},
	    {2026, 2, 17}, {2027, 2, 6}, {2028, 1, 26}, {2029, 2, 13},
	    {2030, 2, 3}, {2031, 1, 23}, {2032, 2, 11} };
	int y, m, d;
	size_t i;
	int64_t dn = local_dayno(t), s0;

	civil_from_days(dn, &y, &m, &d);
	if ((m == 1 && d == 1) || (m == 5 && d <= 5) || (m == 10 && d <= 7) ||
	    (m == 4 && d >= 4 && d <= 6))
		return 1;
	for (i = 0; i < NELEM(sf); i++) {
		s0 = days_from_civil(sf[i][0], sf[i][1], sf[i][2]) - 1;
		if (dn >= s0 && dn < s0 + 8)
			return 1;
	}
	return 0;
}

double
haversine(double la1, double lo1, double la2, double lo2)
{
	double r = M_PI / 180, a, dl = (la2 - la1) * r, dn = (lo2 - lo1) * r;

	a = sin(dl / 2) * sin(dl / 2) +
	    cos(la1 * r) * cos(la2 * r) * sin(dn / 2) * sin(dn / 2);
	return 2 * 6371.0 * asin(sqrt(a));
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL) {
		perror("rs-gen");
		exit(3);
	}
	return p;
}

static void
grow(struct row *r, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		while (r->len + n + 1 > r->cap)
			r->cap *= 2;
		r->line = xrealloc(r->line, r->cap);
	}
}

static void
sep(struct row *r)
{
	grow(r, 1);
	r->line[r->len++] = '\t';
}

void
row_raw(struct row *r, const char *v)
{
	size_t n = strlen(v);

	sep(r);
	grow(r, n);
	memcpy(r->line + r->len, v, n);
	r->len += n;
}

/* SPEC 3.1: backslash escapes inside a field */
void
row_s(struct row *r, const char *v)
{
	sep(r);
	for (; v != NULL && *v != '\0'; v++) {
		char c = *v, e = 0;

		if (c == '\\')
			e = '\\';
		else if (c == '\t')
			e = 't';
		else if (c == '\n')
			e = 'n';
		else if (c == '\r')
			e = 'r';
		grow(r, 2);
		if (e) {
			r->line[r->len++] = '\\';
			r->line[r->len++] = e;
		} else
			r->line[r->len++] = c;
	}
}

void
row_t(struct row *r, int64_t t)
{
	char b[32];

	if (t == 0) {
		row_e(r, 1);
		return;
	}
	fmt_time(b, t);
	row_raw(r, b);
}

void
row_i(struct row *r, long long v)
{
	char b[32];

	snprintf(b, sizeof b, "%lld", v);
	row_raw(r, b);
}

void
row_money(struct row *r, long long c)
{
	char b[48];

	if (c < 0) {
		row_e(r, 1);
		return;
	}
	snprintf(b, sizeof b, "%lld.%02lld", c / 100, c % 100);
	row_raw(r, b);
}

void
row_f(struct row *r, const char *f, double v)
{
	char b[48];

	snprintf(b, sizeof b, f, v);
	row_raw(r, b);
}

void
row_e(struct row *r, int n)
{
	while (n-- > 0)
		sep(r);
}

void
row_cp(struct row *r, struct cpl *cp, int open)
{
	r->cp = cp;
	r->cpopen = open;
	cp->refs++;
	row_raw(r, "\001");
}

/* a new row starting with its ts and at columns */
struct row *
row_new(int64_t ts, int64_t at)
{
	struct row *r = xrealloc(NULL, sizeof *r);
	char b[32];

	memset(r, 0, sizeof *r);
	r->ts = ts;
	r->at = at;
	r->cap = 256;
	r->line = xrealloc(NULL, r->cap);
	fmt_time(b, ts);
	memcpy(r->line, b, 25);
	r->len = 25;
	row_t(r, at);
	return r;
}

/* heaps of rows not yet written, one per journal, by (ts, seq) */
static struct row	**heap[NJ];
static size_t		  hn[NJ], hcap[NJ];
static uint64_t		  seqno;
int64_t			  g_until;

static int
before(const struct row *a, const struct row *b)
{
	return a->ts < b->ts || (a->ts == b->ts && a->seq < b->seq);
}

static void
row_free(struct row *r)
{
	if (r->cp != NULL && --r->cp->refs == 0)
		free(r->cp);
	free(r->line);
	free(r);
}

void
push(int j, struct row *r)
{
	size_t i;
	struct row **h;

	if (r->ts >= g_until) {		/* not yet happened */
		row_free(r);
		return;
	}
	r->seq = seqno++;
	if (hn[j] == hcap[j]) {
		hcap[j] = hcap[j] ? hcap[j] * 2 : 4096;
		heap[j] = xrealloc(heap[j], hcap[j] * sizeof *heap[j]);
	}
	h = heap[j];
	for (i = hn[j]++; i > 0 && before(r, h[(i - 1) / 2]); i = (i - 1) / 2)
		h[i] = h[(i - 1) / 2];
	h[i] = r;
}

static struct row *
pop(int j)
{
	struct row **h = heap[j], *top = h[0], *last = h[--hn[j]];
	size_t i = 0, c, n = hn[j];

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && before(h[c + 1], h[c]))
			c++;
		if (!before(h[c], last))
			break;
		h[i] = h[c];
		i = c;
	}
	if (n > 0)
		h[i] = last;
	return top;
}

/* the writers: live file, and gzip archives for months before archmon */
static const char *const jnames[NJ] = { "cases", "dispatch", "complaints",
    "callbacks" };
static const char *const headers[NJ] = {
	"ts\tat\tcase_id\tevent\tagent\tcall_at\tchannel\tprogram\tcustomer\t"
	"phone\tplate\tvehicle\tenergy\tlocation\tlat\tlon\troad\tservice\t"
	"fault\tsymptom\tcan_start\tinjuries\tpolice\tmedical\tpriority\t"
	"quote\teta_promised\tnote\n",
	"ts\tat\tcase_id\tevent\tagent\tprovider\ttechnician\teta\t"
	"distance_km\tfee\toutcome\tnote\n",
	"ts\tat\tcomplaint_id\tcase_id\tevent\tagent\tlevel\tcategory\t"
	"responsible\tprovider\tdemand\tremedy\tamount\taction\towner\tdue\t"
	"note\n",
	"ts\tat\tcase_id\tcomplaint_id\tkind\tresult\toverall\ttimeliness\t"
	"professionalism\tattitude\tresolved\tnps\tcomment\tsuggestion\t"
	"agent\n",
};
static const char	*odir;
static FILE		*live[NJ];
static gzFile		 gz[NJ];
static int		 gzmon[NJ], archmon;
static int64_t		 cpbase;
static int		*cpseq;
static int64_t		 ncpseq;

static void
die(const char *what)
{
	fprintf(stderr, "rs-gen: %s: %s\n", what, strerror(errno));
	exit(3);
}

void
out_open(const char *dir, int64_t start, int amon)
{
	char path[4096];
	int j;

	odir = dir;
	archmon = amon;
	cpbase = local_dayno(start) - 1;
	ncpseq = (g_until - start) / DAY + 64;
	cpseq = xrealloc(NULL, ncpseq * sizeof *cpseq);
	memset(cpseq, 0, ncpseq * sizeof *cpseq);
	for (j = 0; j < NJ; j++) {
		snprintf(path, sizeof path, "%s/%s.tsv", dir, jnames[j]);
		if ((live[j] = fopen(path, "w")) == NULL)
			die(path);
		setvbuf(live[j], NULL, _IOFBF, 1 << 20);
		fputs(headers[j], live[j]);
	}
}

static void
emit(int j, const char *p, size_t n, int64_t ts)
{
	char path[4096];
	int y, m, d, mon;

	civil_from_days(local_dayno(ts), &y, &m, &d);
	mon = y * 100 + m;
	if (mon >= archmon) {
		if (fwrite(p, 1, n, live[j]) != n)
			die(jnames[j]);
		return;
	}
	if (gz[j] != NULL && gzmon[j] != mon) {
		if (gzclose(gz[j]) != Z_OK)
			die("gzclose");
		gz[j] = NULL;
	}
	if (gz[j] == NULL) {
		snprintf(path, sizeof path, "%s/%s.%04d-%02d.tsv.gz", odir,
		    jnames[j], y, m);
		if ((gz[j] = gzopen(path, "wb9")) == NULL)
			die(path);
		gzbuffer(gz[j], 1 << 18);
		gzmon[j] = mon;
		gzputs(gz[j], headers[j]);
	}
	if (n > 0 && gzwrite(gz[j], p, (unsigned)n) != (int)n)
		die(jnames[j]);
}

static void
write_row(int j, struct row *r)
{
	char *p = r->line, *q;

	if (r->cpopen) {
		int64_t dn = local_dayno(r->at) - cpbase;
		int y, m, d;

		if (dn < 0 || dn >= ncpseq) {
			fprintf(stderr, "rs-gen: complaint date out of range\n");
			exit(1);
		}
		civil_from_days(local_dayno(r->at), &y, &m, &d);
		snprintf(r->cp->id, sizeof r->cp->id, "CP-%04d%02d%02d-%04d",
		    y, m, d, ++cpseq[dn]);
	}
	r->line[r->len++] = '\n';
	if (r->cp != NULL && (q = memchr(p, '\001', r->len)) != NULL) {
		emit(j, p, (size_t)(q - p), r->ts);
		emit(j, r->cp->id, strlen(r->cp->id), r->ts);
		emit(j, q + 1, r->len - (size_t)(q - p) - 1, r->ts);
	} else
		emit(j, p, r->len, r->ts);
	row_free(r);
}

/* writes every pending row with ts < t, each journal in ts order */
void
flush_before(int64_t t)
{
	int j;

	for (j = 0; j < NJ; j++)
		while (hn[j] > 0 && heap[j][0]->ts < t)
			write_row(j, pop(j));
}

void
out_close(void)
{
	int j;

	for (j = 0; j < NJ; j++) {
		while (hn[j] > 0)
			row_free(pop(j));
		free(heap[j]);
		if (gz[j] != NULL && gzclose(gz[j]) != Z_OK)
			die("gzclose");
		if (fclose(live[j]) != 0)
			die(jnames[j]);
	}
	free(cpseq);
}
