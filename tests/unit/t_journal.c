/*
 * t_journal.c - unit tests of common/journal.c (directory, archives,
 * bisection, jreader), common/append.c (journal_append, append_reader),
 * common/fold.c and common/idmap.c.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "append.h"
#include "buf.h"
#include "err.h"
#include "fold.h"
#include "ids.h"
#include "idmap.h"
#include "jfile.h"
#include "journal.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"
#include "unit.h"

static char base[64];
static const struct schema *CASES;
static struct buf G;	/* renderings */

/* ---------------------------------------------------------------- helpers */

static char *
pathf(const char *fmt, const char *a)
{
	static char p[2][512];
	static int k;

	k ^= 1;
	snprintf(p[k], sizeof(p[k]), "%s/", base);
	snprintf(p[k] + strlen(p[k]), sizeof(p[k]) - strlen(p[k]), fmt, a);
	return p[k];
}

static void
write_file(const char *path, const char *data, size_t n, const char *mode)
{
	FILE *fp = fopen(path, mode);

	if (fp == NULL || fwrite(data, 1, n, fp) != n || fclose(fp) != 0) {
		fprintf(stderr, "t_journal: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

static void
write_gz(const char *path, const char *data, size_t n)
{
	gzFile g = gzopen(path, "wb");

	if (g == NULL || gzwrite(g, data, (unsigned)n) != (int)n || gzclose(g) != Z_OK) {
		fprintf(stderr, "t_journal: cannot write %s\n", path);
		exit(1);
	}
}

static char *
read_whole(const char *path)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *fp = fopen(path, "rb");

	buf_adds(&b, "");
	if (fp == NULL) {
		buf_adds(&b, "<missing>");
		return b.p;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return b.p;
}

static void
rm_rf(const char *path)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "t_journal: cannot remove %s\n", path);
}

/* case_line appends one cases row (opened rows get the required columns); col/val one more value. */
static void
case_line(struct buf *b, const char *ts, const char *id, const char *event, const char *col,
    const char *val)
{
	const char *v[CASES_NCOLS] = { 0 };

	v[CASES_TS] = ts;
	v[CASES_AT] = ts;
	v[CASES_CASE_ID] = id;
	v[CASES_EVENT] = event;
	if (strcmp(event, "opened") == 0) {
		v[CASES_PHONE] = "13800000000";
		v[CASES_LOCATION] = "G2 km 12";
		v[CASES_SERVICE] = "tow";
	}
	if (col)
		v[schema_column(CASES, col)] = val;
	row_format_tsv(b, CASES_NCOLS, v);
}

static const char *
basename_of(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* render_jr reads every row of jr: "FILE:LINE:case_id:event[:note][ !problem]\n", or ERR. */
static const char *
render_jr(struct jreader *jr)
{
	struct rs_err e;
	struct row row;
	int got;

	buf_reset(&G);
	buf_adds(&G, "");
	err_clear(&e);
	while ((got = jreader_next(jr, &row, &e)) == 1) {
		buf_printf(&G, "%s:%ld:", basename_of(row.file), row.line);
		if (row.n == CASES_NCOLS) {
			buf_printf(&G, "%s:%s", row.v[CASES_CASE_ID], row.v[CASES_EVENT]);
			if (row.len[CASES_NOTE])
				buf_printf(&G, ":%s", row.v[CASES_NOTE]);
		} else
			buf_printf(&G, "n=%d", row.n);
		if (row.problem)
			buf_printf(&G, " !%s", row.problem);
		buf_addc(&G, '\n');
	}
	if (got < 0)
		buf_printf(&G, "ERR %d %s: %s\n", e.code, e.where, e.msg);
	return G.p;
}

static rs_time
ts_of(const char *s)
{
	rs_time t = RS_TIME_NONE;

	if (time_parse_ts(s, strlen(s), &t) < 0) {
		fprintf(stderr, "t_journal: bad ts %s\n", s);
		exit(1);
	}
	return t;
}

/* capture_stderr_begin sends stderr to a file until capture_stderr_end returns what was written. */
static int saved_stderr = -1;

static void
capture_stderr_begin(void)
{
	int fd = open(pathf("%s", "stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fd, 2);
	close(fd);
}

static char *
capture_stderr_end(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	return read_whole(pathf("%s", "stderr.txt"));
}

/* ---------------------------------------------------------------- journal_dir */

static void
restore_env(const char *name, const char *saved)
{
	if (saved)
		setenv(name, saved, 1);
	else
		unsetenv(name);
}

static void
test_dir(void)
{
	char *old_rs = getenv("RS_DIR") ? xstrdup(getenv("RS_DIR")) : NULL;
	char *old_xdg = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	char *d;

	setenv("RS_DIR", "/rs/dir", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/agent", 1);
	d = journal_dir("/opt/dir");
	T_STR(d, "/opt/dir");
	free(d);
	d = journal_dir("");		/* an empty --dir does not count */
	T_STR(d, "/rs/dir");
	free(d);
	d = journal_dir(NULL);
	T_STR(d, "/rs/dir");
	free(d);
	setenv("RS_DIR", "", 1);
	d = journal_dir(NULL);
	T_STR(d, "/xdg/rs");
	free(d);
	unsetenv("RS_DIR");
	d = journal_dir(NULL);
	T_STR(d, "/xdg/rs");
	free(d);
	setenv("XDG_DATA_HOME", "", 1);
	d = journal_dir(NULL);
	T_STR(d, "/home/agent/.local/share/rs");
	free(d);
	unsetenv("XDG_DATA_HOME");
	d = journal_dir(NULL);
	T_STR(d, "/home/agent/.local/share/rs");
	free(d);
	d = journal_dir("rel");
	T_STR(d, "rel");
	free(d);

	restore_env("RS_DIR", old_rs);
	restore_env("XDG_DATA_HOME", old_xdg);
	restore_env("HOME", old_home);
	free(old_rs);
	free(old_xdg);
	free(old_home);

	d = journal_path("/j", "cases");
	T_STR(d, "/j/cases.tsv");
	free(d);
	d = journal_path("rel/dir", "providers");
	T_STR(d, "rel/dir/providers.tsv");
	free(d);
}

/* ---------------------------------------------------------------- archives */

static void
test_archives(void)
{
	static const char *const files[] = {
		"cases.2026-03.tsv.gz", "cases.2025-12.tsv.gz", "cases.2026-01.tsv.gz",
		"cases.tsv", "cases.2026-13.tsv.gz", "cases.2026-00.tsv.gz", "cases.2026-1.tsv.gz",
		"cases.2026-02.tsv", "casesx.2026-02.tsv.gz", "dispatch.2026-02.tsv.gz",
		"cases.2026-02.csv.gz", "cases.abcd-02.tsv.gz", "cases.2026-02.tsv.gz.bak",
		"cases.2026_02.tsv.gz", "xcases.2026-02.tsv.gz", "cases.2026-002.tsv.gz",
		".cases.2026-02.tsv.gz", NULL
	};
	struct archive *list;
	struct rs_err e;
	int n, i;
	char *d = xstrdup(pathf("%s", "arch"));

	mkdir(d, 0700);
	for (i = 0; files[i]; i++) {
		char p[600];

		snprintf(p, sizeof(p), "%s/%s", d, files[i]);
		write_file(p, "", 0, "wb");
	}
	n = journal_archives(d, "cases", &list, &e);
	T_INT(n, 3);
	if (n == 3) {
		char want[600];

		T_INT(list[0].month, 202512);
		T_INT(list[1].month, 202601);
		T_INT(list[2].month, 202603);
		snprintf(want, sizeof(want), "%s/cases.2025-12.tsv.gz", d);
		T_STR(list[0].path, want);
		snprintf(want, sizeof(want), "%s/cases.2026-03.tsv.gz", d);
		T_STR(list[2].path, want);
	}
	archives_free(list, n);

	n = journal_archives(d, "dispatch", &list, &e);
	T_INT(n, 1);
	if (n == 1)
		T_INT(list[0].month, 202602);
	archives_free(list, n);
	n = journal_archives(d, "complaints", &list, &e);
	T_INT(n, 0);
	archives_free(list, n);

	/*
	 * Names that are not NAME.YYYY-MM.tsv.gz are not archives, even
	 * where sscanf("%4d-%2d") would read a month: signs, spaces, a
	 * one-digit month followed by junk. (Once it did, and took
	 * "cases.2026-1x.tsv.gz" for January.)
	 */
	{
		static const char *const odd[] = { "cases.2026-1x.tsv.gz", "cases.+026-01.tsv.gz",
		    "cases. 026-01.tsv.gz", "cases.2026-+1.tsv.gz", NULL };

		for (i = 0; odd[i]; i++) {
			char p[600];

			snprintf(p, sizeof(p), "%s/%s", d, odd[i]);
			write_file(p, "", 0, "wb");
			n = journal_archives(d, "cases", &list, &e);
			T_INT(n, 3);
			archives_free(list, n);
			unlink(p);
		}
	}

	/* Many archives, sorted. */
	for (i = 0; i < 40; i++) {
		char p[600];

		snprintf(p, sizeof(p), "%s/callbacks.%04d-%02d.tsv.gz", d, 2030 - i / 12, 12 - i % 12);
		write_file(p, "", 0, "wb");
	}
	n = journal_archives(d, "callbacks", &list, &e);
	T_INT(n, 40);
	{
		int sorted = 1;

		for (i = 1; i < n; i++)
			if (list[i - 1].month >= list[i].month)
				sorted = 0;
		T_INT(sorted, 1);
		if (n == 40) {
			T_INT(list[0].month, 202709);
			T_INT(list[39].month, 203012);
		}
	}
	archives_free(list, n);

	/* A missing directory is an empty list. */
	list = (struct archive *)&n;
	n = journal_archives(pathf("%s", "no-such-dir"), "cases", &list, &e);
	T_INT(n, 0);
	T_OK(list == NULL);
	/* A file instead of a directory is an error. */
	err_clear(&e);
	{
		char p[600];

		snprintf(p, sizeof(p), "%s/cases.tsv", d);
		n = journal_archives(p, "cases", &list, &e);
		T_INT(n, -1);
		T_INT(e.code, RS_EIO);
		T_STR(e.where, p);
		T_OK(strncmp(e.msg, "cannot read directory: ", 23) == 0);
	}
	rm_rf(d);
	free(d);
}

/* ---------------------------------------------------------------- bisect */

static void
test_bisect(void)
{
	const int n = 100000;
	rs_time t0 = ts_of("2026-11-01T00:00:00+08:00"), *ts, t;
	long long *offs, off, size;
	struct buf b = BUF_INIT;
	char iso[TIME_ISO_MAX], *path = xstrdup(pathf("%s", "bisect.tsv"));
	int i, fd, k, j, probe, bad_start = 0, bad_before = 0, bad_gap = 0;
	uint64_t rng = 88172645463325252ULL;
	struct rs_err e;

	ts = xmalloc((size_t)n * sizeof(*ts));
	offs = xmalloc((size_t)n * sizeof(*offs));
	header_format_tsv(&b, CASES);
	for (i = 0; i < n; i++) {
		/* three rows per minute step, some minutes skipped */
		ts[i] = t0 + (rs_time)(i / 3) * 60 + (i % 7 == 0 ? 0 : 0);
		offs[i] = (long long)b.len;
		buf_printf(&b, "%s\t%s\tRS-20261101-%04d\tamended\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
		    "\t\t\t\t\t\t\t\tpadding %d\n", time_format_iso(ts[i], iso), iso, i % 9999 + 1, i);
	}
	size = (long long)b.len;
	write_file(path, b.p, b.len, "wb");
	fd = open(path, O_RDONLY);

	for (probe = 0; probe < 400; probe++) {
		switch (probe) {
		case 0: t = t0 - 1000; break;
		case 1: t = t0; break;
		case 2: t = t0 + 1; break;
		case 3: t = ts[n - 1]; break;
		case 4: t = ts[n - 1] + 1; break;
		case 5: t = ts[n - 1] + 100000; break;
		case 6: t = ts[n / 2]; break;
		default:
			rng ^= rng << 13;
			rng ^= rng >> 7;
			rng ^= rng << 17;
			t = t0 - 100 + (rs_time)(rng % (uint64_t)(ts[n - 1] - t0 + 200));
		}
		off = journal_bisect_ts(fd, size, t, &e);
		/* a line start: a row's offset, or the end */
		if (off == size)
			k = n;
		else {
			int lo = 0, hi = n - 1, mid;

			k = -1;
			while (lo <= hi) {
				mid = (lo + hi) / 2;
				if (offs[mid] == off) {
					k = mid;
					break;
				}
				if (offs[mid] < off)
					lo = mid + 1;
				else
					hi = mid - 1;
			}
		}
		if (k < 0) {
			bad_start++;
			continue;
		}
		/* every row before it has ts < t */
		if (k > 0 && ts[k - 1] >= t)
			bad_before++;
		/* and the first row with ts >= t is at most 64 KB further on */
		for (j = k; j < n && ts[j] < t; j++)
			;
		if ((j < n ? offs[j] : size) - off > 65536)
			bad_gap++;
	}
	T_INT(bad_start, 0);
	T_INT(bad_before, 0);
	T_INT(bad_gap, 0);
	/* Before everything: the first row (after the header). */
	T_INT(journal_bisect_ts(fd, size, t0 - 5, &e), offs[0]);
	close(fd);

	/* Header only, or empty: the end. */
	write_file(path, b.p, (size_t)offs[0], "wb");
	fd = open(path, O_RDONLY);
	T_INT(journal_bisect_ts(fd, offs[0], t0 + 100, &e), offs[0]);
	close(fd);

	/* Unreadable lines are stepped over: invariants hold for the good rows. */
	buf_reset(&b);
	header_format_tsv(&b, CASES);
	for (i = 0; i < n; i++) {
		offs[i] = (long long)b.len;
		if (i % 5 == 2)
			buf_printf(&b, "garbage line %d without a time\n", i);
		else
			buf_printf(&b, "%s\tx\tpadding padding padding padding %d\n",
			    time_format_iso(ts[i], iso), i);
	}
	size = (long long)b.len;
	write_file(path, b.p, b.len, "wb");
	fd = open(path, O_RDONLY);
	bad_start = bad_before = bad_gap = 0;
	for (probe = 0; probe < 200; probe++) {
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		t = t0 + (rs_time)(rng % (uint64_t)(ts[n - 1] - t0 + 1));
		off = journal_bisect_ts(fd, size, t, &e);
		for (k = 0; k < n && offs[k] < off; k++)
			;
		if (k < n ? offs[k] != off : off != size) {
			bad_start++;
			continue;
		}
		for (j = 0; j < k; j++)
			if (j % 5 != 2 && ts[j] >= t) {
				bad_before++;
				break;
			}
		for (j = k; j < n && (j % 5 == 2 || ts[j] < t); j++)
			;
		if ((j < n ? offs[j] : size) - off > 65536)
			bad_gap++;
	}
	T_INT(bad_start, 0);
	T_INT(bad_before, 0);
	T_INT(bad_gap, 0);
	close(fd);
	unlink(path);
	free(path);
	free(ts);
	free(offs);
	buf_free(&b);
}

/* ---------------------------------------------------------------- jreader */

#define SEP1 "2026-09-10T10:00:00+08:00"
#define SEP2 "2026-09-11T10:00:00+08:00"
#define OCT1 "2026-10-05T10:00:00+08:00"
#define OCT2 "2026-10-06T10:00:00+08:00"
#define OCT3 "2026-10-20T10:00:00+08:00"
#define OCTL "2026-10-31T23:00:00+08:00"
#define NOV1 "2026-11-02T10:00:00+08:00"
#define NOV2 "2026-11-03T10:00:00+08:00"

static void
make_journal(const char *d)
{
	struct buf b = BUF_INIT;
	char p[600];

	mkdir(d, 0700);
	header_format_tsv(&b, CASES);
	case_line(&b, SEP1, "RS-20260910-0001", "opened", NULL, NULL);
	case_line(&b, SEP2, "RS-20260910-0001", "amended", "note", "sep");
	snprintf(p, sizeof(p), "%s/cases.2026-09.tsv.gz", d);
	write_gz(p, b.p, b.len);

	buf_reset(&b);
	header_format_tsv(&b, CASES);
	case_line(&b, OCT1, "RS-20261005-0001", "opened", NULL, NULL);
	case_line(&b, OCT2, "RS-20261005-0001", "amended", "lat", "91");	/* bad */
	case_line(&b, OCT3, "RS-20261005-0001", "amended", "note", "oct");
	snprintf(p, sizeof(p), "%s/cases.2026-10.tsv.gz", d);
	write_gz(p, b.p, b.len);

	buf_reset(&b);
	header_format_tsv(&b, CASES);
	/* left over from an interrupted archive run: already in the October archive */
	case_line(&b, OCTL, "RS-20261005-0001", "amended", "note", "leftover");
	case_line(&b, NOV1, "RS-20261102-0001", "opened", NULL, NULL);
	case_line(&b, NOV2, "RS-20261102-0001", "amended", "note", "nov");
	buf_adds(&b, "2026-11-04T10:00:00+08:00\t2026-11-04T10:00:00+08:00\tRS-2026");	/* torn */
	snprintf(p, sizeof(p), "%s/cases.tsv", d);
	write_file(p, b.p, b.len, "wb");
	buf_free(&b);
}

static const char *
read_journal(const char *d, rs_time since, rs_time until, int flags)
{
	struct rs_err e;
	struct jreader *jr;

	err_clear(&e);
	jr = jreader_open_journal(d, CASES, since, until, flags, &e);
	if (jr == NULL) {
		buf_reset(&G);
		buf_printf(&G, "OPEN %d %s: %s\n", e.code, e.where, e.msg);
		return G.p;
	}
	render_jr(jr);
	jreader_free(jr);
	return G.p;
}

static void
test_jreader_journal(void)
{
	char *d = xstrdup(pathf("%s", "j1"));
	char *warn, want[1200];
	const char *got;

	make_journal(d);
	T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, JR_QUIET),
	    "cases.2026-09.tsv.gz:2:RS-20260910-0001:opened\n"
	    "cases.2026-09.tsv.gz:3:RS-20260910-0001:amended:sep\n"
	    "cases.2026-10.tsv.gz:2:RS-20261005-0001:opened\n"
	    "cases.2026-10.tsv.gz:4:RS-20261005-0001:amended:oct\n"
	    "cases.tsv:3:RS-20261102-0001:opened\n"
	    "cases.tsv:4:RS-20261102-0001:amended:nov\n");
	/* JR_BAD hands out the bad and the torn rows too. */
	T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, JR_QUIET | JR_BAD),
	    "cases.2026-09.tsv.gz:2:RS-20260910-0001:opened\n"
	    "cases.2026-09.tsv.gz:3:RS-20260910-0001:amended:sep\n"
	    "cases.2026-10.tsv.gz:2:RS-20261005-0001:opened\n"
	    "cases.2026-10.tsv.gz:3:RS-20261005-0001:amended !column lat: bad latitude '91' (want -90..90)\n"
	    "cases.2026-10.tsv.gz:4:RS-20261005-0001:amended:oct\n"
	    "cases.tsv:3:RS-20261102-0001:opened\n"
	    "cases.tsv:4:RS-20261102-0001:amended:nov\n"
	    "cases.tsv:5:n=3 !torn last line (no newline at the end)\n");
	/* Without JR_QUIET: one warning per file with bad rows (the torn line does not count). */
	capture_stderr_begin();
	got = read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0);
	warn = capture_stderr_end();
	T_OK(strstr(got, "cases.tsv:4:") != NULL);
	snprintf(want, sizeof(want), "%s: %s/cases.2026-10.tsv.gz: skipped 1 bad row, the first at line 3\n",
	    err_progname, d);
	T_STR(warn, want);
	free(warn);

	/* until: stops at the first row after it. */
	T_STR(read_journal(d, RS_TIME_NONE, ts_of("2026-10-10T00:00:00+08:00"), JR_QUIET),
	    "cases.2026-09.tsv.gz:2:RS-20260910-0001:opened\n"
	    "cases.2026-09.tsv.gz:3:RS-20260910-0001:amended:sep\n"
	    "cases.2026-10.tsv.gz:2:RS-20261005-0001:opened\n");
	T_STR(read_journal(d, RS_TIME_NONE, ts_of(NOV1), JR_QUIET),
	    "cases.2026-09.tsv.gz:2:RS-20260910-0001:opened\n"
	    "cases.2026-09.tsv.gz:3:RS-20260910-0001:amended:sep\n"
	    "cases.2026-10.tsv.gz:2:RS-20261005-0001:opened\n"
	    "cases.2026-10.tsv.gz:4:RS-20261005-0001:amended:oct\n"
	    "cases.tsv:3:RS-20261102-0001:opened\n");
	T_STR(read_journal(d, RS_TIME_NONE, ts_of(SEP1) - 1, JR_QUIET), "");
	/* since: archives of months before it are not read. */
	T_STR(read_journal(d, ts_of("2026-10-03T00:00:00+08:00"), RS_TIME_NONE, JR_QUIET),
	    "cases.2026-10.tsv.gz:2:RS-20261005-0001:opened\n"
	    "cases.2026-10.tsv.gz:4:RS-20261005-0001:amended:oct\n"
	    "cases.tsv:3:RS-20261102-0001:opened\n"
	    "cases.tsv:4:RS-20261102-0001:amended:nov\n");
	T_STR(read_journal(d, ts_of("2026-11-02T00:00:00+08:00"), RS_TIME_NONE, JR_QUIET),
	    "cases.tsv:3:RS-20261102-0001:opened\n"
	    "cases.tsv:4:RS-20261102-0001:amended:nov\n");

	/* Without archives the live file's October row is a row like any other. */
	{
		char p[600];

		snprintf(p, sizeof(p), "%s/cases.2026-09.tsv.gz", d);
		unlink(p);
		snprintf(p, sizeof(p), "%s/cases.2026-10.tsv.gz", d);
		unlink(p);
	}
	T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, JR_QUIET),
	    "cases.tsv:2:RS-20261005-0001:amended:leftover\n"
	    "cases.tsv:3:RS-20261102-0001:opened\n"
	    "cases.tsv:4:RS-20261102-0001:amended:nov\n");

	/* A missing live file or directory is an empty journal. */
	{
		char p[600];

		snprintf(p, sizeof(p), "%s/cases.tsv", d);
		unlink(p);
		T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0), "");
		T_STR(read_journal(pathf("%s", "none"), RS_TIME_NONE, RS_TIME_NONE, 0), "");
		/* A directory in its place is an error. */
		mkdir(p, 0700);
		snprintf(want, sizeof(want), "OPEN 3 %s: is a directory, not a file\n", p);
		T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0), want);
		rmdir(p);
		/* Empty file, header only, torn header: no rows, no error. */
		write_file(p, "", 0, "wb");
		T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0), "");
		write_file(p, "ts\tat\tcase_id\n", 14, "wb");
		T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0), "");
		write_file(p, "ts\tat\tcas", 9, "wb");
		T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0), "");
		/* A damaged archive: the error comes out of jreader_next. */
		snprintf(p, sizeof(p), "%s/cases.2026-08.tsv.gz", d);
		write_file(p, "\x1f\x8b\x08\x00", 4, "wb");
		snprintf(want, sizeof(want), "ERR 3 %s: truncated gzip data\n", p);
		T_STR(read_journal(d, RS_TIME_NONE, RS_TIME_NONE, 0), want);
	}
	rm_rf(d);
	free(d);
}

