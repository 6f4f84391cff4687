/*
 * rs-dispatch - rank providers for a case, assign, track en route,
 * arrived, completed, cancelled, and list open cases with their SLA
 * clocks (SPEC 6, 9, 10).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#include "providers.h"
#include "row.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

/* Which subcommands take an option. */
enum {
	S_SUGGEST = 1 << 0, S_ASSIGN = 1 << 1, S_NOTIFY = 1 << 2, S_ENROUTE = 1 << 3,
	S_ARRIVE = 1 << 4, S_COMPLETE = 1 << 5, S_CANCEL = 1 << 6, S_LIST = 1 << 7
};
#define S_STEP (S_NOTIFY | S_ENROUTE | S_ARRIVE)

enum {
	OPT_PROVIDER = CLI_OPT_FIRST_FREE, OPT_TECHNICIAN, OPT_ETA, OPT_FORCE,
	OPT_OUTCOME, OPT_FEE, OPT_REASON, OPT_NOTE, OPT_INCLUDE_BUSY, OPT_ALL,
	OPT_OVERDUE
};

static const struct opt {
	struct option lo;
	int subs;
} own_opts[] = {
	{ { "provider", required_argument, NULL, OPT_PROVIDER }, S_ASSIGN | S_LIST },
	{ { "technician", required_argument, NULL, OPT_TECHNICIAN }, S_ASSIGN },
	{ { "eta", required_argument, NULL, OPT_ETA }, S_ASSIGN },
	{ { "force", no_argument, NULL, OPT_FORCE }, S_ASSIGN },
	{ { "outcome", required_argument, NULL, OPT_OUTCOME }, S_COMPLETE },
	{ { "fee", required_argument, NULL, OPT_FEE }, S_COMPLETE },
	{ { "reason", required_argument, NULL, OPT_REASON }, S_CANCEL },
	{ { "note", required_argument, NULL, OPT_NOTE },
	    S_ASSIGN | S_STEP | S_COMPLETE },
	{ { "include-busy", no_argument, NULL, OPT_INCLUDE_BUSY }, S_SUGGEST },
	{ { "all", no_argument, NULL, OPT_ALL }, S_LIST },
	{ { "overdue", no_argument, NULL, OPT_OVERDUE }, S_LIST },
};
#define NOWN (int)(sizeof(own_opts) / sizeof(own_opts[0]))

static const struct option global_opts[] = {
	{ "dir", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "no-header", no_argument, NULL, 'H' },
	{ "agent", required_argument, NULL, CLI_OPT_AGENT },
	{ "at", required_argument, NULL, CLI_OPT_AT },
	{ "as-of", required_argument, NULL, CLI_OPT_AS_OF },
	{ "raw", no_argument, NULL, CLI_OPT_RAW },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct cli_global g;
	char *dir;
	const char *provider, *technician, *eta, *outcome, *fee, *reason, *note, *n;
	int force, include_busy, all, overdue;
	rs_time now, as_of;
};

static const char help_main[] =
N_("usage: rs-dispatch suggest CASE [-n N] [--include-busy]\n"
"       rs-dispatch assign CASE --provider ID [--technician NAME --eta MIN --force]\n"
"       rs-dispatch notify|enroute|arrive CASE\n"
"       rs-dispatch complete CASE --outcome O [--fee AMOUNT]\n"
"       rs-dispatch cancel CASE --reason TEXT\n"
"       rs-dispatch list [--all] [--overdue] [--provider ID] [--as-of T]\n"
"\n"
"Sends providers to cases and tracks them in dispatch.tsv:\n"
"open -> assigned -> enroute -> arrived -> completed, or cancelled.\n"
"'rs-dispatch SUBCOMMAND -h' tells more. Global options: -d DIR,\n"
"-f tsv|csv|json|table, -H, -q, --agent NAME, --at TIME, -h, -V.\n"
"\n"
"examples:\n"
"  rs-dispatch suggest RS-20261122-0042 -f table\n"
"  rs-dispatch assign RS-20261122-0042 --provider P017 --technician 李师傅\n"
"  rs-dispatch list --overdue -f table\n");

