/*
 * dispatch.c - the dispatch state machine, per-case timelines and the
 * desk SLA steps (SPEC 6, 9, 10).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cases.h"
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

static const char *const state_names[] = {
	"open", "assigned", "enroute", "arrived", "completed", "cancelled"
};

static const char *const event_names[] = {
	"assigned", "notified", "enroute", "arrived", "completed", "cancelled", "authorized"
};
#define NEVENTS (sizeof(event_names) / sizeof(event_names[0]))

/* What an event records, for "cannot record WHAT". */
static const char *const event_what[] = {
	"an assignment", "a progress call", "en route", "arrival", "completion",
	"a cancellation", "the customer's agreement"
};

const char *
dstate_name(enum dstate s)
{
	return (unsigned)s < 6 ? state_names[s] : "?";
}

int
dstate_final(enum dstate s)
{
	return s == DS_COMPLETED || s == DS_CANCELLED;
}

int
devent_parse(const char *s, enum devent *ev)
{
	int i;

	for (i = 0; i < (int)NEVENTS; i++)
		if (s[0] == event_names[i][0] && strcmp(s, event_names[i]) == 0) {
			*ev = (enum devent)i;
			return 0;
		}
	return -1;
}

int
dispatch_transition(enum dstate from, enum devent ev, int remote, enum dstate *to,
    const char *id, struct rs_err *e)
{
	int ok = 0;

	if (!dstate_final(from)) {
		switch (ev) {
		case DE_ASSIGNED:
			/* Reassignment is fine until someone is on site. */
			ok = from != DS_ARRIVED;
			*to = DS_ASSIGNED;
			break;
		case DE_NOTIFIED:
		case DE_AUTHORIZED:
			ok = 1;
			*to = from;
			break;
		case DE_ENROUTE:
			ok = from == DS_ASSIGNED;
			*to = DS_ENROUTE;
			break;
		case DE_ARRIVED:
			ok = from == DS_ASSIGNED || from == DS_ENROUTE;
			*to = DS_ARRIVED;
			break;
		case DE_COMPLETED:
			/* Remote help (advice over the phone) needs nobody on site. */
			ok = from == DS_ARRIVED || remote;
			*to = DS_COMPLETED;
			break;
		case DE_CANCELLED:
			ok = 1;
			*to = DS_CANCELLED;
			break;
		}
	}
	if (ok)
		return 0;
	if (ev == DE_COMPLETED && !dstate_final(from))
		return err_set(e, RS_EDATA, id, "case is %s; cannot record completion "
		    "before arrival (only --outcome remote)", dstate_name(from));
	return err_set(e, RS_EDATA, id, "case is %s; cannot record %s",
	    dstate_name(from), event_what[ev]);
}

int
dispatch_reason_check(const char *event, const char *reason, const char *note,
    const char *where, struct rs_err *e)
{
	int cancelled = strcmp(event, "cancelled") == 0;

	if (reason == NULL)
		reason = "";
	if (cancelled && *reason == '\0')
		return err_set(e, RS_EDATA, where, "a cancellation needs a reason (%s)",
		    schema_dispatch.cols[DISPATCH_REASON].values);
	if (!cancelled && *reason != '\0')
		return err_set(e, RS_EDATA, where, "a reason is only for a cancellation, "
		    "not %s", event);
	if (cancelled && strcmp(reason, "other") == 0 && (note == NULL || *note == '\0'))
		return err_set(e, RS_EDATA, where, "reason other needs a note saying why");
	return 0;
}

int
dispatch_order(enum devent ev, rs_time at, rs_time opened, rs_time last, const char *id,
    struct rs_err *e)
{
	char a[TIME_ISO_MAX], b[TIME_ISO_MAX];

	if (opened != RS_TIME_NONE && at < opened)
		return err_set(e, RS_EDATA, id, "cannot record %s at %s: before the case was "
		    "opened (%s)", event_what[ev], time_format_iso(at, a),
		    time_format_iso(opened, b));
	if (last != RS_TIME_NONE && at < last)
		return err_set(e, RS_EDATA, id, "cannot record %s at %s: before the case's latest "
		    "dispatch event (%s)", event_what[ev], time_format_iso(at, a),
		    time_format_iso(last, b));
	return 0;
}

