/* rowbuild.c - finishing and printing the rows a tool appends; see rowbuild.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "buf.h"
#include "err.h"
#include "row.h"
#include "rowbuild.h"
#include "schema.h"

int
rowbuild_finish(const struct schema *s, const char **v, struct buf *rows,
    const char *where, struct rs_err *e)
{
	size_t *len = xcalloc((size_t)s->n, sizeof(*len));
	char msg[512];
	struct row r;
	int i, rc = 0;

	for (i = 0; i < s->n; i++) {
		if (v[i] == NULL)
			v[i] = "";
		len[i] = strlen(v[i]);
	}
	memset(&r, 0, sizeof(r));
	r.n = s->n;
	r.v = (char **)(uintptr_t)v;	/* only read */
	r.len = len;
	r.problem_col = -1;
	if (schema_check_row(s, &r, msg, sizeof(msg)) == -1)
		rc = err_set(e, RS_EDATA, where, "%s", r.problem);
	else
		row_format_tsv(rows, s->n, v);
	free(len);
	return rc;
}

struct out *
rowbuild_out(FILE *f, enum out_format fmt, int flags, const struct schema *s)
{
	const char **names = xcalloc((size_t)s->n, sizeof(*names));
	enum coltype *types = xcalloc((size_t)s->n, sizeof(*types));
	struct out *o;
	int i;

	for (i = 0; i < s->n; i++) {
		names[i] = s->cols[i].name;
		types[i] = s->cols[i].type;
	}
	o = out_new(f, fmt, flags, s->n, names, types);
	free(names);
	free(types);
	return o;
}
