/*
 * utf8.c - UTF-8 validation of journal bytes: utf8_valid for one value,
 * utf8_scan for a whole line (with an SSSE3 path). The text policy is in
 * utf8_text.c, display width in utf8_width.c.
 *
 * Every journal byte goes through here, so the ASCII case is checked a
 * word at a time (or sixteen bytes at a time with SSSE3); everything
 * else goes through the one strict decoder of utf8_decode.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cpu.h"
#include "utf8.h"
#include "utf8_decode.h"

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint64_t w;
	uint32_t cp;

	while (i < n) {
		/* memcpy, not a cast: p + i need not be aligned. */
		while (n - i >= 8) {
			memcpy(&w, p + i, 8);
			if (w & UTF8_HIGH_BITS)
				break;
			i += 8;
		}
		while (i < n && p[i] < 0x80)
			i++;
		if (i == n)
			break;
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_UTF8_SSSE3 1

/*
 * utf8_scan_ssse3 is utf8_scan sixteen bytes at a time: the "lookup"
 * validation of Keiser and Lemire (Validating UTF-8 in less than one
 * instruction per byte, 2021; as in simdjson and simdutf), three table
 * lookups classify each byte with the one before it, two more checks
 * catch missing and surplus continuation bytes. Full scans of journals
 * spent 15 % of their time in the byte-at-a-time decoder. C2 and E2
 * lead bytes, which start C1 and bidi controls, are rare and checked
 * one by one. Built for SSSE3 and used when the CPU has it.
 */
#define U8_TOO_SHORT (1 << 0)
#define U8_TOO_LONG (1 << 1)
#define U8_OVERLONG_3 (1 << 2)
#define U8_TOO_LARGE (1 << 3)
#define U8_SURROGATE (1 << 4)
#define U8_OVERLONG_2 (1 << 5)
#define U8_TOO_LARGE_1000 (1 << 6)
#define U8_OVERLONG_4 (1 << 6)
#define U8_TWO_CONTS (1 << 7)
#define U8_CARRY (U8_TOO_SHORT | U8_TOO_LONG | U8_TWO_CONTS)

/*
 * The three lookup tables, indexed by a nibble: the high nibble of the
 * byte before, its low nibble, the high nibble of this byte. Arrays, so
 * that the SSSE3 and the AVX2 code load the same sixteen bytes.
 */
static const unsigned char u8_t1[16] = {
	U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
	U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
	U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS,
	U8_TOO_SHORT | U8_OVERLONG_2, U8_TOO_SHORT,
	U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE,
	U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4
};
static const unsigned char u8_t2[16] = {
	U8_CARRY | U8_OVERLONG_3 | U8_OVERLONG_2 | U8_OVERLONG_4,
	U8_CARRY | U8_OVERLONG_2, U8_CARRY, U8_CARRY,
	U8_CARRY | U8_TOO_LARGE,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_SURROGATE,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000
};
static const unsigned char u8_t3[16] = {
	U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
	U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE_1000 |
	    U8_OVERLONG_4,
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE,
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
	U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT
};

/*
 * A sequence may not start in the last 1..3 bytes of the input without
 * room for its end: bytes above these limits there are "incomplete".
 * The last 16 bytes serve SSSE3; all 32 serve AVX2.
 */
static const unsigned char u8_max[32] = {
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xF0 - 1, 0xE0 - 1, 0xC0 - 1
};

static inline __m128i
u8_load16(const unsigned char *t)
{
	return _mm_loadu_si128((const __m128i *)(const void *)t);
}

__attribute__((target("ssse3")))
static inline __m128i
u8_block_errors(__m128i in, __m128i prev)
{
	const __m128i lo4 = _mm_set1_epi8(0x0F);
	__m128i prev1 = _mm_alignr_epi8(in, prev, 15);
	__m128i prev2 = _mm_alignr_epi8(in, prev, 14);
	__m128i prev3 = _mm_alignr_epi8(in, prev, 13);
	__m128i b1h = _mm_shuffle_epi8(u8_load16(u8_t1), _mm_and_si128(_mm_srli_epi16(prev1, 4), lo4));
	__m128i b1l = _mm_shuffle_epi8(u8_load16(u8_t2), _mm_and_si128(prev1, lo4));
	__m128i b2h = _mm_shuffle_epi8(u8_load16(u8_t3), _mm_and_si128(_mm_srli_epi16(in, 4), lo4));
	__m128i sc = _mm_and_si128(_mm_and_si128(b1h, b1l), b2h);
	/* Third and fourth bytes of 3- and 4-byte sequences must be continuations. */
	__m128i must23 = _mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80))),
	    _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80))));

	return _mm_xor_si128(_mm_and_si128(must23, _mm_set1_epi8((char)0x80)), sc);
}

