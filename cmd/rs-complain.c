/*
 * rs-complain - complaints on cases: open, escalate, contact,
 * investigate, resolve, close, reopen, corrective actions, list
 * (SPEC 6). The rules live in common/complaint.c, the writes in
 * common/complaint_write.c, the list in common/complaint_list.c; this is
 * option parsing and glue.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"
#include "cmdtable.h"
#include "complaint.h"
#include "complaint_list.h"
#include "complaint_write.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "listview.h"
#include "out.h"
#include "ref.h"
#include "rowbuild.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

/* Which subcommands take an option. */
enum {
	S_OPEN = 1 << 0, S_ESCALATE = 1 << 1, S_CONTACT = 1 << 2,
	S_INVESTIGATE = 1 << 3, S_RESOLVE = 1 << 4, S_CLOSE = 1 << 5,
	S_REOPEN = 1 << 6, S_ACTION = 1 << 7, S_ACTION_DONE = 1 << 8,
	S_LIST = 1 << 9, S_ASSIGN = 1 << 10, S_REMEDY = 1 << 11,
	S_WRITE = S_OPEN | S_ESCALATE | S_CONTACT | S_INVESTIGATE | S_RESOLVE |
	    S_CLOSE | S_REOPEN | S_ACTION | S_ACTION_DONE | S_ASSIGN | S_REMEDY
};

struct opts {
	struct cli_args cli;
	struct cp_input in;		/* what the row says */
	const char *level, *since, *until, *columns, *due_within;
	int open, overdue, wide;
	char *dir;
	struct rules rules;
};
#define OFF(field) offsetof(struct opts, field)

static const struct cli_opt options[] = {
	{ .name = "case", .has_arg = 1, .subs = S_OPEN, .off = OFF(in.case_id) },
	{ .name = "category", .has_arg = 1, .subs = S_OPEN | S_LIST,
	    .off = OFF(in.category) },
	{ .name = "demand", .has_arg = 1, .subs = S_OPEN, .off = OFF(in.demand) },
	{ .name = "level", .has_arg = 1, .subs = S_OPEN | S_ESCALATE | S_LIST,
	    .off = OFF(level) },
	{ .name = "responsible", .has_arg = 1, .subs = S_OPEN | S_INVESTIGATE,
	    .off = OFF(in.responsible) },
	{ .name = "provider", .has_arg = 1, .subs = S_OPEN | S_INVESTIGATE,
	    .off = OFF(in.provider) },
	{ .name = "safety", .subs = S_OPEN | S_ESCALATE, .off = OFF(in.safety) },
	{ .name = "media", .subs = S_OPEN | S_ESCALATE, .off = OFF(in.media) },
	{ .name = "legal", .subs = S_OPEN | S_ESCALATE, .off = OFF(in.legal) },
	{ .name = "note", .has_arg = 1, .subs = S_WRITE, .off = OFF(in.note) },
	{ .name = "remedy", .has_arg = 1, .subs = S_RESOLVE | S_REMEDY,
	    .off = OFF(in.remedy) },
	{ .name = "amount", .has_arg = 1, .subs = S_RESOLVE | S_REMEDY,
	    .off = OFF(in.amount) },
	{ .name = "handler", .has_arg = 1, .subs = S_ASSIGN | S_LIST,
	    .off = OFF(in.handler), .complete = "handler" },
	{ .name = "action", .has_arg = 1, .subs = S_ACTION, .off = OFF(in.action) },
	{ .name = "owner", .has_arg = 1, .subs = S_ACTION, .off = OFF(in.owner) },
	{ .name = "due", .has_arg = 1, .subs = S_ACTION, .off = OFF(in.due) },
	{ .name = "open", .subs = S_LIST, .off = OFF(open) },
	{ .name = "overdue", .subs = S_LIST, .off = OFF(overdue) },
	{ .name = "since", .has_arg = 1, .subs = S_LIST, .off = OFF(since) },
	{ .name = "until", .has_arg = 1, .subs = S_LIST, .off = OFF(until) },
	{ .name = "due-within", .has_arg = 1, .subs = S_LIST, .off = OFF(due_within) },
	{ .name = "columns", .has_arg = 1, .subs = S_LIST, .off = OFF(columns) },
	{ .name = "wide", .subs = S_LIST, .off = OFF(wide) },
	{ .name = NULL },
};

