/*
 * gz.h - reading a byte stream that may be gzip-compressed.
 *
 * A source wraps a file descriptor. If its first two bytes are the gzip
 * magic (1f 8b) it is inflated with zlib, member after member; otherwise
 * the bytes pass through unchanged. Works on pipes (no seeking).
 */
#ifndef RS_GZ_H
#define RS_GZ_H

#include <stddef.h>
#include <sys/types.h>

struct rs_err;
struct source;

/* source_new wraps fd (borrowed: not closed by source_free); name is used in messages and copied. */
struct source *source_new(int fd, const char *name);

/*
 * source_new_at is source_new on a file read with pread(2) from byte
 * off, which leaves fd's offset alone: several sources may read one
 * descriptor at once. From off > 0 the bytes are taken as they are.
 */
struct source *source_new_at(int fd, const char *name, long long off);

/*
 * source_read reads up to n uncompressed bytes into p. Returns the count,
 * 0 at the end, or -1 with e set: a read error, or a truncated or corrupt
 * gzip stream ("truncated gzip data", "corrupt gzip data: ..."), code RS_EIO.
 */
ssize_t source_read(struct source *s, char *p, size_t n, struct rs_err *e);

/* source_is_gzip returns 1 once the first read found the gzip magic. */
int source_is_gzip(const struct source *s);

/* source_free releases s (not its fd). */
void source_free(struct source *s);

struct buf;

/* source_slurp appends the whole (uncompressed) content of fd (borrowed) to b, NUL-terminated; returns 0, or -1 with e set. */
int source_slurp(int fd, const char *name, struct buf *b, struct rs_err *e);

/*
 * gz_compress appends data[0..n) as one gzip member (level 6) to out;
 * returns 0, or -1 with e set (zlib failed: code RS_EIO, named name).
 * Compressing in memory lets the caller write the archive with its own
 * retrying write loop: gzwrite gives up on EINTR and short writes.
 */
int gz_compress(const char *data, size_t n, struct buf *out, const char *name,
    struct rs_err *e);

#endif