static void
test_jreader_big_live(void)
{
	/* A live file over 64 KB with since: bisected, line numbers unknown. */
	char *d = xstrdup(pathf("%s", "j2")), p[600], iso[TIME_ISO_MAX], id[32];
	struct buf b = BUF_INIT;
	rs_time t0 = ts_of("2026-11-01T00:00:00+08:00"), since = t0 + 2000 * 60;
	struct jreader *jr;
	struct rs_err e;
	struct row row;
	int i, got, count = 0, first_ok = 0, wrong_line = 0, n_ge = 0, seen_ge = 0;
	rs_time ts;

	mkdir(d, 0700);
	header_format_tsv(&b, CASES);
	for (i = 0; i < 4000; i++) {
		snprintf(id, sizeof(id), "RS-20261101-%04d", i + 1);
		case_line(&b, time_format_iso(t0 + i * 60, iso), id, "opened", "note",
		    "some padding text to make the rows longer than a few bytes each");
		if (t0 + i * 60 >= since)
			n_ge++;
	}
	snprintf(p, sizeof(p), "%s/cases.tsv", d);
	write_file(p, b.p, b.len, "wb");
	T_OK(b.len > 200000);
	jr = jreader_open_journal(d, CASES, since, RS_TIME_NONE, JR_QUIET, &e);
	while ((got = jreader_next(jr, &row, &e)) == 1) {
		time_parse_ts(row.v[0], row.len[0], &ts);
		if (count == 0)
			first_ok = ts < since && ts > t0;	/* started late, but before since */
		if (row.line != 0)
			wrong_line++;
		if (ts >= since)
			seen_ge++;
		count++;
	}
	T_INT(got, 0);
	T_INT(first_ok, 1);
	T_INT(wrong_line, 0);
	T_INT(seen_ge, n_ge);
	T_OK(count < 4000);
	T_OK(jreader_header_is_schema(jr));
	jreader_free(jr);
	rm_rf(d);
	free(d);
	buf_free(&b);
}

