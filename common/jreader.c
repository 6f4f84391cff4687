/*
 * jreader.c - the jreader, which turns a journal's files (archives, then
 * the live file) or one user's file into validated rows in schema
 * order; its API is declared in journal.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "colmap.h"
#include "csvio.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "journal.h"
#include "reader.h"
#include "rowcheck.h"
#include "schema.h"

#define SNAPSHOT_TRIES 20	/* live files replaced under a reader before it gives up */

/* One file of a jreader's stream. */
struct part {
	char *path;	/* NULL: the fd of the jreader */
	int fd;		/* the live file opened with the snapshot (owned), or -1 */
	long long offset;
	int archived_month;	/* live file: rows of this month (YYYYMM) and before are in archives */
	rs_time archived_end;	/* the end of that month, once needed (RS_TIME_NONE before) */
	int whole_last_line;	/* a file named by the user: its last line counts without a newline */
	int live;		/* the journal's live file (jreader_open_journal) */
	long long end;		/* rows from this byte offset on are not read; -1: to the end */
	long long size;		/* live file: its size at the snapshot */
	int fd_borrowed;	/* fd belongs to the reader this slice was cut from */
	int orig;		/* a slice's part: the index of its part in that reader */
	long bad, first_bad;	/* a slice's part: bad rows skipped, the first's line (0: unknown) */
	long long first_bad_off;	/* and its byte offset */
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
	struct colmap cm;	/* the current file's header onto s */
	long bad, first_bad;	/* first_bad: its line, 0 while unknown */
	long long first_bad_off;	/* the byte offset of the part's first bad row */
	long first_bad_line;	/* of the first part that had one: what jreader_first_bad says */
	long skipped;		/* bad rows of the parts closed so far */
	rs_time ts;		/* ts of the row last handed out, RS_TIME_NONE if unknown */
	int slice;		/* cut by jreader_split: bad rows are counted per part, not warned */
	int done;
	char msg[1024];
};

static struct jreader *
jreader_new(const struct schema *s, int flags, rs_time until)
{
	struct jreader *jr = xcalloc(1, sizeof(*jr));

	jr->s = s;
	jr->check = s ? rowcheck_new(s) : NULL;
	jr->flags = flags;
	jr->until = until;
	jr->fd = -1;
	jr->cur = -1;
	jr->ts = RS_TIME_NONE;
	colmap_init(&jr->cm, s);
	return jr;
}

static void
add_part(struct jreader *jr, const char *path, long long offset)
{
	jr->parts = xrealloc(jr->parts, (size_t)(jr->nparts + 1) * sizeof(*jr->parts));
	jr->parts[jr->nparts].path = path ? xstrdup(path) : NULL;
	jr->parts[jr->nparts].fd = -1;
	jr->parts[jr->nparts].offset = offset;
	jr->parts[jr->nparts].archived_month = 0;
	jr->parts[jr->nparts].whole_last_line = 0;
	jr->parts[jr->nparts].live = 0;
	jr->parts[jr->nparts].end = -1;
	jr->parts[jr->nparts].size = -1;
	jr->parts[jr->nparts].archived_end = RS_TIME_NONE;
	jr->parts[jr->nparts].fd_borrowed = 0;
	jr->parts[jr->nparts].orig = jr->nparts;
	jr->parts[jr->nparts].bad = jr->parts[jr->nparts].first_bad = 0;
	jr->parts[jr->nparts].first_bad_off = -1;
	jr->nparts++;
}

/*
 * The files warned about so far and the count each warning gave. A tool
 * may read a file twice (rs-complain looks the case up, then the
 * customer's earlier cases): it says so once, as SPEC 3.1 asks of a
 * reader, and again only when a later read found more bad rows.
 */
#define WARNED_MAX 32
static struct {
	char *name;
	long bad;
} warned[WARNED_MAX];
static int nwarned;
static pthread_mutex_t warned_lock = PTHREAD_MUTEX_INITIALIZER;

