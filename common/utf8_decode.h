/*
 * utf8_decode.h - the one strict UTF-8 decoder and the bidi-control class,
 * shared by utf8.c (validation), utf8_text.c (text policy, sanitizing)
 * and utf8_width.c (display width), so that all three agree on what a
 * character is.
 *
 * Internal to the utf8 modules: include utf8.h elsewhere. The functions
 * are static inline, not extern, because utf8_valid and utf8_scan call
 * utf8_decode in the per-byte loop of every journal line; a call into
 * another object there would cost what the word-at-a-time ASCII skip
 * saves.
 */
#ifndef RS_UTF8_DECODE_H
#define RS_UTF8_DECODE_H

#include <stddef.h>
#include <stdint.h>

/* UTF8_HIGH_BITS: the top bit of each byte of a 64-bit word (non-ASCII test). */
#define UTF8_HIGH_BITS 0x8080808080808080ULL

/*
 * utf8_decode decodes one character at p[0..n), n >= 1. Returns its
 * length (1-4) and sets *cp, or 0 if p does not start a well-formed
 * sequence: a stray continuation byte, C0/C1/F5-FF, an overlong form, a
 * surrogate, a code point above U+10FFFF or a truncated sequence. The
 * second-byte ranges are those of Unicode table 3-7; checking them rules
 * out overlongs, surrogates and > U+10FFFF without decoding first.
 */
static inline size_t
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

/*
 * utf8_is_bidi_control: the embedding, override and isolate controls. They
 * reorder the text that follows them on a terminal or in a spreadsheet,
 * so a customer-supplied note could make a line display as something
 * else than what it says ("Trojan Source"). They have no business in a
 * journal.
 */
static inline int
utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

#endif
