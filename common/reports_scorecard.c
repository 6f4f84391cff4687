/*
 * reports_scorecard.c - the provider and agent scorecards (SPEC 6
 * rs-report providers and agents, SPEC 10): over the period's cases (by
 * their opened at) and the period's complaints and service callbacks (by
 * their own at), for the monthly assessment of providers and agents.
 *
 * A complaint or callback of the period may be on a case of an earlier
 * period: its case is read too (from its case_since), for the provider
 * and the agent it counts against, but only the period's cases are jobs.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "kindex.h"
#include "providers.h"
#include "report.h"
#include "reports.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"

/* What a scorecard needs of one case. */
struct sc_case {
	rs_time opened_at, call_at, scheduled_at;
	signed char road;	/* CASES_ROAD enum index of the last non-empty road, -1 none */
	const char *agent;	/* of the opened row, in the arena; NULL before it */
};

/* A service callback of the period. */
struct sc_callback {
	uint64_t case_key;
	int reached, ok, nps;	/* nps -1: none */
};

struct scorecard {
	const struct rinputs *in;
	rs_time from, to;
	struct complaint_set cps;
	struct sc_callback *cb;
	size_t ncb;
	struct idmap want;	/* cases of the period's complaints and callbacks */
	struct kindex ix;
	struct sc_case *c;
	struct arena a;
	struct dispatch_set ds;
};

/* One row being added up: a provider or an agent. */
struct sc_row {
	const char *id;
	long long jobs, completed, cancelled, met[SLA_NSTEPS], missed[SLA_NSTEPS];
	int64_t *arrive;	/* arrival minutes (seconds) of the steps that happened */
	size_t narrive;
	long long complaints, responsible, comp_cents;
	long long reached, ok, nps_n, nps_pro, nps_det;
};

struct sc_rows {
	struct sc_row *r;
	size_t n, cap;
};

static int
in_period(const struct scorecard *sc, rs_time t)
{
	return t != RS_TIME_NONE && t >= sc->from && t < sc->to;
}

static void
on_complaint(const struct row *r, void *arg)
{
	struct scorecard *sc = arg;

	(void)cp_set_add(&sc->cps, r);
}

static void
on_callback(const struct row *r, void *arg)
{
	struct scorecard *sc = arg;
	struct sc_callback *b;
	uint64_t key;

	if (strcmp(r->v[CALLBACKS_KIND], "service") != 0 || !in_period(sc, jrow_at(r)) ||
	    jrow_case_key(r, CALLBACKS_CASE_ID, &key) == -1)
		return;
	sc->cb = xrealloc(sc->cb, (sc->ncb + 1) * sizeof(*sc->cb));
	b = &sc->cb[sc->ncb++];
	b->case_key = key;
	b->reached = strcmp(r->v[CALLBACKS_RESULT], "reached") == 0;
	b->ok = b->reached && r->len[CALLBACKS_OVERALL] > 0 && atoi(r->v[CALLBACKS_OVERALL]) >= 4;
	b->nps = r->len[CALLBACKS_NPS] > 0 ? atoi(r->v[CALLBACKS_NPS]) : -1;
}

