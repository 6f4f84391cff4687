/*
 * callback.h - the callback schedule of SPEC 6 (rs-callback due) and
 * what rs-report needs of it ("callbacks due in the next shift").
 *
 * Each completed case owes a service callback in [completion,
 * completion + callback.service_h]; each resolved or closed complaint a
 * complaint callback in [resolution, resolution + callback.complaint_h];
 * a complaint of level 3 or 4 also a second callback in [resolution +
 * callback.second_from_d, resolution + callback.second_to_d]. A callback
 * is done when a call in its window reached the customer, was refused
 * or hit a wrong number, or after callback.max_attempts unanswered
 * calls; it is overdue after due_by and dropped callback.expire_d days
 * after due_by.
 */
#ifndef RS_CALLBACK_H
#define RS_CALLBACK_H

#include <stddef.h>
#include <stdint.h>

#include "idmap.h"
#include "timefmt.h"

struct row;
struct rules;
struct rs_err;
struct complaint;
struct cases;

/* The kinds, in the order of the callbacks schema's kind values. */
enum cb_kind { CB_SERVICE, CB_COMPLAINT, CB_SECOND, CB_AUDIT, CB_NKINDS };

/* cb_kind_name returns "service", "complaint", "second" or "audit". */
const char *cb_kind_name(enum cb_kind k);

/* cb_kind_parse maps a kind name to *k; returns 0 or -1. */
int cb_kind_parse(const char *s, enum cb_kind *k);

/* One callback owed. */
struct cb_due {
	enum cb_kind kind;
	uint64_t case_key;
	uint64_t complaint_key;		/* 0 for a service callback */
	rs_time due_from, due_by;	/* the window */
	rs_time drop_at;		/* due_by + callback.expire_d days */
	int attempts;			/* calls recorded in the window */
	int done;			/* reached, refused, wrong number, or attempts used up */
	rs_time done_at;		/* at of the call that made it done, else RS_TIME_NONE */
};

/* The callbacks owed, with an index per kind (service by case, the others by complaint). */
struct cb_schedule {
	struct cb_due *v;
	size_t n, cap;
	struct idmap index[CB_NKINDS];
	int max_attempts;
};

/* cb_schedule_init prepares an empty schedule that counts attempts against r's callback.max_attempts. */
void cb_schedule_init(struct cb_schedule *s, const struct rules *r);

/* cb_schedule_free releases s. */
void cb_schedule_free(struct cb_schedule *s);

/* cb_add_service adds (or moves to the latest completion) the service callback of case_key completed at completed. */
void cb_add_service(struct cb_schedule *s, const struct rules *r, uint64_t case_key,
    rs_time completed);

/* cb_add_complaint adds the complaint callback, and the second one for levels 3 and 4, of c if it is resolved or closed. */
void cb_add_complaint(struct cb_schedule *s, const struct rules *r, const struct complaint *c);

/*
 * cb_record applies one good callbacks row (schema order) to the
 * callback it answers (same kind and case, or complaint): a call at or
 * after due_from counts as an attempt until the callback is done.
 * Rows for callbacks not in s are ignored.
 */
void cb_record(struct cb_schedule *s, const struct row *r);

/* cb_since returns the earliest due_from of s (RS_TIME_NONE when empty): callbacks rows before it cannot count. */
rs_time cb_since(const struct cb_schedule *s);

/* cb_listed says whether d is on the due list at t: its window has opened, it is not done and not yet dropped. */
int cb_listed(const struct cb_due *d, rs_time t);

/* cb_overdue says whether d is past its due_by at t. */
int cb_overdue(const struct cb_due *d, rs_time t);

/* cb_due_in says whether d, not done, is due at some time in [from, to): its window up to the drop overlaps the period. */
int cb_due_in(const struct cb_due *d, rs_time from, rs_time to);

/* cb_sort orders s->v by due_by, then case, kind and complaint (and rebuilds the index). */
void cb_sort(struct cb_schedule *s);

/*
 * cb_schedule_load builds the schedule of DIR's journals as they stood
 * at as_of: completions and resolutions recent enough to still be listed
 * at as_of or later, and the calls recorded so far. Returns 0, or -1
 * with e set.
 */
int cb_schedule_load(const char *dir, const struct rules *r, rs_time as_of,
    struct cb_schedule *s, struct rs_err *e);

/*
 * cb_cases_load folds into cs the rows of the cases named by s (customer
 * and phone for the due list), reading the cases journal once from the
 * oldest of them. Returns 0, or -1 with e set.
 */
int cb_cases_load(const char *dir, const struct cb_schedule *s, rs_time until,
    struct cases *cs, struct rs_err *e);

#endif
