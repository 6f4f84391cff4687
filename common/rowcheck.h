/*
 * rowcheck.h - whole-row validation for the read path.
 *
 * A report over a year of journals validates millions of rows, each
 * against its schema (SPEC 3.1: a row with a bad value is skipped). The
 * schema is compiled once into a plan (an operation per column, enum
 * lengths, the "required" rule parsed) and the common shapes are checked
 * inline: journal timestamps, ids, enum values, small integers. Anything
 * else, and every value that fails the quick look, goes through
 * schema_check_value, so the verdict and the message are the same as
 * schema_check_row's.
 */
#ifndef RS_ROWCHECK_H
#define RS_ROWCHECK_H

#include <stddef.h>
#include <stdint.h>

struct row;
struct schema;
struct rowcheck;

/* rowcheck_new compiles schema s (borrowed, must outlive it); free with rowcheck_free. */
struct rowcheck *rowcheck_new(const struct schema *s);

/* rowcheck_free frees a plan; NULL is fine. */
void rowcheck_free(struct rowcheck *rc);

/*
 * rowcheck_row validates a row already in schema order, as
 * schema_check_row does: the number of fields, each non-empty value,
 * required columns, at <= ts + 5 min. clean = 1 (reader_row_clean)
 * vouches that no value holds a control, a bidi control or bad UTF-8, so
 * text values are not looked at. *ts (if not NULL) gets column 0's time
 * when the schema starts with a ts column and the row is good, else
 * RS_TIME_NONE. A good row also gets row->ts, row->at and
 * row->case_key, and row->parsed = 1. On a problem sets row->problem
 * (pointing into msg) and row->problem_col and returns -1; else 0. The
 * plan keeps small caches (the last date seen): one plan per thread.
 */
int rowcheck_row(struct rowcheck *rc, struct row *row, int clean, int64_t *ts,
    char *msg, size_t msgsz);

#endif