static void
on_case(const struct row *r, void *arg)
{
	struct scorecard *sc = arg;
	struct sc_case *c;
	uint64_t key;
	size_t dummy;
	long i;
	int road, grown, opened;

	if (jrow_case_key(r, CASES_CASE_ID, &key) == -1)
		return;
	opened = strcmp(r->v[CASES_EVENT], "opened") == 0;
	if ((i = kindex_get(&sc->ix, key)) == -1) {
		/* Only the period's cases and those its complaints and callbacks name. */
		if (!(opened && in_period(sc, jrow_at(r))) && !idmap_get(&sc->want, key, &dummy))
			return;
		i = (long)kindex_add(&sc->ix, key, &grown);
		if (grown)
			sc->c = xrealloc(sc->c, sc->ix.cap * sizeof(*sc->c));
		c = &sc->c[i];
		c->opened_at = c->call_at = c->scheduled_at = RS_TIME_NONE;
		c->road = -1;
		c->agent = NULL;
	}
	c = &sc->c[i];
	/* As cases_add: the first opened row counts; other values: the last non-empty. */
	if (opened && c->opened_at == RS_TIME_NONE) {
		c->opened_at = jrow_at(r);
		c->agent = arena_strndup(&sc->a, r->v[CASES_AGENT], r->len[CASES_AGENT]);
	}
	if (r->len[CASES_CALL_AT] > 0 &&
	    time_parse_ts(r->v[CASES_CALL_AT], r->len[CASES_CALL_AT], &c->call_at) == -1)
		c->call_at = RS_TIME_NONE;
	/* A booking's arrival clock runs from its scheduled time (SPEC 9). */
	if (r->len[CASES_SCHEDULED_AT] > 0 && time_parse_ts(r->v[CASES_SCHEDULED_AT],
	    r->len[CASES_SCHEDULED_AT], &c->scheduled_at) == -1)
		c->scheduled_at = RS_TIME_NONE;
	if (r->len[CASES_ROAD] > 0 && (road = schema_enum_index(&schema_cases.cols[CASES_ROAD],
	    r->v[CASES_ROAD], r->len[CASES_ROAD])) >= 0)
		c->road = (signed char)road;
}

static void
on_dispatch(const struct row *r, void *arg)
{
	struct scorecard *sc = arg;
	uint64_t key;

	if (jrow_case_key(r, DISPATCH_CASE_ID, &key) == 0 && kindex_get(&sc->ix, key) != -1)
		(void)dispatch_set_add(&sc->ds, r);
}

/* want_case adds case key to the cases to read, moving *since back to its first row. */
static void
want_case(struct scorecard *sc, uint64_t key, rs_time *since)
{
	if (key == 0)
		return;
	idmap_put(&sc->want, key, 1);
	if (case_since(key) < *since)
		*since = case_since(key);
}

static int
load(struct scorecard *sc, struct rs_err *e)
{
	rs_time since = sc->from - SCHEMA_AT_AHEAD_S;
	size_t i;

	/* Every row of a complaint opened in the period has ts >= its at - 5 min. */
	if (rin_scan(sc->in, RJ_COMPLAINTS, since, on_complaint, sc, e) == -1 ||
	    rin_scan(sc->in, RJ_CALLBACKS, since, on_callback, sc, e) == -1)
		return -1;
	for (i = 0; i < sc->cps.f.n; i++)
		if (in_period(sc, sc->cps.c[i].opened_at))
			want_case(sc, sc->cps.c[i].case_key, &since);
	for (i = 0; i < sc->ncb; i++)
		want_case(sc, sc->cb[i].case_key, &since);
	if (rin_scan(sc->in, RJ_CASES, since, on_case, sc, e) == -1)
		return -1;
	return rin_scan(sc->in, RJ_DISPATCH, since, on_dispatch, sc, e);
}

/* row_of returns the row for id in rows, added when new. */
static struct sc_row *
row_of(struct sc_rows *rows, const char *id)
{
	size_t i;

	for (i = 0; i < rows->n; i++)
		if (strcmp(rows->r[i].id, id) == 0)
			return &rows->r[i];
	if (rows->n == rows->cap) {
		rows->cap = rows->cap ? rows->cap * 2 : 16;
		rows->r = xrealloc(rows->r, rows->cap * sizeof(*rows->r));
	}
	memset(&rows->r[rows->n], 0, sizeof(rows->r[0]));
	rows->r[rows->n].id = id;
	return &rows->r[rows->n++];
}

static void
rows_free(struct sc_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->n; i++)
		free(rows->r[i].arrive);
	free(rows->r);
}

/* provider_of returns case key's last assigned provider, "" when none. */
static const char *
provider_of(const struct scorecard *sc, uint64_t key)
{
	const struct dtimeline *t = dispatch_get(&sc->ds, key);

	return t != NULL ? t->provider : "";
}

