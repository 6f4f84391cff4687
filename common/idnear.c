/* idnear.c - the known id nearest to a mistyped one; see idnear.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "i18n.h"
#include "idnear.h"
#include "journal.h"
#include "near.h"
#include "row.h"
#include "schema.h"

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * nearest returns the one id of ids[0..n) at the least distance from id,
 * within near_pick's two edits; NULL when none is, or when two are: ids
 * are dense (hundreds a day differing in a digit), so a tie names none.
 */
static const char *
nearest(const char *id, const char *const *ids, size_t n)
{
	const char *best = NULL;
	size_t i, d, bestd = 3;
	int ties = 0;

	for (i = 0; i < n; i++) {
		if ((d = near_distance(id, ids[i])) > bestd)
			continue;
		if (d < bestd) {
			bestd = d;
			best = ids[i];
			ties = 0;
		} else {
			ties++;
		}
	}
	return bestd > 0 && ties == 0 ? best : NULL;
}

void
idnear_explain(const char *dir, const struct schema *s, const char *id, struct rs_err *e)
{
	struct jreader *jr;
	struct arena ar;
	struct row r;
	struct rs_err quiet;
	const char **ids = NULL, *meant;
	size_t n = 0, cap = 0, i, u;
	size_t len;

	err_clear(&quiet);
	if ((jr = jreader_open_journal(dir, s, RS_TIME_NONE, RS_TIME_NONE, 0, &quiet)) == NULL)
		return;
	memset(&ar, 0, sizeof(ar));
	while (jreader_next(jr, &r, &quiet) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			ids = xrealloc(ids, cap * sizeof(*ids));
		}
		/* Consecutive rows are often one entity's: keep it once. */
		len = r.len[s->id_col];
		if (n > 0 && strlen(ids[n - 1]) == len &&
		    memcmp(ids[n - 1], r.v[s->id_col], len) == 0)
			continue;
		ids[n++] = arena_strndup(&ar, r.v[s->id_col], len);
	}
	jreader_free(jr);
	/* Each id once, or a prefix of one id would look like a prefix of many. */
	if (n > 0)
		qsort(ids, n, sizeof(*ids), by_name);
	for (i = u = 0; i < n; i++)
		if (u == 0 || strcmp(ids[u - 1], ids[i]) != 0)
			ids[u++] = ids[i];
	if (e != NULL && (meant = nearest(id, ids, u)) != NULL) {
		len = strlen(e->msg);
		snprintf(e->msg + len, sizeof(e->msg) - len, _("; did you mean '%s'?"), meant);
	}
	free(ids);
	arena_free(&ar);
}
