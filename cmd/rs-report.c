/*
 * rs-report - shift handover, weekly complaint review, KPI table, one
 * case's timeline and the provider and agent scorecards (SPEC 6, 10). Options and periods here; the figures
 * are in common/reports_*.c, the formats in common/render*.c.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmdtable.h"
#include "cpu.h"
#include "err.h"
#include "i18n.h"
#include "journal.h"
#include "report.h"
#include "reports.h"
#include "rules.h"
#include "timefmt.h"
#include "timelocal.h"

static const char help_main[] =
N_("usage: rs-report shift [--date D [--shift day|night] | --since T --until T]\n"
"       rs-report weekly [--week YYYY-Www]\n"
"       rs-report kpi [--since T] [--until T] [--by day|week|month] [--by-site]\n"
"       rs-report case CASE\n"
"       rs-report providers [--since T --until T]\n"
"       rs-report agents [--since T --until T]\n"
"\n"
"Options:\n"
"  -d, --dir DIR        journal directory (default $RS_DIR, else $XDG_DATA_HOME/rs)\n"
"                       (a site: its rules.tsv site.zone is the zone of every time,\n"
"                       whatever TZ says; site.code goes into new ids: RS-SZ-...)\n"
"                       kpi: -d again (or RS_DIR=A:B) reads several sites as one\n"
"                       network, each with its own site.code; --by-site: a row\n"
"                       per site and period\n"
"      --zone ZONE      periods in ZONE, not the first directory's site.zone\n"
"  -f, --format FMT     text (default), md, html, json, tsv, csv\n"
"      --section NAME   print only that section (a JSON key: sla, handover, ...)\n"
"      --as-of TIME     the journals as they stood at TIME (default now)\n"
"      --cases FILE, --dispatch FILE, --complaints FILE, --callbacks FILE\n"
"                       read that journal from FILE instead (- = stdin; .csv, .gz)\n"
"      --show-pii       show customer names and phone numbers unmasked\n"
"  -H, --no-header      tsv/csv without header lines\n"
"      --raw            csv without the spreadsheet formula guard\n"
"  -h, --help           this help;  -V, --version  the version\n"
"\n"
"Examples:\n"
"  rs-report shift                       # the shift that ended last\n"
"  rs-report weekly -f html > review.html\n"
"  rs-report kpi --by week -f tsv | mlr --itsv --opprint cat\n"
"  rs-report providers --since 2026-11-01 --until 2026-12-01 -f html > p.html\n"
"  zcat old/complaints.2026-09.tsv.gz | rs-report weekly --complaints - --week 2026-W38\n");

static const char help_shift[] =
N_("usage: rs-report shift [--date D [--shift day|night] | --since T --until T]\n"
"\n"
"The shift handover: volume by service, priority and channel; the desk SLAs\n"
"(met/total, %, median, p90); every case open at the shift's end; the\n"
"complaints opened; the callbacks due in the next shift; late providers;\n"
"cancellations by reason. Default: the last shift finished at --as-of.\n"
"  --date D             that day's day shift (YYYY-MM-DD)\n"
"  --shift day|night    with --date, which shift (default day); alone, the\n"
"                       last one of that kind; the night shift of D runs\n"
"                       into D + 1 (rules.tsv: shift.*)\n"
"  --since T --until T  any period instead [since, until)\n"
"  -f FMT text (default), md, html, json, tsv, csv;  --section NAME (a JSON key)\n"
"  --as-of T;  --cases|--dispatch|--complaints|--callbacks FILE (- = stdin);\n"
"  --show-pii;  -H;  --raw;  -d DIR  (rs-report --help tells more)\n"
"\n"
"examples:\n"
"  rs-report shift\n"
"  rs-report shift --date 2026-11-22 --shift night -f md\n");

static const char help_weekly[] =
N_("usage: rs-report weekly [--week YYYY-Www]\n"
"\n"
"The weekly complaint review of one ISO week (default: the last finished\n"
"one): totals and rate per 1000 cases against the week before, breakdowns,\n"
"first contact and resolution in time, satisfaction, corrective actions,\n"
"the red list and an 8-week trend.\n"
"  --week YYYY-Www      the week (e.g. 2026-W47)\n"
"  -f FMT text (default), md, html, json, tsv, csv;  --section NAME (a JSON key)\n"
"  --as-of T;  --cases|--dispatch|--complaints|--callbacks FILE (- = stdin);\n"
"  --show-pii;  -H;  --raw;  -d DIR  (rs-report --help tells more)\n"
"\n"
"examples:\n"
"  rs-report weekly -f html > review.html\n"
"  rs-report weekly --week 2026-W47 --section red_list -f tsv\n");

static const char help_kpi[] =
N_("usage: rs-report kpi [--since T] [--until T] [--by day|week|month]\n"
"\n"
"One row per period: cases, dispatch and arrival SLA %, complaints per\n"
"1000 cases, CSAT, NPS, complainant satisfaction. Default: the 7 periods\n"
"ending with the one holding --as-of.\n"
"  --by day|week|month  the period (default day)\n"
"  --since T            the first period holds T\n"
"  --until T            the last period holds the instant before T\n"
"  -f FMT text (default), md, html, json, tsv, csv;  --section NAME (a JSON key)\n"
"  --as-of T;  --cases|--dispatch|--complaints|--callbacks FILE (- = stdin);\n"
"  --show-pii;  -H;  --raw;  -d DIR  (rs-report --help tells more)\n"
"\n"
"examples:\n"
"  rs-report kpi\n"
"  rs-report kpi --by week -f tsv | mlr --itsv --opprint cat\n");

static const char help_case[] =
N_("usage: rs-report case CASE\n"
"\n"
"The full timeline of one case across every journal, its details and its\n"
"SLA steps with their status.\n"
"  -f FMT text (default), md, html, json, tsv, csv;  --section NAME (a JSON key)\n"
"  --as-of T;  --cases|--dispatch|--complaints|--callbacks FILE (- = stdin);\n"
"  --show-pii;  -H;  --raw;  -d DIR  (rs-report --help tells more)\n"
"\n"
"examples:\n"
"  rs-report case RS-20261122-0042\n"
"  rs-report case RS-20261122-0042 -f json | jq .sla\n");

static const char help_providers[] =
N_("usage: rs-report providers [--since T --until T]\n"
"\n"
"The providers' scorecard of a period (default: the last finished ISO\n"
"week): jobs, arrivals on time and their median, complaints per 1000 jobs,\n"
"responsible complaints, compensation, CSAT and NPS; worst on-time first.\n"
"  --since T --until T  the period [since, until); both or neither\n"
"  -f FMT text (default), md, html, json, tsv, csv;  --section NAME (a JSON key)\n"
"  --as-of T;  --cases|--dispatch|--complaints|--callbacks FILE (- = stdin);\n"
"  --show-pii;  -H;  --raw;  -d DIR  (rs-report --help tells more)\n"
"\n"
"examples:\n"
"  rs-report providers\n"
"  rs-report providers --since 2026-11-01 --until 2026-12-01 -f html > p.html\n");

static const char help_agents[] =
N_("usage: rs-report agents [--since T --until T]\n"
"\n"
"The agents' scorecard of a period (default: the last finished ISO week):\n"
"cases opened, the desk SLAs (file, dispatch, notify) met, and the\n"
"complaints about their cases.\n"
"  --since T --until T  the period [since, until); both or neither\n"
"  -f FMT text (default), md, html, json, tsv, csv;  --section NAME (a JSON key)\n"
"  --as-of T;  --cases|--dispatch|--complaints|--callbacks FILE (- = stdin);\n"
"  --show-pii;  -H;  --raw;  -d DIR  (rs-report --help tells more)\n"
"\n"
"examples:\n"
"  rs-report agents -f tsv\n");

enum { S_SHIFT = 1 << 0, S_WEEKLY = 1 << 1, S_KPI = 1 << 2, S_CASE = 1 << 3,
	S_PROVIDERS = 1 << 4, S_AGENTS = 1 << 5 };

struct opts {
	struct cli_args cli;
	enum rformat format;
	const char *section, *date, *shift, *since, *until, *week, *by;
	const char *file[RJ_N];
	int show_pii, by_site;
	const char *zone;
	struct rinputs *sites;		/* every -d's inputs (kpi reads them all) */
	size_t nsites;
};
#define OFF(field) offsetof(struct opts, field)

