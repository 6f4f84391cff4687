/*
 * rs-intake - take a call: open a case, amend it, bulk-import cases,
 * list cases (SPEC 6).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "append.h"
#include "buf.h"
#include "cases.h"
#include "cli.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "out.h"
#include "reader.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"
#include "utf8.h"

/* The case fields settable by option, in the order of the synopsis. */
static const struct field {
	const char *opt;
	int col;
} fields[] = {
	{ "phone", CASES_PHONE },
	{ "location", CASES_LOCATION },
	{ "service", CASES_SERVICE },
	{ "customer", CASES_CUSTOMER },
	{ "plate", CASES_PLATE },
	{ "vehicle", CASES_VEHICLE },
	{ "energy", CASES_ENERGY },
	{ "lat", CASES_LAT },
	{ "lon", CASES_LON },
	{ "road", CASES_ROAD },
	{ "fault", CASES_FAULT },
	{ "symptom", CASES_SYMPTOM },
	{ "can-start", CASES_CAN_START },
	{ "injuries", CASES_INJURIES },
	{ "police", CASES_POLICE },
	{ "medical", CASES_MEDICAL },
	{ "program", CASES_PROGRAM },
	{ "channel", CASES_CHANNEL },
	{ "call-at", CASES_CALL_AT },
	{ "quote", CASES_QUOTE },
	{ "eta", CASES_ETA_PROMISED },
	{ "priority", CASES_PRIORITY },
	{ "note", CASES_NOTE },
};
#define NFIELDS (int)(sizeof(fields) / sizeof(fields[0]))

enum {
	OPT_FIELD = CLI_OPT_FIRST_FREE,			/* + index into fields */
	OPT_SINCE = CLI_OPT_FIRST_FREE + 0x80,
	OPT_UNTIL,
	OPT_OPEN,
	OPT_SERVICE,
	OPT_PRIORITY
};

#define GLOBAL_LONGOPTS \
	{ "dir", required_argument, NULL, 'd' }, \
	{ "format", required_argument, NULL, 'f' }, \
	{ "no-header", no_argument, NULL, 'H' }, \
	{ "agent", required_argument, NULL, CLI_OPT_AGENT }, \
	{ "at", required_argument, NULL, CLI_OPT_AT }, \
	{ "as-of", required_argument, NULL, CLI_OPT_AS_OF }, \
	{ "raw", no_argument, NULL, CLI_OPT_RAW }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }
#define SHORTOPTS ":d:f:HqhV"

struct opts {
	struct cli_global g;
	char *dir;
	const char *val[CASES_NCOLS];	/* field options as given, by column */
	int nval;
	const char *since, *until, *service, *priority;	/* list */
	int open;
	rs_time now, as_of;
};

static const char help_new[] =
N_("usage: rs-intake [new] --phone P --location TEXT --service S [options]\n"
"\n"
"Opens a case (RS-YYYYMMDD-NNNN) and prints the row written, or only the\n"
"id with -q. The priority is computed unless --priority is given:\n"
"1 injuries or an accident on a highway; 2 highway, accident or brake\n"
"fault; 3 cannot start, tow or winch; 4 otherwise.\n"
"\n"
"case options:\n"
"  --phone P           customer phone (required)\n"
"  --location TEXT     where the vehicle is (required)\n"
"  --service S         tow|tyre|jumpstart|fuel|lockout|winch|repair|\n"
"                      transfer|chauffeur|booking (required)\n"
"  --customer NAME     --plate PLATE     --vehicle TEXT\n"
"  --energy ice|ev|hybrid                --road city|highway|rural\n"
"  --lat DEG --lon DEG WGS 84 position (suggest needs it)\n"
"  --fault F           accident|engine|transmission|electrical|battery|tyre|\n"
"                      brake|ev-system|fuel|lockout|software|other\n"
"  --symptom TEXT      --can-start y|n   --injuries N\n"
"  --police y|n        --medical y|n     --program TEXT\n"
"  --channel C         phone|app|web|walkin|partner (default phone)\n"
"  --call-at TIME      when the call started (desk SLAs count from it)\n"
"  --quote AMOUNT      --eta MIN (arrival promised)  --priority 1..4\n"
"  --note TEXT\n"
"global options:\n"
"  -d, --dir DIR       journal directory (else $RS_DIR, $XDG_DATA_HOME/rs)\n"
"  -f, --format F      tsv|csv|json|table for the printed row\n"
"  -H, --no-header     -q, --quiet (print only the id)\n"
"  --agent NAME        --at TIME (when it happened; at most 5 min ahead)\n"
"  -h, --help          -V, --version\n"
"\n"
"examples:\n"
"  rs-intake --phone 13800000000 --location 'G4 K23' --road highway \\\n"
"      --service tyre --can-start n\n"
"  id=$(rs-intake -q --phone 13900000001 --location '深南大道 1 号' \\\n"
"      --service jumpstart --energy ev --fault battery --lat 22.54 --lon 114.06)\n"
"  rs-intake --phone 13700000002 --location 'S3 K10' --service tow \\\n"
"      --fault accident --injuries 1 --police y --medical y --at 09:55\n");

