/*
 * utf8.c - UTF-8 validation, the control-character policy of text values
 * (SPEC 4, 5), terminal display width and terminal-safe output.
 *
 * Every journal byte goes through utf8_valid, so the ASCII case is
 * checked a word at a time; everything else goes through one strict
 * decoder (utf8_decode) so that validation, width and sanitizing agree
 * on what a character is.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

#define HIGH_BITS 0x8080808080808080ULL

/*
 * utf8_decode decodes one character at p[0..n), n >= 1. Returns its
 * length (1-4) and sets *cp, or 0 if p does not start a well-formed
 * sequence: a stray continuation byte, C0/C1/F5-FF, an overlong form, a
 * surrogate, a code point above U+10FFFF or a truncated sequence. The
 * second-byte ranges are those of Unicode table 3-7; checking them rules
 * out overlongs, surrogates and > U+10FFFF without decoding first.
 */
static size_t
utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	size_t len, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return 0;	/* continuation byte, or overlong C0/C1 */
	if (c < 0xE0) {
		len = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong below U+0800 */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates U+D800..DFFF */
	} else if (c < 0xF5) {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;	/* overlong below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else
		return 0;
	if (n < len)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	v = (v << 6) | (p[1] & 0x3F);
	for (i = 2; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	*cp = v;
	return len;
}

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
			if (w & HIGH_BITS)
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

/*
 * The messages of utf8_text_problem are fixed strings, one per rejected
 * code point, so the function needs no buffer and is reentrant.
 */
#define CTL(x) "control character U+00" x
#define CTL_ROW(h) \
	CTL(h "0"), CTL(h "1"), CTL(h "2"), CTL(h "3"), \
	CTL(h "4"), CTL(h "5"), CTL(h "6"), CTL(h "7"), \
	CTL(h "8"), CTL(h "9"), CTL(h "A"), CTL(h "B"), \
	CTL(h "C"), CTL(h "D"), CTL(h "E"), CTL(h "F")

static const char *const c0_msgs[32] = { CTL_ROW("0"), CTL_ROW("1") };
static const char *const c1_msgs[32] = { CTL_ROW("8"), CTL_ROW("9") };
static const char *const bidi_msgs[] = {
	"bidi control character U+202A", "bidi control character U+202B",
	"bidi control character U+202C", "bidi control character U+202D",
	"bidi control character U+202E",
	"bidi control character U+2066", "bidi control character U+2067",
	"bidi control character U+2068", "bidi control character U+2069",
};

/*
 * is_bidi_control: the embedding, override and isolate controls. They
 * reorder the text that follows them on a terminal or in a spreadsheet,
 * so a customer-supplied note could make a line display as something
 * else than what it says ("Trojan Source"). They have no business in a
 * journal.
 */
static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* is_control: C0 (tab and newline included), DEL and C1. */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <tmmintrin.h>
#define HAVE_UTF8_SSSE3 1
#if defined(__GLIBC__) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define HAVE_X86_PLATFORM_H 1
#endif
#endif

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

__attribute__((target("ssse3")))
static inline __m128i
u8_block_errors(__m128i in, __m128i prev)
{
	const __m128i lo4 = _mm_set1_epi8(0x0F);
	const __m128i t1 = _mm_setr_epi8(
	    U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
	    U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
	    U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS,
	    U8_TOO_SHORT | U8_OVERLONG_2, U8_TOO_SHORT,
	    U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE,
	    U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4);
	const __m128i t2 = _mm_setr_epi8(
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
	    U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000);
	const __m128i t3 = _mm_setr_epi8(
	    U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
	    U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE_1000 |
	    U8_OVERLONG_4,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
	    U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
	    U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT);
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

/*
 * cpu_has_ssse3 asks glibc, which has run cpuid at start-up already:
 * __builtin_cpu_supports runs it again, and in a virtual machine cpuid
 * traps to the hypervisor (it showed in profiles of rs-intake, whose
 * whole run is a couple of milliseconds).
 */
static int
cpu_has_ssse3(void)
{
#ifdef HAVE_X86_PLATFORM_H
	return CPU_FEATURE_ACTIVE(SSSE3) ? 1 : 0;
#else
	return __builtin_cpu_supports("ssse3") ? 1 : 0;
#endif
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

				special = is_bidi_control(cp);
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
			if (w & HIGH_BITS)
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
		if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp))
			special = 1;
		i += len;
	}
	return special;
}

const char *
utf8_text_problem(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			return "invalid UTF-8";
		i += len;
		if (cp == '\t' || cp == '\n')
			continue;
		if (cp < 0x20)
			return c0_msgs[cp];
		if (cp == 0x7F)
			return CTL("7F");
		if (cp >= 0x80 && cp <= 0x9F)
			return c1_msgs[cp - 0x80];
		if (cp >= 0x202A && cp <= 0x202E)
			return bidi_msgs[cp - 0x202A];
		if (cp >= 0x2066 && cp <= 0x2069)
			return bidi_msgs[5 + cp - 0x2066];
	}
	return NULL;
}

