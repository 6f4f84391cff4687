/*
 * rs-complain - complaints on cases: open, escalate, contact,
 * investigate, resolve, close, reopen, corrective actions, list
 * (SPEC 6). The rules live in common/complaint.c; this is option
 * parsing and glue.
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
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "out.h"
#include "row.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

/* Which subcommands take an option. */
enum {
	S_OPEN = 1 << 0, S_ESCALATE = 1 << 1, S_CONTACT = 1 << 2,
	S_INVESTIGATE = 1 << 3, S_RESOLVE = 1 << 4, S_CLOSE = 1 << 5,
	S_REOPEN = 1 << 6, S_ACTION = 1 << 7, S_ACTION_DONE = 1 << 8,
	S_LIST = 1 << 9,
	S_WRITE = S_OPEN | S_ESCALATE | S_CONTACT | S_INVESTIGATE | S_RESOLVE |
	    S_CLOSE | S_REOPEN | S_ACTION | S_ACTION_DONE
};

enum {
	O_CASE = CLI_OPT_FIRST_FREE, O_CATEGORY, O_DEMAND, O_LEVEL, O_RESPONSIBLE,
	O_PROVIDER, O_SAFETY, O_MEDIA, O_LEGAL, O_NOTE, O_REMEDY, O_AMOUNT,
	O_ACTION, O_OWNER, O_DUE, O_OPEN, O_OVERDUE, O_SINCE, O_UNTIL
};

static const struct optdef {
	const char *name;
	int has_arg, code;
	unsigned mask;
} optdefs[] = {
	{ "case", 1, O_CASE, S_OPEN },
	{ "category", 1, O_CATEGORY, S_OPEN | S_LIST },
	{ "demand", 1, O_DEMAND, S_OPEN },
	{ "level", 1, O_LEVEL, S_OPEN | S_ESCALATE | S_LIST },
	{ "responsible", 1, O_RESPONSIBLE, S_OPEN | S_INVESTIGATE },
	{ "provider", 1, O_PROVIDER, S_OPEN | S_INVESTIGATE },
	{ "safety", 0, O_SAFETY, S_OPEN },
	{ "media", 0, O_MEDIA, S_OPEN },
	{ "legal", 0, O_LEGAL, S_OPEN },
	{ "note", 1, O_NOTE, S_WRITE },
	{ "remedy", 1, O_REMEDY, S_RESOLVE },
	{ "amount", 1, O_AMOUNT, S_RESOLVE },
	{ "action", 1, O_ACTION, S_ACTION },
	{ "owner", 1, O_OWNER, S_ACTION },
	{ "due", 1, O_DUE, S_ACTION },
	{ "open", 0, O_OPEN, S_LIST },
	{ "overdue", 0, O_OVERDUE, S_LIST },
	{ "since", 1, O_SINCE, S_LIST },
	{ "until", 1, O_UNTIL, S_LIST },
};
#define NOPTDEFS (sizeof(optdefs) / sizeof(optdefs[0]))

static const struct option global_longopts[] = {
	{ "dir", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "no-header", no_argument, NULL, 'H' },
	{ "raw", no_argument, NULL, CLI_OPT_RAW },
	{ "agent", required_argument, NULL, CLI_OPT_AGENT },
	{ "at", required_argument, NULL, CLI_OPT_AT },
	{ "as-of", required_argument, NULL, CLI_OPT_AS_OF },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
};
#define NGLOBAL (sizeof(global_longopts) / sizeof(global_longopts[0]))

struct opts {
	struct cli_global g;
	const char *cmd;
	const char *case_id, *category, *demand, *level, *responsible, *provider;
	const char *note, *remedy, *amount, *action, *owner, *due;
	const char *since, *until;
	int safety, media, legal, open, overdue;
	char **args;
	int nargs;
	char *dir;
	struct rules rules;
};

