/*
 * rs-dispatch - rank providers for a case, assign, track en route,
 * arrived, completed, cancelled, and list open cases with their SLA
 * clocks (SPEC 6, 9, 10). The rows are made in common/dispatch_write.c,
 * the ranking and the list in common/dispatch_list.c; this is option
 * parsing and glue.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assignable.h"
#include "buf.h"
#include "cases.h"
#include "cli.h"
#include "cmdtable.h"
#include "dispatch.h"
#include "dispatch_list.h"
#include "dispatch_write.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "listview.h"
#include "out.h"
#include "ref.h"
#include "providers.h"
#include "rowbuild.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

/* Which subcommands take an option. */
enum {
	S_SUGGEST = 1 << 0, S_ASSIGN = 1 << 1, S_NOTIFY = 1 << 2, S_ENROUTE = 1 << 3,
	S_ARRIVE = 1 << 4, S_COMPLETE = 1 << 5, S_CANCEL = 1 << 6, S_LIST = 1 << 7,
	S_AUTHORIZE = 1 << 8, S_QUERY = 1 << 9
};
#define S_STEP (S_NOTIFY | S_ENROUTE | S_ARRIVE)

struct opts {
	struct cli_args cli;
	char *dir;
	const char *provider, *technician, *eta, *outcome, *fee, *reason, *note, *n;
	const char *columns, *due_within;
	int force, include_busy, all, overdue, wide;
	rs_time now, as_of;
};
#define OFF(field) offsetof(struct opts, field)

static const struct cli_opt options[] = {
	{ .key = 'n', .has_arg = 1, .subs = S_SUGGEST, .off = OFF(n) },
	{ .name = "provider", .has_arg = 1, .subs = S_ASSIGN | S_LIST,
	    .off = OFF(provider), .complete = "provider-for-case" },
	{ .name = "technician", .has_arg = 1, .subs = S_ASSIGN, .off = OFF(technician) },
	{ .name = "eta", .has_arg = 1, .subs = S_ASSIGN, .off = OFF(eta) },
	{ .name = "force", .subs = S_ASSIGN, .off = OFF(force) },
	{ .name = "outcome", .has_arg = 1, .subs = S_COMPLETE, .off = OFF(outcome) },
	{ .name = "fee", .has_arg = 1, .subs = S_COMPLETE | S_AUTHORIZE, .off = OFF(fee) },
	{ .name = "reason", .has_arg = 1, .subs = S_CANCEL, .off = OFF(reason) },
	{ .name = "note", .has_arg = 1,
	    .subs = S_ASSIGN | S_STEP | S_COMPLETE | S_CANCEL | S_AUTHORIZE,
	    .off = OFF(note) },
	{ .name = "include-busy", .subs = S_SUGGEST, .off = OFF(include_busy) },
	{ .name = "all", .subs = S_LIST, .off = OFF(all) },
	{ .name = "overdue", .subs = S_LIST, .off = OFF(overdue) },
	{ .name = "due-within", .has_arg = 1, .subs = S_LIST, .off = OFF(due_within) },
	{ .name = "columns", .has_arg = 1, .subs = S_LIST, .off = OFF(columns) },
	{ .name = "wide", .subs = S_LIST, .off = OFF(wide) },
	{ .name = NULL },
};