/* u8_special says whether the C2 or E2 lead byte at p[k] starts a C1 or a bidi control. */
static inline int
u8_special(const unsigned char *p, size_t k, size_t n)
{
	if (p[k] == 0xC2)
		return k + 1 < n && p[k + 1] >= 0x80 && p[k + 1] <= 0x9F;
	if (k + 2 < n && (p[k + 1] == 0x80 || p[k + 1] == 0x81))
		return utf8_is_bidi_control(0x2000 | (uint32_t)(p[k + 1] & 0x3F) << 6 |
		    (uint32_t)(p[k + 2] & 0x3F));
	return 0;
}

__attribute__((target("ssse3")))
static int
utf8_scan_ssse3(const unsigned char *p, size_t n)
{
	const __m128i max = u8_load16(u8_max + 16);
	const __m128i c2 = _mm_set1_epi8((char)0xC2), e2 = _mm_set1_epi8((char)0xE2);
	__m128i prev = _mm_setzero_si128(), err = _mm_setzero_si128(), incomplete = prev, in;
	unsigned char tail[16];
	size_t i;
	unsigned m;
	int special = 0;

	for (i = 0; i < n; i += 16) {
		if (n - i >= 16)
			in = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		else {
			/* The tail, padded with NULs (ASCII: a cut sequence still shows). */
			memset(tail, 0, sizeof(tail));
			memcpy(tail, p + i, n - i);
			in = _mm_loadu_si128((const __m128i *)(const void *)tail);
		}
		if (_mm_movemask_epi8(in) == 0) {
			/* All ASCII: only a sequence cut by the block's start is an error. */
			err = _mm_or_si128(err, incomplete);
			prev = in;
			incomplete = _mm_setzero_si128();
			continue;
		}
		err = _mm_or_si128(err, u8_block_errors(in, prev));
		incomplete = _mm_subs_epu8(in, max);
		prev = in;
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(in, c2),
		    _mm_cmpeq_epi8(in, e2)));
		for (; m && !special; m &= m - 1)
			special = u8_special(p, i + (size_t)__builtin_ctz(m), n);
	}
	err = _mm_or_si128(err, incomplete);
	if (_mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) != 0xFFFF)
		return -1;
	return special;
}

/*
 * u8_block_errors32 is u8_block_errors on 32 bytes: the tables repeat in
 * both 128-bit lanes, and the bytes before each byte come from in and the
 * high lane of prev (the lanes' alignr cannot cross between them).
 */
__attribute__((target("avx2")))
static inline __m256i
u8_block_errors32(__m256i in, __m256i prev)
{
	const __m256i lo4 = _mm256_set1_epi8(0x0F);
	const __m256i t1 = _mm256_broadcastsi128_si256(u8_load16(u8_t1));
	const __m256i t2 = _mm256_broadcastsi128_si256(u8_load16(u8_t2));
	const __m256i t3 = _mm256_broadcastsi128_si256(u8_load16(u8_t3));
	__m256i before = _mm256_permute2x128_si256(prev, in, 0x21);
	__m256i prev1 = _mm256_alignr_epi8(in, before, 15);
	__m256i prev2 = _mm256_alignr_epi8(in, before, 14);
	__m256i prev3 = _mm256_alignr_epi8(in, before, 13);
	__m256i b1h = _mm256_shuffle_epi8(t1, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), lo4));
	__m256i b1l = _mm256_shuffle_epi8(t2, _mm256_and_si256(prev1, lo4));
	__m256i b2h = _mm256_shuffle_epi8(t3, _mm256_and_si256(_mm256_srli_epi16(in, 4), lo4));
	__m256i sc = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
	__m256i must23 = _mm256_or_si256(
	    _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80))),
	    _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80))));

	return _mm256_xor_si256(_mm256_and_si256(must23, _mm256_set1_epi8((char)0x80)), sc);
}

