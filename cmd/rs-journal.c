/*
 * rs-journal - plumbing for the journals: init, check, cat, archive, schema.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "buf.h"
#include "check.h"
#include "cli.h"
#include "cmdtable.h"
#include "ddl.h"
#include "err.h"
#include "i18n.h"
#include "journal.h"
#include "migrate.h"
#include "out.h"
#include "row.h"
#include "rules.h"
#include "schema.h"
#include "site.h"
#include "timefmt.h"

static const char help_main[] =
N_("usage: rs-journal [-d DIR] COMMAND [OPTIONS] [ARGS]\n"
"\n"
"Commands:\n"
"  init [--zone ZONE] [--site CODE]\n"
"                             make DIR a site: its zone (default: the zone TZ\n"
"                             names) and the code in its ids, set once\n"
"  check [NAME...]            check every row of the journals (archives too);\n"
"                             prints FILE:LINE: problem, exits 1 if any\n"
"  cat NAME|FILE... [--since T] [--until T] [--as-of T] [-f tsv|csv|json|table]\n"
"                             print a journal (archives and live file as one\n"
"                             stream; --as-of: as it stood then) or any TSV/CSV\n"
"                             file (.gz too, - = stdin)\n"
"  archive --before YYYY-MM   move whole months before YYYY-MM to NAME.YYYY-MM.tsv.gz\n"
"  migrate [NAME...]          rewrite live journals whose header is not the\n"
"                             current one (archives stay as they are)\n"
"  export NAME [--since T] [--until T] [-f tsv|csv|json]\n"
"                             every row of a journal for an analytic engine,\n"
"                             after two columns: site (site.code) and seq (the\n"
"                             row's place in the site's journal, from 1); CSV\n"
"                             without the formula guard; --since/--until by ts\n"
"  schema [NAME] [--ddl duckdb|postgres|clickhouse]\n"
"                             list the schemas, or print one (--ddl: as the\n"
"                             CREATE TABLE of an export for that engine)\n"
"\n"
"Options:\n"
"  -d, --dir DIR      journal directory (default $RS_DIR, else $XDG_DATA_HOME/rs)\n"
"                     (a site: its rules.tsv site.zone is the zone of every time,\n"
"                     whatever TZ says; site.code goes into new ids: RS-SZ-...)\n"
"  -f, --format FMT   output format: tsv (default), csv, json (JSON Lines), table\n"
"  -H, --no-header    no header line\n"
"      --raw          CSV without the spreadsheet formula guard\n"
"  -q, --quiet        archive, migrate: no summary of the rows moved\n"
"  -h, --help         this help;  -V, --version  the version\n"
"\n"
"Names: cases, dispatch, complaints, callbacks, providers (and rules for check).\n"
"\n"
"The site: rules.tsv's site.zone is the zone of every time the tools write,\n"
"read and print, whatever TZ says; site.code goes into new ids\n"
"(RS-SZ-20261122-0001). Without site.zone, TZ is used and check warns.\n"
"\n"
"Examples:\n"
"  rs-journal init --zone Asia/Shanghai --site SZ\n"
"  rs-journal check\n"
"  rs-journal cat complaints --since 2026-10-01 | mlr --tsv count-distinct -f category\n"
"  rs-journal cat export.csv -f json\n"
"  rs-journal archive --before 2026-10\n"
"  rs-journal migrate\n"
"  rs-journal export cases -f csv > sz-cases.csv\n"
"  rs-journal schema cases --ddl postgres\n");

static const char help_init[] =
N_("usage: rs-journal init [--zone ZONE] [--site CODE]\n"
"\n"
"Makes the journal directory a site (rules.tsv): its zone, the zone of\n"
"every time the tools write, read and print whatever TZ says, and the\n"
"code in its new ids (RS-SZ-...). Both are set once; running it again\n"
"with the same values changes nothing.\n"
"  --zone ZONE    an IANA zone (default: the zone TZ names)\n"
"  --site CODE    2-8 of A-Z and 0-9, one a letter at least (default: none)\n"
"\n"
"examples:\n"
"  rs-journal init --zone Asia/Shanghai --site SZ\n"
"  rs-journal -d /srv/rs/gz init --zone Asia/Shanghai\n");

static const char help_check[] =
N_("usage: rs-journal check [NAME...]\n"
"\n"
"Checks every row of the journals (archives too; NAME: cases, dispatch,\n"
"complaints, callbacks, providers, rules; default all): schemas, ids,\n"
"references, event order, ts order and future, at <= ts + 5 min, torn\n"
"lines, headers, rules.tsv. Prints FILE:LINE: problem; exit 1 if any.\n"
"With -d given again (or RS_DIR=A:B), each site in turn: DIR/FILE:LINE.\n"
"\n"
"examples:\n"
"  rs-journal check\n"
"  rs-journal check complaints callbacks\n"
"  rs-journal -d /srv/rs/sz -d /srv/rs/gz check\n");

static const char help_cat[] =
N_("usage: rs-journal cat NAME|FILE... [--since T] [--until T] [--as-of T]\n"
"                      [-f tsv|csv|json|table] [-H] [--raw]\n"
"\n"
"Prints a journal NAME (archives and live file as one stream, typed by\n"
"its schema) or any TSV/CSV file (.gz too, - = stdin; every value text).\n"
"With -d given again (or RS_DIR=A:B), a journal NAME of every site, one\n"
"after another in that order, under one header (each site its own code).\n"
"  --since T --until T  only rows whose at (else ts) is in [since, until)\n"
"  --as-of T            the journal as it stood at T\n"
"  -f F                 tsv (default), csv, json (JSON Lines), table\n"
"\n"
"examples:\n"
"  rs-journal cat complaints --since 2026-10-01 -f json\n"
"  rs-journal cat export.csv\n");

static const char help_archive[] =
N_("usage: rs-journal archive --before YYYY-MM [-q]\n"
"\n"
"Moves the whole months before YYYY-MM of the event journals into\n"
"NAME.YYYY-MM.tsv.gz, under the journal's lock and crash-safe; only\n"
"finished months. -q: no summary of the rows moved.\n"
"\n"
"example:\n"
"  rs-journal archive --before 2026-10\n");

static const char help_migrate[] =
N_("usage: rs-journal migrate [NAME...] [-q]\n"
"\n"
"Rewrites each live event journal (NAME: cases, dispatch, complaints,\n"
"callbacks; default all) whose header is not the current schema's to the\n"
"current header, crash-safe; archives stay as they are.\n"
"\n"
"example:\n"
"  rs-journal migrate cases\n");

static const char help_schema[] =
N_("usage: rs-journal schema [NAME] [-f tsv|csv|json|table]\n"
"\n"
"Without NAME lists the schemas; with it prints its columns: column type\n"
"required values description.\n"
"\n"
"examples:\n"
"  rs-journal schema\n"
"  rs-journal schema complaints -f table\n");

enum { S_CHECK = 1 << 0, S_CAT = 1 << 1, S_ARCHIVE = 1 << 2, S_SCHEMA = 1 << 3,
	S_INIT = 1 << 4, S_MIGRATE = 1 << 5, S_EXPORT = 1 << 6 };

struct opts {
	struct cli_args cli;
	const char *since, *until, *before;
	const char *zone, *site;
	const char *ddl;
};
#define OFF(field) offsetof(struct opts, field)

/* Every option is read wherever it is; subs says which subcommand uses it (the completions offer it there). */
static const struct cli_opt options[] = {
	{ .name = "since", .has_arg = 1, .subs = S_CAT | S_EXPORT, .off = OFF(since) },
	{ .name = "until", .has_arg = 1, .subs = S_CAT | S_EXPORT, .off = OFF(until) },
	{ .name = "ddl", .has_arg = 1, .subs = S_SCHEMA, .off = OFF(ddl),
	    .choices = ddl_engine_names },
	{ .name = "before", .has_arg = 1, .subs = S_ARCHIVE, .off = OFF(before) },
	{ .name = "zone", .has_arg = 1, .subs = S_INIT, .off = OFF(zone) },
	{ .name = "site", .has_arg = 1, .subs = S_INIT, .off = OFF(site) },
	{ .name = NULL },
};

