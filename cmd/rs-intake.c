/*
 * rs-intake - take a call: open a case, amend it, bulk-import cases,
 * list cases (SPEC 6). The rows are made in common/intake.c, read from a
 * file in common/import.c, listed by common/case_list.c; this is option
 * parsing and glue.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "case_list.h"
#include "cases.h"
#include "cli.h"
#include "cmdtable.h"
#include "import.h"
#include "intake.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "listview.h"
#include "out.h"
#include "ref.h"
#include "rules.h"
#include "rowbuild.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

enum { S_NEW = 1 << 0, S_AMEND = 1 << 1, S_IMPORT = 1 << 2, S_LIST = 1 << 3 };

struct opts {
	struct cli_args cli;
	char *dir;
	const char *val[CASES_NCOLS];	/* field options as given, by column */
	const char *since, *until, *service, *priority, *columns;	/* list */
	int open, wide;
	rs_time now, as_of;
	struct case_dup dup;		/* new: a possible duplicate call */
	char dup_id[ID_MAX], dup_opened[TIME_ISO_MAX];
};
#define OFF(field) offsetof(struct opts, field)
/* FIELD(col) stores a case field option in val[col]; FIELD_COL(off) is col again. */
#define FIELD(col) (OFF(val) + (size_t)(col) * sizeof(const char *))
#define FIELD_COL(off) (int)(((off) - OFF(val)) / sizeof(const char *))

/* The options; the case fields in the order of the synopsis. */
static const struct cli_opt options[] = {
	{ .name = "phone", .has_arg = 1, .subs = S_NEW | S_AMEND | S_LIST,
	    .off = FIELD(CASES_PHONE) },
	{ .name = "location", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_LOCATION) },
	{ .name = "service", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_SERVICE) },
	{ .name = "customer", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_CUSTOMER) },
	{ .name = "plate", .has_arg = 1, .subs = S_NEW | S_AMEND | S_LIST,
	    .off = FIELD(CASES_PLATE) },
	{ .name = "vehicle", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_VEHICLE) },
	{ .name = "energy", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_ENERGY) },
	{ .name = "lat", .has_arg = 1, .subs = S_NEW | S_AMEND, .off = FIELD(CASES_LAT) },
	{ .name = "lon", .has_arg = 1, .subs = S_NEW | S_AMEND, .off = FIELD(CASES_LON) },
	{ .name = "road", .has_arg = 1, .subs = S_NEW | S_AMEND, .off = FIELD(CASES_ROAD) },
	{ .name = "fault", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_FAULT) },
	{ .name = "symptom", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_SYMPTOM) },
	{ .name = "can-start", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_CAN_START) },
	{ .name = "injuries", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_INJURIES) },
	{ .name = "police", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_POLICE) },
	{ .name = "medical", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_MEDICAL) },
	{ .name = "program", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_PROGRAM) },
	{ .name = "channel", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_CHANNEL) },
	{ .name = "call-at", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_CALL_AT) },
	{ .name = "quote", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_QUOTE) },
	{ .name = "eta", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_ETA_PROMISED) },
	{ .name = "priority", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_PRIORITY) },
	{ .name = "note", .has_arg = 1, .subs = S_NEW | S_AMEND, .off = FIELD(CASES_NOTE) },
	{ .name = "scheduled-at", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_SCHEDULED_AT) },
	{ .name = "destination", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_DESTINATION) },
	{ .name = "dest-lat", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_DEST_LAT) },
	{ .name = "dest-lon", .has_arg = 1, .subs = S_NEW | S_AMEND,
	    .off = FIELD(CASES_DEST_LON) },
	{ .name = "since", .has_arg = 1, .subs = S_LIST, .off = OFF(since) },
	{ .name = "until", .has_arg = 1, .subs = S_LIST, .off = OFF(until) },
	{ .name = "open", .subs = S_LIST, .off = OFF(open) },
	{ .name = "service", .has_arg = 1, .subs = S_LIST, .off = OFF(service) },
	{ .name = "priority", .has_arg = 1, .subs = S_LIST, .off = OFF(priority) },
	{ .name = "columns", .has_arg = 1, .subs = S_LIST, .off = OFF(columns) },
	{ .name = "wide", .subs = S_LIST, .off = OFF(wide) },
	{ .name = NULL },
};

