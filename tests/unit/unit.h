/*
 * unit.h - a minimal unit test harness: each check counts as one test;
 * a failure prints FILE:LINE and what differed. main.c runs every suite
 * and prints "unit: N passed, N failed".
 */
#ifndef RS_UNIT_H
#define RS_UNIT_H

#include <stdio.h>
#include <string.h>

extern int unit_passed, unit_failed;

void unit_report(const char *file, int line, int ok, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define T_OK(cond) \
	unit_report(__FILE__, __LINE__, !!(cond), "expected: %s", #cond)

#define T_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	unit_report(__FILE__, __LINE__, g_ == w_, "%s = %lld, want %lld", #got, g_, w_); \
} while (0)

#define T_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	int ok_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0); \
	unit_report(__FILE__, __LINE__, ok_, "%s = \"%s\", want \"%s\"", #got, \
	    g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define T_MEM(got, gotlen, want, wantlen) do { \
	size_t gl_ = (gotlen), wl_ = (wantlen); \
	unit_report(__FILE__, __LINE__, gl_ == wl_ && memcmp((got), (want), gl_) == 0, \
	    "%s differs from %s (%zu vs %zu bytes)", #got, #want, gl_, wl_); \
} while (0)

/* One function per suite, defined in t_NAME.c. */
void t_buf(void);
void t_complaint(void);
void t_csvio(void);
void t_ids(void);
void t_journal(void);
void t_near(void);
void t_out(void);
void t_reader(void);
void t_report(void);
void t_rowcheck(void);
void t_rules(void);
void t_schema(void);
void t_sla(void);
void t_timefmt(void);
void t_tsv(void);
void t_utf8(void);

#endif