/*
 * utf8_scan_avx2 is utf8_scan_ssse3 thirty-two bytes at a time. With
 * padded (utf8_scan_padded) the last block is loaded whole and its bytes
 * past n are masked to NUL; otherwise they are copied to a zeroed block.
 */
__attribute__((target("avx2")))
static int
utf8_scan_avx2(const unsigned char *p, size_t n, int padded)
{
	static const unsigned char keep[64] = {
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
	};
	const __m256i max = _mm256_loadu_si256((const __m256i *)(const void *)u8_max);
	const __m256i c2 = _mm256_set1_epi8((char)0xC2), e2 = _mm256_set1_epi8((char)0xE2);
	__m256i prev = _mm256_setzero_si256(), err = prev, incomplete = prev, in;
	unsigned char tail[32];
	size_t i;
	unsigned m;
	int special = 0;

	for (i = 0; i < n; i += 32) {
		if (n - i >= 32)
			in = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		else if (padded)
			in = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(const void *)(p + i)),
			    _mm256_loadu_si256((const __m256i *)(const void *)(keep + 32 - (n - i))));
		else {
			memset(tail, 0, sizeof(tail));
			memcpy(tail, p + i, n - i);
			in = _mm256_loadu_si256((const __m256i *)(const void *)tail);
		}
		if (_mm256_movemask_epi8(in) == 0) {
			err = _mm256_or_si256(err, incomplete);
			prev = in;
			incomplete = _mm256_setzero_si256();
			continue;
		}
		err = _mm256_or_si256(err, u8_block_errors32(in, prev));
		incomplete = _mm256_subs_epu8(in, max);
		prev = in;
		m = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(in, c2),
		    _mm256_cmpeq_epi8(in, e2)));
		for (; m && !special; m &= m - 1)
			special = u8_special(p, i + (size_t)__builtin_ctz(m), n);
	}
	err = _mm256_or_si256(err, incomplete);
	return _mm256_testz_si256(err, err) ? special : -1;
}
#endif

/*
 * utf8_scan is utf8_valid for a whole journal line, telling besides
 * whether a text column of it may need the slow check: the reader runs
 * it once per line instead of utf8_valid per field plus
 * utf8_text_problem per text field (profiling a 1 GB journal showed the
 * two decoders at ~10 % of a full scan). Lead bytes E1 and E3..EF but
 * ED take a short cut: their sequences are the CJK text of most
 * journals, and no code point they encode is a C1 or bidi control (C1
 * is C2 80..9F, the bidi controls E2 80/81 ..).
 */
static int
scan(const char *s, size_t n, int padded)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint64_t w;
	uint32_t cp;
	unsigned char c;
	int special = 0;

#ifdef HAVE_UTF8_SSSE3
	static _Thread_local int vec = -1;	/* 2 AVX2, 1 SSSE3, 0 neither */

	if (vec == -1)
		vec = cpu_has_avx2() ? 2 : cpu_has_ssse3();
	if (vec == 2)
		return utf8_scan_avx2(p, n, padded);
	if (vec == 1)
		return utf8_scan_ssse3(p, n);
#else
	(void)padded;
#endif
	while (i < n) {
		while (n - i >= 8) {
			memcpy(&w, p + i, 8);
			if (w & UTF8_HIGH_BITS)
				break;
			i += 8;
		}
		while (i < n && p[i] < 0x80)
			i++;
		if (i == n)
			break;
		c = p[i];
		if (((c >= 0xE3 && c <= 0xEF && c != 0xED) || c == 0xE1) && n - i >= 3 &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			return -1;
		if ((cp >= 0x80 && cp <= 0x9F) || utf8_is_bidi_control(cp))
			special = 1;
		i += len;
	}
	return special;
}

int
utf8_scan(const char *s, size_t n)
{
	return scan(s, n, 0);
}

int
utf8_scan_padded(const char *s, size_t n)
{
	return scan(s, n, 1);
}