static int
warning_is_news(const char *name, long bad)
{
	int i, news = 1;

	pthread_mutex_lock(&warned_lock);
	for (i = 0; i < nwarned && strcmp(warned[i].name, name) != 0; i++)
		;
	if (i < nwarned) {
		news = bad > warned[i].bad;
		if (news)
			warned[i].bad = bad;
	} else if (nwarned < WARNED_MAX) {
		warned[nwarned].name = xstrdup(name);
		warned[nwarned++].bad = bad;
	}
	pthread_mutex_unlock(&warned_lock);
	return news;
}

void
journal_warn_skipped(const char *name, long bad, long first_line)
{
	if (bad <= 0 || !warning_is_news(name, bad))
		return;
	if (first_line > 0)
		err_warn(name, "skipped %ld bad row%s, the first at line %ld", bad,
		    bad == 1 ? "" : "s", first_line);
	else
		err_warn(name, "skipped %ld bad row%s", bad, bad == 1 ? "" : "s");
}

/*
 * line_at returns the number of the line starting at byte off of the
 * file fd: a reader started at a bisected offset does not know it. Only
 * a file with a bad row pays for the count. 0 when it cannot be read.
 */
static long
line_at(int fd, long long off)
{
	char b[65536];
	const char *p, *end;
	long long pos = 0;
	long line = 1;
	ssize_t n;

	while (pos < off) {
		n = pread(fd, b, (size_t)(off - pos < (long long)sizeof(b) ? off - pos :
		    (long long)sizeof(b)), (off_t)pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		for (p = b, end = b + n; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
			line++;
		pos += n;
	}
	return line;
}

static void
warn_skipped(struct jreader *jr)
{
	/* The live part of a snapshot reads its own descriptor, not jr->fd. */
	int fd = jr->cur >= 0 && jr->parts[jr->cur].fd >= 0 ?
	    jr->parts[jr->cur].fd : jr->fd;

	if (jr->slice && jr->bad > 0) {
		/* Only the first slice with bad rows needs the line: jreader_split_warn counts it. */
		jr->parts[jr->cur].bad = jr->bad;
		jr->parts[jr->cur].first_bad = jr->first_bad;
		jr->parts[jr->cur].first_bad_off = jr->first_bad_off;
		jr->skipped += jr->bad;
		jr->bad = 0;
		jr->first_bad = 0;
		return;
	}
	if (jr->bad > 0 && jr->first_bad == 0 && fd >= 0 && jr->cur >= 0 &&
	    jr->parts[jr->cur].offset > 0)
		jr->first_bad = line_at(fd, jr->first_bad_off);
	if (jr->bad > 0 && jr->first_bad_line == 0)
		jr->first_bad_line = jr->first_bad;
	if (jr->bad > 0 && !(jr->flags & JR_QUIET) && jr->r)
		journal_warn_skipped(reader_name(jr->r), jr->bad, jr->first_bad);
	jr->skipped += jr->bad;
	jr->bad = 0;
	jr->first_bad = 0;
}

/* open_part opens part k and reads its header; returns 1, 0 if the file is missing and may be, -1 on error. */
static int
open_part(struct jreader *jr, int k, struct rs_err *e)
{
	struct part *p = &jr->parts[k];
	struct row h;
	char where[600];
	int got;

	if (p->fd >= 0) {
		if ((jr->r = reader_open_fd(p->fd, p->path, READER_TSV, 0, e)) == NULL)
			return -1;
	} else if (p->path) {
		if ((jr->r = reader_open(p->path, READER_AUTO, e)) == NULL)
			return -1;
	} else if ((jr->r = reader_open_fd(jr->fd, jr->fdname, READER_AUTO, 0, e)) == NULL)
		return -1;
	got = reader_next(jr->r, &h, e);
	if (got <= 0)
		return got < 0 ? -1 : 1;
	if (h.torn)
		return 1;	/* a header still being written: an empty journal */
	snprintf(where, sizeof(where), "%s:%ld", reader_name(jr->r), h.line ? h.line : 1L);
	if (colmap_header(&jr->cm, &h, where, e) < 0)
		return -1;
	if (p->offset > 0) {
		/* Re-open at the bisected offset; the header came from the start. */
		char *name = xstrdup(reader_name(jr->r));
		int fd = jr->fd;

		reader_free(jr->r);
		jr->r = NULL;
		if (p->fd >= 0)
			fd = p->fd;
		else if (p->path) {
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
	if (jr->cur >= 0 && jr->parts[jr->cur].path && jr->parts[jr->cur].fd < 0 &&
	    jr->fd >= 0) {
		close(jr->fd);	/* opened by open_part for a bisected file */
		jr->fd = -1;
	}
}

/*
 * After the listing the live path must still name the file opened
 * first: an archive (or migrate) that replaced the live file in between
 * could else give a month twice or not at all, so the snapshot is then
 * taken again.
 */
int
jreader_snapshot(const char *dir, const struct schema *s, const char *live, int *fd,
    struct stat *st, struct archive **ar, struct rs_err *e)
{
	struct stat now;
	int n, tries, same;

	for (tries = 0; tries < SNAPSHOT_TRIES; tries++) {
		/* O_NONBLOCK: opening a FIFO planted here must not wait for a writer. */
		*fd = open(live, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (*fd < 0 && errno != ENOENT)
			return err_set(e, RS_EIO, live, "cannot open: %s", strerror(errno));
		if (*fd >= 0 && (fstat(*fd, st) < 0 || !S_ISREG(st->st_mode))) {
			/* A FIFO or device here would block or never end: a journal is a file. */
			err_set(e, RS_EIO, live, S_ISDIR(st->st_mode) ? "is a directory, not a file" :
			    "not a regular file");
			close(*fd);
			*fd = -1;
			return -1;
		}
		if (*fd >= 0)
			(void)fcntl(*fd, F_SETFL, fcntl(*fd, F_GETFL) & ~O_NONBLOCK);
		if ((n = journal_archives(dir, s->name, ar, e)) < 0) {
			if (*fd >= 0)
				close(*fd);
			*fd = -1;
			return -1;
		}
		if (stat(live, &now) == 0)
			same = *fd >= 0 && now.st_ino == st->st_ino && now.st_dev == st->st_dev;
		else
			same = *fd < 0 && errno == ENOENT;
		if (same)
			return n;
		archives_free(*ar, n);
		*ar = NULL;
		if (*fd >= 0)
			close(*fd);
		*fd = -1;
	}
	return err_set(e, RS_EBUSY, live, "the journal keeps being replaced while it is read; try again");
}

struct jreader *
jreader_open_journal(const char *dir, const struct schema *s, rs_time since, rs_time until,
    int flags, struct rs_err *e)
{
	struct jreader *jr = jreader_new(s, flags, until);
	struct archive *ar = NULL;
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
	if ((n = jreader_snapshot(dir, s, live, &fd, &st, &ar, e)) < 0) {
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
	if (fd >= 0) {
		if (since != RS_TIME_NONE && st.st_size > JOURNAL_BISECT_MIN) {
			off = journal_bisect_ts(fd, (long long)st.st_size, since - SCHEMA_AT_AHEAD_S, e);
			if (off < 0) {
				close(fd);
				free(live);
				jreader_free(jr);
				return NULL;
			}
		}
		add_part(jr, live, off);
		jr->parts[jr->nparts - 1].fd = fd;
		jr->parts[jr->nparts - 1].archived_month = skip;
		jr->parts[jr->nparts - 1].live = 1;
		jr->parts[jr->nparts - 1].size = (long long)st.st_size;
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

void
jreader_skip_archived(struct jreader *jr, int month)
{
	int i;

	for (i = 0; i < jr->nparts; i++) {
		jr->parts[i].archived_month = month;
		jr->parts[i].archived_end = RS_TIME_NONE;
	}
}

const char *const *
jreader_columns(const struct jreader *jr, int *n)
{
	*n = jr->cm.nnames;
	return (const char *const *)jr->cm.names;
}

/* unguard takes the formula guard's ' off the text-like values of a CSV row (every value without a schema). */
static void
unguard(const struct jreader *jr, struct row *row)
{
	int i;

	for (i = 0; i < row->n; i++)
		if (jr->s == NULL || (i < jr->s->n && coltype_is_textlike(jr->s->cols[i].type)))
			row->len[i] = csv_unguard(&row->v[i], row->len[i]);
}

int
jreader_next(struct jreader *jr, struct row *row, struct rs_err *e)
{
	struct part *p;
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
			if (row->problem == reader_torn_problem)
				row->problem = NULL;
		}
		jr->ts = RS_TIME_NONE;
		if (row->problem == NULL && jr->s) {
			if (!jr->cm.identity)
				colmap_apply(&jr->cm, row, jr->msg, sizeof(jr->msg));
			if (row->problem == NULL && !(jr->flags & JR_RAW) && reader_is_csv(jr->r))
				unguard(jr, row);
			if (row->problem == NULL)
				rowcheck_row(jr->check, row, reader_row_clean(jr->r), &jr->ts,
				    jr->msg, sizeof(jr->msg));
		} else if (row->problem == NULL && row->n != jr->cm.file_n) {
			snprintf(jr->msg, sizeof(jr->msg), _("wrong number of fields: %d, want %d"),
			    row->n, jr->cm.file_n);
			row->problem = jr->msg;
		} else if (row->problem == NULL && !(jr->flags & JR_RAW) && reader_is_csv(jr->r))
			unguard(jr, row);
		if (row->problem) {
			if (jr->flags & JR_BAD)
				return 1;
			if (!row->torn && jr->bad++ == 0) {
				jr->first_bad = row->line;
				jr->first_bad_off = row->offset;
			}
			continue;
		}
		if (jr->s == NULL || (jr->until == RS_TIME_NONE &&
		    jr->parts[jr->cur].archived_month == 0))
			return 1;
		/* Validation parsed ts already (jr->ts); only a JR_BAD row has none. */
		if ((ts = jr->ts) == RS_TIME_NONE)
			return 1;
		if ((p = &jr->parts[jr->cur])->archived_month) {
			/* A time against the month's end: a calendar per row was an eighth of a scan. */
			if (p->archived_end == RS_TIME_NONE)
				p->archived_end = journal_month_end(p->archived_month);
			if (ts < p->archived_end)
				continue;
		}
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

int
jreader_same_live(const struct jreader *jr, int fd)
{
	struct stat a, b;
	int i;

	for (i = 0; i < jr->nparts; i++)
		if (jr->parts[i].live && jr->parts[i].fd >= 0)
			return fstat(jr->parts[i].fd, &a) == 0 && fstat(fd, &b) == 0 &&
			    a.st_ino == b.st_ino && a.st_dev == b.st_dev;
	return 0;
}

long
jreader_skipped(const struct jreader *jr)
{
	return jr->skipped + jr->bad;
}

long
jreader_first_bad(const struct jreader *jr)
{
	return jr->first_bad_line;
}

rs_time
jreader_ts(const struct jreader *jr)
{
	return jr->ts;
}

int
jreader_header_is_schema(const struct jreader *jr)
{
	return jr->s != NULL && jr->cm.identity;
}

void
jreader_free(struct jreader *jr)
{
	int i;

	if (jr == NULL)
		return;
	if (jr->r)
		close_part(jr);
	for (i = 0; i < jr->nparts; i++) {
		if (jr->parts[i].fd >= 0 && !jr->parts[i].fd_borrowed)
			close(jr->parts[i].fd);
		free(jr->parts[i].path);
	}
	free(jr->parts);
	free(jr->fdname);
	colmap_free(&jr->cm);
	rowcheck_free(jr->check);
	free(jr);
}

rs_time
jrow_at(const struct row *r)
{
	rs_time t;

	if (r->parsed)
		return r->at;
	return r->n > 1 && time_parse_ts(r->v[1], r->len[1], &t) == 0 ? t : RS_TIME_NONE;
}

int
jrow_enum(const struct row *r, const struct schema *s, int col)
{
	if (r->parsed && r->enums != NULL)
		return (int)r->enums[col] - 1;
	return col < r->n ? schema_enum_index(&s->cols[col], r->v[col], r->len[col]) : -1;
}

int
jrow_case_key(const struct row *r, int col, uint64_t *key)
{
	if (r->parsed && r->case_key != 0) {
		*key = r->case_key;
		return 0;
	}
	return col < r->n ? id_parse(r->v[col], r->len[col], "RS", key) : -1;
}

/*
 * Slices (jreader_split). A cut is a position in the stream of parts:
 * byte off of part k, always a line start; k = nparts is the end.
 */
struct cut {
	int k;
	long long off;
};

#define SLICE_GZ_RATIO 4	/* a gzip archive's weight: its bytes inflate about so much */
#define CUT_BLOCK 65536

/* part_span sets the bytes [*from, *to) part p will read, and says whether it can be cut (a plain file of known size). */
static int
part_span(const struct part *p, long long *from, long long *to)
{
	struct stat st;
	size_t n = p->path ? strlen(p->path) : 0;
	long long size = p->size;

	*from = p->offset;
	if (size < 0 && p->path && stat(p->path, &st) == 0 && S_ISREG(st.st_mode))
		size = (long long)st.st_size;
	if (size < 0) {
		*to = *from;	/* unknown: opening it will say why */
		return 0;
	}
	*to = p->end >= 0 && p->end < size ? p->end : size;
	if (*to < *from)
		*to = *from;
	if (n > 3 && strcmp(p->path + n - 3, ".gz") == 0) {
		*to = *from + (*to - *from) * SLICE_GZ_RATIO;
		return 0;
	}
	return 1;
}

/* line_start returns the first line start at or after off in part p (to if none before it), or -1 with e set. */
static long long
line_start(const struct part *p, long long off, long long to, struct rs_err *e)
{
	char b[CUT_BLOCK];
	long long pos = off - 1;
	ssize_t n;
	char *nl;
	int fd = p->fd;

	if (off <= 0)
		return 0;
	if (fd < 0 && (fd = open(p->path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(e, RS_EIO, p->path, "cannot open: %s", strerror(errno));
	while (pos < to) {
		n = pread(fd, b, sizeof(b), (off_t)pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set(e, RS_EIO, p->path, "read error: %s", strerror(errno));
			pos = -1;
			break;
		}
		if (n == 0) {
			pos = to;
			break;
		}
		if ((nl = memchr(b, '\n', (size_t)n)) != NULL) {
			pos += nl - b + 1;
			break;
		}
		pos += n;
	}
	if (fd != p->fd)
		close(fd);
	return pos > to ? to : pos;
}

/* slice_new makes the quiet reader of jr's stream between cuts a and b. */
static struct jreader *
slice_new(const struct jreader *jr, struct cut a, struct cut b)
{
	struct jreader *sl = jreader_new(jr->s, jr->flags | JR_QUIET, jr->until);
	struct part *p;
	int k;

	sl->slice = 1;
	for (k = a.k; k < jr->nparts && (k < b.k || (k == b.k && b.off > jr->parts[k].offset &&
	    (k != a.k || b.off > a.off))); k++) {
		add_part(sl, jr->parts[k].path, 0);
		p = &sl->parts[sl->nparts - 1];
		p->fd = jr->parts[k].fd;
		p->fd_borrowed = 1;
		p->orig = k;
		p->archived_month = jr->parts[k].archived_month;
		p->whole_last_line = jr->parts[k].whole_last_line;
		p->live = jr->parts[k].live;
		p->size = jr->parts[k].size;
		p->offset = k == a.k ? a.off : jr->parts[k].offset;
		p->end = k == b.k ? b.off : jr->parts[k].end;
	}
	return sl;
}

int
jreader_split(struct jreader *jr, int n, long long min_bytes, struct jreader **sl,
    struct rs_err *e)
{
	long long *from, *to, total = 0, per, acc = 0, want, off;
	struct cut *cuts;
	int *can, i, k, ncut = 1, nsl = 0;

	if (jr->cur != -1 || jr->fd >= 0 || jr->nparts == 0 || n <= 1)
		return 0;
	from = xcalloc((size_t)jr->nparts, sizeof(*from));
	to = xcalloc((size_t)jr->nparts, sizeof(*to));
	can = xcalloc((size_t)jr->nparts, sizeof(*can));
	for (k = 0; k < jr->nparts; k++) {
		can[k] = part_span(&jr->parts[k], &from[k], &to[k]);
		total += to[k] - from[k];
	}
	if (min_bytes > 0 && total / min_bytes < n)
		n = (int)(total / min_bytes);
	cuts = xcalloc((size_t)n + 1, sizeof(*cuts));
	cuts[0].k = 0;
	cuts[0].off = jr->parts[0].offset;
	per = n > 0 ? total / n : 0;
	for (k = 0, i = 1; n > 1 && k < jr->nparts && i < n; k++) {
		/* The cuts that fall in part k; one that falls in an uncut part goes to its end. */
		while (i < n && (want = (long long)i * per) < acc + (to[k] - from[k])) {
			if (!can[k])
				break;
			if ((off = line_start(&jr->parts[k], from[k] + (want - acc), to[k], e)) < 0)
				goto fail;
			if (off > cuts[ncut - 1].off || cuts[ncut - 1].k != k) {
				cuts[ncut].k = k;
				cuts[ncut++].off = off;
			}
			i++;
		}
		acc += to[k] - from[k];
		if (i < n && (long long)i * per <= acc) {
			if (k + 1 < jr->nparts) {
				cuts[ncut].k = k + 1;
				cuts[ncut++].off = jr->parts[k + 1].offset;
			}
			while (i < n && (long long)i * per <= acc)
				i++;
		}
	}
	if (ncut < 2)
		goto done;
	cuts[ncut].k = jr->nparts;
	cuts[ncut].off = 0;
	for (i = 0; i < ncut; i++)
		sl[nsl++] = slice_new(jr, cuts[i], cuts[i + 1]);
done:
	free(cuts);
	free(from);
	free(to);
	free(can);
	return nsl;
fail:
	nsl = -1;
	goto done;
}

void
jreader_split_warn(struct jreader *jr, struct jreader *const *sl, int n)
{
	long bad, first;
	long long first_off;
	int i, j, k, fd;
	const struct part *p;

	for (k = 0; k < jr->nparts; k++) {
		bad = first = 0;
		first_off = -1;
		for (i = 0; i < n; i++)
			for (j = 0; j < sl[i]->nparts; j++) {
				p = &sl[i]->parts[j];
				if (p->orig != k || p->bad == 0)
					continue;
				if (bad == 0) {
					first = p->first_bad;
					first_off = p->first_bad_off;
				}
				bad += p->bad;
			}
		if (bad == 0)
			continue;
		if (first == 0 && first_off >= 0) {
			/* A slice that started mid-file does not know its line numbers. */
			p = &jr->parts[k];
			fd = p->fd >= 0 ? p->fd : open(p->path, O_RDONLY | O_CLOEXEC);
			if (fd >= 0) {
				first = line_at(fd, first_off);
				if (fd != p->fd)
					close(fd);
			}
		}
		if (jr->first_bad_line == 0)
			jr->first_bad_line = first;
		jr->skipped += bad;
		if (!(jr->flags & JR_QUIET))
			journal_warn_skipped(jr->parts[k].path, bad, first);
	}
}
