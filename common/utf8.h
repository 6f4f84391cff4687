/*
 * utf8.h - UTF-8 validation (utf8.c); includes the control-character
 * policy (utf8_text.h) and display width (utf8_width.h), so that one
 * include gives callers all of UTF-8.
 */
#ifndef RS_UTF8_H
#define RS_UTF8_H

#include <stddef.h>

#include "utf8_text.h"
#include "utf8_width.h"

/* utf8_valid returns 1 if p[0..n) (only read) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF), else 0. */
int utf8_valid(const char *p, size_t n);

/*
 * utf8_scan checks a whole line at once (p is only read): -1 if p[0..n)
 * is not valid UTF-8, else 1 if it holds a C1 control (U+0080..U+009F)
 * or a bidi control (see utf8_text_problem), else 0. ASCII controls are
 * not looked at: the caller sees those bytes itself.
 */
int utf8_scan(const char *p, size_t n);

/* utf8_scan_padded is utf8_scan for a p that has 32 readable bytes after p[n] (the reader's buffer): no copy of the line's last block. */
int utf8_scan_padded(const char *p, size_t n);

#endif
