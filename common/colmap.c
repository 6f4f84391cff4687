/*
 * colmap.c - a file's header mapped onto a schema's columns; see colmap.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "colmap.h"
#include "err.h"
#include "i18n.h"
#include "row.h"
#include "schema.h"

void
colmap_init(struct colmap *m, const struct schema *s)
{
	int i;

	memset(m, 0, sizeof(*m));
	m->s = s;
	if (s == NULL)
		return;
	m->nnames = s->n;
	m->names = xcalloc((size_t)s->n, sizeof(char *));
	for (i = 0; i < s->n; i++)
		m->names[i] = xstrdup(s->cols[i].name);
	m->map = xcalloc((size_t)s->n, sizeof(int));
	m->mv = xcalloc((size_t)s->n, sizeof(char *));
	m->mlen = xcalloc((size_t)s->n, sizeof(size_t));
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * unique_names fails on a header that names a column twice: a row of
 * such a file has no one JSON object, and which of the two columns a
 * reader means is anyone's guess. Sorted, not compared in pairs: a
 * hostile header has 100 000 columns.
 */
static int
unique_names(char *const *names, int n, const char *where, struct rs_err *e)
{
	char **sorted = xcalloc((size_t)n + 1, sizeof(*sorted));
	int i, rc = 0;

	memcpy(sorted, names, (size_t)n * sizeof(*sorted));
	qsort(sorted, (size_t)n, sizeof(*sorted), cmp_name);
	for (i = 1; i < n; i++)
		if (strcmp(sorted[i - 1], sorted[i]) == 0) {
			rc = err_set(e, RS_EDATA, where, "column '%s' appears twice", sorted[i]);
			break;
		}
	free(sorted);
	return rc;
}

int
colmap_header(struct colmap *m, const struct row *h, const char *where, struct rs_err *e)
{
	const struct schema *s = m->s;
	int i, j, col;

	if (h->problem)
		return err_set(e, RS_EDATA, where, "header: %s", h->problem);
	m->file_n = h->n;
	if (s == NULL) {
		for (i = 0; i < m->nnames; i++)
			free(m->names[i]);
		free(m->names);
		m->nnames = h->n;
		m->names = xcalloc((size_t)h->n, sizeof(char *));
		for (i = 0; i < h->n; i++)
			m->names[i] = xstrndup(h->v[i], h->len[i]);
		return unique_names(m->names, h->n, where, e);
	}
	m->identity = h->n == s->n;
	for (i = 0; i < s->n; i++)
		m->map[i] = -1;
	for (j = 0; j < h->n; j++) {
		col = schema_column(s, h->v[j]);
		if (col < 0)
			return err_set(e, RS_EDATA, where, "unknown column '%.60s' for %s",
			    h->v[j], s->name);
		if (m->map[col] >= 0)
			return err_set(e, RS_EDATA, where, "column '%s' appears twice", h->v[j]);
		m->map[col] = j;
		if (col != j)
			m->identity = 0;
	}
	return 0;
}

void
colmap_apply(struct colmap *m, struct row *row, char *msg, size_t msgsz)
{
	static char empty[] = "";
	int i, j;

	if (row->n != m->file_n) {
		snprintf(msg, msgsz, _("wrong number of fields: %d, want %d"), row->n, m->file_n);
		row->problem = msg;
		row->problem_col = -1;
		return;
	}
	for (i = 0; i < m->s->n; i++) {
		j = m->map[i];
		m->mv[i] = j >= 0 ? row->v[j] : empty;
		m->mlen[i] = j >= 0 ? row->len[j] : 0;
	}
	row->v = m->mv;
	row->len = m->mlen;
	row->n = m->s->n;
}

void
colmap_free(struct colmap *m)
{
	int i;

	for (i = 0; i < m->nnames; i++)
		free(m->names[i]);
	free(m->names);
	free(m->map);
	free(m->mv);
	free(m->mlen);
	memset(m, 0, sizeof(*m));
}
