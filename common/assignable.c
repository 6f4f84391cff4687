/* assignable.c - the cases that can be assigned, most urgent first; see assignable.h. */
#include <stdlib.h>
#include <string.h>

#include "assignable.h"
#include "buf.h"
#include "err.h"
#include "schema_tables.h"

/* by_urgency orders by the next step's deadline, none last, then by the case's place (its id). */
static int
by_urgency(const void *pa, const void *pb)
{
	const struct assignable *a = pa, *b = pb;

	if ((a->next == -1) != (b->next == -1))
		return a->next == -1 ? 1 : -1;
	if (a->next != -1 && a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return (a->ix > b->ix) - (a->ix < b->ix);
}

int
assignable_load(const char *dir, rs_time as_of, const struct rules *ru,
    struct assignables *a, struct rs_err *e)
{
	struct sla_result steps[SLA_NSTEPS];
	struct sla_case sc;
	const struct dtimeline *t;
	struct rs_err no;
	enum dstate st, to;
	size_t i;

	memset(a, 0, sizeof(*a));
	cases_init(&a->cs);
	dispatch_set_init(&a->ds);
	/* A case waits however old it is: all history up to as_of. */
	if (cases_load(dir, RS_TIME_NONE, as_of, &a->cs, e) == -1 ||
	    dispatch_load(dir, RS_TIME_NONE, as_of, &a->ds, e) == -1)
		return -1;
	a->v = xcalloc(a->cs.f.n ? a->cs.f.n : 1, sizeof(*a->v));
	for (i = 0; i < a->cs.f.n; i++) {
		if (a->cs.opened_at[i] == RS_TIME_NONE)
			continue;
		t = dispatch_get(&a->ds, a->cs.f.items[i].key);
		st = t != NULL ? t->state : DS_OPEN;
		err_clear(&no);
		if (dispatch_transition(st, DE_ASSIGNED, 0, &to, "", &no) == -1)
			continue;
		case_sla_facts(&a->cs, (long)i, &sc);
		sla_steps(&sc, t != NULL ? &t->steps : NULL, ru, as_of, steps);
		a->v[a->n].ix = (long)i;
		a->v[a->n].state = st;
		a->v[a->n].next = sla_next(steps, t);
		a->v[a->n].due = a->v[a->n].next != -1 ? steps[a->v[a->n].next].due : RS_TIME_NONE;
		a->n++;
	}
	qsort(a->v, a->n, sizeof(*a->v), by_urgency);
	return 0;
}

const char *
assignable_id(const struct assignables *a, size_t i)
{
	return case_value(&a->cs, a->v[i].ix, CASES_CASE_ID);
}

void
assignable_free(struct assignables *a)
{
	free(a->v);
	dispatch_set_free(&a->ds);
	cases_free(&a->cs);
	memset(a, 0, sizeof(*a));
}