/* agent_of returns the agent who opened case key, "unknown" when unset or not read. */
static const char *
agent_of(struct scorecard *sc, uint64_t key)
{
	long i = kindex_get(&sc->ix, key);

	if (i == -1 || sc->c[i].agent == NULL || sc->c[i].agent[0] == '\0')
		return "unknown";
	return sc->c[i].agent;
}

/* complaint_provider is the complaint's provider, else its case's last assigned one (SPEC 6 list). */
static const char *
complaint_provider(const struct scorecard *sc, const struct complaint *c)
{
	const char *v = cp_value(&sc->cps, c, COMPLAINTS_PROVIDER);

	return *v ? v : provider_of(sc, c->case_key);
}

/* add_case counts period case i in row w: the job, its SLA steps, its arrival minutes. */
static void
add_case(struct scorecard *sc, size_t i, struct sc_row *w, size_t ncases)
{
	const struct sc_case *c = &sc->c[i];
	const struct dtimeline *t = dispatch_get(&sc->ds, sc->ix.keys[i]);
	struct sla_result res[SLA_NSTEPS];
	struct sla_case sa;
	int st;

	sa.opened_at = c->opened_at;
	sa.call_at = c->call_at;
	sa.scheduled_at = c->scheduled_at;
	sa.road = c->road >= 0 ? schema_cases.cols[CASES_ROAD].enums[(int)c->road] : "";
	sla_steps(&sa, t != NULL ? &t->steps : NULL, &sc->in->rules, sc->in->as_of, res);
	w->jobs++;
	if (t != NULL) {
		w->completed += t->state == DS_COMPLETED;
		w->cancelled += t->state == DS_CANCELLED;
	}
	for (st = 0; st < SLA_NSTEPS; st++) {
		w->met[st] += res[st].status == SLA_MET;
		w->missed[st] += res[st].status == SLA_MISSED;
	}
	/* The median is over the arrivals that happened (SPEC 10), excluded ones left out. */
	if (res[SLA_ARRIVE].status != SLA_EXCLUDED && res[SLA_ARRIVE].done != RS_TIME_NONE) {
		if (w->arrive == NULL)
			w->arrive = xcalloc(ncases + 1, sizeof(*w->arrive));
		w->arrive[w->narrive++] = res[SLA_ARRIVE].secs;
	}
}

static void
add_complaint(const struct scorecard *sc, const struct complaint *c, struct sc_row *w,
    const char *party)
{
	w->complaints++;
	w->responsible += strcmp(cp_value(&sc->cps, c, COMPLAINTS_RESPONSIBLE), party) == 0;
	w->comp_cents += c->comp_cents;
}

static void
add_callback(const struct sc_callback *b, struct sc_row *w)
{
	w->reached += b->reached;
	w->ok += b->ok;
	if (b->nps >= 0) {
		w->nps_n++;
		w->nps_pro += b->nps >= 9;
		w->nps_det += b->nps <= 6;
	}
}