static const char help_main[] =
N_("usage: rs-complain COMMAND [options]\n"
"\n"
"Complaints on roadside-rescue cases, kept in DIR/complaints.tsv.\n"
"\n"
"commands:\n"
"  open --case CASE --category C --demand TEXT [--level N --responsible R\n"
"       --provider ID --safety --media --legal --note TEXT]\n"
"  escalate CP --level N [--safety --media --legal --note TEXT]\n"
"  contact CP [--note TEXT]\n"
"  investigate CP --responsible R [--provider ID --note TEXT]\n"
"  resolve CP --remedy R [--amount X --note TEXT]\n"
"  close CP [--note TEXT]\n"
"  reopen CP --note TEXT\n"
"  action CP --action TEXT --owner NAME --due YYYY-MM-DD [--note TEXT]\n"
"  action-done CP [--note TEXT]\n"
"  assign CP --handler NAME [--note TEXT]\n"
"  remedy CP --remedy R --amount X [--note TEXT]\n"
"  list [--open --overdue --level N --category C --handler NAME --since T\n"
"       --until T --as-of T --due-within D --columns a,b,c --wide]\n"
"\n"
"global options:\n"
"  -d, --dir DIR      journal directory (else $RS_DIR, else ~/.local/share/rs)\n"
"                     (a site: its rules.tsv site.zone is the zone of every time,\n"
"                     whatever TZ says; site.code goes into new ids: RS-SZ-...)\n"
"  -f, --format F     tsv (default), csv, json or table\n"
"  -H, --no-header    no header line\n"
"      --agent NAME   who writes the row (else $RS_AGENT, else the login)\n"
"      --at TIME      when the event happened (default now)\n"
"      --ref KEY      idempotency key: a retry prints the row first written\n"
"      --as-of TIME   list the journal as it stood at TIME (default now)\n"
"  -q, --quiet        print only the complaint id\n"
"  -h, --help         this help (COMMAND --help: help on COMMAND)\n"
"  -V, --version      print the version\n"
"\n"
"examples:\n"
"  id=$(rs-complain -q open --case RS-20261122-0042 --category late \\\n"
"       --demand '退款并道歉')\n"
"  rs-complain resolve \"$id\" --remedy refund --amount 200 --note '已全额退款'\n"
"  rs-complain list --open --overdue -f json | jq -r .complaint_id\n");

static const char help_open[] =
N_("usage: rs-complain open --case CASE --category C --demand TEXT [--level N]\n"
"           [--responsible R] [--provider ID] [--safety] [--media] [--legal]\n"
"           [--note TEXT]\n"
"\n"
"Opens a complaint CP-YYYYMMDD-NNNN on CASE. Without --level the level is\n"
"4 with --media or --legal or when the case had injuries; 3 with --safety\n"
"or category damage; for late: 1 if the provider arrived < 30 min past the\n"
"arrival deadline (case at + 30 min city, 60 min highway/rural; no arrival\n"
"yet: measured to the complaint), 2 if < 60, else 3; no-show 3; attitude 1;\n"
"others 2. Then +1 (at most 4) if the same phone complained in the previous\n"
"90 days. A computed level is explained in one line on stderr. The facts\n"
"(--safety, --media, --legal, the case's injuries, a repeat complainant)\n"
"are stored in flags, with --level too. --provider defaults to the case's\n"
"last assigned provider.\n"
"\n"
"categories: late no-show attitude technical fee damage location dispatch\n"
"            agent other\n"
"\n"
"examples:\n"
"  rs-complain open --case RS-20261122-0042 --category late --demand '道歉'\n"
"  rs-complain -q open --case RS-20261122-0042 --category fee --level 3 \\\n"
"      --demand 'refund the towing fee' --media\n");

