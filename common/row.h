/*
 * row.h - one record as readers hand it out: n values as slices into the
 * reader's buffer, unescaped and NUL-terminated, plus where it came from.
 */
#ifndef RS_ROW_H
#define RS_ROW_H

#include <stddef.h>
#include <stdint.h>

struct row {
	int n;			/* number of fields */
	char **v;		/* values; v[i] has len[i] bytes plus a NUL */
	size_t *len;
	long line;		/* line of the row's first byte; 0 = unknown (read from a seek) */
	long long offset;	/* byte offset of the row in the uncompressed stream */
	const char *file;	/* name of the file for messages (borrowed) */
	const char *problem;	/* NULL, or why the row is bad */
	int problem_col;	/* column index the problem is about, or -1 */
	int torn;		/* 1 for a last line without its newline */
	/*
	 * What validation parsed, so that no caller parses it again (the
	 * times and the case id were a tenth of a full scan's work, parsed
	 * twice). Valid only when parsed is 1: a row built elsewhere (zeroed)
	 * says 0.
	 */
	int parsed;
	int64_t ts, at;		/* columns ts and at (RS_TIME_NONE: the schema has none) */
	uint64_t case_key;	/* column case_id as an id key (0: the schema has none) */
	/*
	 * enums[i]: 1 + the index of column i's value among its enum's
	 * values, 0 when empty or not an enum column; a fold compares small
	 * integers, not strings (jrow_enum).
	 */
	const unsigned char *enums;
};

#endif
