/*
 * rs-gen - writes a complete, realistic journal directory of a Shenzhen
 * roadside-rescue call center (providers.tsv, cases.tsv, dispatch.tsv,
 * complaints.tsv, callbacks.tsv) for tests, samples and benchmarks.
 *
 *	rs-gen --cases-per-day N --days D --providers P --seed S
 *	    --start YYYY-MM-DD --dir OUT [--archive-before YYYY-MM] [--stories]
 *	    [--site CODE] [--zone Z]
 *
 * Same arguments, same bytes: an own PRNG (xoshiro256** seeded by
 * splitmix64), fixed +08:00 time arithmetic, no clock, locale or hash
 * order. It streams: each day's cases are simulated in full when they
 * open, their future rows wait in per-journal min-heaps keyed by
 * (ts, sequence) and are written once no later row can precede them, so
 * memory is bounded by the rows still in the future (a few days).
 * Rows whose ts is at or after the end of the period are dropped: open
 * cases, unresolved complaints and due callbacks remain, as in a live
 * journal. Links libc, libm and zlib only.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "gen.h"

static const char *const ttypes[] = { "汽车救援服务有限公司",
    "拖车服务有限公司", "汽车快修店", "汽车维修服务部", "开锁服务部",
    "出行服务有限公司", "汽车服务有限公司" };
static const unsigned tservs[] = {
	1 << S_TOW | 1 << S_WINCH | 1 << S_TYRE | 1 << S_JUMP | 1 << S_FUEL |
	    1 << S_LOCK,
	1 << S_TOW | 1 << S_WINCH,
	1 << S_TYRE | 1 << S_JUMP | 1 << S_FUEL | 1 << S_LOCK | 1 << S_REPAIR,
	1 << S_REPAIR | 1 << S_JUMP | 1 << S_TYRE,
	1 << S_LOCK | 1 << S_JUMP,
	1 << S_TRANSFER | 1 << S_CHAUFFEUR | 1 << S_BOOKING,
	1 << S_TOW | 1 << S_TYRE | 1 << S_JUMP | 1 << S_REPAIR,
};
static const int tweights[] = { 20, 15, 20, 12, 6, 10, 17 };

static void
usage(int rc)
{
	fprintf(rc ? stderr : stdout,
	    "usage: rs-gen [--cases-per-day N] [--days D] [--providers P] "
	    "[--seed S]\n"
	    "              [--start YYYY-MM-DD] [--archive-before YYYY-MM] "
	    "[--stories] [--site CODE] [--zone Z] --dir OUT\n"
	    "Writes a reproducible sample journal directory.\n"
	    "  -n, --cases-per-day N   average cases a day (default 500)\n"
	    "  -D, --days D            days from --start (default 28)\n"
	    "  -p, --providers P       providers, 3-999 (default 60)\n"
	    "  -s, --seed S            PRNG seed (default 1)\n"
	    "  -S, --start DATE        first day (default 2026-10-26)\n"
	    "  -a, --archive-before M  rows of months before M go to "
	    "NAME.YYYY-MM.tsv.gz\n"
	    "      --stories           include the two cases of seed 001\n"
	    "  -d, --dir OUT           output directory (created)\n"
	    "      --site CODE         site code in ids and rules.tsv (default none)\n"
	    "      --zone Z            site.zone of rules.tsv (default Asia/Shanghai;\n"
	    "                          a fixed +08:00 zone)\n"
	    "Example: rs-gen -n 400 -D 28 -s 7 -d /tmp/j\n");
	exit(rc);
}

static long long
num(const char *opt, const char *v, long long lo, long long hi)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || end == v || *end != '\0' || n < lo || n > hi) {
		fprintf(stderr, "rs-gen: %s: bad value '%s'\n", opt, v);
		exit(2);
	}
	return n;
}

static void
providers(struct provider *pv, int np)
{
	static const char *const inact[] = { "合同到期,暂停接单",
	    "整改中,暂停派单" };
	static const char *const notes[] = { "24小时", "夜间仅拖车",
	    "有平板拖车2台", "可开发票", "新能源车高压作业认证" };
	int w[16], i, k, ty, dv;
	struct provider *p;

	for (i = 0; i < ndistricts; i++)
		w[i] = districts[i].weight + 3;
	for (i = 0; i < np; i++) {
		p = &pv[i];
		memset(p, 0, sizeof *p);
		ty = i == 0 || i == 3 ? 0 : i == 1 ? 6 : i == 2 ? 5 :
		    rpickw(tweights, (int)NELEM(tweights));
		snprintf(p->id, sizeof p->id, "P%03d", i + 1);
		p->services = tservs[ty];
		p->ev = i < 2 || chance(0.18);
		p->highway = (p->services & (1 << S_TOW | 1 << S_TYRE)) &&
		    (i < 4 || chance(0.25));
		if (p->highway && chance(0.6)) {
			const struct highway *h = &highways[i % nhighways];
			double f = runif(0.1, 0.9);

			p->lat = h->lat0 + f * (h->lat1 - h->lat0);
			p->lon = h->lon0 + f * (h->lon1 - h->lon0);
			snprintf(p->region, sizeof p->region, "%s沿线",
			    h->code);
			dv = -1;
		} else {
			dv = i < ndistricts ? i : rpickw(w, ndistricts);
			p->lat = districts[dv].lat + runif(-0.03, 0.03);
			p->lon = districts[dv].lon + runif(-0.035, 0.035);
			snprintf(p->region, sizeof p->region, "%s",
			    districts[dv].name);
		}
		snprintf(p->name, sizeof p->name, "深圳市%s%s%s",
		    dv >= 0 ? districts[dv].name : "", firmwords[(i * 7 +
		    rint_in(0, 3)) % nfirmwords], ttypes[ty]);
		k = chance(0.7);
		snprintf(p->phone, sizeof p->phone, k ? "0755-%08d" :
		    "13%09d", rint_in(20000000, 89999999));
		p->active = i < 6 || chance(0.94);
		p->note = !p->active ? PICK(inact) : chance(0.3) ?
		    (p->ev && chance(0.5) ? notes[4] : PICK(notes)) : NULL;
		p->ntech = rint_in(2, 4);
		for (k = 0; k < p->ntech; k++)
			snprintf(p->tech[k], sizeof p->tech[k], "%s师傅",
			    surnames[rint_in(0, 40)]);
	}
}

void
write_providers(const char *dir, const struct provider *pv, int np)
{
	char path[4096];
	struct row *r;
	FILE *f;
	int i, k;

	snprintf(path, sizeof path, "%s/providers.tsv", dir);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "rs-gen: %s: %s\n", path, strerror(errno));
		exit(3);
	}
	fputs("provider_id\tname\tphone\tregion\tlat\tlon\tservices\tev\t"
	    "highway\tactive\tnote\n", f);
	for (i = 0; i < np; i++) {
		const struct provider *p = &pv[i];
		char sv[160] = "";

		for (k = 0; k < NSERV; k++)
			if (p->services & (1u << k)) {
				if (sv[0])
					strcat(sv, ",");
				strcat(sv, serv_names[k]);
			}
		r = row_new(0, 0);	/* reuse the row builder */
		r->len = 0;
		row_s(r, p->name);
		row_raw(r, p->phone);
		row_s(r, p->region);
		row_f(r, "%.5f", p->lat);
		row_f(r, "%.5f", p->lon);
		row_raw(r, sv);
		row_raw(r, p->ev ? "y" : "n");
		row_raw(r, p->highway ? "y" : "n");
		row_raw(r, p->active ? "y" : "n");
		row_s(r, p->note);
		r->line[r->len] = '\0';
		fprintf(f, "%s%s\n", p->id, r->line);
		free(r->line);
		free(r);
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "rs-gen: %s: %s\n", path, strerror(errno));
		exit(3);
	}
}