static const char help_amend[] =
N_("usage: rs-intake amend CASE [case options] [global options]\n"
"\n"
"Appends an 'amended' row holding only the fields given; the current\n"
"state of the case is the last non-empty value of each field. The\n"
"priority is not recomputed (--priority sets it). The case options are\n"
"those of 'rs-intake new -h'; global options -d -f -H -q --agent --at.\n"
"\n"
"examples:\n"
"  rs-intake amend RS-20261122-0042 --lat 22.61 --lon 114.03\n"
"  rs-intake amend RS-20261122-0042 --injuries 1 --priority 1 --medical y\n");

static const char help_import[] =
N_("usage: rs-intake import [FILE|-] [global options]\n"
"\n"
"Opens many cases from a CSV or TSV file (default stdin; CSV by the .csv\n"
"name, on stdin when the first line has no tab) whose header names cases\n"
"columns (rs-journal schema cases). ts, case_id and event are assigned\n"
"by the tool (such columns are ignored); at and call_at accept every time\n"
"form of --at; the priority is computed where empty, the channel is\n"
"phone where empty. Every row is checked first: any bad row and nothing\n"
"is appended, each reported as FILE:LINE: column C: WHAT (exit 1).\n"
"All rows go in one locked append with consecutive ids. Prints the rows\n"
"written, or their ids with -q.\n"
"\n"
"examples:\n"
"  rs-intake import partner-feed.csv\n"
"  mlr --icsv --otsv cat feed.csv | rs-intake import -q -\n");

static const char help_list[] =
N_("usage: rs-intake list [--since T] [--until T] [--open] [--service S]\n"
"                      [--priority N] [--as-of T] [global options]\n"
"\n"
"Prints the current state of the cases opened in [--since, --until):\n"
"case_id state opened_at, then every cases column from agent to note.\n"
"state is open, assigned, enroute, arrived, completed or cancelled.\n"
"  --open          only cases not completed or cancelled\n"
"  --service S     --priority N   only cases with that service, priority\n"
"  --as-of T       the journals as they stood at T (default now)\n"
"  -f tsv|csv|json|table, -H, -d DIR\n"
"\n"
"examples:\n"
"  rs-intake list --open --priority 1 -f table\n"
"  rs-intake list --since 2026-11-22 --until 2026-11-23 -f json\n"
"  rs-intake list --since -2h --service tow\n");

static const char help_main[] =
N_("usage: rs-intake [new] --phone P --location TEXT --service S [options]\n"
"       rs-intake amend CASE [options]\n"
"       rs-intake import [FILE|-]\n"
"       rs-intake list [--since T --until T --open --service S --priority N]\n"
"\n"
"Takes calls: opens, amends, imports and lists cases in the journal\n"
"directory's cases.tsv. 'rs-intake SUBCOMMAND -h' tells more.\n"
"\n"
"examples:\n"
"  id=$(rs-intake -q --phone 13800000000 --location 'G4 K23' --road highway \\\n"
"      --service tyre --can-start n)\n"
"  rs-intake amend \"$id\" --lat 22.61 --lon 114.03\n"
"  rs-intake list --open -f table\n");

static int
help(const char *text)
{
	fputs(_(text), stdout);
	return 0;
}

/*
 * common_option handles what every subcommand shares: globals, help,
 * version and getopt's complaints. Returns -2 if c is not one of them,
 * else an exit code for the caller to return (-1 = handled, go on).
 */
static int
common_option(int c, char **argv, struct opts *o, const char *helptext)
{
	int r;

	switch (c) {
	case 'h':
		return help(helptext);
	case 'V':
		return cli_version();
	case ':':
		return cli_usage("option '%s' needs a value", argv[optind - 1]);
	case '?':
		if (optopt != 0 && optopt < 0x100 && argv[optind - 1][1] != '-')
			return cli_usage("unknown option '-%c'", optopt);
		return cli_usage("unknown option '%s'", argv[optind - 1]);
	}
	if ((r = cli_global_option(c, optarg, &o->g)) == 1)
		return -1;
	/* A bad --agent is bad data, a bad --format a usage error. */
	if (r == -1)
		return c == CLI_OPT_AGENT ? 1 : 2;
	return -2;
}

/* setup resolves the directory, the clock and --as-of once options are in. */
static int
setup(struct opts *o)
{
	o->now = time_now();
	if (cli_as_of(&o->g, &o->as_of) == -1)
		return 1;
	o->dir = journal_dir(o->g.dir);
	return 0;
}

/* out_flags maps -H and --raw to writer flags. */
static int
out_flags(const struct opts *o)
{
	return (o->g.no_header ? OUT_NO_HEADER : 0) | (o->g.raw ? OUT_RAW : 0);
}

/*
 * check_field validates one field value given for column col (opt names
 * it in messages); times in any SPEC 5 form are rewritten to the journal
 * form into tbuf. Returns 0, or -1 with the error printed.
 */
