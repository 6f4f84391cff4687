/*
 * rs-report - shift handover, weekly complaint review, KPI table and one
 * case's timeline (SPEC 6, 10). Options and periods here; the figures
 * are in common/reports_*.c, the formats in common/render*.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "i18n.h"
#include "journal.h"
#include "report.h"
#include "reports.h"
#include "rules.h"
#include "timefmt.h"

static const char usage_text[] =
N_("usage: rs-report shift [--date D [--shift day|night] | --since T --until T]\n"
"       rs-report weekly [--week YYYY-Www]\n"
"       rs-report kpi [--since T] [--until T] [--by day|week|month]\n"
"       rs-report case CASE\n"
"\n"
"Options:\n"
"  -d, --dir DIR        journal directory (default $RS_DIR, else $XDG_DATA_HOME/rs)\n"
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
"  zcat old/complaints.2026-09.tsv.gz | rs-report weekly --complaints - --week 2026-W38\n");

enum {
	OPT_SECTION = CLI_OPT_FIRST_FREE, OPT_SHOW_PII, OPT_CASES, OPT_DISPATCH,
	OPT_COMPLAINTS, OPT_CALLBACKS, OPT_DATE, OPT_SHIFT, OPT_SINCE, OPT_UNTIL,
	OPT_WEEK, OPT_BY
};

static const struct option long_options[] = {
	{ "dir", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'f' },
	{ "no-header", no_argument, NULL, 'H' },
	{ "raw", no_argument, NULL, CLI_OPT_RAW },
	{ "as-of", required_argument, NULL, CLI_OPT_AS_OF },
	{ "section", required_argument, NULL, OPT_SECTION },
	{ "show-pii", no_argument, NULL, OPT_SHOW_PII },
	{ "cases", required_argument, NULL, OPT_CASES },
	{ "dispatch", required_argument, NULL, OPT_DISPATCH },
	{ "complaints", required_argument, NULL, OPT_COMPLAINTS },
	{ "callbacks", required_argument, NULL, OPT_CALLBACKS },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "shift", required_argument, NULL, OPT_SHIFT },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "week", required_argument, NULL, OPT_WEEK },
	{ "by", required_argument, NULL, OPT_BY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct cli_global g;
	enum rformat format;
	const char *section, *date, *shift, *since, *until, *week, *by;
	const char *file[RJ_N];
	int show_pii;
	char *pos[4];
	int npos;
};

/* parse reads every option wherever it is; the words left are the command and its argument. */
static int
parse(int argc, char **argv, struct opts *o, int *done)
{
	int c, r;

	*done = 0;
	while ((c = getopt_long(argc, argv, ":d:f:HhV", long_options, NULL)) != -1) {
		if (c == 'f') {
			/* Reports have their own formats; the lists' "table" is "text" here. */
			if (rformat_parse(optarg, &o->format) == -1)
				return cli_usage("--format: unknown format '%s' (want text, md, "
				    "html, json, tsv or csv)", optarg);
			continue;
		}
		if ((r = cli_global_option(c, optarg, &o->g)) != 0) {
			if (r < 0)
				return RS_EUSAGE;
			continue;
		}
		switch (c) {
		case OPT_SECTION: o->section = optarg; break;
		case OPT_SHOW_PII: o->show_pii = 1; break;
		case OPT_CASES: o->file[RJ_CASES] = optarg; break;
		case OPT_DISPATCH: o->file[RJ_DISPATCH] = optarg; break;
		case OPT_COMPLAINTS: o->file[RJ_COMPLAINTS] = optarg; break;
		case OPT_CALLBACKS: o->file[RJ_CALLBACKS] = optarg; break;
		case OPT_DATE: o->date = optarg; break;
		case OPT_SHIFT: o->shift = optarg; break;
		case OPT_SINCE: o->since = optarg; break;
		case OPT_UNTIL: o->until = optarg; break;
		case OPT_WEEK: o->week = optarg; break;
		case OPT_BY: o->by = optarg; break;
		case 'h':
			fputs(_(usage_text), stdout);
			*done = 1;
			return 0;
		case 'V':
			*done = 1;
			return cli_version();
		default:
			return cli_bad_option(c, argv);
		}
	}
	for (; optind < argc; optind++) {
		if (o->npos == 4)
			return cli_usage("unexpected argument '%s'", argv[optind]);
		o->pos[o->npos++] = argv[optind];
	}
	return 0;
}