/* print_problem prints one finding of check; arg: the directory to name before the file, or NULL. */
static void
print_problem(void *arg, const char *file, long line, const char *msg)
{
	const char *dir = arg;

	if (dir != NULL)
		printf("%s/", dir);
	if (line > 0)
		printf("%s:%ld: %s\n", file, line, msg);
	else
		printf("%s: %s\n", file, msg);
}

/*
 * check_site checks the journals argv[0..argc) (all if none) of the
 * directory dir_option (NULL: the default), naming the directory before
 * each file when named is set. Returns the number of problems, or -1
 * with e set.
 */
static int
check_site(const char *dir_option, char **argv, int argc, int named, struct rs_err *e)
{
	struct rules r;
	struct buf where = BUF_INIT;
	char *dir;
	int n;

	dir = journal_dir(dir_option);
	err_clear(e);
	buf_printf(&where, "%s%srules.tsv", named ? dir : "", named ? "/" : "");
	/* A bad rules.tsv is one of the problems check reports, not a reason to stop. */
	if (rules_load(dir, &r, e) == 0 && rules_apply_site(&r, e) == 0 &&
	    r.site_zone[0] == '\0')
		err_warn(where.p, "site.zone is not set: times are read in the "
		    "zone of TZ, so results depend on the reader's TZ "
		    "(set it with rs-journal init --zone)");
	err_clear(e);
	n = journal_check(dir, (const char *const *)argv, argc, print_problem,
	    named ? dir : NULL, e);
	buf_free(&where);
	free(dir);
	return n;
}

