/*
 * complaint_list.h - the rows of rs-complain list: one per complaint,
 * with its state, level, deadlines and whether it is overdue, the
 * provider falling back to the case's last assigned one, its handler and
 * the sum of its remedy items (empty when it has none).
 */
#ifndef RS_COMPLAINT_LIST_H
#define RS_COMPLAINT_LIST_H

#include <stddef.h>

#include "complaint.h"
#include "dispatch.h"
#include "listview.h"
#include "schema.h"
#include "timefmt.h"

struct rules;
struct rs_err;

/* The complaints as they stood at an --as-of, and the dispatch timelines of their cases. */
struct cp_list {
	struct complaint_set set;
	struct dispatch_set ds;		/* only for complaints that name no provider */
};

/* cp_list_load reads dir's complaints (and what dispatch they need) as of as_of into l; returns 0, or -1 with e set. Free l with cp_list_free either way. */
int cp_list_load(const char *dir, rs_time as_of, struct cp_list *l, struct rs_err *e);

/* cp_list_free frees l. */
void cp_list_free(struct cp_list *l);

/* Which complaints are listed. */
struct cp_list_filter {
	rs_time as_of, since, until;	/* since/until: RS_TIME_NONE = open-ended; by the opening */
	int open, overdue;		/* only open ones, only overdue ones */
	int level;			/* 0: any */
	const char *category;		/* NULL: any */
	const char *handler;		/* NULL: any; else only the complaints it owns now */
	int64_t due_within;		/* seconds: only next deadlines by as_of + it; -1: any */
};

#define CP_LIST_NCOLS 13
extern const char *const cp_list_names[CP_LIST_NCOLS];
extern const enum coltype cp_list_types[CP_LIST_NCOLS];

/* A list row and the buffers of its values. */
struct cp_list_row {
	const char *v[CP_LIST_NCOLS];
	char level[8], opened[TIME_ISO_MAX], contact_due[TIME_ISO_MAX], resolve_due[TIME_ISO_MAX];
	char comp[32];
};

/*
 * cp_list_row fills row with complaint i of l (deadlines under rules ru)
 * and returns 1, or returns 0 when f leaves it out. The values point into
 * l and row.
 */
int cp_list_row(const struct cp_list *l, size_t i, const struct rules *ru,
    const struct cp_list_filter *f, struct cp_list_row *row);

/* The list and its table view: every column, the default table columns, overdue marks. */
extern const struct lview_def cp_list_view;

/*
 * cp_next_due returns the next deadline of c (SPEC 5, --due-within):
 * contact_due until it is contacted, then resolve_due until it is
 * resolved; RS_TIME_NONE after that.
 */
rs_time cp_next_due(const struct complaint *c, const struct rules *ru);

#endif
