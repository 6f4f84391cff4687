/*
 * utf8_width.c - terminal display width of UTF-8 text: East Asian wide
 * characters take two cells, combining marks and zero-width characters
 * none. Table layouts (render.c) measure cells with it.
 */
#include <stddef.h>
#include <stdint.h>

#include "utf8_decode.h"
#include "utf8_width.h"

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

size_t
utf8_fit(const char *s, size_t n, size_t maxw)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len, w = 0, cw;
	uint32_t cp;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			len = 1;
			cw = 1;
		} else if ((len = utf8_decode(p + i, n - i, &cp)) == 0) {
			len = 1;
			cw = 1;
		} else
			cw = cp_width(cp);
		if (w + cw > maxw)
			break;
		w += cw;
		i += len;
	}
	return i;
}