/*
 * check reads each directory on its own (several -d, or RS_DIR as a
 * list: SPEC 12), every one of them first checked to exist; the file of
 * each finding is then named with its directory.
 */
static int
cmd_check(void *p)
{
	struct opts *opts = p;
	struct cli_global *g = &opts->cli.g;
	int argc = opts->cli.nargs;
	char **argv = opts->cli.args;
	struct rs_err e;
	char *dir;
	int i, n, found = 0;

	for (i = 0; i < argc; i++)
		if (schema_find(argv[i]) == NULL && strcmp(argv[i], "rules") != 0)
			return cli_usage("check: unknown journal '%s'", argv[i]);
	if ((n = cli_dirs(g)) != 0)
		return n;
	for (i = 0; i < (g->ndirs > 1 ? g->ndirs : 1); i++) {
		dir = journal_dir(g->ndirs > 1 ? g->dirs[i] : g->dir);
		n = cli_read_dir(dir);
		free(dir);
		if (n != 0)
			return n;
	}
	for (i = 0; i < (g->ndirs > 1 ? g->ndirs : 1); i++) {
		if ((n = check_site(g->ndirs > 1 ? g->dirs[i] : g->dir, argv, argc,
		    g->ndirs > 1, &e)) < 0)
			return cli_fail(&e);
		found += n;
	}
	return found > 0 ? RS_EDATA : 0;
}

/* time_column finds the column a --since/--until filter applies to: at, else ts. */
static int
time_column(const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], "at") == 0)
			return i;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], "ts") == 0)
			return i;
	return -1;
}

/*
 * cat_one prints journal or file arg (a journal of the directory
 * dir_option, NULL the default) through *o, made by the first input;
 * returns 0 or an exit code after printing why.
 */
static int
cat_one(const struct opts *opts, const char *arg, const char *dir_option, struct out **o,
    char ***first_cols, int *first_n, rs_time since, rs_time until, rs_time as_of)
{
	const struct schema *s = schema_find(arg);
	struct jreader *jr;
	struct rs_err e;
	struct row r;
	const char *const *names;
	enum coltype *types = NULL;
	char *dir;
	int n, i, got, tcol;
	rs_time t;

	err_clear(&e);
	if (s) {
		dir = journal_dir(dir_option);
		if ((i = cli_read_dir(dir)) != 0) {
			free(dir);
			return i;
		}
		jr = jreader_open_journal(dir, s, since, as_of, 0, &e);
		free(dir);
	} else
		jr = jreader_open_file(arg, NULL, opts->cli.g.raw ? JR_RAW : 0, &e);
	if (jr == NULL)
		return cli_fail(&e);
	names = jreader_columns(jr, &n);
	if (*o == NULL) {
		if (s) {
			types = xcalloc((size_t)s->n, sizeof(*types));
			for (i = 0; i < s->n; i++)
				types[i] = s->cols[i].type;
		}
		*o = out_new(stdout, opts->cli.g.format, (opts->cli.g.no_header ? OUT_NO_HEADER : 0) |
		    (opts->cli.g.raw ? OUT_RAW : 0), n, names, types);
		free(types);
		*first_n = n;
		*first_cols = xcalloc((size_t)n + 1, sizeof(char *));
		for (i = 0; i < n; i++)
			(*first_cols)[i] = xstrdup(names[i]);
	} else {
		for (i = 0; i < n && i < *first_n; i++)
			if (strcmp(names[i], (*first_cols)[i]) != 0)
				break;
		if (i < n || n != *first_n) {
			cli_error(arg, "columns differ from the first input's; cat one kind at a time");
			jreader_free(jr);
			return RS_EDATA;
		}
	}
	tcol = time_column(names, n);
	while ((got = jreader_next(jr, &r, &e)) > 0) {
		if (tcol >= 0 && (since != RS_TIME_NONE || until != RS_TIME_NONE)) {
			if (time_parse_iso(r.v[tcol], r.len[tcol], &t) < 0)
				continue;
			if ((since != RS_TIME_NONE && t < since) || (until != RS_TIME_NONE && t >= until))
				continue;
		}
		out_row(*o, (const char *const *)r.v, r.len);
	}
	jreader_free(jr);
	return got < 0 ? cli_fail(&e) : 0;
}