static int
check_field(const char *opt, int col, const char **v, rs_time base, char *tbuf)
{
	const struct column *c = &schema_cases.cols[col];
	char msg[256], where[64];
	rs_time t;

	snprintf(where, sizeof(where), "--%s", opt);
	if (c->type == COL_TEXT)
		return cli_text_arg(where, *v);
	if (c->type == COL_TS) {
		if (cli_time_option(where, *v, base, &t) == -1)
			return -1;
		*v = time_format_iso(t, tbuf);
		return 0;
	}
	if (schema_check_value(c, *v, strlen(*v), msg, sizeof(msg)) != NULL) {
		cli_error(where, "%s", msg);
		return -1;
	}
	return 0;
}

/* parse_case parses new/amend options into o; returns -1 to go on, else an exit code. */
static int
parse_case(int argc, char **argv, struct opts *o, const char *helptext)
{
	struct option lo[NFIELDS + 16];
	int c, i, r;
	static const struct option glob[] = { GLOBAL_LONGOPTS, { NULL, 0, NULL, 0 } };

	for (i = 0; i < NFIELDS; i++) {
		lo[i].name = fields[i].opt;
		lo[i].has_arg = required_argument;
		lo[i].flag = NULL;
		lo[i].val = OPT_FIELD + i;
	}
	memcpy(&lo[NFIELDS], glob, sizeof(glob));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, SHORTOPTS, lo, NULL)) != -1) {
		if (c >= OPT_FIELD && c < OPT_FIELD + NFIELDS) {
			i = c - OPT_FIELD;
			if (o->val[fields[i].col] == NULL)
				o->nval++;
			o->val[fields[i].col] = optarg;
			continue;
		}
		if ((r = common_option(c, argv, o, helptext)) == -1)
			continue;
		return r == -2 ? cli_usage("unknown option '%s'", argv[optind - 1]) : r;
	}
	return -1;
}

/* check_fields validates every field given; times relative to base. */
static int
check_fields(struct opts *o, rs_time base, char tbuf[][TIME_ISO_MAX])
{
	int i, col;

	for (i = 0; i < NFIELDS; i++) {
		col = fields[i].col;
		if (o->val[col] != NULL &&
		    check_field(fields[i].opt, col, &o->val[col], base, tbuf[col]) == -1)
			return -1;
	}
	return 0;
}

/* event_at resolves --at: it may be back-filled but not more than 5 min ahead. */
static int
event_at(const struct opts *o, rs_time *at)
{
	char buf[TIME_ISO_MAX];

	*at = RS_TIME_NONE;
	if (o->g.at == NULL)
		return 0;
	if (cli_time_option("--at", o->g.at, o->now, at) == -1)
		return -1;
	if (*at > o->now + 300) {
		cli_error("--at", "%s is more than 5 minutes in the future",
		    time_format_iso(*at, buf));
		return -1;
	}
	return 0;
}

/*
 * check_call_at rejects a call that starts after its case: the desk
 * clock would run backwards. at is the case's time (NONE: now).
 */
static int
check_call_at(const char *call_at, rs_time at, rs_time now, const char *where)
{
	rs_time t;

	if (call_at == NULL || *call_at == '\0' ||
	    time_parse_ts(call_at, strlen(call_at), &t) == -1)
		return 0;
	if (t > (at != RS_TIME_NONE ? at : now)) {
		cli_error(where, "the call cannot start after the case (%s)", call_at);
		return -1;
	}
	return 0;
}

/* The rows an append writes: each a full CASES_NCOLS value array. */
struct newcases {
	const char ***v;		/* v[i][col]; ts, at (when NONE), case_id filled in build */
	rs_time *at;			/* per row, RS_TIME_NONE = the row's ts */
	size_t n;
	char (*ids)[ID_MAX];		/* the ids given out */
	char (*atbuf)[TIME_ISO_MAX];
	char tsbuf[TIME_ISO_MAX];
	const char *amend_id;		/* amend: the case, checked under the lock */
	uint64_t amend_key;
};

struct seen {
	uint64_t key;
	int found;
};

static int
seen_row(const struct row *r, void *arg, struct rs_err *e)
{
	struct seen *s = arg;
	uint64_t k;

	(void)e;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    id_parse(r->v[CASES_CASE_ID], r->len[CASES_CASE_ID], "RS", &k) == 0 &&
	    k == s->key)
		s->found = 1;
	return 0;
}

/*
 * build_cases runs under the journal lock: it gives out ids (largest
 * of the date + 1, per row's local date of at), fills ts and at, checks
 * each row against the schema and formats it.
 */
