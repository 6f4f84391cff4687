/*
 * timeparse.h - reading times (timeparse.c): every input form of SPEC 5,
 * dates and ISO weeks, and the clock. Included by timefmt.h.
 *
 * The parsers only read the text they are given (exactly n bytes where
 * a length is passed, else up to the NUL) and store results into the
 * caller's variables; they allocate nothing. Parsing of ISO forms with
 * an offset is pure integer arithmetic.
 */
#ifndef RS_TIMEPARSE_H
#define RS_TIMEPARSE_H

#include <stddef.h>

#include "timecal.h"

/*
 * time_parse_iso parses the journal form "YYYY-MM-DDTHH:MM:SS+HH:MM"
 * (also "Z", "+HHMM", "+HH"; seconds optional; a space instead of T).
 * Without an offset the time is local. Returns 0 and sets *t, or -1 for a
 * malformed or impossible time (month 13, Feb 30, hour 24, second 60,
 * offset beyond +-14:00). Exactly n bytes are read.
 */
int time_parse_iso(const char *s, size_t n, rs_time *t);

/*
 * time_parse_ts is the strict journal check for a ts-typed value: the
 * full form with seconds and an explicit offset, its written date in the
 * supported range (from TIME_FIRST_YMD, timecal.h). Returns 0 or -1.
 */
int time_parse_ts(const char *s, size_t n, rs_time *t);

/*
 * time_parse_input parses a time given by a person (SPEC 5): ISO 8601
 * with or without seconds and offset, "YYYY-MM-DD HH:MM[:SS]",
 * "YYYY-MM-DD" (00:00 local), "HH:MM" (that time on the local day of
 * base), "now" (= base), relative "-15m", "-2h", "-3d" (from base; "+"
 * too). A local clock that exists twice (a DST change back) is the
 * earlier. Returns 0 and sets *t, -1 for text that is not a time, -2
 * for a local clock that does not exist (skipped by a DST change), or -3
 * for a time whose local date is outside the supported range
 * (time_in_range).
 */
int time_parse_input(const char *s, rs_time base, rs_time *t);

/*
 * time_parse_duration reads a DURATION of SPEC 5 (--due-within): digits
 * followed by m, h or d ("30m", "2h", "1d"; a day is 86400 seconds) into
 * *secs; returns 0, or -1 for anything else.
 */
int time_parse_duration(const char *s, int64_t *secs);

/* TIME_INPUT_FORMS lists the forms time_parse_input reads, for the message of one it cannot (SPEC 5). */
#define TIME_INPUT_FORMS "2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', " \
	"2026-11-22, 08:15 (today), now, -15m, -2h, -3d"

/*
 * time_input_err sets e (RS_EDATA, where) to why value is not a time
 * that time_parse_input can read (rc its result: -2 a local time the
 * zone skips, else the accepted forms are listed); returns -1.
 */
struct rs_err;
int time_input_err(const char *where, const char *value, int rc, struct rs_err *e);

/* time_now returns the current time ($RS_NOW, an ISO time, overrides the clock for tests). */
rs_time time_now(void);

/*
 * time_written_date returns the calendar date (YYYYMMDD) as written at
 * the start of an ISO time string, in the offset it was written with, or
 * 0 if s does not start with YYYY-MM-DD. Journal rules that speak of "the
 * local date" of a stored time (ids, archive months) use it, so that they
 * do not depend on the TZ of whoever reads the journal later.
 */
int time_written_date(const char *s, size_t n);

/*
 * time_parse_week parses "YYYY-Www" into year and week (checked against
 * the year's 52 or 53 weeks); returns 0, -1, or -2 (year and week set)
 * for a week not wholly in the supported range.
 */
int time_parse_week(const char *s, int *year, int *week);

/* time_parse_date parses "YYYY-MM-DD" (a real calendar date) into YYYYMMDD; returns 0, -1, or -2 (*ymd set) outside TIME_FIRST_YMD..TIME_LAST_YMD. */
int time_parse_date(const char *s, size_t n, int *ymd);

#endif
