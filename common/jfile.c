/* jfile.c - the journal file's lock and its crash-safe replacement; see jfile.h. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "gz.h"
#include "jfile.h"

#define LOCK_TIMEOUT_DEFAULT 10		/* seconds a writer waits for the lock (SPEC 3.4) */
#define LOCK_TIMEOUT_MAX 86400		/* more is a typo, not a wish */
#define REPLACED_MAX 100	/* replacements in a row seen while locking before giving up */
#define WRITE_TRIES 100		/* EINTR or EAGAIN in a row before a write is an error */

int
jfile_lock_timeout(double *seconds, struct rs_err *e)
{
	const char *v = getenv("RS_LOCK_TIMEOUT");
	char *end;
	double t;

	*seconds = LOCK_TIMEOUT_DEFAULT;
	if (v == NULL || *v == '\0')
		return 0;
	errno = 0;
	t = strtod(v, &end);
	/* strtod takes " 5", "inf" and "0x10": a number of seconds is digits and a point. */
	if (*end != '\0' || errno != 0 || strspn(v, "0123456789.") != strlen(v) ||
	    !(t >= 0 && t <= LOCK_TIMEOUT_MAX))
		return err_set(e, RS_EDATA, "RS_LOCK_TIMEOUT",
		    "bad value '%s' (want a number of seconds, at most %d)", v, LOCK_TIMEOUT_MAX);
	*seconds = t;
	return 0;
}

static double
monotonic_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * jfile_lock polls F_OFD_SETLK every 1-2 ms until RS_LOCK_TIMEOUT. A
 * short, fixed, jittered interval keeps 32 waiting writers moving (an
 * exponential backoff let some of them starve), and unlike a timer
 * interrupting F_OFD_SETLKW it needs no signal handling, which also
 * keeps it working under valgrind.
 */
int
jfile_lock(int fd, const char *path, struct rs_err *e)
{
	struct flock fl;
	struct timespec nap;
	double limit, start = monotonic_seconds();
	unsigned jitter = (unsigned)getpid();

	if (jfile_lock_timeout(&limit, e) < 0)
		return -1;
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

int
jfile_open_locked(const char *path, int flags, mode_t mode, struct stat *st, struct rs_err *e)
{
	struct stat now;
	int fd, tries;

	for (tries = 0; tries < REPLACED_MAX; tries++) {
		fd = open(path, flags | O_CLOEXEC, mode);
		if (fd < 0) {
			if (errno == ENOENT && !(flags & O_CREAT))
				return -2;
			return err_set(e, RS_EIO, path, "cannot open for writing: %s", strerror(errno));
		}
		if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
			close(fd);
			return err_set(e, RS_EIO, path, "not a regular file");
		}
		if (jfile_lock(fd, path, e) < 0) {
			close(fd);
			return -1;
		}
		/*
		 * The lock is on the inode we opened. While we waited, an
		 * archive or migrate may have renamed a new file over path
		 * (or a writer removed the empty file it had created): then
		 * the lock guards nothing and the new file must be locked.
		 */
		if (fstat(fd, st) < 0) {
			err_set(e, RS_EIO, path, "cannot stat: %s", strerror(errno));
			close(fd);
			return -1;
		}
		if (stat(path, &now) == 0 && now.st_ino == st->st_ino && now.st_dev == st->st_dev)
			return fd;
		close(fd);
	}
	return err_set(e, RS_EBUSY, path, "journal keeps being replaced; try again");
}

int
jfile_load(const char *path, struct stat *st, struct buf *b, struct rs_err *e)
{
	int fd = jfile_open_locked(path, O_RDWR, 0, st, e);

	if (fd >= 0 && source_slurp(fd, path, b, e) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int
jfile_fsync_dir(const char *dir, struct rs_err *e)
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

static int
write_all(int fd, const char *data, size_t n, const char *path, struct rs_err *e)
{
	size_t off = 0;
	ssize_t w;
	int tries = 0;

	while (off < n) {
		w = write(fd, data + off, n - off);
		/*
		 * A signal (EINTR) or a passing EAGAIN is not a failure, nor is
		 * a short write: go on from where it stopped, giving up only
		 * after many tries in a row without progress.
		 */
		if (w < 0 && (errno == EINTR || errno == EAGAIN) && ++tries < WRITE_TRIES)
			continue;
		if (w <= 0)
			return err_set(e, RS_EIO, path, "write error: %s",
			    strerror(w < 0 ? errno : ENOSPC));
		off += (size_t)w;
		tries = 0;
	}
	return 0;
}

/* create_tmp creates tmp exclusively, never through a link: whatever is at that name (a stale temporary file, a planted link) is removed, never followed. */
static int
create_tmp(const char *tmp, struct rs_err *e)
{
	int fd, tries;

	for (tries = 0; tries < REPLACED_MAX; tries++) {
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0)
			return fd;
		if (errno != EEXIST)
			break;
		if (unlink(tmp) < 0 && errno != ENOENT)
			break;
	}
	return err_set(e, RS_EIO, tmp, "cannot create: %s", strerror(errno));
}

int
jfile_replace(const char *dir, const char *path, const char *data, size_t n,
    const struct stat *like, struct rs_err *e)
{
	struct buf tmp = BUF_INIT;
	struct stat st;
	int fd, rc = -1;

	buf_printf(&tmp, "%s.tmp", path);
	if ((fd = create_tmp(tmp.p, e)) < 0)
		goto done;
	/*
	 * The replacement keeps the owner, group and mode of the file it
	 * replaces: a journal shared by a group stays shared, and one that
	 * root archives stays its owner's. Others get no permission, as on
	 * every file rs creates.
	 */
	if (fstat(fd, &st) < 0) {
		err_set(e, RS_EIO, tmp.p, "cannot stat: %s", strerror(errno));
		goto fail;
	}
	if ((st.st_uid != like->st_uid || st.st_gid != like->st_gid) &&
	    fchown(fd, like->st_uid, like->st_gid) < 0) {
		err_set(e, RS_EIO, tmp.p, "cannot give it the owner and group of %s: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (fchmod(fd, like->st_mode & 0770) < 0) {
		err_set(e, RS_EIO, tmp.p, "cannot set mode: %s", strerror(errno));
		goto fail;
	}
	if (write_all(fd, data, n, tmp.p, e) < 0)
		goto fail;
	if (fsync(fd) < 0) {
		err_set(e, RS_EIO, tmp.p, "fsync failed: %s", strerror(errno));
		goto fail;
	}
	close(fd);
	fd = -1;
	/* rename replaces whatever is at path, a link included, and never follows it. */
	if (rename(tmp.p, path) < 0) {
		err_set(e, RS_EIO, path, "cannot rename into place: %s", strerror(errno));
		goto fail;
	}
	rc = jfile_fsync_dir(dir, e);
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.p);
done:
	buf_free(&tmp);
	return rc;
}