/*
 * cat prints a journal of several sites (several -d, or RS_DIR as a
 * list: SPEC 12) as one stream, site after site in the order given,
 * under one header; the ids tell the sites apart, as each must have its
 * own code. A FILE is printed once.
 */
static int
cmd_cat(void *p)
{
	struct opts *opts = p;
	const struct cli_global *g = &opts->cli.g;
	int argc = opts->cli.nargs;
	char **argv = opts->cli.args;
	struct out *o = NULL;
	char **cols = NULL;
	rs_time since = RS_TIME_NONE, until = RS_TIME_NONE, as_of = RS_TIME_NONE;
	rs_time now;
	int i, j, n = 0, rc = 0;

	if ((rc = cli_sites(&opts->cli.g, 1)) != 0)
		return rc;
	now = time_now();
	if (opts->cli.g.as_of && cli_time_option("--as-of", opts->cli.g.as_of, now, &as_of) < 0)
		return RS_EDATA;
	if (as_of != RS_TIME_NONE)
		now = as_of;	/* relative times count from --as-of */
	if (opts->since && cli_time_option("--since", opts->since, now, &since) < 0)
		return RS_EDATA;
	if (opts->until && cli_time_option("--until", opts->until, now, &until) < 0)
		return RS_EDATA;
	for (i = 0; i < argc && rc == 0; i++) {
		if (schema_find(argv[i]) == NULL || g->ndirs <= 1) {
			rc = cat_one(opts, argv[i], g->dir, &o, &cols, &n, since, until, as_of);
			continue;
		}
		for (j = 0; j < g->ndirs && rc == 0; j++)
			rc = cat_one(opts, argv[i], g->dirs[j], &o, &cols, &n, since, until,
			    as_of);
	}
	if (o) {
		if (out_end(o) < 0 && rc == 0)
			rc = cli_exit(0);
		out_free(o);
	}
	for (i = 0; cols && i < n; i++)
		free(cols[i]);
	free(cols);
	return rc;
}

static int
cmd_archive(void *p)
{
	const struct opts *opts = p;
	static const char *const names[] = { "cases", "dispatch", "complaints", "callbacks" };
	struct rs_err e;
	char *dir;
	int y, m, before, current, i, rc = 0;
	int64_t cy;
	int cm;
	long moved;
	char extra;

	if (opts->before == NULL)
		return cli_usage("archive: --before YYYY-MM is required");
	if (strlen(opts->before) != 7 || strspn(opts->before, "0123456789") != 4 ||
	    opts->before[4] != '-' || strspn(opts->before + 5, "0123456789") != 2 ||
	    sscanf(opts->before, "%4d-%2d%c", &y, &m, &extra) != 2 || m < 1 || m > 12)
		return cli_usage("archive: --before: bad month '%s' (want YYYY-MM)", opts->before);
	before = y * 100 + m;
	time_local_fields(time_now(), &cy, &cm, NULL, NULL, NULL, NULL);
	current = (int)cy * 100 + cm;
	if (before > current) {
		cli_error("--before", "%s is after the current month; only finished months can be archived",
		    opts->before);
		return RS_EDATA;
	}
	dir = journal_dir(opts->cli.g.dir);
	for (i = 0; i < 4 && rc == 0; i++) {
		err_clear(&e);
		if (journal_archive(dir, schema_find(names[i]), before, &moved, &e) < 0)
			rc = cli_fail(&e);
		else if (moved > 0 && !opts->cli.g.quiet)
			err_warn(names[i], "archived %ld row%s", moved, moved == 1 ? "" : "s");
	}
	free(dir);
	return rc;
}