static const char help_suggest[] =
N_("usage: rs-dispatch suggest CASE [-n N] [--include-busy] [-f F] [-H]\n"
"\n"
"Ranks the providers of DIR/providers.tsv for a case: active, offering\n"
"the case's service, EV-capable for an EV battery/electrical/ev-system\n"
"fault, highway-capable for a highway case, and not busy (the last\n"
"assigned provider of another case that is assigned, en route or\n"
"arrived) unless --include-busy. The estimate is the great-circle\n"
"distance x 1.3 at 30 km/h (city, or no road given) or 60 km/h (highway,\n"
"rural), plus 5 minutes; ties by distance, then id. The case needs\n"
"lat/lon. Columns: rank provider_id name distance_km eta_min busy services.\n"
"  -n N              how many (default 5)\n"
"  --include-busy    busy providers too (busy = y)\n"
"\n"
"examples:\n"
"  rs-dispatch suggest RS-20261122-0042 -f table\n"
"  rs-dispatch suggest \"$id\" -n 1 -H | cut -f2\n");

static const char help_assign[] =
N_("usage: rs-dispatch assign CASE --provider ID [--technician NAME] [--eta MIN]\n"
"                          [--force] [--note TEXT] [--at TIME] [-q]\n"
"\n"
"Sends a provider (again, to reassign, until one has arrived). Without\n"
"--eta the arrival is estimated as by suggest when the case has lat/lon,\n"
"and the distance is recorded. An unknown provider is an error; so is an\n"
"inactive one or one not offering the service, unless --force (the note\n"
"then records 'forced: ...').\n"
"\n"
"examples:\n"
"  rs-dispatch assign RS-20261122-0042 --provider P017\n"
"  rs-dispatch assign RS-20261122-0042 --provider P003 --eta 25 --technician 王强\n"
"  rs-dispatch assign RS-20261122-0042 --provider P009 --force --note 'only one nearby'\n");

static const char help_notify[] =
N_("usage: rs-dispatch notify CASE [--note TEXT] [--at TIME] [-q]\n"
"\n"
"Records the progress call to the customer (the notify SLA step); allowed\n"
"in any state but completed and cancelled.\n"
"\n"
"examples:\n"
"  rs-dispatch notify RS-20261122-0042\n"
"  rs-dispatch notify RS-20261122-0042 --at 10:04 --note 'told ETA 25 min'\n");

static const char help_enroute[] =
N_("usage: rs-dispatch enroute CASE [--note TEXT] [--at TIME] [-q]\n"
"\n"
"Records that the assigned provider set off (optional step; only from\n"
"assigned).\n"
"\n"
"examples:\n"
"  rs-dispatch enroute RS-20261122-0042\n"
"  rs-dispatch enroute RS-20261122-0042 --at -3m\n");

static const char help_arrive[] =
N_("usage: rs-dispatch arrive CASE [--note TEXT] [--at TIME] [-q]\n"
"\n"
"Records the provider's arrival on site (from assigned or en route).\n"
"\n"
"examples:\n"
"  rs-dispatch arrive RS-20261122-0042\n"
"  rs-dispatch arrive RS-20261122-0042 --at 10:31\n");

static const char help_complete[] =
N_("usage: rs-dispatch complete CASE --outcome O [--fee AMOUNT] [--note TEXT]\n"
"                            [--at TIME] [-q]\n"
"\n"
"Closes the job after arrival; --outcome remote (help given over the\n"
"phone) is allowed without arrival. O is repaired, towed, jumpstarted,\n"
"tyre-changed, refuelled, unlocked, transported, remote or unresolved.\n"
"\n"
"examples:\n"
"  rs-dispatch complete RS-20261122-0042 --outcome tyre-changed --fee 180\n"
"  rs-dispatch complete RS-20261122-0043 --outcome remote\n");

static const char help_cancel[] =
N_("usage: rs-dispatch cancel CASE --reason TEXT [--at TIME] [-q]\n"
"\n"
"Cancels a case that is not completed or cancelled; the reason goes in\n"
"the note.\n"
"\n"
"examples:\n"
"  rs-dispatch cancel RS-20261122-0042 --reason 'customer fixed it'\n"
"  rs-dispatch cancel RS-20261122-0042 --reason 'duplicate of RS-20261122-0041'\n");

static const char help_list[] =
N_("usage: rs-dispatch list [--all] [--overdue] [--provider ID] [--as-of T]\n"
"                        [-f F] [-H]\n"
"\n"
"One row per case not completed or cancelled (--all: every case):\n"
"case_id state priority road provider opened_at age_min next due_at overdue.\n"
"next is the SLA step not yet done with the earliest deadline (dispatch\n"
"5 min and notify 8 min from call_at, else the case's time; arrive 30 min\n"
"city, 60 min highway/rural from the case's time; rules.tsv overrides);\n"
"overdue is y when due_at is before --as-of (at the deadline is in time).\n"
"  --overdue       only overdue rows\n"
"  --provider ID   only cases whose last assigned provider is ID\n"
"  --as-of T       the journals as they stood at T (default now)\n"
"\n"
"examples:\n"
"  rs-dispatch list -f table\n"
"  rs-dispatch list --overdue --as-of 2026-11-22T10:30\n"
"  rs-dispatch list --all --provider P017 -f json\n");

