/*
 * migrate.h - rs-journal migrate: bring a live journal's header to the
 * schema's current one (SPEC 3.4, 6).
 */
#ifndef RS_MIGRATE_H
#define RS_MIGRATE_H

struct rs_err;
struct schema;

/*
 * journal_migrate rewrites the live file of journal s in dir when its
 * header is not exactly the schema's current one (an older revision's
 * columns, another order): the new file has the current header and
 * every row's values under their columns (a column the file lacks is
 * empty, but for a dispatch cancellation written before the reason
 * column, which gets reason other: its note said why). It works
 * under the journal's lock (jfile_open_locked) and replaces the file
 * whole (jfile_replace), so that a crash leaves the old
 * file or the new one. Rows with the wrong number of fields and a torn
 * last line are kept as they are (check reports them). Archives are not
 * touched: readers map their headers. Sets *rows to the number of rows
 * rewritten, -1 when the header was already current (or there is no
 * file). Returns 0, or -1 with e set (RS_EDATA for a header naming an
 * unknown or repeated column).
 */
int journal_migrate(const char *dir, const struct schema *s, long *rows, struct rs_err *e);

#endif
