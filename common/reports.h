/*
 * reports.h - the reports of rs-report (SPEC 6, 10), each a function
 * that reads the journals it needs, only from where its period needs
 * them, folds them with the domain modules (cases, dispatch,
 * complaint, callback) and fills the sections of a struct report.
 */
#ifndef RS_REPORTS_H
#define RS_REPORTS_H

#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "timefmt.h"

struct report;
struct row;
struct rs_err;
struct rsection;
struct cases;

/* The four event journals a report reads. */
enum { RJ_CASES, RJ_DISPATCH, RJ_COMPLAINTS, RJ_CALLBACKS, RJ_N };

/* Where a report reads from and as of when. */
struct rinputs {
	const char *dir;		/* the journal directory */
	const char *file[RJ_N];		/* --cases FILE etc. ("-" = stdin), or NULL */
	rs_time as_of;			/* rows with ts after it are ignored */
	struct rules rules;
	int show_pii;
	int threads;			/* a scan's threads at most (cpu_threads); 0 counts as 1 */
};

/* rin_schema returns the schema of journal j (RJ_*). */
struct schema;
const struct schema *rin_schema(int j);

/*
 * How far back the shift handover looks for cases still open, and how
 * far back complaints are read for overdue ones and due callbacks: a
 * report over a recent period must not read years of history. Cases
 * older than that are found by rs-dispatch list.
 */
#define HANDOVER_LOOKBACK_D 7
#define COMPLAINT_LOOKBACK_D 92

/*
 * rin_scan calls fn(row, arg) for every good row of journal j with ts
 * <= as_of: from the replacing file if one was given (read whole), else
 * from the directory's journal, archives included, from ts >= since
 * (RS_TIME_NONE = all). Returns 0, or -1 with e set.
 */
int rin_scan(const struct rinputs *in, int j, rs_time since,
    void (*fn)(const struct row *r, void *arg), void *arg, struct rs_err *e);

/*
 * rin_first sets *first to the at of journal j's earliest row as it
 * stood at as_of (the first good row of the directory's journal, which
 * is written in time order; the earliest of a replacing file), or
 * RS_TIME_NONE when it has none: where the data starts. Returns 0, or
 * -1 with e set.
 */
int rin_first(const struct rinputs *in, int j, rs_time *first, struct rs_err *e);

/* rin_scan_reader is the loop of rin_scan over an open reader: fn for each good row with lo <= ts <= as_of (lo RS_TIME_NONE: no lower bound). */
struct jreader;
int rin_scan_reader(const struct rinputs *in, struct jreader *jr, rs_time lo,
    void (*fn)(const struct row *r, void *arg), void *arg, struct rs_err *e);

/* rin_phone and rin_name write a customer's phone or name, masked unless show_pii; return out. */
const char *rin_phone(const struct rinputs *in, const char *v, char *out, size_t outsz);
const char *rin_name(const struct rinputs *in, const char *v, char *out, size_t outsz);

/* case_call_at returns case i's call_at, RS_TIME_NONE when empty. */
rs_time case_call_at(const struct cases *cs, long i);

/* A count per name, for the by_* sections. */
struct tally {
	char **name;
	long long *count;
	size_t n, cap;
};

/* tally_add adds k to name's count (name copied). */
void tally_add(struct tally *t, const char *name, long long k);

/* tally_section fills a name -> count section from t: by count descending, then name; sorted = 0 keeps insertion order. */
void tally_section(struct report *r, struct rsection *s, struct tally *t, int sorted);

/* tally_free releases t. */
void tally_free(struct tally *t);

/* nearest_rank returns the p-th percentile (0 < p <= 100) of v[0..n) by nearest rank (sorts v); n > 0. */
int64_t nearest_rank(int64_t *v, size_t n, int p);

/* The reports. Each returns 0 and sets *out (free with report_free), or -1 with e set. */
int report_shift(const struct rinputs *in, rs_time from, rs_time to, rs_time next_to,
    const char *label, struct report **out, struct rs_err *e);
int report_weekly(const struct rinputs *in, int year, int week, struct report **out,
    struct rs_err *e);

enum kpi_by { KPI_DAY, KPI_WEEK, KPI_MONTH };

/* kpi_period_start returns the start of the day, ISO week or month (local time) holding t. */
rs_time kpi_period_start(rs_time t, enum kpi_by by);

/* kpi_period_next returns the start of the period after the one starting at t. */
rs_time kpi_period_next(rs_time t, enum kpi_by by);

/* How many periods kpi shows when --since is not given (SPEC 10). */
#define KPI_DEFAULT_PERIODS 7

/* kpi_period_back returns the start of the period n periods before the one holding t (n = 0: its own start). */
rs_time kpi_period_back(rs_time t, enum kpi_by by, int n);

/* kpi_period_label writes the name of the period starting at t ("2026-11-22", "2026-W47", "2026-11") into buf. */
void kpi_period_label(rs_time t, enum kpi_by by, char *buf, size_t n);

/*
 * report_kpi covers the periods of kind by from the one holding from to
 * the one holding to (inclusive), over the nin sites in[] read as one
 * network (SPEC 12: each measured by its own rules, the periods in the
 * process's zone): their sums, or with by_site one row per period and
 * site (ordered by site code) with a site column first.
 */
int report_kpi(const struct rinputs *in, size_t nin, rs_time from, rs_time to,
    enum kpi_by by, int by_site, struct report **out, struct rs_err *e);
int report_case(const struct rinputs *in, const char *id, struct report **out,
    struct rs_err *e);

enum scorecard_kind { SC_PROVIDERS, SC_AGENTS };

/* report_scorecard fills the provider or agent scorecard of [from, to) (reports_scorecard.c). */
int report_scorecard(const struct rinputs *in, enum scorecard_kind kind, rs_time from,
    rs_time to, struct report **out, struct rs_err *e);

#endif