static const char usage_top[] =
N_("usage: rs-complain COMMAND [options]\n"
"\n"
"Complaints on roadside-rescue cases, kept in DIR/complaints.tsv.\n"
"\n"
"commands:\n"
"  open --case CASE --category C --demand TEXT [--level N --responsible R\n"
"       --provider ID --safety --media --legal --note TEXT]\n"
"  escalate CP --level N [--note TEXT]\n"
"  contact CP [--note TEXT]\n"
"  investigate CP --responsible R [--provider ID --note TEXT]\n"
"  resolve CP --remedy R [--amount X --note TEXT]\n"
"  close CP [--note TEXT]\n"
"  reopen CP --note TEXT\n"
"  action CP --action TEXT --owner NAME --due YYYY-MM-DD [--note TEXT]\n"
"  action-done CP [--note TEXT]\n"
"  list [--open --overdue --level N --category C --since T --until T --as-of T]\n"
"\n"
"global options:\n"
"  -d, --dir DIR      journal directory (else $RS_DIR, else ~/.local/share/rs)\n"
"  -f, --format F     tsv (default), csv, json or table\n"
"  -H, --no-header    no header line\n"
"      --agent NAME   who writes the row (else $RS_AGENT, else the login)\n"
"      --at TIME      when the event happened (default now)\n"
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

static const struct {
	const char *cmd, *text;
} helps[] = {
	{ "open",
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
"90 days. --provider defaults to the case's last assigned provider.\n"
"\n"
"categories: late no-show attitude technical fee damage location dispatch\n"
"            agent other\n"
"\n"
"examples:\n"
"  rs-complain open --case RS-20261122-0042 --category late --demand '道歉'\n"
"  rs-complain -q open --case RS-20261122-0042 --category fee --level 3 \\\n"
"      --demand 'refund the towing fee' --media\n") },
	{ "escalate",
N_("usage: rs-complain escalate CP --level N [--note TEXT]\n"
"\n"
"Raises the level of a complaint that is not resolved or closed; the\n"
"resolution deadline becomes opened at + the new level's time\n"
"(24/48/72/24 h). A level can only go up.\n"
"\n"
"example:\n"
"  rs-complain escalate CP-20261122-0001 --level 4 --note '客户扬言曝光'\n") },
	{ "contact",
N_("usage: rs-complain contact CP [--note TEXT]\n"
"\n"
"Records a call to the complainant (first contact is due within 24 h of\n"
"the complaint). Legal while open, contacted or investigating.\n"
"\n"
"example:\n"
"  rs-complain contact CP-20261122-0001 --note '已致歉, 说明原因'\n") },
	{ "investigate",
N_("usage: rs-complain investigate CP --responsible R [--provider ID] [--note TEXT]\n"
"\n"
"Records the findings (recordings, the provider's account, GPS track) and\n"
"who was responsible: provider dispatch platform agent customer\n"
"third-party none.\n"
"\n"
"example:\n"
"  rs-complain investigate CP-20261122-0001 --responsible provider \\\n"
"      --note '司机途中加油, 迟到50分钟'\n") },
	{ "resolve",
N_("usage: rs-complain resolve CP --remedy R [--amount X] [--note TEXT]\n"
"\n"
"Records the remedy the customer accepted: apology refund partial-refund\n"
"voucher upgrade compensation repair none. A complaint never contacted\n"
"can be resolved only with a --note saying why.\n"
"\n"
"example:\n"
"  rs-complain resolve CP-20261122-0001 --remedy refund --amount 300.00\n") },
	{ "close",
N_("usage: rs-complain close CP [--note TEXT]\n"
"\n"
"Closes a resolved complaint.\n"
"\n"
"example:\n"
"  rs-complain close CP-20261122-0001\n") },
	{ "reopen",
N_("usage: rs-complain reopen CP --note TEXT\n"
"\n"
"Reopens a resolved or closed complaint (back to open); the deadlines\n"
"still count from the complaint's opening.\n"
"\n"
"example:\n"
"  rs-complain reopen CP-20261122-0001 --note '客户回访时仍不满意'\n") },
	{ "action",
N_("usage: rs-complain action CP --action TEXT --owner NAME --due YYYY-MM-DD\n"
"           [--note TEXT]\n"
"\n"
"Records a corrective action (retrain, fine, fix the platform); legal in\n"
"any state.\n"
"\n"
"example:\n"
"  rs-complain action CP-20261122-0001 --action '修复定位漂移' \\\n"
"      --owner 技术部 --due 2026-12-01\n") },
	{ "action-done",
N_("usage: rs-complain action-done CP [--note TEXT]\n"
"\n"
"Marks the latest open corrective action of the complaint done.\n"
"\n"
"example:\n"
"  rs-complain action-done CP-20261122-0001 --note '已培训'\n") },
	{ "list",
N_("usage: rs-complain list [--open] [--overdue] [--level N] [--category C]\n"
"           [--since T] [--until T] [--as-of T]\n"
"\n"
"One row per complaint: complaint_id case_id state level category\n"
"responsible provider opened_at contact_due resolve_due overdue.\n"
"--open: not resolved or closed; --overdue: not contacted past contact_due\n"
"or not resolved past resolve_due at --as-of; --since/--until select by\n"
"the opening time, [since, until).\n"
"\n"
"examples:\n"
"  rs-complain list --open --overdue\n"
"  rs-complain list --level 4 --as-of 2026-11-22T08:00 -f table\n") },
	{ NULL, NULL }
};

static int
help(const char *cmd)
{
	int i;

	for (i = 0; cmd != NULL && helps[i].cmd; i++)
		if (strcmp(helps[i].cmd, cmd) == 0) {
			fputs(_(helps[i].text), stdout);
			return 0;
		}
	fputs(_(usage_top), stdout);
	return 0;
}

/* A parse result that ends the command with exit 0 (help, version printed). */
#define DONE (-100)

/*
 * parse reads the options of subcommand argv[0] that mask allows, plus
 * the global ones; returns 0, DONE, or an exit code.
 */
