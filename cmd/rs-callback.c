/*
 * rs-callback - the callbacks due now, and recording callback results and
 * satisfaction scores (SPEC 6). The schedule lives in common/callback.c,
 * recording in common/callback_write.c, the lists in
 * common/callback_list.c; this is option parsing and glue.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callback.h"
#include "callback_list.h"
#include "callback_write.h"
#include "cases.h"
#include "cli.h"
#include "cmdtable.h"
#include "err.h"
#include "i18n.h"
#include "journal.h"
#include "listview.h"
#include "out.h"
#include "ref.h"
#include "row.h"
#include "rowbuild.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

enum { S_DUE = 1 << 0, S_RECORD = 1 << 1, S_LIST = 1 << 2 };

struct opts {
	struct cli_args cli;
	struct cb_input in;		/* record; in.kind for every subcommand */
	const char *since, *until, *columns;
	int wide;
	char *dir;
	struct rules rules;
};
#define OFF(field) offsetof(struct opts, field)

static const struct cli_opt options[] = {
	{ .name = "kind", .has_arg = 1, .subs = S_DUE | S_RECORD | S_LIST,
	    .off = OFF(in.kind) },
	{ .name = "result", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.result) },
	{ .name = "complaint", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.complaint),
	    .complete = "complaint-due" },
	{ .name = "overall", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.score[0]) },
	{ .name = "timeliness", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.score[1]) },
	{ .name = "professionalism", .has_arg = 1, .subs = S_RECORD,
	    .off = OFF(in.score[2]) },
	{ .name = "attitude", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.score[3]) },
	{ .name = "resolved", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.resolved) },
	{ .name = "nps", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.score[4]) },
	{ .name = "comment", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.comment) },
	{ .name = "suggestion", .has_arg = 1, .subs = S_RECORD, .off = OFF(in.suggestion) },
	{ .name = "since", .has_arg = 1, .subs = S_LIST, .off = OFF(since) },
	{ .name = "until", .has_arg = 1, .subs = S_LIST, .off = OFF(until) },
	{ .name = "columns", .has_arg = 1, .subs = S_DUE | S_LIST, .off = OFF(columns) },
	{ .name = "wide", .subs = S_DUE | S_LIST, .off = OFF(wide) },
	{ .name = NULL },
};

static const char help_main[] =
N_("usage: rs-callback COMMAND [options]\n"
"\n"
"Callbacks to customers after a service and after a complaint, kept in\n"
"DIR/callbacks.tsv.\n"
"\n"
"commands:\n"
"  due [--kind K] [--as-of T] [--columns a,b,c] [--wide]\n"
"  record CASE --kind K --result R [--complaint CP --overall N --timeliness N\n"
"         --professionalism N --attitude N --resolved y|n --nps N\n"
"         --comment TEXT --suggestion TEXT]\n"
"  list [--since T --until T --kind K --as-of T --columns a,b,c --wide]\n"
"\n"
"global options:\n"
"  -d, --dir DIR      journal directory (else $RS_DIR, else ~/.local/share/rs)\n"
"                     (a site: its rules.tsv site.zone is the zone of every time,\n"
"                     whatever TZ says; site.code goes into new ids: RS-SZ-...)\n"
"  -f, --format F     tsv (default), csv, json or table\n"
"  -H, --no-header    no header line\n"
"      --agent NAME   who called (else $RS_AGENT, else the login)\n"
"      --at TIME      when the call was made (default now)\n"
"      --ref KEY      idempotency key: a retry prints the row first written\n"
"      --as-of TIME   the journals as they stood at TIME (default now)\n"
"  -q, --quiet        print only the case id of a recorded call\n"
"  -h, --help         this help (COMMAND --help: help on COMMAND)\n"
"  -V, --version      print the version\n"
"\n"
"examples:\n"
"  rs-callback due -f table\n"
"  rs-callback record RS-20261122-0042 --kind service --result reached \\\n"
"      --overall 5 --timeliness 4 --nps 9 --comment '师傅很专业'\n"
"  rs-callback list --kind complaint --since 2026-11-16 --until 2026-11-23\n");