static const char help_new[] =
N_("usage: rs-intake [new] --phone P --location TEXT --service S [options]\n"
"\n"
"Opens a case (RS-YYYYMMDD-NNNN) and prints the row written, or only the\n"
"id with -q. The priority is computed unless --priority is given:\n"
"1 injuries or an accident on a highway; 2 highway, accident or brake\n"
"fault; 3 cannot start, tow or winch; 4 otherwise. A warning (the case\n"
"is opened all the same) names a case still open, opened in the last\n"
"intake.duplicate_h hours (12), with the same phone or plate: the\n"
"customer may be calling again about the same breakdown.\n"
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
"  --scheduled-at TIME a booked job: when the customer wants the provider\n"
"                      there (dispatch due 30 min before, arrival 10 min after)\n"
"  --destination TEXT  where a tow, transfer or ride goes\n"
"  --dest-lat DEG --dest-lon DEG   its WGS 84 position\n"
"global options:\n"
"  -d, --dir DIR       journal directory (else $RS_DIR, $XDG_DATA_HOME/rs)\n"
"                      (a site: its rules.tsv site.zone is the zone of every time,\n"
"                      whatever TZ says; site.code goes into new ids: RS-SZ-...)\n"
"  -f, --format F      tsv|csv|json|table for the printed row\n"
"  -H, --no-header     -q, --quiet (print only the id)\n"
"  --agent NAME        --at TIME (when it happened; at most 5 min ahead)\n"
"  --ref KEY           idempotency key: a retry prints the row first written\n"
"  -h, --help          -V, --version\n"
"\n"
"examples:\n"
"  rs-intake --phone 13800000000 --location 'G4 K23' --road highway \\\n"
"      --service tyre --can-start n\n"
"  id=$(rs-intake -q --phone 13900000001 --location '深南大道 1 号' \\\n"
"      --service jumpstart --energy ev --fault battery --lat 22.54 --lon 114.06)\n"
"  rs-intake --phone 13700000002 --location 'S3 K10' --service tow \\\n"
"      --fault accident --injuries 1 --police y --medical y --at 09:55\n"
"  rs-intake --phone 13600000003 --location 'T3 航站楼' --service transfer \\\n"
"      --scheduled-at 2026-11-23T09:00 --destination '福田香格里拉'\n");

static const char help_amend[] =
N_("usage: rs-intake amend CASE [case options] [global options]\n"
"\n"
"Appends an 'amended' row holding only the fields given; the current\n"
"state of the case is the last non-empty value of each field. The\n"
"priority is not recomputed (--priority sets it). The case options are\n"
"those of 'rs-intake new -h'; global options -d -f -H -q --agent --at --ref.\n"
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
"written, or their ids with -q. A ref column holds idempotency keys: rows\n"
"whose key the journal already holds are skipped (said on stderr).\n"
"\n"
"examples:\n"
"  rs-intake import partner-feed.csv\n"
"  mlr --icsv --otsv cat feed.csv | rs-intake import -q -\n");