static const char *
read_one(const char *path, const struct schema *s, int flags)
{
	struct rs_err e;
	struct jreader *jr;

	err_clear(&e);
	jr = jreader_open_file(path, s, flags, &e);
	if (jr == NULL) {
		buf_reset(&G);
		buf_printf(&G, "OPEN %d %s: %s\n", e.code, e.where, e.msg);
		return G.p;
	}
	render_jr(jr);
	jreader_free(jr);
	return G.p;
}

static void
test_jreader_header(void)
{
	char *path = xstrdup(pathf("%s", "h.tsv")), want[1200];
	struct buf b = BUF_INIT;
	struct rs_err e;
	struct jreader *jr;
	struct row row;
	const char *const *cols;
	int i, n, j;

	/* Columns permuted: reversed order in the file. */
	for (i = CASES_NCOLS - 1; i >= 0; i--)
		buf_printf(&b, "%s%s", CASES->cols[i].name, i ? "\t" : "\n");
	{
		struct buf line = BUF_INIT;
		const char *v[CASES_NCOLS] = { 0 }, *rv[CASES_NCOLS];

		v[CASES_TS] = v[CASES_AT] = NOV1;
		v[CASES_CASE_ID] = "RS-20261102-0001";
		v[CASES_EVENT] = "opened";
		v[CASES_PHONE] = "13800000000";
		v[CASES_LOCATION] = "G2";
		v[CASES_SERVICE] = "tow";
		v[CASES_NOTE] = "tab\there";
		for (i = 0; i < CASES_NCOLS; i++)
			rv[i] = v[CASES_NCOLS - 1 - i];
		row_format_tsv(&line, CASES_NCOLS, rv);
		buf_add(&b, line.p, line.len);
		buf_free(&line);
	}
	write_file(path, b.p, b.len, "wb");
	jr = jreader_open_file(path, CASES, JR_QUIET, &e);
	T_OK(jr != NULL);
	T_INT(jreader_header_is_schema(jr), 0);
	cols = jreader_columns(jr, &n);
	T_INT(n, CASES_NCOLS);
	T_STR(cols[0], "ts");
	T_STR(cols[CASES_NCOLS - 1], "ref");
	T_INT(jreader_next(jr, &row, &e), 1);
	T_OK(row.problem == NULL);
	T_INT(row.n, CASES_NCOLS);
	T_STR(row.v[CASES_TS], NOV1);
	T_STR(row.v[CASES_CASE_ID], "RS-20261102-0001");
	T_STR(row.v[CASES_PHONE], "13800000000");
	T_STR(row.v[CASES_NOTE], "tab\there");
	T_INT(row.len[CASES_NOTE], 8);
	T_INT(row.line, 2);
	T_INT(jreader_next(jr, &row, &e), 0);
	jreader_free(jr);

	/* Columns missing from the header are empty; the rest map by name. */
	buf_reset(&b);
	buf_adds(&b, "event\tcase_id\tat\tts\tphone\tlocation\tservice\n");
	buf_printf(&b, "opened\tRS-20261102-0001\t%s\t%s\t138 0000 0000\tG2\ttyre\n", NOV1, NOV1);
	buf_printf(&b, "amended\tRS-20261102-0001\t%s\t%s\t\t\t\n", NOV2, NOV2);
	write_file(path, b.p, b.len, "wb");
	jr = jreader_open_file(path, CASES, JR_QUIET, &e);
	T_OK(jr != NULL);
	T_INT(jreader_header_is_schema(jr), 0);
	T_INT(jreader_next(jr, &row, &e), 1);
	T_INT(row.n, CASES_NCOLS);
	T_STR(row.v[CASES_SERVICE], "tyre");
	T_STR(row.v[CASES_PHONE], "138 0000 0000");
	T_STR(row.v[CASES_NOTE], "");
	T_INT(row.len[CASES_NOTE], 0);
	T_STR(row.v[CASES_PLATE], "");
	T_STR(row.v[CASES_AGENT], "");
	T_INT(jreader_next(jr, &row, &e), 1);
	T_STR(row.v[CASES_EVENT], "amended");
	T_STR(row.v[CASES_AT], NOV2);
	T_INT(jreader_next(jr, &row, &e), 0);
	jreader_free(jr);

	/* The same as CSV. */
	{
		char *csv = xstrdup(pathf("%s", "h.csv"));

		write_file(csv, "event,case_id,at,ts,phone,location,service,note\r\n"
		    "opened,RS-20261102-0001," NOV1 "," NOV1 ",13800000000,\"G2, km 5\",tow,\"a\nb\"\r\n",
		    strlen("event,case_id,at,ts,phone,location,service,note\r\n"
		    "opened,RS-20261102-0001," NOV1 "," NOV1 ",13800000000,\"G2, km 5\",tow,\"a\nb\"\r\n"),
		    "wb");
		jr = jreader_open_file(csv, CASES, JR_QUIET, &e);
		T_OK(jr != NULL);
		T_INT(jreader_next(jr, &row, &e), 1);
		T_STR(row.v[CASES_LOCATION], "G2, km 5");
		T_STR(row.v[CASES_NOTE], "a\nb");
		T_STR(row.v[CASES_SERVICE], "tow");
		T_INT(jreader_next(jr, &row, &e), 0);
		jreader_free(jr);
		unlink(csv);
		free(csv);
	}

	/* A row whose field count does not match the header is bad. */
	buf_reset(&b);
	buf_adds(&b, "event\tcase_id\tat\tts\n");
	buf_printf(&b, "amended\tRS-20261102-0001\t%s\n", NOV1);
	buf_printf(&b, "amended\tRS-20261102-0001\t%s\t%s\n", NOV1, NOV1);
	write_file(path, b.p, b.len, "wb");
	T_STR(read_one(path, CASES, JR_QUIET), "h.tsv:3:RS-20261102-0001:amended\n");

	/*
	 * A file whose header lacks a column (27 of 28) and a row with 28
	 * fields: the row is bad ("wrong number of fields"), counted against
	 * the header, not the schema. (Once it was compared with the
	 * schema's 28, accepted and handed out in file order, unmapped.)
	 */
	buf_reset(&b);
	for (i = 0; i < CASES_NCOLS - 1; i++)	/* no "note" */
		buf_printf(&b, "%s%s", CASES->cols[i].name, i < CASES_NCOLS - 2 ? "\t" : "\n");
	case_line(&b, NOV1, "RS-20261102-0001", "opened", "note", "extra field");
	write_file(path, b.p, b.len, "wb");
	T_STR(read_one(path, CASES, JR_QUIET), "");
	jr = jreader_open_file(path, CASES, JR_QUIET | JR_BAD, &e);
	T_INT(jreader_next(jr, &row, &e), 1);
	T_OK(row.problem != NULL);
	T_OK(row.problem && strncmp(row.problem, "wrong number of fields", 22) == 0);
	jreader_free(jr);

	/* Unknown and repeated header columns are errors for the file. */
	write_file(path, "ts\tat\tbogus\n", 12, "wb");
	snprintf(want, sizeof(want), "OPEN 1 %s:1: unknown column 'bogus' for cases\n", path);
	T_STR(read_one(path, CASES, 0), want);
	write_file(path, "ts\tat\tts\n", 9, "wb");
	snprintf(want, sizeof(want), "OPEN 1 %s:1: column 'ts' appears twice\n", path);
	T_STR(read_one(path, CASES, 0), want);
	/* A missing file is RS_EIO. */
	snprintf(want, sizeof(want), "OPEN 3 %s: cannot open: No such file or directory\n",
	    pathf("%s", "nope.tsv"));
	T_STR(read_one(pathf("%s", "nope.tsv"), CASES, 0), want);

	/* Without a schema: the header gives the columns; values are not typed. */
	write_file(path, "x\ty\tz\n1\t\\t2\t\n\n3\t4\t5\n", 20, "wb");
	jr = jreader_open_file(path, NULL, JR_QUIET | JR_BAD, &e);
	T_OK(jr != NULL);
	cols = jreader_columns(jr, &n);
	T_INT(n, 3);
	T_STR(cols[0], "x");
	T_STR(cols[2], "z");
	T_INT(jreader_header_is_schema(jr), 0);
	T_INT(jreader_next(jr, &row, &e), 1);
	T_INT(row.n, 3);
	T_STR(row.v[1], "\t2");
	T_OK(row.problem == NULL);
	T_INT(jreader_next(jr, &row, &e), 1);
	T_STR(row.problem, "wrong number of fields: 1, want 3");
	T_INT(row.line, 3);
	T_INT(jreader_next(jr, &row, &e), 1);
	T_STR(row.v[2], "5");
	T_INT(jreader_next(jr, &row, &e), 0);
	jreader_free(jr);

	/* jreader_open_fd at an offset: the header from the start, rows from the offset. */
	buf_reset(&b);
	header_format_tsv(&b, CASES);
	j = (int)b.len;
	case_line(&b, NOV1, "RS-20261102-0001", "opened", NULL, NULL);
	n = (int)b.len;
	case_line(&b, NOV2, "RS-20261102-0001", "amended", "note", "second");
	write_file(path, b.p, b.len, "wb");
	{
		int fd = open(path, O_RDONLY);

		jr = jreader_open_fd(fd, "h.tsv", CASES, n, JR_QUIET, &e);
		T_OK(jr != NULL);
		T_STR(render_jr(jr), "h.tsv:0:RS-20261102-0001:amended:second\n");
		jreader_free(jr);
		jr = jreader_open_fd(fd, "h.tsv", CASES, j, JR_QUIET, &e);
		T_STR(render_jr(jr), "h.tsv:0:RS-20261102-0001:opened\n"
		    "h.tsv:0:RS-20261102-0001:amended:second\n");
		jreader_free(jr);
		jr = jreader_open_fd(fd, "h.tsv", CASES, 0, JR_QUIET, &e);
		T_STR(render_jr(jr), "h.tsv:2:RS-20261102-0001:opened\n"
		    "h.tsv:3:RS-20261102-0001:amended:second\n");
		jreader_free(jr);
		T_OK(fcntl(fd, F_GETFD) != -1);	/* borrowed: still open */
		close(fd);
	}
	unlink(path);
	free(path);
	buf_free(&b);
}

