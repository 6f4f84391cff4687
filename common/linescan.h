/*
 * linescan.h - splitting one TSV line at its tabs, in place.
 *
 * The one pass over every byte of a journal: it finds the tabs and
 * notes, in the same pass, the bytes that need a closer look (high
 * bytes for the UTF-8 check, controls, backslashes), a vector block at
 * a time (SSE2, or AVX2 where the CPU has it).
 */
#ifndef RS_LINESCAN_H
#define RS_LINESCAN_H

#include <stddef.h>

/*
 * Readable bytes the caller keeps after the end of a line: the last
 * block is loaded whole (its bytes past the line are masked off), so a
 * line is never finished byte by byte.
 */
#define LINESCAN_PAD 32

/* What linescan_split saw besides tabs. */
enum {
	LINESCAN_HIGH = 1,	/* a byte >= 0x80: UTF-8 to validate */
	LINESCAN_CTL = 2,	/* an ASCII control other than tab (NUL too), or DEL */
	LINESCAN_BSL = 4	/* a backslash: values to unescape */
};

/* The fields of a line: pointers into it and lengths, grown as needed. */
struct fieldvec {
	char **v;
	size_t *len;
	int cap;
};

/*
 * linescan_split splits p[0..n) at tabs in place (a NUL over each tab
 * and at p[n]; p must have LINESCAN_PAD readable bytes after p[n]) into
 * f: *nf fields, f->v[i] and f->len[i]. Returns LINESCAN_* flags; *nul
 * gets the offset of the first NUL byte, or (size_t)-1.
 */
unsigned linescan_split(struct fieldvec *f, char *p, size_t n, int *nf, size_t *nul);

/* fieldvec_free frees what f holds (not f). */
void fieldvec_free(struct fieldvec *f);

#endif