static int
help(const char *text)
{
	fputs(_(text), stdout);
	return 0;
}

/*
 * parse parses the options of subcommand sub (its S_* bit) into o;
 * returns -1 to go on, else an exit code.
 */
static int
parse(int argc, char **argv, int sub, const char *helptext, struct opts *o)
{
	struct option lo[NOWN + 16];
	const char *shortopts = sub == S_SUGGEST ? ":d:f:HqhVn:" : ":d:f:HqhV";
	int c, i, n = 0, r;

	for (i = 0; i < NOWN; i++)
		if (own_opts[i].subs & sub)
			lo[n++] = own_opts[i].lo;
	memcpy(&lo[n], global_opts, sizeof(global_opts));
	memset(o, 0, sizeof(*o));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, lo, NULL)) != -1) {
		switch (c) {
		case OPT_PROVIDER: o->provider = optarg; continue;
		case OPT_TECHNICIAN: o->technician = optarg; continue;
		case OPT_ETA: o->eta = optarg; continue;
		case OPT_FORCE: o->force = 1; continue;
		case OPT_OUTCOME: o->outcome = optarg; continue;
		case OPT_FEE: o->fee = optarg; continue;
		case OPT_REASON: o->reason = optarg; continue;
		case OPT_NOTE: o->note = optarg; continue;
		case OPT_INCLUDE_BUSY: o->include_busy = 1; continue;
		case OPT_ALL: o->all = 1; continue;
		case OPT_OVERDUE: o->overdue = 1; continue;
		case 'n': o->n = optarg; continue;
		case 'h': return help(helptext);
		case 'V': return cli_version();
		case ':':
			return cli_usage("option '%s' needs a value", argv[optind - 1]);
		case '?':
			if (optopt != 0 && optopt < 0x100 && argv[optind - 1][1] != '-')
				return cli_usage("unknown option '-%c'", optopt);
			return cli_usage("unknown option '%s'", argv[optind - 1]);
		}
		if ((r = cli_global_option(c, optarg, &o->g)) == 1)
			continue;
		if (r == -1)
			return c == CLI_OPT_AGENT ? 1 : 2;
		return cli_usage("unknown option '%s'", argv[optind - 1]);
	}
	return -1;
}

/* one_case takes the single CASE operand; returns it or NULL after a usage message. */
static const char *
one_case(int argc, char **argv, const char *sub)
{
	if (optind >= argc) {
		cli_usage("%s: a case id is required", sub);
		return NULL;
	}
	if (optind + 1 < argc) {
		cli_usage("unexpected argument '%s'", argv[optind + 1]);
		return NULL;
	}
	return argv[optind];
}

static int
setup(struct opts *o)
{
	o->dir = journal_dir(o->g.dir);
	o->now = time_now();
	return cli_as_of(&o->g, &o->as_of) == -1 ? -1 : 0;
}

static int
out_flags(const struct opts *o)
{
	return (o->g.no_header ? OUT_NO_HEADER : 0) | (o->g.raw ? OUT_RAW : 0);
}

/* check_value validates an option value against a dispatch column, naming the option. */
static int
check_value(const char *opt, int col, const char *v)
{
	const struct column *c = &schema_dispatch.cols[col];
	char msg[256];

	if (c->type == COL_TEXT)
		return cli_text_arg(opt, v);
	if (schema_check_value(c, v, strlen(v), msg, sizeof(msg)) != NULL) {
		cli_error(opt, "%s", msg);
		return -1;
	}
	return 0;
}

/* A dispatch row being written, checked against the state under the lock. */
struct record {
	const char *id;
	uint64_t key;
	enum devent ev;
	int remote;
	rs_time at;			/* RS_TIME_NONE = the row's ts */
	const char *v[DISPATCH_NCOLS];
	char tsbuf[TIME_ISO_MAX], atbuf[TIME_ISO_MAX];
};

struct timeline_scan {
	uint64_t key;
	struct dtimeline t;
};

