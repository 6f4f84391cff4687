/*
 * timecal.c - calendar arithmetic (SPEC 10): civil dates as day numbers,
 * ISO 8601 weeks, local day and month starts, stepping by days; see
 * timecal.h.
 *
 * Calendar arithmetic is Howard Hinnant's days_from_civil/civil_from_days
 * on 64-bit integers (inline in time_internal.h), so a timestamp with an
 * explicit offset is converted without touching the zone code; the
 * functions that speak of local dates ask timelocal.c for the offsets.
 */
#include <stddef.h>
#include <stdint.h>

#include "time_internal.h"
#include "timecal.h"
#include "timelocal.h"

int64_t
days_from_civil(int64_t y, int m, int d)
{
	return time_civil_days(y, m, d);
}

void
civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
	time_civil_date(days, y, m, d);
}

rs_time
time_date_earliest(int ymd)
{
	return time_civil_days(ymd / 10000, ymd / 100 % 100, ymd % 100) *
	    SECS_DAY - OFFSET_MAX;
}

rs_time
time_day_start(rs_time t)
{
	int64_t y;
	int m, d;

	time_local_fields(t, &y, &m, &d, NULL, NULL, NULL);
	return time_from_local(y, m, d, 0, 0, 0);
}

rs_time
time_add_days(rs_time t, int n)
{
	int64_t y, days;
	int m, d, h, mi, s;

	time_local_fields(t, &y, &m, &d, &h, &mi, &s);
	/* Step in days, not seconds: a DST change keeps the wall clock. */
	days = time_civil_days(y, m, d) + n;
	time_civil_date(days, &y, &m, &d);
	return time_from_local(y, m, d, h, mi, s);
}

rs_time
time_month_start(int64_t y, int mo)
{
	return time_from_local(y, mo, 1, 0, 0, 0);
}

/*
 * iso_week_days: the ISO week holds the Thursday of its Monday-based
 * week, and the week-based year is the year of that Thursday.
 */
static void
iso_week_days(int64_t days, int64_t *year, int *week)
{
	int64_t th, y;
	int m, d;

	/* 1970-01-01 was a Thursday: floormod(days + 3, 7) is 0 on Monday. */
	th = days - floormod(days + 3, 7) + 3;
	time_civil_date(th, &y, &m, &d);
	*year = y;
	*week = (int)((th - time_civil_days(y, 1, 1)) / 7 + 1);
}


/* time_weeks_in_year: 28 December is always in the last week of its year. */
int
time_weeks_in_year(int64_t y)
{
	int64_t wy;
	int w;

	iso_week_days(time_civil_days(y, 12, 28), &wy, &w);
	return w;
}

void
time_iso_week(rs_time t, int *year, int *week)
{
	int64_t days, y;
	int sod;

	split_local(t, time_local_offset(t), &days, &sod);
	iso_week_days(days, &y, week);
	*year = (int)y;
}

rs_time
time_week_start(int year, int week)
{
	int64_t jan4, mon, y;
	int m, d;

	/* Week 1 is the week holding 4 January. */
	jan4 = time_civil_days(year, 1, 4);
	mon = jan4 - floormod(jan4 + 3, 7) + ((int64_t)week - 1) * 7;
	time_civil_date(mon, &y, &m, &d);
	return time_from_local(y, m, d, 0, 0, 0);
}