static int
parse(int argc, char **argv, unsigned mask, struct opts *o)
{
	struct option lo[NGLOBAL + NOPTDEFS + 1];
	size_t i, n = 0;
	int c, r;

	memset(o, 0, sizeof(*o));
	o->cmd = argv[0];
	for (i = 0; i < NGLOBAL; i++)
		lo[n++] = global_longopts[i];
	for (i = 0; i < NOPTDEFS; i++) {
		if (!(optdefs[i].mask & mask))
			continue;
		lo[n].name = optdefs[i].name;
		lo[n].has_arg = optdefs[i].has_arg ? required_argument : no_argument;
		lo[n].flag = NULL;
		lo[n].val = optdefs[i].code;
		n++;
	}
	memset(&lo[n], 0, sizeof(lo[n]));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:f:HqhV", lo, NULL)) != -1) {
		switch (c) {
		case 'h':
			return help(o->cmd), DONE;
		case 'V':
			return cli_version(), DONE;
		case '?':
			if (optopt != 0 && optopt < 0x100)
				return cli_usage("%s: unknown option -%c", o->cmd, optopt);
			return cli_usage("%s: unknown option %s", o->cmd, argv[optind - 1]);
		case ':':
			return cli_usage("%s: option %s needs a value", o->cmd,
			    argv[optind - 1]);
		case O_CASE: o->case_id = optarg; break;
		case O_CATEGORY: o->category = optarg; break;
		case O_DEMAND: o->demand = optarg; break;
		case O_LEVEL: o->level = optarg; break;
		case O_RESPONSIBLE: o->responsible = optarg; break;
		case O_PROVIDER: o->provider = optarg; break;
		case O_SAFETY: o->safety = 1; break;
		case O_MEDIA: o->media = 1; break;
		case O_LEGAL: o->legal = 1; break;
		case O_NOTE: o->note = optarg; break;
		case O_REMEDY: o->remedy = optarg; break;
		case O_AMOUNT: o->amount = optarg; break;
		case O_ACTION: o->action = optarg; break;
		case O_OWNER: o->owner = optarg; break;
		case O_DUE: o->due = optarg; break;
		case O_OPEN: o->open = 1; break;
		case O_OVERDUE: o->overdue = 1; break;
		case O_SINCE: o->since = optarg; break;
		case O_UNTIL: o->until = optarg; break;
		default:
			if ((r = cli_global_option(c, optarg, &o->g)) == 1)
				break;
			if (r == -1)
				return RS_EUSAGE;
			return cli_usage("%s: unknown option", o->cmd);
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return 0;
}

/* text_ok checks the text options given; returns 0 or exit 1. */
static int
text_ok(const struct opts *o)
{
	const struct {
		const char *name, *v;
	} t[] = {
		{ "--demand", o->demand }, { "--note", o->note },
		{ "--action", o->action }, { "--owner", o->owner },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].v != NULL && cli_text_arg(t[i].name, t[i].v) == -1)
			return RS_EDATA;
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

/* setup resolves the journal directory and loads the rules; returns 0 or an exit code. */
static int
setup(struct opts *o)
{
	struct rs_err e;

	o->dir = journal_dir(o->g.dir);
	err_clear(&e);
	if (rules_load(o->dir, &o->rules, &e) == -1)
		return cli_fail(&e);
	return 0;
}

/* at_option parses --at (relative forms count from now); *set = 0 when absent. */
static int
at_option(const struct opts *o, rs_time *at, int *set)
{
	*set = 0;
	if (o->g.at == NULL)
		return 0;
	if (cli_time_option("--at", o->g.at, time_now(), at) == -1)
		return RS_EUSAGE;
	*set = 1;
	return 0;
}

/* The row being written and its formatted times and ids. */
struct wrow {
	const char *v[COMPLAINTS_NCOLS];
	char ts[TIME_ISO_MAX], at[TIME_ISO_MAX], id[ID_MAX], level[8];
};

/* finish validates w against the schema and appends it to rows as a TSV line. */
static int
finish(struct wrow *w, struct buf *rows, struct rs_err *e)
{
	char *v[COMPLAINTS_NCOLS];
	size_t len[COMPLAINTS_NCOLS];
	char msg[512];
	struct row r;
	int i;

	for (i = 0; i < COMPLAINTS_NCOLS; i++) {
		if (w->v[i] == NULL)
			w->v[i] = "";
		v[i] = (char *)w->v[i];
		len[i] = strlen(v[i]);
	}
	memset(&r, 0, sizeof(r));
	r.n = COMPLAINTS_NCOLS;
	r.v = v;
	r.len = len;
	r.problem_col = -1;
	if (schema_check_row(&schema_complaints, &r, msg, sizeof(msg)) == -1)
		return err_set(e, RS_EDATA, w->id, "%s", r.problem);
	row_format_tsv(rows, COMPLAINTS_NCOLS, w->v);
	return 0;
}

/* print_row prints the appended row (-q: only its id). */
static int
print_row(const struct opts *o, const struct wrow *w)
{
	const char *names[COMPLAINTS_NCOLS];
	enum coltype types[COMPLAINTS_NCOLS];
	struct out *out;
	int i, flags = 0, rc;

	if (o->g.quiet) {
		printf("%s\n", w->id);
		return 0;
	}
	for (i = 0; i < COMPLAINTS_NCOLS; i++) {
		names[i] = schema_complaints.cols[i].name;
		types[i] = schema_complaints.cols[i].type;
	}
	if (o->g.no_header)
		flags |= OUT_NO_HEADER;
	if (o->g.raw)
		flags |= OUT_RAW;
	out = out_new(stdout, o->g.format, flags, COMPLAINTS_NCOLS, names, types);
	out_row(out, w->v, NULL);
	rc = out_end(out);
	out_free(out);
	return rc == 0 ? 0 : RS_EIO;
}

/* digits_of copies the digits of a phone number, so "138 0000-0000" and "13800000000" match. */
static void
digits_of(const char *p, char *out, size_t size)
{
	size_t n = 0;

	for (; *p && n + 1 < size; p++)
		if (*p >= '0' && *p <= '9')
			out[n++] = *p;
	out[n] = '\0';
}

/*
 * same_phone sets *hit when one of the cases in want (idmap of case
 * keys; n of them, oldest since) has the phone digits phone, reading
 * the cases journal once.
 */
static int
same_phone(const char *dir, const struct idmap *want, rs_time since, const char *phone,
    int *hit, struct rs_err *e)
{
	struct cases cs;
	struct jreader *jr;
	struct row r;
	char d[64];
	uint64_t k;
	size_t i;
	int rc;

	*hit = 0;
	if ((jr = jreader_open_journal(dir, &schema_cases, since, RS_TIME_NONE, 0, e)) == NULL)
		return -1;
	cases_init(&cs);
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[CASES_CASE_ID], r.len[CASES_CASE_ID], "RS", &k) == 0 &&
		    idmap_get(want, k, &i))
			(void)cases_add(&cs, &r);
	jreader_free(jr);
	/* The phone in force now, as everywhere else: the fold's last value. */
	for (i = 0; rc == 0 && i < cs.f.n; i++) {
		digits_of(case_value(&cs, (long)i, CASES_PHONE), d, sizeof(d));
		if (d[0] != '\0' && strcmp(d, phone) == 0)
			*hit = 1;
	}
	cases_free(&cs);
	return rc == 0 ? 0 : -1;
}