struct range {
	uint32_t lo, hi;
};

/*
 * East Asian Wide (W) and Fullwidth (F) characters, after Unicode's
 * EastAsianWidth.txt, merged into few ranges: CJK, Hangul, kana,
 * fullwidth forms and the emoji that terminals draw two cells wide.
 * Sorted, not overlapping (range_find is a binary search).
 */
static const struct range wide[] = {
	{ 0x1100, 0x115F },	/* Hangul Jamo initial consonants */
	{ 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE },
	{ 0x2614, 0x2615 }, { 0x2648, 0x2653 }, { 0x267F, 0x267F },
	{ 0x2693, 0x2693 }, { 0x26A1, 0x26A1 }, { 0x26AA, 0x26AB },
	{ 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 },
	{ 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA }, { 0x26FD, 0x26FD },
	{ 0x2705, 0x2705 }, { 0x270A, 0x270B }, { 0x2728, 0x2728 },
	{ 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 },
	{ 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 },
	{ 0x2B55, 0x2B55 },
	{ 0x2E80, 0x303E },	/* CJK radicals .. CJK symbols and punctuation */
	{ 0x3041, 0x4DBF },	/* kana, bopomofo, CJK compatibility, ext. A */
	{ 0x4E00, 0xA4CF },	/* CJK unified ideographs, Yi */
	{ 0xA960, 0xA97F },	/* Hangul Jamo extended A */
	{ 0xAC00, 0xD7A3 },	/* Hangul syllables */
	{ 0xF900, 0xFAFF },	/* CJK compatibility ideographs */
	{ 0xFE10, 0xFE19 },	/* vertical forms */
	{ 0xFE30, 0xFE6F },	/* CJK compatibility forms, small forms */
	{ 0xFF00, 0xFF60 },	/* fullwidth forms */
	{ 0xFFE0, 0xFFE6 },
	{ 0x16FE0, 0x16FE4 }, { 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF },
	{ 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E },
	{ 0x1F191, 0x1F19A }, { 0x1F200, 0x1F202 }, { 0x1F210, 0x1F23B },
	{ 0x1F240, 0x1F248 }, { 0x1F250, 0x1F251 }, { 0x1F260, 0x1F265 },
	{ 0x1F300, 0x1F64F },	/* pictographs, emoticons */
	{ 0x1F680, 0x1F6FF },	/* transport and map symbols */
	{ 0x1F7E0, 0x1F7EB },
	{ 0x1F900, 0x1F9FF },	/* supplemental symbols and pictographs */
	{ 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD },	/* CJK extensions B.. */
	{ 0x30000, 0x3FFFD },
};

/*
 * Characters that take no cell of their own: combining marks of the
 * scripts the desk is likely to see, zero-width and format characters,
 * Hangul medial vowels and finals (they join the preceding initial),
 * variation selectors and tags. Not the whole of Mn/Me/Cf: enough that
 * accented Latin, Cyrillic, Arabic, Hebrew, Indic, Thai and emoji
 * sequences line up.
 */
