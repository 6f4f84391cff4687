/*
 * callback.c - the callback schedule of SPEC 6: windows, attempts, done.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "callback.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "idmap.h"
#include "ids.h"
#include "journal.h"
#include "row.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

static const char *const kind_names[CB_NKINDS] = {
	"service", "complaint", "second", "audit"
};

const char *
cb_kind_name(enum cb_kind k)
{
	if ((int)k < 0 || k >= CB_NKINDS)
		return "";
	return kind_names[k];
}

int
cb_kind_parse(const char *s, enum cb_kind *k)
{
	int i;

	for (i = 0; i < CB_NKINDS; i++) {
		if (strcmp(s, kind_names[i]) == 0) {
			*k = (enum cb_kind)i;
			return 0;
		}
	}
	return -1;
}

void
cb_schedule_init(struct cb_schedule *s, const struct rules *r)
{
	memset(s, 0, sizeof(*s));
	s->max_attempts = r->callback_max_attempts;
}

void
cb_schedule_free(struct cb_schedule *s)
{
	int k;

	for (k = 0; k < CB_NKINDS; k++)
		idmap_free(&s->index[k]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* index_key is the key a callback is found by: the case for service calls, else the complaint. */
static uint64_t
index_key(enum cb_kind kind, uint64_t case_key, uint64_t complaint_key)
{
	return kind == CB_SERVICE ? case_key : complaint_key;
}

/* put adds or replaces the callback of kind for its key with window [from, by]. */
static void
put(struct cb_schedule *s, const struct rules *r, enum cb_kind kind, uint64_t case_key,
    uint64_t complaint_key, rs_time from, rs_time by)
{
	struct cb_due *d;
	uint64_t key = index_key(kind, case_key, complaint_key);
	size_t i;

	if (key == 0)
		return;
	if (!idmap_get(&s->index[kind], key, &i)) {
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
		}
		i = s->n++;
		idmap_put(&s->index[kind], key, i);
	}
	/*
	 * A later completion or resolution (a reopened complaint resolved
	 * again) owes a new call: the window moves and the count restarts.
	 */
	d = &s->v[i];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->case_key = case_key;
	d->complaint_key = complaint_key;
	d->due_from = from;
	d->due_by = by;
	d->drop_at = time_add_days(by, r->callback_expire_d);
	d->done_at = RS_TIME_NONE;
}

void
cb_add_service(struct cb_schedule *s, const struct rules *r, uint64_t case_key,
    rs_time completed)
{
	if (completed == RS_TIME_NONE)
		return;
	put(s, r, CB_SERVICE, case_key, 0, completed,
	    completed + (rs_time)r->callback_service_h * 3600);
}

void
cb_add_complaint(struct cb_schedule *s, const struct rules *r, const struct complaint *c)
{
	rs_time res = c->resolved_at;

	if (cp_is_open(c) || res == RS_TIME_NONE || c->case_key == 0)
		return;
	put(s, r, CB_COMPLAINT, c->case_key, c->key, res,
	    res + (rs_time)r->callback_complaint_h * 3600);
	if (c->level >= 3)
		put(s, r, CB_SECOND, c->case_key, c->key,
		    time_add_days(res, r->callback_second_from_d),
		    time_add_days(res, r->callback_second_to_d));
}

void
cb_record(struct cb_schedule *s, const struct row *r)
{
	enum cb_kind kind;
	struct cb_due *d;
	uint64_t ck = 0, pk = 0;
	size_t i;
	rs_time at;

	if (cb_kind_parse(r->v[CALLBACKS_KIND], &kind) == -1 || kind == CB_AUDIT)
		return;
	if (jrow_case_key(r, CALLBACKS_CASE_ID, &ck) == -1)
		return;
	if (r->len[CALLBACKS_COMPLAINT_ID] > 0 && id_parse(r->v[CALLBACKS_COMPLAINT_ID],
	    r->len[CALLBACKS_COMPLAINT_ID], "CP", &pk) == -1)
		return;
	if (index_key(kind, ck, pk) == 0 ||
	    !idmap_get(&s->index[kind], index_key(kind, ck, pk), &i))
		return;
	d = &s->v[i];
	if (d->done || d->case_key != ck)
		return;
	if ((at = jrow_at(r)) == RS_TIME_NONE)
		return;
	/* A call before the window opened answered an earlier one. */
	if (at < d->due_from)
		return;
	d->attempts++;
	if (strcmp(r->v[CALLBACKS_RESULT], "no-answer") != 0 ||
	    d->attempts >= s->max_attempts) {
		d->done = 1;
		d->done_at = at;
	}
}

rs_time
cb_since(const struct cb_schedule *s)
{
	rs_time t = RS_TIME_NONE;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (t == RS_TIME_NONE || s->v[i].due_from < t)
			t = s->v[i].due_from;
	return t;
}