/* site_code_ok: SPEC 3.0, 2-8 characters of A-Z0-9, at least one a letter. */
static int
site_code_ok(const char *s)
{
	size_t n = strlen(s), i;
	int letter = 0;

	if (n < 2 || n > 8)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			letter = 1;
		else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return letter;
}

/* zone_ok: the time arithmetic (util.c) is a fixed +08:00 without DST. */
static int
zone_ok(const char *z)
{
	static const char *const fixed8[] = { "Asia/Shanghai", "Asia/Hong_Kong",
	    "Asia/Macau", "Asia/Taipei", "Asia/Singapore", "Asia/Kuala_Lumpur" };
	size_t i;

	for (i = 0; i < sizeof(fixed8) / sizeof(fixed8[0]); i++)
		if (strcmp(z, fixed8[i]) == 0)
			return 1;
	return 0;
}

/* write_rules writes the site's keys, so that the journal reads the same under any TZ. */
static void
write_rules(const char *dir)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/rules.tsv", dir);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "rs-gen: %s: %s\n", path, strerror(errno));
		exit(3);
	}
	fprintf(f, "site.zone\t%s\n", g_zone);
	if (*g_site)
		fprintf(f, "site.code\t%s\n", g_site);
	if (fclose(f) != 0) {
		fprintf(stderr, "rs-gen: %s: %s\n", path, strerror(errno));
		exit(3);
	}
}

