/*
 * rs-callback - the callbacks due now, and recording callback results and
 * satisfaction scores (SPEC 6). The schedule lives in common/callback.c;
 * this is option parsing and glue.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "buf.h"
#include "callback.h"
#include "cases.h"
#include "cli.h"
#include "complaint.h"
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

enum { S_DUE = 1 << 0, S_RECORD = 1 << 1, S_LIST = 1 << 2 };

enum {
	O_KIND = CLI_OPT_FIRST_FREE, O_RESULT, O_COMPLAINT, O_OVERALL,
	O_TIMELINESS, O_PROFESSIONALISM, O_ATTITUDE, O_RESOLVED, O_NPS,
	O_COMMENT, O_SUGGESTION, O_SINCE, O_UNTIL
};

/* The score options, with their column and range. */
static const struct score {
	const char *name;
	int code, col, min, max;
} scores[] = {
	{ "overall", O_OVERALL, CALLBACKS_OVERALL, 1, 5 },
	{ "timeliness", O_TIMELINESS, CALLBACKS_TIMELINESS, 1, 5 },
	{ "professionalism", O_PROFESSIONALISM, CALLBACKS_PROFESSIONALISM, 1, 5 },
	{ "attitude", O_ATTITUDE, CALLBACKS_ATTITUDE, 1, 5 },
	{ "nps", O_NPS, CALLBACKS_NPS, 0, 10 },
};
#define NSCORES (sizeof(scores) / sizeof(scores[0]))

static const struct optdef {
	const char *name;
	int has_arg, code;
	unsigned mask;
} optdefs[] = {
	{ "kind", 1, O_KIND, S_DUE | S_RECORD | S_LIST },
	{ "result", 1, O_RESULT, S_RECORD },
	{ "complaint", 1, O_COMPLAINT, S_RECORD },
	{ "overall", 1, O_OVERALL, S_RECORD },
	{ "timeliness", 1, O_TIMELINESS, S_RECORD },
	{ "professionalism", 1, O_PROFESSIONALISM, S_RECORD },
	{ "attitude", 1, O_ATTITUDE, S_RECORD },
	{ "resolved", 1, O_RESOLVED, S_RECORD },
	{ "nps", 1, O_NPS, S_RECORD },
	{ "comment", 1, O_COMMENT, S_RECORD },
	{ "suggestion", 1, O_SUGGESTION, S_RECORD },
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
	const char *kind, *result, *complaint, *resolved, *comment, *suggestion;
	const char *since, *until;
	const char *score[NSCORES];
	char **args;
	int nargs;
	char *dir;
	struct rules rules;
};

static const char usage_top[] =
N_("usage: rs-callback COMMAND [options]\n"
"\n"
"Callbacks to customers after a service and after a complaint, kept in\n"
"DIR/callbacks.tsv.\n"
"\n"
"commands:\n"
"  due [--kind K] [--as-of T]\n"
"  record CASE --kind K --result R [--complaint CP --overall N --timeliness N\n"
"         --professionalism N --attitude N --resolved y|n --nps N\n"
"         --comment TEXT --suggestion TEXT]\n"
"  list [--since T --until T --kind K --as-of T]\n"
"\n"
"global options:\n"
"  -d, --dir DIR      journal directory (else $RS_DIR, else ~/.local/share/rs)\n"
"  -f, --format F     tsv (default), csv, json or table\n"
"  -H, --no-header    no header line\n"
"      --agent NAME   who called (else $RS_AGENT, else the login)\n"
"      --at TIME      when the call was made (default now)\n"
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

static const struct {
	const char *cmd, *text;
} helps[] = {
	{ "due",
N_("usage: rs-callback due [--kind service|complaint|second] [--as-of T]\n"
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
"\n"
"examples:\n"
"  rs-callback due\n"
"  rs-callback due --kind second --as-of 2026-11-23T08:00 -f table\n") },
	{ "record",
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
"      --complaint CP-20261122-0003 --result reached --overall 4 --resolved y\n") },
	{ "list",
N_("usage: rs-callback list [--since T] [--until T] [--kind K] [--as-of T]\n"
"\n"
"The recorded calls (callbacks.tsv rows) made in [since, until).\n"
"\n"
"example:\n"
"  rs-callback list --kind service --since -7d -f csv\n") },
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

/* parse reads the options of subcommand argv[0] that mask allows, plus the global ones; returns 0, DONE or an exit code. */
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
		case O_KIND: o->kind = optarg; break;
		case O_RESULT: o->result = optarg; break;
		case O_COMPLAINT: o->complaint = optarg; break;
		case O_RESOLVED: o->resolved = optarg; break;
		case O_COMMENT: o->comment = optarg; break;
		case O_SUGGESTION: o->suggestion = optarg; break;
		case O_SINCE: o->since = optarg; break;
		case O_UNTIL: o->until = optarg; break;
		default:
			for (i = 0; i < NSCORES; i++)
				if (scores[i].code == c)
					break;
			if (i < NSCORES) {
				o->score[i] = optarg;
				break;
			}
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

	o->dir = journal_dir(o->g.dir);
	err_clear(&e);
	if (rules_load(o->dir, &o->rules, &e) == -1)
		return cli_fail(&e);
	return 0;
}