/* cmp_rows orders by jobs (cases) descending, then id by bytes. */
static int
cmp_rows(const void *a, const void *b)
{
	const struct sc_row *x = a, *y = b;

	if (x->jobs != y->jobs)
		return x->jobs > y->jobs ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void
set_nps(struct report *r, struct rsection *s, int col, const struct sc_row *w)
{
	if (w->nps_n > 0)
		rsec_int(r, s, col, round_div(100 * (w->nps_pro - w->nps_det), w->nps_n));
}

static void
fill_providers(struct scorecard *sc, struct report *r)
{
	static const char *const cols[] = { "provider_id", "name", "jobs", "completed",
	    "cancelled", "arrive_met", "arrive_missed", "arrive_pct", "arrive_median_min",
	    "complaints", "per_1000_jobs", "responsible_complaints", "compensation",
	    "csat_pct", "nps" };
	static const enum rtype types[] = { RT_ID, RT_TEXT, RT_INT, RT_INT, RT_INT, RT_INT,
	    RT_INT, RT_PCT, RT_MIN, RT_INT, RT_NUM, RT_INT, RT_NUM, RT_PCT, RT_INT };
	struct sc_rows rows = { NULL, 0, 0 };
	struct roster ros;
	struct rs_err e;
	struct rsection *s;
	const struct provider *p;
	const char *id;
	char money[32];
	size_t i;

	for (i = 0; i < sc->ix.n; i++)
		if (in_period(sc, sc->c[i].opened_at) && *(id = provider_of(sc, sc->ix.keys[i])))
			add_case(sc, i, row_of(&rows, id), sc->ix.n);
	for (i = 0; i < sc->cps.f.n; i++) {
		const struct complaint *c = &sc->cps.c[i];

		if (c->state != CP_NONE && in_period(sc, c->opened_at) &&
		    *(id = complaint_provider(sc, c)))
			add_complaint(sc, c, row_of(&rows, id), "provider");
	}
	/* CSAT and NPS of the providers that have a row: over their jobs' callbacks. */
	for (i = 0; i < sc->ncb; i++) {
		id = provider_of(sc, sc->cb[i].case_key);
		if (*id) {
			size_t k, n = rows.n;

			for (k = 0; k < n && strcmp(rows.r[k].id, id) != 0; k++)
				;
			if (k < n)
				add_callback(&sc->cb[i], &rows.r[k]);
		}
	}
	if (rows.n > 1)	/* rows.r is NULL when there are none */
		qsort(rows.r, rows.n, sizeof(*rows.r), cmp_rows);
	memset(&ros, 0, sizeof(ros));
	err_clear(&e);
	/* Names are a courtesy: a roster that cannot be read leaves them empty. */
	if (sc->in->dir == NULL || roster_load(sc->in->dir, &ros, &e) == -1)
		memset(&ros, 0, sizeof(ros));
	s = report_section(r, "providers", N_("Provider scorecard"), RSH_ARRAY, 15, cols, types);
	s->chart = RCH_BAR, s->chart_col = 7, s->chart_worst_first = 1;
	s->note = report_strdup(r, _("a job = a case of the period whose last assigned "
	    "provider this is; complaints by the complaint's provider (else the case's); "
	    "compensation = their remedy items; CSAT and NPS over the jobs' service callbacks"));
	for (i = 0; i < rows.n; i++) {
		struct sc_row *w = &rows.r[i];

		rsec_row(s);
		rsec_set(r, s, 0, w->id);
		if ((p = roster_find(&ros, w->id)) != NULL)
			rsec_set(r, s, 1, p->name);
		rsec_int(r, s, 2, w->jobs);
		rsec_int(r, s, 3, w->completed);
		rsec_int(r, s, 4, w->cancelled);
		rsec_int(r, s, 5, w->met[SLA_ARRIVE]);
		rsec_int(r, s, 6, w->missed[SLA_ARRIVE]);
		rsec_ratio(r, s, 7, w->met[SLA_ARRIVE], w->met[SLA_ARRIVE] + w->missed[SLA_ARRIVE],
		    100);
		if (w->narrive > 0)
			rsec_minutes(r, s, 8, nearest_rank(w->arrive, w->narrive, 50));
		rsec_int(r, s, 9, w->complaints);
		rsec_ratio(r, s, 10, w->complaints, w->jobs, 1000);
		rsec_int(r, s, 11, w->responsible);
		rsec_set(r, s, 12, cp_money_format(w->comp_cents, money));
		rsec_ratio(r, s, 13, w->ok, w->reached, 100);
		set_nps(r, s, 14, w);
	}
	roster_free(&ros);
	rows_free(&rows);
}

static void
fill_agents(struct scorecard *sc, struct report *r)
{
	static const char *const cols[] = { "agent", "cases", "file_pct", "dispatch_pct",
	    "notify_pct", "complaints", "responsible_complaints", "csat_pct" };
	static const enum rtype types[] = { RT_TEXT, RT_INT, RT_PCT, RT_PCT, RT_PCT, RT_INT,
	    RT_INT, RT_PCT };
	struct sc_rows rows = { NULL, 0, 0 };
	struct rsection *s;
	struct sc_row *w;
	size_t i, k, n;
	const char *id;

	for (i = 0; i < sc->ix.n; i++)
		if (in_period(sc, sc->c[i].opened_at))
			add_case(sc, i, row_of(&rows, agent_of(sc, sc->ix.keys[i])), sc->ix.n);
	/* One row per agent who opened cases in the period (SPEC 6): the others are not added. */
	n = rows.n;
	for (i = 0; i < sc->cps.f.n; i++) {
		const struct complaint *c = &sc->cps.c[i];

		if (c->state == CP_NONE || !in_period(sc, c->opened_at))
			continue;
		id = agent_of(sc, c->case_key);
		for (k = 0; k < n && strcmp(rows.r[k].id, id) != 0; k++)
			;
		if (k < n)
			add_complaint(sc, c, &rows.r[k], "agent");
	}
	for (i = 0; i < sc->ncb; i++) {
		id = agent_of(sc, sc->cb[i].case_key);
		for (k = 0; k < n && strcmp(rows.r[k].id, id) != 0; k++)
			;
		if (k < n)
			add_callback(&sc->cb[i], &rows.r[k]);
	}
	if (rows.n > 1)	/* rows.r is NULL when there are none */
		qsort(rows.r, rows.n, sizeof(*rows.r), cmp_rows);
	s = report_section(r, "agents", N_("Agent scorecard"), RSH_ARRAY, 8, cols, types);
	s->chart = RCH_BAR, s->chart_col = 3, s->chart_worst_first = 1;
	s->note = report_strdup(r, _("by the agent who opened the case; desk SLA % = met / "
	    "(met + missed); complaints and CSAT of the agent's cases"));
	for (i = 0; i < rows.n; i++) {
		w = &rows.r[i];
		rsec_row(s);
		rsec_set(r, s, 0, w->id);
		rsec_int(r, s, 1, w->jobs);
		rsec_ratio(r, s, 2, w->met[SLA_FILE], w->met[SLA_FILE] + w->missed[SLA_FILE], 100);
		rsec_ratio(r, s, 3, w->met[SLA_DISPATCH],
		    w->met[SLA_DISPATCH] + w->missed[SLA_DISPATCH], 100);
		rsec_ratio(r, s, 4, w->met[SLA_NOTIFY], w->met[SLA_NOTIFY] + w->missed[SLA_NOTIFY],
		    100);
		rsec_int(r, s, 5, w->complaints);
		rsec_int(r, s, 6, w->responsible);
		rsec_ratio(r, s, 7, w->ok, w->reached, 100);
	}
	rows_free(&rows);
}

int
report_scorecard(const struct rinputs *in, enum scorecard_kind kind, rs_time from,
    rs_time to, struct report **out, struct rs_err *e)
{
	struct scorecard sc;
	struct report *r;
	char a[TIME_ISO_MAX], b[TIME_ISO_MAX], c[TIME_ISO_MAX];
	int rc = -1;

	memset(&sc, 0, sizeof(sc));
	sc.in = in;
	sc.from = from;
	sc.to = to;
	cp_set_init(&sc.cps);
	dispatch_set_init(&sc.ds);
	*out = NULL;
	if (load(&sc, e) == 0) {
		r = report_new(kind == SC_PROVIDERS ? "providers" : "agents",
		    kind == SC_PROVIDERS ? N_("Provider scorecard") : N_("Agent scorecard"));
		report_subtitle(r, "%s to %s, as of %s", time_format_minute(from, a),
		    time_format_minute(to, b), time_format_minute(in->as_of, c));
		if (kind == SC_PROVIDERS)
			fill_providers(&sc, r);
		else
			fill_agents(&sc, r);
		*out = r;
		rc = 0;
	}
	free(sc.cb);
	free(sc.c);
	kindex_free(&sc.ix);
	idmap_free(&sc.want);
	arena_free(&sc.a);
	dispatch_set_free(&sc.ds);
	cp_set_free(&sc.cps);
	return rc;
}