/* ---------------------------------------------------------------- append */

struct build_arg {
	const char *id, *event, *note;
	int fail, empty;
	/* what the callback saw */
	rs_time ts, last_ts;
	long long size;
	int rows, bad;
	char last_id[32];
	rs_time since;
};

static int
build(struct append_ctx *ctx, struct buf *rows, void *arg, struct rs_err *e)
{
	struct build_arg *a = arg;
	struct jreader *jr;
	struct row row;
	char iso[TIME_ISO_MAX];
	int got;

	a->ts = ctx->ts;
	a->last_ts = ctx->last_ts;
	a->size = ctx->size;
	a->rows = 0;
	a->last_id[0] = '\0';
	jr = append_reader(ctx, a->since, e);
	if (jr == NULL)
		return -1;
	while ((got = jreader_next(jr, &row, e)) == 1) {
		a->rows++;
		snprintf(a->last_id, sizeof(a->last_id), "%s", row.v[CASES_CASE_ID]);
	}
	jreader_free(jr);
	if (got < 0)
		return -1;
	if (a->fail)
		return err_set(e, RS_EDATA, a->id, "refused by the build callback");
	if (a->empty)
		return 0;
	case_line(rows, time_format_iso(ctx->ts, iso), a->id, a->event, a->note ? "note" : NULL,
	    a->note);
	return 0;
}

