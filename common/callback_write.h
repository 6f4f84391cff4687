/*
 * callback_write.h - recording a callback (SPEC 6): the scores checked,
 * the case and the complaint it follows up checked, the row appended to
 * the callbacks journal; and whether the case has a complaint open, for
 * the hint after a low score.
 */
#ifndef RS_CALLBACK_WRITE_H
#define RS_CALLBACK_WRITE_H

#include "schema_tables.h"
#include "timefmt.h"

struct rs_err;

/* The score options: name, callbacks column and range. */
struct cb_score {
	const char *name;
	int col, min, max;
};
#define CB_NSCORES 5
#define CB_OVERALL 0	/* cb_scores[CB_OVERALL] is overall */
#define CB_NPS 4	/* and cb_scores[CB_NPS] nps */
extern const struct cb_score cb_scores[CB_NSCORES];

/* A callback as given (borrowed; NULL = not given). */
struct cb_input {
	const char *case_id, *kind, *result, *complaint, *resolved, *comment, *suggestion;
	const char *score[CB_NSCORES];	/* as cb_scores */
	const char *agent;
};

/*
 * cb_scores_check parses the scores of in into val (-1 where not given):
 * each an integer in its range, and given only with result reached.
 * Returns 0, or -1 with e set (RS_EDATA).
 */
int cb_scores_check(const struct cb_input *in, int reached, long val[CB_NSCORES],
    struct rs_err *e);

/*
 * cb_record_check checks in against journal directory dir: the case
 * exists and the complaint, if given, is about it; a service callback
 * needs a completed case, a complaint or second callback a resolved or
 * closed complaint (SPEC 6). Returns 0, or -1 with e set.
 */
int cb_record_check(const char *dir, const struct cb_input *in, struct rs_err *e);

/* A callback row being appended. */
struct cb_record {
	const struct cb_input *in;
	rs_time at;			/* when at_set: when the call was made, else the row's ts */
	int at_set;
	const char *v[CALLBACKS_NCOLS];	/* the row appended */
	char ts[TIME_ISO_MAX], atbuf[TIME_ISO_MAX];
	const char *ref;		/* --ref KEY (ref.h), or NULL */
	char **ref_row;			/* the row the key found instead (v points into it); free with ref_row_free */
};

/*
 * cb_record_append appends rec's row to dir's callbacks journal (with
 * rec->ref: ref_append, nothing when the key answers); returns 0, or -1
 * with e set.
 */
int cb_record_append(const char *dir, struct cb_record *rec, struct rs_err *e);

/* cb_open_complaint sets *open when a complaint on case_id is neither resolved nor closed; returns 0, or -1 with e set. */
int cb_open_complaint(const char *dir, const char *case_id, int *open, struct rs_err *e);

#endif