static const char help_escalate[] =
N_("usage: rs-complain escalate CP --level N [--safety] [--media] [--legal]\n"
"           [--note TEXT]\n"
"\n"
"Raises the level of a complaint that is not resolved or closed; the\n"
"resolution deadline becomes opened at + the new level's time\n"
"(24/48/72/24 h). A level can only go up. --safety, --media and --legal\n"
"add to the complaint's flags (flags are never removed).\n"
"\n"
"example:\n"
"  rs-complain escalate CP-20261122-0001 --level 4 --note '客户扬言曝光'\n");

static const char help_contact[] =
N_("usage: rs-complain contact CP [--note TEXT]\n"
"\n"
"Records a call to the complainant (first contact is due within 24 h of\n"
"the complaint). Legal while open, contacted or investigating.\n"
"\n"
"example:\n"
"  rs-complain contact CP-20261122-0001 --note '已致歉, 说明原因'\n");

static const char help_investigate[] =
N_("usage: rs-complain investigate CP --responsible R [--provider ID] [--note TEXT]\n"
"\n"
"Records the findings (recordings, the provider's account, GPS track) and\n"
"who was responsible: provider dispatch platform agent customer\n"
"third-party none.\n"
"\n"
"example:\n"
"  rs-complain investigate CP-20261122-0001 --responsible provider \\\n"
"      --note '司机途中加油, 迟到50分钟'\n");

static const char help_resolve[] =
N_("usage: rs-complain resolve CP --remedy R [--amount X] [--note TEXT]\n"
"\n"
"Records the remedy the customer accepted: apology refund partial-refund\n"
"voucher upgrade compensation repair none. A complaint never contacted\n"
"can be resolved only with a --note saying why.\n"
"\n"
"example:\n"
"  rs-complain resolve CP-20261122-0001 --remedy refund --amount 300.00\n");

static const char help_close[] =
N_("usage: rs-complain close CP [--note TEXT]\n"
"\n"
"Closes a resolved complaint.\n"
"\n"
"example:\n"
"  rs-complain close CP-20261122-0001\n");

static const char help_reopen[] =
N_("usage: rs-complain reopen CP --note TEXT\n"
"\n"
"Reopens a resolved or closed complaint (back to open); the deadlines\n"
"still count from the complaint's opening.\n"
"\n"
"example:\n"
"  rs-complain reopen CP-20261122-0001 --note '客户回访时仍不满意'\n");

static const char help_action[] =
N_("usage: rs-complain action CP --action TEXT --owner NAME --due YYYY-MM-DD\n"
"           [--note TEXT]\n"
"\n"
"Records a corrective action (retrain, fine, fix the platform); legal in\n"
"any state.\n"
"\n"
"example:\n"
"  rs-complain action CP-20261122-0001 --action '修复定位漂移' \\\n"
"      --owner 技术部 --due 2026-12-01\n");

static const char help_action_done[] =
N_("usage: rs-complain action-done CP [--note TEXT]\n"
"\n"
"Marks the latest open corrective action of the complaint done.\n"
"\n"
"example:\n"
"  rs-complain action-done CP-20261122-0001 --note '已培训'\n");

static const char help_assign[] =
N_("usage: rs-complain assign CP --handler NAME [--note TEXT]\n"
"\n"
"Gives the complaint to a handler of the complaint team, who owns it from\n"
"now on; legal in any state but closed.\n"
"\n"
"example:\n"
"  rs-complain assign CP-20261122-0001 --handler 王芳\n");

