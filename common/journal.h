/*
 * journal.h - the journal directory and reading journals.
 *
 * A journal NAME is DIR/NAME.tsv plus its archives NAME.YYYY-MM.tsv.gz,
 * read oldest first as one stream. A jreader maps a file's header onto
 * the schema's columns by name, validates every row, skips bad rows
 * (one warning per file on stderr) and hands out rows in schema order.
 */
#ifndef RS_JOURNAL_H
#define RS_JOURNAL_H

#include "row.h"
#include "timefmt.h"

struct rs_err;
struct schema;
struct jreader;

/* journal_dir resolves the directory: opt (--dir), else $RS_DIR, else $XDG_DATA_HOME/rs, else ~/.local/share/rs. Caller frees. */
char *journal_dir(const char *opt);

/* journal_path returns "DIR/NAME.tsv". Caller frees. */
char *journal_path(const char *dir, const char *name);

/* An archive file of a journal, and the month (YYYYMM) its name gives. */
struct archive {
	char *path;
	int month;
};

/*
 * journal_archives lists the archives of name in dir, oldest month first,
 * into *list (caller frees with archives_free). A missing directory is an
 * empty list. Returns the count, or -1 with e set.
 */
int journal_archives(const char *dir, const char *name, struct archive **list, struct rs_err *e);

/* archives_free frees a list made by journal_archives. */
void archives_free(struct archive *list, int n);

/*
 * journal_month returns the month (YYYYMM) t falls in, in the site's
 * calendar (the local zone): the month of the archive a row of ts t
 * belongs to.
 */
int journal_month(rs_time t);

/* journal_month_end returns the first instant after month (YYYYMM) in the site's calendar. */
rs_time journal_month_end(int month);

/*
 * journal_cutoff sets *month to the newest archive's month of journal
 * name in dir (0 if there is none) and *cutoff to the end of that month
 * (RS_TIME_NONE if none): no row is written with a ts before it (SPEC 3).
 * Returns 0, or -1 with e set.
 */
int journal_cutoff(const char *dir, const char *name, int *month, rs_time *cutoff,
    struct rs_err *e);

/*
 * Below this many bytes a journal is read from its start rather than
 * bisected (journal_bisect_ts): a few reads cost more than the scan, and
 * the bisection stops narrowing at this span.
 */
#define JOURNAL_BISECT_MIN 65536

/*
 * journal_bisect_ts returns the byte offset of the start of a line in
 * the sorted journal fd (size bytes, first line a header) such that
 * every good row before it has ts < t. Lines whose ts cannot be read are
 * stepped over. Returns -1 with e set on a read error.
 */
long long journal_bisect_ts(int fd, long long size, rs_time t, struct rs_err *e);

enum {
	JR_BAD = 1,	/* also hand out bad and torn rows (row.problem set): rs-journal check */
	JR_QUIET = 2,	/* no warnings about skipped rows */
	JR_RAW = 4	/* CSV: keep the ' of the formula guard (SPEC 3.2) */
};

/*
 * jreader_open_journal reads journal s->name of dir: archives whose month
 * can hold rows with ts >= since, then the live file from the bisected
 * offset; reading stops at the first row with ts > until. since =
 * RS_TIME_NONE and until = RS_TIME_NONE read everything. Missing files
 * are empty journals. Caller frees with jreader_free.
 */
struct jreader *jreader_open_journal(const char *dir, const struct schema *s,
    rs_time since, rs_time until, int flags, struct rs_err *e);

/*
 * jreader_snapshot opens the live file of s in dir, whose path is live
 * (*fd, the caller's to close; -1 if there is none; *st its stat), and
 * lists the archives into *ar (caller frees with archives_free), so that
 * the two belong to one instant (SPEC 3): every row of the journal as it
 * stood then is in exactly one of them. Returns the number of archives,
 * or -1 with e set: RS_EBUSY when the live file kept being replaced
 * (SNAPSHOT_TRIES tries, jreader.c), RS_EIO when it cannot be opened or is not a
 * regular file.
 */
struct stat;
int jreader_snapshot(const char *dir, const struct schema *s, const char *live, int *fd,
    struct stat *st, struct archive **ar, struct rs_err *e);

/*
 * jreader_open_file reads one file (path, "-" = stdin; TSV or CSV, plain
 * or gzip). With a schema, rows come in schema order (columns missing
 * from the header are empty; an unknown or repeated header column is an
 * error); with s = NULL the header gives the columns and values are not
 * typed. A missing file is an error (RS_EIO).
 */
struct jreader *jreader_open_file(const char *path, const struct schema *s,
    int flags, struct rs_err *e);

