/*
 * jfile.h - the journal file itself: its write lock, taking it so that
 * the lock is known to be on the file the path names, and replacing a
 * file crash-safely (SPEC 3.4, 6 archive and migrate).
 *
 * Every process that changes a journal (writers, archive, migrate) goes
 * through jfile_open_locked, so that a process that waited for the lock
 * while archive or migrate replaced the file never works on the old one.
 */
#ifndef RS_JFILE_H
#define RS_JFILE_H

#include <sys/types.h>
#include <sys/stat.h>

#include <stddef.h>

struct rs_err;

/*
 * jfile_lock_timeout reads RS_LOCK_TIMEOUT (seconds, default 10) into
 * *seconds. Returns 0, or -1 with e set (RS_EDATA) when it is not a
 * number of seconds.
 */
int jfile_lock_timeout(double *seconds, struct rs_err *e);

/*
 * jfile_lock takes the exclusive OFD write lock on the whole of fd,
 * waiting RS_LOCK_TIMEOUT seconds; returns 0 or -1 with e set (RS_EBUSY,
 * RS_EIO, RS_EDATA for a bad RS_LOCK_TIMEOUT). path names fd in messages.
 */
int jfile_lock(int fd, const char *path, struct rs_err *e);

/*
 * jfile_open_locked opens path with flags (O_RDWR, plus O_APPEND and
 * O_CREAT for a writer; mode for a new file), takes the lock and checks
 * that path still names the locked file (dev and inode), opening and
 * locking the new file when an archive or migrate replaced it meanwhile.
 * Fills *st with the locked file's status. Returns the locked fd (the
 * caller closes it, which drops the lock), -2 when the file does not
 * exist and flags lack O_CREAT (e untouched), or -1 with e set.
 */
int jfile_open_locked(const char *path, int flags, mode_t mode, struct stat *st,
    struct rs_err *e);

/*
 * jfile_load is jfile_open_locked(path, O_RDWR) followed by reading the
 * whole file into b (archive and migrate rewrite it whole). Returns the
 * locked fd, -2 when there is no file, or -1 with e set.
 */
struct buf;
int jfile_load(const char *path, struct stat *st, struct buf *b, struct rs_err *e);

/*
 * jfile_replace makes path hold data (n bytes) crash-safely: the bytes go
 * to path.tmp created exclusively and never through a link (a stale or
 * planted path.tmp is removed first), get the owner, group and mode
 * (without the bits for others) of like, are fsynced and renamed over
 * path, and the directory dir is fsynced. Returns 0, or -1 with e set
 * (nothing renamed then).
 */
int jfile_replace(const char *dir, const char *path, const char *data, size_t n,
    const struct stat *like, struct rs_err *e);

/* jfile_fsync_dir fsyncs directory dir (a rename in it is durable after); returns 0 or -1 with e set. */
int jfile_fsync_dir(const char *dir, struct rs_err *e);

#endif