static const char help_remedy[] =
N_("usage: rs-complain remedy CP --remedy R --amount X [--note TEXT]\n"
"\n"
"Records one item of what the customer is given (the service fee, a\n"
"ticket, a hotel night); a complaint may have several, and resolve with\n"
"--amount records one too. Legal in any state but closed. Remedies:\n"
"apology refund partial-refund voucher upgrade compensation repair none.\n"
"\n"
"example:\n"
"  rs-complain remedy CP-20261122-0001 --remedy compensation --amount 1280 \\\n"
"      --note '改签机票'\n");

static const char help_list[] =
N_("usage: rs-complain list [--open] [--overdue] [--level N] [--category C]\n"
"           [--handler NAME] [--since T] [--until T] [--as-of T]\n"
"           [--due-within D] [--columns a,b,c] [--wide]\n"
"\n"
"One row per complaint: complaint_id case_id state level category\n"
"responsible provider opened_at contact_due resolve_due overdue handler\n"
"compensation (the sum of its remedy items).\n"
"--open: not resolved or closed; --overdue: not contacted past contact_due\n"
"or not resolved past resolve_due at --as-of; --handler: owned by NAME;\n"
"--since/--until select by the opening time, [since, until).\n"
"--due-within D: only complaints whose next deadline (contact_due until\n"
"contacted, then resolve_due until resolved) is by --as-of + D (D: 30m,\n"
"2h, 1d; overdue ones included). --columns a,b,c: only these columns, in\n"
"this order, in every format; --wide: -f table shows every column.\n"
"-f table fits 80 columns: complaint_id state level category contact_due\n"
"resolve_due, times as HH:MM today, else MM-DD HH:MM; overdue rows are\n"
"marked '!' (and red on a terminal, unless NO_COLOR is set).\n"
"\n"
"examples:\n"
"  rs-complain list --open --overdue\n"
"  rs-complain list --open --due-within 2h -f table\n"
"  rs-complain list --handler 王芳 --open -f table\n"
"  rs-complain list --level 4 --as-of 2026-11-22T08:00 -f table\n");

/* text_ok checks the text options given; returns 0 or exit 1. */
static int
text_ok(const struct opts *o)
{
	const struct {
		const char *name, *v;
	} t[] = {
		{ "--demand", o->in.demand }, { "--note", o->in.note },
		{ "--action", o->in.action }, { "--owner", o->in.owner },
		{ "--handler", o->in.handler },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (t[i].v != NULL && cli_text_arg(t[i].name, t[i].v) == -1)
			return RS_EDATA;
		/* SPEC 5: a required text is not given by an empty one (--note is optional but to reopen). */
		if (t[i].v != NULL && t[i].v[0] == '\0' && (i != 1 ||
		    strcmp(o->cli.cmd->name, "reopen") == 0)) {
			cli_error(t[i].name, "missing value");
			return RS_EDATA;
		}
	}
	return 0;
}

/* enum_ok checks v against the values of complaints column col; prints the choices when bad. */
static int
enum_ok(const char *option, int col, const char *v)
{
	const struct column *c = &schema_complaints.cols[col];

	if (v == NULL || schema_enum_index(c, v, strlen(v)) >= 0)
		return 0;
	cli_error(option, "unknown value '%s' (want %s)", v, c->values);
	return RS_EDATA;
}

/* level_ok parses --level (1..4) into *lv; returns 0 or exit 1. */
static int
level_ok(const char *v, int *lv)
{
	if (v[0] >= '1' && v[0] <= '4' && v[1] == '\0') {
		*lv = v[0] - '0';
		return 0;
	}
	cli_error("--level", "bad level '%s' (want 1-4)", v);
	return RS_EDATA;
}

/*
 * values_ok checks the values given to open or an event (the options a
 * subcommand does not take are NULL): text, enums, level (into *level),
 * provider id, due date. Returns 0 or exit 1.
 */