static int
timeline_row(const struct row *r, void *arg, struct rs_err *e)
{
	struct timeline_scan *ts = arg;
	uint64_t k;

	(void)e;
	if (id_parse(r->v[DISPATCH_CASE_ID], r->len[DISPATCH_CASE_ID], "RS", &k) == 0 &&
	    k == ts->key)
		dtimeline_add(&ts->t, r);
	return 0;
}

/* build_record runs under the lock: the state is read and checked there, so two agents cannot both complete a case. */
static int
build_record(struct append_ctx *ctx, struct buf *rows, void *arg, struct rs_err *e)
{
	struct record *rec = arg;
	struct timeline_scan scan;
	struct row r;
	enum dstate to;
	size_t len[DISPATCH_NCOLS];
	char msg[512];
	int k;

	scan.key = rec->key;
	dtimeline_init(&scan.t, rec->key);
	if (append_scan(ctx, case_since(rec->key), timeline_row, &scan, e) == -1)
		return -1;
	if (dispatch_transition(scan.t.state, rec->ev, rec->remote, &to, rec->id, e) == -1)
		return -1;
	rec->v[DISPATCH_TS] = time_format_iso(ctx->ts, rec->tsbuf);
	rec->v[DISPATCH_AT] = rec->at != RS_TIME_NONE ?
	    time_format_iso(rec->at, rec->atbuf) : rec->tsbuf;
	for (k = 0; k < DISPATCH_NCOLS; k++) {
		if (rec->v[k] == NULL)
			rec->v[k] = "";
		len[k] = strlen(rec->v[k]);
	}
	memset(&r, 0, sizeof(r));
	r.n = DISPATCH_NCOLS;
	r.v = (char **)(uintptr_t)rec->v;
	r.len = len;
	if (schema_check_row(&schema_dispatch, &r, msg, sizeof(msg)) == -1)
		return err_set(e, RS_EDATA, rec->id, "%s", r.problem);
	row_format_tsv(rows, DISPATCH_NCOLS, rec->v);
	return 0;
}

/* print_record prints the row written (TSV with header by default) or the case id with -q. */
static void
print_record(const struct opts *o, const struct record *rec)
{
	const char *names[DISPATCH_NCOLS];
	enum coltype types[DISPATCH_NCOLS];
	struct out *out;
	int k;

	if (o->g.quiet) {
		printf("%s\n", rec->id);
		return;
	}
	for (k = 0; k < DISPATCH_NCOLS; k++) {
		names[k] = schema_dispatch.cols[k].name;
		types[k] = schema_dispatch.cols[k].type;
	}
	out = out_new(stdout, o->g.format, out_flags(o), DISPATCH_NCOLS, names, types);
	out_row(out, rec->v, NULL);
	out_end(out);
	out_free(out);
}

/* case_values collects the folded values of case i, CASES_* indexed. */
static void
case_values(const struct cases *cs, long i, const char **v)
{
	int k;

	for (k = 0; k < CASES_NCOLS; k++)
		v[k] = case_value(cs, i, k);
}

/*
 * begin does what every write subcommand does first: the case operand,
 * setup, --at, and the case itself. Returns -1 to go on (cs filled,
 * *ix its index), else an exit code.
 */
static int
begin(int argc, char **argv, const char *sub, struct opts *o, struct record *rec,
    struct cases *cs, long *ix)
{
	struct rs_err e;
	char buf[TIME_ISO_MAX];

	memset(rec, 0, sizeof(*rec));
	rec->at = RS_TIME_NONE;
	if ((rec->id = one_case(argc, argv, sub)) == NULL)
		return 2;
	if (setup(o) == -1)
		return 1;
	if (id_parse(rec->id, strlen(rec->id), "RS", &rec->key) == -1) {
		cli_error(rec->id, "not a case id (RS-YYYYMMDD-NNNN)");
		return 1;
	}
	if (o->g.at != NULL) {
		if (cli_time_option("--at", o->g.at, o->now, &rec->at) == -1)
			return 1;
		if (rec->at > o->now + 300) {
			cli_error("--at", "%s is more than 5 minutes in the future",
			    time_format_iso(rec->at, buf));
			return 1;
		}
	}
	if (o->note != NULL && cli_text_arg("--note", o->note) == -1)
		return 1;
	err_clear(&e);
	if ((*ix = case_find(o->dir, rec->id, RS_TIME_NONE, cs, &e)) == -1)
		return cli_fail(&e);
	/* An event before the case existed would run the SLA clocks backwards. */
	if (rec->at != RS_TIME_NONE && rec->at < cs->opened_at[*ix]) {
		char opened[TIME_ISO_MAX];

		cli_error("--at", "%s is before the case was opened (%s)",
		    time_format_iso(rec->at, buf), time_format_iso(cs->opened_at[*ix], opened));
		return 1;
	}
	rec->v[DISPATCH_CASE_ID] = rec->id;
	rec->v[DISPATCH_AGENT] = cli_agent(&o->g);
	rec->v[DISPATCH_NOTE] = o->note;
	return -1;
}