void
dtimeline_init(struct dtimeline *t, uint64_t key)
{
	memset(t, 0, sizeof(*t));
	t->key = key;
	t->state = DS_OPEN;
	dsteps_init(&t->steps);
	t->first_enroute = t->first_authorized = RS_TIME_NONE;
	t->last_at = RS_TIME_NONE;
}

void
dsteps_init(struct dsteps *d)
{
	d->assigned = d->notified = d->arrived = RS_TIME_NONE;
	d->cancelled = d->completed = RS_TIME_NONE;
	d->remote = 0;
}

/*
 * first keeps the earliest time seen: a back-filled row counts at its
 * at, not where it sits in the file (a tie is the same time either way).
 */
static void
first(rs_time *slot, rs_time t)
{
	if (t != RS_TIME_NONE && (*slot == RS_TIME_NONE || t < *slot))
		*slot = t;
}

void
dsteps_add(struct dsteps *d, enum devent ev, rs_time at, int remote)
{
	switch (ev) {
	case DE_ASSIGNED:
		first(&d->assigned, at);
		break;
	case DE_NOTIFIED:
		first(&d->notified, at);
		break;
	case DE_ARRIVED:
		first(&d->arrived, at);
		break;
	case DE_COMPLETED:
		d->completed = at;
		d->remote = (unsigned char)(remote != 0);
		break;
	case DE_CANCELLED:
		first(&d->cancelled, at);
		break;
	default:
		break;
	}
}

void
dsteps_merge(struct dsteps *d, const struct dsteps *later)
{
	first(&d->assigned, later->assigned);
	first(&d->notified, later->notified);
	first(&d->arrived, later->arrived);
	first(&d->cancelled, later->cancelled);
	/* The last completion in file order is the later part's, if it has one. */
	if (later->completed != RS_TIME_NONE) {
		d->completed = later->completed;
		d->remote = later->remote;
	}
}