static const char help_list[] =
N_("usage: rs-intake list [--since T] [--until T] [--open] [--service S]\n"
"                      [--priority N] [--phone P] [--plate X] [--as-of T]\n"
"                      [--columns a,b,c] [--wide] [global options]\n"
"\n"
"Prints the current state of the cases opened in [--since, --until):\n"
"case_id state opened_at, then every cases column from agent to note.\n"
"state is open, assigned, enroute, arrived, completed or cancelled.\n"
"  --open          only cases not completed or cancelled\n"
"  --service S     --priority N   only cases with that service, priority\n"
"  --phone P       only cases with that phone (compared by digits)\n"
"  --plate X       only cases with exactly that plate\n"
"  --as-of T       the journals as they stood at T (default now)\n"
"  --columns a,b,c only these columns, in this order, in every format\n"
"  --wide          -f table: every column\n"
"  -f tsv|csv|json|table, -H, -d DIR\n"
"-f table fits 80 columns: case_id state opened_at priority service\n"
"location (cut with '…'), times as HH:MM today, else MM-DD HH:MM.\n"
"\n"
"examples:\n"
"  rs-intake list --open --priority 1 -f table\n"
"  rs-intake list --since 2026-11-22 --until 2026-11-23 -f json\n"
"  rs-intake list --since -2h --service tow\n"
"  rs-intake list --open --phone 13800000000\n");

static const char help_main[] =
N_("usage: rs-intake [new] --phone P --location TEXT --service S [options]\n"
"       rs-intake amend CASE [options]\n"
"       rs-intake import [FILE|-]\n"
"       rs-intake list [--since T --until T --open --service S --priority N\n"
"                      --phone P --plate X --columns a,b,c --wide]\n"
"\n"
"Takes calls: opens, amends, imports and lists cases in the journal\n"
"directory's cases.tsv. 'rs-intake SUBCOMMAND -h' tells more.\n"
"\n"
"examples:\n"
"  id=$(rs-intake -q --phone 13800000000 --location 'G4 K23' --road highway \\\n"
"      --service tyre --can-start n)\n"
"  rs-intake amend \"$id\" --lat 22.61 --lon 114.03\n"
"  rs-intake list --open -f table\n");

/* setup resolves the directory, the clock and --as-of once options are in. */
static int
setup(struct opts *o)
{
	o->now = time_now();
	if (cli_as_of(&o->cli.g, &o->as_of) == -1)
		return RS_EDATA;
	o->dir = journal_dir(o->cli.g.dir);
	return 0;
}

/* out_flags maps -H and --raw to writer flags. */
static int
out_flags(const struct opts *o)
{
	return (o->cli.g.no_header ? OUT_NO_HEADER : 0) | (o->cli.g.raw ? OUT_RAW : 0);
}

/* check_fields validates every field given (times relative to base); returns 0, or -1 after saying why. */
static int
check_fields(struct opts *o, rs_time base, char tbuf[][TIME_ISO_MAX])
{
	const struct cli_opt *f;
	struct rs_err e;
	char where[64];
	int col;

	for (f = options; f->name != NULL; f++) {
		if (!(f->subs & S_NEW))
			continue;
		col = FIELD_COL(f->off);
		snprintf(where, sizeof(where), "--%s", f->name);
		err_clear(&e);
		if (o->val[col] != NULL &&
		    intake_check_value(where, col, &o->val[col], base, tbuf[col], &e) == -1) {
			cli_fail(&e);
			return -1;
		}
	}
	return 0;
}

/* nfields counts the case fields given. */
static int
nfields(const struct opts *o)
{
	int col, n = 0;

	for (col = 0; col < CASES_NCOLS; col++)
		n += o->val[col] != NULL;
	return n;
}

