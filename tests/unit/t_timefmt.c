/*
 * t_timefmt.c - unit tests of common/timefmt.c. main() runs the suite
 * with TZ=Asia/Shanghai (+08:00, no DST since 1991); the DST cases
 * switch to America/New_York and back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timefmt.h"
#include "unit.h"

/* iso parses a known-good ISO time, RS_TIME_NONE if it does not parse. */
static rs_time
iso(const char *s)
{
	rs_time t;

	if (time_parse_iso(s, strlen(s), &t) == -1)
		return RS_TIME_NONE;
	return t;
}

/* ts_ok and iso_ok: does s parse with the strict and the lenient parser? */
static int
ts_ok(const char *s)
{
	rs_time t;

	return time_parse_ts(s, strlen(s), &t) == 0;
}

static int
iso_ok(const char *s)
{
	rs_time t;

	return time_parse_iso(s, strlen(s), &t) == 0;
}

/* input parses a person's time relative to base; RS_TIME_NONE on error. */
static rs_time
input(const char *s, rs_time base)
{
	rs_time t;

	if (time_parse_input(s, base, &t) != 0)
		return RS_TIME_NONE;
	return t;
}

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* A small deterministic generator for the sweeps (xorshift64). */
static uint64_t
rnd(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

/* local_days is the local date of t as days since 1970-01-01. */
static int64_t
local_days(rs_time t)
{
	int64_t y;
	int m, d;

	time_local_fields(t, &y, &m, &d, NULL, NULL, NULL);
	return days_from_civil(y, m, d);
}

static void
t_civil(void)
{
	int64_t d, y;
	int m, dd, bad;

	T_INT(days_from_civil(1970, 1, 1), 0);
	T_INT(days_from_civil(1969, 12, 31), -1);
	T_INT(days_from_civil(2000, 3, 1), 11017);
	T_INT(days_from_civil(1, 1, 1), -719162);
	T_INT(days_from_civil(9999, 12, 31), 2932896);
	/* A month outside 1..12 carries into the year. */
	T_INT(days_from_civil(2026, 13, 1), days_from_civil(2027, 1, 1));
	T_INT(days_from_civil(2026, 0, 1), days_from_civil(2025, 12, 1));
	T_INT(days_from_civil(2026, -23, 1), days_from_civil(2024, 1, 1));

	civil_from_days(-719162, &y, &m, &dd);
	T_OK(y == 1 && m == 1 && dd == 1);
	civil_from_days(days_from_civil(2028, 2, 29), &y, &m, &dd);
	T_OK(y == 2028 && m == 2 && dd == 29);

	/* Every day of years 1..9999 round-trips and steps by one. */
	bad = 0;
	for (d = -719162; d <= 2932896; d++) {
		civil_from_days(d, &y, &m, &dd);
		if (days_from_civil(y, m, dd) != d)
			bad++;
	}
	T_INT(bad, 0);
}

static void
t_parse_ts(void)
{
	rs_time t;

	T_INT(iso("2026-11-22T08:15:03+08:00"), 1795306503);
	T_OK(time_parse_ts("2026-11-22T08:15:03+08:00", 25, &t) == 0);
	T_INT(t, 1795306503);
	T_OK(time_parse_ts("2026-11-22T00:15:03Z", 20, &t) == 0);
	T_INT(t, 1795306503);
	T_OK(time_parse_ts("2026-11-21T19:15:03-05:00", 25, &t) == 0);
	T_INT(t, 1795306503);
	/* Outside the supported range (1970-01-01 on) only time_parse_iso reads them. */
	T_OK(time_parse_ts("1969-12-31T23:59:59Z", 20, &t) == -1);
	T_OK(time_parse_iso("1969-12-31T23:59:59Z", 20, &t) == 0);
	T_INT(t, -1);
	T_OK(time_parse_ts("1900-01-01T08:00:00+08:00", 25, &t) == -1);
	T_OK(time_parse_iso("1900-01-01T08:00:00+08:00", 25, &t) == 0);
	T_INT(t, -2208988800LL);
	T_OK(time_parse_ts("1970-01-01T00:00:00Z", 20, &t) == 0);
	T_INT(t, 0);
	/* The written date counts: 1970-01-01 at +14:00 is still 1969 in UTC. */
	T_OK(time_parse_ts("1970-01-01T00:00:00+14:00", 25, &t) == 0);
	T_INT(t, -14 * 3600);
	T_OK(time_parse_ts("1969-12-31T23:59:59-10:00", 25, &t) == -1);
	T_OK(time_parse_ts("2038-01-19T03:14:08Z", 20, &t) == 0);
	T_INT(t, 2147483648LL);
	T_OK(time_parse_ts("2100-02-28T12:00:00Z", 20, &t) == 0);
	T_INT(t, 4107499200LL);
	T_OK(time_parse_ts("0001-01-01T00:00:00Z", 20, &t) == -1);
	T_OK(time_parse_iso("0001-01-01T00:00:00Z", 20, &t) == 0);
	T_INT(t, -62135596800LL);
	T_OK(time_parse_ts("9999-12-31T23:59:59Z", 20, &t) == 0);
	T_INT(t, 253402300799LL);
	T_OK(time_parse_ts("2028-02-29T00:00:00Z", 20, &t) == 0);
	T_INT(t, 1835395200LL);
	T_OK(ts_ok("2000-02-29T00:00:00Z"));
	T_OK(ts_ok("2026-11-22T08:15:03+14:00"));
	T_OK(ts_ok("2026-11-22T08:15:03-14:00"));
	T_OK(ts_ok("2026-11-22T08:15:03+05:45"));
	T_OK(ts_ok("2026-11-22T23:59:59-00:00"));
	/* Exactly n bytes are read: what follows is not looked at. */
	T_OK(time_parse_ts("2026-11-22T08:15:03+08:00\tx", 25, &t) == 0);
	T_INT(t, 1795306503);

	/* Impossible dates and times. */
	T_OK(!ts_ok("2026-13-01T00:00:00Z"));
	T_OK(!ts_ok("2026-00-01T00:00:00Z"));
	T_OK(!ts_ok("2026-02-29T00:00:00Z"));
	T_OK(!ts_ok("1900-02-29T00:00:00Z"));
	T_OK(!ts_ok("2026-04-31T00:00:00Z"));
	T_OK(!ts_ok("2026-01-00T00:00:00Z"));
	T_OK(!ts_ok("2026-01-32T00:00:00Z"));
	T_OK(!ts_ok("0000-01-01T00:00:00Z"));
	T_OK(!ts_ok("2026-11-22T24:00:00Z"));
	T_OK(!ts_ok("2026-11-22T08:60:00Z"));
	T_OK(!ts_ok("2026-12-31T23:59:60Z"));
	T_OK(!ts_ok("2026-11-22T08:15:03+14:01"));
	T_OK(!ts_ok("2026-11-22T08:15:03+15:00"));
	T_OK(!ts_ok("2026-11-22T08:15:03+08:60"));
	/* Malformed: the journal form only. */
	T_OK(!ts_ok("2026-11-22T08:15+08:00"));
	T_OK(!ts_ok("2026-11-22T08:15:03"));
	T_OK(!ts_ok("2026-11-22 08:15:03+08:00"));
	T_OK(!ts_ok("2026-11-22t08:15:03+08:00"));
	T_OK(!ts_ok("2026-11-22T08:15:03z"));
	T_OK(!ts_ok("2026-11-22T08:15:03+0800"));
	T_OK(!ts_ok("2026-11-22T08:15:03+08"));
	T_OK(!ts_ok("2026-11-22T08:15:03+08:00 "));
	T_OK(!ts_ok("2026-11-22T08:15:03.5+08:00"));
	T_OK(!ts_ok("2026-11-22T08:15:03Zx"));
	T_OK(!ts_ok("2026-1-22T08:15:03+08:00x"));
	T_OK(!ts_ok("2026-11-22T8:15:03+08:00x"));
	T_OK(!ts_ok("+026-11-22T08:15:03+08:00"));
	T_OK(!ts_ok("2026-11-22T08:15:03*08:00"));
	T_OK(!ts_ok("2026-11-22T08:15:03+08-00"));
	T_OK(!ts_ok("2026-11-22T08:1 :03+08:00"));
	T_OK(!ts_ok(""));
	T_OK(time_parse_ts("2026-11-22T08:15:03+08:00", 24, &t) == -1);
}

static void
t_parse_iso(void)
{
	rs_time t;

	/* Without an offset the time is local (Asia/Shanghai, +08:00). */
	T_INT(iso("2026-11-22T08:15:03"), 1795306503);
	T_INT(iso("2026-11-22T08:15"), 1795306500);
	T_INT(iso("2026-11-22 08:15:03"), 1795306503);
	T_INT(iso("2026-11-22 08:15"), 1795306500);
	T_INT(iso("2026-11-22T00:15Z"), 1795306500);
	T_INT(iso("2026-11-22T08:15:03+0800"), 1795306503);
	T_INT(iso("2026-11-22T08:15:03+08"), 1795306503);
	T_INT(iso("2026-11-22T08:15+08"), 1795306500);
	T_INT(iso("2026-11-21T20:45:03-0330"), 1795306503);
	T_INT(iso("2026-11-22t00:15:03z"), 1795306503);
	T_INT(iso("1969-12-31 23:59:59Z"), -1);
	T_INT(iso("1900-01-01T00:00:00Z"), -2208988800LL);
	T_OK(!iso_ok("2026-11-22"));
	T_OK(!iso_ok("2026-11-22T"));
	T_OK(!iso_ok("2026-11-22T08"));
	T_OK(!iso_ok("2026-11-22T08:15:"));
	T_OK(!iso_ok("2026-11-22T08:15:3"));
	T_OK(!iso_ok("2026-11-22T08:15+8"));
	T_OK(!iso_ok("2026-11-22T08:15+080"));
	T_OK(!iso_ok("2026-11-22T08:15+1401"));
	T_OK(!iso_ok("2026-11-22T08:15+15"));
	T_OK(!iso_ok("2026-11-22T08:15+0860"));
	T_OK(!iso_ok("2026-11-22T08:15 +08:00"));
	T_OK(!iso_ok("2026-11-22_08:15"));
	T_OK(!iso_ok("2026-02-30 08:15"));
	T_OK(!iso_ok("2026-11-22 24:00"));
	T_OK(!iso_ok("2026-11-22 23:59:60"));
	T_OK(!iso_ok("2026-11-22T08:15Zx"));
	T_OK(!iso_ok("2026-11-22T08:15:0"));
	T_OK(time_parse_iso("2026-11-22T08:15garbage", 21, &t) == -1);
	T_OK(time_parse_iso("2026-11-22T08:15garbage", 16, &t) == 0);
	T_INT(t, 1795306500);
}

static void
t_parse_input(void)
{
	rs_time base = 1795306503, t;	/* 2026-11-22T08:15:03+08:00 */

	T_INT(input("now", base), base);
	T_INT(input("-15m", base), base - 900);
	T_INT(input("+15m", base), base + 900);
	T_INT(input("-2h", base), base - 7200);
	T_INT(input("-3d", base), base - 3 * 86400);
	T_INT(input("+1w", base), base + 7 * 86400);
	T_INT(input("-30s", base), base - 30);
	T_INT(input("-0m", base), base);
	T_INT(input("-0015m", base), base - 900);
	T_INT(input("08:00", base), iso("2026-11-22T08:00:00+08:00"));
	T_INT(input("23:59", base), iso("2026-11-22T23:59:00+08:00"));
	T_INT(input("00:00:30", base), iso("2026-11-22T00:00:30+08:00"));
	/* "HH:MM" is on the local day of base, not its UTC day. */
	T_INT(input("07:00", iso("2026-11-22T23:30:00Z")),
	    iso("2026-11-23T07:00:00+08:00"));
	T_INT(input("2026-11-22", base), iso("2026-11-22T00:00:00+08:00"));
	T_INT(input("2026-11-22 08:15", base), 1795306500);
	T_INT(input("2026-11-22 08:15:03", base), 1795306503);
	T_INT(input("2026-11-22T08:15", base), 1795306500);
	T_INT(input("2026-11-22T08:15:03+08:00", base), 1795306503);
	T_INT(input("2026-11-22T00:15:03Z", base), 1795306503);
	/* Outside the supported range, local dates 1970-01-01..9999-12-31: -3. */
	T_INT(time_parse_input("1950-06-01", base, &t), -3);
	T_INT(time_parse_input("1899-12-31", base, &t), -3);
	T_INT(time_parse_input("1969-12-31T23:59", base, &t), -3);
	T_INT(time_parse_input("1970-01-01T07:59:59+08:00", base, &t), 0);
	T_INT(t, -1);
	T_INT(time_parse_input("1970-01-01T00:00:00+14:00", base, &t), -3);	/* 1969 here */
	T_INT(time_parse_input("1970-01-01", base, &t), 0);
	T_INT(time_parse_input("9999-12-31T23:59:59", base, &t), 0);
	T_INT(time_parse_input("9999-12-31T23:59:59-12:00", base, &t), -3);	/* 10000 here */
	T_INT(time_parse_input("-20779d", base, &t), 0);	/* 1970-01-01 */
	T_INT(time_parse_input("-20780d", base, &t), -3);
	T_INT(time_parse_input("+2913000d", base, &t), -3);
	T_INT(time_in_range(time_range_end() - 1), 1);
	T_INT(time_in_range(time_range_end()), 0);
	T_INT(time_range_end(), iso("9999-12-31T16:00:00Z"));
	T_STR(time_range_text(), "1970-01-01..9999-12-31");

	T_INT(input("", base), RS_TIME_NONE);
	T_INT(input("yesterday", base), RS_TIME_NONE);
	T_INT(input("NOW", base), RS_TIME_NONE);
	T_INT(input("now ", base), RS_TIME_NONE);
	T_INT(input(" 08:00", base), RS_TIME_NONE);
	T_INT(input("15m", base), RS_TIME_NONE);
	T_INT(input("-15", base), RS_TIME_NONE);
	T_INT(input("-m", base), RS_TIME_NONE);
	T_INT(input("-", base), RS_TIME_NONE);
	T_INT(input("-15x", base), RS_TIME_NONE);
	T_INT(input("-15M", base), RS_TIME_NONE);
	T_INT(input("-15mm", base), RS_TIME_NONE);
	T_INT(input("-1.5h", base), RS_TIME_NONE);
	T_INT(input("--15m", base), RS_TIME_NONE);
	T_INT(input("-99999999999999999999d", base), RS_TIME_NONE);
	T_INT(input("+9223372036854775807s", base), RS_TIME_NONE);
	T_INT(input("-999999999w", base), RS_TIME_NONE);
	T_INT(input("+420000w", base), RS_TIME_NONE);	/* past 9999 */
	T_INT(input("-110000w", base), RS_TIME_NONE);	/* before 0001 */
	T_INT(input("+100000w", base), base + 100000LL * 7 * 86400);
	T_INT(input("nan", base), RS_TIME_NONE);
	T_INT(input("-nan", base), RS_TIME_NONE);
	T_INT(input("-inf", base), RS_TIME_NONE);
	T_INT(input("-1e3m", base), RS_TIME_NONE);
	T_INT(input("24:00", base), RS_TIME_NONE);
	T_INT(input("08:60", base), RS_TIME_NONE);
	T_INT(input("8:15", base), RS_TIME_NONE);
	T_INT(input("08:15:60", base), RS_TIME_NONE);
	T_INT(input("2026-02-29", base), RS_TIME_NONE);
	T_INT(input("2026-11-22T", base), RS_TIME_NONE);
	T_INT(input("now", RS_TIME_NONE), RS_TIME_NONE);
	T_INT(input("-1h", RS_TIME_NONE), RS_TIME_NONE);
	T_INT(time_parse_input(NULL, base, &base), -1);
}

static void
t_now(void)
{
	rs_time before, t;

	setenv("RS_NOW", "2026-11-22T08:15:03+08:00", 1);
	T_INT(time_now(), 1795306503);
	setenv("RS_NOW", "2026-11-22 08:15", 1);
	T_INT(time_now(), 1795306500);
	/* A clock override that does not parse is ignored. */
	setenv("RS_NOW", "tomorrow", 1);
	before = (rs_time)time(NULL);
	t = time_now();
	T_OK(t >= before && t <= before + 5);
	unsetenv("RS_NOW");
	t = time_now();
	T_OK(t >= before && t <= before + 5);
}

static void
t_format(void)
{
	char buf[TIME_ISO_MAX];
	int64_t y;
	int mo, d, h, mi, s;

	T_STR(time_format_iso(1795306503, buf), "2026-11-22T08:15:03+08:00");
	T_STR(time_format_iso(0, buf), "1970-01-01T08:00:00+08:00");
	T_STR(time_format_iso(-1 - 8 * 3600, buf), "1969-12-31T23:59:59+08:00");
	T_STR(time_format_iso(253402300799LL - 8 * 3600, buf),
	    "9999-12-31T23:59:59+08:00");
	T_STR(time_format_iso(2147483648LL, buf), "2038-01-19T11:14:08+08:00");
	T_STR(time_format_minute(1795306503, buf), "2026-11-22 08:15");
	T_STR(time_format_minute(iso("2026-12-31T23:59:59+08:00"), buf),
	    "2026-12-31 23:59");
	/* Shanghai kept summer time 1986-1991. */
	T_STR(time_format_iso(iso("1988-07-01T12:00:00Z"), buf),
	    "1988-07-01T21:00:00+09:00");
	/* Local mean time: the text must still parse back to t. */
	T_INT(iso(time_format_iso(-2208988800LL, buf)), -2208988800LL);
	T_INT(iso(time_format_iso(-62135596800LL, buf)), -62135596800LL);
	/* Far outside 0001..9999: no crash, no overflow, NUL-terminated. */
	T_OK(strlen(time_format_iso(INT64_MAX, buf)) < TIME_ISO_MAX);
	T_OK(strlen(time_format_iso(RS_TIME_NONE, buf)) < TIME_ISO_MAX);
	T_OK(strlen(time_format_minute(INT64_MIN + 1, buf)) < TIME_ISO_MAX);
	T_INT(time_local_date(INT64_MAX), 0);
	T_INT(time_from_local(INT64_MAX / 2, 1, 1, 0, 0, 0), RS_TIME_NONE);
	T_INT(time_day_start(INT64_MAX), RS_TIME_NONE);
	T_INT(time_month_start(INT64_MAX, 13), RS_TIME_NONE);
	T_OK(time_month_start(2026, -2147483647 - 1) < time_month_start(1, 1));

	T_INT(time_local_offset(1795306503), 8 * 3600);
	T_INT(time_local_date(1795306503), 20261122);
	T_INT(time_local_date(iso("2026-11-22T23:59:59+08:00")), 20261122);
	T_INT(time_local_date(iso("2026-11-22T16:00:00Z")), 20261123);
	T_INT(time_local_date(iso("1960-02-29T12:00:00+08:00")), 19600229);
	time_local_fields(1795306503, &y, &mo, &d, &h, &mi, &s);
	T_OK(y == 2026 && mo == 11 && d == 22 && h == 8 && mi == 15 && s == 3);
	time_local_fields(-1, &y, &mo, &d, &h, &mi, &s);
	T_OK(y == 1970 && mo == 1 && d == 1 && h == 7 && mi == 59 && s == 59);
	time_local_fields(1795306503, NULL, NULL, &d, NULL, NULL, NULL);
	T_INT(d, 22);

	T_STR(time_format_minutes(90, buf), "1.5");
	T_STR(time_format_minutes(93, buf), "1.6");
	T_STR(time_format_minutes(92, buf), "1.5");
	T_STR(time_format_minutes(-90, buf), "-1.5");
	T_STR(time_format_minutes(-93, buf), "-1.6");
	T_STR(time_format_minutes(-92, buf), "-1.5");
	T_STR(time_format_minutes(0, buf), "0.0");
	T_STR(time_format_minutes(2, buf), "0.0");
	T_STR(time_format_minutes(3, buf), "0.1");
	T_STR(time_format_minutes(-2, buf), "0.0");
	T_STR(time_format_minutes(-3, buf), "-0.1");
	T_STR(time_format_minutes(60, buf), "1.0");
	T_STR(time_format_minutes(750, buf), "12.5");
	T_STR(time_format_minutes(86400, buf), "1440.0");
	T_STR(time_format_minutes(INT64_MIN, buf), "-153722867280912930.1");
}

static void
t_utc(void)
{
	char buf[TIME_ISO_MAX];

	set_tz("UTC");
	T_STR(time_format_iso(1795306503, buf), "2026-11-22T00:15:03+00:00");
	T_INT(iso("2026-11-22 00:15:03"), 1795306503);
	T_INT(time_day_start(1795306503), 1795305600);
	set_tz("Asia/Shanghai");
	T_STR(time_format_iso(1795306503, buf), "2026-11-22T08:15:03+08:00");
}

static void
t_days(void)
{
	rs_time t = 1795306503;

	T_INT(time_day_start(t), iso("2026-11-22T00:00:00+08:00"));
	T_INT(time_day_start(iso("2026-11-22T00:00:00+08:00")),
	    iso("2026-11-22T00:00:00+08:00"));
	T_INT(time_day_start(iso("2026-11-21T23:59:59+08:00")),
	    iso("2026-11-21T00:00:00+08:00"));
	T_INT(time_day_start(-1), iso("1970-01-01T00:00:00+08:00"));
	T_INT(time_add_days(t, 1), t + 86400);
	T_INT(time_add_days(t, -365), iso("2025-11-22T08:15:03+08:00"));
	T_INT(time_add_days(t, 40), iso("2027-01-01T08:15:03+08:00"));
	T_INT(time_add_days(t, 0), t);

	T_INT(time_month_start(2026, 11), iso("2026-11-01T00:00:00+08:00"));
	T_INT(time_month_start(2026, 13), iso("2027-01-01T00:00:00+08:00"));
	T_INT(time_month_start(2026, 25), iso("2028-01-01T00:00:00+08:00"));
	T_INT(time_month_start(2026, 0), iso("2025-12-01T00:00:00+08:00"));
	T_INT(time_month_start(2026, -11), iso("2025-01-01T00:00:00+08:00"));
	T_INT(time_month_start(2026, -12), iso("2024-12-01T00:00:00+08:00"));
	T_INT(time_month_start(1969, 12), iso("1969-12-01T00:00:00+08:00"));

	T_INT(time_from_local(2026, 11, 22, 8, 15, 3), t);
	/* Fields past their range are normalised, as by mktime. */
	T_INT(time_from_local(2026, 11, 31, 8, 15, 3), t + 9 * 86400);
	T_INT(time_from_local(2026, 11, 22, 8, 15, -3), t - 6);
}

static void
t_weeks(void)
{
	int y, w, bad;

	time_iso_week(iso("2026-01-01T12:00:00+08:00"), &y, &w);
	T_OK(y == 2026 && w == 1);
	time_iso_week(iso("2027-01-01T12:00:00+08:00"), &y, &w);
	T_OK(y == 2026 && w == 53);
	time_iso_week(iso("2024-12-30T00:00:00+08:00"), &y, &w);
	T_OK(y == 2025 && w == 1);
	time_iso_week(iso("2021-01-03T23:59:59+08:00"), &y, &w);
	T_OK(y == 2020 && w == 53);
	time_iso_week(iso("2021-01-04T00:00:00+08:00"), &y, &w);
	T_OK(y == 2021 && w == 1);
	time_iso_week(iso("2008-12-29T12:00:00+08:00"), &y, &w);
	T_OK(y == 2009 && w == 1);
	time_iso_week(iso("2010-01-03T12:00:00+08:00"), &y, &w);
	T_OK(y == 2009 && w == 53);
	time_iso_week(iso("2016-01-01T12:00:00+08:00"), &y, &w);
	T_OK(y == 2015 && w == 53);
	time_iso_week(iso("2026-11-22T23:59:59+08:00"), &y, &w);
	T_OK(y == 2026 && w == 47);
	/* Sunday 23:30 UTC is already Monday in Shanghai: the local date counts. */
	time_iso_week(iso("2026-11-22T23:30:00Z"), &y, &w);
	T_OK(y == 2026 && w == 48);
	time_iso_week(iso("1969-12-31T12:00:00+08:00"), &y, &w);
	T_OK(y == 1970 && w == 1);

	T_INT(time_week_start(2026, 1), iso("2025-12-29T00:00:00+08:00"));
	T_INT(time_week_start(2026, 47), iso("2026-11-16T00:00:00+08:00"));
	T_INT(time_week_start(2026, 53), iso("2026-12-28T00:00:00+08:00"));
	T_INT(time_week_start(2020, 53), iso("2020-12-28T00:00:00+08:00"));
	T_INT(time_week_start(2027, 1), iso("2027-01-04T00:00:00+08:00"));

	/*
	 * Every week of 1901..2200: the start maps back to its week (week
	 * 53 only in a 53-week year, as time_parse_week agrees), the second
	 * before week 1 is in the year before, and weeks are 7 local days
	 * long (not always 7 * 86400 s: Shanghai had summer time 1986-91).
	 */
	bad = 0;
	for (y = 1901; y <= 2200; y++) {
		char name[16];
		int yy, ww, has53;

		snprintf(name, sizeof(name), "%04d-W53", y);
		has53 = time_parse_week(name, &yy, &ww) != -1;	/* -2: a real week out of range */
		for (w = 1; w <= 53; w++) {
			rs_time s0 = time_week_start(y, w);

			time_iso_week(s0, &yy, &ww);
			if ((yy == y && ww == w) != (w < 53 || has53))
				bad++;
			if (local_days(time_week_start(y, w + 1)) -
			    local_days(s0) != 7)
				bad++;
		}
		time_iso_week(time_week_start(y, 1) - 1, &yy, &ww);
		if (yy != y - 1 || ww < 52)
			bad++;
	}
	T_INT(bad, 0);

	T_OK(time_parse_week("2026-W47", &y, &w) == 0 && y == 2026 && w == 47);
	T_OK(time_parse_week("2026-W01", &y, &w) == 0 && y == 2026 && w == 1);
	T_OK(time_parse_week("2026-W53", &y, &w) == 0 && y == 2026 && w == 53);
	T_OK(time_parse_week("2020-W53", &y, &w) == 0 && y == 2020 && w == 53);
	T_OK(time_parse_week("2015-W53", &y, &w) == 0);
	T_OK(time_parse_week("2027-W53", &y, &w) == -1);
	T_OK(time_parse_week("2025-W53", &y, &w) == -1);
	T_OK(time_parse_week("2026-W00", &y, &w) == -1);
	T_OK(time_parse_week("2026-W54", &y, &w) == -1);
	T_OK(time_parse_week("2026-w47", &y, &w) == -1);
	T_OK(time_parse_week("2026-W4", &y, &w) == -1);
	T_OK(time_parse_week("2026-W470", &y, &w) == -1);
	T_OK(time_parse_week("2026W47", &y, &w) == -1);
	T_OK(time_parse_week("0000-W01", &y, &w) == -1);
	/* A week must lie in the supported range, its Monday and its Sunday. */
	T_OK(time_parse_week("1970-W01", &y, &w) == -2);	/* from 1969-12-29 */
	T_OK(time_parse_week("1970-W02", &y, &w) == 0);
	T_OK(time_parse_week("9999-W51", &y, &w) == 0);
	T_OK(time_parse_week("9999-W52", &y, &w) == -2);	/* to 10000-01-02 */
	T_OK(time_parse_week("", &y, &w) == -1);
}

static void
t_parse_date(void)
{
	int ymd = 0;

	T_OK(time_parse_date("2026-11-22", 10, &ymd) == 0 && ymd == 20261122);
	T_OK(time_parse_date("2028-02-29", 10, &ymd) == 0 && ymd == 20280229);
	T_OK(time_parse_date("0001-01-01", 10, &ymd) == -2);	/* out of range */
	T_OK(time_parse_date("1969-12-31", 10, &ymd) == -2);
	T_OK(time_parse_date("1970-01-01", 10, &ymd) == 0 && ymd == 19700101);
	T_OK(time_parse_date("9999-12-31", 10, &ymd) == 0 && ymd == 99991231);
	T_OK(time_parse_date("2026-11-22T", 10, &ymd) == 0 && ymd == 20261122);
	T_OK(time_parse_date("2026-02-29", 10, &ymd) == -1);
	T_OK(time_parse_date("2100-02-29", 10, &ymd) == -1);
	T_OK(time_parse_date("2026-11-31", 10, &ymd) == -1);
	T_OK(time_parse_date("2026-11-2", 9, &ymd) == -1);
	T_OK(time_parse_date("2026/11/22", 10, &ymd) == -1);
	T_OK(time_parse_date("2026-11-22 ", 11, &ymd) == -1);
	T_OK(time_parse_date("20261122", 8, &ymd) == -1);
}

/* zone_truth is what localtime_r says, to check the cached answers. */
static long
zone_truth(rs_time t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	return tm.tm_gmtoff;
}

static void
t_new_york(void)
{
	char buf[TIME_ISO_MAX], longtz[512];
	rs_time t, sh;
	uint64_t st = 88172645463325252ULL;
	int i, bad, y, w;

	sh = time_local_offset(1795306503);
	set_tz("America/New_York");
	/* The cache of the old zone must not answer for the new one. */
	T_INT(time_local_offset(1795306503), -5 * 3600);
	T_OK(sh != time_local_offset(1795306503));
	T_STR(time_format_iso(1795306503, buf), "2026-11-21T19:15:03-05:00");
	T_STR(time_format_iso(iso("2026-07-04T16:00:00Z"), buf),
	    "2026-07-04T12:00:00-04:00");
	T_INT(iso("2026-07-04 12:00"), iso("2026-07-04T16:00:00Z"));

	/* The gap: 02:30 on 8 March 2026 does not exist; the later reading. */
	T_INT(time_from_local(2026, 3, 8, 2, 30, 0), 1772955000);
	T_STR(time_format_iso(1772955000, buf), "2026-03-08T03:30:00-04:00");
	T_INT(time_from_local(2026, 3, 8, 1, 59, 59), iso("2026-03-08T06:59:59Z"));
	T_INT(time_from_local(2026, 3, 8, 3, 0, 0), iso("2026-03-08T07:00:00Z"));
	T_INT(iso("2026-03-08T02:00"), iso("2026-03-08T07:00:00Z"));
	/* The overlap: 01:30 on 1 November 2026 happens twice; the earlier. */
	T_INT(time_from_local(2026, 11, 1, 1, 30, 0), 1793511000);
	T_STR(time_format_iso(1793511000, buf), "2026-11-01T01:30:00-04:00");
	T_STR(time_format_iso(1793511000 + 3600, buf),
	    "2026-11-01T01:30:00-05:00");
	T_INT(time_from_local(2026, 11, 1, 0, 59, 59), iso("2026-11-01T04:59:59Z"));
	T_INT(time_from_local(2026, 11, 1, 2, 0, 0), iso("2026-11-01T07:00:00Z"));

	/* Days are 23 and 25 hours long; a day step keeps the wall clock. */
	t = iso("2026-03-08T12:00:00-04:00");
	T_INT(time_day_start(t), iso("2026-03-08T00:00:00-05:00"));
	T_INT(t - time_day_start(t), 11 * 3600);
	T_INT(time_add_days(iso("2026-03-07T12:00:00-05:00"), 1), t);
	T_INT(time_add_days(t, 1) - t, 86400);
	T_INT(time_add_days(iso("2026-10-31T12:00:00-04:00"), 1),
	    iso("2026-11-01T12:00:00-05:00"));
	T_INT(time_day_start(iso("2026-11-02T00:00:00-05:00")) -
	    time_day_start(iso("2026-11-01T12:00:00-05:00")), 25 * 3600);
	T_INT(time_month_start(2026, 4) - time_month_start(2026, 3),
	    31 * 86400 - 3600);
	T_INT(time_week_start(2026, 11) - time_week_start(2026, 10),
	    7 * 86400 - 3600);
	time_iso_week(iso("2026-11-23T04:00:00Z"), &y, &w);
	T_OK(y == 2026 && w == 47);	/* still Sunday 22nd in New York */
	T_INT(input("-1d", t), t - 86400);
	T_INT(input("2026-03-08", t), iso("2026-03-08T00:00:00-05:00"));
	T_INT(input("02:30", t), RS_TIME_NONE);	/* in the gap: SPEC 3.0, exit 1 */

	/* Cached offsets agree with the zone at random times of 1901..2099. */
	bad = 0;
	for (i = 0; i < 20000; i++) {
		t = -2177452800LL + (rs_time)(rnd(&st) % 6311347200ULL);
		if (time_local_offset(t) != zone_truth(t))
			bad++;
	}
	T_INT(bad, 0);
	/* Every hour of 2026: format, then parse the text back. */
	bad = 0;
	for (t = iso("2026-01-01T00:00:00Z"); t < iso("2027-01-01T00:00:00Z");
	    t += 3600 + 17) {
		if (!ts_ok(time_format_iso(t, buf)) || iso(buf) != t)
			bad++;
	}
	T_INT(bad, 0);

	/*
	 * Lord Howe moves 30 minutes at 02:00 local; in October that is
	 * 15:30 UTC, in the middle of a cached hour.
	 */
	set_tz("Australia/Lord_Howe");
	bad = 0;
	for (t = iso("2026-04-04T12:00:00Z"); t < iso("2026-04-05T12:00:00Z");
	    t += 61) {
		if (time_local_offset(t) != zone_truth(t))
			bad++;
	}
	for (t = iso("2026-10-03T12:00:00Z"); t < iso("2026-10-04T12:00:00Z");
	    t += 7) {
		if (time_local_offset(t) != zone_truth(t))
			bad++;
	}
	T_INT(bad, 0);
	T_STR(time_format_iso(iso("2026-10-03T15:29:59Z"), buf),
	    "2026-10-04T01:59:59+10:30");
	T_STR(time_format_iso(iso("2026-10-03T15:30:00Z"), buf),
	    "2026-10-04T02:30:00+11:00");
	/* 02:10 does not exist there: the later reading, 02:40 +11:00. */
	T_INT(time_from_local(2026, 10, 4, 2, 10, 0), iso("2026-10-03T15:40:00Z"));
	T_STR(time_format_iso(iso("2026-04-05T02:00:00+11:00"), buf),
	    "2026-04-05T01:30:00+10:30");

	/* No TZ at all: the system zone, whatever it is, as localtime_r says. */
	unsetenv("TZ");
	tzset();
	T_INT(time_local_offset(1795306503), zone_truth(1795306503));
	T_INT(time_local_offset(1783000000), zone_truth(1783000000));
	/* A TZ too long to remember is still honoured, just not cached. */
	strcpy(longtz, ":/usr/share/zoneinfo/");
	for (i = 0; i < 150; i++)
		strcat(longtz, "./");
	strcat(longtz, "America/New_York");
	set_tz(longtz);
	T_INT(time_local_offset(1795306503), -5 * 3600);
	T_INT(time_local_offset(1783000000), -4 * 3600);

	set_tz("Asia/Shanghai");
	T_INT(time_local_offset(1795306503), 8 * 3600);
	T_STR(time_format_iso(1795306503, buf), "2026-11-22T08:15:03+08:00");
}

/* Round trips at random times of the whole range, in Shanghai. */
static void
t_sweep(void)
{
	char buf[TIME_ISO_MAX];
	uint64_t st = 0x9e3779b97f4a7c15ULL;
	rs_time t, u;
	int i, bad = 0, badlocal = 0;
	int64_t y;
	int mo, d, h, mi, s;

	for (i = 0; i < 200000; i++) {
		t = -62135596800LL + 86400 +
		    (rs_time)(rnd(&st) % (253402300799ULL + 62135596800ULL - 2 * 86400));
		time_format_iso(t, buf);
		if ((t >= 0 ? time_parse_ts(buf, strlen(buf), &u) :
		    time_parse_iso(buf, strlen(buf), &u)) == -1 || u != t)
			bad++;
		time_local_fields(t, &y, &mo, &d, &h, &mi, &s);
		if (time_from_local(y, mo, d, h, mi, s) != t &&
		    time_local_offset(t) == time_local_offset(t - 7200))
			badlocal++;
	}
	T_INT(bad, 0);
	T_INT(badlocal, 0);
}

/* The site's zone (SPEC 3.0): wall clocks that do not exist, zone names, id dates. */
static void
t_site_zone(void)
{
	rs_time t, base;
	char buf[TIME_ISO_MAX];

	set_tz("America/New_York");
	T_INT(time_local_exists(2026, 3, 8, 2, 30, 0), 0);	/* spring gap */
	T_INT(time_local_exists(2026, 3, 8, 1, 59, 59), 1);
	T_INT(time_local_exists(2026, 3, 8, 3, 0, 0), 1);
	T_INT(time_local_exists(2026, 11, 1, 1, 30, 0), 1);	/* twice: exists */
	T_INT(time_parse_input("2026-03-08T02:30", 0, &t), -2);
	T_INT(time_parse_input("2026-03-08 02:30:10", 0, &t), -2);
	base = iso("2026-03-08T12:00:00-04:00");
	T_INT(time_parse_input("02:15", base, &t), -2);
	T_INT(time_parse_input("03:15", base, &t), 0);
	T_INT(t, iso("2026-03-08T03:15:00-04:00"));
	/* With an offset the clock is not local: no gap. */
	T_INT(time_parse_input("2026-03-08T02:30:00-05:00", 0, &t), 0);
	/* Autumn: the earlier of the two 01:30s. */
	T_INT(time_parse_input("2026-11-01T01:30", 0, &t), 0);
	T_STR(time_format_iso(t, buf), "2026-11-01T01:30:00-04:00");
	T_INT(time_parse_input("2026-11-01", 0, &t), 0);
	T_INT(t, iso("2026-11-01T00:00:00-04:00"));
	T_INT(time_parse_input("not a time", 0, &t), -1);

	T_INT(time_zone_valid("Asia/Shanghai"), 1);
	T_INT(time_zone_valid("America/New_York"), 1);
	T_INT(time_zone_valid("UTC"), 1);
	T_INT(time_zone_valid("Mars/Base"), 0);
	T_INT(time_zone_valid(""), 0);
	T_INT(time_zone_valid("/etc/passwd"), 0);
	T_INT(time_zone_valid("../zoneinfo/UTC"), 0);
	T_INT(time_zone_valid("Asia/../Asia/Shanghai"), 0);
	T_INT(time_zone_valid("Asia"), 0);		/* a directory */
	T_INT(time_zone_valid("CST-8"), 0);		/* a POSIX rule, not a name */

	set_tz(":Asia/Kolkata");
	T_STR(time_tz_zone(), "Asia/Kolkata");
	set_tz("UTC0");
	T_OK(time_tz_zone() == NULL);
	T_INT(time_use_zone("Asia/Shanghai"), 0);
	T_STR(getenv("TZ"), ":Asia/Shanghai");
	T_STR(time_format_iso(iso("2026-11-21T16:30:00Z"), buf), "2026-11-22T00:30:00+08:00");
	T_INT(time_local_date(iso("2026-11-21T16:30:00Z")), 20261122);
	T_INT(time_use_zone("Mars/Base"), -1);
	T_STR(getenv("TZ"), ":Asia/Shanghai");

	/* An id's date: its first instant in any zone, +14:00. */
	T_INT(time_date_earliest(20261122), iso("2026-11-22T00:00:00+14:00"));
	T_OK(time_date_earliest(20261122) <= iso("2026-11-22T00:00:00+08:00"));
	set_tz("Asia/Shanghai");
}

static void
t_duration(void)
{
	static const struct {
		const char *s;
		int rc;
		int64_t secs;
	} c[] = {
		{ "30m", 0, 1800 }, { "2h", 0, 7200 }, { "1d", 0, 86400 }, { "0m", 0, 0 },
		{ "007m", 0, 420 }, { "", -1, 0 }, { "m", -1, 0 }, { "3", -1, 0 },
		{ "-3m", -1, 0 }, { "+3m", -1, 0 }, { "3s", -1, 0 }, { "1w", -1, 0 },
		{ "1.5h", -1, 0 }, { "3mm", -1, 0 }, { " 3m", -1, 0 },
		{ "99999999999999999999d", -1, 0 }, { "9999999999d", -1, 0 },
	};
	int64_t secs;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		secs = -7;
		T_INT(time_parse_duration(c[i].s, &secs), c[i].rc);
		if (c[i].rc == 0)
			T_INT(secs, c[i].secs);
	}
}

void
t_timefmt(void)
{
	t_duration();
	t_civil();
	t_parse_ts();
	t_parse_iso();
	t_parse_input();
	t_now();
	t_format();
	t_utc();
	t_days();
	t_weeks();
	t_parse_date();
	t_new_york();
	t_site_zone();
	t_sweep();
}