int
cb_listed(const struct cb_due *d, rs_time t)
{
	return !d->done && t >= d->due_from && t < d->drop_at;
}

int
cb_overdue(const struct cb_due *d, rs_time t)
{
	return t > d->due_by;
}

int
cb_due_in(const struct cb_due *d, rs_time from, rs_time to)
{
	return !d->done && d->due_from < to && d->drop_at > from;
}

static int
cmp_due(const void *a, const void *b)
{
	const struct cb_due *x = a, *y = b;

	if (x->due_by != y->due_by)
		return x->due_by < y->due_by ? -1 : 1;
	if (x->case_key != y->case_key)
		return x->case_key < y->case_key ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->complaint_key != y->complaint_key)
		return x->complaint_key < y->complaint_key ? -1 : 1;
	return 0;
}

void
cb_sort(struct cb_schedule *s)
{
	size_t i;
	int k;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_due);
	for (k = 0; k < CB_NKINDS; k++)
		idmap_free(&s->index[k]);
	for (i = 0; i < s->n; i++)
		idmap_put(&s->index[s->v[i].kind], index_key(s->v[i].kind,
		    s->v[i].case_key, s->v[i].complaint_key), i);
}

/* drop_stale removes callbacks already dropped at as_of: they can never be listed again. */
static void
drop_stale(struct cb_schedule *s, rs_time as_of)
{
	size_t i, j = 0;

	for (i = 0; i < s->n; i++)
		if (s->v[i].drop_at > as_of)
			s->v[j++] = s->v[i];
	s->n = j;
}

int
cb_schedule_load(const char *dir, const struct rules *r, rs_time as_of,
    struct cb_schedule *s, struct rs_err *e)
{
	struct dispatch_set ds;
	struct complaint_set cps;
	struct jreader *jr;
	struct row row;
	rs_time since;
	size_t i;
	int rc;

	/*
	 * A completion can still be listed at as_of only if it is at most
	 * service_h + expire_d old; its completed row's ts is at most 5
	 * minutes before its at.
	 */
	since = as_of - (rs_time)r->callback_service_h * 3600;
	since = time_add_days(since, -r->callback_expire_d) - SCHEMA_AT_AHEAD_S;
	dispatch_set_init(&ds);
	if (dispatch_load(dir, since, as_of, &ds, e) == -1) {
		dispatch_set_free(&ds);
		return -1;
	}
	for (i = 0; i < ds.n; i++)
		if (ds.items[i].state == DS_COMPLETED)
			cb_add_service(s, r, ds.items[i].key, ds.items[i].steps.completed);
	dispatch_set_free(&ds);

	/* Complaints are few (a few percent of cases): fold them all. */
	cp_set_init(&cps);
	if (cp_set_load(dir, as_of, &cps, e) == -1) {
		cp_set_free(&cps);
		return -1;
	}
	for (i = 0; i < cps.f.n; i++)
		cb_add_complaint(s, r, &cps.c[i]);
	cp_set_free(&cps);

	drop_stale(s, as_of);
	cb_sort(s);
	if (s->n == 0)
		return 0;
	since = cb_since(s) - SCHEMA_AT_AHEAD_S;
	jr = jreader_open_journal(dir, &schema_callbacks, since, as_of, 0, e);
	if (jr == NULL)
		return -1;
	while ((rc = jreader_next(jr, &row, e)) == 1)
		cb_record(s, &row);
	jreader_free(jr);
	return rc == 0 ? 0 : -1;
}

int
cb_cases_load(const char *dir, const struct cb_schedule *s, rs_time until,
    struct cases *cs, struct rs_err *e)
{
	struct idmap want = IDMAP_INIT;
	struct jreader *jr;
	struct row row;
	rs_time since = RS_TIME_NONE, t;
	uint64_t k;
	size_t i;
	int rc;

	for (i = 0; i < s->n; i++) {
		idmap_put(&want, s->v[i].case_key, i);
		t = case_since(s->v[i].case_key);
		if (since == RS_TIME_NONE || t < since)
			since = t;
	}
	if (since == RS_TIME_NONE)
		return 0;
	jr = jreader_open_journal(dir, &schema_cases, since, until, 0, e);
	if (jr == NULL) {
		idmap_free(&want);
		return -1;
	}
	/* Only the wanted cases are folded: the journal holds thousands more. */
	while ((rc = jreader_next(jr, &row, e)) == 1)
		if (id_parse(row.v[CASES_CASE_ID], row.len[CASES_CASE_ID], "RS", &k) == 0 &&
		    idmap_get(&want, k, &i))
			(void)cases_add(cs, &row);
	jreader_free(jr);
	idmap_free(&want);
	return rc == 0 ? 0 : -1;
}
