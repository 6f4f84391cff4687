/*
 * utf8.h - UTF-8 validation, control-character policy and display width.
 */
#ifndef RS_UTF8_H
#define RS_UTF8_H

#include <stddef.h>

/* utf8_valid returns 1 if p[0..n) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF), else 0. */
int utf8_valid(const char *p, size_t n);

/*
 * utf8_scan checks a whole line at once: -1 if p[0..n) is not valid
 * UTF-8, else 1 if it holds a C1 control (U+0080..U+009F) or a bidi
 * control (see utf8_text_problem), else 0. ASCII controls are not
 * looked at: the caller sees those bytes itself.
 */
int utf8_scan(const char *p, size_t n);

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
 * utf8_width returns the terminal display width of p[0..n): East Asian
 * wide/fullwidth (CJK, Hangul, kana, most emoji) count 2, combining
 * marks and zero-width characters 0, control characters 0 (measure the
 * utf8_sanitize output for text that may hold them), each invalid byte 1
 * (it is shown as U+FFFD), others 1.
 */
size_t utf8_width(const char *p, size_t n);

/*
 * utf8_sanitize appends p[0..n) to out for a terminal: control
 * characters (tab and newline included) become a visible escape: "\t",
 * "\n", "\r", else "\x1b" style for C0, DEL and C1; bidi controls
 * become "\u202e" style; each invalid byte becomes U+FFFD. Everything
 * else (backslash included) is copied unchanged. out is a struct buf.
 */
struct buf;
void utf8_sanitize(struct buf *out, const char *p, size_t n);

#endif
