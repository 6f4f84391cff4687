/* migrate.c - a live journal rewritten under the current header; see migrate.h. */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "append.h"
#include "buf.h"
#include "dispatch.h"
#include "err.h"
#include "gz.h"
#include "jfile.h"
#include "journal.h"
#include "migrate.h"
#include "schema.h"
#include "schema_tables.h"

/*
 * map_header sets map[i] to the schema column of the file's column i
 * (the header line p, n bytes without its newline) and *nfile to the
 * number of file columns. Returns 0, or -1 with e set.
 */
static int
map_header(const struct schema *s, const char *p, size_t n, int **map, int *nfile,
    const char *path, struct rs_err *e)
{
	struct buf where = BUF_INIT, name = BUF_INIT;
	const char *end = p + n, *tab;
	char *seen = xcalloc((size_t)s->n, 1);
	int k = 0, col, rc = 0;

	buf_printf(&where, "%s:1", path);
	*map = NULL;
	for (;;) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			tab = end;
		name.len = 0;
		buf_add(&name, p, (size_t)(tab - p));
		buf_addc(&name, '\0');
		col = schema_column(s, name.p);
		if (col < 0) {
			rc = err_set(e, RS_EDATA, where.p, "unknown column '%s' of %s", name.p, s->name);
			break;
		}
		if (seen[col]++) {
			rc = err_set(e, RS_EDATA, where.p, "column '%s' appears twice", name.p);
			break;
		}
		*map = xrealloc(*map, (size_t)(k + 1) * sizeof(**map));
		(*map)[k++] = col;
		if (tab == end)
			break;
		p = tab + 1;
	}
	*nfile = k;
	free(seen);
	buf_free(&where);
	buf_free(&name);
	return rc;
}

/* migrate_row appends line (n bytes, no newline) with its nfile fields put under their schema columns. */
static void
migrate_row(const struct schema *s, const int *map, int nfile, const char *line, size_t n,
    struct buf *out)
{
	const char **v = xcalloc((size_t)s->n, sizeof(*v));
	size_t *len = xcalloc((size_t)s->n, sizeof(*len));
	const char *p = line, *end = line + n, *tab;
	int i;

	for (i = 0; i < nfile; i++) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			tab = end;
		v[map[i]] = p;
		len[map[i]] = (size_t)(tab - p);
		p = tab + 1;
	}
	/*
	 * A cancellation written before the reason column gave its reason
	 * in the note: that is reason other (SPEC 4.2), which the live
	 * file must now hold.
	 */
	if (s == &schema_dispatch && v[DISPATCH_REASON] == NULL && v[DISPATCH_EVENT] != NULL &&
	    len[DISPATCH_EVENT] == strlen("cancelled") &&
	    memcmp(v[DISPATCH_EVENT], "cancelled", len[DISPATCH_EVENT]) == 0) {
		v[DISPATCH_REASON] = DISPATCH_REASON_UNGIVEN;
		len[DISPATCH_REASON] = strlen(DISPATCH_REASON_UNGIVEN);
	}
	/* The values stay escaped as they were: only their places change. */
	for (i = 0; i < s->n; i++) {
		if (i)
			buf_addc(out, '\t');
		if (v[i])
			buf_add(out, v[i], len[i]);
	}
	buf_addc(out, '\n');
	free(v);
	free(len);
}

/* fields counts the tab-separated fields of a line. */
static int
fields(const char *p, size_t n)
{
	const char *end = p + n;
	int k = 1;

	while ((p = memchr(p, '\t', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

int
journal_migrate(const char *dir, const struct schema *s, long *rows, struct rs_err *e)
{
	struct buf live = BUF_INIT, want = BUF_INIT, out = BUF_INIT;
	char *path = journal_path(dir, s->name);
	const char *p, *end, *nl, *body;
	int fd, rc = -1, nfile = 0;
	int *map = NULL;
	struct stat st;

	*rows = -1;
	if ((fd = jfile_load(path, &st, &live, e)) < 0) {
		free(path);
		buf_free(&live);
		return fd == -2 ? 0 : -1;
	}
	header_format_tsv(&want, s);
	body = memchr(live.p ? live.p : "", '\n', live.len);
	if (body == NULL || ((size_t)(body + 1 - live.p) == want.len &&
	    memcmp(live.p, want.p, want.len) == 0)) {
		rc = 0;	/* current already, or no whole header yet: nothing to do */
		goto done;
	}
	if (map_header(s, live.p, (size_t)(body - live.p), &map, &nfile, path, e) < 0)
		goto done;
	*rows = 0;
	buf_add(&out, want.p, want.len);
	for (p = body + 1, end = live.p + live.len; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
		    fields(p, (size_t)(nl - p)) != nfile) {
			/* A torn last line or a bad row stays as it was: still one bad line. */
			nl = nl ? nl : end - 1;
			buf_add(&out, p, (size_t)(nl + 1 - p));
			continue;
		}
		migrate_row(s, map, nfile, p, (size_t)(nl - p), &out);
		(*rows)++;
	}
	rc = jfile_replace(dir, path, out.p, out.len, &st, e);
done:
	close(fd);
	free(map);
	buf_free(&live);
	buf_free(&want);
	buf_free(&out);
	free(path);
	return rc;
}
