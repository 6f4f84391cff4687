/*
 * utf8_text.h - the control-character policy of text values and
 * terminal-safe output (utf8_text.c). Included by utf8.h.
 */
#ifndef RS_UTF8_TEXT_H
#define RS_UTF8_TEXT_H

#include <stddef.h>

struct buf;

/*
 * utf8_text_problem checks a text value: valid UTF-8 with no control
 * character other than tab and newline (C0, DEL, C1 and so ESC and CR
 * are rejected) and no bidi embedding/override/isolate control
 * (U+202A..U+202E, U+2066..U+2069: they make a terminal show the text
 * reordered). Returns NULL if fine, else a constant string (never freed,
 * never overwritten; reentrant) for the first problem: "invalid UTF-8",
 * "control character U+001B" or "bidi control character U+202E".
 */
const char *utf8_text_problem(const char *p, size_t n);

/*
 * utf8_sanitize appends p[0..n) to out for a terminal: control
 * characters (tab and newline included) become a visible escape: "\t",
 * "\n", "\r", else "\x1b" style for C0, DEL and C1; bidi controls
 * become "\u202e" style; each invalid byte becomes U+FFFD. Everything
 * else (backslash included) is copied unchanged. out is a struct buf
 * the caller owns; p is only read.
 */
void utf8_sanitize(struct buf *out, const char *p, size_t n);

#endif
