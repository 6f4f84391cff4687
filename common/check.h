/*
 * check.h - rs-journal check: every row of every journal file against
 * its schema and the rules that span rows (SPEC 6, rs-journal).
 */
#ifndef RS_CHECK_H
#define RS_CHECK_H

struct rs_err;

/* A problem: file is the name relative to the journal directory, line 0 when it has none. */
typedef void (*check_report_fn)(void *arg, const char *file, long line, const char *msg);

/*
 * journal_check checks the journals named in names[0..n) (n = 0: all of
 * cases, dispatch, complaints, callbacks, providers and rules) in dir,
 * calling report for each problem in file order. Returns the number of
 * problems, or -1 with e set when a file cannot be read at all.
 */
int journal_check(const char *dir, const char *const *names, int n, check_report_fn report,
    void *arg, struct rs_err *e);

#endif
