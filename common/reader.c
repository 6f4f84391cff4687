/*
 * reader.c - rows from TSV or CSV, plain or gzip; see reader.h.
 *
 * The TSV path is the hot path of every report: one large buffer, lines
 * found with memchr, fields split in place by writing NULs over the tabs
 * (linescan.c), and unescaping only for lines that hold a backslash. The
 * buffer keeps LINESCAN_PAD readable bytes after its data for the split.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csvio.h"
#include "err.h"
#include "gz.h"
#include "linescan.h"
#include "reader.h"
#include "tsv.h"
#include "utf8.h"

#define READ_SIZE (1024 * 1024)
#define READ_START (32 * 1024)
#define LINE_MAX_BYTES (256L * 1024 * 1024)

struct reader {
	struct source *src;
	int fd, own_fd;
	char *name;
	enum reader_kind kind;
	char *buf;
	size_t cap, start, end;
	size_t want;		/* bytes asked of the next read: grows to cap */
	long long offset;	/* stream offset of buf[0] */
	long line;		/* line number of buf[start]; 0 = unknown */
	int eof, started;
	struct fieldvec fields;	/* the fields of the last TSV line */
	struct csv_in *csv;
	int csv_done;
	int clean;		/* the last row is clean (reader_row_clean) */
};

static int
has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static struct reader *
reader_new(int fd, int own_fd, const char *name, enum reader_kind kind, long long offset,
    int positioned)
{
	struct reader *r = xcalloc(1, sizeof(*r));

	r->fd = fd;
	r->own_fd = own_fd;
	r->name = xstrdup(name);
	r->src = positioned ? source_new_at(fd, name, offset) : source_new(fd, name);
	if (kind == READER_AUTO) {
		if (has_suffix(name, ".csv") || has_suffix(name, ".csv.gz"))
			kind = READER_CSV;
		else if (has_suffix(name, ".tsv") || has_suffix(name, ".tsv.gz"))
			kind = READER_TSV;
	}
	r->kind = kind;
	r->cap = READ_SIZE;
	/* Not calloc: a reused heap block would be cleared a megabyte at a time, for nothing. */
	r->buf = xmalloc(r->cap + 1 + LINESCAN_PAD);
	memset(r->buf, 0, 1 + LINESCAN_PAD);
	/*
	 * The first reads are small and grow: a header, or the tail of a
	 * journal under an append, is a few kilobytes, and reading (and
	 * page-faulting) a whole megabyte for it was most of what an
	 * rs-intake call spent beyond starting up. A full scan reaches
	 * READ_SIZE after five reads.
	 */
	r->want = READ_START;
	r->offset = offset;
	r->line = offset > 0 ? 0 : 1;
	r->started = offset > 0;	/* no BOM in the middle of a file */
	return r;
}

struct reader *
reader_open(const char *path, enum reader_kind kind, struct rs_err *e)
{
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return reader_new(0, 0, "stdin", kind, 0, 0);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, RS_EIO, path, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		err_set(e, RS_EIO, path, "is a directory, not a file");
		return NULL;
	}
	return reader_new(fd, 1, path, kind, 0, 0);
}

struct reader *
reader_open_fd(int fd, const char *name, enum reader_kind kind, long long offset,
    struct rs_err *e)
{
	/*
	 * A pipe cannot seek and starts where it is. A file is read with
	 * pread from offset, so that the slices of a parallel scan can read
	 * one descriptor at once (jreader_split).
	 */
	if (lseek(fd, 0, SEEK_CUR) < 0) {
		if (offset > 0 || errno != ESPIPE) {
			err_set(e, RS_EIO, name, "cannot seek: %s", strerror(errno));
			return NULL;
		}
		return reader_new(fd, 0, name, kind, 0, 0);
	}
	return reader_new(fd, 0, name, kind, offset, 1);
}