static int
build_cases(struct append_ctx *ctx, struct buf *rows, void *arg, struct rs_err *e)
{
	struct newcases *nc = arg;
	struct row r;
	size_t i, len[CASES_NCOLS];
	int *ymd = NULL, k;
	uint64_t *max = NULL;
	char msg[512];
	int rc = -1;

	time_format_iso(ctx->ts, nc->tsbuf);
	if (nc->amend_id != NULL) {
		struct seen s = { nc->amend_key, 0 };

		if (append_scan(ctx, case_since(nc->amend_key), seen_row, &s, e) == -1)
			return -1;
		if (!s.found)
			return err_set(e, RS_EDATA, nc->amend_id, "no such case");
	} else {
		ymd = xcalloc(nc->n ? nc->n : 1, sizeof(*ymd));
		max = xcalloc(nc->n ? nc->n : 1, sizeof(*max));
		for (i = 0; i < nc->n; i++)
			ymd[i] = time_local_date(nc->at[i] != RS_TIME_NONE ? nc->at[i] : ctx->ts);
		if (append_max_seqs(ctx, CASES_CASE_ID, "RS", ymd, max, nc->n, e) == -1)
			goto out;
	}
	for (i = 0; i < nc->n; i++) {
		const char **v = nc->v[i];

		v[CASES_TS] = nc->tsbuf;
		v[CASES_AT] = nc->at[i] != RS_TIME_NONE ?
		    time_format_iso(nc->at[i], nc->atbuf[i]) : nc->tsbuf;
		if (nc->amend_id == NULL) {
			size_t j;
			uint64_t seq;

			/* Later rows of the same date continue the sequence. */
			seq = ++max[i];
			for (j = i + 1; j < nc->n; j++)
				if (ymd[j] == ymd[i])
					max[j] = seq;
			id_format(nc->ids[i], "RS", id_key(ymd[i], seq));
			v[CASES_CASE_ID] = nc->ids[i];
		}
		for (k = 0; k < CASES_NCOLS; k++) {
			if (v[k] == NULL)
				v[k] = "";
			len[k] = strlen(v[k]);
		}
		memset(&r, 0, sizeof(r));
		r.n = CASES_NCOLS;
		r.v = (char **)(uintptr_t)v;
		r.len = len;
		if (schema_check_row(&schema_cases, &r, msg, sizeof(msg)) == -1) {
			err_set(e, RS_EDATA, v[CASES_CASE_ID], "%s", r.problem);
			goto out;
		}
		row_format_tsv(rows, CASES_NCOLS, v);
	}
	rc = 0;
out:
	free(ymd);
	free(max);
	return rc;
}

/* print_rows prints the appended rows (TSV with header by default), or the ids with -q. */
static void
print_rows(const struct opts *o, const struct newcases *nc)
{
	const char *names[CASES_NCOLS];
	enum coltype types[CASES_NCOLS];
	struct out *out;
	size_t i;
	int k;

	if (o->g.quiet) {
		for (i = 0; i < nc->n; i++)
			printf("%s\n", nc->v[i][CASES_CASE_ID]);
		return;
	}
	for (k = 0; k < CASES_NCOLS; k++) {
		names[k] = schema_cases.cols[k].name;
		types[k] = schema_cases.cols[k].type;
	}
	out = out_new(stdout, o->g.format, out_flags(o), CASES_NCOLS, names, types);
	for (i = 0; i < nc->n; i++)
		out_row(out, nc->v[i], NULL);
	out_end(out);
	out_free(out);
}

/* warn prints the intake warnings of row v; the case is opened all the same. */
static void
warn(const char *const *v)
{
	const char *w[3];
	int i, n = case_warnings(v, w);

	for (i = 0; i < n; i++)
		err_warn(v[CASES_CASE_ID], "warning: %s", _(w[i]));
}

