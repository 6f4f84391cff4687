/*
 * callback_list.h - the rows of rs-callback due (the callbacks due at a
 * time, with the customer's name and phone: agents call from this list)
 * and the filter of rs-callback list (calls made in a period).
 */
#ifndef RS_CALLBACK_LIST_H
#define RS_CALLBACK_LIST_H

#include <stddef.h>

#include "callback.h"
#include "cases.h"
#include "ids.h"
#include "listview.h"
#include "schema.h"
#include "timefmt.h"

struct row;
struct rules;
struct rs_err;

/* The callbacks due at as_of, and the cases they are about. */
struct cb_due_list {
	struct cb_schedule s;
	struct cases cs;
	rs_time as_of;
};

/*
 * cb_due_load reads the callbacks of dir due at as_of under rules ru
 * (only those of kind *kind unless kind is NULL) into l; returns 0, or
 * -1 with e set. Free l with cb_due_free either way.
 */
int cb_due_load(const char *dir, const struct rules *ru, rs_time as_of,
    const enum cb_kind *kind, struct cb_due_list *l, struct rs_err *e);

/* cb_due_free frees l. */
void cb_due_free(struct cb_due_list *l);

#define CB_DUE_NCOLS 9
extern const char *const cb_due_names[CB_DUE_NCOLS];
extern const enum coltype cb_due_types[CB_DUE_NCOLS];

/* The due list and its table view: every column, the default table columns, overdue marks. */
extern const struct lview_def cb_due_view;

/* cb_call_view returns the list of calls (the callbacks columns) and its table view (static storage, filled on the first call, before any thread starts). */
const struct lview_def *cb_call_view(void);

/* A due row and the buffers of its values. */
struct cb_due_row {
	const char *v[CB_DUE_NCOLS];
	char case_id[ID_MAX], complaint_id[ID_MAX], from[TIME_ISO_MAX], by[TIME_ISO_MAX];
	char attempts[16];
};

/* cb_due_row fills row with due callback i of l; the values point into l and row. */
void cb_due_row(const struct cb_due_list *l, size_t i, struct cb_due_row *row);

/*
 * cb_call_listed says whether callbacks row r was made in [since, until)
 * (RS_TIME_NONE: open-ended) and is of kind (NULL: any).
 */
int cb_call_listed(const struct row *r, rs_time since, rs_time until, const char *kind);

#endif