static const struct range zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x061C, 0x061C },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074A }, { 0x07A6, 0x07B0 },
	{ 0x07EB, 0x07F3 }, { 0x0816, 0x082D }, { 0x0859, 0x085B },
	{ 0x08D3, 0x0902 }, { 0x093A, 0x093A }, { 0x093C, 0x093C },
	{ 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09BC, 0x09BC },
	{ 0x09C1, 0x09C4 }, { 0x09CD, 0x09CD }, { 0x09E2, 0x09E3 },
	{ 0x0A01, 0x0A02 }, { 0x0A3C, 0x0A3C }, { 0x0A41, 0x0A51 },
	{ 0x0A70, 0x0A71 }, { 0x0A75, 0x0A75 }, { 0x0A81, 0x0A82 },
	{ 0x0ABC, 0x0ABC }, { 0x0AC1, 0x0AC8 }, { 0x0ACD, 0x0ACD },
	{ 0x0B01, 0x0B01 }, { 0x0B3C, 0x0B3C }, { 0x0B3F, 0x0B3F },
	{ 0x0B41, 0x0B44 }, { 0x0B4D, 0x0B4D }, { 0x0BC0, 0x0BC0 },
	{ 0x0BCD, 0x0BCD }, { 0x0C3E, 0x0C40 }, { 0x0C46, 0x0C56 },
	{ 0x0CBC, 0x0CBC }, { 0x0CCC, 0x0CCD }, { 0x0D41, 0x0D44 },
	{ 0x0D4D, 0x0D4D }, { 0x0DCA, 0x0DCA }, { 0x0DD2, 0x0DD6 },
	{ 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E },
	{ 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC }, { 0x0EC8, 0x0ECD },
	{ 0x0F18, 0x0F19 }, { 0x0F35, 0x0F35 }, { 0x0F37, 0x0F37 },
	{ 0x0F39, 0x0F39 }, { 0x0F71, 0x0F7E }, { 0x0F80, 0x0F84 },
	{ 0x0F86, 0x0F87 }, { 0x0F8D, 0x0FBC }, { 0x0FC6, 0x0FC6 },
	{ 0x1160, 0x11FF },	/* Hangul Jamo medial vowels and finals */
	{ 0x135D, 0x135F }, { 0x17B4, 0x17B5 }, { 0x17B7, 0x17BD },
	{ 0x17C6, 0x17C6 }, { 0x17C9, 0x17D3 }, { 0x17DD, 0x17DD },
	{ 0x180B, 0x180F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF },
	{ 0x200B, 0x200F },	/* zero width space, joiners, LRM/RLM */
	{ 0x202A, 0x202E },	/* bidi embeddings and overrides */
	{ 0x2060, 0x2064 }, { 0x2066, 0x206F },
	{ 0x20D0, 0x20FF },	/* combining marks for symbols */
	{ 0x2CEF, 0x2CF1 }, { 0x2DE0, 0x2DFF },
	{ 0x302A, 0x302D },	/* ideographic tone marks */
	{ 0x3099, 0x309A },	/* kana voiced sound marks */
	{ 0xA66F, 0xA672 }, { 0xA674, 0xA67D }, { 0xA69E, 0xA69F },
	{ 0xA6F0, 0xA6F1 }, { 0xA8E0, 0xA8F1 },
	{ 0xFB1E, 0xFB1E },
	{ 0xFE00, 0xFE0F },	/* variation selectors */
	{ 0xFE20, 0xFE2F },	/* combining half marks */
	{ 0xFEFF, 0xFEFF },	/* zero width no-break space (BOM) */
	{ 0x1F3FB, 0x1F3FF },	/* emoji skin tone modifiers */
	{ 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F },	/* tags */
	{ 0xE0100, 0xE01EF },	/* variation selectors supplement */
};

/* range_find returns 1 if cp falls in one of the sorted ranges t[0..n). */
static int
range_find(const struct range *t, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n, mid;

	if (n == 0 || cp < t[0].lo || cp > t[n - 1].hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/*
 * cp_width: 0, 1 or 2 cells. Control characters count 0: a terminal
 * does not draw them, and output paths show them escaped anyway
 * (utf8_sanitize), so callers measure the sanitized text. The skin tone
 * modifiers are in both tables; zero wins because they follow an emoji.
 */
static size_t
cp_width(uint32_t cp)
{
	if (cp < 0x7F)
		return cp >= 0x20;
	if (cp <= 0x9F)
		return 0;
	if (cp < 0x0300)
		return 1;
	if (range_find(zero, sizeof(zero) / sizeof(zero[0]), cp))
		return 0;
	if (cp >= 0x1100 && range_find(wide, sizeof(wide) / sizeof(wide[0]), cp))
		return 2;
	return 1;
}

size_t
utf8_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len, w = 0;
	uint32_t cp;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			w++;
			i++;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0) {
			/* An invalid byte is shown as U+FFFD: one cell. */
			w++;
			i++;
			continue;
		}
		w += cp_width(cp);
		i += len;
	}
	return w;
}

/*
 * needs_escape: the code points utf8_sanitize must not pass through:
 * every control character (tab and newline too: in a table cell they
 * would break the layout) and the bidi controls.
 */
static int
needs_escape(uint32_t cp)
{
	return is_control(cp) || is_bidi_control(cp);
}

void
utf8_sanitize(struct buf *out, const char *s, size_t n)
{
	static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, len;
	uint32_t cp;

	/* Safe text is copied in runs, not character by character. */
	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		len = utf8_decode(p + i, n - i, &cp);
		if (len != 0 && !needs_escape(cp)) {
			i += len;
			continue;
		}
		if (i > run)
			buf_add(out, p + run, i - run);
		if (len == 0) {
			/* One U+FFFD per invalid byte, as utf8_width counts it. */
			buf_add(out, replacement, 3);
			i++;
		} else {
			if (cp == '\t')
				buf_adds(out, "\\t");
			else if (cp == '\n')
				buf_adds(out, "\\n");
			else if (cp == '\r')
				buf_adds(out, "\\r");
			else if (cp <= 0xFF)
				buf_printf(out, "\\x%02x", (unsigned)cp);
			else
				buf_printf(out, "\\u%04x", (unsigned)cp);
			i += len;
		}
		run = i;
	}
	if (i > run)
		buf_add(out, p + run, i - run);
}
