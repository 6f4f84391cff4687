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

/*
 * One function per suite, t_NAME in t_NAME.c; unit_suites.h, made by the
 * Makefile from the files, holds UNIT_SUITE(NAME) for each.
 */
#define UNIT_SUITE(name) void t_##name(void);
#include "unit_suites.h"
#undef UNIT_SUITE

#endif
