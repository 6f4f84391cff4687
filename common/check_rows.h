/*
 * check_rows.h - the state of one rs-journal check, shared by check.c
 * (which reads the files) and check_rows.c (which checks each row
 * against the rows before it). Internal: check.h is the API.
 */
#ifndef RS_CHECK_ROWS_H
#define RS_CHECK_ROWS_H

#include <stdint.h>

#include "buf.h"
#include "check.h"
#include "complaint.h"
#include "idmap.h"
#include "timefmt.h"

struct row;
struct schema;

/* The checker: journal_check owns it and frees its maps and buffers. */
struct checker {
	const char *dir;
	check_report_fn report;
	void *arg;
	int problems;
	const char *file;		/* name of the file being read */
	struct idmap cases;		/* opened case ids -> 1 */
	struct idmap complaints;	/* opened complaint ids -> 1 */
	struct idmap case_at;		/* opened case ids -> their at (CHECK_AT_SLOT) */
	int cases_read, complaints_read;
	/* per journal */
	struct idmap opened;		/* id -> line of its opened row */
	struct idmap state;		/* dispatch: case -> state + 1 */
	struct idmap last_at;		/* dispatch: case -> latest at (CHECK_AT_SLOT) */
	struct complaint_set cps;
	struct buf providers;		/* "\n"-joined provider ids seen */
	rs_time prev_ts;
	int archived_month;		/* rows of the live file up to this month are archived */
	rs_time now;			/* when the check runs */
};

/* An idmap value (size_t) holding a time. */
#define CHECK_AT_SLOT(t) ((size_t)(uint64_t)(t))
#define CHECK_AT_TIME(v) ((rs_time)(int64_t)(uint64_t)(v))
_Static_assert(sizeof(size_t) >= sizeof(rs_time), "an idmap value holds a time");

/* A ts this far after the time check runs is a problem: a writer's clock is ahead (SPEC 3.3). */
#define CHECK_FUTURE_S 300

/*
 * check_problem reports a problem at line of the file being read: fmt is
 * translated, formatted and handed to c->report; it counts in
 * c->problems.
 */
void check_problem(struct checker *c, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * problem is check_problem under the name xgettext is told about
 * (--keyword=problem:3 in the Makefile), so that the messages of both
 * files stay in po/rs.pot.
 */
#define problem check_problem

/* check_row_key says whether column col of r holds an id with prefix, and sets *key to it. */
int check_row_key(const struct row *r, int col, const char *prefix, uint64_t *key);

/*
 * check_row checks row r of schema s (live: it is from the live file, not
 * an archive) against the rows read before it, recording what later rows
 * need in c; r is only read.
 */
void check_row(struct checker *c, const struct schema *s, const struct row *r, int live);

#endif
