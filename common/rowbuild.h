/*
 * rowbuild.h - the last steps of every row a tool appends: the values
 * not given made empty, the row checked against its schema and
 * formatted as a TSV line; and a writer that prints such rows back.
 */
#ifndef RS_ROWBUILD_H
#define RS_ROWBUILD_H

#include <stdio.h>

#include "out.h"

struct buf;
struct rs_err;
struct schema;

/*
 * rowbuild_finish sets the NULL values of v (s->n of them, borrowed) to
 * "", checks the row against s and appends it to rows as one TSV line.
 * Returns 0, or -1 with e set (RS_EDATA, where: the row's id, copied).
 */
int rowbuild_finish(const struct schema *s, const char **v, struct buf *rows,
    const char *where, struct rs_err *e);

/*
 * rowbuild_out returns a writer on f for rows of schema s (its column
 * names and types), in format fmt with OUT_* flags; the caller frees it
 * with out_free.
 */
struct out *rowbuild_out(FILE *f, enum out_format fmt, int flags, const struct schema *s);

#endif