static void
test_append(void)
{
	char *d = xstrdup(pathf("%s", "newdir")), *path, *before, *after;
	struct build_arg a;
	struct rs_err e;
	struct stat st;
	struct buf want = BUF_INIT;
	mode_t old_umask = umask(0);
	int rc;

	setenv("RS_FSYNC", "0", 1);
	path = journal_path(d, "cases");

	/* row_format_tsv and header_format_tsv */
	{
		struct buf b = BUF_INIT;
		const char *v[3] = { "a\tb", NULL, "c\\\n" };

		row_format_tsv(&b, 3, v);
		T_STR(b.p, "a\\tb\t\tc\\\\\\n\n");
		buf_reset(&b);
		row_format_tsv(&b, 1, v + 1);
		T_STR(b.p, "\n");
		buf_reset(&b);
		header_format_tsv(&b, schema_find("providers"));
		T_STR(b.p, "provider_id\tname\tphone\tregion\tlat\tlon\tservices\tev\thighway\tactive\tnote\n");
		buf_free(&b);
	}

	/* A new directory and file: 0700 and 0600 even with umask 0; the header once. */
	memset(&a, 0, sizeof(a));
	a.id = "RS-20261122-0001";
	a.event = "opened";
	a.since = RS_TIME_NONE;
	setenv("RS_NOW", "2026-11-22T08:00:00+08:00", 1);
	err_clear(&e);
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, 0);
	T_STR(e.msg, "");
	T_INT(stat(d, &st), 0);
	T_INT(st.st_mode & 07777, 0700);
	T_INT(stat(path, &st), 0);
	T_INT(st.st_mode & 07777, 0600);
	T_OK(S_ISREG(st.st_mode));
	T_OK(a.last_ts == RS_TIME_NONE);
	T_INT(a.size, 0);
	T_INT(a.ts, ts_of("2026-11-22T08:00:00+08:00"));
	T_INT(a.rows, 0);
	header_format_tsv(&want, CASES);
	case_line(&want, "2026-11-22T08:00:00+08:00", "RS-20261122-0001", "opened", NULL, NULL);
	after = read_whole(path);
	T_STR(after, want.p);
	free(after);

	/* The clock behind the last row: the last row's ts again. */
	setenv("RS_NOW", "2026-11-22T07:00:00+08:00", 1);
	a.event = "amended";
	a.note = "first note";
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, 0);
	T_INT(a.last_ts, ts_of("2026-11-22T08:00:00+08:00"));
	T_INT(a.ts, ts_of("2026-11-22T08:00:00+08:00"));
	T_INT(a.size, (long long)want.len);
	T_INT(a.rows, 1);
	T_STR(a.last_id, "RS-20261122-0001");
	case_line(&want, "2026-11-22T08:00:00+08:00", "RS-20261122-0001", "amended", "note",
	    "first note");
	after = read_whole(path);
	T_STR(after, want.p);
	free(after);

	/* The clock ahead: now. */
	setenv("RS_NOW", "2026-11-22T09:00:00+08:00", 1);
	a.id = "RS-20261122-0002";
	a.event = "opened";
	a.note = "tab\tand\nnewline";
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, 0);
	T_INT(a.ts, ts_of("2026-11-22T09:00:00+08:00"));
	T_INT(a.rows, 2);
	case_line(&want, "2026-11-22T09:00:00+08:00", "RS-20261122-0002", "opened", "note",
	    "tab\tand\nnewline");
	after = read_whole(path);
	T_STR(after, want.p);
	free(after);

	/* A torn last line gets its newline first; it stays a separate bad line. */
	write_file(path, "2026-11-22T09:3", 15, "ab");
	buf_adds(&want, "2026-11-22T09:3\n");
	setenv("RS_NOW", "2026-11-22T08:30:00+08:00", 1);
	a.id = "RS-20261122-0001";
	a.event = "amended";
	a.note = "after torn";
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, 0);
	T_INT(a.size, (long long)want.len - 1);	/* the newline goes out with the rows */
	T_INT(a.last_ts, ts_of("2026-11-22T09:00:00+08:00"));	/* of the last good row */
	T_INT(a.ts, ts_of("2026-11-22T09:00:00+08:00"));
	T_INT(a.rows, 3);	/* the fragment is skipped */
	T_STR(a.last_id, "RS-20261122-0002");
	case_line(&want, "2026-11-22T09:00:00+08:00", "RS-20261122-0001", "amended", "note",
	    "after torn");
	after = read_whole(path);
	T_STR(after, want.p);
	free(after);

	/* The build callback fails: nothing is written. */
	before = read_whole(path);
	a.fail = 1;
	err_clear(&e);
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, -1);
	T_INT(e.code, RS_EDATA);
	T_STR(e.where, "RS-20261122-0001");
	T_STR(e.msg, "refused by the build callback");
	after = read_whole(path);
	T_STR(after, before);
	free(after);
	free(before);
	a.fail = 0;

	/* No rows built: nothing written, not an error. */
	a.empty = 1;
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, 0);
	after = read_whole(path);
	T_STR(after, want.p);
	free(after);
	a.empty = 0;

	/* A failed first append leaves an empty file; the next one writes the header. */
	{
		char *dp = journal_path(d, "dispatch");
		const struct schema *ds = schema_find("dispatch");

		a.fail = 1;
		rc = journal_append(d, ds, build, &a, &e);
		T_INT(rc, -1);
		after = read_whole(dp);
		T_OK(strcmp(after, "") == 0 || strcmp(after, "<missing>") == 0);
		free(after);
		a.fail = 0;
		a.empty = 1;
		rc = journal_append(d, ds, build, &a, &e);
		T_INT(rc, 0);
		after = read_whole(dp);
		T_OK(strcmp(after, "") == 0 || strcmp(after, "<missing>") == 0);
		free(after);
		a.empty = 0;
		free(dp);
	}

	/* Bad rows in the journal are read around by append_reader. */
	write_file(path, "garbage\tline\n", 13, "ab");
	buf_adds(&want, "garbage\tline\n");
	setenv("RS_NOW", "2026-11-22T10:00:00+08:00", 1);
	a.note = NULL;
	rc = journal_append(d, CASES, build, &a, &e);
	T_INT(rc, 0);
	T_INT(a.rows, 4);
	T_INT(a.last_ts, ts_of("2026-11-22T09:00:00+08:00"));
	T_INT(a.ts, ts_of("2026-11-22T10:00:00+08:00"));
	case_line(&want, "2026-11-22T10:00:00+08:00", "RS-20261122-0001", "amended", NULL, NULL);
	after = read_whole(path);
	T_STR(after, want.p);
	free(after);

	/* The lock: another open file description holds it; RS_LOCK_TIMEOUT gives up. */
	{
		int fd = open(path, O_RDWR);
		struct flock fl;
		struct timespec t1, t2;
		double secs;

		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		T_INT(fcntl(fd, F_OFD_SETLK, &fl), 0);
		setenv("RS_LOCK_TIMEOUT", "0.2", 1);
		before = read_whole(path);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		err_clear(&e);
		rc = journal_append(d, CASES, build, &a, &e);
		clock_gettime(CLOCK_MONOTONIC, &t2);
		secs = (double)(t2.tv_sec - t1.tv_sec) + (double)(t2.tv_nsec - t1.tv_nsec) / 1e9;
		T_INT(rc, -1);
		T_INT(e.code, RS_EBUSY);
		T_STR(e.where, path);
		T_STR(e.msg, "journal is busy (locked by another writer for 0.2 s); try again");
		T_OK(secs >= 0.15 && secs < 3);
		after = read_whole(path);
		T_STR(after, before);
		free(after);
		free(before);
		/* journal_lock on its own */
		{
			int fd2 = open(path, O_RDWR);

			setenv("RS_LOCK_TIMEOUT", "0", 1);
			err_clear(&e);
			T_INT(jfile_lock(fd2, "x", &e), -1);
			T_INT(e.code, RS_EBUSY);
			close(fd);	/* releases the lock */
			T_INT(jfile_lock(fd2, "x", &e), 0);
			close(fd2);
		}
		unsetenv("RS_LOCK_TIMEOUT");
		rc = journal_append(d, CASES, build, &a, &e);
		T_INT(rc, 0);
	}

	/* A journal directory that is a file. */
	{
		char *f = xstrdup(pathf("%s", "plainfile"));

		write_file(f, "x", 1, "wb");
		err_clear(&e);
		rc = journal_append(f, CASES, build, &a, &e);
		T_INT(rc, -1);
		T_INT(e.code, RS_EIO);
		T_STR(e.where, f);
		T_STR(e.msg, "not a directory");
		unlink(f);
		free(f);
	}

	/* append_reader with since on a journal over 64 KB: bisected. */
	{
		char *d2 = xstrdup(pathf("%s", "big")), *p2, iso[TIME_ISO_MAX], id[32];
		struct buf b = BUF_INIT;
		rs_time t0 = ts_of("2026-11-01T00:00:00+08:00");
		int i;

		mkdir(d2, 0700);
		p2 = journal_path(d2, "cases");
		header_format_tsv(&b, CASES);
		for (i = 0; i < 3000; i++) {
			snprintf(id, sizeof(id), "RS-20261101-%04d", i + 1);
			case_line(&b, time_format_iso(t0 + i * 60, iso), id, "opened", "note",
			    "padding padding padding padding padding padding");
		}
		write_file(p2, b.p, b.len, "wb");
		setenv("RS_NOW", "2026-11-05T00:00:00+08:00", 1);
		memset(&a, 0, sizeof(a));
		a.id = "RS-20261101-0001";
		a.event = "amended";
		a.since = t0 + 2900 * 60;
		rc = journal_append(d2, CASES, build, &a, &e);
		T_INT(rc, 0);
		T_OK(a.rows >= 100 && a.rows < 3000);
		T_STR(a.last_id, "RS-20261101-3000");
		T_INT(a.last_ts, t0 + 2999 * 60);
		T_INT(a.size, (long long)b.len);
		/* since before everything: every row */
		a.since = t0 - 1;
		rc = journal_append(d2, CASES, build, &a, &e);
		T_INT(rc, 0);
		T_INT(a.rows, 3001);
		free(p2);
		buf_free(&b);
		rm_rf(d2);
		free(d2);
	}

	unsetenv("RS_NOW");
	unsetenv("RS_FSYNC");
	umask(old_umask);
	buf_free(&want);
	free(path);
	rm_rf(d);
	free(d);
}

