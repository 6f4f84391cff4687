/*
 * timefmt.c - time values (SPEC 3.3, 5, 10): ISO 8601 parsing and
 * formatting, local calendar arithmetic, ISO weeks; see timefmt.h.
 *
 * Calendar arithmetic is Howard Hinnant's days_from_civil/civil_from_days
 * on 64-bit integers, so a timestamp with an explicit offset is parsed
 * without touching the zone code. Everything local goes through one
 * function, time_local_offset, which asks localtime_r once per UTC hour
 * and remembers the answer in a small direct-mapped cache; wall clock to
 * time (time_from_local) is solved with the same offsets, so mktime is
 * never needed.
 *
 * The cache is process-wide and not thread-safe: the tools are single
 * threaded. A change of $TZ (tests do it) is noticed on the next call.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timefmt.h"

#define SECS_DAY	86400
#define OFFSET_MAX	(14 * 3600)	/* the widest real offset, +-14:00 */

/*
 * The zone is only asked about years 0001..9999 (UTC): localtime_r has a
 * limited range and nothing in a journal lies outside it. Times beyond
 * are answered with the offset at the nearest bound.
 */
#define T_MIN	INT64_C(-62135596800)	/* 0001-01-01T00:00:00Z */
#define T_MAX	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */

/* Bound on years handed to time_from_local, far from int64 overflow. */
#define YEAR_LIMIT	INT64_C(1000000000)

#define CACHE_SIZE	1024	/* hours: six weeks of one report period */

enum { SLOT_EMPTY, SLOT_UNIFORM, SLOT_MIXED };

struct offslot {
	int64_t	hour;		/* floor(t / 3600) */
	int32_t	off;		/* offset for the whole hour (SLOT_UNIFORM) */
	int32_t	state;
};

/*
 * Per thread (rs-report kpi reads two journals at once): a cache, so
 * each thread filling its own is only a little repeated work, and no
 * lock is taken on the hot path.
 */
static _Thread_local struct offslot cache[CACHE_SIZE];

enum { TZ_NEVER, TZ_SET, TZ_UNSET, TZ_LONG };

static _Thread_local int tz_state = TZ_NEVER;
static _Thread_local char tz_saved[256];

/* floordiv and floormod: C division truncates; calendars need floor. */
static int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t
floormod(int64_t a, int64_t b)
{
	int64_t r = a % b;

	if (r != 0 && ((r < 0) != (b < 0)))
		r += b;
	return r;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	static const unsigned char md[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return md[m - 1] + (m == 2 && is_leap(y));
}

/*
 * days_from_civil is exact for any year within +-10^12 (beyond, the
 * products overflow); the parsers never pass more than four digits and
 * time_from_local checks its year first.
 */
int64_t
days_from_civil(int64_t y, int m, int d)
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

void
civil_from_days(int64_t days, int64_t *y, int *m, int *d)
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

/*
 * tz_check notices a change of $TZ since the last call: the cached
 * offsets belong to the old zone, and glibc's localtime_r does not
 * reread $TZ by itself, so tzset is called again.
 */
static void
tz_check(void)
{
	const char *tz = getenv("TZ");
	size_t len;

	if (tz == NULL) {
		if (tz_state == TZ_UNSET)
			return;
		tz_state = TZ_UNSET;
	} else {
		if (tz_state == TZ_SET && strcmp(tz, tz_saved) == 0)
			return;
		len = strlen(tz);
		if (len < sizeof(tz_saved)) {
			memcpy(tz_saved, tz, len + 1);
			tz_state = TZ_SET;
		} else
			tz_state = TZ_LONG;	/* cannot compare: no caching */
	}
	tzset();
	memset(cache, 0, sizeof(cache));
}

/* clamp_zone keeps t within what localtime_r is asked about. */
static int64_t
clamp_zone(int64_t t)
{
	if (t < T_MIN)
		return T_MIN;
	if (t > T_MAX)
		return T_MAX;
	return t;
}

/*
 * zone_offset asks the zone code. The offset is computed from the broken
 * down fields rather than tm_gmtoff, which is not in C11 or POSIX.
 */
static int32_t
zone_offset(int64_t t)
{
	struct tm tm;
	time_t tt;
	int64_t local;

	t = clamp_zone(t);
	tt = (time_t)t;
	if ((int64_t)tt != t || localtime_r(&tt, &tm) == NULL)
		return 0;
	local = days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday) * SECS_DAY + tm.tm_hour * 3600 + tm.tm_min * 60 +
	    tm.tm_sec;
	return (int32_t)(local - t);
}

