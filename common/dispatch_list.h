/*
 * dispatch_list.h - what rs-dispatch lists: the providers ranked for a
 * case (suggest) and the open cases with their SLA clocks (list).
 */
#ifndef RS_DISPATCH_LIST_H
#define RS_DISPATCH_LIST_H

#include <stddef.h>

#include "dispatch.h"
#include "listview.h"
#include "providers.h"
#include "schema.h"
#include "timefmt.h"

struct cases;
struct rules;
struct rs_err;

/* The providers ranked for a case; the candidates point into the roster. */
struct dsuggest {
	struct roster ro;
	struct candidate *c;
	size_t n;
};

/*
 * dispatch_suggest ranks the providers of dir for case id (it must exist
 * and have a position), leaving out the busy ones (the last assigned
 * provider of another case assigned, en route or arrived) unless
 * include_busy; warns on stderr when none fits. Returns 0, or -1 with e
 * set; free s with dsuggest_free either way.
 */
int dispatch_suggest(const char *dir, const char *id, int include_busy, struct dsuggest *s,
    struct rs_err *e);

/*
 * dispatch_say_job tells the dispatcher on stderr what the provider
 * must know beyond the place of case id (values v, CASES_* indexed):
 * the booked time and the destination, where the case has them.
 */
void dispatch_say_job(const char *id, const char *const *v);

/* dsuggest_free frees what dispatch_suggest filled. */
void dsuggest_free(struct dsuggest *s);

/* Which cases rs-dispatch list shows, at as_of. */
struct dlist_filter {
	rs_time as_of;
	int all, overdue;
	int64_t due_within;	/* seconds: only next deadlines by as_of + it; -1: any */
	const char *provider;	/* NULL: any */
};

/* The columns of a list row, and the buffers of its values. */
#define DLIST_NCOLS 10
extern const char *const dlist_names[DLIST_NCOLS];
extern const enum coltype dlist_types[DLIST_NCOLS];
struct dlist_row {
	const char *v[DLIST_NCOLS];
	rs_time due_t;		/* the next step's deadline; RS_TIME_NONE: nothing due */
	char opened[TIME_ISO_MAX], due[TIME_ISO_MAX], age[32];
};

/*
 * dlist_row fills row with case i of cs (its timeline in ds, the clocks
 * under rules ru) and returns 1, or returns 0 when f leaves it out. The
 * values point into cs, ds and row.
 */
int dlist_row(const struct cases *cs, size_t i, const struct dispatch_set *ds,
    const struct rules *ru, const struct dlist_filter *f, struct dlist_row *row);

/* The list and its table view: every column, the default table columns, overdue marks. */
extern const struct lview_def dlist_view;

/*
 * dlist_order returns how many cases of cs f lists and sets *ix (the
 * caller frees it) to their indexes in urgency order (SPEC 6): rows
 * with a step due by its deadline, earliest first (so the longest
 * overdue first), then rows with nothing due, oldest first; ties by
 * case id.
 */
size_t dlist_order(const struct cases *cs, const struct dispatch_set *ds,
    const struct rules *ru, const struct dlist_filter *f, size_t **ix);

#endif
