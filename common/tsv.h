/*
 * tsv.h - the TSV value escapes of SPEC 3.1.
 *
 * Inside a field: \t tab, \n newline, \r carriage return, \\ backslash.
 * Writers always escape; readers always unescape.
 */
#ifndef RS_TSV_H
#define RS_TSV_H

#include <stddef.h>

struct buf;

/* tsv_escape appends the escaped form of p[0..n) to out. */
void tsv_escape(struct buf *out, const char *p, size_t n);

/*
 * tsv_unescape_inplace unescapes p[0..n) in place and NUL-terminates it;
 * returns the new length. An unknown escape ("\x") is kept as it is, and
 * so is a trailing lone backslash.
 */
size_t tsv_unescape_inplace(char *p, size_t n);

#endif
