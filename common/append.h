/*
 * append.h - journal_append, the only code that writes a journal (SPEC 3.4).
 *
 * Under an exclusive OFD write lock on the journal file itself, taken
 * and re-checked by jfile_open_locked, it: refuses a header that is not
 * the schema's current one, finds the last row's ts and the cutoff (the
 * end of the newest archive's month), lets the caller read the tail and
 * build its rows (ids, validation, state checks), writes the newline that
 * ends a torn last line, the header (new file) and the rows with one
 * write(2), fsyncs unless RS_FSYNC=0, and on a short write truncates back
 * to the old size. A refused append changes no byte.
 */
#ifndef RS_APPEND_H
#define RS_APPEND_H

#include "timefmt.h"

struct buf;
struct rs_err;
struct schema;
struct jreader;

/* What the build callback gets to work with. */
struct append_ctx {
	const char *dir;		/* journal directory */
	const struct schema *s;		/* the journal written */
	const char *path;		/* DIR/NAME.tsv */
	int fd;				/* the locked journal, readable */
	long long size;			/* its size before the new rows */
	rs_time last_ts;		/* ts of the last good row, RS_TIME_NONE if none */
	int archived_month;		/* the newest archive's month (YYYYMM), 0 if none */
	rs_time cutoff;			/* the end of that month, RS_TIME_NONE if none */
	rs_time ts;			/* ts for the new rows: max(now, last_ts, cutoff) */
};

/*
 * The build callback appends the new rows, each a whole escaped TSV
 * line (row_format_tsv), to rows. It returns 0, or -1 with e set to
 * abort the append with nothing written.
 */
typedef int (*append_build_fn)(struct append_ctx *ctx, struct buf *rows,
    void *arg, struct rs_err *e);

/*
 * journal_append appends to journal s->name in dir (created 0700 and
 * the file 0600 when missing). The lock waits RS_LOCK_TIMEOUT seconds
 * (default 10), then fails with RS_EBUSY. Returns 0, or -1 with e set
 * (RS_EDATA from build, RS_EIO, RS_EBUSY).
 */
int journal_append(const char *dir, const struct schema *s, append_build_fn build,
    void *arg, struct rs_err *e);

/*
 * append_reader reads the locked journal of ctx from the first row with
 * ts >= since (RS_TIME_NONE: from the start), without the rows of
 * archived months an interrupted archive left; an empty journal gives no
 * rows. Returns NULL with e set on a read error. Caller frees with
 * jreader_free.
 */
struct jreader *append_reader(struct append_ctx *ctx, rs_time since, struct rs_err *e);

/* row_format_tsv appends n values (NULL = empty) as one escaped TSV line with its newline. */
void row_format_tsv(struct buf *out, int n, const char *const *values);

/* header_format_tsv appends the header line of s. */
void header_format_tsv(struct buf *out, const struct schema *s);

#endif