static const char help_due[] =
N_("usage: rs-callback due [--kind service|complaint|second] [--as-of T]\n"
"                       [--columns a,b,c] [--wide]\n"
"\n"
"The callbacks due at T (default now): service, from a case's completion\n"
"until + 24 h; complaint, from a complaint's resolution until + 48 h;\n"
"second, for level 3 and 4 complaints, from resolution + 7 d until + 15 d\n"
"(rules.tsv: callback.*). A callback is listed from due_from until it is\n"
"done (reached, refused, wrong-number, or callback.max_attempts\n"
"no-answers), overdue after due_by, and dropped callback.expire_d days\n"
"after due_by. Columns: kind case_id complaint_id customer phone due_from\n"
"due_by attempts overdue, ordered by due_by. Customer and phone are shown\n"
"in full: agents call from this list.\n"
"-f table fits 80 columns: kind case_id customer phone due_by attempts,\n"
"times as HH:MM today, else MM-DD HH:MM; overdue rows are marked '!'\n"
"(and red on a terminal, unless NO_COLOR is set); --wide shows every\n"
"column, --columns a,b,c these columns, in this order, in every format.\n"
"\n"
"examples:\n"
"  rs-callback due\n"
"  rs-callback due --kind second --as-of 2026-11-23T08:00 -f table\n");

static const char help_record[] =
N_("usage: rs-callback record CASE --kind K --result R [--complaint CP]\n"
"           [--overall N] [--timeliness N] [--professionalism N]\n"
"           [--attitude N] [--resolved y|n] [--nps N] [--comment TEXT]\n"
"           [--suggestion TEXT]\n"
"\n"
"Records one call. kind: service complaint second audit; result: reached\n"
"no-answer refused wrong-number. Scores 1-5 and nps 0-10 only with\n"
"reached, which needs --overall; complaint and second calls need the\n"
"--complaint they follow up. A reached call with overall <= 2 or nps <= 6\n"
"prints a hint to open a complaint unless one is open for the case.\n"
"\n"
"examples:\n"
"  rs-callback record RS-20261122-0042 --kind service --result no-answer\n"
"  rs-callback record RS-20261122-0042 --kind complaint \\\n"
"      --complaint CP-20261122-0003 --result reached --overall 4 --resolved y\n");

static const char help_list[] =
N_("usage: rs-callback list [--since T] [--until T] [--kind K] [--as-of T]\n"
"                        [--columns a,b,c] [--wide]\n"
"\n"
"The recorded calls (callbacks.tsv rows) made in [since, until).\n"
"-f table fits 80 columns: at case_id kind result overall comment (cut\n"
"with '…'), times as HH:MM today, else MM-DD HH:MM; --wide shows every\n"
"column, --columns a,b,c these columns, in this order, in every format.\n"
"\n"
"example:\n"
"  rs-callback list --kind service --since -7d -f csv\n");

