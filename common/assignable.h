/*
 * assignable.h - the cases the desk can assign now, most urgent first:
 * what "rs-dispatch assign <TAB>" offers (SPEC 6: assign is taken before
 * the arrival, in no final state).
 */
#ifndef RS_ASSIGNABLE_H
#define RS_ASSIGNABLE_H

#include <stddef.h>

#include "cases.h"
#include "dispatch.h"
#include "timefmt.h"

struct rs_err;
struct rules;

/* One case that can be assigned. */
struct assignable {
	long ix;		/* the case in assignables.cs */
	enum dstate state;
	int next;		/* its next SLA step (enum sla_step), -1 if none */
	rs_time due;		/* that step's deadline; RS_TIME_NONE if none */
};

/* The assignable cases of a journal directory, in order. */
struct assignables {
	struct cases cs;
	struct dispatch_set ds;
	struct assignable *v;
	size_t n;
};

/*
 * assignable_load fills a with the cases of dir at as_of that
 * dispatch_transition lets be assigned, ordered by the deadline of
 * their next step (the overdue first, those without one last, then by
 * id), under rules ru. Returns 0, or -1 with e set; free a with
 * assignable_free either way.
 */
int assignable_load(const char *dir, rs_time as_of, const struct rules *ru,
    struct assignables *a, struct rs_err *e);

/* assignable_id returns the case id of entry i of a (pointing into a). */
const char *assignable_id(const struct assignables *a, size_t i);

/* assignable_free frees what assignable_load filled. */
void assignable_free(struct assignables *a);

#endif
