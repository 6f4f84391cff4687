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

static double
lock_timeout(void)
{
	const char *v = getenv("RS_LOCK_TIMEOUT");
	char *end;
	double t;

	if (v == NULL || *v == '\0')
		return 10;
	t = strtod(v, &end);
	return *end == '\0' && t >= 0 && t < 86400 ? t : 10;
}

static double
monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * journal_lock polls F_OFD_SETLK every 1-2 ms until RS_LOCK_TIMEOUT. A
 * short, fixed, jittered interval keeps 32 waiting writers moving (an
 * exponential backoff let some of them starve), and unlike a timer
 * interrupting F_OFD_SETLKW it needs no signal handling, which also
 * keeps it working under valgrind.
 */
int
journal_lock(int fd, const char *path, struct rs_err *e)
{
	struct flock fl;
	struct timespec nap;
	double limit = lock_timeout(), start = monotonic_seconds();
	unsigned jitter = (unsigned)getpid();

	for (;;) {
		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
			return 0;
		if (errno != EAGAIN && errno != EACCES && errno != EINTR)
			return err_set(e, RS_EIO, path, "cannot lock: %s", strerror(errno));
		if (monotonic_seconds() - start >= limit)
			return err_set(e, RS_EBUSY, path,
			    "journal is busy (locked by another writer for %g s); try again", limit);
		jitter = jitter * 1103515245U + 12345U;
		nap.tv_sec = 0;
		nap.tv_nsec = 1000000L + (long)(jitter >> 16) % 1000000L;
		nanosleep(&nap, NULL);
	}
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

/* find_last_ts reads the ts of the last good row from the tail (the file ends with a newline). */
static rs_time
find_last_ts(int fd, long long size)
{
	char chunk[65536];
	long long from = size > (long long)sizeof(chunk) ? size - (long long)sizeof(chunk) : 0;
	ssize_t n = pread(fd, chunk, sizeof(chunk), (off_t)from);
	char *end, *start, *tab;
	rs_time t;

	if (n <= 0)
		return RS_TIME_NONE;
	end = chunk + n - 1;	/* the final newline */
	while (end > chunk) {
		start = end;
		while (start > chunk && start[-1] != '\n')
			start--;
		if (start == chunk && from > 0)
			break;	/* line may begin before the chunk */
		tab = memchr(start, '\t', (size_t)(end - start));
		if (tab && time_parse_ts(start, (size_t)(tab - start), &t) == 0)
			return t;
		end = start - 1;
	}
	return RS_TIME_NONE;
}

static int
ensure_dir(const char *dir, struct rs_err *e)
{
	struct stat st;

	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return err_set(e, RS_EIO, dir, "not a directory");
		return 0;
	}
	if (errno != ENOENT)
		return err_set(e, RS_EIO, dir, "cannot use journal directory: %s", strerror(errno));
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return err_set(e, RS_EIO, dir, "cannot create journal directory: %s", strerror(errno));
	return 0;
}

int
journal_append(const char *dir, const struct schema *s, append_build_fn build, void *arg,
    struct rs_err *e)
{
	struct append_ctx ctx;
	struct buf out = BUF_INIT, rows = BUF_INIT;
	struct stat st, now_st;
	char *path = journal_path(dir, s->name), last;
	int fd = -1, rc = -1, reopen = 0;
	rs_time now;

	if (ensure_dir(dir, e) < 0)
		goto done;
again:
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, RS_EIO, path, "cannot open for writing: %s", strerror(errno));
		goto done;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		err_set(e, RS_EIO, path, "not a regular file");
		goto done;
	}
	if (journal_lock(fd, path, e) < 0)
		goto done;
	if (fstat(fd, &st) < 0) {
		err_set(e, RS_EIO, path, "cannot stat: %s", strerror(errno));
		goto done;
	}
	if (stat(path, &now_st) < 0 || now_st.st_ino != st.st_ino || now_st.st_dev != st.st_dev) {
		/* rs-journal archive replaced the file while we waited: lock the new one. */
		close(fd);
		fd = -1;
		if (++reopen > 100) {
			err_set(e, RS_EBUSY, path, "journal keeps being replaced; try again");
			goto done;
		}
		goto again;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.size = (long long)st.st_size;
	if (ctx.size > 0) {
		if (last_byte(fd, ctx.size, &last, path, e) < 0)
			goto done;
		if (last != '\n') {
			/* A crash left a torn line: close it so it stays one bad line. */
			if (write_all(fd, "\n", 1, path, e) < 0)
				goto done;
			ctx.size++;
		}
	}
	ctx.dir = dir;
	ctx.s = s;
	ctx.path = path;
	ctx.fd = fd;
	ctx.last_ts = ctx.size > 0 ? find_last_ts(fd, ctx.size) : RS_TIME_NONE;
	now = time_now();
	ctx.ts = ctx.last_ts != RS_TIME_NONE && ctx.last_ts > now ? ctx.last_ts : now;
	if (build(&ctx, &rows, arg, e) < 0)
		goto done;
	if (ctx.size == 0)
		header_format_tsv(&out, s);
	buf_add(&out, rows.p ? rows.p : "", rows.len);
	if (rows.len == 0) {
		rc = 0;
		goto done;
	}
	if (write_all(fd, out.p, out.len, path, e) < 0) {
		/* Cut back whatever part of the rows reached the file. */
		if (ftruncate(fd, (off_t)ctx.size) < 0)
			err_set(e, RS_EIO, path, "write failed and cannot truncate back: %s",
			    strerror(errno));
		goto done;
	}
	if (!(getenv("RS_FSYNC") && strcmp(getenv("RS_FSYNC"), "0") == 0) && fsync(fd) < 0) {
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
		 * replaced (the inode check above) and creates it anew.
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
	long long off = 0;

	if (since != RS_TIME_NONE && ctx->size > 65536) {
		off = journal_bisect_ts(ctx->fd, ctx->size, since, e);
		if (off < 0)
			return NULL;
	}
	return jreader_open_fd(ctx->fd, ctx->path, ctx->s, off, JR_QUIET, e);
}