/* commit appends rec and prints it; returns the exit code. */
static int
commit(struct opts *o, struct record *rec)
{
	struct rs_err e;

	err_clear(&e);
	if (journal_append(o->dir, &schema_dispatch, build_record, rec, &e) == -1)
		return cli_fail(&e);
	print_record(o, rec);
	return 0;
}

/* run_step is notify, enroute and arrive: no fields of their own. */
static int
run_step(int argc, char **argv, int sub, const char *name, enum devent ev,
    const char *helptext)
{
	struct opts o;
	struct record rec;
	struct cases cs;
	long ix;
	int r;

	if ((r = parse(argc, argv, sub, helptext, &o)) != -1)
		return r;
	cases_init(&cs);
	if ((r = begin(argc, argv, name, &o, &rec, &cs, &ix)) == -1) {
		rec.ev = ev;
		rec.v[DISPATCH_EVENT] = name[0] == 'n' ? "notified" :
		    name[0] == 'e' ? "enroute" : "arrived";
		r = commit(&o, &rec);
	}
	cases_free(&cs);
	free(o.dir);
	return r;
}

static int
run_notify(int argc, char **argv)
{
	return run_step(argc, argv, S_NOTIFY, "notify", DE_NOTIFIED, help_notify);
}

static int
run_enroute(int argc, char **argv)
{
	return run_step(argc, argv, S_ENROUTE, "enroute", DE_ENROUTE, help_enroute);
}

static int
run_arrive(int argc, char **argv)
{
	return run_step(argc, argv, S_ARRIVE, "arrive", DE_ARRIVED, help_arrive);
}

static int
run_complete(int argc, char **argv)
{
	struct opts o;
	struct record rec;
	struct cases cs;
	long ix;
	int r;

	if ((r = parse(argc, argv, S_COMPLETE, help_complete, &o)) != -1)
		return r;
	if (o.outcome == NULL)
		return cli_usage("complete: --outcome is required");
	cases_init(&cs);
	if ((r = begin(argc, argv, "complete", &o, &rec, &cs, &ix)) != -1)
		goto out;
	r = 1;
	if (check_value("--outcome", DISPATCH_OUTCOME, o.outcome) == -1 ||
	    (o.fee != NULL && check_value("--fee", DISPATCH_FEE, o.fee) == -1))
		goto out;
	rec.ev = DE_COMPLETED;
	rec.remote = strcmp(o.outcome, "remote") == 0;
	rec.v[DISPATCH_EVENT] = "completed";
	rec.v[DISPATCH_OUTCOME] = o.outcome;
	rec.v[DISPATCH_FEE] = o.fee;
	r = commit(&o, &rec);
out:
	cases_free(&cs);
	free(o.dir);
	return r;
}

static int
run_cancel(int argc, char **argv)
{
	struct opts o;
	struct record rec;
	struct cases cs;
	long ix;
	int r;

	if ((r = parse(argc, argv, S_CANCEL, help_cancel, &o)) != -1)
		return r;
	if (o.reason == NULL)
		return cli_usage("cancel: --reason is required");
	cases_init(&cs);
	if ((r = begin(argc, argv, "cancel", &o, &rec, &cs, &ix)) != -1)
		goto out;
	r = 1;
	if (cli_text_arg("--reason", o.reason) == -1)
		goto out;
	if (o.reason[0] == '\0') {
		cli_error("--reason", "empty reason");
		goto out;
	}
	rec.ev = DE_CANCELLED;
	rec.v[DISPATCH_EVENT] = "cancelled";
	rec.v[DISPATCH_NOTE] = o.reason;
	r = commit(&o, &rec);
out:
	cases_free(&cs);
	free(o.dir);
	return r;
}

/* case_position reads the case's lat/lon; returns 0, or -1 when it has none. */
static int
case_position(const char *const *cv, double *lat, double *lon)
{
	if (*cv[CASES_LAT] == '\0' || *cv[CASES_LON] == '\0')
		return -1;
	*lat = strtod(cv[CASES_LAT], NULL);
	*lon = strtod(cv[CASES_LON], NULL);
	return 0;
}