/* set_format reads -f: reports have their own formats; the lists' "table" is "text" here. */
static int
set_format(void *p, const char *arg)
{
	struct opts *o = p;

	if (rformat_parse(arg, &o->format) == -1)
		return cli_bad_value(RS_EUSAGE, "--format", arg, rformat_names);
	return 0;
}

/* The values of --shift and --by. */
static const char *const shift_names[] = { "day", "night", NULL };
static const char *const by_names[] = { "day", "week", "month", NULL };

static const struct cli_opt options[] = {
	{ .name = "format", .key = 'f', .has_arg = 1, .subs = CLI_EVERY, .off = OFF(format),
	    .set = set_format, .choices = rformat_names },
	{ .name = "section", .has_arg = 1, .subs = CLI_EVERY, .off = OFF(section),
	    .complete = "section" },
	{ .name = "show-pii", .subs = CLI_EVERY, .off = OFF(show_pii) },
	{ .name = "cases", .has_arg = 1, .subs = CLI_EVERY, .off = OFF(file[RJ_CASES]),
	    .complete = "file" },
	{ .name = "dispatch", .has_arg = 1, .subs = CLI_EVERY,
	    .off = OFF(file[RJ_DISPATCH]), .complete = "file" },
	{ .name = "complaints", .has_arg = 1, .subs = CLI_EVERY,
	    .off = OFF(file[RJ_COMPLAINTS]), .complete = "file" },
	{ .name = "callbacks", .has_arg = 1, .subs = CLI_EVERY,
	    .off = OFF(file[RJ_CALLBACKS]), .complete = "file" },
	{ .name = "date", .has_arg = 1, .subs = S_SHIFT, .off = OFF(date) },
	{ .name = "shift", .has_arg = 1, .subs = S_SHIFT, .off = OFF(shift),
	    .choices = shift_names },
	{ .name = "since", .has_arg = 1, .subs = S_SHIFT | S_KPI | S_PROVIDERS | S_AGENTS,
	    .off = OFF(since) },
	{ .name = "until", .has_arg = 1, .subs = S_SHIFT | S_KPI | S_PROVIDERS | S_AGENTS,
	    .off = OFF(until) },
	{ .name = "week", .has_arg = 1, .subs = S_WEEKLY, .off = OFF(week) },
	{ .name = "by", .has_arg = 1, .subs = S_KPI, .off = OFF(by), .choices = by_names },
	{ .name = "by-site", .subs = S_KPI, .off = OFF(by_site) },
	{ .name = "zone", .has_arg = 1, .subs = CLI_EVERY, .off = OFF(zone) },
	{ .name = NULL },
};