static int
flags_of(const struct opts *o)
{
	return (o->g.no_header ? OUT_NO_HEADER : 0) | (o->g.raw ? OUT_RAW : 0);
}

static int
cmd_due(int argc, char **argv)
{
	static const char *const names[] = {
		"kind", "case_id", "complaint_id", "customer", "phone",
		"due_from", "due_by", "attempts", "overdue"
	};
	static const enum coltype types[] = {
		COL_ENUM, COL_ID, COL_ID, COL_TEXT, COL_PHONE, COL_TS, COL_TS,
		COL_INT, COL_YN
	};
	struct cb_schedule s;
	struct cases cs;
	struct cb_due *d;
	struct out *out;
	struct opts o;
	struct rs_err e;
	enum cb_kind kind = CB_SERVICE;
	const char *v[9];
	char cid[ID_MAX], pid[ID_MAX], t1[TIME_ISO_MAX], t2[TIME_ISO_MAX], n[16];
	rs_time as_of;
	size_t i, j;
	long ci;
	int rc;

	if ((rc = parse(argc, argv, S_DUE, &o)) != 0)
		return rc == DONE ? 0 : rc;
	if (o.nargs > 0)
		return cli_usage("due: unexpected argument '%s'", o.args[0]);
	if (cli_as_of(&o.g, &as_of) == -1)
		return RS_EUSAGE;
	if ((rc = enum_ok("--kind", CALLBACKS_KIND, o.kind)) != 0)
		return rc;
	if (o.kind != NULL)
		(void)cb_kind_parse(o.kind, &kind);
	if ((rc = setup(&o)) != 0)
		goto done;
	err_clear(&e);
	cb_schedule_init(&s, &o.rules);
	cases_init(&cs);
	if (cb_schedule_load(o.dir, &o.rules, as_of, &s, &e) == -1) {
		rc = cli_fail(&e);
		goto free;
	}
	/* Keep what is listed; only those need the customer's name and phone. */
	for (i = j = 0; i < s.n; i++)
		if (cb_listed(&s.v[i], as_of) && (o.kind == NULL || s.v[i].kind == kind))
			s.v[j++] = s.v[i];
	s.n = j;
	if (cb_cases_load(o.dir, &s, as_of, &cs, &e) == -1) {
		rc = cli_fail(&e);
		goto free;
	}
	out = out_new(stdout, o.g.format, flags_of(&o), 9, names, types);
	for (i = 0; i < s.n; i++) {
		d = &s.v[i];
		ci = cases_get(&cs, d->case_key);
		snprintf(n, sizeof(n), "%d", d->attempts);
		v[0] = cb_kind_name(d->kind);
		v[1] = id_format(cid, "RS", d->case_key);
		v[2] = d->complaint_key ? id_format(pid, "CP", d->complaint_key) : "";
		v[3] = ci >= 0 ? case_value(&cs, ci, CASES_CUSTOMER) : "";
		v[4] = ci >= 0 ? case_value(&cs, ci, CASES_PHONE) : "";
		v[5] = time_format_iso(d->due_from, t1);
		v[6] = time_format_iso(d->due_by, t2);
		v[7] = n;
		v[8] = cb_overdue(d, as_of) ? "y" : "n";
		out_row(out, v, NULL);
	}
	rc = out_end(out) == 0 ? 0 : RS_EIO;
	out_free(out);
free:
	cases_free(&cs);
	cb_schedule_free(&s);
done:
	free(o.dir);
	return rc;
}