static int
values_ok(const struct opts *o, int *level)
{
	int rc, ymd;

	if ((rc = text_ok(o)) != 0 ||
	    (rc = enum_ok("--category", COMPLAINTS_CATEGORY, o->in.category)) != 0 ||
	    (rc = enum_ok("--responsible", COMPLAINTS_RESPONSIBLE, o->in.responsible)) != 0 ||
	    (rc = enum_ok("--remedy", COMPLAINTS_REMEDY, o->in.remedy)) != 0)
		return rc;
	if (o->level != NULL && (rc = level_ok(o->level, level)) != 0)
		return rc;
	if (o->in.provider != NULL && !provider_id_valid(o->in.provider, strlen(o->in.provider))) {
		cli_error("--provider", "bad provider id '%s'", o->in.provider);
		return RS_EDATA;
	}
	if (o->in.due != NULL && cli_date_option("--due", o->in.due, &ymd) == -1)
		return RS_EDATA;
	return 0;
}

/* setup resolves the journal directory and loads the rules; returns 0 or an exit code. */
static int
setup(struct opts *o)
{
	struct rs_err e;

	o->dir = journal_dir(o->cli.g.dir);
	err_clear(&e);
	if (rules_load(o->dir, &o->rules, &e) == -1)
		return cli_fail(&e);
	return 0;
}

/* at_option reads --at (cli_at); *set = 0 when absent. */
static int
at_option(const struct opts *o, rs_time *at, int *set)
{
	if (cli_at(&o->cli.g, time_now(), at) == -1)
		return RS_EDATA;
	*set = *at != RS_TIME_NONE;
	return 0;
}

/* print_row prints the appended row (-q: only its id). */
static int
print_row(const struct opts *o, const struct cp_row *w)
{
	struct out *out;
	int flags = 0, rc;

	if (o->cli.g.quiet) {
		printf("%s\n", w->id);
		return 0;
	}
	if (o->cli.g.no_header)
		flags |= OUT_NO_HEADER;
	if (o->cli.g.raw)
		flags |= OUT_RAW;
	out = rowbuild_out(stdout, o->cli.g.format, flags, &schema_complaints);
	out_row(out, w->v, NULL);
	rc = out_end(out);
	out_free(out);
	return rc == 0 ? 0 : RS_EIO;
}

static int
cmd_open(void *p)
{
	struct opts *o = p;
	struct cp_open a;
	struct rs_err e;
	int rc;

	if (o->in.case_id == NULL)
		return cli_usage("open: --case is required");
	if (o->in.category == NULL)
		return cli_usage("open: --category is required");
	if (o->in.demand == NULL)
		return cli_usage("open: --demand is required");
	memset(&a, 0, sizeof(a));
	a.in = &o->in;
	o->in.agent = cli_agent(&o->cli.g);
	o->in.ref = o->cli.g.ref;
	if ((rc = at_option(o, &a.at, &a.at_set)) != 0)
		return rc;
	if ((rc = values_ok(o, &a.level)) != 0)
		return rc;
	if ((rc = setup(o)) != 0)
		goto out;

	err_clear(&e);
	if (cp_open_case(o->dir, &o->rules, &a, &e) == -1 ||
	    cp_open_append(o->dir, &a, &e) == -1)
		rc = cli_fail(&e);
	else {
		rc = print_row(o, &a.w);
		/* Why the level is what it is, for the agent who did not choose it (a warning: -q too). */
		if (a.why[0] != '\0')
			err_warn(a.w.id, "%s", a.why);
	}
	ref_row_free(a.w.ref_row, COMPLAINTS_NCOLS);
out:
	free(o->dir);
	return rc;
}