/* at_minute is the wall-clock minute of the day add_days after ymd: a shift starts at its clock time on DST days too. */
static rs_time
at_minute(int ymd, int add_days, int minute)
{
	int64_t y;
	int m, d;

	civil_from_days(days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100) + add_days,
	    &y, &m, &d);
	return time_from_local(y, m, d, minute / 60, minute % 60, 0);
}

/* shift_window gives the period of the day or night shift of date ymd and the end of the shift after it. */
static void
shift_window(const struct rules *ru, int ymd, int night, rs_time *from, rs_time *to,
    rs_time *next_to)
{
	if (!night) {
		*from = at_minute(ymd, 0, ru->shift_day_start);
		*to = at_minute(ymd, 0, ru->shift_day_end);
		*next_to = at_minute(ymd, ru->shift_night_end <= ru->shift_night_start,
		    ru->shift_night_end);
	} else {
		/* The night shift of D runs from D's evening into D + 1. */
		*from = at_minute(ymd, 0, ru->shift_night_start);
		*to = at_minute(ymd, ru->shift_night_end <= ru->shift_night_start,
		    ru->shift_night_end);
		*next_to = at_minute(time_local_date(*to), 0, ru->shift_day_end);
	}
}

/*
 * free_period reads --since/--until into [from, to) for a report that
 * takes a free period. Returns 0, -1 when neither is given, or an exit
 * code after printing why.
 */