static int
run_new(int argc, char **argv)
{
	struct opts o;
	struct newcases nc;
	struct rs_err e;
	char tbuf[CASES_NCOLS][TIME_ISO_MAX], atbuf[1][TIME_ISO_MAX], ids[1][ID_MAX];
	char prio[2];
	const char **v = NULL;
	rs_time at;
	int r, col;

	memset(&o, 0, sizeof(o));
	if ((r = parse_case(argc, argv, &o, help_new)) != -1)
		return r;
	if (optind < argc)
		return cli_usage("unexpected argument '%s'", argv[optind]);
	/* A missing required field is a usage error: the call was not taken. */
	if (o.val[CASES_PHONE] == NULL)
		return cli_usage("--phone is required");
	if (o.val[CASES_LOCATION] == NULL)
		return cli_usage("--location is required");
	if (o.val[CASES_SERVICE] == NULL)
		return cli_usage("--service is required");
	/* Given but empty text is a wrong value, named by its option (no case id exists yet). */
	if (o.val[CASES_LOCATION][0] == '\0') {
		cli_error("--location", "missing value");
		return RS_EDATA;
	}
	if (setup(&o) != 0)
		return 1;
	if (event_at(&o, &at) == -1 || check_fields(&o, o.now, tbuf) == -1 ||
	    check_call_at(o.val[CASES_CALL_AT], at, o.now, "--call-at") == -1) {
		free(o.dir);
		return 1;
	}
	v = xcalloc(CASES_NCOLS, sizeof(*v));
	for (col = 0; col < CASES_NCOLS; col++)
		v[col] = o.val[col];
	v[CASES_EVENT] = "opened";
	v[CASES_AGENT] = cli_agent(&o.g);
	if (v[CASES_CHANNEL] == NULL || *v[CASES_CHANNEL] == '\0')
		v[CASES_CHANNEL] = "phone";
	if (v[CASES_PRIORITY] == NULL || *v[CASES_PRIORITY] == '\0') {
		snprintf(prio, sizeof(prio), "%d", case_priority(v));
		v[CASES_PRIORITY] = prio;
	}
	memset(&nc, 0, sizeof(nc));
	nc.v = &v;
	nc.at = &at;
	nc.n = 1;
	nc.ids = ids;
	nc.atbuf = atbuf;
	err_clear(&e);
	if (journal_append(o.dir, &schema_cases, build_cases, &nc, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	print_rows(&o, &nc);
	warn(v);
	r = 0;
out:
	free(v);
	free(o.dir);
	return r;
}

static int
run_amend(int argc, char **argv)
{
	struct opts o;
	struct newcases nc;
	struct rs_err e;
	char tbuf[CASES_NCOLS][TIME_ISO_MAX], atbuf[1][TIME_ISO_MAX], ids[1][ID_MAX];
	const char **v = NULL, *id;
	rs_time at;
	int r, col;

	memset(&o, 0, sizeof(o));
	if ((r = parse_case(argc, argv, &o, help_amend)) != -1)
		return r;
	if (optind >= argc)
		return cli_usage("amend: a case id is required");
	if (optind + 1 < argc)
		return cli_usage("unexpected argument '%s'", argv[optind + 1]);
	if (o.nval == 0)
		return cli_usage("amend: nothing to change (give at least one case option)");
	id = argv[optind];
	memset(&nc, 0, sizeof(nc));
	if (id_parse(id, strlen(id), "RS", &nc.amend_key) == -1) {
		cli_error(id, "not a case id (RS-YYYYMMDD-NNNN)");
		return 1;
	}
	if (setup(&o) != 0)
		return 1;
	if (event_at(&o, &at) == -1 || check_fields(&o, o.now, tbuf) == -1) {
		free(o.dir);
		return 1;
	}
	v = xcalloc(CASES_NCOLS, sizeof(*v));
	for (col = 0; col < CASES_NCOLS; col++)
		v[col] = o.val[col];
	v[CASES_CASE_ID] = id;
	v[CASES_EVENT] = "amended";
	v[CASES_AGENT] = cli_agent(&o.g);
	nc.v = &v;
	nc.at = &at;
	nc.n = 1;
	nc.ids = ids;
	nc.atbuf = atbuf;
	nc.amend_id = id;
	err_clear(&e);
	if (journal_append(o.dir, &schema_cases, build_cases, &nc, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	print_rows(&o, &nc);
	r = 0;
out:
	free(v);
	free(o.dir);
	return r;
}

/*
 * open_input opens the import file. stdin has no name to tell CSV from
 * TSV, so it is spooled to a temporary file and sniffed: a first line
 * with a tab is TSV, otherwise CSV.
 */
static struct reader *
open_input(const char *path, FILE **spool, struct rs_err *e)
{
	enum reader_kind kind = READER_TSV;
	char chunk[65536];
	size_t n, total = 0;
	int sniffed = 0, c;

	*spool = NULL;
	if (strcmp(path, "-") != 0)
		return reader_open(path, READER_AUTO, e);
	if ((*spool = tmpfile()) == NULL) {
		err_set(e, RS_EIO, "stdin", "cannot make a temporary file");
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (!sniffed) {
			const char *nl = memchr(chunk, '\n', n);
			size_t first = nl != NULL ? (size_t)(nl - chunk) : n;

			/* gzip input is TSV by default, like a journal. */
			if (n >= 2 && (unsigned char)chunk[0] == 0x1f &&
			    (unsigned char)chunk[1] == 0x8b)
				kind = READER_TSV;
			else
				kind = memchr(chunk, '\t', first) != NULL ?
				    READER_TSV : READER_CSV;
			sniffed = 1;
		}
		if (fwrite(chunk, 1, n, *spool) != n) {
			err_set(e, RS_EIO, "stdin", "cannot spool the input");
			return NULL;
		}
		total += n;
	}
	if (ferror(stdin)) {
		err_set(e, RS_EIO, "stdin", "read error");
		return NULL;
	}
	(void)total;
	if (fflush(*spool) == EOF || (c = fileno(*spool)) == -1 ||
	    lseek(c, 0, SEEK_SET) == -1) {
		err_set(e, RS_EIO, "stdin", "cannot spool the input");
		return NULL;
	}
	return reader_open_fd(c, "stdin", kind, 0, e);
}

/* parse_plain parses options for subcommands with only the globals (plus extra); returns -1 to go on. */
static int
parse_plain(int argc, char **argv, struct opts *o, const char *helptext,
    const struct option *extra, int nextra)
{
	static const struct option glob[] = { GLOBAL_LONGOPTS, { NULL, 0, NULL, 0 } };
	struct option lo[32];
	int c, r;

	if (nextra > 0)
		memcpy(lo, extra, (size_t)nextra * sizeof(*lo));
	memcpy(&lo[nextra], glob, sizeof(glob));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, SHORTOPTS, lo, NULL)) != -1) {
		switch (c) {
		case OPT_SINCE:
			o->since = optarg;
			continue;
		case OPT_UNTIL:
			o->until = optarg;
			continue;
		case OPT_OPEN:
			o->open = 1;
			continue;
		case OPT_SERVICE:
			o->service = optarg;
			continue;
		case OPT_PRIORITY:
			o->priority = optarg;
			continue;
		}
		if ((r = common_option(c, argv, o, helptext)) == -1)
			continue;
		return r == -2 ? cli_usage("unknown option '%s'", argv[optind - 1]) : r;
	}
	return -1;
}

/* An import under way: the rows kept (values in the arena) and what went wrong. */
struct import {
	const char *name;		/* the file for messages */
	int map[64];			/* input column -> cases column, -1 = ignored */
	int ncols;
	struct arena arena;
	const char ***v;
	rs_time *at;
	size_t n, cap;
	int bad;
	rs_time now;
	const char *agent;
};

/* import_bad reports one bad row; every bad row is reported, nothing is written. */
static void
import_bad(struct import *im, long line, const char *col, const char *why)
{
	char where[300];

	snprintf(where, sizeof(where), "%s:%ld", im->name, line);
	if (col != NULL)
		cli_error(where, "column %s: %s", col, why);
	else
		cli_error(where, "%s", why);
	im->bad++;
}

/* import_header maps the header's names onto the cases columns. */
static int
import_header(struct import *im, const struct row *r)
{
	char msg[256];
	int i, j, col, bad = 0;

	if (r->n > (int)(sizeof(im->map) / sizeof(im->map[0]))) {
		import_bad(im, r->line, NULL, "too many columns in the header");
		return -1;
	}
	im->ncols = r->n;
	for (i = 0; i < r->n; i++) {
		col = schema_column(&schema_cases, r->v[i]);
		if (col == -1) {
			struct buf b = BUF_INIT;

			utf8_sanitize(&b, r->v[i], r->len[i]);
			snprintf(msg, sizeof(msg), "unknown column '%s'", b.p ? b.p : "");
			buf_free(&b);
			import_bad(im, r->line, NULL, msg);
			bad = 1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (im->map[j] == col) {
				snprintf(msg, sizeof(msg), "column %s given twice",
				    schema_cases.cols[col].name);
				import_bad(im, r->line, NULL, msg);
				bad = 1;
			}
		im->map[i] = col;
	}
	/* ts, case_id and event are the tool's to set. */
	for (i = 0; i < r->n; i++)
		if (im->map[i] == CASES_TS || im->map[i] == CASES_CASE_ID ||
		    im->map[i] == CASES_EVENT)
			im->map[i] = -1;
	return bad ? -1 : 0;
}

/* import_row checks one data row and keeps it; a bad one is reported. */
static void
import_row(struct import *im, const struct row *r)
{
	const struct column *c;
	const char **v;
	char msg[256], tbuf[TIME_ISO_MAX], prio[2];
	const char *why;
	rs_time at = RS_TIME_NONE, t;
	int i, col;

	if (r->n == 1 && r->len[0] == 0)
		return;		/* a blank line */
	if (r->n != im->ncols) {
		snprintf(msg, sizeof(msg), "%d fields, the header has %d", r->n, im->ncols);
		import_bad(im, r->line, NULL, msg);
		return;
	}
	v = arena_alloc(&im->arena, CASES_NCOLS * sizeof(*v));
	memset(v, 0, CASES_NCOLS * sizeof(*v));
	for (i = 0; i < r->n; i++) {
		if ((col = im->map[i]) == -1 || r->len[i] == 0)
			continue;
		c = &schema_cases.cols[col];
		why = NULL;
		if (c->type == COL_TEXT) {
			why = utf8_text_problem(r->v[i], r->len[i]);
		} else if (c->type == COL_TS) {
			/* People's time forms are welcome; the journal gets one form. */
			if (memchr(r->v[i], '\0', r->len[i]) != NULL ||
			    time_parse_input(r->v[i], im->now, &t) == -1)
				why = schema_check_value(c, r->v[i], r->len[i], msg, sizeof(msg));
			else if (col == CASES_AT && t > im->now + 300)
				why = "more than 5 minutes in the future";
			else if (col == CASES_AT) {
				at = t;
				continue;
			} else {
				time_format_iso(t, tbuf);
				v[col] = arena_strndup(&im->arena, tbuf, strlen(tbuf));
				continue;
			}
			if (why == NULL)
				why = "bad time";
		} else
			why = schema_check_value(c, r->v[i], r->len[i], msg, sizeof(msg));
		if (why != NULL) {
			import_bad(im, r->line, c->name, why);
			return;
		}
		v[col] = arena_strndup(&im->arena, r->v[i], r->len[i]);
	}
	for (i = 0; i < 3; i++) {
		static const int req[] = { CASES_PHONE, CASES_LOCATION, CASES_SERVICE };

		if (v[req[i]] == NULL) {
			import_bad(im, r->line, schema_cases.cols[req[i]].name,
			    "missing (phone, location and service are required)");
			return;
		}
	}
	if (v[CASES_CALL_AT] != NULL) {
		if (time_parse_ts(v[CASES_CALL_AT], strlen(v[CASES_CALL_AT]), &t) == 0 &&
		    t > (at != RS_TIME_NONE ? at : im->now)) {
			import_bad(im, r->line, "call_at",
			    "the call cannot start after the case");
			return;
		}
	}
	if (r->problem != NULL && !r->torn) {
		import_bad(im, r->line, NULL, r->problem);
		return;
	}
	v[CASES_EVENT] = "opened";
	if (v[CASES_AGENT] == NULL)
		v[CASES_AGENT] = im->agent;
	if (v[CASES_CHANNEL] == NULL)
		v[CASES_CHANNEL] = "phone";
	if (v[CASES_PRIORITY] == NULL) {
		snprintf(prio, sizeof(prio), "%d", case_priority(v));
		v[CASES_PRIORITY] = arena_strndup(&im->arena, prio, 1);
	}
	if (im->n == im->cap) {
		im->cap = im->cap ? im->cap * 2 : 256;
		im->v = xrealloc(im->v, im->cap * sizeof(*im->v));
		im->at = xrealloc(im->at, im->cap * sizeof(*im->at));
	}
	im->v[im->n] = v;
	im->at[im->n++] = at;
}

static int
run_import(int argc, char **argv)
{
	struct opts o;
	struct import im;
	struct newcases nc;
	struct rs_err e;
	struct reader *rd;
	struct row r;
	FILE *spool = NULL;
	const char *path;
	size_t i;
	int rc, first = 1, ret;

	memset(&o, 0, sizeof(o));
	if ((ret = parse_plain(argc, argv, &o, help_import, NULL, 0)) != -1)
		return ret;
	if (optind + 1 < argc)
		return cli_usage("unexpected argument '%s'", argv[optind + 1]);
	path = optind < argc ? argv[optind] : "-";
	if (o.g.at != NULL)
		return cli_usage("import: give each row's time in an 'at' column, not --at");
	if (setup(&o) != 0)
		return 1;
	memset(&im, 0, sizeof(im));
	im.name = strcmp(path, "-") == 0 ? "stdin" : path;
	im.now = o.now;
	im.agent = cli_agent(&o.g);
	err_clear(&e);
	memset(&nc, 0, sizeof(nc));
	if ((rd = open_input(path, &spool, &e)) == NULL) {
		ret = cli_fail(&e);
		goto out;
	}
	while ((rc = reader_next(rd, &r, &e)) == 1) {
		if (first) {
			first = 0;
			if (import_header(&im, &r) == -1)
				break;
			continue;
		}
		import_row(&im, &r);
	}
	reader_free(rd);
	if (rc == -1) {
		ret = cli_fail(&e);
		goto out;
	}
	if (im.bad) {
		ret = 1;
		goto out;
	}
	nc.v = im.v;
	nc.at = im.at;
	nc.n = im.n;
	nc.ids = xcalloc(im.n ? im.n : 1, sizeof(*nc.ids));
	nc.atbuf = xcalloc(im.n ? im.n : 1, sizeof(*nc.atbuf));
	/* One lock, one write: the whole file or nothing. */
	if (im.n > 0 &&
	    journal_append(o.dir, &schema_cases, build_cases, &nc, &e) == -1) {
		ret = cli_fail(&e);
		goto out;
	}
	print_rows(&o, &nc);
	for (i = 0; i < im.n; i++)
		warn(im.v[i]);
	ret = 0;
out:
	if (spool != NULL)
		fclose(spool);
	free(nc.ids);
	free(nc.atbuf);
	free(im.v);
	free(im.at);
	arena_free(&im.arena);
	free(o.dir);
	return ret;
}

/* list_period resolves --since/--until against --as-of. */
static int
list_period(const struct opts *o, rs_time *since, rs_time *until)
{
	*since = *until = RS_TIME_NONE;
	if (o->since != NULL && cli_time_option("--since", o->since, o->as_of, since) == -1)
		return -1;
	if (o->until != NULL && cli_time_option("--until", o->until, o->as_of, until) == -1)
		return -1;
	return 0;
}

static int
run_list(int argc, char **argv)
{
	static const struct option extra[] = {
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "open", no_argument, NULL, OPT_OPEN },
		{ "service", required_argument, NULL, OPT_SERVICE },
		{ "priority", required_argument, NULL, OPT_PRIORITY },
	};
	const char *names[CASES_NCOLS], *vals[CASES_NCOLS];
	enum coltype types[CASES_NCOLS];
	struct opts o;
	struct cases cs;
	struct dispatch_set ds;
	const struct dtimeline *t;
	struct rs_err e;
	struct out *out = NULL;
	char msg[256], opened[TIME_ISO_MAX];
	rs_time since, until;
	size_t i;
	int k, n, ret;

	memset(&o, 0, sizeof(o));
	if ((ret = parse_plain(argc, argv, &o, help_list, extra, 5)) != -1)
		return ret;
	if (optind < argc)
		return cli_usage("unexpected argument '%s'", argv[optind]);
	if (setup(&o) != 0)
		return 1;
	if (list_period(&o, &since, &until) == -1)
		goto bad;
	if (o.service != NULL && schema_check_value(&schema_cases.cols[CASES_SERVICE],
	    o.service, strlen(o.service), msg, sizeof(msg)) != NULL) {
		cli_error("--service", "%s", msg);
		goto bad;
	}
	if (o.priority != NULL && schema_check_value(&schema_cases.cols[CASES_PRIORITY],
	    o.priority, strlen(o.priority), msg, sizeof(msg)) != NULL) {
		cli_error("--priority", "%s", msg);
		goto bad;
	}
	cases_init(&cs);
	dispatch_set_init(&ds);
	err_clear(&e);
	/* Rows written after --as-of do not exist yet. */
	if (cases_load(o.dir, since, o.as_of, &cs, &e) == -1 ||
	    dispatch_load(o.dir, since != RS_TIME_NONE ? since - CASE_SLACK_S : since,
	    o.as_of, &ds, &e) == -1) {
		ret = cli_fail(&e);
		goto done;
	}
	names[0] = "case_id";
	types[0] = COL_ID;
	names[1] = "state";
	types[1] = COL_ENUM;
	names[2] = "opened_at";
	types[2] = COL_TS;
	n = 3;
	for (k = CASES_AGENT; k < CASES_NCOLS; k++, n++) {
		names[n] = schema_cases.cols[k].name;
		types[n] = schema_cases.cols[k].type;
	}
	out = out_new(stdout, o.g.format, out_flags(&o), n, names, types);
	for (i = 0; i < cs.f.n; i++) {
		long ix = (long)i;
		enum dstate st;

		if (cs.opened_at[i] == RS_TIME_NONE ||
		    (since != RS_TIME_NONE && cs.opened_at[i] < since) ||
		    (until != RS_TIME_NONE && cs.opened_at[i] >= until))
			continue;
		t = dispatch_get(&ds, cs.f.items[i].key);
		st = t != NULL ? t->state : DS_OPEN;
		if (o.open && dstate_final(st))
			continue;
		if (o.service != NULL && strcmp(case_value(&cs, ix, CASES_SERVICE), o.service) != 0)
			continue;
		if (o.priority != NULL &&
		    atoi(case_value(&cs, ix, CASES_PRIORITY)) != atoi(o.priority))
			continue;
		vals[0] = case_value(&cs, ix, CASES_CASE_ID);
		vals[1] = dstate_name(st);
		vals[2] = time_format_iso(cs.opened_at[i], opened);
		for (k = CASES_AGENT, n = 3; k < CASES_NCOLS; k++, n++)
			vals[n] = case_value(&cs, ix, k);
		out_row(out, vals, NULL);
	}
	out_end(out);
	out_free(out);
	ret = 0;
done:
	cases_free(&cs);
	dispatch_set_free(&ds);
	free(o.dir);
	return ret;
bad:
	free(o.dir);
	return 1;
}

static const struct cli_subcommand subcommands[] = {
	{ "new", run_new, "open a case" },
	{ "amend", run_amend, "add or correct fields of a case" },
	{ "import", run_import, "open many cases from a CSV or TSV file" },
	{ "list", run_list, "the current state of cases" },
	{ NULL, NULL, NULL }
};

/* takes_value says whether global option a (as written) takes the next word as its value. */
static int
takes_value(const char *a)
{
	static const char *const withval[] = { "-d", "-f", "--dir", "--format",
	    "--agent", "--at", "--as-of", NULL };
	int i;

	for (i = 0; withval[i] != NULL; i++)
		if (strcmp(a, withval[i]) == 0)
			return 1;
	return 0;
}

/* is_global says whether a (as written) is a global option without a value. */
static int
is_global(const char *a)
{
	static const char *const flags[] = { "-H", "-q", "--no-header", "--quiet",
	    "--raw", NULL };
	int i;

	for (i = 0; flags[i] != NULL; i++)
		if (strcmp(a, flags[i]) == 0)
			return 1;
	return strncmp(a, "--dir=", 6) == 0 || strncmp(a, "--format=", 9) == 0 ||
	    strncmp(a, "--agent=", 8) == 0 || strncmp(a, "--at=", 5) == 0 ||
	    strncmp(a, "--as-of=", 8) == 0 ||
	    (a[0] == '-' && (a[1] == 'd' || a[1] == 'f') && a[2] != '\0');
}

/*
 * hoist_subcommand lets global options come before the subcommand
 * ("rs-intake -d DIR list"): when only globals precede a subcommand
 * name, the name is moved to the front.
 */
static void
hoist_subcommand(int argc, char **argv)
{
	int i, j, k;
	char *name;

	for (i = 1; i < argc; i++) {
		if (takes_value(argv[i])) {
			i++;
			continue;
		}
		if (is_global(argv[i]))
			continue;
		break;
	}
	if (i == 1 || i >= argc || argv[i][0] == '-')
		return;
	for (k = 0; subcommands[k].name != NULL; k++)
		if (strcmp(argv[i], subcommands[k].name) == 0)
			break;
	if (subcommands[k].name == NULL)
		return;
	name = argv[i];
	for (j = i; j > 1; j--)
		argv[j] = argv[j - 1];
	argv[1] = name;
}

int
main(int argc, char **argv)
{
	cli_init("rs-intake");
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
		return cli_exit(help(help_main));
	if (argc == 2 && (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0))
		return cli_exit(cli_version());
	hoist_subcommand(argc, argv);
	return cli_exit(cli_dispatch(subcommands, "new", argc, argv));
}
