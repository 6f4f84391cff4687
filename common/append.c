/*
 * append.c - journal_append: the one function that writes a journal;
 * see append.h and SPEC 3.4.
 *
 * The order of the steps is what makes a crash harmless: nothing is
 * written until the rows are complete and validated, the rows go out in
 * one write(2) on an O_APPEND descriptor, and a short write is cut back
 * so that a row is either wholly in the file or not at all.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "append.h"
#include "buf.h"
#include "err.h"
#include "jfile.h"
#include "journal.h"
#include "schema.h"
#include "tsv.h"

void
row_format_tsv(struct buf *out, int n, const char *const *values)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(out, '\t');
		if (values[i])
			tsv_escape(out, values[i], strlen(values[i]));
	}
	buf_addc(out, '\n');
}

void
header_format_tsv(struct buf *out, const struct schema *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		if (i)
			buf_addc(out, '\t');
		buf_adds(out, s->cols[i].name);
	}
	buf_addc(out, '\n');
}

static int
write_all(int fd, const char *p, size_t n, const char *path, struct rs_err *e)
{
	ssize_t w;
	int retried = 0;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR || (errno == EAGAIN && !retried++))
				continue;
			return err_set(e, RS_EIO, path, "write error: %s", strerror(errno));
		}
		if (w == 0)
			return err_set(e, RS_EIO, path, "write error: no progress");
		/* A short write is retried once for the rest; a second failure rolls back. */
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* ends_with_newline checks the last byte of a non-empty file. */
static int
last_byte(int fd, long long size, char *c, const char *path, struct rs_err *e)
{
	if (pread(fd, c, 1, (off_t)(size - 1)) != 1)
		return err_set(e, RS_EIO, path, "read error: %s", strerror(errno));
	return 0;
}

/* line_start returns the offset of the start of the line whose last byte is at end (>= 0), reading backwards in chunks: a line may be of any length. */
static long long
line_start(int fd, long long end, const char *path, struct rs_err *e)
{
	char chunk[8192];
	long long from;
	ssize_t n, i;

	while (end > 0) {
		from = end > (long long)sizeof(chunk) ? end - (long long)sizeof(chunk) : 0;
		n = pread(fd, chunk, (size_t)(end - from), (off_t)from);
		if (n != end - from)
			return err_set(e, RS_EIO, path, "read error: %s",
			    n < 0 ? strerror(errno) : "short read");
		for (i = n; i > 0; i--)
			if (chunk[i - 1] == '\n')
				return from + i;
		end = from;
	}
	return 0;
}

/*
 * find_last_ts reads the ts of the last row whose ts can be read, going
 * back from the end of the file line by line (a torn last line is no
 * row); the header ends the search. Sets *t, RS_TIME_NONE if there is
 * none.
 */
static int
find_last_ts(int fd, long long size, int torn, rs_time *t, const char *path,
    struct rs_err *e)
{
	char head[TIME_ISO_MAX + 16];
	long long end = size - 1, start;
	ssize_t n;
	char *tab;

	*t = RS_TIME_NONE;
	if (torn) {
		if ((start = line_start(fd, end, path, e)) < 0)
			return -1;
		end = start - 1;
	}
	while (end > 0) {
		if ((start = line_start(fd, end, path, e)) < 0)
			return -1;
		if (start == 0)
			break;	/* the header */
		n = pread(fd, head, sizeof(head), (off_t)start);
		if (n < 0)
			return err_set(e, RS_EIO, path, "read error: %s", strerror(errno));
		if (n > end - start)
			n = (ssize_t)(end - start);
		tab = memchr(head, '\t', (size_t)n);
		if (tab && time_parse_ts(head, (size_t)(tab - head), t) == 0)
			return 0;
		*t = RS_TIME_NONE;
		end = start - 1;
	}
	return 0;
}

/* header_is_current checks that the file's first line is exactly the schema's header; sets *ok. */
static int
header_is_current(int fd, const struct schema *s, int *ok, const char *path, struct rs_err *e)
{
	struct buf want = BUF_INIT;
	char *got;
	size_t have = 0;
	ssize_t n;

	header_format_tsv(&want, s);
	got = xmalloc(want.len);
	/* pread may return less than asked: only the end of the file stops it. */
	while (have < want.len) {
		n = pread(fd, got + have, want.len - have, (off_t)have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(got);
			buf_free(&want);
			return err_set(e, RS_EIO, path, "read error: %s", strerror(errno));
		}
		if (n == 0)
			break;
		have += (size_t)n;
	}
	*ok = have == want.len && memcmp(got, want.p, want.len) == 0;
	free(got);
	buf_free(&want);
	return 0;
}