static int
free_period(struct opts *o, struct rinputs *in, rs_time *from, rs_time *to)
{
	if ((o->since != NULL) != (o->until != NULL))
		return cli_usage("--since and --until go together");
	if (o->since == NULL)
		return -1;
	if (cli_time_option("--since", o->since, in->as_of, from) == -1 ||
	    cli_time_option("--until", o->until, in->as_of, to) == -1)
		return RS_EDATA;
	if (*to <= *from)
		return cli_usage("--until must be after --since");
	return 0;
}

static int
run_shift(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	rs_time from, to, next_to, f, t, n;
	char label[48];
	int ymd, night = 0, d, k, best = 0, rc;

	if (o->shift != NULL) {
		if (strcmp(o->shift, "night") == 0)
			night = 1;
		else if (strcmp(o->shift, "day") != 0)
			return cli_bad_value(RS_EUSAGE, "--shift", o->shift, shift_names);
	}
	if ((o->since != NULL) != (o->until != NULL))
		return cli_usage("--since and --until go together");
	if (o->since != NULL && (o->date != NULL || o->shift != NULL))
		return cli_usage("--since/--until or --date/--shift, not both");
	if ((rc = free_period(o, in, &from, &to)) > 0)
		return rc;
	if (rc == 0) {
		/* The next "shift" of a free period is one as long, right after it. */
		next_to = to + (to - from);
		snprintf(label, sizeof(label), "period");
	} else if (o->date != NULL) {
		if (cli_date_option("--date", o->date, &ymd) == -1)
			return RS_EDATA;
		shift_window(&in->rules, ymd, night, &from, &to, &next_to);
		if (to > time_range_end()) {
			cli_error("--date", "the night shift of %s ends after the supported range %s",
			    o->date, time_range_text());
			return RS_EDATA;
		}
	} else {
		/* The last shift (of the kind asked, if any) finished at --as-of. */
		from = to = next_to = RS_TIME_NONE;
		for (d = -2; d <= 0; d++)
			for (k = 0; k < 2; k++) {
				if (o->shift != NULL && k != night)
					continue;
				ymd = time_local_date(time_add_days(in->as_of, d));
				shift_window(&in->rules, ymd, k, &f, &t, &n);
				if (t <= in->as_of && (to == RS_TIME_NONE || t > to)) {
					from = f, to = t, next_to = n, best = k;
				}
			}
		night = best;
	}
	if (o->since == NULL) {
		ymd = time_local_date(from);
		snprintf(label, sizeof(label), "%04d-%02d-%02d %s", ymd / 10000,
		    ymd / 100 % 100, ymd % 100, night ? "night" : "day");
	}
	if (report_shift(in, from, to, next_to, label, rep, e) == -1)
		return cli_fail(e);
	return 0;
}

static int
run_weekly(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	int y, w, rc;

	if (o->week != NULL) {
		if ((rc = time_parse_week(o->week, &y, &w)) != 0) {
			if (rc == -2)
				cli_error("--week", "%s is outside the supported range %s", o->week,
				    time_range_text());
			else
				cli_error("--week", "bad week '%s' (want YYYY-Www, e.g. 2026-W47)", o->week);
			return RS_EDATA;
		}
	} else {
		/* The last finished ISO week: the one before the week holding --as-of. */
		time_iso_week(in->as_of, &y, &w);
		time_iso_week(time_add_days(time_week_start(y, w), -7), &y, &w);
	}
	if (report_weekly(in, y, w, rep, e) == -1)
		return cli_fail(e);
	return 0;
}

