/*
 * err.h - error values returned by library code, and the exit codes.
 *
 * Library functions never exit and never print to stdout: they fill a
 * struct rs_err and return -1, and the tool prints it and picks the exit
 * code (the code field *is* the exit code of SPEC 5).
 */
#ifndef RS_ERR_H
#define RS_ERR_H

#include <stdarg.h>

enum {
	RS_OK = 0,
	RS_EDATA = 1,	/* the data is wrong; nothing was written */
	RS_EUSAGE = 2,	/* usage error */
	RS_EIO = 3,	/* system or I/O error */
	RS_EBUSY = 4	/* journal busy (lock timeout) */
};

struct rs_err {
	int code;		/* one of the RS_E* values; 0 when unset */
	char where[256];	/* "cases.tsv:12", an id, a file name; may be empty */
	char msg[768];		/* what went wrong, one line, no trailing newline */
};

/* err_set fills e (if not NULL) with code, where and a printf-style message; returns -1. */
int err_set(struct rs_err *e, int code, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* err_clear resets e to "no error". */
void err_clear(struct rs_err *e);

/* err_warn prints one warning line "PROG: WHERE: WHAT" on stderr (the one stderr use allowed to library code). */
void err_warn(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* err_vprint prints "PROG: WHERE: WHAT" on stderr from a va_list (WHERE omitted if NULL or empty). */
void err_vprint(const char *where, const char *fmt, va_list ap);

/*
 * err_defer sends this thread's messages (err_warn, err_vprint) to b,
 * each line formatted as it would have been printed, instead of stderr;
 * NULL prints again. For work done in a second thread whose warnings
 * must still come out in the order of a one-thread run (rs-report kpi).
 */
struct buf;
void err_defer(struct buf *b);

/* err_replay passes on n bytes of messages another thread deferred: to this thread's deferral if it has one (err_defer), else to stderr. */
void err_replay(const char *text, size_t n);

/* err_progname is the program name used by err_warn and the cli helpers ("rs" until set). */
extern const char *err_progname;

#endif
