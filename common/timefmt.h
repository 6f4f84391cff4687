/*
 * timefmt.h - time values: parsing every input form of SPEC 5, ISO 8601
 * output with the local offset, local calendar arithmetic, ISO weeks.
 *
 * A time is rs_time: seconds since 1970-01-01T00:00:00Z (signed 64-bit,
 * so dates before 1970 and after 2038 work). Parsing of ISO forms with an
 * offset is pure integer arithmetic; local time ("TZ") conversions go
 * through localtime_r/mktime with a small cache, so a reader that parses
 * a million timestamps with offsets never calls into the zone code.
 */
#ifndef RS_TIMEFMT_H
#define RS_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t rs_time;

#define RS_TIME_NONE INT64_MIN	/* "no time" */
#define TIME_ISO_MAX 32		/* buffer size for time_format_iso and friends */

/* days_from_civil returns the days since 1970-01-01 of y-m-d (proleptic Gregorian). */
int64_t days_from_civil(int64_t y, int m, int d);
/* civil_from_days is the inverse of days_from_civil. */
void civil_from_days(int64_t days, int64_t *y, int *m, int *d);

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
 * full form with seconds and an explicit offset. Returns 0 or -1.
 */
int time_parse_ts(const char *s, size_t n, rs_time *t);

/*
 * time_parse_input parses a time given by a person (SPEC 5): ISO 8601
 * with or without seconds and offset, "YYYY-MM-DD HH:MM[:SS]",
 * "YYYY-MM-DD" (00:00 local), "HH:MM" (that time on the local day of
 * base), "now" (= base), relative "-15m", "-2h", "-3d" (from base; "+"
 * too). Returns 0 and sets *t, or -1.
 */
int time_parse_input(const char *s, rs_time base, rs_time *t);

/* time_now returns the current time ($RS_NOW, an ISO time, overrides the clock for tests). */
rs_time time_now(void);

/* time_local_offset returns the local UTC offset in seconds in force at t (cached per hour). */
int time_local_offset(rs_time t);

/* time_format_iso writes t as local "YYYY-MM-DDTHH:MM:SS+HH:MM" into buf (TIME_ISO_MAX bytes); returns buf. */
char *time_format_iso(rs_time t, char *buf);

/* time_format_minute writes t as local "YYYY-MM-DD HH:MM" for people; returns buf. */
char *time_format_minute(rs_time t, char *buf);

/*
 * time_written_date returns the calendar date (YYYYMMDD) as written at
 * the start of an ISO time string, in the offset it was written with, or
 * 0 if s does not start with YYYY-MM-DD. Journal rules that speak of "the
 * local date" of a stored time (ids, archive months) use it, so that they
 * do not depend on the TZ of whoever reads the journal later.
 */
int time_written_date(const char *s, size_t n);

/* time_local_date returns the local calendar date of t as YYYYMMDD. */
int time_local_date(rs_time t);

/* time_local_fields splits t into local calendar fields (any pointer may be NULL). */
void time_local_fields(rs_time t, int64_t *y, int *mo, int *d, int *h, int *mi, int *s);

/* time_from_local returns the time of a local wall-clock moment (for a DST gap, the later reading). */
rs_time time_from_local(int64_t y, int mo, int d, int h, int mi, int s);

/* time_day_start returns local midnight of the day holding t. */
rs_time time_day_start(rs_time t);

/* time_add_days returns the same local wall-clock time n days later (n may be negative). */
rs_time time_add_days(rs_time t, int n);

/*
 * time_iso_week gives the ISO 8601 week of the local date of t: *year is
 * the week-based year, *week 1..53.
 */
void time_iso_week(rs_time t, int *year, int *week);

/* time_week_start returns local Monday 00:00 of ISO week (year, week). */
rs_time time_week_start(int year, int week);

/* time_parse_week parses "YYYY-Www" into year and week (checked against the year's 52 or 53 weeks); returns 0 or -1. */
int time_parse_week(const char *s, int *year, int *week);

/* time_month_start returns local 00:00 on the 1st of month mo of year y (mo may run past 12 or below 1). */
rs_time time_month_start(int64_t y, int mo);

/* time_parse_date parses "YYYY-MM-DD" (a real calendar date) into YYYYMMDD; returns 0 or -1. */
int time_parse_date(const char *s, size_t n, int *ymd);

/* time_format_minutes writes a duration in seconds as minutes with one decimal ("12.5"), half away from zero; returns buf (>= 32 bytes). */
char *time_format_minutes(int64_t seconds, char *buf);

#endif