int
time_local_offset(rs_time t)
{
	struct offslot *e;
	int64_t hour;
	int32_t a, b;

	tz_check();
	if (tz_state == TZ_LONG)
		return zone_offset(t);
	t = clamp_zone(t);
	hour = floordiv(t, 3600);
	e = &cache[(uint64_t)hour % CACHE_SIZE];
	if (e->state == SLOT_UNIFORM && e->hour == hour)
		return e->off;
	if (e->state == SLOT_MIXED && e->hour == hour)
		return zone_offset(t);
	/*
	 * Most zones change offset on a UTC hour, but not all (Lord Howe
	 * at :30, local mean time before 1900): an hour is cached only if
	 * its first and last second agree; otherwise each call asks.
	 */
	a = zone_offset(hour * 3600);
	b = zone_offset(hour * 3600 + 3599);
	e->hour = hour;
	if (a == b) {
		e->state = SLOT_UNIFORM;
		e->off = a;
		return a;
	}
	e->state = SLOT_MIXED;
	return zone_offset(t);
}

/* split_local breaks t + off into days since the epoch and second of day. */
static void
split_local(rs_time t, int off, int64_t *days, int *sod)
{
	int64_t d = floordiv(t, SECS_DAY);
	int64_t s = floormod(t, SECS_DAY) + off;

	d += floordiv(s, SECS_DAY);
	*days = d;
	*sod = (int)floormod(s, SECS_DAY);
}

void
time_local_fields(rs_time t, int64_t *y, int *mo, int *d, int *h, int *mi,
    int *s)
{
	int64_t days, yy;
	int sod, mm, dd;

	split_local(t, time_local_offset(t), &days, &sod);
	civil_from_days(days, &yy, &mm, &dd);
	if (y)
		*y = yy;
	if (mo)
		*mo = mm;
	if (d)
		*d = dd;
	if (h)
		*h = sod / 3600;
	if (mi)
		*mi = sod / 60 % 60;
	if (s)
		*s = sod % 60;
}

int
time_local_date(rs_time t)
{
	int64_t y;
	int m, d;

	time_local_fields(t, &y, &m, &d, NULL, NULL, NULL);
	if (y < 0 || y > 9999)
		return 0;	/* does not fit YYYYMMDD */
	return (int)y * 10000 + m * 100 + d;
}

/*
 * time_from_local solves t + offset(t) = local. Around one transition the
 * offsets in play are those a day before and a day after (every candidate
 * t lies within 14 hours of local): a candidate is a solution if the
 * zone agrees with it. Two solutions are an overlap (take the earlier
 * time, the larger offset); none is a gap, where reading the wall clock
 * with the offset before the change gives the later reading (02:30 in a
 * 02:00-03:00 gap is 03:30).
 */
rs_time
time_from_local(int64_t y, int mo, int d, int h, int mi, int s)
{
	int64_t local;
	int32_t oa, ob;
	int va, vb;

	if (y < -YEAR_LIMIT || y > YEAR_LIMIT)
		return RS_TIME_NONE;
	if (mo < 1 || mo > 12) {
		y += floordiv((int64_t)mo - 1, 12);
		mo = (int)floormod((int64_t)mo - 1, 12) + 1;
	}
	local = days_from_civil(y, mo, 1) * SECS_DAY + ((int64_t)d - 1) * SECS_DAY +
	    (int64_t)h * 3600 + (int64_t)mi * 60 + s;
	oa = time_local_offset(local - SECS_DAY);
	ob = time_local_offset(local + SECS_DAY);
	if (oa == ob)
		return local - oa;
	va = time_local_offset(local - oa) == oa;
	vb = time_local_offset(local - ob) == ob;
	if (va && vb)
		return local - (oa > ob ? oa : ob);
	if (vb)
		return local - ob;
	return local - oa;
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
	days = days_from_civil(y, m, d) + n;
	civil_from_days(days, &y, &m, &d);
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
	civil_from_days(th, &y, &m, &d);
	*year = y;
	*week = (int)((th - days_from_civil(y, 1, 1)) / 7 + 1);
}