int
main(int argc, char *argv[])
{
	static const struct option lo[] = {
		{ "cases-per-day", required_argument, NULL, 'n' },
		{ "days", required_argument, NULL, 'D' },
		{ "providers", required_argument, NULL, 'p' },
		{ "seed", required_argument, NULL, 's' },
		{ "start", required_argument, NULL, 'S' },
		{ "archive-before", required_argument, NULL, 'a' },
		{ "stories", no_argument, NULL, 'y' },
		{ "dir", required_argument, NULL, 'd' },
		{ "site", required_argument, NULL, 'c' },
		{ "zone", required_argument, NULL, 'z' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, n = 500, days = 28, np = 60, amon = 0, ay, am, d;
	unsigned long long seed = 1;
	const char *dir = NULL, *start = "2026-10-26";
	char *end;
	int64_t t0;
	struct provider *pv;

	setenv("TZ", "Asia/Shanghai", 1);	/* no time call depends on it */
	tzset();
	while ((ch = getopt_long(argc, argv, "n:D:p:s:S:a:d:h", lo,
	    NULL)) != -1)
		switch (ch) {
		case 'n': n = (int)num("--cases-per-day", optarg, 1, 1000000);
			break;
		case 'D': days = (int)num("--days", optarg, 1, 100000); break;
		case 'p': np = (int)num("--providers", optarg, 3, 999); break;
		case 's':
			errno = 0;
			seed = strtoull(optarg, &end, 0);
			if (errno || *end != '\0' || end == optarg) {
				fprintf(stderr, "rs-gen: --seed: bad value "
				    "'%s'\n", optarg);
				return 2;
			}
			break;
		case 'S': start = optarg; break;
		case 'a':
			if (sscanf(optarg, "%4d-%2d%n", &ay, &am, &d) != 2 ||
			    optarg[d] != '\0' || am < 1 || am > 12) {
				fprintf(stderr, "rs-gen: --archive-before: bad "
				    "month '%s'\n", optarg);
				return 2;
			}
			amon = ay * 100 + am;
			break;
		case 'y': g_stories = 1; break;
		case 'd': dir = optarg; break;
		case 'c':
			if (!site_code_ok(optarg)) {
				fprintf(stderr, "rs-gen: --site: bad site code '%s' "
				    "(2-8 of A-Z0-9, a letter among them)\n", optarg);
				return 2;
			}
			g_site = optarg;
			break;
		case 'z':
			if (!zone_ok(optarg)) {
				fprintf(stderr, "rs-gen: --zone: '%s' is not a zone the "
				    "generator models (fixed +08:00 ones: Asia/Shanghai, "
				    "Asia/Hong_Kong, Asia/Taipei, Asia/Singapore)\n", optarg);
				return 2;
			}
			g_zone = optarg;
			break;
		case 'h': usage(0); break;
		default: usage(2);
		}
	if (dir == NULL || optind != argc)
		usage(2);
	if (parse_date(start, &t0) != 0) {
		fprintf(stderr, "rs-gen: --start: bad date '%s'\n", start);
		return 2;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "rs-gen: %s: %s\n", dir, strerror(errno));
		return 3;
	}
	rng_seed(seed);
	if ((pv = calloc(np, sizeof *pv)) == NULL)
		return 3;
	providers(pv, np);
	write_providers(dir, pv, np);
	write_rules(dir);
	g_prov = pv, g_nprov = np;
	g_until = t0 + (int64_t)days * DAY;
	out_open(dir, t0, amon);
	for (d = 0; d < days; d++) {
		int64_t ds = t0 + (int64_t)d * DAY;

		flush_before(ds);
		sim_day(ds, n);
	}
	flush_before(g_until);
	out_close();
	free(pv);
	return 0;
}
