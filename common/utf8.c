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
#include <tmmintrin.h>
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
 * U8B casts one table entry to the char _mm_setr_epi8 takes: the error
 * bits use all eight bits, so entries from 0x80 up are meant as negative
 * chars (clang's -Wconstant-conversion wants the cast said).
 */
#define U8B(x) ((char)(x))

__attribute__((target("ssse3")))
static inline __m128i
u8_block_errors(__m128i in, __m128i prev)
{
	const __m128i lo4 = _mm_set1_epi8(0x0F);
	const __m128i t1 = _mm_setr_epi8(
	    U8B(U8_TOO_LONG), U8B(U8_TOO_LONG), U8B(U8_TOO_LONG), U8B(U8_TOO_LONG),
	    U8B(U8_TOO_LONG), U8B(U8_TOO_LONG), U8B(U8_TOO_LONG), U8B(U8_TOO_LONG),
	    U8B(U8_TWO_CONTS), U8B(U8_TWO_CONTS), U8B(U8_TWO_CONTS), U8B(U8_TWO_CONTS),
	    U8B(U8_TOO_SHORT | U8_OVERLONG_2), U8B(U8_TOO_SHORT),
	    U8B(U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE),
	    U8B(U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4));
	const __m128i t2 = _mm_setr_epi8(
	    U8B(U8_CARRY | U8_OVERLONG_3 | U8_OVERLONG_2 | U8_OVERLONG_4),
	    U8B(U8_CARRY | U8_OVERLONG_2), U8B(U8_CARRY), U8B(U8_CARRY),
	    U8B(U8_CARRY | U8_TOO_LARGE),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_SURROGATE),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000),
	    U8B(U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000));
	const __m128i t3 = _mm_setr_epi8(
	    U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT),
	    U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT),
	    U8B(U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE_1000 |
	    U8_OVERLONG_4),
	    U8B(U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE),
	    U8B(U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE),
	    U8B(U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE),
	    U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT), U8B(U8_TOO_SHORT));
	__m128i prev1 = _mm_alignr_epi8(in, prev, 15);
	__m128i prev2 = _mm_alignr_epi8(in, prev, 14);
	__m128i prev3 = _mm_alignr_epi8(in, prev, 13);
	__m128i b1h = _mm_shuffle_epi8(t1, _mm_and_si128(_mm_srli_epi16(prev1, 4), lo4));
	__m128i b1l = _mm_shuffle_epi8(t2, _mm_and_si128(prev1, lo4));
	__m128i b2h = _mm_shuffle_epi8(t3, _mm_and_si128(_mm_srli_epi16(in, 4), lo4));
	__m128i sc = _mm_and_si128(_mm_and_si128(b1h, b1l), b2h);
	/* Third and fourth bytes of 3- and 4-byte sequences must be continuations. */
	__m128i must23 = _mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80))),
	    _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80))));

	return _mm_xor_si128(_mm_and_si128(must23, _mm_set1_epi8((char)0x80)), sc);
}

__attribute__((target("ssse3")))
static int
utf8_scan_ssse3(const unsigned char *p, size_t n)
{
	/* A sequence may not start in the last 1..3 bytes without room for its end. */
	const __m128i max = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	    (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
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
		for (; m && !special; m &= m - 1) {
			size_t k = i + (size_t)__builtin_ctz(m);

			if (p[k] == 0xC2 && k + 1 < n && p[k + 1] >= 0x80 && p[k + 1] <= 0x9F)
				special = 1;
			else if (p[k] == 0xE2 && k + 2 < n && (p[k + 1] == 0x80 || p[k + 1] == 0x81)) {
				uint32_t cp = 0x2000 | (uint32_t)(p[k + 1] & 0x3F) << 6 |
				    (uint32_t)(p[k + 2] & 0x3F);

				special = utf8_is_bidi_control(cp);
			}
		}
	}
	err = _mm_or_si128(err, incomplete);
	if (_mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) != 0xFFFF)
		return -1;
	return special;
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
int
utf8_scan(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint64_t w;
	uint32_t cp;
	unsigned char c;
	int special = 0;

#ifdef HAVE_UTF8_SSSE3
	static _Thread_local int ssse3 = -1;

	if (ssse3 == -1)
		ssse3 = cpu_has_ssse3();
	if (ssse3)
		return utf8_scan_ssse3(p, n);
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
