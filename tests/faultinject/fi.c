/*
 * fi.c - a fault-injection shim for the rs tests (LD_PRELOAD; test-only,
 * never linked into the tools). Built as build/faultinject.so:
 *   cc -O1 -g -fPIC -shared -o build/faultinject.so tests/faultinject/fi.c -ldl
 *
 * It wraps write, pwrite, read, pread, fsync, fdatasync, ftruncate,
 * open, open64, openat, openat64, rename, renameat and opendir. Environment:
 *
 *   FI_FUNC=NAME     the function to fault (write, read, fsync, ftruncate,
 *                    open (= open/openat and their 64 forms), rename (+ renameat),
 *                    opendir (a reader listing the archives: stop pins
 *                    the moment between opening a live file and listing))
 *   FI_NTH=N         fault its Nth matching call (1-based); "N+" = the Nth
 *                    and every later one (a disk that stays full; with
 *                    stop, a stop before each of them)
 *   FI_ERRNO=E       the error: ENOSPC (default), EIO, EINTR, EAGAIN, EFBIG,
 *                    EDQUOT, EACCES, ENOENT, EROFS, EMFILE, or a number
 *   FI_SHORT=1       write/read: the Nth call moves only half the bytes
 *                    (at least one) and succeeds; with "N+" the calls after
 *                    it fail with FI_ERRNO (disk full after a short write)
 *   FI_ACTION=A      fail (default), short (= FI_SHORT=1), stop (raise
 *                    SIGSTOP just before the call, then do it normally),
 *                    kill (raise SIGKILL just before the call: a crash at
 *                    exactly that point), kill-after (do the call, short
 *                    with FI_SHORT=1, then raise SIGKILL: a torn write)
 *   FI_MATCH=S       only calls on a path containing S count (the path of
 *                    an fd is read from /proc/self/fd); default: every call
 *   FI_COUNT=FILE    at exit, append "FUNC COUNT" (matching calls seen) to FILE
 *   FI_LOG=FILE      append "FUNC #N PATH -> what" for each faulted call
 *   FI_SLEEP_WRITE_US, FI_SLEEP_FSYNC_US, FI_SLEEP_RENAME_US,
 *   FI_SLEEP_READ_US, FI_SLEEP_OPEN_US=MICROSECONDS
 *                    sleep before every matching call of that function
 *                    (widens the window a kill -9 can land in)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

enum { F_WRITE, F_READ, F_FSYNC, F_FTRUNCATE, F_OPEN, F_RENAME, F_OPENDIR, F_N };
static const char *const fname[F_N] = {
	"write", "read", "fsync", "ftruncate", "open", "rename", "opendir"
};
static const char *const sleepvar[F_N] = {
	"FI_SLEEP_WRITE_US", "FI_SLEEP_READ_US", "FI_SLEEP_FSYNC_US", NULL,
	"FI_SLEEP_OPEN_US", "FI_SLEEP_RENAME_US", NULL
};

static int inited, target = -1, persistent, shortio, action_stop, action_kill, kill_after, err_no = ENOSPC;
static long nth, seen[F_N];
static long sleep_us[F_N];
static const char *match, *countfile, *logfile;

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_pread)(int, void *, size_t, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate)(int, off_t);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static DIR *(*real_opendir)(const char *);

static int
errno_from(const char *s)
{
	static const struct { const char *n; int v; } t[] = {
		{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EINTR", EINTR }, { "EAGAIN", EAGAIN },
		{ "EFBIG", EFBIG }, { "EDQUOT", EDQUOT }, { "EACCES", EACCES }, { "ENOENT", ENOENT },
		{ "EROFS", EROFS }, { "EMFILE", EMFILE }, { "EPERM", EPERM }, { "EBADF", EBADF },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(s, t[i].n) == 0)
			return t[i].v;
	return atoi(s) > 0 ? atoi(s) : ENOSPC;
}

static void fi_report(void);

static void
init(void)
{
	const char *v;
	int i;

	if (inited)
		return;
	inited = 1;
	real_write = dlsym(RTLD_NEXT, "write");
	real_pwrite = dlsym(RTLD_NEXT, "pwrite");
	real_read = dlsym(RTLD_NEXT, "read");
	real_pread = dlsym(RTLD_NEXT, "pread");
	real_fsync = dlsym(RTLD_NEXT, "fsync");
	real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
	real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
	real_open = dlsym(RTLD_NEXT, "open");
	real_open64 = dlsym(RTLD_NEXT, "open64");
	real_openat = dlsym(RTLD_NEXT, "openat");
	real_openat64 = dlsym(RTLD_NEXT, "openat64");
	real_rename = dlsym(RTLD_NEXT, "rename");
	real_renameat = dlsym(RTLD_NEXT, "renameat");
	real_opendir = dlsym(RTLD_NEXT, "opendir");
	if ((v = getenv("FI_FUNC")) != NULL)
		for (i = 0; i < F_N; i++)
			if (strcmp(v, fname[i]) == 0)
				target = i;
	if ((v = getenv("FI_NTH")) != NULL) {
		nth = atol(v);
		persistent = strchr(v, '+') != NULL;
	}
	if ((v = getenv("FI_ERRNO")) != NULL && *v)
		err_no = errno_from(v);
	if ((v = getenv("FI_SHORT")) != NULL && strcmp(v, "1") == 0)
		shortio = 1;
	if ((v = getenv("FI_ACTION")) != NULL) {
		shortio |= strcmp(v, "short") == 0;
		action_stop = strcmp(v, "stop") == 0;
		action_kill = strcmp(v, "kill") == 0;
		kill_after = strcmp(v, "kill-after") == 0;
	}
	match = getenv("FI_MATCH");
	if (match && !*match)
		match = NULL;
	countfile = getenv("FI_COUNT");
	logfile = getenv("FI_LOG");
	for (i = 0; i < F_N; i++)
		if (sleepvar[i] && (v = getenv(sleepvar[i])) != NULL)
			sleep_us[i] = atol(v);
	if (countfile)
		atexit(fi_report);
}

static void
append_line(const char *file, const char *line)
{
	int fd = real_open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

	if (fd >= 0) {
		(void)!real_write(fd, line, strlen(line));
		close(fd);
	}
}

static void
fi_report(void)
{
	char line[64];

	if (target >= 0) {
		snprintf(line, sizeof(line), "%s %ld\n", fname[target], seen[target]);
		append_line(countfile, line);
	}
}

static int
fd_matches(int fd, char *path, size_t n)
{
	char link[64];
	ssize_t k;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	k = readlink(link, path, n - 1);
	path[k > 0 ? k : 0] = '\0';
	return match == NULL || strstr(path, match) != NULL;
}

static void
nap(int f)
{
	struct timespec ts;

	if (sleep_us[f] > 0) {
		ts.tv_sec = sleep_us[f] / 1000000;
		ts.tv_nsec = (sleep_us[f] % 1000000) * 1000;
		nanosleep(&ts, NULL);
	}
}

/*
 * decide counts a matching call of f and says what to do with it:
 * 0 = perform it, 1 = fail with err_no, 2 = do it short, 3 = perform it
 * and die, 4 = do it short and die.
 */
