/*
 * gz.c - a byte source that inflates gzip data when it starts with the
 * gzip magic, and passes other data through; see gz.h.
 *
 * zlib's inflate is driven directly (not gzread) so that a pipe can be
 * sniffed without seeking, every member of a multi-member file is read,
 * and a truncated stream is told apart from a clean end.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "err.h"
#include "gz.h"

enum { SNIFF, PLAIN, GZIP, GZIP_END };

#define IN_SIZE (256 * 1024)
#define SNIFF_SIZE 4096

struct source {
	int fd;
	char *name;
	int state;
	int eof;		/* read(2) returned 0 */
	long long pos;		/* offset of the next pread(2), or -1: read(2) */
	z_stream z;
	unsigned char *in;	/* read-ahead: sniffed bytes, compressed input */
	size_t in_off, in_len;	/* unconsumed part of in (plain mode) */
};

struct source *
source_new(int fd, const char *name)
{
	struct source *s = xcalloc(1, sizeof(*s));

	s->fd = fd;
	s->name = xstrdup(name);
	s->in = xmalloc(IN_SIZE);
	s->pos = -1;
	return s;
}

struct source *
source_new_at(int fd, const char *name, long long off)
{
	struct source *s = source_new(fd, name);

	s->pos = off;
	/* A gzip stream starts at byte 0; anything later is read as it is. */
	if (off > 0)
		s->state = PLAIN;
	return s;
}

static ssize_t
read_some(struct source *s, void *p, size_t n, struct rs_err *e)
{
	ssize_t r;

	for (;;) {
		r = s->pos >= 0 ? pread(s->fd, p, n, (off_t)s->pos) : read(s->fd, p, n);
		if (r >= 0)
			break;
		if (errno != EINTR && errno != EAGAIN)
			return err_set(e, RS_EIO, s->name, "read error: %s", strerror(errno));
	}
	if (r == 0)
		s->eof = 1;
	if (s->pos >= 0)
		s->pos += r;
	return r;
}

/* fill_input tops up the compressed input; returns bytes added, 0 at EOF, -1 on error. */
static ssize_t
fill_input(struct source *s, struct rs_err *e)
{
	ssize_t r;

	if (s->z.avail_in > 0 && s->z.next_in != s->in)
		memmove(s->in, s->z.next_in, s->z.avail_in);
	s->z.next_in = s->in;
	if (s->eof)
		return 0;
	r = read_some(s, s->in + s->z.avail_in, IN_SIZE - s->z.avail_in, e);
	if (r > 0)
		s->z.avail_in += (uInt)r;
	return r;
}

static int
sniff(struct source *s, struct rs_err *e)
{
	ssize_t r;

	/*
	 * Two bytes decide; a small first read (not IN_SIZE) keeps a plain
	 * file's header or tail read from copying and page-faulting 256 KB
	 * it does not need (rs-intake reads a header and a tail per call).
	 */
	while (s->in_len < 2 && !s->eof) {
		r = read_some(s, s->in + s->in_len, SNIFF_SIZE - s->in_len, e);
		if (r < 0)
			return -1;
		s->in_len += (size_t)r;
	}
	if (s->in_len >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
		if (inflateInit2(&s->z, 15 + 16) != Z_OK)
			return err_set(e, RS_EIO, s->name, "cannot start gzip decoder");
		s->z.next_in = s->in;
		s->z.avail_in = (uInt)s->in_len;
		s->state = GZIP;
	} else
		s->state = PLAIN;
	return 0;
}

static ssize_t
gzip_read(struct source *s, char *p, size_t n, struct rs_err *e)
{
	ssize_t r;
	int zr;

	s->z.next_out = (unsigned char *)p;
	s->z.avail_out = (uInt)(n > 1U << 30 ? 1U << 30 : n);
	while ((char *)s->z.next_out == p && s->state == GZIP) {
		if (s->z.avail_in == 0) {
			if ((r = fill_input(s, e)) < 0)
				return -1;
			if (r == 0)
				return err_set(e, RS_EIO, s->name, "truncated gzip data");
		}
		zr = inflate(&s->z, Z_NO_FLUSH);
		if (zr == Z_STREAM_END) {
			/* Another member may follow; anything else after it is damage. */
			if (s->z.avail_in < 2 && fill_input(s, e) < 0)
				return -1;
			if (s->z.avail_in == 0)
				s->state = GZIP_END;
			else if (s->z.avail_in >= 2 && s->z.next_in[0] == 0x1f &&
			    s->z.next_in[1] == 0x8b)
				inflateReset(&s->z);
			else
				return err_set(e, RS_EIO, s->name,
				    "corrupt gzip data: garbage after the end of the stream");
		} else if (zr != Z_OK && zr != Z_BUF_ERROR)
			return err_set(e, RS_EIO, s->name, "corrupt gzip data: %s",
			    s->z.msg ? s->z.msg : "inflate failed");
	}
	return (char *)s->z.next_out - p;
}

ssize_t
source_read(struct source *s, char *p, size_t n, struct rs_err *e)
{
	size_t k;

	if (s->state == SNIFF && sniff(s, e) < 0)
		return -1;
	switch (s->state) {
	case PLAIN:
		if (s->in_off < s->in_len) {
			k = s->in_len - s->in_off;
			if (k > n)
				k = n;
			memcpy(p, s->in + s->in_off, k);
			s->in_off += k;
			return (ssize_t)k;
		}
		if (s->eof)
			return 0;
		return read_some(s, p, n, e);
	case GZIP:
		return gzip_read(s, p, n, e);
	default:
		return 0;
	}
}

int
source_is_gzip(const struct source *s)
{
	return s->state == GZIP || s->state == GZIP_END;
}

void
source_free(struct source *s)
{
	if (s == NULL)
		return;
	if (source_is_gzip(s))
		inflateEnd(&s->z);
	free(s->in);
	free(s->name);
	free(s);
}

int
gz_compress(const char *data, size_t n, struct buf *out, const char *name, struct rs_err *e)
{
	const size_t chunk = 256 * 1024;
	z_stream z;
	int flush, rc;

	memset(&z, 0, sizeof(z));
	/* 15 + 16: a 32 KB window with a gzip header and trailer, as gzip(1) writes. */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return err_set(e, RS_EIO, name, "cannot start gzip");
	z.next_in = (unsigned char *)(uintptr_t)data;
	do {
		/* avail_in is 32 bits: a large month goes in parts. */
		size_t part = n > (1u << 30) ? (1u << 30) : n;

		z.avail_in = (uInt)part;
		n -= part;
		flush = n > 0 ? Z_NO_FLUSH : Z_FINISH;
		do {
			buf_grow(out, chunk);
			z.next_out = (unsigned char *)out->p + out->len;
			z.avail_out = (uInt)chunk;
			rc = deflate(&z, flush);
			out->len += chunk - z.avail_out;
		} while (rc == Z_OK && z.avail_out == 0);
	} while (n > 0 && rc == Z_OK);
	deflateEnd(&z);
	if (rc != Z_STREAM_END)
		return err_set(e, RS_EIO, name, "gzip failed");
	out->p[out->len] = '\0';
	return 0;
}

int
source_slurp(int fd, const char *name, struct buf *b, struct rs_err *e)
{
	struct source *src = source_new(fd, name);
	ssize_t n;

	for (;;) {
		buf_grow(b, 1 << 20);
		n = source_read(src, b->p + b->len, b->cap - b->len - 1, e);
		if (n <= 0)
			break;
		b->len += (size_t)n;
		b->p[b->len] = '\0';
	}
	source_free(src);
	return n < 0 ? -1 : 0;
}
