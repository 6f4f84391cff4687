/*
 * timecal.h - the time type rs_time and calendar arithmetic (timecal.c):
 * the proleptic Gregorian calendar on day numbers, local day and month
 * starts, stepping by days, ISO 8601 weeks. Included by timefmt.h.
 *
 * A time is rs_time: seconds since 1970-01-01T00:00:00Z (signed 64-bit,
 * so dates before 1970 and after 2038 work). No function here allocates
 * or keeps a pointer it is given.
 */
#ifndef RS_TIMECAL_H
#define RS_TIMECAL_H

#include <stdint.h>

typedef int64_t rs_time;

#define RS_TIME_NONE INT64_MIN	/* "no time" */

/*
 * The supported range of times (SPEC 5): local dates 1970-01-01 to
 * 9999-12-31. Before it a zone may have an offset of seconds (local mean
 * time, +08:05:43 in Shanghai) that the journal form cannot write; after
 * it a year has five digits. Times outside are refused on input, in
 * journals and as period ends.
 */
#define TIME_FIRST_YMD 19700101
#define TIME_LAST_YMD 99991231

/* days_from_civil returns the days since 1970-01-01 of y-m-d (proleptic Gregorian; a month outside 1..12 carries into the year). */
int64_t days_from_civil(int64_t y, int m, int d);

/* civil_from_days is the inverse of days_from_civil: it stores the date into the caller's *y, *m, *d. */
void civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/*
 * time_date_earliest returns the first instant that is on date ymd
 * (YYYYMMDD) in some zone: its midnight at the widest offset, +14:00.
 * A stored date is found from it whatever zone wrote it or reads it.
 */
rs_time time_date_earliest(int ymd);

/* time_day_start returns local midnight of the day holding t. */
rs_time time_day_start(rs_time t);

/* time_add_days returns the same local wall-clock time n days later (n may be negative). */
rs_time time_add_days(rs_time t, int n);

/* time_month_start returns local 00:00 on the 1st of month mo of year y (mo may run past 12 or below 1). */
rs_time time_month_start(int64_t y, int mo);

/*
 * time_iso_week gives the ISO 8601 week of the local date of t: *year is
 * the week-based year, *week 1..53 (both the caller's).
 */
void time_iso_week(rs_time t, int *year, int *week);

/* time_week_start returns local Monday 00:00 of ISO week (year, week). */
rs_time time_week_start(int year, int week);

#endif