/* jreader_open_fd is jreader_open_file on fd (borrowed) from byte offset, header read first from offset 0 when offset > 0. */
struct jreader *jreader_open_fd(int fd, const char *name, const struct schema *s,
    long long offset, int flags, struct rs_err *e);

/*
 * jreader_skip_archived makes jr skip the rows of month (YYYYMM) and
 * before: the leftovers of an interrupted archive in a live file whose
 * newest archive is month (0: skip nothing).
 */
void jreader_skip_archived(struct jreader *jr, int month);

/* jreader_columns returns the column names (schema's or the header's) and sets *n. Borrowed. */
const char *const *jreader_columns(const struct jreader *jr, int *n);

/*
 * jreader_next fills row with the next good row (with JR_BAD also bad
 * ones). Returns 1, 0 at the end, or -1 with e set (I/O, gzip).
 */
int jreader_next(struct jreader *jr, struct row *row, struct rs_err *e);

/*
 * jreader_live_range narrows a jreader_open_journal reader that reads
 * nothing but the live file (no archive in its range) to the rows
 * starting at byte offsets in [from, to): from = -1 keeps its own
 * start, to = -1 reads to the end. Call before the first jreader_next.
 * Returns 0, or -1 (archives in range, no live file, already reading):
 * read it whole then. Two readers cut at the same offset (from
 * journal_bisect_ts) read every row once between them.
 */
int jreader_live_range(struct jreader *jr, long long from, long long to);

/*
 * jreader_same_live says whether the live file jr read (jreader_open_journal)
 * is the file open on fd: readers cut at byte offsets of fd must read that
 * very file, not one an archive put in its place since.
 */
int jreader_same_live(const struct jreader *jr, int fd);

/*
 * jreader_split cuts the rows a jreader_open_journal reader jr has yet
 * to read into at most n slices of about equal bytes, none under
 * min_bytes, for threads to read side by side: sl[i] (caller frees each
 * with jreader_free) reads what jr would between cut i and cut i + 1,
 * each cut a line start, so that the slices in order hand out jr's rows
 * in jr's order, each once. A gzip archive goes whole to one slice. The
 * slices share jr's descriptors: free them before jr. Slices do not
 * warn about bad rows; jreader_split_warn does, once per file. Returns
 * the number of slices, 0 when jr is not to be cut (one slice's worth,
 * already reading, not a journal: read jr itself), or -1 with e set.
 */
int jreader_split(struct jreader *jr, int n, long long min_bytes, struct jreader **sl,
    struct rs_err *e);

/*
 * jreader_split_warn adds the bad rows the n slices of jr skipped to
 * jr's counts and warns about them (unless jr is JR_QUIET) as jr would
 * have: one warning per file, with the line of its first bad row.
 */
void jreader_split_warn(struct jreader *jr, struct jreader *const *sl, int n);

/* jreader_skipped returns how many bad rows jr has skipped so far (JR_QUIET readers too). */
long jreader_skipped(const struct jreader *jr);

/* jreader_first_bad returns the line of the first bad row jr skipped in a file it has finished, 0 if none (JR_QUIET readers too). */
long jreader_first_bad(const struct jreader *jr);

/*
 * journal_warn_skipped prints the warning of a reader that skipped bad
 * rows of file name (first_line 0: unknown), unless this process warned
 * about name before with as many bad rows or more: one warning per file.
 */
void journal_warn_skipped(const char *name, long bad, long first_line);

/*
 * jreader_ts returns the ts of the row jreader_next last handed out, as
 * validation parsed it, or RS_TIME_NONE (no schema, a bad row): callers
 * filtering on ts need not parse it a third time.
 */
rs_time jreader_ts(const struct jreader *jr);

/*
 * jrow_at returns column 1 ("at") of an event journal's row as a time,
 * from what validation parsed when row->parsed, else parsing it now;
 * RS_TIME_NONE if it is no time.
 */
rs_time jrow_at(const struct row *r);

/*
 * jrow_enum returns the index of the value of r's enum column col among
 * the values of schema s's column col, or -1 when it is empty or none of
 * them: validation's finding when row->parsed, else by looking.
 */
int jrow_enum(const struct row *r, const struct schema *s, int col);

/* jrow_case_key sets *key to the case id in column col of r (validation's parse when there is one); returns 0 or -1. */
int jrow_case_key(const struct row *r, int col, uint64_t *key);

/* jreader_header_is_schema returns 1 if the current file's header is exactly the schema's columns in order. */
int jreader_header_is_schema(const struct jreader *jr);

/* jreader_free prints the pending skipped-rows warning (unless JR_QUIET) and frees jr. */
void jreader_free(struct jreader *jr);

#endif
