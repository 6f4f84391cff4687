/*
 * buf.h - growable byte buffers, an arena for per-run strings, and
 * allocation wrappers that abort on out of memory (the only way library
 * code may end the process).
 */
#ifndef RS_BUF_H
#define RS_BUF_H

#include <stddef.h>

/* A growable byte buffer; p is always NUL-terminated when cap > 0. */
struct buf {
	char *p;
	size_t len, cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* xmalloc, xcalloc, xrealloc and xstrdup allocate or print "out of memory" and exit 3. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* buf_grow makes room for n more bytes (plus the terminating NUL). */
void buf_grow(struct buf *b, size_t n);
/* buf_add appends n bytes of p. */
void buf_add(struct buf *b, const void *p, size_t n);
/* buf_adds appends the C string s. */
void buf_adds(struct buf *b, const char *s);
/* buf_addc appends one byte. */
void buf_addc(struct buf *b, int c);
/* buf_printf appends printf-style formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* buf_reset empties b and keeps its memory. */
void buf_reset(struct buf *b);
/* buf_free releases b's memory and empties it. */
void buf_free(struct buf *b);

/*
 * An arena: strings and small objects that live until arena_free.
 * Used by folds and reports, which allocate many small values and drop
 * them all at once.
 */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t used, size;
};

#define ARENA_INIT { NULL, 0, 0 }

/* arena_alloc returns n bytes aligned for any type, owned by a. */
void *arena_alloc(struct arena *a, size_t n);
/* arena_strndup copies n bytes of s plus a NUL into a. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* arena_free releases every allocation of a. */
void arena_free(struct arena *a);

#endif