/* The row being recorded. */
struct rec_arg {
	struct opts *o;
	rs_time at;
	int at_set;
	const char *v[CALLBACKS_NCOLS];
	char ts[TIME_ISO_MAX], atbuf[TIME_ISO_MAX];
};

static int
build_record(struct append_ctx *ctx, struct buf *rows, void *varg, struct rs_err *e)
{
	struct rec_arg *a = varg;
	char *v[CALLBACKS_NCOLS];
	size_t len[CALLBACKS_NCOLS];
	char msg[512];
	struct row r;
	int i;

	a->v[CALLBACKS_TS] = time_format_iso(ctx->ts, a->ts);
	a->v[CALLBACKS_AT] = time_format_iso(a->at_set ? a->at : ctx->ts, a->atbuf);
	for (i = 0; i < CALLBACKS_NCOLS; i++) {
		if (a->v[i] == NULL)
			a->v[i] = "";
		v[i] = (char *)a->v[i];
		len[i] = strlen(v[i]);
	}
	memset(&r, 0, sizeof(r));
	r.n = CALLBACKS_NCOLS;
	r.v = v;
	r.len = len;
	r.problem_col = -1;
	if (schema_check_row(&schema_callbacks, &r, msg, sizeof(msg)) == -1)
		return err_set(e, RS_EDATA, a->v[CALLBACKS_CASE_ID], "%s", r.problem);
	row_format_tsv(rows, CALLBACKS_NCOLS, a->v);
	return 0;
}

/* complaint_of folds complaint id and checks that it is about case key; returns 0 or -1 with e set. */
static int
complaint_of(const char *dir, const char *id, uint64_t case_key, const char *case_id,
    struct rs_err *e)
{
	struct complaint_set set;
	struct complaint *c;
	struct jreader *jr;
	struct row r;
	uint64_t key, k;
	int rc;

	if (id_parse(id, strlen(id), "CP", &key) == -1)
		return err_set(e, RS_EDATA, id, "not a complaint id (CP-YYYYMMDD-NNNN)");
	jr = jreader_open_journal(dir, &schema_complaints, cp_since(key), RS_TIME_NONE, 0, e);
	if (jr == NULL)
		return -1;
	cp_set_init(&set);
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[COMPLAINTS_COMPLAINT_ID], r.len[COMPLAINTS_COMPLAINT_ID],
		    "CP", &k) == 0 && k == key)
			(void)cp_set_add(&set, &r);
	jreader_free(jr);
	if (rc == 0) {
		if ((c = cp_set_get(&set, key)) == NULL || c->opened_at == RS_TIME_NONE)
			rc = err_set(e, RS_EDATA, id, "no such complaint");
		else if (c->case_key != case_key)
			rc = err_set(e, RS_EDATA, id, "complaint is about %s, not %s",
			    cp_value(&set, c, COMPLAINTS_CASE_ID), case_id);
	}
	cp_set_free(&set);
	return rc;
}

/* open_complaint sets *open when a complaint on case key is neither resolved nor closed. */
static int
open_complaint(const char *dir, uint64_t key, int *open, struct rs_err *e)
{
	struct complaint_set set;
	struct jreader *jr;
	size_t i;
	int rc;

	*open = 0;
	/* Complaints about a case come after the case: read from its day. */
	jr = jreader_open_journal(dir, &schema_complaints, case_since(key), RS_TIME_NONE, 0, e);
	if (jr == NULL)
		return -1;
	cp_set_init(&set);
	rc = cp_set_read(&set, jr, e);
	jreader_free(jr);
	for (i = 0; rc == 0 && i < set.f.n; i++)
		if (set.c[i].case_key == key && set.c[i].opened_at != RS_TIME_NONE &&
		    cp_is_open(&set.c[i]))
			*open = 1;
	cp_set_free(&set);
	return rc;
}