/* fill reads more input after the unconsumed part; returns 1 if data came, 0 at EOF, -1 on error. */
static int
fill(struct reader *r, struct rs_err *e)
{
	size_t rest = r->end - r->start;
	ssize_t n;

	if (r->eof)
		return 0;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, rest);
		r->offset += (long long)r->start;
		r->start = 0;
		r->end = rest;
	}
	if (r->end == r->cap) {
		if (r->cap >= LINE_MAX_BYTES)
			return err_set(e, RS_EDATA, r->name, "line longer than %ld MB",
			    LINE_MAX_BYTES >> 20);
		r->cap *= 2;
		r->buf = xrealloc(r->buf, r->cap + 1 + LINESCAN_PAD);
	}
	n = source_read(r->src, r->buf + r->end,
	    r->cap - r->end < r->want ? r->cap - r->end : r->want, e);
	if (n < 0)
		return -1;
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	if (r->want < READ_SIZE)
		r->want *= 2;
	r->end += (size_t)n;
	/*
	 * The BOM test needs the first 3 bytes of the stream; wait for more
	 * only while what came so far could still be the start of a BOM.
	 */
	while (!r->started && r->end < 3 && !r->eof &&
	    memcmp(r->buf, "\xEF\xBB\xBF", r->end) == 0) {
		n = source_read(r->src, r->buf + r->end, r->cap - r->end, e);
		if (n < 0)
			return -1;
		if (n == 0)
			r->eof = 1;
		r->end += (size_t)n;
	}
	if (!r->started) {
		r->started = 1;
		if (r->end >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
			r->start = 3;
	}
	memset(r->buf + r->end, 0, 1 + LINESCAN_PAD);
	return 1;
}

/* check_values sets row->problem for NUL bytes or invalid UTF-8. */
static void
check_values(struct row *row, const char *nul_at)
{
	int i;

	for (i = 0; i < row->n; i++) {
		if (nul_at && nul_at >= row->v[i] && nul_at < row->v[i] + row->len[i]) {
			row->problem = "NUL byte";
			row->problem_col = i;
			return;
		}
		if (!utf8_valid(row->v[i], row->len[i])) {
			row->problem = "invalid UTF-8";
			row->problem_col = i;
			return;
		}
	}
}

const char reader_torn_problem[] = "torn last line (no newline at the end)";

static void
split_tsv(struct reader *r, struct row *row, char *p, size_t n)
{
	size_t nul;
	unsigned flags = linescan_split(&r->fields, p, n, &row->n, &nul);
	int i, utf = 0;

	row->v = r->fields.v;
	row->len = r->fields.len;
	/*
	 * UTF-8 is checked once for the whole line: splitting at tabs cannot
	 * make a valid line invalid or the reverse. Only a bad line goes
	 * through check_values, which names the column.
	 */
	if (flags & LINESCAN_HIGH)
		utf = utf8_scan_padded(p, n);
	/* Check before unescaping: an escaped "\n" is fine, a raw NUL is not. */
	if (utf < 0 || nul != (size_t)-1)
		check_values(row, nul != (size_t)-1 ? p + nul : NULL);
	/*
	 * Clean: no control, bidi control or bad UTF-8 anywhere, so text
	 * values need no more checks. Unescaping makes only tabs and
	 * newlines, which text allows, backslashes, and from "\r" a carriage
	 * return, which it does not: a line with an escape stays clean
	 * unless it may hold "\r" (a third of a journal's lines carry a
	 * "\n" in a note, and sent every text value to the slow check).
	 */
	r->clean = row->problem == NULL && utf == 0 && !(flags & LINESCAN_CTL) &&
	    (!(flags & LINESCAN_BSL) || memmem(p, n, "\\r", 2) == NULL);
	if (flags & LINESCAN_BSL)
		for (i = 0; i < row->n; i++)
			row->len[i] = tsv_unescape_inplace(row->v[i], row->len[i]);
}