/* run_event is every subcommand on an existing complaint: checks, then one locked append. */
static int
run_event(struct opts *o, enum cp_event ev)
{
	struct cp_change a;
	struct rs_err e;
	int rc;

	memset(&a, 0, sizeof(a));
	a.in = &o->in;
	o->in.agent = cli_agent(&o->cli.g);
	o->in.ref = o->cli.g.ref;
	a.ev = ev;
	a.id = o->cli.args[0];
	switch (ev) {
	case CPE_ESCALATED:
		if (o->level == NULL)
			return cli_usage("escalate: --level is required");
		break;
	case CPE_INVESTIGATED:
		if (o->in.responsible == NULL)
			return cli_usage("investigate: --responsible is required");
		break;
	case CPE_RESOLVED:
		if (o->in.remedy == NULL)
			return cli_usage("resolve: --remedy is required");
		break;
	case CPE_REOPENED:
		if (o->in.note == NULL)
			return cli_usage("reopen: --note is required (why it is reopened)");
		break;
	case CPE_ASSIGNED:
		if (o->in.handler == NULL)
			return cli_usage("assign: --handler is required");
		/* A complaint given to nobody would drop out of every desk. */
		if (o->in.handler[0] == '\0') {
			cli_error("--handler", "empty name");
			return RS_EDATA;
		}
		break;
	case CPE_REMEDY:
		if (o->in.remedy == NULL)
			return cli_usage("remedy: --remedy is required");
		if (o->in.amount == NULL)
			return cli_usage("remedy: --amount is required");
		break;
	case CPE_ACTION:
		if (o->in.action == NULL)
			return cli_usage("action: --action is required");
		if (o->in.owner == NULL)
			return cli_usage("action: --owner is required");
		if (o->in.due == NULL)
			return cli_usage("action: --due is required");
		break;
	default:
		break;
	}
	if ((rc = at_option(o, &a.at, &a.at_set)) != 0)
		return rc;
	if (id_parse(a.id, strlen(a.id), "CP", &a.key) == -1) {
		cli_error(a.id, "not a complaint id (CP-YYYYMMDD-NNNN)");
		return RS_EDATA;
	}
	if ((rc = values_ok(o, &a.level)) != 0)
		return rc;
	if ((rc = setup(o)) != 0)
		goto out;
	err_clear(&e);
	if (cp_change_append(o->dir, &a, &e) == -1)
		rc = cli_fail(&e);
	else
		rc = print_row(o, &a.w);
	ref_row_free(a.w.ref_row, COMPLAINTS_NCOLS);
	cp_change_free(&a);
out:
	free(o->dir);
	return rc;
}

static int
cmd_escalate(void *p)
{
	return run_event(p, CPE_ESCALATED);
}

static int
cmd_contact(void *p)
{
	return run_event(p, CPE_CONTACTED);
}

static int
cmd_investigate(void *p)
{
	return run_event(p, CPE_INVESTIGATED);
}

static int
cmd_resolve(void *p)
{
	return run_event(p, CPE_RESOLVED);
}

static int
cmd_close(void *p)
{
	return run_event(p, CPE_CLOSED);
}

static int
cmd_reopen(void *p)
{
	return run_event(p, CPE_REOPENED);
}

static int
cmd_action(void *p)
{
	return run_event(p, CPE_ACTION);
}

static int
cmd_action_done(void *p)
{
	return run_event(p, CPE_ACTION_DONE);
}

static int
cmd_assign(void *p)
{
	return run_event(p, CPE_ASSIGNED);
}

static int
cmd_remedy(void *p)
{
	return run_event(p, CPE_REMEDY);
}