struct open_arg {
	struct opts *o;
	rs_time at;
	int at_set, level;
	uint64_t case_key;
	char phone[64];			/* digits of the case's phone */
	long long injuries;
	rs_time arrive_due, first_arrived;
	char provider[40];		/* the case's last assigned provider */
	struct wrow w;
	int repeat;
};

static int
build_open(struct append_ctx *ctx, struct buf *rows, void *varg, struct rs_err *e)
{
	struct open_arg *a = varg;
	struct opts *o = a->o;
	struct idmap want = IDMAP_INIT;
	struct cp_level_facts f;
	struct jreader *jr;
	struct row r;
	rs_time at = a->at_set ? a->at : ctx->ts, lo, t, since, oldest = RS_TIME_NONE;
	uint64_t k, seq = 0;
	size_t dummy;
	int ymd = time_local_date(at), rc;

	/*
	 * One read from 90 days back serves both the per-day sequence and
	 * the repeat-complainant rule; every row of a complaint opened
	 * since then has ts >= its at - 5 min. A complaint already in the
	 * journal with the same at counts as previous; one back-filled to
	 * a later at does not.
	 */
	lo = time_add_days(at, -CP_REPEAT_DAYS);
	since = lo < time_day_start(at) ? lo : time_day_start(at);
	if ((jr = append_reader(ctx, since - 300, e)) == NULL)
		return -1;
	while ((rc = jreader_next(jr, &r, e)) == 1) {
		if (id_parse(r.v[COMPLAINTS_COMPLAINT_ID], r.len[COMPLAINTS_COMPLAINT_ID],
		    "CP", &k) == 0 && id_date(k) == ymd && id_seq(k) > seq)
			seq = id_seq(k);
		if (strcmp(r.v[COMPLAINTS_EVENT], "opened") != 0 ||
		    time_parse_ts(r.v[COMPLAINTS_AT], r.len[COMPLAINTS_AT], &t) == -1 ||
		    t < lo || t > at ||
		    id_parse(r.v[COMPLAINTS_CASE_ID], r.len[COMPLAINTS_CASE_ID], "RS", &k) == -1)
			continue;
		if (k == a->case_key)
			a->repeat = 1;
		idmap_put(&want, k, 1);
		if (oldest == RS_TIME_NONE || case_since(k) < oldest)
			oldest = case_since(k);
	}
	jreader_free(jr);
	if (rc == -1) {
		idmap_free(&want);
		return -1;
	}
	if (!a->repeat && oldest != RS_TIME_NONE && a->phone[0] != '\0' &&
	    !idmap_get(&want, a->case_key, &dummy) &&
	    same_phone(ctx->dir, &want, oldest, a->phone, &a->repeat, e) == -1) {
		idmap_free(&want);
		return -1;
	}
	idmap_free(&want);

	if (a->level == 0) {
		memset(&f, 0, sizeof(f));
		f.category = o->category;
		f.safety = o->safety;
		f.media = o->media;
		f.legal = o->legal;
		f.injuries = a->injuries;
		f.late_s = cp_lateness(a->arrive_due, a->first_arrived, at);
		f.repeat = a->repeat;
		a->level = cp_level(&f);
	}
	id_format(a->w.id, "CP", id_key(ymd, seq + 1));
	snprintf(a->w.level, sizeof(a->w.level), "%d", a->level);
	a->w.v[COMPLAINTS_TS] = time_format_iso(ctx->ts, a->w.ts);
	a->w.v[COMPLAINTS_AT] = time_format_iso(at, a->w.at);
	a->w.v[COMPLAINTS_COMPLAINT_ID] = a->w.id;
	a->w.v[COMPLAINTS_CASE_ID] = o->case_id;
	a->w.v[COMPLAINTS_EVENT] = "opened";
	a->w.v[COMPLAINTS_AGENT] = cli_agent(&o->g);
	a->w.v[COMPLAINTS_LEVEL] = a->w.level;
	a->w.v[COMPLAINTS_CATEGORY] = o->category;
	a->w.v[COMPLAINTS_RESPONSIBLE] = o->responsible;
	a->w.v[COMPLAINTS_PROVIDER] = o->provider ? o->provider : a->provider;
	a->w.v[COMPLAINTS_DEMAND] = o->demand;
	a->w.v[COMPLAINTS_NOTE] = o->note;
	return finish(&a->w, rows, e);
}

