/* t_utf8.c - unit tests of common/utf8.c */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "unit.h"
#include "utf8.h"

#define V(lit) utf8_valid(lit, sizeof(lit) - 1)
#define P(lit) utf8_text_problem(lit, sizeof(lit) - 1)
#define W(lit) utf8_width(lit, sizeof(lit) - 1)

/* sanitized returns utf8_sanitize of s[0..n) as a C string (static buffer). */
static const char *
sanitized(const char *s, size_t n)
{
	static char out[256];
	struct buf b = BUF_INIT;

	utf8_sanitize(&b, s, n);
	if (b.len >= sizeof(out))
		b.len = sizeof(out) - 1;
	memcpy(out, b.p ? b.p : "", b.len);
	out[b.len] = '\0';
	buf_free(&b);
	return out;
}
#define S(lit) sanitized(lit, sizeof(lit) - 1)

static void
t_valid(void)
{
	char big[1000];
	size_t i, off;

	T_INT(utf8_valid("", 0), 1);
	T_INT(V("plain ascii"), 1);
	T_INT(V("\x00\x7f"), 1);		/* NUL and DEL are valid UTF-8 */
	T_INT(V("\xc2\x80"), 1);		/* U+0080 */
	T_INT(V("\xdf\xbf"), 1);		/* U+07FF */
	T_INT(V("\xe0\xa0\x80"), 1);		/* U+0800 */
	T_INT(V("\xed\x9f\xbf"), 1);		/* U+D7FF */
	T_INT(V("\xee\x80\x80"), 1);		/* U+E000 */
	T_INT(V("\xef\xbf\xbf"), 1);		/* U+FFFF */
	T_INT(V("\xf0\x90\x80\x80"), 1);	/* U+10000 */
	T_INT(V("\xf4\x8f\xbf\xbf"), 1);	/* U+10FFFF */
	T_INT(V("粤B·D12345 王先生 😀"), 1);

	/* overlongs */
	T_INT(V("\xc0\x80"), 0);
	T_INT(V("\xc1\xbf"), 0);
	T_INT(V("\xe0\x80\x80"), 0);
	T_INT(V("\xe0\x9f\xbf"), 0);
	T_INT(V("\xf0\x80\x80\x80"), 0);
	T_INT(V("\xf0\x8f\xbf\xbf"), 0);
	/* surrogates */
	T_INT(V("\xed\xa0\x80"), 0);
	T_INT(V("\xed\xbf\xbf"), 0);
	/* above U+10FFFF, and bytes that never occur */
	T_INT(V("\xf4\x90\x80\x80"), 0);
	T_INT(V("\xf5\x80\x80\x80"), 0);
	T_INT(V("\xfe"), 0);
	T_INT(V("\xff"), 0);
	/* truncated sequences, at the end and in the middle */
	T_INT(V("\xc2"), 0);
	T_INT(V("\xe4\xb8"), 0);
	T_INT(V("\xf0\x9f\x98"), 0);
	T_INT(V("a\xe4\xb8z"), 0);
	T_INT(V("\xe4\xb8\xad\xe4"), 0);
	/* stray continuation bytes */
	T_INT(V("\x80"), 0);
	T_INT(V("abc\xbf"), 0);
	T_INT(V("\xe4\xb8\xad\x80"), 0);
	T_INT(V("\xc2\xc2\x80"), 0);

	/*
	 * The word-at-a-time path: a bad byte at every offset of a long
	 * ASCII run (and at unaligned starts) is found; an all-ASCII run is
	 * accepted; a multibyte character straddling a word is decoded.
	 */
	memset(big, 'x', sizeof(big));
	T_INT(utf8_valid(big, sizeof(big)), 1);
	for (off = 0; off < 3; off++) {
		int ok = 1;

		for (i = off; i < 40; i++) {
			big[i] = (char)0x80;
			if (utf8_valid(big + off, sizeof(big) - off))
				ok = 0;
			big[i] = 'x';
		}
		T_OK(ok);
	}
	memcpy(big + 6, "\xe4\xb8\xad", 3);	/* across the first 8-byte word */
	T_INT(utf8_valid(big, sizeof(big)), 1);
	T_INT(utf8_valid(big, 8), 0);		/* cut inside the character */
	big[sizeof(big) - 1] = (char)0xc3;	/* truncated at the very end */
	T_INT(utf8_valid(big, sizeof(big)), 0);
}