static int
cmd_record(int argc, char **argv)
{
	const char *names[CALLBACKS_NCOLS];
	enum coltype types[CALLBACKS_NCOLS];
	struct rec_arg a;
	struct cases cs;
	struct out *out;
	struct opts o;
	struct rs_err e;
	const char *case_id, *bad;
	char *end;
	long val[NSCORES];
	size_t i;
	int rc, reached, is_open;

	if ((rc = parse(argc, argv, S_RECORD, &o)) != 0)
		return rc == DONE ? 0 : rc;
	if (o.nargs == 0)
		return cli_usage("record: a case id is required");
	if (o.nargs > 1)
		return cli_usage("record: unexpected argument '%s'", o.args[1]);
	case_id = o.args[0];
	if (o.kind == NULL)
		return cli_usage("record: --kind is required");
	if (o.result == NULL)
		return cli_usage("record: --result is required");
	if ((rc = enum_ok("--kind", CALLBACKS_KIND, o.kind)) != 0 ||
	    (rc = enum_ok("--result", CALLBACKS_RESULT, o.result)) != 0)
		return rc;
	reached = strcmp(o.result, "reached") == 0;
	/* SPEC 5: an option required by another option's value is a usage error. */
	if (reached && o.score[0] == NULL)
		return cli_usage("record: --overall is required with --result reached");
	if ((strcmp(o.kind, "complaint") == 0 || strcmp(o.kind, "second") == 0) &&
	    o.complaint == NULL)
		return cli_usage("record: --complaint is required with --kind %s", o.kind);
	memset(&a, 0, sizeof(a));
	a.o = &o;
	if (o.g.at != NULL) {
		if (cli_time_option("--at", o.g.at, time_now(), &a.at) == -1)
			return RS_EUSAGE;
		a.at_set = 1;
	}
	for (i = 0; i < NSCORES; i++) {
		val[i] = -1;
		if (o.score[i] == NULL)
			continue;
		val[i] = strtol(o.score[i], &end, 10);
		if (o.score[i][0] < '0' || o.score[i][0] > '9' || *end != '\0' ||
		    val[i] < scores[i].min || val[i] > scores[i].max) {
			cli_error(NULL, "--%s: bad score '%s' (want %d-%d)", scores[i].name,
			    o.score[i], scores[i].min, scores[i].max);
			return RS_EDATA;
		}
		if (!reached) {
			cli_error(NULL, "--%s: scores are recorded only with --result reached",
			    scores[i].name);
			return RS_EDATA;
		}
	}
	if (o.resolved != NULL && strcmp(o.resolved, "y") != 0 && strcmp(o.resolved, "n") != 0) {
		cli_error("--resolved", "bad value '%s' (want y or n)", o.resolved);
		return RS_EDATA;
	}
	if (o.resolved != NULL && !reached) {
		cli_error("--resolved", "recorded only with --result reached");
		return RS_EDATA;
	}
	if ((o.comment && cli_text_arg("--comment", o.comment) == -1) ||
	    (o.suggestion && cli_text_arg("--suggestion", o.suggestion) == -1))
		return RS_EDATA;
	if ((rc = setup(&o)) != 0)
		goto done;

	err_clear(&e);
	cases_init(&cs);
	if (case_find(o.dir, case_id, RS_TIME_NONE, &cs, &e) == -1) {
		cases_free(&cs);
		rc = cli_fail(&e);
		goto done;
	}
	cases_free(&cs);
	if (o.complaint != NULL) {
		uint64_t ck;

		(void)id_parse(case_id, strlen(case_id), "RS", &ck);
		if (complaint_of(o.dir, o.complaint, ck, case_id, &e) == -1) {
			rc = cli_fail(&e);
			goto done;
		}
	}
	a.v[CALLBACKS_CASE_ID] = case_id;
	a.v[CALLBACKS_COMPLAINT_ID] = o.complaint;
	a.v[CALLBACKS_KIND] = o.kind;
	a.v[CALLBACKS_RESULT] = o.result;
	for (i = 0; i < NSCORES; i++)
		a.v[scores[i].col] = o.score[i];
	a.v[CALLBACKS_RESOLVED] = o.resolved;
	a.v[CALLBACKS_COMMENT] = o.comment;
	a.v[CALLBACKS_SUGGESTION] = o.suggestion;
	a.v[CALLBACKS_AGENT] = cli_agent(&o.g);
	if (journal_append(o.dir, &schema_callbacks, build_record, &a, &e) == -1) {
		rc = cli_fail(&e);
		goto done;
	}
	if (o.g.quiet) {
		printf("%s\n", case_id);
	} else {
		for (i = 0; i < CALLBACKS_NCOLS; i++) {
			names[i] = schema_callbacks.cols[i].name;
			types[i] = schema_callbacks.cols[i].type;
		}
		out = out_new(stdout, o.g.format, flags_of(&o), CALLBACKS_NCOLS, names, types);
		out_row(out, a.v, NULL);
		rc = out_end(out) == 0 ? 0 : RS_EIO;
		out_free(out);
	}
	/* A dissatisfied customer should not leave the call without a complaint on record. */
	if (reached && (val[0] <= 2 || (val[4] >= 0 && val[4] <= 6))) {
		uint64_t ck;

		(void)id_parse(case_id, strlen(case_id), "RS", &ck);
		if (open_complaint(o.dir, ck, &is_open, &e) == -1) {
			rc = cli_fail(&e);
			goto done;
		}
		bad = val[0] <= 2 ? "overall" : "nps";
		if (!is_open) {
			fflush(stdout);
			err_warn(case_id, "hint: %s %ld is low; no complaint is open for the "
			    "case: rs-complain open --case %s --category C --demand TEXT", bad,
			    val[0] <= 2 ? val[0] : val[4], case_id);
		}
	}
done:
	free(o.dir);
	return rc;
}

