/*
 * reader.c - rows from TSV or CSV, plain or gzip; see reader.h.
 *
 * The TSV path is the hot path of every report: one large buffer, lines
 * found with memchr, fields split in place by writing NULs over the tabs,
 * and unescaping only for lines that hold a backslash.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_SCAN_AVX2 1
#endif

#include "buf.h"
#include "cpu.h"
#include "csvio.h"
#include "err.h"
#include "gz.h"
#include "reader.h"
#include "tsv.h"
#include "utf8.h"

#define READ_SIZE (1024 * 1024)
#define READ_START (32 * 1024)
#define LINE_MAX_BYTES (256L * 1024 * 1024)
/*
 * Bytes kept readable (and zero) after the data in buf, so that
 * scan_fields loads whole blocks at the end of a line too,
 * instead of finishing each line byte by byte.
 */
#define SCAN_PAD 32

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
	char **v;
	size_t *len;
	int vcap;
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
reader_new(int fd, int own_fd, const char *name, enum reader_kind kind, long long offset)
{
	struct reader *r = xcalloc(1, sizeof(*r));

	r->fd = fd;
	r->own_fd = own_fd;
	r->name = xstrdup(name);
	r->src = source_new(fd, name);
	if (kind == READER_AUTO) {
		if (has_suffix(name, ".csv") || has_suffix(name, ".csv.gz"))
			kind = READER_CSV;
		else if (has_suffix(name, ".tsv") || has_suffix(name, ".tsv.gz"))
			kind = READER_TSV;
	}
	r->kind = kind;
	r->cap = READ_SIZE;
	r->buf = xcalloc(1, r->cap + 1 + SCAN_PAD);
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
		return reader_new(0, 0, "stdin", kind, 0);
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
	return reader_new(fd, 1, path, kind, 0);
}

struct reader *
reader_open_fd(int fd, const char *name, enum reader_kind kind, long long offset,
    struct rs_err *e)
{
	/* A pipe cannot seek and starts where it is; a file starts at offset. */
	if (lseek(fd, (off_t)offset, SEEK_SET) < 0 && (offset > 0 || errno != ESPIPE)) {
		err_set(e, RS_EIO, name, "cannot seek: %s", strerror(errno));
		return NULL;
	}
	return reader_new(fd, 0, name, kind, offset);
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
		r->buf = xrealloc(r->buf, r->cap + 1 + SCAN_PAD);
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
	memset(r->buf + r->end, 0, 1 + SCAN_PAD);
	return 1;
}

static void
ensure_fields(struct reader *r, int n)
{
	if (n <= r->vcap)
		return;
	while (r->vcap < n)
		r->vcap = r->vcap ? r->vcap * 2 : 64;
	r->v = xrealloc(r->v, (size_t)r->vcap * sizeof(*r->v));
	r->len = xrealloc(r->len, (size_t)r->vcap * sizeof(*r->len));
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

/* What scan_fields saw besides tabs; anything set sends the line down a slower path. */
enum {
	LINE_HIGH = 1,		/* a byte >= 0x80: UTF-8 to validate */
	LINE_CTL = 2,		/* an ASCII control other than tab (NUL too), or DEL */
	LINE_BSL = 4		/* a backslash: values to unescape */
};

/* The state of one line's scan: fields found, where the current one starts, what was seen. */
struct scan {
	int k;
	size_t start;
	unsigned flags;
	size_t nul;		/* offset of the first NUL, or (size_t)-1 */
};

/* add_field ends the field p[start..end) with a NUL over its tab (or the line end). */
static inline void
add_field(struct reader *r, int *k, char *p, size_t start, size_t end)
{
	if (*k >= r->vcap)
		ensure_fields(r, *k + 1);
	r->v[*k] = p + start;
	r->len[*k] = end - start;
	p[end] = '\0';
	(*k)++;
}

/* odd_byte classifies a byte that is neither a tab nor >= 0x80. */
static inline unsigned
odd_byte(const char *p, size_t i, size_t *nul)
{
	if (p[i] == '\\')
		return LINE_BSL;
	if (p[i] == '\0' && *nul == (size_t)-1)
		*nul = i;
	return LINE_CTL;
}

/*
 * scan_block takes one block of a line at offset i, as masks of its
 * bytes (bit j for byte i + j): tabs, "odd" bytes (controls, DEL,
 * backslash; tabs and high bytes may be set too) and high bytes. It is
 * the part of the scan that is the same whatever the vector width.
 */
static inline __attribute__((always_inline)) void
scan_block(struct reader *r, char *p, size_t i, uint32_t t, uint32_t odd, uint32_t hi,
    struct scan *sc)
{
	uint32_t rest;

	/*
	 * No branch on UTF-8 text: CJK and ASCII blocks alternate at random
	 * and a mispredicted "if (hi)" was 11 % of the loop. Controls and
	 * backslashes are rare: a branch.
	 */
	sc->flags |= (hi != 0) * LINE_HIGH;
	for (rest = odd & ~t & ~hi; rest; rest &= rest - 1)
		sc->flags |= odd_byte(p, i + (size_t)__builtin_ctz(rest), &sc->nul);
	for (; t; t &= t - 1) {
		size_t at = i + (size_t)__builtin_ctz(t);

		add_field(r, &sc->k, p, sc->start, at);
		sc->start = at + 1;
	}
}

/* tail_mask keeps the bits of the bytes before the line's end in a block of width bytes. */
static inline uint32_t
tail_mask(size_t left, size_t width)
{
	return left >= width ? 0xFFFFFFFFu : ((uint32_t)1 << left) - 1;
}

#ifdef __SSE2__
/* scan_plain is the scan with SSE2, which every x86-64 has. */
static void
scan_plain(struct reader *r, char *p, size_t n, struct scan *sc)
{
	const __m128i tab = _mm_set1_epi8('\t'), sp = _mm_set1_epi8(0x20);
	const __m128i del = _mm_set1_epi8(0x7F), bsl = _mm_set1_epi8('\\');
	size_t i;

	/* The last block may run past the line: into the next one or SCAN_PAD. */
	for (i = 0; i < n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		uint32_t in = tail_mask(n - i, 16);
		/* Signed compare: bytes >= 0x80 are "< 0x20" too, and so are tabs. */
		__m128i odd = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, sp),
		    _mm_cmpeq_epi8(x, del)), _mm_cmpeq_epi8(x, bsl));

		scan_block(r, p, i, (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, tab)) & in,
		    (uint32_t)_mm_movemask_epi8(odd) & in, (uint32_t)_mm_movemask_epi8(x) & in, sc);
	}
}
#else
/* scan_plain is the scan a byte at a time, for CPUs without SSE2. */
static void
scan_plain(struct reader *r, char *p, size_t n, struct scan *sc)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '\t') {
			add_field(r, &sc->k, p, sc->start, i);
			sc->start = i + 1;
		} else if (c >= 0x80)
			sc->flags |= LINE_HIGH;
		else if (c < 0x20 || c == 0x7F || c == '\\')
			sc->flags |= odd_byte(p, i, &sc->nul);
	}
}
#endif

