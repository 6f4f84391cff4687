/*
 * reader.h - rows from a TSV or CSV file, plain or gzip, or stdin.
 *
 * TSV is read in large blocks; lines are found with memchr and split in
 * place, and a value is unescaped in place only when its line holds a
 * backslash. CSV goes through libcsv (csvio.h). A UTF-8 BOM at the start
 * is skipped, a CR before the LF is dropped. Each row is checked for NUL
 * bytes and invalid UTF-8 (row.problem); the schema layer does the rest.
 */
#ifndef RS_READER_H
#define RS_READER_H

#include "row.h"

struct rs_err;
struct reader;

enum reader_kind {
	READER_AUTO,	/* CSV if the name ends in .csv or .csv.gz, else TSV */
	READER_TSV,
	READER_CSV
};

/*
 * reader_open opens path ("-" = stdin) for reading. A missing file, a
 * directory or an unreadable file is an error (RS_EIO) naming path.
 * Caller frees with reader_free.
 */
struct reader *reader_open(const char *path, enum reader_kind kind, struct rs_err *e);

/*
 * reader_open_fd reads fd (borrowed) from byte offset onward, with name
 * for messages: a file with pread(2), leaving fd's offset alone (several
 * readers may share fd); a pipe (offset 0 only) from where it is. Line
 * numbers are unknown (0) when offset > 0.
 */
struct reader *reader_open_fd(int fd, const char *name, enum reader_kind kind,
    long long offset, struct rs_err *e);

/* reader_is_csv says whether r reads CSV (given, or found from the name or the first line). */
int reader_is_csv(const struct reader *r);

/* reader_torn_problem is row->problem of a last line without a newline that is otherwise good. */
extern const char reader_torn_problem[];

/*
 * reader_next fills row with the next record, good or bad (row->problem
 * says which); the values stay valid until the next call. Returns 1 for
 * a row, 0 at the end, -1 with e set on an I/O or decompression error.
 * A last line without a newline comes back with row->torn = 1.
 */
int reader_next(struct reader *r, struct row *row, struct rs_err *e);

/*
 * reader_row_clean says whether the last TSV row handed out is clean:
 * no problem, and no value holds a control character other than the
 * tabs and newlines of escapes, or a bidi control, so every value
 * already passes the text check of utf8_text_problem. Always 0 for CSV.
 */
int reader_row_clean(const struct reader *r);

/* reader_name returns the name used in messages (borrowed). */
const char *reader_name(const struct reader *r);

/* reader_free closes what reader_open opened and frees r. */
void reader_free(struct reader *r);

#endif