static int
run_kpi(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	enum kpi_by by = KPI_DAY;
	rs_time from, to = in->as_of;

	if (o->by != NULL) {
		if (strcmp(o->by, "week") == 0)
			by = KPI_WEEK;
		else if (strcmp(o->by, "month") == 0)
			by = KPI_MONTH;
		else if (strcmp(o->by, "day") != 0)
			return cli_bad_value(RS_EUSAGE, "--by", o->by, by_names);
	}
	/*
	 * SPEC 10: the last period holds --until's last instant, else
	 * --as-of; the first holds --since, else it is the 7th back. Both
	 * given: every period that overlaps [since, until).
	 */
	if (o->until != NULL) {
		if (cli_time_option("--until", o->until, in->as_of, &to) == -1)
			return RS_EDATA;
		to--;
	}
	if (o->since != NULL) {
		if (cli_time_option("--since", o->since, in->as_of, &from) == -1)
			return RS_EDATA;
		if (to < from && o->until != NULL)
			return cli_usage("--until must be after --since");
		if (to < from)
			return cli_usage("--since must not be after --as-of");
	} else
		from = kpi_period_back(to, by, KPI_DEFAULT_PERIODS - 1);
	if (report_kpi(o->sites, o->nsites, from, to, by, o->by_site, rep, e) == -1)
		return cli_fail(e);
	return 0;
}

static int
run_case(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	if (report_case(in, o->cli.args[0], rep, e) == -1)
		return cli_fail(e);
	return 0;
}

/* run_scorecard is providers and agents: [--since, --until), else the last finished ISO week. */
static int
run_scorecard(struct opts *o, struct rinputs *in, enum scorecard_kind kind,
    struct report **rep, struct rs_err *e)
{
	rs_time from, to;
	int y, w, rc;

	if ((rc = free_period(o, in, &from, &to)) > 0)
		return rc;
	if (rc == -1) {
		time_iso_week(in->as_of, &y, &w);
		to = time_week_start(y, w);
		from = time_add_days(to, -7);
	}
	if (report_scorecard(in, kind, from, to, rep, e) == -1)
		return cli_fail(e);
	return 0;
}

static int
run_providers(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	return run_scorecard(o, in, SC_PROVIDERS, rep, e);
}

static int
run_agents(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	return run_scorecard(o, in, SC_AGENTS, rep, e);
}

/* render prints rep as -f and --section say; returns the exit code. */
static int
render(const struct opts *o, const struct report *rep)
{
	char have[512] = "";
	size_t i;
	int f = (o->cli.g.no_header ? RF_NO_HEADER : 0) | (o->cli.g.raw ? RF_RAW : 0);

	switch (report_render(rep, stdout, o->format, o->section, f)) {
	case -1:
		for (i = 0; i < rep->n; i++)
			snprintf(have + strlen(have), sizeof(have) - strlen(have), "%s%s",
			    i ? ", " : "", rep->s[i]->name);
		return cli_usage("--section: no section '%s' in the %s report (have: %s)",
		    o->section, rep->name, have);
	case -2:
		break;	/* the stream's error: cli_exit says so */
	}
	return 0;
}

/* run_report checks the command line, reads the inputs with fn and prints the report. */
static int
run_report(struct opts *o, int (*fn)(struct opts *, struct rinputs *, struct report **,
    struct rs_err *))
{
	static const char *const fileopt[RJ_N] = { "--cases", "--dispatch", "--complaints",
	    "--callbacks" };
	struct rinputs in, *ins = NULL;
	struct report *rep = NULL;
	struct rs_err e;
	char *dir;
	int rc, i, j, stdin_used = 0, n = o->cli.g.ndirs;

