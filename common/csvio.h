/*
 * csvio.h - CSV in (RFC 4180 through libcsv) and out (CRLF, quoting,
 * the spreadsheet formula guard of SPEC 3.2).
 */
#ifndef RS_CSVIO_H
#define RS_CSVIO_H

#include <stddef.h>

struct buf;
struct row;
struct rs_err;
struct csv_in;

/* csv_in_new makes a CSV parser; caller frees with csv_in_free. */
struct csv_in *csv_in_new(void);

/*
 * csv_in_feed parses n more bytes (the BOM is already stripped by the
 * caller). final = 1 marks the end of input. Returns 0, or -1 with e set
 * (RS_EDATA, e.g. "unterminated quoted field" at the end of input) .
 * Line numbers count LFs seen, so a record's line is the line its first
 * field starts on, even when quoted fields hold newlines.
 */
int csv_in_feed(struct csv_in *c, const char *p, size_t n, int final, struct rs_err *e);

/*
 * csv_in_next moves the oldest complete record into row (n, v, len, line;
 * the other fields are left alone). The values are owned by c and stay
 * valid until the next csv_in_next or csv_in_feed. Returns 1 for a
 * record, 0 when none is complete yet. Blank lines are not records.
 */
int csv_in_next(struct csv_in *c, struct row *row);

/* csv_in_free releases c. */
void csv_in_free(struct csv_in *c);

/*
 * CSV_GUARD_CHARS: a value of a text-like column starting with one of
 * these gets a leading ' in written CSV (a spreadsheet would run it as a
 * formula; the ' itself, so that a value starting with ' reads back
 * whole), and a leading ' is taken off again on reading (SPEC 3.2).
 */
#define CSV_GUARD_CHARS "=+-@'\t\r"

/* csv_unguard takes the guard's ' off the front of v (len bytes); returns the new length. */
size_t csv_unguard(char **v, size_t len);

/*
 * csv_put_field appends one CSV field to out: quoted when it holds a
 * comma, quote, CR or LF or starts or ends with a space (quotes doubled).
 * With guard = 1, a value starting with =, +, -, @, tab or CR gets a
 * leading ' first (the caller passes guard only for text columns).
 */
void csv_put_field(struct buf *out, const char *p, size_t n, int guard);

#endif