/* ensure_dir creates dir and its missing parents, each 0700 (SPEC 3: the first write creates the directory). */
static int
ensure_dir(const char *dir, struct rs_err *e)
{
	struct stat st;
	char *p, *slash;
	int rc = 0;

	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : err_set(e, RS_EIO, dir, "not a directory");
	if (errno != ENOENT)
		return err_set(e, RS_EIO, dir, "cannot use journal directory: %s", strerror(errno));
	p = xstrdup(dir);
	for (slash = p + 1; rc == 0; slash++) {
		slash = strchr(slash, '/');
		if (slash)
			*slash = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			rc = err_set(e, RS_EIO, dir, "cannot create journal directory: %s",
			    strerror(errno));
		if (slash == NULL)
			break;
		*slash = '/';
	}
	free(p);
	return rc;
}

static int
fsync_wanted(void)
{
	const char *v = getenv("RS_FSYNC");

	return !(v && strcmp(v, "0") == 0);
}

int
journal_append(const char *dir, const struct schema *s, append_build_fn build, void *arg,
    struct rs_err *e)
{
	struct append_ctx ctx;
	struct buf out = BUF_INIT, rows = BUF_INIT;
	struct stat st;
	char *path = journal_path(dir, s->name), last;
	int fd = -1, rc = -1, current = 0;
	double timeout;
	rs_time now;

	memset(&ctx, 0, sizeof(ctx));
	/* A bad RS_LOCK_TIMEOUT is refused before anything is created. */
	if (jfile_lock_timeout(&timeout, e) < 0 || ensure_dir(dir, e) < 0)
		goto done;
	if ((fd = jfile_open_locked(path, O_RDWR | O_APPEND | O_CREAT, 0600, &st, e)) < 0) {
		fd = -1;
		goto done;
	}
	ctx.size = (long long)st.st_size;
	if (ctx.size > 0) {
		if (header_is_current(fd, s, &current, path, e) < 0)
			goto done;
		if (!current) {
			err_set(e, RS_EDATA, path, "the header is not the current one of %s; "
			    "run 'rs-journal migrate %s' first", s->name, s->name);
			goto done;
		}
		if (last_byte(fd, ctx.size, &last, path, e) < 0)
			goto done;
		/*
		 * A crash left a torn line: a newline goes out in the same
		 * write as the rows, so that the fragment stays one bad line
		 * and a refused command changes no byte.
		 */
		if (last != '\n')
			buf_addc(&out, '\n');
	}
	ctx.dir = dir;
	ctx.s = s;
	ctx.path = path;
	ctx.fd = fd;
	ctx.last_ts = RS_TIME_NONE;
	if (ctx.size > 0 && find_last_ts(fd, ctx.size, out.len > 0, &ctx.last_ts, path, e) < 0)
		goto done;
	if (journal_cutoff(dir, s->name, &ctx.archived_month, &ctx.cutoff, e) < 0)
		goto done;
	/* ts never decreases, and never falls in a month already archived (SPEC 3). */
	now = time_now();
	ctx.ts = now;
	if (ctx.last_ts != RS_TIME_NONE && ctx.last_ts > ctx.ts)
		ctx.ts = ctx.last_ts;
	if (ctx.cutoff != RS_TIME_NONE && ctx.cutoff > ctx.ts)
		ctx.ts = ctx.cutoff;
	if (build(&ctx, &rows, arg, e) < 0)
		goto done;
	if (rows.len == 0) {
		rc = 0;
		goto done;
	}
	if (ctx.size == 0)
		header_format_tsv(&out, s);
	buf_add(&out, rows.p, rows.len);
	if (write_all(fd, out.p, out.len, path, e) < 0) {
		/* Cut back whatever part of the rows reached the file. */
		if (ftruncate(fd, (off_t)ctx.size) < 0)
			err_set(e, RS_EIO, path, "write failed and cannot truncate back: %s",
			    strerror(errno));
		goto done;
	}
	if (fsync_wanted() && fsync(fd) < 0) {
		err_set(e, RS_EIO, path, "fsync failed: %s", strerror(errno));
		if (ftruncate(fd, (off_t)ctx.size) < 0)
			err_set(e, RS_EIO, path, "fsync failed and cannot truncate back: %s",
			    strerror(errno));
		goto done;
	}
	rc = 0;
done:
	if (fd >= 0) {
		/*
		 * An empty journal file (one this call created, then wrote
		 * nothing to, or cut back to nothing) goes away again (still under the lock): a rejected first row leaves
		 * no trace. A writer waiting on the same empty file sees it
		 * replaced (jfile_open_locked) and creates it anew.
		 */
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0)
			unlink(path);
		close(fd);	/* closing drops the OFD lock */
	}
	buf_free(&out);
	buf_free(&rows);
	free(path);
	return rc;
}

struct jreader *
append_reader(struct append_ctx *ctx, rs_time since, struct rs_err *e)
{
	struct jreader *jr;
	long long off = 0;

	if (since != RS_TIME_NONE && ctx->size > JOURNAL_BISECT_MIN) {
		off = journal_bisect_ts(ctx->fd, ctx->size, since, e);
		if (off < 0)
			return NULL;
	}
	jr = jreader_open_fd(ctx->fd, ctx->path, ctx->s, off, JR_QUIET, e);
	if (jr != NULL)
		jreader_skip_archived(jr, ctx->archived_month);
	return jr;
}
