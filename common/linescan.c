/*
 * linescan.c - splitting one TSV line at its tabs, in place; see linescan.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_SCAN_AVX2 1
#endif

#include "buf.h"
#include "cpu.h"
#include "linescan.h"

static void
ensure_fields(struct fieldvec *f, int n)
{
	if (n <= f->cap)
		return;
	while (f->cap < n)
		f->cap = f->cap ? f->cap * 2 : 64;
	f->v = xrealloc(f->v, (size_t)f->cap * sizeof(*f->v));
	f->len = xrealloc(f->len, (size_t)f->cap * sizeof(*f->len));
}

/* The state of one line's scan: fields found, where the current one starts, what was seen. */
struct scan {
	int k;
	size_t start;
	unsigned flags;
	size_t nul;		/* offset of the first NUL, or (size_t)-1 */
};

/* add_field ends the field p[start..end) with a NUL over its tab (or the line end). */
static inline void
add_field(struct fieldvec *f, int *k, char *p, size_t start, size_t end)
{
	if (*k >= f->cap)
		ensure_fields(f, *k + 1);
	f->v[*k] = p + start;
	f->len[*k] = end - start;
	p[end] = '\0';
	(*k)++;
}

/* odd_byte classifies a byte that is neither a tab nor >= 0x80. */
static inline unsigned
odd_byte(const char *p, size_t i, size_t *nul)
{
	if (p[i] == '\\')
		return LINESCAN_BSL;
	if (p[i] == '\0' && *nul == (size_t)-1)
		*nul = i;
	return LINESCAN_CTL;
}

/*
 * scan_block takes one block of a line at offset i, as masks of its
 * bytes (bit j for byte i + j): tabs, "odd" bytes (controls, DEL,
 * backslash; tabs and high bytes may be set too) and high bytes. It is
 * the part of the scan that is the same whatever the vector width.
 */
static inline __attribute__((always_inline)) void
scan_block(struct fieldvec *f, char *p, size_t i, uint32_t t, uint32_t odd, uint32_t hi,
    struct scan *sc)
{
	uint32_t rest;

	/*
	 * No branch on UTF-8 text: CJK and ASCII blocks alternate at random
	 * and a mispredicted "if (hi)" was 11 % of the loop. Controls and
	 * backslashes are rare: a branch.
	 */
	sc->flags |= (hi != 0) * LINESCAN_HIGH;
	for (rest = odd & ~t & ~hi; rest; rest &= rest - 1)
		sc->flags |= odd_byte(p, i + (size_t)__builtin_ctz(rest), &sc->nul);
	for (; t; t &= t - 1) {
		size_t at = i + (size_t)__builtin_ctz(t);

		add_field(f, &sc->k, p, sc->start, at);
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
scan_plain(struct fieldvec *f, char *p, size_t n, struct scan *sc)
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

		scan_block(f, p, i, (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, tab)) & in,
		    (uint32_t)_mm_movemask_epi8(odd) & in, (uint32_t)_mm_movemask_epi8(x) & in, sc);
	}
}
#else
/* scan_plain is the scan a byte at a time, for CPUs without SSE2. */
static void
scan_plain(struct fieldvec *f, char *p, size_t n, struct scan *sc)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '\t') {
			add_field(f, &sc->k, p, sc->start, i);
			sc->start = i + 1;
		} else if (c >= 0x80)
			sc->flags |= LINESCAN_HIGH;
		else if (c < 0x20 || c == 0x7F || c == '\\')
			sc->flags |= odd_byte(p, i, &sc->nul);
	}
}
#endif

#ifdef HAVE_SCAN_AVX2
/* scan_avx2 is scan_plain thirty-two bytes at a time: half the blocks of a line. */
__attribute__((target("avx2")))
static void
scan_avx2(struct fieldvec *f, char *p, size_t n, struct scan *sc)
{
	const __m256i tab = _mm256_set1_epi8('\t'), sp = _mm256_set1_epi8(0x20);
	const __m256i del = _mm256_set1_epi8(0x7F), bsl = _mm256_set1_epi8('\\');
	size_t i;

	for (i = 0; i < n; i += 32) {
		__m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		uint32_t in = tail_mask(n - i, 32);
		__m256i odd = _mm256_or_si256(_mm256_or_si256(_mm256_cmpgt_epi8(sp, x),
		    _mm256_cmpeq_epi8(x, del)), _mm256_cmpeq_epi8(x, bsl));

		scan_block(f, p, i, (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, tab)) & in,
		    (uint32_t)_mm256_movemask_epi8(odd) & in,
		    (uint32_t)_mm256_movemask_epi8(x) & in, sc);
	}
}
#endif

/*
 * linescan_split is the one pass over a line. Profiling showed a memchr per field and a
 * separate memchr for NUL and backslash costing more than the reading:
 * with vectors a block of bytes is classified at once, and the common
 * block (plain ASCII or UTF-8 text, a tab or two) takes one compare.
 */
unsigned
linescan_split(struct fieldvec *f, char *p, size_t n, int *nf, size_t *nul)
{
	struct scan sc = { 0, 0, 0, (size_t)-1 };

#ifdef HAVE_SCAN_AVX2
	static _Thread_local int avx2 = -1;

	if (avx2 == -1)
		avx2 = cpu_has_avx2();
	if (avx2)
		scan_avx2(f, p, n, &sc);
	else
#endif
		scan_plain(f, p, n, &sc);
	add_field(f, &sc.k, p, sc.start, n);
	*nf = sc.k;
	*nul = sc.nul;
	return sc.flags;
}

void
fieldvec_free(struct fieldvec *f)
{
	free(f->v);
	free(f->len);
	memset(f, 0, sizeof(*f));
}
