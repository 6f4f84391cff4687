/*
 * journal.c - the journal directory, archives, bisection on ts, and the
 * jreader that turns files into validated rows in schema order; see
 * journal.h.
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
#include "i18n.h"
#include "reader.h"
#include "rowcheck.h"
#include "schema.h"

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
	while (hi - lo > 65536) {
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

/* One file of a jreader's stream. */
struct part {
	char *path;	/* NULL: the fd of the jreader */
	long long offset;
	int archived_month;	/* live file: rows of this month (YYYYMM) and before are in archives */
	int whole_last_line;	/* a file named by the user: its last line counts without a newline */
	int live;		/* the journal's live file (jreader_open_journal) */
	long long end;		/* rows from this byte offset on are not read; -1: to the end */
};

struct jreader {
	const struct schema *s;
	struct rowcheck *check;	/* s compiled for the read path, or NULL */
	int flags;
	rs_time until;
	struct part *parts;
	int nparts, cur;
	int fd;			/* borrowed fd (jreader_open_fd) or -1 */
	char *fdname;		/* its name for messages */
	struct reader *r;
	int *map;		/* map[schema col] = file col, or -1 */
	int identity;
	int file_n;		/* number of columns of the current file */
	char **names;		/* column names (schema-less: the header's) */
	int nnames;
	char **mv;
	size_t *mlen;
	long bad, first_bad;
	long skipped;		/* bad rows of the parts closed so far */
	rs_time ts;		/* ts of the row last handed out, RS_TIME_NONE if unknown */
	int done;
	char msg[1024];
};

static struct jreader *
jreader_new(const struct schema *s, int flags, rs_time until)
{
	struct jreader *jr = xcalloc(1, sizeof(*jr));
	int i;

	jr->s = s;
	jr->check = s ? rowcheck_new(s) : NULL;
	jr->flags = flags;
	jr->until = until;
	jr->fd = -1;
	jr->cur = -1;
	jr->ts = RS_TIME_NONE;
	if (s) {
		jr->nnames = s->n;
		jr->names = xcalloc((size_t)s->n, sizeof(char *));
		for (i = 0; i < s->n; i++)
			jr->names[i] = xstrdup(s->cols[i].name);
		jr->map = xcalloc((size_t)s->n, sizeof(int));
		jr->mv = xcalloc((size_t)s->n, sizeof(char *));
		jr->mlen = xcalloc((size_t)s->n, sizeof(size_t));
	}
	return jr;
}

static void
add_part(struct jreader *jr, const char *path, long long offset)
{
	jr->parts = xrealloc(jr->parts, (size_t)(jr->nparts + 1) * sizeof(*jr->parts));
	jr->parts[jr->nparts].path = path ? xstrdup(path) : NULL;
	jr->parts[jr->nparts].offset = offset;
	jr->parts[jr->nparts].archived_month = 0;
	jr->parts[jr->nparts].whole_last_line = 0;
	jr->parts[jr->nparts].live = 0;
	jr->parts[jr->nparts].end = -1;
	jr->nparts++;
}

void
journal_warn_skipped(const char *name, long bad, long first_line)
{
	if (bad <= 0)
		return;
	if (first_line > 0)
		err_warn(name, "skipped %ld bad row%s (first at line %ld)", bad,
		    bad == 1 ? "" : "s", first_line);
	else
		err_warn(name, "skipped %ld bad row%s", bad, bad == 1 ? "" : "s");
}

static void
warn_skipped(struct jreader *jr)
{
	if (jr->bad > 0 && !(jr->flags & JR_QUIET) && jr->r)
		journal_warn_skipped(reader_name(jr->r), jr->bad, jr->first_bad);
	jr->skipped += jr->bad;
	jr->bad = 0;
	jr->first_bad = 0;
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
			rc = err_set(e, RS_EDATA, where, "column '%.60s' appears twice", sorted[i]);
			break;
		}
	free(sorted);
	return rc;
}

/* map_header sets up the column map from a header row; returns 0 or -1. */
static int
map_header(struct jreader *jr, const struct row *h, struct rs_err *e)
{
	const struct schema *s = jr->s;
	char where[600];
	int i, j, col;

	snprintf(where, sizeof(where), "%s:%ld", reader_name(jr->r), h->line ? h->line : 1L);
	if (h->problem)
		return err_set(e, RS_EDATA, where, "header: %s", h->problem);
	jr->file_n = h->n;
	if (s == NULL) {
		for (i = 0; i < jr->nnames; i++)
			free(jr->names[i]);
		free(jr->names);
		jr->nnames = h->n;
		jr->names = xcalloc((size_t)h->n, sizeof(char *));
		for (i = 0; i < h->n; i++)
			jr->names[i] = xstrndup(h->v[i], h->len[i]);
		return unique_names(jr->names, h->n, where, e);
	}
	jr->identity = h->n == s->n;
	for (i = 0; i < s->n; i++)
		jr->map[i] = -1;
	for (j = 0; j < h->n; j++) {
		col = schema_column(s, h->v[j]);
		if (col < 0)
			return err_set(e, RS_EDATA, where, "unknown column '%.60s' for %s",
			    h->v[j], s->name);
		if (jr->map[col] >= 0)
			return err_set(e, RS_EDATA, where, "column '%s' appears twice", h->v[j]);
		jr->map[col] = j;
		if (col != j)
			jr->identity = 0;
	}
	return 0;
}