static int
cmd_migrate(void *p)
{
	const struct opts *opts = p;
	int argc = opts->cli.nargs;
	char **argv = opts->cli.args;
	static const char *const all[] = { "cases", "dispatch", "complaints", "callbacks" };
	const char *const *names = argc > 0 ? (const char *const *)argv : all;
	int n = argc > 0 ? argc : 4, i, rc = 0;
	struct rs_err e;
	long rows;
	char *dir;
	int k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < 4 && strcmp(names[i], all[k]) != 0; k++)
			;
		if (k == 4)
			return cli_usage("migrate: '%s' is not an event journal (cases, dispatch, complaints, callbacks)",
			    names[i]);
	}
	dir = journal_dir(opts->cli.g.dir);
	for (i = 0; i < n && rc == 0; i++) {
		err_clear(&e);
		if (journal_migrate(dir, schema_find(names[i]), &rows, &e) < 0)
			rc = cli_fail(&e);
		else if (rows >= 0 && !opts->cli.g.quiet)
			err_warn(names[i], "migrated %ld row%s to the current header", rows,
			    rows == 1 ? "" : "s");
	}
	free(dir);
	return rc;
}

static int
cmd_schema(void *p)
{
	const struct opts *opts = p;
	int argc = opts->cli.nargs;
	char **argv = opts->cli.args;
	static const char *const head[] = { "column", "type", "required", "values", "description" };
	const struct schema *s;
	struct out *o;
	const char *v[5];
	int i, rc;

	if (argc == 0) {
		for (i = 0; schema_all[i]; i++)
			printf("%s\n", schema_all[i]->name);
		return 0;
	}
	if ((s = schema_find(argv[0])) == NULL) {
		cli_error(argv[0], "no such schema (see rs-journal schema)");
		return RS_EDATA;
	}
	if (opts->ddl != NULL) {
		struct buf b = BUF_INIT;
		enum ddl_engine eng;

		if (ddl_engine_parse(opts->ddl, &eng) == -1)
			return cli_usage("--ddl: want duckdb, postgres or clickhouse, not '%s'",
			    opts->ddl);
		ddl_create(&b, s, eng);
		fwrite(b.p, 1, b.len, stdout);
		buf_free(&b);
		return 0;
	}
	o = out_new(stdout, opts->cli.g.format, opts->cli.g.no_header ? OUT_NO_HEADER : 0, 5, head, NULL);
	for (i = 0; i < s->n; i++) {
		v[0] = s->cols[i].name;
		v[1] = coltype_name(s->cols[i].type);
		v[2] = s->cols[i].required;
		v[3] = s->cols[i].values;
		v[4] = s->cols[i].description;
		out_row(o, v, NULL);
	}
	rc = out_end(o);
	out_free(o);
	return rc < 0 ? cli_exit(0) : 0;
}

/*
 * cmd_export prints every row of journal NAME (archives and live file as
 * one stream) after its site code and its place in the journal: the key
 * that keeps "the last non-empty value wins, in file order" in SQL, where
 * rows share a ts. seq counts every row, so the whole journal is read
 * even when --since asks for its tail.
 */