static void
copy(char *dst, size_t dstsz, const char *src, size_t n)
{
	if (n >= dstsz)
		n = dstsz - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

void
dtimeline_add(struct dtimeline *t, const struct row *r)
{
	enum devent ev;
	rs_time at;

	if (devent_parse(r->v[DISPATCH_EVENT], &ev) == -1 ||
	    (at = jrow_at(r)) == RS_TIME_NONE)
		return;
	t->rows++;
	if (t->last_at == RS_TIME_NONE || at > t->last_at)
		t->last_at = at;
	dsteps_add(&t->steps, ev, at, ev == DE_COMPLETED &&
	    strcmp(r->v[DISPATCH_OUTCOME], "remote") == 0);
	switch (ev) {
	case DE_ASSIGNED:
		if (r->len[DISPATCH_PROVIDER] > 0)
			copy(t->provider, sizeof(t->provider), r->v[DISPATCH_PROVIDER],
			    r->len[DISPATCH_PROVIDER]);
		t->state = DS_ASSIGNED;
		break;
	case DE_NOTIFIED:
		break;
	case DE_ENROUTE:
		first(&t->first_enroute, at);
		t->state = DS_ENROUTE;
		break;
	case DE_ARRIVED:
		t->state = DS_ARRIVED;
		break;
	case DE_COMPLETED:
		copy(t->outcome, sizeof(t->outcome), r->v[DISPATCH_OUTCOME],
		    r->len[DISPATCH_OUTCOME]);
		t->state = DS_COMPLETED;
		break;
	case DE_CANCELLED:
		/*
		 * A row written before the reason column gave its reason in
		 * the note: what other means (migrate writes it so).
		 */
		if (r->len[DISPATCH_REASON] > 0)
			copy(t->reason, sizeof(t->reason), r->v[DISPATCH_REASON],
			    r->len[DISPATCH_REASON]);
		else
			copy(t->reason, sizeof(t->reason), DISPATCH_REASON_UNGIVEN,
			    strlen(DISPATCH_REASON_UNGIVEN));
		t->state = DS_CANCELLED;
		break;
	case DE_AUTHORIZED:
		first(&t->first_authorized, at);
		break;
	}
}

void
dispatch_set_init(struct dispatch_set *ds)
{
	memset(ds, 0, sizeof(*ds));
}

void
dispatch_set_free(struct dispatch_set *ds)
{
	free(ds->items);
	idmap_free(&ds->index);
	memset(ds, 0, sizeof(*ds));
}

struct dtimeline *
dispatch_set_add(struct dispatch_set *ds, const struct row *r)
{
	uint64_t key;
	size_t i;

	if (jrow_case_key(r, DISPATCH_CASE_ID, &key) == -1)
		return NULL;
	if (!idmap_get(&ds->index, key, &i)) {
		if (ds->n == ds->cap) {
			ds->cap = ds->cap ? ds->cap * 2 : 64;
			ds->items = xrealloc(ds->items, ds->cap * sizeof(*ds->items));
		}
		i = ds->n++;
		dtimeline_init(&ds->items[i], key);
		idmap_put(&ds->index, key, i);
	}
	dtimeline_add(&ds->items[i], r);
	return &ds->items[i];
}

const struct dtimeline *
dispatch_get(const struct dispatch_set *ds, uint64_t key)
{
	size_t i;

	if (!idmap_get(&ds->index, key, &i))
		return NULL;
	return &ds->items[i];
}

int
dispatch_read(struct dispatch_set *ds, struct jreader *jr, struct rs_err *e)
{
	struct row r;
	int rc;

	while ((rc = jreader_next(jr, &r, e)) == 1)
		(void)dispatch_set_add(ds, &r);
	return rc == 0 ? 0 : -1;
}

int
dispatch_load(const char *dir, rs_time since, rs_time until, struct dispatch_set *ds,
    struct rs_err *e)
{
	struct jreader *jr;
	int rc;

	if ((jr = jreader_open_journal(dir, &schema_dispatch, since, until, 0, e)) == NULL)
		return -1;
	rc = dispatch_read(ds, jr, e);
	jreader_free(jr);
	return rc;
}

int
dispatch_case_from_reader(struct jreader *jr, uint64_t key, struct dtimeline *t,
    struct rs_err *e)
{
	struct row r;
	uint64_t k;
	int rc;

	dtimeline_init(t, key);
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[DISPATCH_CASE_ID], r.len[DISPATCH_CASE_ID], "RS", &k) == 0 &&
		    k == key)
			dtimeline_add(t, &r);
	return rc == 0 ? 0 : -1;
}

int
dispatch_case(const char *dir, uint64_t key, rs_time until, struct dtimeline *t,
    struct rs_err *e)
{
	struct jreader *jr;
	int rc;

	jr = jreader_open_journal(dir, &schema_dispatch, case_since(key), until, 0, e);
	if (jr == NULL)
		return -1;
	rc = dispatch_case_from_reader(jr, key, t, e);
	jreader_free(jr);
	return rc;
}

static const char *const step_names[] = { "file", "dispatch", "notify", "arrive" };
static const char *const status_names[] = { "met", "missed", "pending", "excluded" };

const char *
sla_step_name(enum sla_step s)
{
	return (unsigned)s < SLA_NSTEPS ? step_names[s] : "?";
}

const char *
sla_status_name(enum sla_status s)
{
	return (unsigned)s < 4 ? status_names[s] : "?";
}

/* excluded marks res as a step that does not count for this case. */
static void
excluded(struct sla_result *res)
{
	res->status = SLA_EXCLUDED;
	res->done = RS_TIME_NONE;
	res->secs = 0;
}

/* by returns t, or RS_TIME_NONE when t is after as_of: it has not happened yet then. */
static rs_time
by(rs_time t, rs_time as_of)
{
	return t != RS_TIME_NONE && t > as_of ? RS_TIME_NONE : t;
}

/*
 * step fills one result due at due: done is when it happened (NONE: not
 * yet), cancelled when the case was cancelled (NONE: not), both as of
 * as_of.
 */
static void
step_due(struct sla_result *res, rs_time start, int limit_min, rs_time due, rs_time done,
    rs_time cancelled, rs_time as_of)
{
	res->start = start;
	res->limit_min = limit_min;
	res->due = due;
	res->done = done;
	res->secs = done != RS_TIME_NONE ? done - start : 0;
	if (done != RS_TIME_NONE && (cancelled == RS_TIME_NONE || done <= cancelled))
		res->status = done <= res->due ? SLA_MET : SLA_MISSED;
	else if (cancelled != RS_TIME_NONE)
		excluded(res);
	else
		res->status = res->due < as_of ? SLA_MISSED : SLA_PENDING;
}