/* open_part opens part k and reads its header; returns 1, 0 if the file is missing and may be, -1 on error. */
static int
open_part(struct jreader *jr, int k, struct rs_err *e)
{
	struct part *p = &jr->parts[k];
	struct row h;
	int got;

	if (p->path) {
		if ((jr->r = reader_open(p->path, READER_AUTO, e)) == NULL)
			return -1;
	} else if ((jr->r = reader_open_fd(jr->fd, jr->fdname, READER_AUTO, 0, e)) == NULL)
		return -1;
	got = reader_next(jr->r, &h, e);
	if (got <= 0)
		return got < 0 ? -1 : 1;
	if (h.torn)
		return 1;	/* a header still being written: an empty journal */
	if (map_header(jr, &h, e) < 0)
		return -1;
	if (p->offset > 0) {
		/* Re-open at the bisected offset; the header came from the start. */
		char *name = xstrdup(reader_name(jr->r));
		int fd = jr->fd;

		reader_free(jr->r);
		jr->r = NULL;
		if (p->path) {
			if ((fd = open(p->path, O_RDONLY | O_CLOEXEC)) < 0)
				return err_set(e, RS_EIO, p->path, "cannot open: %s", strerror(errno));
			jr->fd = fd;
		}
		jr->r = reader_open_fd(fd, name, READER_TSV, p->offset, e);
		free(name);
		if (jr->r == NULL)
			return -1;
	}
	return 1;
}

static void
close_part(struct jreader *jr)
{
	warn_skipped(jr);
	reader_free(jr->r);
	jr->r = NULL;
	if (jr->cur >= 0 && jr->parts[jr->cur].path && jr->fd >= 0) {
		close(jr->fd);	/* opened by open_part for a bisected file */
		jr->fd = -1;
	}
}

struct jreader *
jreader_open_journal(const char *dir, const struct schema *s, rs_time since, rs_time until,
    int flags, struct rs_err *e)
{
	struct jreader *jr = jreader_new(s, flags, until);
	struct archive *ar;
	char *live = journal_path(dir, s->name);
	int n, i, month_since = 0, month_until = 999999;
	int64_t y;
	int mo;
	struct stat st;
	long long off = 0;
	int skip;
	int fd;

	if (since != RS_TIME_NONE) {
		/* Archive months are months of ts; a little slack for offsets. */
		time_local_fields(since - 86400, &y, &mo, NULL, NULL, NULL, NULL);
		month_since = (int)y * 100 + mo;
	}
	if (until != RS_TIME_NONE) {
		time_local_fields(until + 86400, &y, &mo, NULL, NULL, NULL, NULL);
		month_until = (int)y * 100 + mo;
	}
	if ((n = journal_archives(dir, s->name, &ar, e)) < 0) {
		free(live);
		jreader_free(jr);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (ar[i].month >= month_since && ar[i].month <= month_until)
			add_part(jr, ar[i].path, 0);
	/* After an interrupted archive the live file may still hold archived rows. */
	skip = n > 0 ? ar[n - 1].month : 0;
	archives_free(ar, n);
	if (stat(live, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			/* A FIFO or device here would block or never end: a journal is a file. */
			err_set(e, RS_EIO, live, S_ISDIR(st.st_mode) ? "is a directory, not a file" :
			    "not a regular file");
			free(live);
			jreader_free(jr);
			return NULL;
		}
		if (since != RS_TIME_NONE && st.st_size > 65536 &&
		    (fd = open(live, O_RDONLY | O_CLOEXEC)) >= 0) {
			off = journal_bisect_ts(fd, (long long)st.st_size, since - 300, e);
			close(fd);
			if (off < 0) {
				free(live);
				jreader_free(jr);
				return NULL;
			}
		}
		add_part(jr, live, off);
		jr->parts[jr->nparts - 1].archived_month = skip;
		jr->parts[jr->nparts - 1].live = 1;
	} else if (errno != ENOENT) {
		err_set(e, RS_EIO, live, "cannot open: %s", strerror(errno));
		free(live);
		jreader_free(jr);
		return NULL;
	}
	free(live);
	return jr;
}

struct jreader *
jreader_open_file(const char *path, const struct schema *s, int flags, struct rs_err *e)
{
	struct jreader *jr = jreader_new(s, flags, RS_TIME_NONE);
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) != 0) {
		err_set(e, RS_EIO, path, "cannot open: %s", strerror(errno));
		jreader_free(jr);
		return NULL;
	}
	add_part(jr, path, 0);
	jr->parts[0].whole_last_line = !(flags & JR_BAD);
	/* Open now so that a bad file fails here, not at the first row. */
	jr->cur = 0;
	if (open_part(jr, 0, e) < 0) {
		jreader_free(jr);
		return NULL;
	}
	return jr;
}