static int
cmd_export(void *p)
{
	const struct opts *opts = p;
	const struct schema *s;
	struct jreader *jr;
	struct rs_err e;
	struct row r;
	struct out *o;
	struct rules ru;
	const char **names, **v;
	const char *const *cols;
	enum coltype *types;
	char seq[32], *dir;
	long long n = 0;
	rs_time since = RS_TIME_NONE, until = RS_TIME_NONE, as_of = RS_TIME_NONE, now = time_now();
	int i, nc, got, rc;

	if (opts->cli.nargs == 0)
		return cli_usage("export: name a journal");
	if (opts->cli.nargs > 1)
		return cli_usage("export: one journal at a time");
	if ((s = schema_find(opts->cli.args[0])) == NULL) {
		cli_error(opts->cli.args[0], "no such journal (see rs-journal schema)");
		return RS_EDATA;
	}
	if (opts->cli.g.as_of && cli_time_option("--as-of", opts->cli.g.as_of, now, &as_of) < 0)
		return RS_EDATA;
	if (as_of != RS_TIME_NONE)
		now = as_of;
	if ((opts->since && cli_time_option("--since", opts->since, now, &since) < 0) ||
	    (opts->until && cli_time_option("--until", opts->until, now, &until) < 0))
		return RS_EDATA;
	dir = journal_dir(opts->cli.g.dir);
	err_clear(&e);
	if ((rc = cli_read_dir(dir)) != 0 || (rc = rules_load(dir, &ru, &e) == -1 ?
	    cli_fail(&e) : 0) != 0 ||
	    (jr = jreader_open_journal(dir, s, RS_TIME_NONE, as_of, 0, &e)) == NULL) {
		free(dir);
		return rc ? rc : cli_fail(&e);
	}
	free(dir);
	cols = jreader_columns(jr, &nc);
	names = xcalloc((size_t)nc + 2, sizeof(*names));
	types = xcalloc((size_t)nc + 2, sizeof(*types));
	v = xcalloc((size_t)nc + 2, sizeof(*v));
	names[0] = "site", types[0] = COL_ID;
	names[1] = "seq", types[1] = COL_INT;
	for (i = 0; i < nc; i++) {
		names[i + 2] = cols[i];
		types[i + 2] = i < s->n ? s->cols[i].type : COL_TEXT;
	}
	/* CSV for engines, not spreadsheets: no formula guard (SPEC 12). */
	o = out_new(stdout, opts->cli.g.format, OUT_RAW |
	    (opts->cli.g.no_header ? OUT_NO_HEADER : 0), nc + 2, names, types);
	v[0] = ru.site_code;
	v[1] = seq;
	while ((got = jreader_next(jr, &r, &e)) > 0) {
		n++;
		if ((since != RS_TIME_NONE && (!r.parsed || r.ts < since)) ||
		    (until != RS_TIME_NONE && (!r.parsed || r.ts >= until)))
			continue;
		snprintf(seq, sizeof(seq), "%lld", n);
		for (i = 0; i < nc; i++)
			v[i + 2] = r.v[i];
		out_row(o, v, NULL);
	}
	rc = got < 0 ? cli_fail(&e) : 0;
	if (out_end(o) < 0 && rc == 0)
		rc = cli_exit(0);
	out_free(o);
	jreader_free(jr);
	free(names);
	free(types);
	free(v);
	return rc;
}

static int
cmd_init(void *p)
{
	const struct opts *opts = p;
	struct rs_err e;
	char *dir;
	int changed, rc = 0;

	if (opts->zone != NULL && opts->zone[0] == '\0')
		return cli_usage("--zone: empty zone");
	err_clear(&e);
	dir = journal_dir(opts->cli.g.dir);
	if (site_init(dir, opts->zone, time_tz_zone(), opts->site, &changed, &e) == -1)
		rc = e.code == RS_EUSAGE ? cli_usage("%s", e.msg) : cli_fail(&e);
	free(dir);
	return rc;
}

static const struct cli_cmd cmds[] = {
	{ .name = "init", .run = cmd_init, .bit = S_INIT,
	    .summary = "make the directory a site", .help = help_init, .operands = "" },
	{ .name = "check", .run = cmd_check, .bit = S_CHECK,
	    .summary = "check every row of the journals", .help = help_check,
	    .operands = "[NAME...]", .complete = "journal+rules" },
	{ .name = "cat", .run = cmd_cat, .bit = S_CAT,
	    .summary = "print journals or TSV/CSV files", .help = help_cat,
	    .operands = "NAME|FILE..." },
	{ .name = "archive", .run = cmd_archive, .bit = S_ARCHIVE,
	    .summary = "move whole months to compressed archives", .help = help_archive,
	    .operands = "" },
	{ .name = "migrate", .run = cmd_migrate, .bit = S_MIGRATE,
	    .summary = "rewrite live journals to the current header", .help = help_migrate,
	    .operands = "[NAME...]" },
	{ .name = "export", .run = cmd_export, .bit = S_EXPORT,
	    .summary = "print a journal for an analytic engine", .complete = "journal" },
	{ .name = "schema", .run = cmd_schema, .bit = S_SCHEMA,
	    .summary = "list the schemas, or print one", .help = help_schema,
	    .operands = "[NAME]" },
	{ .name = NULL },
};

/*
 * init makes the site; check reports a bad rules.tsv among its findings;
 * both, and cat, read several directories themselves.
 */
static const char *const site_self[] = { "init", "check", "cat", NULL };

static const struct cli_tool tool = {
	.cmds = cmds,
	.opts = options,
	.globals = CLI_G_DIR | CLI_G_FORMAT | CLI_G_NO_HEADER | CLI_G_RAW | CLI_G_QUIET |
	    CLI_G_AS_OF,
	.help = help_main,
	.site_self = site_self,
	.size = sizeof(struct opts),
};

int
main(int argc, char **argv)
{
	struct opts o;

	cli_init("rs-journal");
	return cli_exit(cli_run(&tool, argc, argv, &o));
}
