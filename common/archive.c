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
#include "journal.h"
#include "schema.h"

#define WRITE_TRIES 100	/* EINTR or EAGAIN in a row before a write is an error */

/* slurp reads a whole (possibly gzip) file into b; returns 0 or -1. */
static int
slurp(int fd, const char *name, struct buf *b, struct rs_err *e)
{
	struct source *src = source_new(fd, name);
	ssize_t n;

	for (;;) {
		buf_grow(b, 1 << 20);
		n = source_read(src, b->p + b->len, b->cap - b->len - 1, e);
		if (n <= 0)
			break;
		b->len += (size_t)n;
		b->p[b->len] = '\0';
	}
	source_free(src);
	return n < 0 ? -1 : 0;
}

static int
fsync_dir(const char *dir, struct rs_err *e)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return err_set(e, RS_EIO, dir, "cannot open directory: %s", strerror(errno));
	if (fsync(fd) < 0 && errno != EINVAL) {
		close(fd);
		return err_set(e, RS_EIO, dir, "fsync failed: %s", strerror(errno));
	}
	close(fd);
	return 0;
}

/* write_durably writes data (gzip-compressed when gz) to path via a temporary file, fsync and rename. */
static int
write_durably(const char *dir, const char *path, const char *data, size_t n, int gz,
    mode_t mode, struct rs_err *e)
{
	struct buf tmp = BUF_INIT, zipped = BUF_INIT;
	size_t off = 0;
	ssize_t w;
	int fd, rc = -1, tries = 0;

	buf_printf(&tmp, "%s.tmp", path);
	fd = open(tmp.p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, RS_EIO, tmp.p, "cannot create: %s", strerror(errno));
		goto done;
	}
	/* The replacement keeps the live file's mode: a group-shared journal stays shared. */
	if (fchmod(fd, mode & 0770) < 0) {
		err_set(e, RS_EIO, tmp.p, "cannot set mode: %s", strerror(errno));
		goto fail;
	}
	if (gz && gz_compress(data, n, &zipped, tmp.p, e) == -1)
		goto fail;
	if (gz) {
		data = zipped.p;
		n = zipped.len;
	}
	while (off < n) {
		w = write(fd, data + off, n - off);
		/*
		 * A signal (EINTR) or a passing EAGAIN is not a failure, nor is
		 * a short write: go on from where it stopped, giving up only
		 * after many tries in a row without progress.
		 */
		if (w < 0 && (errno == EINTR || errno == EAGAIN) && ++tries < WRITE_TRIES)
			continue;
		if (w <= 0) {
			err_set(e, RS_EIO, tmp.p, "write error: %s", strerror(w < 0 ? errno : ENOSPC));
			goto fail;
		}
		off += (size_t)w;
		tries = 0;
	}
	if (fsync(fd) < 0) {
		err_set(e, RS_EIO, tmp.p, "fsync failed: %s", strerror(errno));
		goto fail;
	}
	close(fd);
	fd = -1;
	if (rename(tmp.p, path) < 0) {
		err_set(e, RS_EIO, path, "cannot rename into place: %s", strerror(errno));
		goto fail;
	}
	rc = fsync_dir(dir, e);
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.p);
done:
	buf_free(&zipped);
	buf_free(&tmp);
	return rc;
}

/* month_of_line returns the YYYYMM of a line's ts, or 0 if it has none. */
static int
month_of_line(const char *p, size_t n)
{
	const char *tab = memchr(p, '\t', n);
	rs_time t;

	/*
	 * The month as written in ts, in its writer's offset: the archive a
	 * row belongs to does not depend on the TZ of whoever runs archive
	 * or reads the journal later.
	 */
	if (tab == NULL || time_parse_ts(p, (size_t)(tab - p), &t) < 0)
		return 0;
	return time_written_date(p, (size_t)(tab - p)) / 100;
}

/* archive_month merges rows (whole lines) into the archive of month, unless they are already its tail. */
static int
archive_month(const char *dir, const struct schema *s, int month, const char *rows, size_t n,
    mode_t mode, struct rs_err *e)
{
	struct buf path = BUF_INIT, old = BUF_INIT;
	int fd, rc = -1;

	buf_printf(&path, "%s/%s.%04d-%02d.tsv.gz", dir, s->name, month / 100, month % 100);
	fd = open(path.p, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		rc = slurp(fd, path.p, &old, e);
		close(fd);
		if (rc < 0)
			goto done;
		rc = -1;
		/* An earlier run that died after this rename already moved these rows. */
		if (old.len >= n && memcmp(old.p + old.len - n, rows, n) == 0) {
			rc = 0;
			goto done;
		}
		if (old.len > 0 && old.p[old.len - 1] != '\n')
			buf_addc(&old, '\n');
	} else if (errno != ENOENT) {
		err_set(e, RS_EIO, path.p, "cannot open: %s", strerror(errno));
		goto done;
	} else
		header_format_tsv(&old, s);
	buf_add(&old, rows, n);
	rc = write_durably(dir, path.p, old.p, old.len, 1, mode, e);
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

int
journal_archive(const char *dir, const struct schema *s, int before, long *moved,
    struct rs_err *e)
{
	struct buf live = BUF_INIT, keep = BUF_INIT;
	struct month_rows *months = NULL;
	char *path = journal_path(dir, s->name);
	const char *p, *end, *nl, *body;
	int fd, rc = -1, m, prev = 0, nmonths = 0, i;
	struct stat st;

	*moved = 0;
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		rc = errno == ENOENT ? 0 : err_set(e, RS_EIO, path, "cannot open: %s", strerror(errno));
		free(path);
		return rc;
	}
	if (journal_lock(fd, path, e) < 0)
		goto done;
	if (fstat(fd, &st) < 0) {
		err_set(e, RS_EIO, path, "cannot stat: %s", strerror(errno));
		goto done;
	}
	if (slurp(fd, path, &live, e) < 0)
		goto done;
	body = memchr(live.p ? live.p : "", '\n', live.len);
	if (body == NULL) {
		rc = 0;
		goto done;
	}
	body++;
	buf_add(&keep, live.p, (size_t)(body - live.p));
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
		if (archive_month(dir, s, months[i].month, months[i].rows.p, months[i].rows.len,
		    st.st_mode, e) < 0)
			goto done;
	/* Every moved row is durable in an archive; now drop them from the live file. */
	rc = write_durably(dir, path, keep.p, keep.len, 0, st.st_mode, e);
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