	for (j = 0; j < RJ_N; j++)
		if (o->file[j] != NULL && strcmp(o->file[j], "-") == 0 && stdin_used++)
			return cli_usage("%s: only one input can be read from stdin", fileopt[j]);
	if (n > 1 && fn != run_kpi)
		return cli_usage("--dir: only kpi reads several sites as one network so far");
	for (j = 0; j < RJ_N; j++)
		if (n > 1 && o->file[j] != NULL)
			return cli_usage("%s: replaces the journal of one site, not of %d", fileopt[j], n);
	if (o->zone != NULL && time_use_zone(o->zone) == -1) {
		cli_error("--zone", "unknown zone '%s'", o->zone);
		return RS_EDATA;
	}
	memset(&in, 0, sizeof(in));
	if (cli_as_of(&o->cli.g, &in.as_of) == -1)
		return RS_EDATA;
	dir = journal_dir(o->cli.g.dir);
	if (o->file[RJ_CASES] == NULL && (rc = cli_read_dir(dir)) != 0) {
		free(dir);
		return rc;
	}
	in.dir = dir;
	for (j = 0; j < RJ_N; j++)
		in.file[j] = o->file[j];
	in.show_pii = o->show_pii;
	err_clear(&e);
	if (cpu_threads(&in.threads, &e) == -1 || rules_load(dir, &in.rules, &e) == -1) {
		free(dir);
		return cli_fail(&e);
	}
	/* The other sites: each read by its own rules (cli_sites checked the directories). */
	ins = xcalloc(n > 1 ? (size_t)n : 1, sizeof(*ins));
	ins[0] = in;
	for (i = 1; i < n; i++) {
		ins[i] = in;
		ins[i].dir = o->cli.g.dirs[i];
		if (rules_load(ins[i].dir, &ins[i].rules, &e) == -1) {
			free(ins);
			free(dir);
			return cli_fail(&e);
		}
	}
	o->sites = ins;
	o->nsites = n > 1 ? (size_t)n : 1;
	rc = fn(o, &in, &rep, &e);
	if (rc == 0 && rep != NULL)
		rc = render(o, rep);
	report_free(rep);
	free(ins);
	free(dir);
	return rc;
}

static int
cmd_shift(void *p)
{
	return run_report(p, run_shift);
}

static int
cmd_weekly(void *p)
{
	return run_report(p, run_weekly);
}

static int
cmd_kpi(void *p)
{
	return run_report(p, run_kpi);
}

static int
cmd_case(void *p)
{
	return run_report(p, run_case);
}

static int
cmd_providers(void *p)
{
	return run_report(p, run_providers);
}

static int
cmd_agents(void *p)
{
	return run_report(p, run_agents);
}

static const struct cli_cmd cmds[] = {
	{ .name = "shift", .run = cmd_shift, .bit = S_SHIFT,
	    .summary = "the shift handover report", .help = help_shift, .operands = "" },
	{ .name = "weekly", .run = cmd_weekly, .bit = S_WEEKLY,
	    .summary = "the weekly complaint review", .help = help_weekly, .operands = "" },
	{ .name = "kpi", .run = cmd_kpi, .bit = S_KPI,
	    .summary = "the KPI table by day, week or month", .help = help_kpi,
	    .operands = "" },
	{ .name = "case", .run = cmd_case, .bit = S_CASE,
	    .summary = "one case's timeline across the journals", .help = help_case,
	    .operands = "CASE" },
	{ .name = "providers", .run = cmd_providers, .bit = S_PROVIDERS,
	    .summary = "the providers' scorecard", .help = help_providers, .operands = "" },
	{ .name = "agents", .run = cmd_agents, .bit = S_AGENTS,
	    .summary = "the agents' scorecard", .help = help_agents, .operands = "" },
	{ .name = NULL },
};

static const struct cli_tool tool = {
	.cmds = cmds,
	.opts = options,
	.globals = CLI_G_DIR | CLI_G_FORMAT | CLI_G_NO_HEADER | CLI_G_RAW | CLI_G_AS_OF |
	    CLI_G_DIRS,
	.help = help_main,
	.size = sizeof(struct opts),
};

int
main(int argc, char **argv)
{
	struct opts o;

	cli_init("rs-report");
	return cli_exit(cli_run(&tool, argc, argv, &o));
}