/* step is step_due with the deadline limit_min after start. */
static void
step(struct sla_result *res, rs_time start, int limit_min, rs_time done,
    rs_time cancelled, rs_time as_of)
{
	step_due(res, start, limit_min, start + (rs_time)limit_min * 60, done, cancelled, as_of);
}

/*
 * booked moves the dispatch, notify and arrive steps of a job booked
 * for sched to its time (SPEC 9): sending a provider at the call would
 * leave him waiting for hours, and the customer wants him there at
 * sched, not within the arrival limit of the call.
 */
static void
booked(struct sla_result out[SLA_NSTEPS], rs_time sched, const struct dsteps *d,
    const struct rules *r, rs_time cancelled, rs_time as_of)
{
	struct sla_result *dp = &out[SLA_DISPATCH];
	rs_time due;

	due = sched - (rs_time)r->sla_booking_dispatch_lead_min * 60;
	if (due < dp->due)
		due = dp->due;
	step_due(dp, dp->start, dp->limit_min, due, by(d->assigned, as_of), cancelled, as_of);
	step_due(&out[SLA_NOTIFY], out[SLA_NOTIFY].start, out[SLA_NOTIFY].limit_min,
	    due + (rs_time)r->sla_notify_min * 60, by(d->notified, as_of), cancelled, as_of);
	step(&out[SLA_ARRIVE], sched, r->sla_booking_arrive_grace_min, by(d->arrived, as_of),
	    cancelled, as_of);
}

void
sla_steps(const struct sla_case *c, const struct dsteps *d, const struct rules *r,
    rs_time as_of, struct sla_result out[SLA_NSTEPS])
{
	struct dsteps none;
	rs_time desk = c->call_at != RS_TIME_NONE ? c->call_at : c->opened_at;
	rs_time cancelled;
	const char *road = c->road != NULL ? c->road : "";
	int arrive_min;

	if (d == NULL) {
		dsteps_init(&none);
		d = &none;
	}
	cancelled = by(d->cancelled, as_of);
	/* Filing is the opening itself: it cannot be cancelled before. */
	step(&out[SLA_FILE], desk, r->sla_file_min, by(c->opened_at, as_of), RS_TIME_NONE,
	    as_of);
	step(&out[SLA_DISPATCH], desk, r->sla_dispatch_min, by(d->assigned, as_of),
	    cancelled, as_of);
	step(&out[SLA_NOTIFY], desk, r->sla_notify_min, by(d->notified, as_of), cancelled,
	    as_of);
	arrive_min = strcmp(road, "highway") == 0 || strcmp(road, "rural") == 0 ?
	    r->sla_arrive_highway_min : r->sla_arrive_city_min;
	step(&out[SLA_ARRIVE], c->opened_at, arrive_min, by(d->arrived, as_of), cancelled,
	    as_of);
	if (c->scheduled_at != RS_TIME_NONE)
		booked(out, c->scheduled_at, d, r, cancelled, as_of);
	/*
	 * An arrival measures the provider on jobs that ran to the end: a
	 * cancelled case (whenever it was cancelled) or help given over
	 * the phone says nothing about it (SPEC 9, 10).
	 */
	if (cancelled != RS_TIME_NONE || (out[SLA_ARRIVE].done == RS_TIME_NONE &&
	    by(d->completed, as_of) != RS_TIME_NONE && d->remote))
		excluded(&out[SLA_ARRIVE]);
}

int
sla_next(const struct sla_result steps[SLA_NSTEPS], const struct dtimeline *t)
{
	int s, best = -1;

	if (t != NULL && dstate_final(t->state))
		return -1;
	for (s = SLA_DISPATCH; s <= SLA_ARRIVE; s++) {
		if (steps[s].done != RS_TIME_NONE || steps[s].status == SLA_EXCLUDED)
			continue;
		if (best == -1 || steps[s].due < steps[best].due)
			best = s;
	}
	return best;
}