struct jreader *
jreader_open_fd(int fd, const char *name, const struct schema *s, long long offset,
    int flags, struct rs_err *e)
{
	struct jreader *jr = jreader_new(s, flags, RS_TIME_NONE);

	jr->fdname = xstrdup(name);
	jr->fd = fd;
	add_part(jr, NULL, offset);
	jr->cur = 0;
	if (open_part(jr, 0, e) < 0) {
		jreader_free(jr);
		return NULL;
	}
	return jr;
}

const char *const *
jreader_columns(const struct jreader *jr, int *n)
{
	*n = jr->nnames;
	return (const char *const *)jr->names;
}

/* to_schema_order rewrites row through the header map. */
static void
to_schema_order(struct jreader *jr, struct row *row)
{
	static char empty[] = "";
	int i, j;

	if (row->n != jr->file_n) {
		snprintf(jr->msg, sizeof(jr->msg), _("wrong number of fields: %d, want %d"),
		    row->n, jr->file_n);
		row->problem = jr->msg;
		row->problem_col = -1;
		return;
	}
	for (i = 0; i < jr->s->n; i++) {
		j = jr->map[i];
		jr->mv[i] = j >= 0 ? row->v[j] : empty;
		jr->mlen[i] = j >= 0 ? row->len[j] : 0;
	}
	row->v = jr->mv;
	row->len = jr->mlen;
	row->n = jr->s->n;
}

int
jreader_next(struct jreader *jr, struct row *row, struct rs_err *e)
{
	rs_time ts;
	int got;

	while (!jr->done) {
		if (jr->r == NULL) {
			if (jr->cur + 1 >= jr->nparts) {
				jr->done = 1;
				break;
			}
			jr->cur++;
			if (open_part(jr, jr->cur, e) < 0)
				return -1;
			if (jr->r == NULL)
				continue;
		}
		got = reader_next(jr->r, row, e);
		if (got < 0)
			return -1;
		if (got == 0 || (jr->parts[jr->cur].end >= 0 &&
		    row->offset >= jr->parts[jr->cur].end)) {
			/* The end, or the end of the range asked (jreader_live_range). */
			close_part(jr);
			continue;
		}
		if (row->torn && jr->parts[jr->cur].whole_last_line) {
			/* Only a journal being appended to has torn lines; a user's file just lacks the newline. */
			row->torn = 0;
			row->problem = NULL;
		}
		jr->ts = RS_TIME_NONE;
		if (row->problem == NULL && jr->s) {
			if (!jr->identity)
				to_schema_order(jr, row);
			if (row->problem == NULL)
				rowcheck_row(jr->check, row, reader_row_clean(jr->r), &jr->ts,
				    jr->msg, sizeof(jr->msg));
		} else if (row->problem == NULL && row->n != jr->file_n) {
			snprintf(jr->msg, sizeof(jr->msg), _("wrong number of fields: %d, want %d"),
			    row->n, jr->file_n);
			row->problem = jr->msg;
		}
		if (row->problem) {
			if (jr->flags & JR_BAD)
				return 1;
			if (!row->torn && jr->bad++ == 0)
				jr->first_bad = row->line;
			continue;
		}
		if (jr->s == NULL || (jr->until == RS_TIME_NONE &&
		    jr->parts[jr->cur].archived_month == 0))
			return 1;
		/* Validation parsed ts already (jr->ts); only a JR_BAD row has none. */
		if ((ts = jr->ts) == RS_TIME_NONE)
			return 1;
		if (jr->parts[jr->cur].archived_month &&
		    time_written_date(row->v[0], row->len[0]) / 100 <= jr->parts[jr->cur].archived_month)
			continue;
		if (jr->until != RS_TIME_NONE && ts > jr->until) {
			/* ts never decreases: nothing later can be in range. */
			close_part(jr);
			jr->done = 1;
			break;
		}
		return 1;
	}
	return 0;
}

int
jreader_live_range(struct jreader *jr, long long from, long long to)
{
	if (jr->cur != -1 || jr->nparts != 1 || !jr->parts[0].live)
		return -1;
	if (from >= 0)
		jr->parts[0].offset = from;
	jr->parts[0].end = to;
	return 0;
}

long
jreader_skipped(const struct jreader *jr)
{
	return jr->skipped + jr->bad;
}

rs_time
jreader_ts(const struct jreader *jr)
{
	return jr->ts;
}

int
jreader_header_is_schema(const struct jreader *jr)
{
	return jr->s != NULL && jr->identity;
}

void
jreader_free(struct jreader *jr)
{
	int i;

	if (jr == NULL)
		return;
	if (jr->r)
		close_part(jr);
	for (i = 0; i < jr->nparts; i++)
		free(jr->parts[i].path);
	free(jr->parts);
	free(jr->fdname);
	for (i = 0; i < jr->nnames; i++)
		free(jr->names[i]);
	free(jr->names);
	free(jr->map);
	free(jr->mv);
	free(jr->mlen);
	rowcheck_free(jr->check);
	free(jr);
}