static void
t_problem(void)
{
	T_STR(utf8_text_problem("", 0), NULL);
	T_STR(P("line one\nline\ttwo"), NULL);
	T_STR(P("王先生 粤B12345 😀 café"), NULL);
	T_STR(P("\xe2\x80\x8b zero width space is fine"), NULL);
	T_STR(P("bad \xff byte"), "invalid UTF-8");
	T_STR(P("\xc0\x80"), "invalid UTF-8");
	T_STR(P("\xed\xa0\x80"), "invalid UTF-8");
	T_STR(P("ansi \x1b[31mred"), "control character U+001B");
	T_STR(P("cr\r\n"), "control character U+000D");
	T_STR(utf8_text_problem("nul\0x", 5), "control character U+0000");
	T_STR(P("\x01"), "control character U+0001");
	T_STR(P("\x1f"), "control character U+001F");
	T_STR(P("del\x7f"), "control character U+007F");
	T_STR(P("c1 \xc2\x80"), "control character U+0080");
	T_STR(P("c1 \xc2\x9b"), "control character U+009B");
	T_STR(P("c1 \xc2\x9f"), "control character U+009F");
	T_STR(P("nbsp \xc2\xa0 ok"), NULL);
	T_STR(P("RLO \xe2\x80\xae"), "bidi control character U+202E");
	T_STR(P("\xe2\x80\xaa"), "bidi control character U+202A");
	T_STR(P("\xe2\x81\xa6"), "bidi control character U+2066");
	T_STR(P("\xe2\x81\xa9"), "bidi control character U+2069");
	T_STR(P("\xe2\x80\xa9 \xe2\x81\xaa"), NULL);	/* U+2029, U+206A */
	/* The first problem is reported. */
	T_STR(P("\x1b\xff"), "control character U+001B");
	T_STR(P("\xff\x1b"), "invalid UTF-8");
}

static void
t_width(void)
{
	T_INT(utf8_width("", 0), 0);
	T_INT(W("abc"), 3);
	T_INT(W("café"), 4);			/* precomposed e-acute */
	T_INT(W("cafe\xcc\x81"), 4);		/* e + combining acute */
	T_INT(W("王先生"), 6);
	T_INT(W("粤B12345"), 8);
	T_INT(W("粤B·D12345"), 10);		/* middle dot is narrow */
	T_INT(W("한국"), 4);			/* Hangul syllables */
	T_INT(W("カタカナ"), 8);
	T_INT(W("ｱ"), 1);			/* halfwidth katakana */
	T_INT(W("ＡＢ"), 4);			/* fullwidth Latin */
	T_INT(W("，。"), 4);			/* CJK punctuation */
	T_INT(W("\xe3\x80\x80"), 2);		/* ideographic space */
	T_INT(W("😀"), 2);
	T_INT(W("🚗"), 2);
	T_INT(W("🤝"), 2);
	T_INT(W("👍\xf0\x9f\x8f\xbd"), 2);	/* skin tone modifier */
	T_INT(W("❤\xef\xb8\x8f"), 1);		/* U+2764 + VS16: as wcwidth, 1 */
	T_INT(W("\xe2\x80\x8b"), 0);		/* zero width space */
	T_INT(W("a\xe2\x80\x8d" "b"), 2);	/* zero width joiner */
	T_INT(W("\xef\xbb\xbf"), 0);		/* BOM */
	T_INT(W("\xf0\xa0\x80\x80"), 2);	/* U+20000, ext. B */
	T_INT(W("\xe4\xb7\x80"), 1);		/* U+4DC0 hexagram, narrow */
	T_INT(W("\xe1\x84\x80\xe1\x85\xa1"), 2);	/* jamo L + V */
	T_INT(W("\xff\xfe"), 2);		/* invalid bytes: 1 each */
	T_INT(W("a\xe4\xb8"), 3);		/* truncated: 1 per byte */
	T_INT(W("\x1b[0m"), 3);			/* ESC itself takes no cell */
	T_INT(W("\xc2\x85"), 0);		/* C1 */
	T_INT(W("\xc2\xa0"), 1);		/* no-break space */
}