static int
decide(int f, const char *path)
{
	char line[4200];
	long n;
	int what;

	nap(f);
	if (f != target)
		return 0;
	n = ++seen[f];
	if (nth <= 0 || n < nth || (n > nth && !persistent))
		return 0;
	if (action_stop) {
		raise(SIGSTOP);
		return 0;
	}
	if (n == nth && action_kill)
		raise(SIGKILL);
	if (n == nth && kill_after) {
		if (f != F_WRITE && f != F_FSYNC && f != F_RENAME)
			raise(SIGKILL);	/* only those three can die after the call */
		return shortio && f == F_WRITE ? 4 : 3;
	}
	what = n == nth && shortio && (f == F_WRITE || f == F_READ) ? 2 : 1;
	if (logfile) {
		snprintf(line, sizeof(line), "%s #%ld %s -> %s\n", fname[f], n, path,
		    what == 2 ? "short" : strerror(err_no));
		append_line(logfile, line);
	}
	return what;
}

static int
fd_decide(int f, int fd)
{
	char path[4096];

	if (!inited)
		init();
	if (f != target && sleep_us[f] == 0)
		return 0;
	if (!fd_matches(fd, path, sizeof(path)))
		return 0;
	return decide(f, path);
}

static int
path_decide(int f, const char *p1, const char *p2)
{
	if (!inited)
		init();
	if (f != target && sleep_us[f] == 0)
		return 0;
	if (match && !(p1 && strstr(p1, match)) && !(p2 && strstr(p2, match)))
		return 0;
	return decide(f, p1 ? p1 : "?");
}