static const char help_main[] =
N_("usage: rs-dispatch suggest CASE [-n N] [--include-busy]\n"
"       rs-dispatch assign CASE --provider ID [--technician NAME --eta MIN --force]\n"
"       rs-dispatch notify|enroute|arrive CASE\n"
"       rs-dispatch complete CASE --outcome O [--fee AMOUNT]\n"
"       rs-dispatch cancel CASE --reason CODE [--note TEXT]\n"
"       rs-dispatch authorize CASE --fee AMOUNT [--note TEXT]\n"
"       rs-dispatch list [--all] [--overdue] [--due-within D] [--provider ID]\n"
"                        [--as-of T] [--columns a,b,c] [--wide]\n"
"\n"
"Sends providers to cases and tracks them in dispatch.tsv:\n"
"open -> assigned -> enroute -> arrived -> completed, or cancelled.\n"
"'rs-dispatch SUBCOMMAND -h' tells more. Global options: -d DIR,\n"
"-f tsv|csv|json|table, -H, -q, --agent NAME, --at TIME, --ref KEY\n"
"(an idempotency key: a retry prints the row first written), -h, -V.\n"
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
"and the distance is recorded. An unknown provider is an error; so is one\n"
"that suggest leaves out for what it cannot do (inactive, not offering\n"
"the service, not EV-capable for an EV battery/electrical fault, not\n"
"highway-capable for a highway case), unless --force: a supervisor's\n"
"decision, warned of and recorded in the note ('forced: ...'). A busy\n"
"provider is a warning. Like every dispatch event, the assignment may\n"
"not be dated before the case was opened or before its latest event.\n"
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
N_("usage: rs-dispatch cancel CASE --reason CODE [--note TEXT] [--at TIME] [-q]\n"
"\n"
"Cancels a case that is not completed or cancelled. CODE says why:\n"
"  customer          the customer cancelled\n"
"  duplicate         another case is the same call\n"
"  gone-on-arrival   the provider arrived and the customer was gone\n"
"  no-provider       no provider could take the job\n"
"  by-phone          solved by advice on the phone\n"
"  other             anything else; --note says what (required then)\n"
"The shift report counts cancellations by CODE. A missing --reason is a\n"
"usage error (exit 2); other without --note is exit 1.\n"
"\n"
"examples:\n"
"  rs-dispatch cancel RS-20261122-0042 --reason customer\n"
"  rs-dispatch cancel RS-20261122-0042 --reason duplicate --note 'RS-20261122-0041'\n"
"  rs-dispatch cancel RS-20261122-0042 --reason other --note 'vehicle towed by police'\n");

static const char help_authorize[] =
N_("usage: rs-dispatch authorize CASE --fee AMOUNT [--note TEXT] [--at TIME] [-q]\n"
"\n"
"Records that the customer agreed to the price (the rescue agreement):\n"
"the amount agreed, and with --note what for (an extra charge, say).\n"
"Allowed in any state but completed and cancelled, more than once. The\n"
"weekly review lists fee complaints on cases without it.\n"
"\n"
"examples:\n"
"  rs-dispatch authorize RS-20261122-0042 --fee 300 --note 'tow 25 km'\n"
"  rs-dispatch authorize RS-20261122-0042 --fee 80 --note 'night surcharge'\n");

static const char help_list[] =
N_("usage: rs-dispatch list [--all] [--overdue] [--due-within D] [--provider ID]\n"
"                        [--as-of T] [--columns a,b,c] [--wide] [-f F] [-H]\n"
"\n"
"One row per case not completed or cancelled (--all: every case):\n"
"case_id state priority road provider opened_at age_min next due_at overdue.\n"
"next is the SLA step not yet done with the earliest deadline (dispatch\n"
"5 min and notify 8 min from call_at, else the case's time; arrive 30 min\n"
"city, 60 min highway/rural from the case's time; rules.tsv overrides);\n"
"overdue is y when due_at is before --as-of (at the deadline is in time).\n"
"Ordered by urgency: overdue rows first (the longest overdue first), then\n"
"by due_at, then rows with nothing due (oldest first); ties by case id.\n"
"  --overdue       only overdue rows\n"
"  --due-within D  only rows due by --as-of + D (D: 30m, 2h, 1d; overdue\n"
"                  ones included)\n"
"  --provider ID   only cases whose last assigned provider is ID\n"
"  --as-of T       the journals as they stood at T (default now)\n"
"  --columns a,b,c only these columns, in this order, in every format\n"
"  --wide          -f table: every column\n"
"-f table fits 80 columns: case_id state priority provider next due_at,\n"
"times as HH:MM today, else MM-DD HH:MM; overdue rows are marked '!'\n"
"(and red on a terminal, unless NO_COLOR is set).\n"
"\n"
"examples:\n"
"  rs-dispatch list -f table\n"
"  rs-dispatch list --due-within 15m -f table\n"
"  rs-dispatch list --overdue --as-of 2026-11-22T10:30\n"
"  rs-dispatch list --all --provider P017 -f json\n");

/* one_case is the CASE operand (cli_run checked there is one). */
static const char *
one_case(const struct opts *o)
{
	return o->cli.args[0];
}

static int
setup(struct opts *o)
{
	o->dir = journal_dir(o->cli.g.dir);
	o->now = time_now();
	return cli_as_of(&o->cli.g, &o->as_of);
}

static int
out_flags(const struct opts *o)
{
	return (o->cli.g.no_header ? OUT_NO_HEADER : 0) | (o->cli.g.raw ? OUT_RAW : 0);
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

/* print_record prints the row written (TSV with header by default) or the case id with -q. */
static void
print_record(const struct opts *o, const struct drecord *rec)
{
	struct out *out;

	if (o->cli.g.quiet) {
		printf("%s\n", rec->id);
		return;
	}
	out = rowbuild_out(stdout, o->cli.g.format, out_flags(o), &schema_dispatch);
	out_row(out, rec->v, NULL);
	out_end(out);
	out_free(out);
}

/*
 * begin does what every write subcommand does first: the case operand,
 * setup, --at, and the case itself. Returns -1 to go on (cs filled,
 * *ix its index), else an exit code.
 */
static int
begin(struct opts *o, struct drecord *rec, struct cases *cs, long *ix)
{
	struct rs_err e;

	memset(rec, 0, sizeof(*rec));
	rec->id = one_case(o);
	if (setup(o) == -1)
		return RS_EDATA;
	if (id_parse(rec->id, strlen(rec->id), "RS", &rec->key) == -1) {
		cli_error(rec->id, "not a case id (RS-YYYYMMDD-NNNN)");
		return RS_EDATA;
	}
	if (cli_at(&o->cli.g, o->now, &rec->at) == -1)
		return RS_EDATA;
	if (o->note != NULL && cli_text_arg("--note", o->note) == -1)
		return RS_EDATA;
	err_clear(&e);
	if (drecord_case(o->dir, rec, cs, ix, &e) == -1)
		return cli_fail(&e);
	rec->v[DISPATCH_CASE_ID] = rec->id;
	rec->v[DISPATCH_AGENT] = cli_agent(&o->cli.g);
	rec->v[DISPATCH_NOTE] = o->note;
	return -1;
}

/* A subcommand's part of a write: checks its options, fills rec; returns 0 to go on or an exit code. */
typedef int (*fill_fn)(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix);

/* write_event is every write subcommand: begin, fill, append and print. */
static int
write_event(struct opts *o, fill_fn fill)
{
	struct drecord rec;
	struct ref_write rw;
	struct cases cs;
	struct rs_err e;
	long ix;
	int r, i;

	cases_init(&cs);
	if ((r = begin(o, &rec, &cs, &ix)) == -1 && (r = fill(o, &rec, &cs, ix)) == 0) {
		memset(&rw, 0, sizeof(rw));
		rw.key = rec.v[DISPATCH_REF] = o->cli.g.ref;
		rw.given = rec.v;
		rw.id_col = -1;
		rec.ref = &rw;
		err_clear(&e);
		if (drecord_append(o->dir, &rec, &e) == -1) {
			r = cli_fail(&e);
		} else {
			/* A retry prints the row its key found. */
			for (i = 0; rw.row != NULL && i < DISPATCH_NCOLS; i++)
				rec.v[i] = rw.row[i];
			print_record(o, &rec);
			/* Once the provider is sent, what he must know of the job. */
			if (rec.ev == DE_ASSIGNED) {
				const char *cv[CASES_NCOLS];

				case_values(&cs, ix, cv);
				dispatch_say_job(rec.id, cv);
			}
		}
		ref_row_free(rw.row, DISPATCH_NCOLS);
	}
	buf_free(&rec.note);
	cases_free(&cs);
	free(o->dir);
	return r;
}

static int
fill_notify(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	rec->ev = DE_NOTIFIED;
	rec->v[DISPATCH_EVENT] = "notified";
	return 0;
}

static int
fill_enroute(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	rec->ev = DE_ENROUTE;
	rec->v[DISPATCH_EVENT] = "enroute";
	return 0;
}

static int
fill_arrive(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	rec->ev = DE_ARRIVED;
	rec->v[DISPATCH_EVENT] = "arrived";
	return 0;
}

static int
fill_complete(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	if (check_value("--outcome", DISPATCH_OUTCOME, o->outcome) == -1 ||
	    (o->fee != NULL && check_value("--fee", DISPATCH_FEE, o->fee) == -1))
		return RS_EDATA;
	rec->ev = DE_COMPLETED;
	rec->remote = strcmp(o->outcome, "remote") == 0;
	rec->v[DISPATCH_EVENT] = "completed";
	rec->v[DISPATCH_OUTCOME] = o->outcome;
	rec->v[DISPATCH_FEE] = o->fee;
	return 0;
}

static int
fill_cancel(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	struct rs_err e;

	if (check_value("--reason", DISPATCH_REASON, o->reason) == -1)
		return RS_EDATA;
	err_clear(&e);
	if (dispatch_reason_check("cancelled", o->reason, o->note, "--reason", &e) == -1)
		return cli_fail(&e);
	rec->ev = DE_CANCELLED;
	rec->v[DISPATCH_EVENT] = "cancelled";
	rec->v[DISPATCH_REASON] = o->reason;
	return 0;
}

static int
fill_authorize(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	if (check_value("--fee", DISPATCH_FEE, o->fee) == -1)
		return 1;
	rec->ev = DE_AUTHORIZED;
	rec->v[DISPATCH_EVENT] = "authorized";
	rec->v[DISPATCH_FEE] = o->fee;
	return 0;
}

static int
fill_assign(const struct opts *o, struct drecord *rec, const struct cases *cs, long ix)
{
	struct rs_err e;
	const char *cv[CASES_NCOLS];

	if (check_value("--provider", DISPATCH_PROVIDER, o->provider) == -1 ||
	    (o->technician != NULL &&
	    check_value("--technician", DISPATCH_TECHNICIAN, o->technician) == -1) ||
	    (o->eta != NULL && check_value("--eta", DISPATCH_ETA, o->eta) == -1))
		return RS_EDATA;
	case_values(cs, ix, cv);
	err_clear(&e);
	if (dispatch_assign(o->dir, cv, o->provider, o->force, o->note, o->eta, rec, &e) == -1)
		return cli_fail(&e);
	rec->ev = DE_ASSIGNED;
	rec->v[DISPATCH_EVENT] = "assigned";
	rec->v[DISPATCH_TECHNICIAN] = o->technician;
	return 0;
}

static int
cmd_notify(void *p)
{
	return write_event(p, fill_notify);
}

static int
cmd_enroute(void *p)
{
	return write_event(p, fill_enroute);
}

static int
cmd_arrive(void *p)
{
	return write_event(p, fill_arrive);
}

static int
cmd_complete(void *p)
{
	struct opts *o = p;

	if (o->outcome == NULL)
		return cli_usage("complete: --outcome is required");
	return write_event(o, fill_complete);
}

static int
cmd_cancel(void *p)
{
	struct opts *o = p;

	if (o->reason == NULL)
		return cli_usage("cancel: --reason is required");
	return write_event(o, fill_cancel);
}

static int
cmd_authorize(void *p)
{
	struct opts *o = p;

	if (o->fee == NULL)
		return cli_usage("authorize: --fee is required");
	return write_event(o, fill_authorize);
}

static int
cmd_assign(void *p)
{
	struct opts *o = p;

	if (o->provider == NULL)
		return cli_usage("assign: --provider is required");
	return write_event(o, fill_assign);
}

static int
cmd_suggest(void *p)
{
	static const char *const names[] = { "rank", "provider_id", "name",
	    "distance_km", "eta_min", "busy", "services" };
	static const enum coltype types[] = { COL_INT, COL_ID, COL_TEXT, COL_NUM,
	    COL_MINUTES, COL_YN, COL_LIST };
	struct opts *o = p;
	struct dsuggest sg;
	struct rs_err e;
	struct out *out;
	const struct candidate *c;
	const char *id, *vals[7];
	char rank[24], km[32], eta[32];
	size_t i;
	long limit = 5;
	char *end;
	int r = RS_EDATA;

	id = one_case(o);
	if (o->n != NULL) {
		limit = strtol(o->n, &end, 10);
		if (*o->n == '\0' || *end != '\0' || limit < 1 || limit > 100000)
			return cli_usage("-n: want a count of 1 or more, not '%s'", o->n);
	}
	memset(&sg, 0, sizeof(sg));
	if (setup(o) == -1)
		goto out;
	err_clear(&e);
	if (dispatch_suggest(o->dir, id, o->include_busy, &sg, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	out = out_new(stdout, o->cli.g.format, out_flags(o), 7, names, types);
	for (i = 0; i < sg.n && (long)i < limit; i++) {
		c = &sg.c[i];
		snprintf(rank, sizeof(rank), "%zu", i + 1);
		snprintf(km, sizeof(km), "%.1f", round_half_away(c->km * 10.0) / 10.0);
		snprintf(eta, sizeof(eta), "%.0f", round_half_away(c->eta));
		vals[0] = rank;
		vals[1] = c->p->id;
		vals[2] = c->p->name;
		vals[3] = km;
		vals[4] = eta;
		vals[5] = c->busy ? "y" : "n";
		vals[6] = c->p->services;
		out_row(out, vals, NULL);
	}
	out_end(out);
	out_free(out);
	r = 0;
out:
	dsuggest_free(&sg);
	free(o->dir);
	return r;
}

static int
cmd_list(void *p)
{
	struct opts *o = p;
	struct cases cs;
	struct dispatch_set ds;
	struct rules rules;
	struct dlist_filter filter;
	struct dlist_row row;
	struct rs_err e;
	struct lview *lv;
	char msg[256];
	size_t i, n, *ix = NULL;
	int r;

	cases_init(&cs);
	dispatch_set_init(&ds);
	r = RS_EDATA;
	if (setup(o) == -1 || cli_due_within(o->due_within, &filter.due_within) != 0)
		goto out;
	if ((r = cli_read_dir(o->dir)) != 0)
		goto out;
	r = RS_EDATA;
	if (o->provider != NULL && schema_check_value(&schema_dispatch.cols[DISPATCH_PROVIDER],
	    o->provider, strlen(o->provider), msg, sizeof(msg)) != NULL) {
		cli_error("--provider", "%s", msg);
		goto out;
	}
	err_clear(&e);
	/* Open cases can be of any age: all history up to --as-of. */
	if (rules_load(o->dir, &rules, &e) == -1 ||
	    cases_load(o->dir, RS_TIME_NONE, o->as_of, &cs, &e) == -1 ||
	    dispatch_load(o->dir, RS_TIME_NONE, o->as_of, &ds, &e) == -1) {
		r = cli_fail(&e);
		goto out;
	}
	filter.as_of = o->as_of;
	filter.all = o->all;
	filter.overdue = o->overdue;
	filter.provider = o->provider;
	if ((r = cli_list(&o->cli.g, &dlist_view, o->columns, o->wide, o->as_of, &lv)) != 0)
		goto out;
	n = dlist_order(&cs, &ds, &rules, &filter, &ix);
	for (i = 0; i < n; i++)
		if (dlist_row(&cs, ix[i], &ds, &rules, &filter, &row))
			lview_row(lv, row.v);
	r = lview_end(lv) == 0 ? 0 : RS_EIO;
	lview_free(lv);
out:
	free(ix);
	dispatch_set_free(&ds);
	cases_free(&cs);
	free(o->dir);
	return r;
}

/* query_cases prints the cases assign takes, most urgent first: "ID<tab>STATE, STEP due TIME". */
static int
query_cases(struct opts *o)
{
	struct assignables a;
	struct rules rules;
	struct rs_err e;
	const struct assignable *c;
	char due[TIME_ISO_MAX];
	size_t i;

	memset(&a, 0, sizeof(a));
	err_clear(&e);
	if (rules_load(o->dir, &rules, &e) == -1 ||
	    assignable_load(o->dir, o->as_of, &rules, &a, &e) == -1) {
		assignable_free(&a);
		return cli_fail(&e);
	}
	for (i = 0; i < a.n; i++) {
		c = &a.v[i];
		printf("%s\t%s", assignable_id(&a, i), C_("value", dstate_name(c->state)));
		if (c->next != -1)
			printf(_(", %s due %s"), C_("value", sla_step_name((enum sla_step)c->next)),
			    time_format_minute(c->due, due));
		putchar('\n');
	}
	assignable_free(&a);
	return 0;
}

/*
 * query_providers prints the providers for assign, "ID<tab>NAME": with
 * a case, those suggest ranks for it, the busy ones (a warning only)
 * after; else, or when the case cannot be ranked, the active ones.
 */
static int
query_providers(struct opts *o, const char *id)
{
	struct dsuggest sg;
	struct roster ro;
	struct rs_err e;
	size_t i;
	int busy;

	memset(&sg, 0, sizeof(sg));
	err_clear(&e);
	if (id != NULL && dispatch_suggest(o->dir, id, 1, &sg, &e) == 0) {
		for (busy = 0; busy < 2; busy++)
			for (i = 0; i < sg.n; i++)
				if (sg.c[i].busy == busy)
					printf("%s\t%s\n", sg.c[i].p->id, sg.c[i].p->name);
		dsuggest_free(&sg);
		return 0;
	}
	dsuggest_free(&sg);
	err_clear(&e);
	memset(&ro, 0, sizeof(ro));
	if (roster_load(o->dir, &ro, &e) == -1) {
		roster_free(&ro);
		return cli_fail(&e);
	}
	for (i = 0; i < ro.n; i++)
		if (ro.p[i].active)
			printf("%s\t%s\n", ro.p[i].id, ro.p[i].name);
	roster_free(&ro);
	return 0;
}

/*
 * cmd_query answers the completions (CLI_QUERY, hidden): "cases", the
 * cases assign takes; "providers [CASE]", the providers it takes.
 */
static int
cmd_query(void *p)
{
	static const char *const kinds[] = { "cases", "providers", NULL };
	struct opts *o = p;
	const char *kind = o->cli.args[0];
	int r;

	if (setup(o) == -1)
		r = RS_EDATA;
	else if (strcmp(kind, "cases") == 0 && o->cli.nargs == 1)
		r = query_cases(o);
	else if (strcmp(kind, "providers") == 0)
		r = query_providers(o, o->cli.nargs > 1 ? o->cli.args[1] : NULL);
	else
		r = cli_bad_value(RS_EUSAGE, CLI_QUERY, kind, kinds);
	free(o->dir);
	return r;
}

static const struct cli_cmd cmds[] = {
	{ .name = "suggest", .run = cmd_suggest, .bit = S_SUGGEST,
	    .summary = "rank providers for a case", .help = help_suggest,
	    .operands = "CASE" },
	{ .name = "assign", .run = cmd_assign, .bit = S_ASSIGN,
	    .summary = "send a provider", .help = help_assign, .operands = "CASE",
	    .complete = "case-assignable" },
	{ .name = "notify", .run = cmd_notify, .bit = S_NOTIFY,
	    .summary = "record the progress call to the customer", .help = help_notify,
	    .operands = "CASE" },
	{ .name = "enroute", .run = cmd_enroute, .bit = S_ENROUTE,
	    .summary = "record that the provider set off", .help = help_enroute,
	    .operands = "CASE" },
	{ .name = "arrive", .run = cmd_arrive, .bit = S_ARRIVE,
	    .summary = "record the arrival on site", .help = help_arrive,
	    .operands = "CASE" },
	{ .name = "complete", .run = cmd_complete, .bit = S_COMPLETE,
	    .summary = "record the end of the job", .help = help_complete,
	    .operands = "CASE" },
	{ .name = "cancel", .run = cmd_cancel, .bit = S_CANCEL, .summary = "cancel a case",
	    .help = help_cancel, .operands = "CASE" },
	{ .name = "authorize", .run = cmd_authorize, .bit = S_AUTHORIZE,
	    .summary = "record the customer's agreement to the price",
	    .help = help_authorize, .operands = "CASE" },
	{ .name = "list", .run = cmd_list, .bit = S_LIST,
	    .summary = "open cases with their SLA clocks", .help = help_list,
	    .operands = "" },
	{ .name = CLI_QUERY, .run = cmd_query, .bit = S_QUERY, .operands = "KIND [CASE]",
	    .hidden = 1 },
	{ .name = NULL },
};

static const struct cli_tool tool = {
	.cmds = cmds,
	.opts = options,
	.globals = CLI_G_DIR | CLI_G_FORMAT | CLI_G_NO_HEADER | CLI_G_AGENT | CLI_G_AT |
	    CLI_G_AS_OF | CLI_G_RAW | CLI_G_QUIET | CLI_G_REF,
	.help = help_main,
	.journal = "dispatch",
	.size = sizeof(struct opts),
};

int
main(int argc, char **argv)
{
	struct opts o;

	cli_init("rs-dispatch");
	return cli_exit(cli_run(&tool, argc, argv, &o));
}
