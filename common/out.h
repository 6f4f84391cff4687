/*
 * out.h - the writers for lists: tsv, csv, json (JSON Lines) and table.
 *
 * A list is columns plus rows of raw (unescaped) values. tsv, csv and
 * json stream each row as it comes; table keeps the rows to align the
 * columns by display width at out_end. Every format is in this module
 * and nowhere else.
 */
#ifndef RS_OUT_H
#define RS_OUT_H

#include <stdio.h>

#include "schema.h"
#include "timecal.h"

enum out_format { OUT_TSV, OUT_CSV, OUT_JSON, OUT_TABLE };

enum {
	OUT_NO_HEADER = 1,	/* -H: no header line (tsv, csv, table) */
	OUT_RAW = 2		/* --raw: no spreadsheet guard in csv */
};

struct out;

/* The names of the formats, in enum out_format order, NULL-terminated. */
extern const char *const out_format_names[];

/* out_format_parse maps "tsv", "csv", "json", "table" to *f; returns 0 or -1. */
int out_format_parse(const char *s, enum out_format *f);

/*
 * out_new starts a list on fp with n columns. types may be NULL (no
 * schema: every value a JSON string, empty ones ""); names and types are copied. Caller ends
 * with out_end and frees with out_free.
 */
struct out *out_new(FILE *fp, enum out_format f, int flags, int n,
    const char *const *names, const enum coltype *types);

/* out_row writes one row of n values (NULL or "" = empty); lens may be NULL (strlen). */
void out_row(struct out *o, const char *const *values, const size_t *lens);

/*
 * out_person makes a table (other formats are left as they are) one for
 * a person at a terminal (SPEC 5): ts values as "HH:MM" on the local
 * date of today, else "MM-DD HH:MM"; with mark, a marker column ("!" on
 * the rows out_row_urgent marks); at most width display columns in all
 * (0: as wide as the values), the widest columns cut with "…"; with
 * color, the marked rows in OUT_COLOR_URGENT. Call before the first row.
 */
void out_person(struct out *o, rs_time today, int mark, size_t width, int color);

/* The escapes around a marked row of a coloured table: bold red, then back to normal. */
#define OUT_COLOR_URGENT "\033[1;31m"
#define OUT_COLOR_OFF "\033[0m"

/* out_row_urgent is out_row for a row that, when urgent, stands out in a person's table. */
void out_row_urgent(struct out *o, const char *const *values, const size_t *lens, int urgent);

/* out_end writes what is pending (the table) and flushes fp; returns 0, or -1 if fp has an error. */
int out_end(struct out *o);

/* out_free releases o. */
void out_free(struct out *o);

struct buf;

/*
 * out_json_number appends v[0..n) to b as a JSON number if it is a
 * decimal (-?D+(.D+)?), dropping the leading zeros JSON does not allow
 * ("007" is 7); returns 1, or 0 (nothing appended) for anything else,
 * which the caller then writes as a string.
 */
int out_json_number(struct buf *b, const char *v, size_t n);

/* out_json_string appends v[0..n) as a JSON string literal (quotes included) to b. */
void out_json_string(struct buf *b, const char *v, size_t n);

#endif
