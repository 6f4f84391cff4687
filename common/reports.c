/*
 * reports.c - what the reports share: reading one journal or the file
 * that replaces it, masking, counts by name, nearest-rank percentiles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cases.h"
#include "err.h"
#include "journal.h"
#include "report.h"
#include "reports.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

static const struct schema *const journals[RJ_N] = {
	&schema_cases, &schema_dispatch, &schema_complaints, &schema_callbacks
};

const struct schema *
rin_schema(int j)
{
	return journals[j];
}

int
rin_scan(const struct rinputs *in, int j, rs_time since,
    void (*fn)(const struct row *r, void *arg), void *arg, struct rs_err *e)
{
	struct jreader *jr;
	rs_time lo = RS_TIME_NONE;
	int rc;

	if (in->file[j] != NULL)
		/* A given file may be any export, in any order: read it whole. */
		jr = jreader_open_file(in->file[j], journals[j], 0, e);
	else {
		jr = jreader_open_journal(in->dir, journals[j], since, in->as_of, 0, e);
		/* Bisection may start a little early: the period decides, not the offset. */
		lo = since;
	}
	if (jr == NULL)
		return -1;
	rc = rin_scan_reader(in, jr, lo, fn, arg, e);
	jreader_free(jr);
	return rc;
}

struct first {
	rs_time at;
	int whole;	/* a given file: any order, so read it all for the earliest */
};

static void
on_first(const struct row *r, void *arg)
{
	struct first *f = arg;
	rs_time at = jrow_at(r);

	if (at != RS_TIME_NONE && (f->at == RS_TIME_NONE || at < f->at))
		f->at = at;
}

int
rin_first(const struct rinputs *in, int j, rs_time *first, struct rs_err *e)
{
	struct first f = { RS_TIME_NONE, in->file[j] != NULL };
	struct jreader *jr;
	struct row r;
	rs_time ts;
	int rc;

	if (f.whole) {
		rc = rin_scan(in, j, RS_TIME_NONE, on_first, &f, e);
		*first = f.at;
		return rc;
	}
	/* A journal is appended in time order, archives first: its first good row is the earliest. */
	if ((jr = jreader_open_journal(in->dir, journals[j], RS_TIME_NONE, in->as_of, 0,
	    e)) == NULL)
		return -1;
	while ((rc = jreader_next(jr, &r, e)) == 1) {
		if ((ts = jreader_ts(jr)) == RS_TIME_NONE &&
		    time_parse_ts(r.v[0], r.len[0], &ts) == -1)
			continue;
		if (ts > in->as_of)
			break;
		on_first(&r, &f);
		if (f.at != RS_TIME_NONE)
			break;
	}
	jreader_free(jr);
	*first = f.at;
	return rc == -1 ? -1 : 0;
}

int
rin_scan_reader(const struct rinputs *in, struct jreader *jr, rs_time lo,
    void (*fn)(const struct row *r, void *arg), void *arg, struct rs_err *e)
{
	struct row r;
	rs_time ts;
	int rc;

	while ((rc = jreader_next(jr, &r, e)) == 1) {
		/* The journals as they stood at --as-of: later rows do not exist yet. */
		if ((ts = jreader_ts(jr)) == RS_TIME_NONE &&
		    time_parse_ts(r.v[0], r.len[0], &ts) == -1)
			continue;
		if (ts > in->as_of ||
		    (lo != RS_TIME_NONE && ts < lo))
			continue;
		fn(&r, arg);
	}
	return rc == 0 ? 0 : -1;
}

const char *
rin_phone(const struct rinputs *in, const char *v, char *out, size_t outsz)
{
	if (in->show_pii || *v == '\0')
		return v;
	return pii_phone(v, out, outsz);
}

const char *
rin_name(const struct rinputs *in, const char *v, char *out, size_t outsz)
{
	if (in->show_pii || *v == '\0')
		return v;
	return pii_name(v, out, outsz);
}

rs_time
case_call_at(const struct cases *cs, long i)
{
	return case_time(cs, i, CASES_CALL_AT);
}

void
tally_add(struct tally *t, const char *name, long long k)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->name[i], name) == 0) {
			t->count[i] += k;
			return;
		}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->name = xrealloc(t->name, t->cap * sizeof(*t->name));
		t->count = xrealloc(t->count, t->cap * sizeof(*t->count));
	}
	t->name[t->n] = xstrdup(name);
	t->count[t->n++] = k;
}

void
tally_section(struct report *r, struct rsection *s, struct tally *t, int sorted)
{
	size_t i, j, *ord = xcalloc(t->n + 1, sizeof(size_t)), x;

	for (i = 0; i < t->n; i++)
		ord[i] = i;
	/* Insertion sort: a handful of names, and a stable, total order. */
	for (i = 1; sorted && i < t->n; i++)
		for (j = i; j > 0; j--) {
			size_t a = ord[j - 1], b = ord[j];

			if (t->count[a] > t->count[b] || (t->count[a] == t->count[b] &&
			    strcmp(t->name[a], t->name[b]) <= 0))
				break;
			x = ord[j - 1], ord[j - 1] = ord[j], ord[j] = x;
		}
	for (i = 0; i < t->n; i++) {
		rsec_row(s);
		rsec_set(r, s, 0, t->name[ord[i]]);
		rsec_int(r, s, 1, t->count[ord[i]]);
	}
	free(ord);
}

void
tally_free(struct tally *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->name[i]);
	free(t->name);
	free(t->count);
	memset(t, 0, sizeof(*t));
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

int64_t
nearest_rank(int64_t *v, size_t n, int p)
{
	size_t rank;

	qsort(v, n, sizeof(*v), cmp_i64);
	/* The smallest value with at least p % of the values at or below it. */
	rank = ((size_t)p * n + 99) / 100;
	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

rs_time
kpi_period_start(rs_time t, enum kpi_by by)
{
	int64_t y;
	int mo, wy, wn;

	switch (by) {
	case KPI_WEEK:
		time_iso_week(t, &wy, &wn);
		return time_week_start(wy, wn);
	case KPI_MONTH:
		time_local_fields(t, &y, &mo, NULL, NULL, NULL, NULL);
		return time_month_start(y, mo);
	default:
		return time_day_start(t);
	}
}

rs_time
kpi_period_next(rs_time t, enum kpi_by by)
{
	int64_t y;
	int mo;

	switch (by) {
	case KPI_WEEK:
		return time_add_days(t, 7);
	case KPI_MONTH:
		time_local_fields(t, &y, &mo, NULL, NULL, NULL, NULL);
		return time_month_start(y, mo + 1);
	default:
		return time_add_days(t, 1);
	}
}

rs_time
kpi_period_back(rs_time t, enum kpi_by by, int n)
{
	rs_time p = kpi_period_start(t, by);

	/* Step back through the previous periods' starts: days of 23 or 25 hours count as one. */
	while (n-- > 0)
		p = kpi_period_start(p - 1, by);
	return p;
}

void
kpi_period_label(rs_time t, enum kpi_by by, char *buf, size_t n)
{
	int64_t y;
	int mo, d, wy, wn;

	time_local_fields(t, &y, &mo, &d, NULL, NULL, NULL);
	if (by == KPI_WEEK) {
		time_iso_week(t, &wy, &wn);
		snprintf(buf, n, "%04d-W%02d", wy, wn);
	} else if (by == KPI_MONTH)
		snprintf(buf, n, "%04lld-%02d", (long long)y, mo);
	else
		snprintf(buf, n, "%04lld-%02d-%02d", (long long)y, mo, d);
}
