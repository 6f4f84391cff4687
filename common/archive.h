/*
 * archive.h - rs-journal archive: move whole months of an event journal
 * into NAME.YYYY-MM.tsv.gz beside the live file (SPEC 3, 6).
 */
#ifndef RS_ARCHIVE_H
#define RS_ARCHIVE_H

struct rs_err;
struct schema;

/*
 * journal_archive moves the rows of journal s in dir whose ts falls
 * before month before (YYYYMM) into the monthly archives, under the
 * journal's lock. The order makes it crash-safe: each archive is
 * written to a temporary file, fsynced and renamed into place (merged
 * with an existing archive, never duplicating rows already in it), and
 * only then is the live file replaced the same way. Readers ignore live
 * rows of archived months, so a crash between the two steps duplicates
 * nothing, and running the command again finishes the job. Sets *moved
 * to the number of rows moved. Returns 0, or -1 with e set.
 */
int journal_archive(const char *dir, const struct schema *s, int before, long *moved,
    struct rs_err *e);

#endif
