/* dispatch_list.c - suggest and list of rs-dispatch; see dispatch_list.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cases.h"
#include "dispatch_list.h"
#include "dispatch_write.h"
#include "err.h"
#include "i18n.h"
#include "rules.h"
#include "schema_tables.h"

/* The providers busy with another case, for suggest. */
struct busyset {
	const char **ids;
	size_t n;
};

static int
is_busy(const struct provider *p, void *arg)
{
	const struct busyset *b = arg;
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->ids[i], p->id) == 0)
			return 1;
	return 0;
}

int
dispatch_suggest(const char *dir, const char *id, int include_busy, struct dsuggest *s,
    struct rs_err *e)
{
	struct cases cs;
	struct dispatch_set ds;
	struct busyset busy = { NULL, 0 };
	struct need nd;
	const char *cv[CASES_NCOLS];
	size_t i;
	long ix;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	cases_init(&cs);
	dispatch_set_init(&ds);
	if ((ix = case_find(dir, id, RS_TIME_NONE, &cs, e)) == -1)
		goto out;
	case_values(&cs, ix, cv);
	memset(&nd, 0, sizeof(nd));
	if (case_position(cv, &nd.lat, &nd.lon) == -1) {
		err_set(e, RS_EDATA, id, "the case has no position; add it with "
		    "'rs-intake amend %s --lat DEG --lon DEG'", id);
		goto out;
	}
	nd.service = cv[CASES_SERVICE];
	nd.road = cv[CASES_ROAD];
	nd.ev = case_ev_electrical(cv);
	nd.highway = strcmp(cv[CASES_ROAD], "highway") == 0;
	if (roster_load(dir, &s->ro, e) == -1)
		goto out;
	if (s->ro.n == 0) {
		err_set(e, RS_EDATA, NULL, "no providers: %s/providers.tsv is missing or empty",
		    dir);
		goto out;
	}
	/*
	 * Busy is about every case still on the road, however old, so the
	 * whole dispatch journal is read.
	 */
	if (dispatch_load(dir, RS_TIME_NONE, RS_TIME_NONE, &ds, e) == -1)
		goto out;
	busy.ids = xcalloc(ds.n ? ds.n : 1, sizeof(*busy.ids));
	for (i = 0; i < ds.n; i++) {
		const struct dtimeline *t = &ds.items[i];

		if (t->key != cs.f.items[ix].key && t->provider[0] != '\0' &&
		    (t->state == DS_ASSIGNED || t->state == DS_ENROUTE ||
		    t->state == DS_ARRIVED))
			busy.ids[busy.n++] = t->provider;
	}
	s->n = providers_rank(&s->ro, &nd, include_busy, is_busy, &busy, &s->c);
	dispatch_say_job(id, cv);
	if (s->n == 0)
		err_warn(id, "no provider fits (active, offers %s%s%s%s)", nd.service,
		    nd.ev ? _(", EV-capable") : "", nd.highway ? _(", highway-capable") : "",
		    include_busy ? "" : _(", not busy"));
	rc = 0;
out:
	free(busy.ids);
	dispatch_set_free(&ds);
	cases_free(&cs);
	return rc;
}

void
dispatch_say_job(const char *id, const char *const *v)
{
	const char *dest = v[CASES_DESTINATION], *lat = v[CASES_DEST_LAT],
	    *lon = v[CASES_DEST_LON], *sched = v[CASES_SCHEDULED_AT];

	if (sched != NULL && *sched != '\0')
		err_warn(id, "booked for %s", sched);
	if (dest != NULL && *dest != '\0' && lat != NULL && *lat != '\0' && lon != NULL &&
	    *lon != '\0')
		err_warn(id, "destination: %s (%s, %s)", dest, lat, lon);
	else if (dest != NULL && *dest != '\0')
		err_warn(id, "destination: %s", dest);
	else if (lat != NULL && *lat != '\0' && lon != NULL && *lon != '\0')
		err_warn(id, "destination: %s, %s", lat, lon);
}

void
dsuggest_free(struct dsuggest *s)
{
	free(s->c);
	roster_free(&s->ro);
}

