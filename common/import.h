/*
 * import.h - reading the cases of a CSV or TSV file for rs-intake import:
 * the header maps columns by name onto the cases columns; every data row
 * is checked as a new case would be and kept, or reported (every bad
 * row, on stderr) so that nothing is written when one is bad.
 */
#ifndef RS_IMPORT_H
#define RS_IMPORT_H

#include <stddef.h>

#include "buf.h"
#include "timefmt.h"

struct rs_err;

/* An import: the rows kept (values in the arena) and the count of bad rows. */
struct import {
	const char *name;		/* the file for messages */
	int map[64];			/* input column -> cases column, -1 = ignored */
	int ncols;
	struct arena arena;
	const char ***v;		/* v[i]: CASES_NCOLS values of row i (NULL = empty) */
	rs_time *at;			/* at of row i, RS_TIME_NONE = when written */
	long *line;			/* the input line of row i */
	size_t n, cap;
	int bad;			/* rows reported */
	rs_time now;
	const char *agent;		/* for rows without an agent column */
};

/*
 * import_read reads file path ("-": stdin, spooled to a temporary file
 * and taken for TSV if its first line has a tab, else CSV) into im,
 * whose now and agent the caller sets (the rest zero). Returns 0 (check
 * im->bad), or -1 with e set when the file cannot be read. Free im with
 * import_free either way.
 */
int import_read(struct import *im, const char *path, struct rs_err *e);

/* import_free frees what import_read kept in im. */
void import_free(struct import *im);

#endif
