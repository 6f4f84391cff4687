/*
 * listview.h - the columns of a list in each format (SPEC 5): every
 * column in tsv, csv and json; in a table, the columns an agent needs
 * within LVIEW_WIDTH display columns, every one with --wide, or those
 * named by --columns (in every format), and the urgent rows marked.
 */
#ifndef RS_LISTVIEW_H
#define RS_LISTVIEW_H

#include <stdio.h>

#include "out.h"
#include "schema.h"
#include "timecal.h"

/* The width of the terminal a default table is made for. */
#define LVIEW_WIDTH 80

/* What a list is: its columns, its default table columns, what makes a row urgent. */
struct lview_def {
	int n;
	const char *const *names;
	const enum coltype *types;
	const char *const *table;	/* the default table columns, NULL-terminated */
	int urgent;			/* the y/n column whose "y" marks a row; -1: none */
};

/* Why lview_select refused a --columns value. */
enum lview_bad { LVIEW_UNKNOWN = 1, LVIEW_REPEATED, LVIEW_EMPTY };

/*
 * lview_select reads spec ("a,b,c") as columns of d into sel (room for
 * d->n) and returns how many, or -1 with *why set and the offending name
 * (empty for LVIEW_EMPTY) copied into bad (size bytes, truncated).
 */
int lview_select(const struct lview_def *d, const char *spec, int *sel, enum lview_bad *why,
    char *bad, size_t size);

struct lview;

/*
 * lview_new starts list d on fp in format f (out_new flags): the nsel
 * columns of sel when sel is not NULL, else every column, except in a
 * table that is not wide: d->table, fitted to LVIEW_WIDTH. A table
 * shows times short against as_of and marks urgent rows (in colour when
 * color). Free with lview_free after lview_end.
 */
struct lview *lview_new(FILE *fp, const struct lview_def *d, enum out_format f, int flags,
    const int *sel, int nsel, int wide, rs_time as_of, int color);

/* lview_row writes one row given as all d->n values (NULL or "" = empty). */
void lview_row(struct lview *v, const char *const *values);

/* lview_row_n is lview_row for values of the given lengths (lens NULL: strlen). */
void lview_row_n(struct lview *v, const char *const *values, const size_t *lens);

/* lview_end writes what is pending and flushes; returns 0, or -1 on a write error. */
int lview_end(struct lview *v);

/* lview_free releases v (NULL is fine). */
void lview_free(struct lview *v);

#endif