/* weeks_in_year: 28 December is always in the last week of its year. */
static int
weeks_in_year(int64_t y)
{
	int64_t wy;
	int w;

	iso_week_days(days_from_civil(y, 12, 28), &wy, &w);
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
	jan4 = days_from_civil(year, 1, 4);
	mon = jan4 - floormod(jan4 + 3, 7) + ((int64_t)week - 1) * 7;
	civil_from_days(mon, &y, &m, &d);
	return time_from_local(y, m, d, 0, 0, 0);
}

/* dig2 reads two decimal digits; -1 if either is not a digit. */
static int
dig2(const char *p)
{
	unsigned int a = (unsigned char)p[0] - (unsigned int)'0';
	unsigned int b = (unsigned char)p[1] - (unsigned int)'0';

	if (a > 9 || b > 9)
		return -1;
	return (int)(a * 10 + b);
}

/* year4 reads a four-digit year 0001..9999; -1 otherwise. */
static int
year4(const char *p)
{
	int hi = dig2(p), lo = dig2(p + 2);

	if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
		return -1;
	return hi * 100 + lo;
}

/* parse_ymd checks "YYYY-MM-DD" (10 bytes at p) for a real date. */
static int
parse_ymd(const char *p, int *y, int *m, int *d)
{
	if (p[4] != '-' || p[7] != '-')
		return -1;
	*y = year4(p);
	*m = dig2(p + 5);
	*d = dig2(p + 8);
	if (*y < 0 || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return -1;
	return 0;
}

int
time_parse_date(const char *s, size_t n, int *ymd)
{
	int y, m, d;

	if (n != 10 || parse_ymd(s, &y, &m, &d) == -1)
		return -1;
	*ymd = y * 10000 + m * 100 + d;
	return 0;
}

int
time_parse_week(const char *s, int *year, int *week)
{
	int y, w;

	if (strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return -1;
	y = year4(s);
	w = dig2(s + 6);
	if (y < 0 || w < 1 || w > weeks_in_year(y))
		return -1;
	*year = y;
	*week = w;
	return 0;
}

/*
 * parse_iso is time_parse_iso and, with strict, time_parse_ts: the
 * journal form admits only "T", seconds and "Z" or "+HH:MM".
 */
/* The last date parse_iso read (text "" until the first); per thread, no lock. */
static _Thread_local struct {
	char text[10];
	int ok, y, mo, d;
	int64_t days;
} date_cache;

static int
parse_iso(const char *s, size_t n, int strict, rs_time *t)
{
	int y, mo, d, h, mi, sec = 0, oh, om;
	size_t p = 16;
	int64_t local, days;
	char c;

	if (n < 16)
		return -1;
	/*
	 * A journal holds thousands of rows per day: the date part of the
	 * last time parsed is remembered, so most parses check and convert
	 * only the clock and the offset (calendar checks and
	 * days_from_civil were ~7 % of a full scan).
	 */
	if (date_cache.ok && memcmp(s, date_cache.text, 10) == 0) {
		y = date_cache.y, mo = date_cache.mo, d = date_cache.d;
		days = date_cache.days;
	} else {
		if (parse_ymd(s, &y, &mo, &d) == -1)
			return -1;
		days = days_from_civil(y, mo, d);
		memcpy(date_cache.text, s, 10);
		date_cache.y = y, date_cache.mo = mo, date_cache.d = d;
		date_cache.days = days;
		date_cache.ok = 1;
	}
	c = s[10];
	if (c != 'T' && (strict || (c != ' ' && c != 't')))
		return -1;
	h = dig2(s + 11);
	mi = dig2(s + 14);
	if (s[13] != ':' || h < 0 || h > 23 || mi < 0 || mi > 59)
		return -1;
	if (p < n && s[p] == ':') {
		if (n - p < 3 || (sec = dig2(s + p + 1)) < 0 || sec > 59)
			return -1;
		p += 3;
	} else if (strict)
		return -1;
	local = days * SECS_DAY + h * 3600 + mi * 60 + sec;
	if (p == n) {
		if (strict)
			return -1;
		*t = time_from_local(y, mo, d, h, mi, sec);
		return 0;
	}
	c = s[p++];
	if (c == 'Z' || (!strict && c == 'z')) {
		if (p != n)
			return -1;
		*t = local;
		return 0;
	}
	if (c != '+' && c != '-')
		return -1;
	/* p is now past the sign: "HH:MM", or "HHMM" and "HH" if not strict. */
	if (n - p == 5 && s[p + 2] == ':') {
		oh = dig2(s + p);
		om = dig2(s + p + 3);
	} else if (!strict && n - p == 4) {
		oh = dig2(s + p);
		om = dig2(s + p + 2);
	} else if (!strict && n - p == 2) {
		oh = dig2(s + p);
		om = 0;
	} else
		return -1;
	if (oh < 0 || om < 0 || om > 59 || oh * 3600 + om * 60 > OFFSET_MAX)
		return -1;
	*t = c == '+' ? local - (oh * 3600 + om * 60) :
	    local + (oh * 3600 + om * 60);
	return 0;
}

int
time_parse_iso(const char *s, size_t n, rs_time *t)
{
	return parse_iso(s, n, 0, t);
}

int
time_parse_ts(const char *s, size_t n, rs_time *t)
{
	/* The journal column is always 20 or 25 bytes; fail fast otherwise. */
	if (n != 25 && n != 20)
		return -1;
	return parse_iso(s, n, 1, t);
}

/*
 * parse_relative reads "+N" or "-N" followed by a unit s, m, h, d or w.
 * A day is 86400 seconds, like the other units an exact duration.
 */
static int
parse_relative(const char *s, rs_time base, rs_time *t)
{
	const char *p = s + 1;
	int64_t v = 0, unit;
	unsigned int dg;

	if (*p == '\0' || base < T_MIN || base > T_MAX)
		return -1;
	while ((dg = (unsigned char)*p - (unsigned int)'0') <= 9) {
		/* Anything past the span of years 1..9999 is an overflow. */
		if (v > (T_MAX - T_MIN) / 10)
			return -1;
		v = v * 10 + dg;
		p++;
	}
	if (p == s + 1)
		return -1;
	switch (*p) {
	case 's':
		unit = 1;
		break;
	case 'm':
		unit = 60;
		break;
	case 'h':
		unit = 3600;
		break;
	case 'd':
		unit = SECS_DAY;
		break;
	case 'w':
		unit = 7 * SECS_DAY;
		break;
	default:
		return -1;
	}
	if (p[1] != '\0' || v > (T_MAX - T_MIN) / unit)
		return -1;
	v *= unit;
	v = s[0] == '-' ? base - v : base + v;
	if (v < T_MIN || v > T_MAX)
		return -1;
	*t = v;
	return 0;
}

int
time_parse_input(const char *s, rs_time base, rs_time *t)
{
	int64_t y;
	int yy, mo, d, h, mi, sec = 0;
	size_t n;

	if (s == NULL)
		return -1;
	n = strlen(s);
	if (strcmp(s, "now") == 0) {
		if (base == RS_TIME_NONE)
			return -1;
		*t = base;
		return 0;
	}
	if (s[0] == '-' || s[0] == '+')
		return parse_relative(s, base, t);
	if ((n == 5 || n == 8) && s[2] == ':') {
		/* "HH:MM[:SS]" on the local day of base */
		h = dig2(s);
		mi = dig2(s + 3);
		if (n == 8 && (s[5] != ':' || (sec = dig2(s + 6)) < 0 ||
		    sec > 59))
			return -1;
		if (h < 0 || h > 23 || mi < 0 || mi > 59 ||
		    base < T_MIN || base > T_MAX)
			return -1;
		time_local_fields(base, &y, &mo, &d, NULL, NULL, NULL);
		*t = time_from_local(y, mo, d, h, mi, sec);
		return 0;
	}
	if (n == 10) {
		if (parse_ymd(s, &yy, &mo, &d) == -1)
			return -1;
		*t = time_from_local(yy, mo, d, 0, 0, 0);
		return 0;
	}
	return parse_iso(s, n, 0, t);
}

rs_time
time_now(void)
{
	const char *s = getenv("RS_NOW");
	rs_time t;

	if (s != NULL && parse_iso(s, strlen(s), 0, &t) == 0)
		return t;
	return (rs_time)time(NULL);
}

/* put2 and put4 write zero-padded decimal fields. */
static char *
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

static char *
put4(char *p, int v)
{
	p = put2(p, v / 100);
	return put2(p, v % 100);
}

/*
 * format_local writes "YYYY-MM-DD<sep>HH:MM[:SS]" of t read with offset
 * off; returns the end, or NULL when the year needs more than four
 * digits (the caller falls back to snprintf).
 */
static char *
format_local(rs_time t, int off, char sep, int secs, char *p)
{
	int64_t days, y;
	int sod, m, d;

	split_local(t, off, &days, &sod);
	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return NULL;
	p = put4(p, (int)y);
	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	p = put2(p, d);
	*p++ = sep;
	p = put2(p, sod / 3600);
	*p++ = ':';
	p = put2(p, sod / 60 % 60);
	if (secs) {
		*p++ = ':';
		p = put2(p, sod % 60);
	}
	return p;
}

/* format_wide is the rare slow path for years outside 0000..9999. */
static void
format_wide(rs_time t, int off, char sep, int secs, char *buf, size_t size)
{
	int64_t days, y;
	int sod, m, d;

	split_local(t, off, &days, &sod);
	civil_from_days(days, &y, &m, &d);
	if (secs)
		snprintf(buf, size, "%lld-%02d-%02d%c%02d:%02d:%02d",
		    (long long)y, m, d, sep, sod / 3600, sod / 60 % 60,
		    sod % 60);
	else
		snprintf(buf, size, "%lld-%02d-%02d%c%02d:%02d",
		    (long long)y, m, d, sep, sod / 3600, sod / 60 % 60);
}

char *
time_format_iso(rs_time t, char *buf)
{
	int off, a;
	char *p;
	size_t len;

	/*
	 * ISO 8601 offsets have no seconds: before standard time (local
	 * mean time, +08:05:43 in Shanghai) the offset is cut to whole
	 * minutes and the wall clock read with it, so that the text still
	 * parses back to t.
	 */
	off = time_local_offset(t) / 60 * 60;
	p = format_local(t, off, 'T', 1, buf);
	if (p == NULL) {
		format_wide(t, off, 'T', 1, buf, TIME_ISO_MAX - 6);
		len = strlen(buf);
		p = buf + len;
	}
	*p++ = off < 0 ? '-' : '+';
	a = off < 0 ? -off : off;
	p = put2(p, a / 3600);
	*p++ = ':';
	p = put2(p, a / 60 % 60);
	*p = '\0';
	return buf;
}

char *
time_format_minute(rs_time t, char *buf)
{
	int off;
	char *p;

	off = time_local_offset(t);
	p = format_local(t, off, ' ', 0, buf);
	if (p == NULL)
		format_wide(t, off, ' ', 0, buf, TIME_ISO_MAX);
	else
		*p = '\0';
	return buf;
}

char *
time_format_minutes(int64_t seconds, char *buf)
{
	uint64_t u, tenths;

	/* Tenths of a minute are sixths of seconds; halves round away from 0. */
	u = seconds < 0 ? (uint64_t)0 - (uint64_t)seconds : (uint64_t)seconds;
	tenths = u / 6 + (u % 6 >= 3);
	snprintf(buf, 32, "%s%llu.%llu", seconds < 0 && tenths > 0 ? "-" : "",
	    (unsigned long long)(tenths / 10), (unsigned long long)(tenths % 10));
	return buf;
}

int
time_written_date(const char *s, size_t n)
{
	int i, y = 0, m, d;

	if (n < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	for (i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return y * 10000 + m * 100 + d;
}