static size_t
half(size_t n)
{
	return n > 1 ? n / 2 : n;
}

ssize_t
write(int fd, const void *p, size_t n)
{
	switch (fd_decide(F_WRITE, fd)) {
	case 1: errno = err_no; return -1;
	case 2: return real_write(fd, p, half(n));
	case 3: real_write(fd, p, n); raise(SIGKILL); break;
	case 4: real_write(fd, p, half(n)); raise(SIGKILL); break;
	}
	return real_write(fd, p, n);
}

ssize_t
pwrite(int fd, const void *p, size_t n, off_t off)
{
	switch (fd_decide(F_WRITE, fd)) {
	case 1: errno = err_no; return -1;
	case 2: return real_pwrite(fd, p, half(n), off);
	}
	return real_pwrite(fd, p, n, off);
}

ssize_t
read(int fd, void *p, size_t n)
{
	switch (fd_decide(F_READ, fd)) {
	case 1: errno = err_no; return -1;
	case 2: return real_read(fd, p, half(n));
	}
	return real_read(fd, p, n);
}

ssize_t
pread(int fd, void *p, size_t n, off_t off)
{
	switch (fd_decide(F_READ, fd)) {
	case 1: errno = err_no; return -1;
	case 2: return real_pread(fd, p, half(n), off);
	}
	return real_pread(fd, p, n, off);
}

int
fsync(int fd)
{
	int d = fd_decide(F_FSYNC, fd);

	if (d >= 3) {
		real_fsync(fd);
		raise(SIGKILL);
	}
	if (d) {
		errno = err_no;
		return -1;
	}
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	if (fd_decide(F_FSYNC, fd)) {
		errno = err_no;
		return -1;
	}
	return real_fdatasync(fd);
}

int
ftruncate(int fd, off_t len)
{
	if (fd_decide(F_FTRUNCATE, fd)) {
		errno = err_no;
		return -1;
	}
	return real_ftruncate(fd, len);
}

#define OPEN_MODE(flags, mode) do { \
	va_list ap; \
	mode = 0; \
	if ((flags) & (O_CREAT | __O_TMPFILE)) { \
		va_start(ap, flags); \
		mode = va_arg(ap, int); \
		va_end(ap); \
	} \
} while (0)

int
open(const char *path, int flags, ...)
{
	int mode;

	OPEN_MODE(flags, mode);
	if (path_decide(F_OPEN, path, NULL)) {
		errno = err_no;
		return -1;
	}
	return real_open(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	int mode;

	OPEN_MODE(flags, mode);
	if (path_decide(F_OPEN, path, NULL)) {
		errno = err_no;
		return -1;
	}
	return real_open64(path, flags, mode);
}

int
openat(int dfd, const char *path, int flags, ...)
{
	int mode;

	OPEN_MODE(flags, mode);
	if (path_decide(F_OPEN, path, NULL)) {
		errno = err_no;
		return -1;
	}
	return real_openat(dfd, path, flags, mode);
}

int
openat64(int dfd, const char *path, int flags, ...)
{
	int mode;

	OPEN_MODE(flags, mode);
	if (path_decide(F_OPEN, path, NULL)) {
		errno = err_no;
		return -1;
	}
	return real_openat64(dfd, path, flags, mode);
}

int
rename(const char *from, const char *to)
{
	int d = path_decide(F_RENAME, from, to);

	if (d >= 3) {
		real_rename(from, to);
		raise(SIGKILL);
	}
	if (d) {
		errno = err_no;
		return -1;
	}
	return real_rename(from, to);
}

int
renameat(int d1, const char *from, int d2, const char *to)
{
	if (path_decide(F_RENAME, from, to)) {
		errno = err_no;
		return -1;
	}
	return real_renameat(d1, from, d2, to);
}

DIR *
opendir(const char *path)
{
	if (path_decide(F_OPENDIR, path, NULL)) {
		errno = err_no;
		return NULL;
	}
	return real_opendir(path);
}