static int
cmd_open(int argc, char **argv)
{
	struct open_arg a;
	struct opts o;
	struct cases cs;
	struct dtimeline tl;
	struct sla_case sc;
	struct sla_result steps[SLA_NSTEPS];
	struct rs_err e;
	const char *inj;
	long ci;
	int rc;

	if ((rc = parse(argc, argv, S_OPEN, &o)) != 0)
		return rc == DONE ? 0 : rc;
	if (o.nargs > 0)
		return cli_usage("open: unexpected argument '%s'", o.args[0]);
	if (o.case_id == NULL)
		return cli_usage("open: --case is required");
	if (o.category == NULL)
		return cli_usage("open: --category is required");
	if (o.demand == NULL)
		return cli_usage("open: --demand is required");
	memset(&a, 0, sizeof(a));
	a.o = &o;
	if ((rc = at_option(&o, &a.at, &a.at_set)) != 0)
		return rc;
	if ((rc = text_ok(&o)) != 0 ||
	    (rc = enum_ok("--category", COMPLAINTS_CATEGORY, o.category)) != 0 ||
	    (rc = enum_ok("--responsible", COMPLAINTS_RESPONSIBLE, o.responsible)) != 0)
		return rc;
	if (o.level != NULL && (rc = level_ok(o.level, &a.level)) != 0)
		return rc;
	if (o.provider != NULL && !provider_id_valid(o.provider, strlen(o.provider))) {
		cli_error("--provider", "bad provider id '%s'", o.provider);
		return RS_EDATA;
	}
	if ((rc = setup(&o)) != 0)
		goto out;

	err_clear(&e);
	cases_init(&cs);
	if ((ci = case_find(o.dir, o.case_id, RS_TIME_NONE, &cs, &e)) == -1) {
		cases_free(&cs);
		rc = cli_fail(&e);
		goto out;
	}
	a.case_key = cs.f.items[ci].key;
	digits_of(case_value(&cs, ci, CASES_PHONE), a.phone, sizeof(a.phone));
	inj = case_value(&cs, ci, CASES_INJURIES);
	a.injuries = inj[0] ? strtoll(inj, NULL, 10) : 0;
	sc.opened_at = cs.opened_at[ci];
	sc.call_at = RS_TIME_NONE;
	sc.road = case_value(&cs, ci, CASES_ROAD);
	if (dispatch_case(o.dir, a.case_key, RS_TIME_NONE, &tl, &e) == -1) {
		cases_free(&cs);
		rc = cli_fail(&e);
		goto out;
	}
	/* The arrival deadline is the arrive SLA step's: case at + 30/60 min by road. */
	sla_steps(&sc, &tl, &o.rules, sc.opened_at, steps);
	cases_free(&cs);
	a.arrive_due = steps[SLA_ARRIVE].due;
	a.first_arrived = tl.first_arrived;
	snprintf(a.provider, sizeof(a.provider), "%s", tl.provider);

	if (journal_append(o.dir, &schema_complaints, build_open, &a, &e) == -1)
		rc = cli_fail(&e);
	else
		rc = print_row(&o, &a.w);
out:
	free(o.dir);
	return rc;
}