static int
cmd_list(int argc, char **argv)
{
	const char *names[CALLBACKS_NCOLS];
	enum coltype types[CALLBACKS_NCOLS];
	const char *v[CALLBACKS_NCOLS];
	struct jreader *jr;
	struct out *out;
	struct opts o;
	struct rs_err e;
	struct row r;
	rs_time as_of, since = RS_TIME_NONE, until = RS_TIME_NONE, at;
	int rc, i;

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
	if ((rc = enum_ok("--kind", CALLBACKS_KIND, o.kind)) != 0)
		return rc;
	if ((rc = setup(&o)) != 0)
		goto done;
	err_clear(&e);
	/* A call made at or after since was written at most 5 minutes before it. */
	jr = jreader_open_journal(o.dir, &schema_callbacks,
	    since == RS_TIME_NONE ? RS_TIME_NONE : since - 300, as_of, 0, &e);
	if (jr == NULL) {
		rc = cli_fail(&e);
		goto done;
	}
	for (i = 0; i < CALLBACKS_NCOLS; i++) {
		names[i] = schema_callbacks.cols[i].name;
		types[i] = schema_callbacks.cols[i].type;
	}
	out = out_new(stdout, o.g.format, flags_of(&o), CALLBACKS_NCOLS, names, types);
	while ((rc = jreader_next(jr, &r, &e)) == 1) {
		if (time_parse_ts(r.v[CALLBACKS_AT], r.len[CALLBACKS_AT], &at) == -1 ||
		    (since != RS_TIME_NONE && at < since) ||
		    (until != RS_TIME_NONE && at >= until) ||
		    (o.kind != NULL && strcmp(o.kind, r.v[CALLBACKS_KIND]) != 0))
			continue;
		for (i = 0; i < CALLBACKS_NCOLS; i++)
			v[i] = r.v[i];
		out_row(out, v, r.len);
	}
	jreader_free(jr);
	if (rc == -1) {
		out_end(out);
		out_free(out);
		rc = cli_fail(&e);
		goto done;
	}
	rc = out_end(out) == 0 ? 0 : RS_EIO;
	out_free(out);
done:
	free(o.dir);
	return rc;
}

static const struct cli_subcommand subcommands[] = {
	{ "due", cmd_due, "the callbacks due now" },
	{ "record", cmd_record, "record a call and its scores" },
	{ "list", cmd_list, "the recorded calls" },
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

	cli_init("rs-callback");
	if (argc < 2)
		return cli_exit(cli_usage("missing command"));
	/* Global options may come before the command: move the command word to the front. */
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
