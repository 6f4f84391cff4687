/*
 * dispatch.h - the dispatch state machine of SPEC 6, the per-case
 * dispatch timeline, and the desk SLA steps of SPEC 9-10.
 *
 * States: open -> assigned -> enroute -> arrived -> completed, or
 * cancelled from any non-final state. assigned may repeat before
 * arrived; enroute is optional; completed with outcome remote needs no
 * arrival; notified (the progress call) and authorized (the customer
 * agreed to the price) are allowed in any non-final state and do not
 * change it.
 */
#ifndef RS_DISPATCH_H
#define RS_DISPATCH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "idmap.h"
#include "timefmt.h"

struct row;
struct rs_err;
struct rules;
struct jreader;

enum dstate {
	DS_OPEN, DS_ASSIGNED, DS_ENROUTE, DS_ARRIVED, DS_COMPLETED, DS_CANCELLED
};

/* The events, in the order of the schema's enum values. */
enum devent {
	DE_ASSIGNED, DE_NOTIFIED, DE_ENROUTE, DE_ARRIVED, DE_COMPLETED, DE_CANCELLED,
	DE_AUTHORIZED
};

/* dstate_name returns "open", "assigned", "enroute", "arrived", "completed" or "cancelled". */
const char *dstate_name(enum dstate s);

/* dstate_final says whether s is completed or cancelled. */
int dstate_final(enum dstate s);

/* devent_parse maps an event name ("assigned", ...) to *ev; returns 0 or -1. */
int devent_parse(const char *s, enum devent *ev);

/*
 * dispatch_transition checks event ev (remote = 1 for a completion with
 * outcome remote) in state from: returns 0 and sets *to, or -1 with e
 * set (RS_EDATA, where = id) to "case is STATE; cannot record WHAT".
 */
int dispatch_transition(enum dstate from, enum devent ev, int remote, enum dstate *to,
    const char *id, struct rs_err *e);

/*
 * dispatch_order checks the event order of SPEC 6: event ev of case id
 * at at may not be before opened (the case's opened at) nor before last
 * (the latest at of its dispatch rows so far); either may be
 * RS_TIME_NONE (not known, none). Returns 0, or -1 with e set
 * (RS_EDATA, where = id) naming both times.
 */
int dispatch_order(enum devent ev, rs_time at, rs_time opened, rs_time last, const char *id,
    struct rs_err *e);

/*
 * The times of a case's dispatch events that its SLA steps read (SPEC
 * 10; RS_TIME_NONE when the event has not happened). The "first" row of
 * an event is the one with the earliest at, whatever the file order (a
 * back-filled row counts at its at); the case was cancelled at its
 * earliest cancellation; the completion is the last one, as its state.
 */
struct dsteps {
	rs_time assigned, notified, arrived;	/* first of each */
	rs_time cancelled;			/* first */
	rs_time completed;			/* last in file order */
	unsigned char remote;			/* that completion's outcome is remote */
};

/* dsteps_init resets d to a case with no dispatch rows. */
void dsteps_init(struct dsteps *d);

/* dsteps_add records event ev at at (remote: a completion with outcome remote) in d. */
void dsteps_add(struct dsteps *d, enum devent ev, rs_time at, int remote);

/* dsteps_merge adds to d the steps of later, folded from rows that came after d's (a scan's slices). */
void dsteps_merge(struct dsteps *d, const struct dsteps *later);

/*
 * The dispatch timeline of one case (times are the rows' at,
 * RS_TIME_NONE when the event has not happened).
 */
struct dtimeline {
	uint64_t key;			/* the case */
	enum dstate state;
	struct dsteps steps;		/* what the SLA steps read */
	rs_time first_enroute;
	rs_time first_authorized;	/* the customer's first agreement to a price */
	char reason[16];		/* the cancellation's reason code, "" if not cancelled */
	rs_time last_at;		/* the latest at of its rows (event order) */
	char outcome[16];		/* outcome of the last completion, "" if none */
	char provider[33];		/* last assigned provider, "" if none */
	int rows;			/* dispatch rows seen */
};

/*
 * The reason a cancellation written before the reason column is read
 * with: its note said why, which is what other means.
 */
#define DISPATCH_REASON_UNGIVEN "other"

/*
 * dispatch_reason_check applies SPEC 4.2 to a dispatch row's event,
 * reason and note (NULL or "" = empty): a cancellation needs a reason,
 * other needs a note saying more, any other event takes no reason.
 * Returns 0, or -1 with e set (RS_EDATA, where given).
 */
int dispatch_reason_check(const char *event, const char *reason, const char *note,
    const char *where, struct rs_err *e);

/* dtimeline_init resets t to an open case with no dispatch rows. */
void dtimeline_init(struct dtimeline *t, uint64_t key);