/* The events on an existing complaint. */
struct ev_arg {
	struct opts *o;
	enum cp_event ev;
	uint64_t key;
	const char *id;
	rs_time at;
	int at_set, level;
	struct complaint_set set;	/* the complaint's rows, read under the lock */
	char case_id[ID_MAX];
	struct wrow w;
};

static int
build_event(struct append_ctx *ctx, struct buf *rows, void *varg, struct rs_err *e)
{
	struct ev_arg *a = varg;
	struct opts *o = a->o;
	struct complaint *c;
	struct jreader *jr;
	struct row r;
	uint64_t k;
	size_t i;
	int rc;

	/* Every row of the complaint has ts >= its id date's midnight - 5 min. */
	if ((jr = append_reader(ctx, cp_since(a->key), e)) == NULL)
		return -1;
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[COMPLAINTS_COMPLAINT_ID], r.len[COMPLAINTS_COMPLAINT_ID],
		    "CP", &k) == 0 && k == a->key)
			(void)cp_set_add(&a->set, &r);
	jreader_free(jr);
	if (rc == -1)
		return -1;
	if ((c = cp_set_get(&a->set, a->key)) == NULL || c->opened_at == RS_TIME_NONE)
		return err_set(e, RS_EDATA, a->id, "no such complaint");
	if (cp_transition(c, a->ev, a->level, o->note != NULL, a->id, e) == -1)
		return -1;

	snprintf(a->w.id, sizeof(a->w.id), "%s", a->id);
	snprintf(a->case_id, sizeof(a->case_id), "%s",
	    cp_value(&a->set, c, COMPLAINTS_CASE_ID));
	a->w.v[COMPLAINTS_TS] = time_format_iso(ctx->ts, a->w.ts);
	a->w.v[COMPLAINTS_AT] = time_format_iso(a->at_set ? a->at : ctx->ts, a->w.at);
	a->w.v[COMPLAINTS_COMPLAINT_ID] = a->w.id;
	/* The case on every row, so that grep and cat by case find them all. */
	a->w.v[COMPLAINTS_CASE_ID] = a->case_id;
	a->w.v[COMPLAINTS_EVENT] = (const char *[]){ "opened", "escalated",
	    "contacted", "investigated", "resolved", "closed", "reopened",
	    "action", "action-done" }[a->ev];
	a->w.v[COMPLAINTS_AGENT] = cli_agent(&o->g);
	a->w.v[COMPLAINTS_NOTE] = o->note;
	switch (a->ev) {
	case CPE_ESCALATED:
		snprintf(a->w.level, sizeof(a->w.level), "%d", a->level);
		a->w.v[COMPLAINTS_LEVEL] = a->w.level;
		break;
	case CPE_INVESTIGATED:
		a->w.v[COMPLAINTS_RESPONSIBLE] = o->responsible;
		a->w.v[COMPLAINTS_PROVIDER] = o->provider;
		break;
	case CPE_RESOLVED:
		a->w.v[COMPLAINTS_REMEDY] = o->remedy;
		a->w.v[COMPLAINTS_AMOUNT] = o->amount;
		break;
	case CPE_ACTION:
		a->w.v[COMPLAINTS_ACTION] = o->action;
		a->w.v[COMPLAINTS_OWNER] = o->owner;
		a->w.v[COMPLAINTS_DUE] = o->due;
		break;
	case CPE_ACTION_DONE:
		/* Name the action closed, so the row reads on its own. */
		for (i = c->nactions; i > 0; i--)
			if (c->actions[i - 1].done_at == RS_TIME_NONE)
				break;
		a->w.v[COMPLAINTS_ACTION] = c->actions[i - 1].action;
		a->w.v[COMPLAINTS_OWNER] = c->actions[i - 1].owner;
		break;
	default:
		break;
	}
	return finish(&a->w, rows, e);
}

