/*
 * time_internal.h - constants and small integer helpers shared by the
 * time modules (timecal.c, timelocal.c, timeparse.c, timefmt.c).
 *
 * Internal: include timefmt.h elsewhere. The helpers are static inline
 * so that time parsing, which runs once per journal row, calls nothing
 * it did not call when all of this was one file.
 */
#ifndef RS_TIME_INTERNAL_H
#define RS_TIME_INTERNAL_H

#include <stdint.h>

#include "timecal.h"

#define SECS_DAY	86400
#define OFFSET_MAX	(14 * 3600)	/* the widest real offset, +-14:00 */

/*
 * The zone is only asked about years 0001..9999 (UTC): localtime_r has a
 * limited range and nothing in a journal lies outside it. Times beyond
 * are answered with the offset at the nearest bound.
 */
#define T_MIN	INT64_C(-62135596800)	/* 0001-01-01T00:00:00Z */
#define T_MAX	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */

/* floordiv and floormod: C division truncates; calendars need floor. */
static inline int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static inline int64_t
floormod(int64_t a, int64_t b)
{
	int64_t r = a % b;

	if (r != 0 && ((r < 0) != (b < 0)))
		r += b;
	return r;
}

static inline int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static inline int
month_days(int64_t y, int m)
{
	static const unsigned char md[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return md[m - 1] + (m == 2 && is_leap(y));
}

/*
 * time_civil_days is days_from_civil (timecal.h), and time_civil_date
 * civil_from_days, here inline: the parser and the formatter run them
 * per row, and a call into another object made parse_iso save more
 * registers and run ~6 % slower than when all of this was one file.
 * The public names (timecal.c) wrap these.
 *
 * time_civil_days is exact for any year within +-10^12 (beyond, the
 * products overflow); the parsers never pass more than four digits and
 * time_from_local checks its year first.
 */
static inline int64_t
time_civil_days(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe, mm = m;

	/* A month outside 1..12 carries into the year, as mktime does. */
	if (mm < 1 || mm > 12) {
		y += floordiv(mm - 1, 12);
		mm = floormod(mm - 1, 12) + 1;
	}
	y -= mm <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static inline void
time_civil_date(int64_t days, int64_t *y, int *m, int *d)
{
	int64_t z, era, doe, yoe, doy, mp;

	/* Keep z = days + 719468 from overflowing on absurd input. */
	if (days > INT64_MAX / 2)
		days = INT64_MAX / 2;
	if (days < INT64_MIN / 2)
		days = INT64_MIN / 2;
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* split_local breaks t + off into days since the epoch and second of day. */
static inline void
split_local(rs_time t, int off, int64_t *days, int *sod)
{
	int64_t d = floordiv(t, SECS_DAY);
	int64_t s = floormod(t, SECS_DAY) + off;

	d += floordiv(s, SECS_DAY);
	*days = d;
	*sod = (int)floormod(s, SECS_DAY);
}

/* time_weeks_in_year returns 52 or 53, the ISO weeks of week-based year y (timecal.c). */
int time_weeks_in_year(int64_t y);

#endif