/* ---------------------------------------------------------------- fold, idmap */

struct frow {
	struct row r;
	char *v[CASES_NCOLS];
	size_t len[CASES_NCOLS];
	char store[CASES_NCOLS][64];
};

static void
frow_set(struct frow *f, long line, const char *id, const char *phone, const char *note,
    const char *plate)
{
	int i;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < CASES_NCOLS; i++)
		f->v[i] = f->store[i];
	snprintf(f->store[CASES_CASE_ID], 64, "%s", id);
	snprintf(f->store[CASES_PHONE], 64, "%s", phone);
	snprintf(f->store[CASES_NOTE], 64, "%s", note);
	snprintf(f->store[CASES_PLATE], 64, "%s", plate);
	for (i = 0; i < CASES_NCOLS; i++)
		f->len[i] = strlen(f->store[i]);
	f->r.n = CASES_NCOLS;
	f->r.v = f->v;
	f->r.len = f->len;
	f->r.line = line;
}

static void
test_fold(void)
{
	struct fold f;
	struct frow r;
	struct entity *a, *b;
	uint64_t ka, kb;
	int i, bad;

	id_parse("RS-20261122-0001", 16, "RS", &ka);
	id_parse("RS-20261122-0002", 16, "RS", &kb);
	fold_init(&f, CASES);
	T_INT(f.n, 0);
	T_OK(fold_get(&f, ka) == NULL);

	frow_set(&r, 2, "RS-20261122-0001", "13800000000", "first", "");
	a = fold_add(&f, &r.r);
	T_OK(a != NULL);
	frow_set(&r, 3, "RS-20261122-0002", "13900000000", "", "粤B12345");
	b = fold_add(&f, &r.r);
	T_OK(b != NULL);
	frow_set(&r, 4, "RS-20261122-0001", "", "second", "沪A·F0123");
	fold_add(&f, &r.r);
	frow_set(&r, 5, "RS-20261122-0001", "", "", "");
	fold_add(&f, &r.r);
	/* The row buffers are reused: the fold keeps its own copies. */
	memset(r.store, 'Z', sizeof(r.store));
	/* A malformed id is not folded. */
	frow_set(&r, 6, "RS-bad", "1", "x", "");
	T_OK(fold_add(&f, &r.r) == NULL);
	frow_set(&r, 7, "CP-20261122-0001", "1", "x", "");
	T_OK(fold_add(&f, &r.r) == NULL);

	T_INT(f.n, 2);
	a = &f.items[0];	/* first appearance order */
	b = &f.items[1];
	T_INT(a->key, ka);
	T_INT(b->key, kb);
	T_OK(fold_get(&f, ka) == a);
	T_OK(fold_get(&f, kb) == b);
	T_STR(a->v[CASES_PHONE], "13800000000");	/* empty later values do not erase */
	T_STR(a->v[CASES_NOTE], "second");		/* last non-empty wins */
	T_STR(a->v[CASES_PLATE], "沪A·F0123");
	T_STR(a->v[CASES_CASE_ID], "RS-20261122-0001");
	T_STR(a->v[CASES_AGENT], "");
	T_INT(a->rows, 3);
	T_INT(a->first_line, 2);
	T_STR(b->v[CASES_PHONE], "13900000000");
	T_STR(b->v[CASES_NOTE], "");
	T_STR(b->v[CASES_PLATE], "粤B12345");
	T_INT(b->rows, 1);
	T_INT(b->first_line, 3);
	fold_free(&f);
	T_INT(f.n, 0);
	T_OK(f.items == NULL);

	/* Providers have no RS/CP ids: nothing to fold. */
	fold_init(&f, schema_find("providers"));
	frow_set(&r, 2, "P1", "", "", "");
	T_OK(fold_add(&f, &r.r) == NULL);
	fold_free(&f);

	/* 100 000 entities, each folded twice, interleaved: order and lookups hold. */
	fold_init(&f, CASES);
	for (i = 0; i < 200000; i++) {
		int k = i < 100000 ? i : 199999 - i;	/* second pass backwards */
		char id[32], note[32];

		int64_t y;
		int mo, dd;

		/* 100 days from 2026-01-01, 1000 cases a day */
		civil_from_days(days_from_civil(2026, 1, 1) + k / 1000, &y, &mo, &dd);
		snprintf(id, sizeof(id), "RS-%04d%02d%02d-%04d", (int)y, mo, dd, k % 1000 + 1);
		snprintf(note, sizeof(note), "n%d-%d", k, i < 100000 ? 1 : 2);
		frow_set(&r, i + 2, id, "", note, "");
		if (fold_add(&f, &r.r) == NULL) {
			T_OK(!"fold_add failed");
			break;
		}
	}
	T_INT(f.n, 100000);
	bad = 0;
	for (i = 0; i < 100000 && (size_t)i < f.n; i++) {
		char note[32];

		snprintf(note, sizeof(note), "n%d-2", i);
		if (strcmp(f.items[i].v[CASES_NOTE], note) != 0 || f.items[i].rows != 2 ||
		    f.items[i].first_line != i + 2 || fold_get(&f, f.items[i].key) != &f.items[i])
			bad++;
	}
	T_INT(bad, 0);
	fold_free(&f);
}