static int
next_tsv(struct reader *r, struct row *row, struct rs_err *e)
{
	char *line, *nl;
	size_t n;
	int got;

	for (;;) {
		nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		if (nl != NULL)
			break;
		if ((got = fill(r, e)) < 0)
			return -1;
		if (got == 0) {
			if (r->start == r->end)
				return 0;
			/* A last line without its newline: a torn write. */
			line = r->buf + r->start;
			n = r->end - r->start;
			row->offset = r->offset + (long long)r->start;
			row->line = r->line;
			r->start = r->end;
			split_tsv(r, row, line, n);
			row->torn = 1;
			/* A bad byte in it is the worse news: a file read whole must not pass it on. */
			if (row->problem == NULL) {
				row->problem = reader_torn_problem;
				row->problem_col = -1;
			}
			return 1;
		}
	}
	line = r->buf + r->start;
	n = (size_t)(nl - line);
	row->offset = r->offset + (long long)r->start;
	row->line = r->line;
	r->start += n + 1;
	if (r->line)
		r->line++;
	if (n > 0 && line[n - 1] == '\r')
		n--;
	split_tsv(r, row, line, n);
	return 1;
}

/* sniff_kind decides TSV or CSV for an unnamed input from its first line. */
static void
sniff_kind(struct reader *r)
{
	size_t i;

	for (i = r->start; i < r->end && r->buf[i] != '\n'; i++) {
		if (r->buf[i] == '\t') {
			r->kind = READER_TSV;
			return;
		}
	}
	r->kind = memchr(r->buf + r->start, ',', i - r->start) ||
	    memchr(r->buf + r->start, '"', i - r->start) ? READER_CSV : READER_TSV;
}

static int
next_csv(struct reader *r, struct row *row, struct rs_err *e)
{
	int got;

	if (r->csv == NULL)
		r->csv = csv_in_new();
	for (;;) {
		if (csv_in_next(r->csv, row)) {
			row->offset = -1;
			if (r->line == 0)
				row->line = 0;
			check_values(row, NULL);
			/* libcsv ends values at NULs; a NUL in a CSV file is caught by utf8 checks of the raw chunk below. */
			return 1;
		}
		if (r->csv_done)
			return 0;
		if ((got = fill(r, e)) < 0)
			return -1;
		if (r->end > r->start && memchr(r->buf + r->start, '\0', r->end - r->start))
			return err_set(e, RS_EDATA, r->name, "NUL byte in CSV input");
		if (csv_in_feed(r->csv, r->buf + r->start, r->end - r->start, got == 0, e) < 0) {
			if (e) {
				char where[sizeof(e->where)];

				snprintf(where, sizeof(where), "%.200s:%.40s", r->name,
				    strncmp(e->where, "line ", 5) == 0 ? e->where + 5 : e->where);
				memcpy(e->where, where, sizeof(where));
			}
			return -1;
		}
		r->start = r->end;
		if (got == 0)
			r->csv_done = 1;
	}
}

int
reader_next(struct reader *r, struct row *row, struct rs_err *e)
{
	row->file = r->name;
	r->clean = 0;
	row->problem = NULL;
	row->problem_col = -1;
	row->torn = 0;
	row->parsed = 0;
	if (r->kind == READER_AUTO) {
		while (memchr(r->buf + r->start, '\n', r->end - r->start) == NULL) {
			int got = fill(r, e);

			if (got < 0)
				return -1;
			if (got == 0)
				break;
		}
		sniff_kind(r);
	}
	if (r->kind == READER_CSV)
		return next_csv(r, row, e);
	return next_tsv(r, row, e);
}

int
reader_row_clean(const struct reader *r)
{
	return r->clean;
}

int
reader_is_csv(const struct reader *r)
{
	return r->kind == READER_CSV;
}

const char *
reader_name(const struct reader *r)
{
	return r->name;
}

void
reader_free(struct reader *r)
{
	if (r == NULL)
		return;
	if (r->own_fd)
		close(r->fd);
	source_free(r->src);
	if (r->csv)
		csv_in_free(r->csv);
	free(r->buf);
	fieldvec_free(&r->fields);
	free(r->name);
	free(r);
}
