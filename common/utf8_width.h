/*
 * utf8_width.h - terminal display width of UTF-8 text (utf8_width.c).
 * Included by utf8.h.
 */
#ifndef RS_UTF8_WIDTH_H
#define RS_UTF8_WIDTH_H

#include <stddef.h>

/*
 * utf8_width returns the terminal display width of p[0..n) (only read):
 * East Asian wide/fullwidth (CJK, Hangul, kana, most emoji) count 2,
 * combining marks and zero-width characters 0, control characters 0
 * (measure the utf8_sanitize output for text that may hold them), each
 * invalid byte 1 (it is shown as U+FFFD), others 1.
 */
size_t utf8_width(const char *p, size_t n);

/*
 * utf8_fit returns the length in bytes of the longest prefix of p[0..n)
 * (only read) that is whole characters at most maxw display columns
 * wide, as utf8_width counts them.
 */
size_t utf8_fit(const char *p, size_t n, size_t maxw);

#endif