#ifdef HAVE_SCAN_AVX2
/* scan_avx2 is scan_plain thirty-two bytes at a time: half the blocks of a line. */
__attribute__((target("avx2")))
static void
scan_avx2(struct reader *r, char *p, size_t n, struct scan *sc)
{
	const __m256i tab = _mm256_set1_epi8('\t'), sp = _mm256_set1_epi8(0x20);
	const __m256i del = _mm256_set1_epi8(0x7F), bsl = _mm256_set1_epi8('\\');
	size_t i;

	for (i = 0; i < n; i += 32) {
		__m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		uint32_t in = tail_mask(n - i, 32);
		__m256i odd = _mm256_or_si256(_mm256_or_si256(_mm256_cmpgt_epi8(sp, x),
		    _mm256_cmpeq_epi8(x, del)), _mm256_cmpeq_epi8(x, bsl));

		scan_block(r, p, i, (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, tab)) & in,
		    (uint32_t)_mm256_movemask_epi8(odd) & in,
		    (uint32_t)_mm256_movemask_epi8(x) & in, sc);
	}
}
#endif

/*
 * scan_fields is the one pass over a line: it splits it at tabs in
 * place and notes the bytes that need a closer look (flags above; the
 * first NUL in *nul). Profiling showed a memchr per field and a
 * separate memchr for NUL and backslash costing more than the reading:
 * with vectors a block of bytes is classified at once, and the common
 * block (plain ASCII or UTF-8 text, a tab or two) takes one compare.
 */
static unsigned
scan_fields(struct reader *r, char *p, size_t n, int *nf, size_t *nul)
{
	struct scan sc = { 0, 0, 0, (size_t)-1 };

#ifdef HAVE_SCAN_AVX2
	static _Thread_local int avx2 = -1;

	if (avx2 == -1)
		avx2 = cpu_has_avx2();
	if (avx2)
		scan_avx2(r, p, n, &sc);
	else
#endif
		scan_plain(r, p, n, &sc);
	add_field(r, &sc.k, p, sc.start, n);
	*nf = sc.k;
	*nul = sc.nul;
	return sc.flags;
}

static void
split_tsv(struct reader *r, struct row *row, char *p, size_t n)
{
	size_t nul;
	unsigned flags = scan_fields(r, p, n, &row->n, &nul);
	int i, utf = 0;

	row->v = r->v;
	row->len = r->len;
	/*
	 * UTF-8 is checked once for the whole line: splitting at tabs cannot
	 * make a valid line invalid or the reverse. Only a bad line goes
	 * through check_values, which names the column.
	 */
	if (flags & LINE_HIGH)
		utf = utf8_scan(p, n);
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
	r->clean = row->problem == NULL && utf == 0 && !(flags & LINE_CTL) &&
	    (!(flags & LINE_BSL) || memmem(p, n, "\\r", 2) == NULL);
	if (flags & LINE_BSL)
		for (i = 0; i < row->n; i++)
			r->len[i] = tsv_unescape_inplace(r->v[i], r->len[i]);
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
			row->problem = "torn last line (no newline at the end)";
			row->problem_col = -1;
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
	free(r->v);
	free(r->len);
	free(r->name);
	free(r);
}