/* run_event is every subcommand on an existing complaint: checks, then one locked append. */
static int
run_event(int argc, char **argv, unsigned mask, enum cp_event ev)
{
	struct ev_arg a;
	struct opts o;
	struct rs_err e;
	int rc, ymd;

	if ((rc = parse(argc, argv, mask, &o)) != 0)
		return rc == DONE ? 0 : rc;
	if (o.nargs == 0)
		return cli_usage("%s: a complaint id is required", o.cmd);
	if (o.nargs > 1)
		return cli_usage("%s: unexpected argument '%s'", o.cmd, o.args[1]);
	memset(&a, 0, sizeof(a));
	a.o = &o;
	a.ev = ev;
	a.id = o.args[0];
	switch (ev) {
	case CPE_ESCALATED:
		if (o.level == NULL)
			return cli_usage("escalate: --level is required");
		break;
	case CPE_INVESTIGATED:
		if (o.responsible == NULL)
			return cli_usage("investigate: --responsible is required");
		break;
	case CPE_RESOLVED:
		if (o.remedy == NULL)
			return cli_usage("resolve: --remedy is required");
		break;
	case CPE_REOPENED:
		if (o.note == NULL)
			return cli_usage("reopen: --note is required (why it is reopened)");
		break;
	case CPE_ACTION:
		if (o.action == NULL)
			return cli_usage("action: --action is required");
		if (o.owner == NULL)
			return cli_usage("action: --owner is required");
		if (o.due == NULL)
			return cli_usage("action: --due is required");
		break;
	default:
		break;
	}
	if ((rc = at_option(&o, &a.at, &a.at_set)) != 0)
		return rc;
	if (id_parse(a.id, strlen(a.id), "CP", &a.key) == -1) {
		cli_error(a.id, "not a complaint id (CP-YYYYMMDD-NNNN)");
		return RS_EDATA;
	}
	if ((rc = text_ok(&o)) != 0 ||
	    (rc = enum_ok("--responsible", COMPLAINTS_RESPONSIBLE, o.responsible)) != 0 ||
	    (rc = enum_ok("--remedy", COMPLAINTS_REMEDY, o.remedy)) != 0)
		return rc;
	if (o.level != NULL && (rc = level_ok(o.level, &a.level)) != 0)
		return rc;
	if (o.provider != NULL && !provider_id_valid(o.provider, strlen(o.provider))) {
		cli_error("--provider", "bad provider id '%s'", o.provider);
		return RS_EDATA;
	}
	if (o.due != NULL && time_parse_date(o.due, strlen(o.due), &ymd) == -1) {
		cli_error("--due", "bad date '%s' (want YYYY-MM-DD)", o.due);
		return RS_EDATA;
	}
	if ((rc = setup(&o)) != 0)
		goto out;
	err_clear(&e);
	cp_set_init(&a.set);
	if (journal_append(o.dir, &schema_complaints, build_event, &a, &e) == -1)
		rc = cli_fail(&e);
	else
		rc = print_row(&o, &a.w);
	cp_set_free(&a.set);
out:
	free(o.dir);
	return rc;
}

static int
cmd_escalate(int argc, char **argv)
{
	return run_event(argc, argv, S_ESCALATE, CPE_ESCALATED);
}

static int
cmd_contact(int argc, char **argv)
{
	return run_event(argc, argv, S_CONTACT, CPE_CONTACTED);
}

static int
cmd_investigate(int argc, char **argv)
{
	return run_event(argc, argv, S_INVESTIGATE, CPE_INVESTIGATED);
}

static int
cmd_resolve(int argc, char **argv)
{
	return run_event(argc, argv, S_RESOLVE, CPE_RESOLVED);
}

static int
cmd_close(int argc, char **argv)
{
	return run_event(argc, argv, S_CLOSE, CPE_CLOSED);
}

static int
cmd_reopen(int argc, char **argv)
{
	return run_event(argc, argv, S_REOPEN, CPE_REOPENED);
}

static int
cmd_action(int argc, char **argv)
{
	return run_event(argc, argv, S_ACTION, CPE_ACTION);
}

static int
cmd_action_done(int argc, char **argv)
{
	return run_event(argc, argv, S_ACTION_DONE, CPE_ACTION_DONE);
}