/* slot_of as idmap.c computes it, to build keys that collide on purpose. */
static size_t
idmap_slot(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 17) & (cap - 1);
}

/* key_of gives 100 000 distinct real id keys: 20 dates, 5000 cases each. */
static uint64_t
key_of(size_t i)
{
	size_t g = i / 5000;

	return id_key(2026 * 10000 + (int)(1 + g % 12) * 100 + 1 + (int)(g / 12), i % 5000 + 1);
}

static void
test_idmap(void)
{
	struct idmap m = IDMAP_INIT;
	size_t v, i;
	uint64_t k, keys[20];
	int n, bad;

	T_INT(idmap_get(&m, 1, &v), 0);
	idmap_put(&m, 42, 7);
	T_INT(idmap_get(&m, 42, &v), 1);
	T_INT(v, 7);
	T_INT(idmap_get(&m, 42, NULL), 1);
	T_INT(idmap_get(&m, 43, &v), 0);
	idmap_put(&m, 42, 8);	/* replace */
	T_INT(idmap_get(&m, 42, &v), 1);
	T_INT(v, 8);
	T_INT(m.count, 1);
	idmap_free(&m);
	T_INT(m.cap, 0);
	T_INT(idmap_get(&m, 42, &v), 0);

	/* Keys that all hash to the last slot of a 64-slot table: probing wraps around. */
	for (k = 1, n = 0; n < 20; k++)
		if (idmap_slot(k, 64) == 63)
			keys[n++] = k;
	for (i = 0; i < 20; i++)
		idmap_put(&m, keys[i], i * 10);
	T_INT(m.cap, 64);
	T_INT(m.count, 20);
	bad = 0;
	for (i = 0; i < 20; i++)
		if (!idmap_get(&m, keys[i], &v) || v != i * 10)
			bad++;
	T_INT(bad, 0);
	/* a key of the same slot that is absent */
	for (; idmap_slot(k, 64) != 63; k++)
		;
	T_INT(idmap_get(&m, k, &v), 0);
	idmap_free(&m);

	/* 100 000 real id keys, growing from empty. */
	bad = 0;
	for (i = 0; i < 100000; i++)
		idmap_put(&m, key_of(i), i);
	for (i = 0; i < 100000; i++)
		if (!idmap_get(&m, key_of(i), &v) ||
		    v != i)
			bad++;
	T_INT(bad, 0);
	T_INT(m.count, 100000);
	T_OK(m.count * 4 <= m.cap * 3);
	T_INT(idmap_get(&m, id_key(20270101, 1), &v), 0);
	/* overwrite them all */
	for (i = 0; i < 100000; i++)
		idmap_put(&m, key_of(i), i + 1);
	T_INT(m.count, 100000);
	bad = 0;
	for (i = 0; i < 100000; i++)
		if (!idmap_get(&m, key_of(i), &v) ||
		    v != i + 1)
			bad++;
	T_INT(bad, 0);
	idmap_free(&m);

	/*
	 * Sequential raw keys and keys differing only in high bits. (Only
	 * 2000 of the latter: slot_of keeps bits 17.. of key * C, so keys
	 * that differ only in bits >= 35 all get the same slot and every put
	 * probes the whole cluster; real id keys do not do that.)
	 */
	for (i = 1; i <= 50000; i++)
		idmap_put(&m, i, i);
	for (i = 1; i <= 2000; i++)
		idmap_put(&m, i << 40, i + 1000000);
	bad = 0;
	for (i = 1; i <= 50000; i++)
		if (!idmap_get(&m, i, &v) || v != i)
			bad++;
	for (i = 1; i <= 2000; i++)
		if (!idmap_get(&m, i << 40, &v) || v != i + 1000000)
			bad++;
	T_INT(bad, 0);
	T_INT(m.count, 52000);
	idmap_free(&m);
}

