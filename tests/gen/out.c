/*
 * out.c - rs-gen's TSV rows (SPEC 3.1 escaping), the per-journal min-heaps
 * of rows not yet written, keyed by (ts, sequence), and the writers: the
 * live files and the monthly gzip archives NAME.YYYY-MM.tsv.gz. Complaint
 * ids are given when their opened row is written, in file order.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gen.h"

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
	"quote\teta_promised\tnote\tscheduled_at\tdestination\tdest_lat\t"
	"dest_lon\tref\n",
	"ts\tat\tcase_id\tevent\tagent\tprovider\ttechnician\teta\t"
	"distance_km\tfee\toutcome\tnote\treason\tref\n",
	"ts\tat\tcomplaint_id\tcase_id\tevent\tagent\tlevel\tcategory\t"
	"responsible\tprovider\tdemand\tremedy\tamount\taction\towner\tdue\t"
	"note\thandler\tflags\tref\n",
	"ts\tat\tcase_id\tcomplaint_id\tkind\tresult\toverall\ttimeliness\t"
	"professionalism\tattitude\tresolved\tnps\tcomment\tsuggestion\t"
	"agent\tref\n",
};
/* the columns of schema revision 2 the generator leaves empty, per journal */
static const int newcols[NJ] = { 1, 1, 1, 1 };
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
		if ((gz[j] = gzopen(path, "wb6")) == NULL)
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
		snprintf(r->cp->id, sizeof r->cp->id, "CP-%s%s%04d%02d%02d-%04d",
		    g_site, *g_site ? "-" : "", y, m, d, ++cpseq[dn]);
	}
	row_e(r, newcols[j]);
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