static void
t_sanitize(void)
{
	struct buf b = BUF_INIT;

	T_STR(S(""), "");
	T_STR(S("plain text, 王先生 😀"), "plain text, 王先生 😀");
	T_STR(S("a\tb\nc\rd"), "a\\tb\\nc\\rd");
	T_STR(S("\x1b[31mred"), "\\x1b[31mred");
	T_STR(sanitized("nul\0end", 7), "nul\\x00end");
	T_STR(S("del\x7f"), "del\\x7f");
	T_STR(S("c1\xc2\x9b" "x"), "c1\\x9bx");
	T_STR(S("rlo\xe2\x80\xae" "cba"), "rlo\\u202ecba");
	T_STR(S("\xe2\x81\xa9"), "\\u2069");
	T_STR(S("bad\xff" "byte"), "bad\xef\xbf\xbd" "byte");
	T_STR(S("\xc0\x80"), "\xef\xbf\xbd\xef\xbf\xbd");
	T_STR(S("cut\xe4\xb8"), "cut\xef\xbf\xbd\xef\xbf\xbd");
	T_STR(S("back\\slash"), "back\\slash");
	T_STR(S("\xe2\x80\x8b"), "\xe2\x80\x8b");	/* ZWSP passes */

	/* It appends. */
	buf_adds(&b, "x=");
	utf8_sanitize(&b, "\x07y", 2);
	T_MEM(b.p, b.len, "x=\\x07y", 7);
	buf_free(&b);

	/* Whatever goes in, what comes out has no problem. */
	T_STR(S("\x1b\xff\xc2\x85\xe2\x80\xae\r"),
	    "\\x1b\xef\xbf\xbd\\x85\\u202e\\r");
	{
		const char *o = S("\x1b\xff\xc2\x85\xe2\x80\xae\r\t\n");

		T_STR(utf8_text_problem(o, strlen(o)), NULL);
	}
}

/* special_ref: a C1 control (C2 80..9F) or a bidi control in well-formed s. */
static int
special_ref(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		if (s[i] == 0xC2 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
			return 1;
		if (i + 2 < n && s[i] == 0xE2 && ((s[i + 1] == 0x80 && s[i + 2] >= 0xAA &&
		    s[i + 2] <= 0xAE) || (s[i + 1] == 0x81 && s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9)))
			return 1;
	}
	return 0;
}

/*
 * t_scan_random: utf8_scan (the vector code on this CPU) against
 * utf8_valid (the byte decoder) on 200 000 strings of bytes picked to
 * make sequences whole, cut, overlong, surrogate, too large, across the
 * 16- and 32-byte block edges; utf8_scan_padded must agree, with junk
 * after the string.
 */
static void
t_scan_random(void)
{
	static const unsigned char pick[] = {
		'a', 'z', '\t', 0x00, 0x7F, 0x80, 0x81, 0x8F, 0x90, 0x9F, 0xA0, 0xAA, 0xAE, 0xBF,
		0xC0, 0xC1, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE9, 0xEC, 0xED,
		0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x81, 0xA6, 0xA9
	};
	unsigned char s[140 + 32];
	unsigned long x = 12345;
	int bad = 0, k;

	for (k = 0; k < 200000; k++) {
		size_t n, i;
		int want, got, padded;

		x = x * 6364136223846793005UL + 1442695040888963407UL;
		n = (size_t)(x >> 33) % 140;
		for (i = 0; i < n + 32; i++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			/* Mostly CJK-like runs: an E4 lead then two continuations. */
			s[i] = (x >> 60) < 6 ? "\xe4\xb8\xad"[i % 3] : pick[(x >> 33) % sizeof(pick)];
		}
		want = !utf8_valid((const char *)s, n) ? -1 : special_ref(s, n);
		got = utf8_scan((const char *)s, n);
		padded = utf8_scan_padded((const char *)s, n);
		if ((got != want || padded != want) && bad++ < 5)
			unit_report(__FILE__, __LINE__, 0, "string %d (%zu bytes): scan %d, padded %d, want %d",
			    k, n, got, padded, want);
	}
	T_INT(bad, 0);
}

static void
t_fit(void)
{
	/* 深 is 3 bytes, 2 columns; an invalid byte is one column. */
	T_INT(utf8_fit("abc", 3, 2), 2);
	T_INT(utf8_fit("abc", 3, 5), 3);
	T_INT(utf8_fit("深南a", 7, 0), 0);
	T_INT(utf8_fit("深南a", 7, 1), 0);
	T_INT(utf8_fit("深南a", 7, 3), 3);
	T_INT(utf8_fit("深南a", 7, 4), 6);
	T_INT(utf8_fit("深南a", 7, 5), 7);
	T_INT(utf8_fit("a\xff深", 5, 2), 2);
	T_INT(utf8_fit("e\xcc\x81x", 4, 1), 3);	/* a combining mark takes no column */
}

void
t_utf8(void)
{
	t_fit();
	t_scan_random();
	t_valid();
	t_problem();
	t_width();
	t_sanitize();
}
