/*
 * journal.c - the journal directory, its archives, and bisection on ts;
 * see journal.h.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "journal.h"

char *
journal_dir(const char *opt)
{
	const char *v;
	struct buf b = BUF_INIT;

	if (opt && *opt)
		return xstrdup(opt);
	if ((v = getenv("RS_DIR")) && *v)
		return xstrdup(v);
	if ((v = getenv("XDG_DATA_HOME")) && *v)
		buf_printf(&b, "%s/rs", v);
	else
		buf_printf(&b, "%s/.local/share/rs", (v = getenv("HOME")) && *v ? v : ".");
	return b.p;
}

char *
journal_path(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s.tsv", dir, name);
	return b.p;
}

static int
all_digits(const char *p, int n)
{
	while (n-- > 0)
		if (*p < '0' || *p++ > '9')
			return 0;
	return 1;
}

static int
archive_cmp(const void *a, const void *b)
{
	const struct archive *x = a, *y = b;

	return (x->month > y->month) - (x->month < y->month);
}

int
journal_archives(const char *dir, const char *name, struct archive **list, struct rs_err *e)
{
	DIR *d;
	struct dirent *de;
	struct archive *a = NULL;
	size_t k = strlen(name);
	int n = 0, cap = 0, y, m;
	const char *p;

	*list = NULL;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, RS_EIO, dir, "cannot read directory: %s", strerror(errno));
	}
	while ((de = readdir(d)) != NULL) {
		/* NAME.YYYY-MM.tsv.gz */
		p = de->d_name;
		if (strncmp(p, name, k) != 0 || p[k] != '.' || strlen(p) != k + 15 ||
		    strcmp(p + k + 8, ".tsv.gz") != 0 || p[k + 5] != '-')
			continue;
		if (!all_digits(p + k + 1, 4) || !all_digits(p + k + 6, 2))
			continue;
		y = atoi(p + k + 1);
		m = (p[k + 6] - '0') * 10 + (p[k + 7] - '0');
		if (m < 1 || m > 12)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			a = xrealloc(a, (size_t)cap * sizeof(*a));
		}
		a[n].path = xmalloc(strlen(dir) + strlen(p) + 2);
		sprintf(a[n].path, "%s/%s", dir, p);
		a[n].month = y * 100 + m;
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(a, (size_t)n, sizeof(*a), archive_cmp);
	*list = a;
	return n;
}

void
archives_free(struct archive *list, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(list[i].path);
	free(list);
}

int
journal_month(rs_time t)
{
	return time_local_date(t) / 100;
}

rs_time
journal_month_end(int month)
{
	int y = month / 100, m = month % 100;

	return m == 12 ? time_from_local(y + 1, 1, 1, 0, 0, 0) :
	    time_from_local(y, m + 1, 1, 0, 0, 0);
}

int
journal_cutoff(const char *dir, const char *name, int *month, rs_time *cutoff,
    struct rs_err *e)
{
	struct archive *list;
	int n;

	*month = 0;
	*cutoff = RS_TIME_NONE;
	if ((n = journal_archives(dir, name, &list, e)) < 0)
		return -1;
	if (n > 0) {
		*month = list[n - 1].month;
		*cutoff = journal_month_end(*month);
	}
	archives_free(list, n);
	return 0;
}

/* line_ts finds the first line starting at or after off and reads its ts; returns that line's offset, or -1 at the end. */
static long long
line_ts(int fd, long long off, long long size, rs_time *t, int *ok, struct rs_err *e)
{
	char chunk[4096];
	ssize_t n;
	char *nl, *tab;
	long long pos = off;

	*ok = 0;
	if (off > 0) {
		/* Skip to the start of the next line. */
		for (;;) {
			if (pos >= size)
				return -1;
			n = pread(fd, chunk, sizeof(chunk), (off_t)pos);
			if (n < 0)
				return err_set(e, RS_EIO, "journal", "read error: %s", strerror(errno)), -2;
			if (n == 0)
				return -1;
			if ((nl = memchr(chunk, '\n', (size_t)n)) != NULL) {
				pos += nl - chunk + 1;
				break;
			}
			pos += n;
		}
	}
	if (pos >= size)
		return -1;
	n = pread(fd, chunk, sizeof(chunk), (off_t)pos);
	if (n < 0)
		return err_set(e, RS_EIO, "journal", "read error: %s", strerror(errno)), -2;
	tab = memchr(chunk, '\t', (size_t)n);
	if (tab && time_parse_ts(chunk, (size_t)(tab - chunk), t) == 0)
		*ok = 1;
	return pos;
}

long long
journal_bisect_ts(int fd, long long size, rs_time t, struct rs_err *e)
{
	long long lo, hi, mid, at;
	rs_time ts;
	int ok, tries;

	lo = line_ts(fd, 1, size, &ts, &ok, e);	/* the first row, after the header */
	if (lo == -2)
		return -1;
	if (lo < 0)
		return size;
	hi = size;
	while (hi - lo > JOURNAL_BISECT_MIN) {
		mid = lo + (hi - lo) / 2;
		/* Step over a few unreadable lines before giving up on this probe. */
		for (at = mid, tries = 0; tries < 8; tries++) {
			at = line_ts(fd, at, size, &ts, &ok, e);
			if (at == -2)
				return -1;
			if (at < 0 || ok)
				break;
			at++;
		}
		if (at < 0 || at >= hi || !ok) {
			hi = mid;
			continue;
		}
		if (ts < t)
			lo = at;
		else
			hi = at;
	}
	return lo;
}