static int
cmd_list(int argc, char **argv)
{
	static const char *const names[] = {
		"complaint_id", "case_id", "state", "level", "category",
		"responsible", "provider", "opened_at", "contact_due",
		"resolve_due", "overdue"
	};
	static const enum coltype types[] = {
		COL_ID, COL_ID, COL_ENUM, COL_INT, COL_ENUM, COL_ENUM, COL_ID,
		COL_TS, COL_TS, COL_TS, COL_YN
	};
	struct complaint_set set;
	struct dispatch_set ds;
	const struct dtimeline *tl;
	struct complaint *c;
	struct out *out;
	struct opts o;
	struct rs_err e;
	const char *v[11], *prov;
	char lv[8], t1[TIME_ISO_MAX], t2[TIME_ISO_MAX], t3[TIME_ISO_MAX];
	rs_time as_of, since = RS_TIME_NONE, until = RS_TIME_NONE, need = RS_TIME_NONE;
	size_t i;
	int rc, level = 0, od, flags = 0;

	if ((rc = parse(argc, argv, S_LIST, &o)) != 0)
		return rc == DONE ? 0 : rc;
	if (o.nargs > 0)
		return cli_usage("list: unexpected argument '%s'", o.args[0]);
	if (cli_as_of(&o.g, &as_of) == -1)
		return RS_EUSAGE;
	if (o.since != NULL && cli_time_option("--since", o.since, as_of, &since) == -1)
		return RS_EUSAGE;
	if (o.until != NULL && cli_time_option("--until", o.until, as_of, &until) == -1)
		return RS_EUSAGE;
	if ((rc = enum_ok("--category", COMPLAINTS_CATEGORY, o.category)) != 0)
		return rc;
	if (o.level != NULL && (rc = level_ok(o.level, &level)) != 0)
		return rc;
	if ((rc = setup(&o)) != 0)
		goto done;

	err_clear(&e);
	cp_set_init(&set);
	dispatch_set_init(&ds);
	if (cp_set_load(o.dir, as_of, &set, &e) == -1) {
		rc = cli_fail(&e);
		goto free;
	}
	/* The case's last assigned provider stands in where the complaint names none. */
	for (i = 0; i < set.f.n; i++)
		if (cp_value(&set, &set.c[i], COMPLAINTS_PROVIDER)[0] == '\0' &&
		    set.c[i].case_key != 0 &&
		    (need == RS_TIME_NONE || case_since(set.c[i].case_key) < need))
			need = case_since(set.c[i].case_key);
	if (need != RS_TIME_NONE && dispatch_load(o.dir, need, as_of, &ds, &e) == -1) {
		rc = cli_fail(&e);
		goto free;
	}

	if (o.g.no_header)
		flags |= OUT_NO_HEADER;
	if (o.g.raw)
		flags |= OUT_RAW;
	out = out_new(stdout, o.g.format, flags, 11, names, types);
	for (i = 0; i < set.f.n; i++) {
		c = &set.c[i];
		if (c->opened_at == RS_TIME_NONE)
			continue;
		od = cp_overdue(c, &o.rules, as_of);
		if ((o.open && !cp_is_open(c)) || (o.overdue && !od) ||
		    (level != 0 && c->level != level) ||
		    (o.category != NULL && strcmp(o.category,
		    cp_value(&set, c, COMPLAINTS_CATEGORY)) != 0) ||
		    (since != RS_TIME_NONE && c->opened_at < since) ||
		    (until != RS_TIME_NONE && c->opened_at >= until))
			continue;
		prov = cp_value(&set, c, COMPLAINTS_PROVIDER);
		if (prov[0] == '\0' && (tl = dispatch_get(&ds, c->case_key)) != NULL)
			prov = tl->provider;
		snprintf(lv, sizeof(lv), "%d", c->level);
		v[0] = cp_value(&set, c, COMPLAINTS_COMPLAINT_ID);
		v[1] = cp_value(&set, c, COMPLAINTS_CASE_ID);
		v[2] = cp_state_name(c->state);
		v[3] = lv;
		v[4] = cp_value(&set, c, COMPLAINTS_CATEGORY);
		v[5] = cp_value(&set, c, COMPLAINTS_RESPONSIBLE);
		v[6] = prov;
		v[7] = time_format_iso(c->opened_at, t1);
		v[8] = time_format_iso(cp_contact_due(c, &o.rules), t2);
		v[9] = time_format_iso(cp_resolve_due(c, &o.rules), t3);
		v[10] = od ? "y" : "n";
		out_row(out, v, NULL);
	}
	rc = out_end(out) == 0 ? 0 : RS_EIO;
	out_free(out);
free:
	dispatch_set_free(&ds);
	cp_set_free(&set);
done:
	free(o.dir);
	return rc;
}

static const struct cli_subcommand subcommands[] = {
	{ "open", cmd_open, "open a complaint on a case" },
	{ "escalate", cmd_escalate, "raise the level" },
	{ "contact", cmd_contact, "record a call to the complainant" },
	{ "investigate", cmd_investigate, "record findings and responsibility" },
	{ "resolve", cmd_resolve, "record the remedy" },
	{ "close", cmd_close, "close a resolved complaint" },
	{ "reopen", cmd_reopen, "reopen a resolved or closed complaint" },
	{ "action", cmd_action, "add a corrective action" },
	{ "action-done", cmd_action_done, "close the latest open action" },
	{ "list", cmd_list, "list complaints with their deadlines" },
	{ NULL, NULL, NULL }
};

/* takes_value says whether global option a consumes the next argument. */
static int
takes_value(const char *a)
{
	static const char *const v[] = {
		"-d", "-f", "--dir", "--format", "--agent", "--at", "--as-of"
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (strcmp(a, v[i]) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	char *cmd;
	int i, j;

	cli_init("rs-complain");
	if (argc < 2)
		return cli_exit(cli_usage("missing command"));
	/*
	 * Global options may come before the command ("rs-complain -q open
	 * ..."): move the command word to the front; getopt_long then
	 * finds the options wherever they are.
	 */
	for (i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return cli_exit(help(NULL));
		if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0)
			return cli_exit(cli_version());
		if (takes_value(argv[i]))
			i++;
	}
	if (i >= argc || strcmp(argv[i], "--") == 0)
		return cli_exit(cli_usage("missing command"));
	cmd = argv[i];
	for (j = i; j > 1; j--)
		argv[j] = argv[j - 1];
	argv[1] = cmd;
	return cli_exit(cli_dispatch(subcommands, NULL, argc, argv));
}