/* print_rows prints the appended rows (TSV with header by default), or the ids with -q. */
static void
print_rows(const struct opts *o, const struct intake_rows *nc)
{
	struct out *out;
	size_t i;

	if (o->cli.g.quiet) {
		for (i = 0; i < nc->n; i++)
			if (nc->skip == NULL || !nc->skip[i])
				printf("%s\n", nc->v[i][CASES_CASE_ID]);
		return;
	}
	out = rowbuild_out(stdout, o->cli.g.format, out_flags(o), &schema_cases);
	for (i = 0; i < nc->n; i++)
		if (nc->skip == NULL || !nc->skip[i])
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

/*
 * write_case appends one row made of the field options: a new case when
 * id is NULL, else an amendment of case id (key); prints it. Returns the
 * exit code.
 */
static int
write_case(struct opts *o, rs_time at, const char *id, uint64_t key)
{
	struct intake_rows nc;
	struct ref_write rw;
	struct rs_err e;
	char atbuf[1][TIME_ISO_MAX], ids[1][ID_MAX], prio[2];
	const char **v = xcalloc(CASES_NCOLS, sizeof(*v)), **found;
	int col, r = 0;

	for (col = 0; col < CASES_NCOLS; col++)
		v[col] = o->val[col];
	v[CASES_AGENT] = cli_agent(&o->cli.g);
	v[CASES_REF] = o->cli.g.ref;
	if (id == NULL) {
		intake_defaults(v, prio);
	} else {
		v[CASES_CASE_ID] = id;
		v[CASES_EVENT] = "amended";
	}
	memset(&nc, 0, sizeof(nc));
	nc.v = &v;
	nc.at = &at;
	nc.n = 1;
	nc.ids = ids;
	nc.atbuf = atbuf;
	nc.amend_id = id;
	nc.amend_key = key;
	memset(&rw, 0, sizeof(rw));
	rw.key = o->cli.g.ref;
	rw.given = v;
	rw.id_col = id == NULL ? CASES_CASE_ID : -1;
	nc.ref = &rw;
	err_clear(&e);
	if (intake_append(o->dir, &nc, &e) == -1) {
		r = cli_fail(&e);
	} else if (rw.row != NULL) {
		/* A retry: the row written the first time answers it. */
		found = (const char **)rw.row;
		nc.v = &found;
		print_rows(o, &nc);
		ref_row_free(rw.row, CASES_NCOLS);
	} else {
		print_rows(o, &nc);
		if (id == NULL)
			warn(v);
		if (id == NULL && o->dup.ix != -1)
			err_warn(v[CASES_CASE_ID], "warning: possible duplicate call: %s (opened %s) "
			    "is still open with the same %s; the customer may be calling again "
			    "about the same breakdown", o->dup_id, o->dup_opened,
			    o->dup.phone && o->dup.plate ? _("phone and plate") :
			    o->dup.phone ? _("phone") : _("plate"));
	}
	free(v);
	return r;
}

/*
 * find_duplicate looks for an open case that a new call at at may
 * repeat (SPEC 6), for the warning write_case gives once the case is
 * opened. Returns 0, or an exit code after printing why.
 */
static int
find_duplicate(struct opts *o, rs_time at)
{
	struct case_list l;
	struct rules ru;
	struct rs_err e;
	rs_time since;
	int r;

	o->dup.ix = -1;
	err_clear(&e);
	if (rules_load(o->dir, &ru, &e) == -1)
		return cli_fail(&e);
	since = at - (rs_time)ru.intake_duplicate_h * 3600;
	if ((r = case_list_may_repeat(o->dir, since, o->val[CASES_PHONE], o->val[CASES_PLATE],
	    &e)) <= 0)
		return r == 0 ? 0 : cli_fail(&e);
	/*
	 * A journal that exists but cannot be read is an error, not a
	 * skipped check: the agent would lose the warning without knowing.
	 */
	if (case_list_load(o->dir, since, o->now, &l, &e) == -1) {
		case_list_free(&l);
		return cli_fail(&e);
	}
	case_list_duplicate(&l, o->val[CASES_PHONE], o->val[CASES_PLATE], at,
	    ru.intake_duplicate_h, &o->dup);
	if (o->dup.ix != -1) {
		snprintf(o->dup_id, sizeof(o->dup_id), "%s",
		    case_value(&l.cs, o->dup.ix, CASES_CASE_ID));
		time_format_iso(l.cs.opened_at[o->dup.ix], o->dup_opened);
	}
	case_list_free(&l);
	return 0;
}

static int
cmd_new(void *p)
{
	struct opts *o = p;
	struct rs_err e;
	char tbuf[CASES_NCOLS][TIME_ISO_MAX];
	rs_time at;
	int r;

	/* A missing required field is a usage error: the call was not taken. */
	if (o->val[CASES_PHONE] == NULL)
		return cli_usage("--phone is required");
	if (o->val[CASES_LOCATION] == NULL)
		return cli_usage("--location is required");
	if (o->val[CASES_SERVICE] == NULL)
		return cli_usage("--service is required");
	/* Given but empty text is a wrong value, named by its option (no case id exists yet). */
	if (o->val[CASES_LOCATION][0] == '\0') {
		cli_error("--location", "missing value");
		return RS_EDATA;
	}
	if (setup(o) != 0)
		return RS_EDATA;
	err_clear(&e);
	if (cli_at(&o->cli.g, o->now, &at) == -1 || check_fields(o, o->now, tbuf) == -1)
		r = RS_EDATA;
	else if (intake_check_call_at(o->val[CASES_CALL_AT], at, o->now, "--call-at", &e) == -1)
		r = cli_fail(&e);
	else if ((r = find_duplicate(o, at != RS_TIME_NONE ? at : o->now)) == 0)
		r = write_case(o, at, NULL, 0);
	free(o->dir);
	return r;
}

static int
cmd_amend(void *p)
{
	struct opts *o = p;
	char tbuf[CASES_NCOLS][TIME_ISO_MAX];
	const char *id;
	uint64_t key;
	rs_time at;
	int r;

	if (nfields(o) == 0)
		return cli_usage("amend: nothing to change (give at least one case option)");
	id = o->cli.args[0];
	if (id_parse(id, strlen(id), "RS", &key) == -1) {
		cli_error(id, "not a case id (RS-YYYYMMDD-NNNN)");
		return RS_EDATA;
	}
	if (setup(o) != 0)
		return RS_EDATA;
	if (cli_at(&o->cli.g, o->now, &at) == -1 || check_fields(o, o->now, tbuf) == -1)
		r = RS_EDATA;
	else
		r = write_case(o, at, id, key);
	free(o->dir);
	return r;
}

static int
cmd_import(void *p)
{
	struct opts *o = p;
	struct import im;
	struct intake_rows nc;
	struct rs_err e;
	size_t i;
	int ret;

	if (o->cli.g.at != NULL)
		return cli_usage("import: give each row's time in an 'at' column, not --at");
	if (o->cli.g.ref != NULL)
		return cli_usage("import: give each row's key in a 'ref' column, not --ref");
	if (setup(o) != 0)
		return RS_EDATA;
	memset(&im, 0, sizeof(im));
	im.now = o->now;
	im.agent = cli_agent(&o->cli.g);
	err_clear(&e);
	memset(&nc, 0, sizeof(nc));
	if (import_read(&im, o->cli.nargs > 0 ? o->cli.args[0] : "-", &e) == -1) {
		ret = cli_fail(&e);
		goto out;
	}
	if (im.bad) {
		ret = RS_EDATA;
		goto out;
	}
	nc.v = im.v;
	nc.at = im.at;
	nc.n = im.n;
	nc.ids = xcalloc(im.n ? im.n : 1, sizeof(*nc.ids));
	nc.atbuf = xcalloc(im.n ? im.n : 1, sizeof(*nc.atbuf));
	nc.skip = xcalloc(im.n ? im.n : 1, 1);
	/* One lock, one write: the whole file or nothing. */
	if (im.n > 0 && intake_append(o->dir, &nc, &e) == -1) {
		ret = cli_fail(&e);
		goto out;
	}
	if (nc.nskip > 0)
		err_warn(im.name, "skipped %zu rows whose ref is already in the journal",
		    nc.nskip);
	print_rows(o, &nc);
	for (i = 0; i < im.n; i++)
		if (!nc.skip[i])
			warn(im.v[i]);
	ret = 0;
out:
	free(nc.ids);
	free(nc.atbuf);
	free(nc.skip);
	import_free(&im);
	free(o->dir);
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
cmd_list(void *p)
{
	struct opts *o = p;
	struct case_list l;
	struct case_list_filter f;
	struct case_list_row row;
	struct rs_err e;
	struct lview *lv;
	char msg[256], digits[64];
	size_t i;
	int ret;

	if (setup(o) != 0)
		return RS_EDATA;
	if ((ret = cli_read_dir(o->dir)) != 0) {
		free(o->dir);
		return ret;
	}
	if (list_period(o, &f.since, &f.until) == -1)
		goto bad;
	if (o->service != NULL && schema_check_value(&schema_cases.cols[CASES_SERVICE],
	    o->service, strlen(o->service), msg, sizeof(msg)) != NULL) {
		cli_error("--service", "%s", msg);
		goto bad;
	}
	if (o->priority != NULL && schema_check_value(&schema_cases.cols[CASES_PRIORITY],
	    o->priority, strlen(o->priority), msg, sizeof(msg)) != NULL) {
		cli_error("--priority", "%s", msg);
		goto bad;
	}
	f.open = o->open;
	f.service = o->service;
	f.priority = o->priority;
	f.phone = f.plate = NULL;
	if (o->val[CASES_PHONE] != NULL) {
		if (schema_check_value(&schema_cases.cols[CASES_PHONE], o->val[CASES_PHONE],
		    strlen(o->val[CASES_PHONE]), msg, sizeof(msg)) != NULL) {
			cli_error("--phone", "%s", msg);
			goto bad;
		}
		case_phone_digits(o->val[CASES_PHONE], digits, sizeof(digits));
		f.phone = digits;
	}
	if (o->val[CASES_PLATE] != NULL) {
		if (schema_check_value(&schema_cases.cols[CASES_PLATE], o->val[CASES_PLATE],
		    strlen(o->val[CASES_PLATE]), msg, sizeof(msg)) != NULL) {
			cli_error("--plate", "%s", msg);
			goto bad;
		}
		f.plate = o->val[CASES_PLATE];
	}
	err_clear(&e);
	if (case_list_load(o->dir, f.since, o->as_of, &l, &e) == -1) {
		ret = cli_fail(&e);
		goto done;
	}
	if ((ret = cli_list(&o->cli.g, case_list_view(), o->columns, o->wide, o->as_of,
	    &lv)) != 0)
		goto done;
	for (i = 0; i < l.cs.f.n; i++)
		if (case_list_row(&l, i, &f, &row))
			lview_row(lv, row.v);
	ret = lview_end(lv) == 0 ? 0 : RS_EIO;
	lview_free(lv);
done:
	case_list_free(&l);
	free(o->dir);
	return ret;
bad:
	free(o->dir);
	return RS_EDATA;
}

static const struct cli_cmd cmds[] = {
	{ .name = "new", .run = cmd_new, .bit = S_NEW, .summary = "open a case",
	    .help = help_new, .operands = "" },
	{ .name = "amend", .run = cmd_amend, .bit = S_AMEND,
	    .summary = "add or correct fields of a case", .help = help_amend,
	    .operands = "CASE" },
	{ .name = "import", .run = cmd_import, .bit = S_IMPORT,
	    .summary = "open many cases from a CSV or TSV file", .help = help_import,
	    .operands = "[FILE]" },
	{ .name = "list", .run = cmd_list, .bit = S_LIST,
	    .summary = "the current state of cases", .help = help_list, .operands = "" },
	{ .name = NULL },
};

static const struct cli_tool tool = {
	.cmds = cmds,
	.opts = options,
	.globals = CLI_G_DIR | CLI_G_FORMAT | CLI_G_NO_HEADER | CLI_G_AGENT | CLI_G_AT |
	    CLI_G_AS_OF | CLI_G_RAW | CLI_G_QUIET | CLI_G_REF,
	.help = help_main,
	.dflt = "new",
	.journal = "cases",
	.size = sizeof(struct opts),
};

int
main(int argc, char **argv)
{
	struct opts o;

	cli_init("rs-intake");
	return cli_exit(cli_run(&tool, argc, argv, &o));
}