static int
run_assign(int argc, char **argv)
{
	struct opts o;
	struct record rec;
	struct cases cs;
	struct roster ro;
	struct rs_err e;
	struct buf note = BUF_INIT;
	const struct provider *p;
	const char *cv[CASES_NCOLS];
	char eta[32], km[32];
	double lat, lon, d;
	long ix;
	int r, inactive, offers;

	if ((r = parse(argc, argv, S_ASSIGN, help_assign, &o)) != -1)
		return r;
	if (o.provider == NULL)
		return cli_usage("assign: --provider is required");
	cases_init(&cs);
	memset(&ro, 0, sizeof(ro));
	if ((r = begin(argc, argv, "assign", &o, &rec, &cs, &ix)) != -1)
		goto out;
	r = 1;
	if (check_value("--provider", DISPATCH_PROVIDER, o.provider) == -1 ||
	    (o.technician != NULL &&
	    check_value("--technician", DISPATCH_TECHNICIAN, o.technician) == -1) ||
	    (o.eta != NULL && check_value("--eta", DISPATCH_ETA, o.eta) == -1))
		goto out;
	err_clear(&e);
	if (roster_load(o.dir, &ro, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	if ((p = roster_find(&ro, o.provider)) == NULL) {
		if (ro.n == 0)
			cli_error(o.provider, "no such provider (no providers in %s/providers.tsv)",
			    o.dir);
		else
			cli_error(o.provider, "no such provider");
		goto out;
	}
	case_values(&cs, ix, cv);
	inactive = !p->active;
	offers = provider_offers(p, cv[CASES_SERVICE]);
	if ((inactive || !offers) && !o.force) {
		cli_error(o.provider, "provider %s%s%s%s; --force assigns anyway",
		    inactive ? "is inactive" : "", inactive && !offers ? " and " : "",
		    !offers ? "does not offer " : "", !offers ? cv[CASES_SERVICE] : "");
		goto out;
	}
	if (inactive || !offers) {
		buf_printf(&note, "forced: %s%s%s%s", inactive ? "inactive" : "",
		    inactive && !offers ? ", " : "", !offers ? "does not offer " : "",
		    !offers ? cv[CASES_SERVICE] : "");
		if (o.note != NULL && *o.note != '\0')
			buf_printf(&note, "; %s", o.note);
		rec.v[DISPATCH_NOTE] = note.p;
	}
	rec.v[DISPATCH_ETA] = o.eta;
	if (case_position(cv, &lat, &lon) == 0) {
		d = haversine_km(lat, lon, p->lat, p->lon);
		snprintf(km, sizeof(km), "%.1f", round_half_away(d * 10.0) / 10.0);
		rec.v[DISPATCH_DISTANCE_KM] = km;
		if (o.eta == NULL) {
			snprintf(eta, sizeof(eta), "%.0f",
			    round_half_away(eta_minutes(d, cv[CASES_ROAD])));
			rec.v[DISPATCH_ETA] = eta;
		}
	}
	rec.ev = DE_ASSIGNED;
	rec.v[DISPATCH_EVENT] = "assigned";
	rec.v[DISPATCH_PROVIDER] = p->id;
	rec.v[DISPATCH_TECHNICIAN] = o.technician;
	r = commit(&o, &rec);
out:
	buf_free(&note);
	roster_free(&ro);
	cases_free(&cs);
	free(o.dir);
	return r;
}

/* The providers busy with another case, for suggest. */
struct busyset {
	const char **ids;
	size_t n;
};

static int
is_busy(const struct provider *p, void *arg)
{
	const struct busyset *b = arg;
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->ids[i], p->id) == 0)
			return 1;
	return 0;
}

