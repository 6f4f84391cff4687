/* archive.c - moving old months of a journal into gzip archives; see archive.h. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "append.h"
#include "archive.h"
#include "buf.h"
#include "err.h"
#include "gz.h"
#include "jfile.h"
#include "journal.h"
#include "schema.h"

/* write_archive gzips data into path, crash-safely (jfile_replace), with the live file's owner, group and mode. */
static int
write_archive(const char *dir, const char *path, const char *data, size_t n,
    const struct stat *live, struct rs_err *e)
{
	struct buf zipped = BUF_INIT;
	int rc = -1;

	if (gz_compress(data, n, &zipped, path, e) != -1)
		rc = jfile_replace(dir, path, zipped.p, zipped.len, live, e);
	buf_free(&zipped);
	return rc;
}

/* month_of_line returns the site's month (YYYYMM) of a line's ts, or 0 if it has none. */
static int
month_of_line(const char *p, size_t n)
{
	const char *tab = memchr(p, '\t', n);
	rs_time t;

	if (tab == NULL || time_parse_ts(p, (size_t)(tab - p), &t) < 0)
		return 0;
	return journal_month(t);
}

/*
 * archive_month merges rows (whole lines) into the archive of month,
 * unless they are already its tail. A new archive gets the live file's
 * header (head), so that every value stays under its column.
 */
static int
archive_month(const char *dir, const struct schema *s, int month, const char *head,
    size_t headlen, const char *rows, size_t n, const struct stat *live, struct rs_err *e)
{
	struct buf path = BUF_INIT, old = BUF_INIT;
	int fd, rc = -1;

	buf_printf(&path, "%s/%s.%04d-%02d.tsv.gz", dir, s->name, month / 100, month % 100);
	/* A link planted at the archive's name is not followed, not even to read. */
	fd = open(path.p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		rc = source_slurp(fd, path.p, &old, e);
		close(fd);
		if (rc < 0)
			goto done;
		rc = -1;
		/* An earlier run that died after this rename already moved these rows. */
		if (old.len >= n && memcmp(old.p + old.len - n, rows, n) == 0) {
			rc = 0;
			goto done;
		}
		if (old.len < headlen || memcmp(old.p, head, headlen) != 0) {
			err_set(e, RS_EDATA, path.p, "its header is not the live file's; "
			    "cannot add rows of that month to it");
			goto done;
		}
		if (old.len > 0 && old.p[old.len - 1] != '\n')
			buf_addc(&old, '\n');
	} else if (errno != ENOENT) {
		err_set(e, RS_EIO, path.p, "cannot open: %s", strerror(errno));
		goto done;
	} else
		buf_add(&old, head, headlen);
	buf_add(&old, rows, n);
	rc = write_archive(dir, path.p, old.p, old.len, live, e);
done:
	buf_free(&path);
	buf_free(&old);
	return rc;
}

/* A month's rows on their way to its archive. */
struct month_rows {
	int month;
	struct buf rows;
};

static struct buf *
rows_of_month(struct month_rows **list, int *n, int month)
{
	int i;

	for (i = 0; i < *n; i++)
		if ((*list)[i].month == month)
			return &(*list)[i].rows;
	*list = xrealloc(*list, (size_t)(*n + 1) * sizeof(**list));
	(*list)[*n].month = month;
	memset(&(*list)[*n].rows, 0, sizeof((*list)[*n].rows));
	return &(*list)[(*n)++].rows;
}

static int
month_cmp(const void *a, const void *b)
{
	const struct month_rows *x = a, *y = b;

	return (x->month > y->month) - (x->month < y->month);
}

/* next_month returns the month (YYYYMM) after month. */
static int
next_month(int month)
{
	return month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1;
}

int
journal_archive(const char *dir, const struct schema *s, int before, long *moved,
    struct rs_err *e)
{
	struct buf live = BUF_INIT, keep = BUF_INIT;
	struct month_rows *months = NULL;
	char *path = journal_path(dir, s->name);
	const char *p, *end, *nl, *body;
	int fd, rc = -1, m, prev = 0, nmonths = 0, i, newest;
	struct stat st;
	rs_time cutoff;

	*moved = 0;
	if ((fd = jfile_load(path, &st, &live, e)) < 0) {
		free(path);
		buf_free(&live);
		return fd == -2 ? 0 : -1;
	}
	body = memchr(live.p ? live.p : "", '\n', live.len);
	if (body == NULL) {
		rc = 0;
		goto done;
	}
	body++;
	buf_add(&keep, live.p, (size_t)(body - live.p));
	/*
	 * Rows of months already archived are the leftovers of a run that
	 * stopped before it replaced the live file: this run finishes it,
	 * whatever month it is asked for.
	 */
	if (journal_cutoff(dir, s->name, &newest, &cutoff, e) < 0)
		goto done;
	if (newest != 0 && next_month(newest) > before)
		before = next_month(newest);
	/*
	 * Every dated row of a month before the cut moves, not just a prefix:
	 * readers skip live rows of archived months, so none may stay behind.
	 * An undatable line goes where the row before it goes (it was written
	 * among them); a torn last line stays in the live file.
	 */
	for (p = body, end = live.p + live.len; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			buf_add(&keep, p, (size_t)(end - p));
			break;
		}
		m = month_of_line(p, (size_t)(nl - p));
		if (m == 0)
			m = prev;
		prev = m;
		if (m == 0 || m >= before) {
			buf_add(&keep, p, (size_t)(nl + 1 - p));
			continue;
		}
		buf_add(rows_of_month(&months, &nmonths, m), p, (size_t)(nl + 1 - p));
		(*moved)++;
	}
	if (nmonths == 0) {
		rc = 0;
		goto done;
	}
	qsort(months, (size_t)nmonths, sizeof(*months), month_cmp);
	for (i = 0; i < nmonths; i++)
		if (archive_month(dir, s, months[i].month, live.p, (size_t)(body - live.p),
		    months[i].rows.p, months[i].rows.len, &st, e) < 0)
			goto done;
	/* Every moved row is durable in an archive; now drop them from the live file. */
	rc = jfile_replace(dir, path, keep.p, keep.len, &st, e);
done:
	close(fd);
	for (i = 0; i < nmonths; i++)
		buf_free(&months[i].rows);
	free(months);
	buf_free(&live);
	buf_free(&keep);
	free(path);
	return rc;
}