const char *const dlist_names[DLIST_NCOLS] = { "case_id", "state", "priority", "road",
    "provider", "opened_at", "age_min", "next", "due_at", "overdue" };
const enum coltype dlist_types[DLIST_NCOLS] = { COL_ID, COL_ENUM, COL_INT, COL_ENUM,
    COL_ID, COL_TS, COL_MINUTES, COL_ENUM, COL_TS, COL_YN };

int
dlist_row(const struct cases *cs, size_t i, const struct dispatch_set *ds,
    const struct rules *ru, const struct dlist_filter *f, struct dlist_row *row)
{
	struct sla_result steps[SLA_NSTEPS];
	struct sla_case sc;
	const struct dtimeline *t;
	long ix = (long)i;
	enum dstate st;
	int64_t mins;
	int next;

	if (cs->opened_at[i] == RS_TIME_NONE)
		return 0;
	t = dispatch_get(ds, cs->f.items[i].key);
	st = t != NULL ? t->state : DS_OPEN;
	if (dstate_final(st) && !f->all)
		return 0;
	if (f->provider != NULL && (t == NULL || strcmp(t->provider, f->provider) != 0))
		return 0;
	case_sla_facts(cs, ix, &sc);
	sla_steps(&sc, t != NULL ? &t->steps : NULL, ru, f->as_of, steps);
	next = sla_next(steps, t);
	if (f->overdue && (next == -1 || !(steps[next].due < f->as_of)))
		return 0;
	if (f->due_within >= 0 && (next == -1 || steps[next].due > f->as_of + f->due_within))
		return 0;
	row->due_t = next != -1 ? steps[next].due : RS_TIME_NONE;
	mins = (f->as_of - cs->opened_at[i]) / 60;
	snprintf(row->age, sizeof(row->age), "%lld", (long long)(mins > 0 ? mins : 0));
	row->v[0] = case_value(cs, ix, CASES_CASE_ID);
	row->v[1] = dstate_name(st);
	row->v[2] = case_value(cs, ix, CASES_PRIORITY);
	row->v[3] = sc.road;
	row->v[4] = t != NULL ? t->provider : "";
	row->v[5] = time_format_iso(cs->opened_at[i], row->opened);
	row->v[6] = row->age;
	row->v[7] = next != -1 ? sla_step_name((enum sla_step)next) : "";
	row->v[8] = next != -1 ? time_format_iso(steps[next].due, row->due) : "";
	row->v[9] = next != -1 && steps[next].due < f->as_of ? "y" : "n";
	return 1;
}

static const char *const dlist_table[] = { "case_id", "state", "priority", "provider",
    "next", "due_at", NULL };

const struct lview_def dlist_view = { DLIST_NCOLS, dlist_names, dlist_types, dlist_table, 9 };

/* What urgency order compares of a listed case. */
struct dlist_key {
	size_t ix;
	int nothing_due;
	rs_time when;		/* the deadline, or the opening when nothing is due */
	uint64_t key;
};

static int
dlist_cmp(const void *a, const void *b)
{
	const struct dlist_key *x = a, *y = b;

	if (x->nothing_due != y->nothing_due)
		return x->nothing_due - y->nothing_due;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

size_t
dlist_order(const struct cases *cs, const struct dispatch_set *ds, const struct rules *ru,
    const struct dlist_filter *f, size_t **ix)
{
	struct dlist_key *k = xcalloc(cs->f.n + 1, sizeof(*k));
	struct dlist_row row;
	size_t i, n = 0;

	for (i = 0; i < cs->f.n; i++) {
		if (!dlist_row(cs, i, ds, ru, f, &row))
			continue;
		k[n].ix = i;
		k[n].nothing_due = row.due_t == RS_TIME_NONE;
		k[n].when = k[n].nothing_due ? cs->opened_at[i] : row.due_t;
		k[n].key = cs->f.items[i].key;
		n++;
	}
	qsort(k, n, sizeof(*k), dlist_cmp);
	*ix = xcalloc(n + 1, sizeof(**ix));
	for (i = 0; i < n; i++)
		(*ix)[i] = k[i].ix;
	free(k);
	return n;
}
