/*
 * case_list.h - the rows of rs-intake list: the current state of each
 * case opened in a period, its dispatch state and every field after the
 * agent column.
 */
#ifndef RS_CASE_LIST_H
#define RS_CASE_LIST_H

#include <stddef.h>

#include "cases.h"
#include "dispatch.h"
#include "listview.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

struct rs_err;

/* The cases opened in a period as they stood at an --as-of, with their dispatch timelines. */
struct case_list {
	struct cases cs;
	struct dispatch_set ds;
};

/* case_list_load reads dir's cases opened since (RS_TIME_NONE: all) as of as_of into l; returns 0, or -1 with e set. Free l with case_list_free either way. */
int case_list_load(const char *dir, rs_time since, rs_time as_of, struct case_list *l,
    struct rs_err *e);

/* case_list_free frees l. */
void case_list_free(struct case_list *l);

/* Which cases are listed. */
struct case_list_filter {
	rs_time since, until;		/* by the opening; RS_TIME_NONE = open-ended */
	int open;			/* only cases not completed or cancelled */
	const char *service, *priority;	/* NULL: any */
	const char *phone;		/* NULL: any; else these digits (case_phone_digits) */
	const char *plate;		/* NULL: any; else exactly this plate */
};

/* The columns: case_id, state, opened_at, then the cases columns from agent on. */
#define CASE_LIST_NCOLS (3 + CASES_NCOLS - CASES_AGENT)

/* case_list_columns fills names and types (CASE_LIST_NCOLS each). */
void case_list_columns(const char **names, enum coltype *types);

/* case_list_view returns the list and its table view (static storage, filled on the first call, before any thread starts). */
const struct lview_def *case_list_view(void);

/* A list row and the buffer of its opening time. */
struct case_list_row {
	const char *v[CASE_LIST_NCOLS];
	char opened[TIME_ISO_MAX];
};

/* case_list_row fills row with case i of l and returns 1, or returns 0 when f leaves it out; the values point into l and row. */
int case_list_row(const struct case_list *l, size_t i, const struct case_list_filter *f,
    struct case_list_row *row);

/* A possible duplicate call (SPEC 6): the case and what it shares with the new call. */
struct case_dup {
	long ix;		/* its index in the list's cases; -1: none */
	int phone, plate;	/* the same phone digits, the same plate */
};

/*
 * case_list_duplicate finds in l the latest case that a new call at at
 * with phone and plate (NULL or "": not given) may repeat: one not
 * completed or cancelled, opened within hours before at, with the same
 * phone digits or the same plate. Fills d (d->ix -1 when none).
 */
void case_list_duplicate(const struct case_list *l, const char *phone, const char *plate,
    rs_time at, int hours, struct case_dup *d);

/* More bytes than this since the window's start: case_list_may_repeat leaves it to the fold. */
#define CASE_REPEAT_SCAN_MAX (8L << 20)

/*
 * case_list_may_repeat says whether dir's cases journal may hold a case
 * that case_list_duplicate would find for phone and plate among the
 * cases opened since: 0 when no line written since then has those phone
 * digits or that plate (no case to fold, the common call), 1 when one
 * may (or the journal cannot be judged from its raw lines: archives in
 * the window, an old header, a value with escapes), -1 with e set when
 * the archives cannot be listed.
 */
int case_list_may_repeat(const char *dir, rs_time since, const char *phone,
    const char *plate, struct rs_err *e);

#endif