static int
run_suggest(int argc, char **argv)
{
	static const char *const names[] = { "rank", "provider_id", "name",
	    "distance_km", "eta_min", "busy", "services" };
	static const enum coltype types[] = { COL_INT, COL_ID, COL_TEXT, COL_NUM,
	    COL_MINUTES, COL_YN, COL_LIST };
	struct opts o;
	struct cases cs;
	struct roster ro;
	struct dispatch_set ds;
	struct busyset busy = { NULL, 0 };
	struct candidate *c = NULL;
	struct need nd;
	struct rs_err e;
	struct out *out;
	const char *cv[CASES_NCOLS], *id, *vals[7];
	char rank[24], km[32], eta[32];
	size_t i, n;
	long ix, limit = 5;
	char *end;
	int r;

	if ((r = parse(argc, argv, S_SUGGEST, help_suggest, &o)) != -1)
		return r;
	if ((id = one_case(argc, argv, "suggest")) == NULL)
		return 2;
	if (o.n != NULL) {
		limit = strtol(o.n, &end, 10);
		if (*o.n == '\0' || *end != '\0' || limit < 1 || limit > 100000)
			return cli_usage("-n: want a count of 1 or more, not '%s'", o.n);
	}
	cases_init(&cs);
	dispatch_set_init(&ds);
	memset(&ro, 0, sizeof(ro));
	r = 1;
	if (setup(&o) == -1)
		goto out;
	err_clear(&e);
	if ((ix = case_find(o.dir, id, RS_TIME_NONE, &cs, &e)) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	case_values(&cs, ix, cv);
	memset(&nd, 0, sizeof(nd));
	if (case_position(cv, &nd.lat, &nd.lon) == -1) {
		cli_error(id, "the case has no position; add it with "
		    "'rs-intake amend %s --lat DEG --lon DEG'", id);
		goto out;
	}
	nd.service = cv[CASES_SERVICE];
	nd.road = cv[CASES_ROAD];
	nd.ev = case_ev_electrical(cv);
	nd.highway = strcmp(cv[CASES_ROAD], "highway") == 0;
	if (roster_load(o.dir, &ro, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	if (ro.n == 0) {
		cli_error(NULL, "no providers: %s/providers.tsv is missing or empty", o.dir);
		goto out;
	}
	/*
	 * Busy is about every case still on the road, however old, so the
	 * whole dispatch journal is read.
	 */
	if (dispatch_load(o.dir, RS_TIME_NONE, RS_TIME_NONE, &ds, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	busy.ids = xcalloc(ds.n ? ds.n : 1, sizeof(*busy.ids));
	for (i = 0; i < ds.n; i++) {
		const struct dtimeline *t = &ds.items[i];

		if (t->key != cs.f.items[ix].key && t->provider[0] != '\0' &&
		    (t->state == DS_ASSIGNED || t->state == DS_ENROUTE ||
		    t->state == DS_ARRIVED))
			busy.ids[busy.n++] = t->provider;
	}
	n = providers_rank(&ro, &nd, o.include_busy, is_busy, &busy, &c);
	if (n == 0)
		err_warn(id, "no provider fits (active, offers %s%s%s%s)", nd.service,
		    nd.ev ? _(", EV-capable") : "", nd.highway ? _(", highway-capable") : "",
		    o.include_busy ? "" : _(", not busy"));
	out = out_new(stdout, o.g.format, out_flags(&o), 7, names, types);
	for (i = 0; i < n && (long)i < limit; i++) {
		snprintf(rank, sizeof(rank), "%zu", i + 1);
		snprintf(km, sizeof(km), "%.1f", round_half_away(c[i].km * 10.0) / 10.0);
		snprintf(eta, sizeof(eta), "%.0f", round_half_away(c[i].eta));
		vals[0] = rank;
		vals[1] = c[i].p->id;
		vals[2] = c[i].p->name;
		vals[3] = km;
		vals[4] = eta;
		vals[5] = c[i].busy ? "y" : "n";
		vals[6] = c[i].p->services;
		out_row(out, vals, NULL);
	}
	out_end(out);
	out_free(out);
	r = 0;
out:
	free(c);
	free(busy.ids);
	dispatch_set_free(&ds);
	roster_free(&ro);
	cases_free(&cs);
	free(o.dir);
	return r;
}

static int
run_list(int argc, char **argv)
{
	static const char *const names[] = { "case_id", "state", "priority", "road",
	    "provider", "opened_at", "age_min", "next", "due_at", "overdue" };
	static const enum coltype types[] = { COL_ID, COL_ENUM, COL_INT, COL_ENUM,
	    COL_ID, COL_TS, COL_MINUTES, COL_ENUM, COL_TS, COL_YN };
	struct opts o;
	struct cases cs;
	struct dispatch_set ds;
	struct rules rules;
	struct sla_result steps[SLA_NSTEPS];
	struct sla_case sc;
	struct rs_err e;
	struct out *out;
	const struct dtimeline *t;
	const char *vals[10];
	char opened[TIME_ISO_MAX], due[TIME_ISO_MAX], age[32], msg[256];
	rs_time call_at;
	size_t i;
	int r, next;

	if ((r = parse(argc, argv, S_LIST, help_list, &o)) != -1)
		return r;
	if (optind < argc)
		return cli_usage("unexpected argument '%s'", argv[optind]);
	cases_init(&cs);
	dispatch_set_init(&ds);
	r = 1;
	if (setup(&o) == -1)
		goto out;
	if (o.provider != NULL && schema_check_value(&schema_dispatch.cols[DISPATCH_PROVIDER],
	    o.provider, strlen(o.provider), msg, sizeof(msg)) != NULL) {
		cli_error("--provider", "%s", msg);
		goto out;
	}
	err_clear(&e);
	/* Open cases can be of any age: all history up to --as-of. */
	if (rules_load(o.dir, &rules, &e) == -1 ||
	    cases_load(o.dir, RS_TIME_NONE, o.as_of, &cs, &e) == -1 ||
	    dispatch_load(o.dir, RS_TIME_NONE, o.as_of, &ds, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	out = out_new(stdout, o.g.format, out_flags(&o), 10, names, types);
	for (i = 0; i < cs.f.n; i++) {
		long ix = (long)i;
		enum dstate st;
		int64_t mins;

		if (cs.opened_at[i] == RS_TIME_NONE)
			continue;
		t = dispatch_get(&ds, cs.f.items[i].key);
		st = t != NULL ? t->state : DS_OPEN;
		if (dstate_final(st) && !o.all)
			continue;
		if (o.provider != NULL && (t == NULL || strcmp(t->provider, o.provider) != 0))
			continue;
		sc.opened_at = cs.opened_at[i];
		sc.call_at = RS_TIME_NONE;
		if (*case_value(&cs, ix, CASES_CALL_AT) != '\0' &&
		    time_parse_ts(case_value(&cs, ix, CASES_CALL_AT),
		    strlen(case_value(&cs, ix, CASES_CALL_AT)), &call_at) == 0)
			sc.call_at = call_at;
		sc.road = case_value(&cs, ix, CASES_ROAD);
		sla_steps(&sc, t, &rules, o.as_of, steps);
		next = sla_next(steps, t);
		if (o.overdue && (next == -1 || !(steps[next].due < o.as_of)))
			continue;
		mins = (o.as_of - cs.opened_at[i]) / 60;
		snprintf(age, sizeof(age), "%lld", (long long)(mins > 0 ? mins : 0));
		vals[0] = case_value(&cs, ix, CASES_CASE_ID);
		vals[1] = dstate_name(st);
		vals[2] = case_value(&cs, ix, CASES_PRIORITY);
		vals[3] = sc.road;
		vals[4] = t != NULL ? t->provider : "";
		vals[5] = time_format_iso(cs.opened_at[i], opened);
		vals[6] = age;
		vals[7] = next != -1 ? sla_step_name((enum sla_step)next) : "";
		vals[8] = next != -1 ? time_format_iso(steps[next].due, due) : "";
		vals[9] = next != -1 && steps[next].due < o.as_of ? "y" : "n";
		out_row(out, vals, NULL);
	}
	out_end(out);
	out_free(out);
	r = 0;
out:
	dispatch_set_free(&ds);
	cases_free(&cs);
	free(o.dir);
	return r;
}

static const struct cli_subcommand subcommands[] = {
	{ "suggest", run_suggest, "rank providers for a case" },
	{ "assign", run_assign, "send a provider" },
	{ "notify", run_notify, "record the progress call to the customer" },
	{ "enroute", run_enroute, "record that the provider set off" },
	{ "arrive", run_arrive, "record the arrival on site" },
	{ "complete", run_complete, "record the end of the job" },
	{ "cancel", run_cancel, "cancel a case" },
	{ "list", run_list, "open cases with their SLA clocks" },
	{ NULL, NULL, NULL }
};

/* takes_value says whether global option a (as written) takes the next word. */
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

/* hoist_subcommand lets global options come first: "rs-dispatch -d DIR list". */
static void
hoist_subcommand(int argc, char **argv)
{
	int i, j;
	char *name;

	for (i = 1; i < argc; i++) {
		if (takes_value(argv[i])) {
			i++;
			continue;
		}
		if (!is_global(argv[i]))
			break;
	}
	if (i == 1 || i >= argc || argv[i][0] == '-')
		return;
	name = argv[i];
	for (j = i; j > 1; j--)
		argv[j] = argv[j - 1];
	argv[1] = name;
}

int
main(int argc, char **argv)
{
	cli_init("rs-dispatch");
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
		return cli_exit(help(help_main));
	if (argc == 2 && (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0))
		return cli_exit(cli_version());
	hoist_subcommand(argc, argv);
	return cli_exit(cli_dispatch(subcommands, NULL, argc, argv));
}