/*
 * dtimeline_add applies one good dispatch row (schema order) of t's
 * case. Rows out of order in a hand-edited journal are applied
 * leniently (the event's state wins) so readers never stop on them;
 * rs-journal check reports them.
 */
void dtimeline_add(struct dtimeline *t, const struct row *r);

/*
 * A set of timelines keyed by case. Cases with no dispatch rows are not
 * in it: dispatch_get returns NULL, meaning an open case.
 */
struct dispatch_set {
	struct dtimeline *items;
	size_t n, cap;
	struct idmap index;
};

/* dispatch_set_init prepares an empty set. */
void dispatch_set_init(struct dispatch_set *ds);

/* dispatch_set_free releases ds. */
void dispatch_set_free(struct dispatch_set *ds);

/* dispatch_set_add applies one good dispatch row to its case's timeline (created on first sight); returns it, or NULL for a malformed id. */
struct dtimeline *dispatch_set_add(struct dispatch_set *ds, const struct row *r);

/* dispatch_get returns the timeline of case key, or NULL when it has no dispatch rows. */
const struct dtimeline *dispatch_get(const struct dispatch_set *ds, uint64_t key);

/* dispatch_read applies every row jr hands out to ds; returns 0, or -1 with e set. */
int dispatch_read(struct dispatch_set *ds, struct jreader *jr, struct rs_err *e);

/*
 * dispatch_load reads DIR's dispatch journal rows with ts in [since,
 * until] (RS_TIME_NONE = open) into ds. Returns 0, or -1 with e set.
 */
int dispatch_load(const char *dir, rs_time since, rs_time until, struct dispatch_set *ds,
    struct rs_err *e);

/*
 * dispatch_case fills t with the timeline of case key from DIR's
 * journal (rows with ts <= until), reading only from case_since(key).
 * Returns 0, or -1 with e set.
 */
int dispatch_case(const char *dir, uint64_t key, rs_time until, struct dtimeline *t,
    struct rs_err *e);

/* dispatch_case_from_reader fills t with the rows of case key among those jr hands out (e.g. append_reader under the lock). */
int dispatch_case_from_reader(struct jreader *jr, uint64_t key, struct dtimeline *t,
    struct rs_err *e);

/* The desk SLA steps of SPEC 10. */
enum sla_step { SLA_FILE, SLA_DISPATCH, SLA_NOTIFY, SLA_ARRIVE, SLA_NSTEPS };

enum sla_status { SLA_MET, SLA_MISSED, SLA_PENDING, SLA_EXCLUDED };

/* sla_step_name returns "file", "dispatch", "notify" or "arrive". */
const char *sla_step_name(enum sla_step s);

/* sla_status_name returns "met", "missed", "pending" or "excluded". */
const char *sla_status_name(enum sla_status s);

/* One step of one case. */
struct sla_result {
	enum sla_status status;
	/* the clock start: call_at (else case at) for desk steps, case at (booked: scheduled_at) for arrive */
	rs_time start;
	rs_time due;		/* start + limit; a booked job's dispatch and notify: SPEC 9 */
	rs_time done;		/* when the step happened, RS_TIME_NONE if not (yet) */
	int64_t secs;		/* done - start when done, else 0 */
	int limit_min;		/* the limit applied */
};

/* The case facts the steps need. */
struct sla_case {
	rs_time opened_at;	/* the opened row's at */
	rs_time call_at;	/* RS_TIME_NONE when not given */
	const char *road;	/* "city", "highway", "rural" or ""/NULL (city limits) */
	rs_time scheduled_at;	/* a booked job's time, RS_TIME_NONE when not booked */
};

/*
 * sla_steps evaluates the four steps of a case at as_of (d may be NULL:
 * no dispatch rows). A step is met if done within its limit (exactly at
 * the deadline is met), missed if done late or not done with its
 * deadline before as_of, else pending. A desk step is excluded when the
 * case was cancelled before it happened (one done before the
 * cancellation counts); the arrival step is excluded when the case was
 * cancelled at all, even after an arrival, or completed remote without
 * arrival. Events after as_of count as not done. A booked job (SPEC 9)
 * is dispatched by sla.booking_dispatch_lead_min before scheduled_at
 * (or by the desk limit, whichever is later), notified
 * sla.notify_min after that, and arrives by
 * sla.booking_arrive_grace_min after scheduled_at; its arrival minutes
 * count from scheduled_at (negative when early).
 */
void sla_steps(const struct sla_case *c, const struct dsteps *d, const struct rules *r,
    rs_time as_of, struct sla_result out[SLA_NSTEPS]);

/*
 * sla_next picks among dispatch, notify and arrive the step not done and
 * not excluded with the earliest deadline (ties in that order); returns
 * it, or -1 when none (all done or excluded, or the case is final).
 */
int sla_next(const struct sla_result steps[SLA_NSTEPS], const struct dtimeline *t);

#endif
