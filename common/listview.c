/* listview.c - a list's columns in each format; see listview.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "listview.h"

struct lview {
	const struct lview_def *d;
	struct out *o;
	int *sel, nsel;
	const char **row;
	size_t *lens;
};

static int
column_index(const struct lview_def *d, const char *name, size_t len)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (strlen(d->names[i]) == len && memcmp(d->names[i], name, len) == 0)
			return i;
	return -1;
}

int
lview_select(const struct lview_def *d, const char *spec, int *sel, enum lview_bad *why,
    char *bad, size_t size)
{
	const char *p = spec, *q;
	size_t len;
	int n = 0, i, k;

	for (;;) {
		q = strchr(p, ',');
		len = q != NULL ? (size_t)(q - p) : strlen(p);
		if (len == 0) {
			*why = LVIEW_EMPTY;
			bad[0] = '\0';
			return -1;
		}
		snprintf(bad, size, "%.*s", (int)len, p);
		if ((i = column_index(d, p, len)) == -1) {
			*why = LVIEW_UNKNOWN;
			return -1;
		}
		for (k = 0; k < n; k++)
			if (sel[k] == i) {
				*why = LVIEW_REPEATED;
				return -1;
			}
		sel[n++] = i;
		if (q == NULL)
			return n;
		p = q + 1;
	}
}

struct lview *
lview_new(FILE *fp, const struct lview_def *d, enum out_format f, int flags, const int *sel,
    int nsel, int wide, rs_time as_of, int color)
{
	struct lview *v = xcalloc(1, sizeof(*v));
	const char **names = xcalloc((size_t)d->n + 1, sizeof(*names));
	enum coltype *types = xcalloc((size_t)d->n + 1, sizeof(*types));
	int i, k, fitted = 0;

	v->d = d;
	v->sel = xcalloc((size_t)d->n + 1, sizeof(*v->sel));
	v->row = xcalloc((size_t)d->n + 1, sizeof(*v->row));
	v->lens = xcalloc((size_t)d->n + 1, sizeof(*v->lens));
	if (sel != NULL) {
		memcpy(v->sel, sel, (size_t)nsel * sizeof(*sel));
		v->nsel = nsel;
	} else if (f == OUT_TABLE && !wide && d->table != NULL) {
		for (k = 0; d->table[k] != NULL; k++)
			if ((i = column_index(d, d->table[k], strlen(d->table[k]))) != -1)
				v->sel[v->nsel++] = i;
		fitted = 1;
	} else {
		for (i = 0; i < d->n; i++)
			v->sel[v->nsel++] = i;
	}
	for (k = 0; k < v->nsel; k++) {
		names[k] = d->names[v->sel[k]];
		types[k] = d->types[v->sel[k]];
	}
	v->o = out_new(fp, f, flags, v->nsel, names, types);
	if (f == OUT_TABLE)
		out_person(v->o, as_of, d->urgent >= 0, fitted ? LVIEW_WIDTH : 0, color);
	free(names);
	free(types);
	return v;
}

void
lview_row_n(struct lview *v, const char *const *values, const size_t *lens)
{
	const char *u;
	size_t n;
	int k;

	for (k = 0; k < v->nsel; k++) {
		v->row[k] = values[v->sel[k]];
		if (lens != NULL)
			v->lens[k] = lens[v->sel[k]];
	}
	u = v->d->urgent >= 0 ? values[v->d->urgent] : NULL;
	n = u == NULL ? 0 : lens != NULL ? lens[v->d->urgent] : strlen(u);
	out_row_urgent(v->o, v->row, lens != NULL ? v->lens : NULL, n == 1 && u[0] == 'y');
}

void
lview_row(struct lview *v, const char *const *values)
{
	lview_row_n(v, values, NULL);
}

int
lview_end(struct lview *v)
{
	return out_end(v->o);
}

void
lview_free(struct lview *v)
{
	if (v == NULL)
		return;
	out_free(v->o);
	free(v->sel);
	free(v->row);
	free(v->lens);
	free(v);
}
