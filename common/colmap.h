/*
 * colmap.h - a file's header mapped onto a schema's columns.
 *
 * A journal written by us has the schema's header; a CSV saved from a
 * spreadsheet may have the columns in another order or fewer of them.
 * A colmap reads a header once and then puts each row's values in
 * schema order (missing columns empty) without copying them. Without
 * a schema the header itself gives the column names.
 */
#ifndef RS_COLMAP_H
#define RS_COLMAP_H

#include <stddef.h>

struct row;
struct rs_err;
struct schema;

struct colmap {
	const struct schema *s;	/* borrowed; NULL: schema-less */
	char **names;		/* the columns: the schema's, or the header's */
	int nnames;
	int file_n;		/* number of columns of the current file */
	int identity;		/* the header is the schema's, in order: no mapping */
	int *map;		/* map[schema column] = file column, or -1 */
	char **mv;		/* the values of the mapped row */
	size_t *mlen;
};

/* colmap_init sets m up for schema s (borrowed; NULL for a schema-less file). Free with colmap_free. */
void colmap_init(struct colmap *m, const struct schema *s);

/*
 * colmap_header reads header row h of the file named where (for
 * messages, "FILE:LINE"): a header problem, an unknown column or one
 * named twice is an error (RS_EDATA). Returns 0 or -1 with e set.
 */
int colmap_header(struct colmap *m, const struct row *h, const char *where, struct rs_err *e);

/*
 * colmap_apply puts row in schema order: its v and len then point into
 * m (valid until the next call). A row whose number of fields is not the
 * header's gets row->problem (the message written into msg) instead.
 */
void colmap_apply(struct colmap *m, struct row *row, char *msg, size_t msgsz);

/* colmap_free frees what m holds (not m). */
void colmap_free(struct colmap *m);

#endif