/* render_rows appends "ts case_id event note !problem" per row of jr to out; returns jreader_next's last result. */
static int
render_rows(struct jreader *jr, struct buf *out)
{
	struct rs_err e;
	struct row row;
	int got;

	err_clear(&e);
	while ((got = jreader_next(jr, &row, &e)) == 1)
		buf_printf(out, "%s %s %s %s\n", row.v[CASES_TS], row.v[CASES_CASE_ID],
		    row.v[CASES_EVENT], row.v[CASES_NOTE]);
	return got;
}

/*
 * A journal cut into slices reads, slice after slice, what one reader
 * reads, whatever the number of slices: a gzip archive, a plain live
 * file with bad rows, leftovers of an interrupted archive and a torn
 * last line; and the slices' bad rows come out as one warning per file.
 */
static void
test_jreader_split(void)
{
	static const int ns[] = { 2, 3, 4, 7, 16, 64 };
	char *d = xstrdup(pathf("%s", "split")), *live, p[600], iso[TIME_ISO_MAX], id[32];
	struct buf b = BUF_INIT, whole = BUF_INIT, cut = BUF_INIT, w1 = BUF_INIT, w2 = BUF_INIT;
	rs_time t0 = ts_of("2026-11-01T00:00:00+08:00");
	struct jreader *jr, *sl[64];
	struct rs_err e;
	const char *saved = err_progname;
	int i, k, n, got, ok;
	long skipped;

	make_journal(d);
	/* make_journal's live file, grown past many slices: every 97th row bad. */
	live = read_whole(pathf("%s", "split/cases.tsv"));
	buf_adds(&b, live);
	free(live);
	b.len = (size_t)(strrchr(b.p, '\n') - b.p) + 1;	/* its torn line goes last */
	for (i = 0; i < 3000; i++) {
		snprintf(id, sizeof(id), "RS-20261104-%04d", i + 1);
		case_line(&b, time_format_iso(t0 + 3 * 86400 + i * 60, iso), id, "opened",
		    i % 97 == 5 ? "lat" : "note", i % 97 == 5 ? "91" : "padding to make rows longer");
	}
	buf_adds(&b, "2026-11-09T10:00:00+08:00\t2026-11-09T10:00:00+08:00\tRS-2026");
	snprintf(p, sizeof(p), "%s/cases.tsv", d);
	write_file(p, b.p, b.len, "wb");

	err_progname = "t";
	jr = jreader_open_journal(d, CASES, RS_TIME_NONE, RS_TIME_NONE, JR_QUIET, &e);
	T_INT(render_rows(jr, &whole), 0);
	skipped = jreader_skipped(jr);
	jreader_free(jr);
	T_INT(skipped, 1 + 31);		/* October's lat 91, and rows 5, 102, ... 2915 */
	T_OK(whole.len > 200000);
	for (k = 0; k < (int)(sizeof(ns) / sizeof(ns[0])); k++) {
		buf_reset(&cut);
		buf_reset(&w2);
		err_defer(&w2);
		jr = jreader_open_journal(d, CASES, RS_TIME_NONE, RS_TIME_NONE, 0, &e);
		n = jreader_split(jr, ns[k], 1000, sl, &e);
		T_INT(n, ns[k]);
		for (i = 0, ok = 1; i < n; i++) {
			got = render_rows(sl[i], &cut);
			ok &= got == 0;
		}
		T_INT(ok, 1);
		jreader_split_warn(jr, sl, n);
		for (i = 0; i < n; i++)
			jreader_free(sl[i]);
		T_INT(jreader_skipped(jr), skipped);
		jreader_free(jr);
		err_defer(NULL);
		T_MEM(cut.p, cut.len, whole.p, whole.len);
		if (k == 0) {
			/*
			 * As one reader warns: the archive's line 3; the live
			 * file's header, the leftover and November's two rows
			 * are lines 1-4, so row 5 is line 10.
			 */
			buf_reset(&w1);
			buf_printf(&w1, "t: %s/cases.2026-10.tsv.gz: skipped 1 bad row, the first at line 3\n"
			    "t: %s/cases.tsv: skipped 31 bad rows, the first at line 10\n", d, d);
			buf_addc(&w2, '\0');
			T_STR(w2.p, w1.p);
		} else
			T_INT(w2.len, 0);	/* a warning once per file and process */
	}

	/* Too few bytes for two slices of min_bytes: not cut. */
	jr = jreader_open_journal(d, CASES, RS_TIME_NONE, RS_TIME_NONE, 0, &e);
	T_INT(jreader_split(jr, 4, (long long)whole.len * 2, sl, &e), 0);
	jreader_free(jr);
	err_progname = saved;
	rm_rf(d);
	free(d);
	buf_free(&b);
	buf_free(&whole);
	buf_free(&cut);
	buf_free(&w1);
	buf_free(&w2);
}

/* One warning per file and process, again only with more bad rows. */
static void
test_warn_once(void)
{
	struct buf b = BUF_INIT;
	const char *saved = err_progname;

	err_progname = "t";
	err_defer(&b);
	journal_warn_skipped("w1.tsv", 2, 7);
	journal_warn_skipped("w1.tsv", 2, 0);	/* the same file read again */
	journal_warn_skipped("w1.tsv", 1, 0);
	journal_warn_skipped("w2.tsv", 0, 0);	/* nothing skipped */
	journal_warn_skipped("w2.tsv", 1, 0);
	journal_warn_skipped("w1.tsv", 3, 0);	/* a later read found more */
	err_defer(NULL);
	buf_addc(&b, '\0');
	T_STR(b.p, "t: w1.tsv: skipped 2 bad rows, the first at line 7\n"
	    "t: w2.tsv: skipped 1 bad row\n"
	    "t: w1.tsv: skipped 3 bad rows\n");
	err_progname = saved;
	buf_free(&b);
}

void
t_journal(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	snprintf(base, sizeof(base), "/tmp/rs-unit-journal-XXXXXX");
	if (mkdtemp(base) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	CASES = schema_find("cases");
	test_dir();
	test_archives();
	test_bisect();
	test_jreader_journal();
	test_jreader_big_live();
	test_jreader_split();
	test_jreader_header();
	test_append();
	test_fold();
	test_idmap();
	test_warn_once();
	rm_rf(base);
	buf_free(&G);
}