/* enum_ok checks v against the values of callbacks column col; prints the choices when bad. */
static int
enum_ok(const char *option, int col, const char *v)
{
	const struct column *c = &schema_callbacks.cols[col];

	if (v == NULL || schema_enum_index(c, v, strlen(v)) >= 0)
		return 0;
	cli_error(option, "unknown value '%s' (want %s)", v, c->values);
	return RS_EDATA;
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

static int
flags_of(const struct opts *o)
{
	return (o->cli.g.no_header ? OUT_NO_HEADER : 0) | (o->cli.g.raw ? OUT_RAW : 0);
}

static int
cmd_due(void *p)
{
	struct opts *o = p;
	struct cb_due_list l;
	struct cb_due_row row;
	struct lview *lv;
	struct rs_err e;
	enum cb_kind kind = CB_SERVICE;
	rs_time as_of;
	size_t i;
	int rc;

	if (cli_as_of(&o->cli.g, &as_of) == -1)
		return RS_EDATA;
	if ((rc = enum_ok("--kind", CALLBACKS_KIND, o->in.kind)) != 0)
		return rc;
	if (o->in.kind != NULL)
		(void)cb_kind_parse(o->in.kind, &kind);
	if ((rc = setup(o)) != 0 || (rc = cli_read_dir(o->dir)) != 0)
		goto done;
	err_clear(&e);
	if (cb_due_load(o->dir, &o->rules, as_of, o->in.kind != NULL ? &kind : NULL, &l,
	    &e) == -1) {
		rc = cli_fail(&e);
		goto free;
	}
	if ((rc = cli_list(&o->cli.g, &cb_due_view, o->columns, o->wide, as_of, &lv)) != 0)
		goto free;
	for (i = 0; i < l.s.n; i++) {
		cb_due_row(&l, i, &row);
		lview_row(lv, row.v);
	}
	rc = lview_end(lv) == 0 ? 0 : RS_EIO;
	lview_free(lv);
free:
	cb_due_free(&l);
done:
	free(o->dir);
	return rc;
}

/* record_args checks the operand and the options of record; returns 0 or an exit code. */
static int
record_args(struct opts *o, int *reached)
{
	int rc;

	o->in.case_id = o->cli.args[0];
	if (o->in.kind == NULL)
		return cli_usage("record: --kind is required");
	if (o->in.result == NULL)
		return cli_usage("record: --result is required");
	if ((rc = enum_ok("--kind", CALLBACKS_KIND, o->in.kind)) != 0 ||
	    (rc = enum_ok("--result", CALLBACKS_RESULT, o->in.result)) != 0)
		return rc;
	*reached = strcmp(o->in.result, "reached") == 0;
	/* SPEC 5: an option required by another option's value is a usage error. */
	if (*reached && o->in.score[CB_OVERALL] == NULL)
		return cli_usage("record: --overall is required with --result reached");
	if ((strcmp(o->in.kind, "complaint") == 0 || strcmp(o->in.kind, "second") == 0) &&
	    o->in.complaint == NULL)
		return cli_usage("record: --complaint is required with --kind %s", o->in.kind);
	return 0;
}

/* values_ok checks the values of record that are not scores; returns 0 or exit 1. */
static int
values_ok(const struct opts *o, int reached)
{
	if (o->in.resolved != NULL && strcmp(o->in.resolved, "y") != 0 &&
	    strcmp(o->in.resolved, "n") != 0) {
		cli_error("--resolved", "bad value '%s' (want y or n)", o->in.resolved);
		return RS_EDATA;
	}
	if (o->in.resolved != NULL && !reached) {
		cli_error("--resolved", "recorded only with --result reached");
		return RS_EDATA;
	}
	if ((o->in.comment && cli_text_arg("--comment", o->in.comment) == -1) ||
	    (o->in.suggestion && cli_text_arg("--suggestion", o->in.suggestion) == -1))
		return RS_EDATA;
	return 0;
}

/* low_score_hint: a dissatisfied customer should not leave the call without a complaint on record. */
static int
low_score_hint(const struct opts *o, const long val[CB_NSCORES])
{
	struct rs_err e;
	int is_open;
	int low = val[CB_OVERALL] <= 2;

	if (!low && !(val[CB_NPS] >= 0 && val[CB_NPS] <= 6))
		return 0;
	err_clear(&e);
	if (cb_open_complaint(o->dir, o->in.case_id, &is_open, &e) == -1)
		return cli_fail(&e);
	if (!is_open) {
		fflush(stdout);
		err_warn(o->in.case_id, "hint: %s %ld is low; no complaint is open for the "
		    "case: rs-complain open --case %s --category C --demand TEXT",
		    low ? "overall" : "nps", low ? val[CB_OVERALL] : val[CB_NPS], o->in.case_id);
	}
	return 0;
}

static int
cmd_record(void *p)
{
	struct opts *o = p;
	struct cb_record rec;
	struct out *out;
	struct rs_err e;
	long val[CB_NSCORES];
	int rc, hint, reached = 0;

	if ((rc = record_args(o, &reached)) != 0)
		return rc;
	memset(&rec, 0, sizeof(rec));
	rec.in = &o->in;
	rec.ref = o->cli.g.ref;
	if (cli_at(&o->cli.g, time_now(), &rec.at) == -1)
		return RS_EDATA;
	rec.at_set = rec.at != RS_TIME_NONE;
	err_clear(&e);
	if (cb_scores_check(&o->in, reached, val, &e) == -1)
		return cli_fail(&e);
	if ((rc = values_ok(o, reached)) != 0)
		return rc;
	if ((rc = setup(o)) != 0)
		goto done;
	o->in.agent = cli_agent(&o->cli.g);
	if (cb_record_check(o->dir, &o->in, &e) == -1 ||
	    cb_record_append(o->dir, &rec, &e) == -1) {
		rc = cli_fail(&e);
		goto done;
	}
	if (o->cli.g.quiet) {
		printf("%s\n", o->in.case_id);
	} else {
		out = rowbuild_out(stdout, o->cli.g.format, flags_of(o), &schema_callbacks);
		out_row(out, rec.v, NULL);
		rc = out_end(out) == 0 ? 0 : RS_EIO;
		out_free(out);
	}
	if (reached && (hint = low_score_hint(o, val)) != 0)
		rc = hint;
done:
	ref_row_free(rec.ref_row, CALLBACKS_NCOLS);
	free(o->dir);
	return rc;
}

static int
cmd_list(void *p)
{
	struct opts *o = p;
	const char *v[CALLBACKS_NCOLS];
	struct jreader *jr;
	struct lview *lv;
	struct rs_err e;
	struct row r;
	rs_time as_of, since = RS_TIME_NONE, until = RS_TIME_NONE;
	int rc, i;

	if (cli_as_of(&o->cli.g, &as_of) == -1)
		return RS_EDATA;
	if (o->since != NULL && cli_time_option("--since", o->since, as_of, &since) == -1)
		return RS_EDATA;
	if (o->until != NULL && cli_time_option("--until", o->until, as_of, &until) == -1)
		return RS_EDATA;
	if ((rc = enum_ok("--kind", CALLBACKS_KIND, o->in.kind)) != 0)
		return rc;
	if ((rc = setup(o)) != 0 || (rc = cli_read_dir(o->dir)) != 0)
		goto done;
	err_clear(&e);
	/* A call made at or after since was written at most 5 minutes before it. */
	jr = jreader_open_journal(o->dir, &schema_callbacks,
	    since == RS_TIME_NONE ? RS_TIME_NONE : since - SCHEMA_AT_AHEAD_S, as_of, 0, &e);
	if (jr == NULL) {
		rc = cli_fail(&e);
		goto done;
	}
	if ((rc = cli_list(&o->cli.g, cb_call_view(), o->columns, o->wide, as_of, &lv)) != 0) {
		jreader_free(jr);
		goto done;
	}
	while ((rc = jreader_next(jr, &r, &e)) == 1) {
		if (!cb_call_listed(&r, since, until, o->in.kind))
			continue;
		for (i = 0; i < CALLBACKS_NCOLS; i++)
			v[i] = r.v[i];
		lview_row_n(lv, v, r.len);
	}
	jreader_free(jr);
	if (rc == -1) {
		lview_end(lv);
		lview_free(lv);
		rc = cli_fail(&e);
		goto done;
	}
	rc = lview_end(lv) == 0 ? 0 : RS_EIO;
	lview_free(lv);
done:
	free(o->dir);
	return rc;
}

static const struct cli_cmd cmds[] = {
	{ .name = "due", .run = cmd_due, .bit = S_DUE, .summary = "the callbacks due now",
	    .help = help_due, .operands = "" },
	{ .name = "record", .run = cmd_record, .bit = S_RECORD,
	    .summary = "record a call and its scores", .help = help_record,
	    .operands = "CASE", .complete = "case-due" },
	{ .name = "list", .run = cmd_list, .bit = S_LIST, .summary = "the recorded calls",
	    .help = help_list, .operands = "" },
	{ .name = NULL },
};

static const struct cli_tool tool = {
	.cmds = cmds,
	.opts = options,
	.globals = CLI_G_DIR | CLI_G_FORMAT | CLI_G_NO_HEADER | CLI_G_RAW | CLI_G_AGENT |
	    CLI_G_AT | CLI_G_AS_OF | CLI_G_QUIET | CLI_G_REF,
	.help = help_main,
	.journal = "callbacks",
	.size = sizeof(struct opts),
};

int
main(int argc, char **argv)
{
	struct opts o;

	cli_init("rs-callback");
	return cli_exit(cli_run(&tool, argc, argv, &o));
}