static int
cmd_list(void *p)
{
	struct opts *o = p;
	struct cp_list l;
	struct cp_list_filter f;
	struct cp_list_row row;
	struct lview *lv;
	struct rs_err e;
	size_t i;
	int rc;

	memset(&f, 0, sizeof(f));
	f.since = f.until = RS_TIME_NONE;
	if (cli_as_of(&o->cli.g, &f.as_of) == -1)
		return RS_EDATA;
	if (o->since != NULL && cli_time_option("--since", o->since, f.as_of, &f.since) == -1)
		return RS_EDATA;
	if (o->until != NULL && cli_time_option("--until", o->until, f.as_of, &f.until) == -1)
		return RS_EDATA;
	if ((rc = enum_ok("--category", COMPLAINTS_CATEGORY, o->in.category)) != 0)
		return rc;
	if (o->level != NULL && (rc = level_ok(o->level, &f.level)) != 0)
		return rc;
	if ((rc = cli_due_within(o->due_within, &f.due_within)) != 0)
		return rc;
	f.open = o->open;
	f.overdue = o->overdue;
	f.category = o->in.category;
	f.handler = o->in.handler;
	if ((rc = setup(o)) != 0 || (rc = cli_read_dir(o->dir)) != 0)
		goto done;
	err_clear(&e);
	if (cp_list_load(o->dir, f.as_of, &l, &e) == -1) {
		rc = cli_fail(&e);
		goto free;
	}
	if ((rc = cli_list(&o->cli.g, &cp_list_view, o->columns, o->wide, f.as_of, &lv)) != 0)
		goto free;
	for (i = 0; i < l.set.f.n; i++)
		if (cp_list_row(&l, i, &o->rules, &f, &row))
			lview_row(lv, row.v);
	rc = lview_end(lv) == 0 ? 0 : RS_EIO;
	lview_free(lv);
free:
	cp_list_free(&l);
done:
	free(o->dir);
	return rc;
}

static const struct cli_cmd cmds[] = {
	{ .name = "open", .run = cmd_open, .bit = S_OPEN,
	    .summary = "open a complaint on a case", .help = help_open, .operands = "" },
	{ .name = "escalate", .run = cmd_escalate, .bit = S_ESCALATE,
	    .summary = "raise the level", .help = help_escalate, .operands = "CP" },
	{ .name = "contact", .run = cmd_contact, .bit = S_CONTACT,
	    .summary = "record a call to the complainant", .help = help_contact,
	    .operands = "CP" },
	{ .name = "investigate", .run = cmd_investigate, .bit = S_INVESTIGATE,
	    .summary = "record findings and responsibility", .help = help_investigate,
	    .operands = "CP" },
	{ .name = "resolve", .run = cmd_resolve, .bit = S_RESOLVE,
	    .summary = "record the remedy", .help = help_resolve, .operands = "CP" },
	{ .name = "close", .run = cmd_close, .bit = S_CLOSE,
	    .summary = "close a resolved complaint", .help = help_close, .operands = "CP" },
	{ .name = "reopen", .run = cmd_reopen, .bit = S_REOPEN,
	    .summary = "reopen a resolved or closed complaint", .help = help_reopen,
	    .operands = "CP" },
	{ .name = "action", .run = cmd_action, .bit = S_ACTION,
	    .summary = "add a corrective action", .help = help_action, .operands = "CP" },
	{ .name = "action-done", .run = cmd_action_done, .bit = S_ACTION_DONE,
	    .summary = "close the latest open action", .help = help_action_done,
	    .operands = "CP" },
	{ .name = "assign", .run = cmd_assign, .bit = S_ASSIGN,
	    .summary = "give the complaint to a handler", .help = help_assign,
	    .operands = "CP" },
	{ .name = "remedy", .run = cmd_remedy, .bit = S_REMEDY,
	    .summary = "record an item of compensation", .help = help_remedy,
	    .operands = "CP" },
	{ .name = "list", .run = cmd_list, .bit = S_LIST,
	    .summary = "list complaints with their deadlines", .help = help_list,
	    .operands = "" },
	{ .name = NULL },
};

static const struct cli_tool tool = {
	.cmds = cmds,
	.opts = options,
	.globals = CLI_G_DIR | CLI_G_FORMAT | CLI_G_NO_HEADER | CLI_G_RAW | CLI_G_AGENT |
	    CLI_G_AT | CLI_G_AS_OF | CLI_G_QUIET | CLI_G_REF,
	.help = help_main,
	.journal = "complaints",
	.size = sizeof(struct opts),
};

int
main(int argc, char **argv)
{
	struct opts o;

	cli_init("rs-complain");
	return cli_exit(cli_run(&tool, argc, argv, &o));
}
