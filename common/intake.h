/*
 * intake.h - the rows rs-intake appends to the cases journal: new cases
 * (one call, or a whole import under one lock) and amendments, and the
 * checks of a case field value given by option.
 */
#ifndef RS_INTAKE_H
#define RS_INTAKE_H

#include <stddef.h>
#include <stdint.h>

#include "ids.h"
#include "timefmt.h"

struct ref_write;
struct rs_err;

/*
 * The rows of one append, each a full CASES_NCOLS value array (NULL =
 * empty). New cases get their ids under the journal lock: the largest
 * of the local date of their at, plus one.
 */
struct intake_rows {
	const char ***v;		/* v[i][col]; ts, at and (new cases) case_id filled in */
	rs_time *at;			/* per row; RS_TIME_NONE = the row's ts */
	size_t n;
	char (*ids)[ID_MAX];		/* n buffers for the ids given out */
	char (*atbuf)[TIME_ISO_MAX];	/* n buffers for the formatted at */
	char tsbuf[TIME_ISO_MAX];
	const char *amend_id;		/* amend: the case, checked under the lock; NULL: new cases */
	uint64_t amend_key;
	struct ref_write *ref;		/* one row with --ref (ref.h), or NULL */
	/*
	 * Without ref, rows whose ref column holds a key already in the
	 * journal (an import run again) are skipped: skip[i] set (n bytes
	 * the caller gives, or NULL when no row has a key), nskip counted.
	 */
	char *skip;
	size_t nskip;
};

/*
 * intake_append appends rows to dir's cases journal in one locked write
 * (with rows->ref, ref_append: nothing when the key answers); returns 0,
 * or -1 with e set.
 */
int intake_append(const char *dir, struct intake_rows *rows, struct rs_err *e);

/*
 * intake_defaults completes new case v: event opened, channel phone and
 * the priority by the rule when not given (prio: 2 bytes of the
 * caller's that v may point to).
 */
void intake_defaults(const char **v, char *prio);

/*
 * intake_check_value validates value *v of cases column col given as
 * option opt ("--lat"); a time in any SPEC 5 form (relative to base) is
 * rewritten into tbuf in the journal's form and *v pointed at it.
 * Returns 0, or -1 with e set (RS_EDATA, where: opt).
 */
int intake_check_value(const char *opt, int col, const char **v, rs_time base, char *tbuf,
    struct rs_err *e);

/*
 * intake_check_call_at rejects a call_at (journal form; NULL or "" is
 * fine) after the case's at (RS_TIME_NONE: now): the desk clock would
 * run backwards. Returns 0, or -1 with e set (RS_EDATA, where given).
 */
int intake_check_call_at(const char *call_at, rs_time at, rs_time now, const char *where,
    struct rs_err *e);

#endif