/* only_with rejects the options that belong to other commands. */
static int
only_with(const struct opts *o, const char *cmd)
{
	static const struct { const char *opt, *cmds; } own[] = {
		{ "--date", "shift" }, { "--shift", "shift" }, { "--since", "shift kpi" },
		{ "--until", "shift kpi" }, { "--week", "weekly" }, { "--by", "kpi" }
	};
	const char *set[6];
	int i;

	set[0] = o->date, set[1] = o->shift, set[2] = o->since;
	set[3] = o->until, set[4] = o->week, set[5] = o->by;
	for (i = 0; i < 6; i++)
		if (set[i] != NULL && strstr(own[i].cmds, cmd) == NULL)
			return cli_usage("%s: not an option of '%s'", own[i].opt, cmd);
	return 0;
}

static rs_time
at_minute(int ymd, int add_days, int minute)
{
	rs_time day = time_from_local(ymd / 10000, ymd / 100 % 100, ymd % 100, 0, 0, 0);

	day = time_add_days(day, add_days);
	return day + (rs_time)minute * 60;
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

static int
run_shift(struct opts *o, struct rinputs *in, struct report **rep, struct rs_err *e)
{
	rs_time from, to, next_to, f, t, n;
	char label[48];
	int ymd, night = 0, d, k, best = 0;

	if (o->shift != NULL) {
		if (strcmp(o->shift, "night") == 0)
			night = 1;
		else if (strcmp(o->shift, "day") != 0)
			return cli_usage("--shift: want day or night, not '%s'", o->shift);
	}
	if ((o->since != NULL) != (o->until != NULL))
		return cli_usage("--since and --until go together");
	if (o->since != NULL && (o->date != NULL || o->shift != NULL))
		return cli_usage("--since/--until or --date/--shift, not both");
	if (o->since != NULL) {
		if (cli_time_option("--since", o->since, in->as_of, &from) == -1 ||
		    cli_time_option("--until", o->until, in->as_of, &to) == -1)
			return RS_EUSAGE;
		if (to <= from)
			return cli_usage("--until must be after --since");
		/* The next "shift" of a free period is one as long, right after it. */
		next_to = to + (to - from);
		snprintf(label, sizeof(label), "period");
	} else if (o->date != NULL) {
		if (time_parse_date(o->date, strlen(o->date), &ymd) == -1)
			return cli_usage("--date: bad date '%s' (want YYYY-MM-DD)", o->date);
		shift_window(&in->rules, ymd, night, &from, &to, &next_to);
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
	int y, w;

	if (o->week != NULL) {
		if (time_parse_week(o->week, &y, &w) == -1)
			return cli_usage("--week: bad week '%s' (want YYYY-Www, e.g. 2026-W47)",
			    o->week);
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
	int64_t y;
	int mo;

	if (o->by != NULL) {
		if (strcmp(o->by, "week") == 0)
			by = KPI_WEEK;
		else if (strcmp(o->by, "month") == 0)
			by = KPI_MONTH;
		else if (strcmp(o->by, "day") != 0)
			return cli_usage("--by: want day, week or month, not '%s'", o->by);
	}
	if (o->until != NULL) {
		if (cli_time_option("--until", o->until, in->as_of, &to) == -1)
			return RS_EUSAGE;
		to--;	/* --until is exclusive: the last period holds the second before */
	}
	if (o->since != NULL) {
		if (cli_time_option("--since", o->since, in->as_of, &from) == -1)
			return RS_EUSAGE;
	} else if (by == KPI_DAY) {
		from = time_add_days(to, -6);
	} else if (by == KPI_WEEK) {
		from = time_add_days(to, -42);
	} else {
		time_local_fields(to, &y, &mo, NULL, NULL, NULL, NULL);
		from = time_month_start(y, mo - 6);
	}
	if (to < from)
		return cli_usage("--until must be after --since");
	if (report_kpi(in, from, to, by, rep, e) == -1)
		return cli_fail(e);
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *const fileopt[RJ_N] = { "--cases", "--dispatch", "--complaints",
	    "--callbacks" };
	struct opts o;
	struct rinputs in;
	struct report *rep = NULL;
	struct rs_err e;
	const char *cmd;
	char *dir = NULL;
	size_t i;
	int rc, done, j, stdin_used = 0;

	cli_init("rs-report");
	memset(&o, 0, sizeof(o));
	memset(&in, 0, sizeof(in));
	if ((rc = parse(argc, argv, &o, &done)) != 0 || done)
		return cli_exit(rc);
	if (o.npos == 0)
		return cli_usage("missing command (shift, weekly, kpi or case)");
	cmd = o.pos[0];
	if (strcmp(cmd, "shift") != 0 && strcmp(cmd, "weekly") != 0 &&
	    strcmp(cmd, "kpi") != 0 && strcmp(cmd, "case") != 0)
		return cli_usage("unknown command '%s'", cmd);
	if (strcmp(cmd, "case") == 0 ? o.npos != 2 : o.npos != 1)
		return strcmp(cmd, "case") == 0 && o.npos < 2 ?
		    cli_usage("case: missing CASE") :
		    cli_usage("unexpected argument '%s'", o.pos[o.npos - 1]);
	if (only_with(&o, cmd) != 0)
		return RS_EUSAGE;
	for (j = 0; j < RJ_N; j++)
		if (o.file[j] != NULL && strcmp(o.file[j], "-") == 0 && stdin_used++)
			return cli_usage("%s: only one input can be read from stdin", fileopt[j]);
	if (cli_as_of(&o.g, &in.as_of) == -1)
		return RS_EUSAGE;
	dir = journal_dir(o.g.dir);
	in.dir = dir;
	for (j = 0; j < RJ_N; j++)
		in.file[j] = o.file[j];
	in.show_pii = o.show_pii;
	err_clear(&e);
	if (rules_load(dir, &in.rules, &e) == -1) {
		free(dir);
		return cli_fail(&e);
	}
	if (strcmp(cmd, "shift") == 0)
		rc = run_shift(&o, &in, &rep, &e);
	else if (strcmp(cmd, "weekly") == 0)
		rc = run_weekly(&o, &in, &rep, &e);
	else if (strcmp(cmd, "kpi") == 0)
		rc = run_kpi(&o, &in, &rep, &e);
	else if (report_case(&in, o.pos[1], &rep, &e) == -1)
		rc = cli_fail(&e);
	if (rc == 0 && rep != NULL) {
		int f = (o.g.no_header ? RF_NO_HEADER : 0) | (o.g.raw ? RF_RAW : 0);

		switch (report_render(rep, stdout, o.format, o.section, f)) {
		case -1: {
			char have[512] = "";

			for (i = 0; i < rep->n; i++)
				snprintf(have + strlen(have), sizeof(have) - strlen(have), "%s%s",
				    i ? ", " : "", rep->s[i]->name);
			rc = cli_usage("--section: no section '%s' in the %s report (have: %s)",
			    o.section, rep->name, have);
			break;
		}
		case -2:
			break;	/* the stream's error: cli_exit says so */
		}
	}
	report_free(rep);
	free(dir);
	return cli_exit(rc);
}
