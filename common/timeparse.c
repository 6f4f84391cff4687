/*
 * timeparse.c - reading times (SPEC 5): the journal form of ts columns,
 * ISO 8601 as people type it, relative and clock-only input, dates and
 * ISO weeks; see timeparse.h.
 *
 * parse_iso runs once per journal row: it reads digits in place, checks
 * the calendar only when the date differs from the last one it read,
 * and converts times with an explicit offset without asking the zone.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "time_internal.h"
#include "timelocal.h"
#include "timeparse.h"
#include "utf8_text.h"

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
	return *ymd < TIME_FIRST_YMD || *ymd > TIME_LAST_YMD ? -2 : 0;
}

int
time_parse_week(const char *s, int *year, int *week)
{
	int y, w;

	if (strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return -1;
	y = year4(s);
	w = dig2(s + 6);
	if (y < 0 || w < 1 || w > time_weeks_in_year(y))
		return -1;
	*year = y;
	*week = w;
	/* Its Monday and its Sunday are both in range. */
	return time_in_range(time_week_start(y, w)) &&
	    time_in_range(time_add_days(time_week_start(y, w), 6)) ? 0 : -2;
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
		days = time_civil_days(y, mo, d);
		memcpy(date_cache.text, s, 10);
		date_cache.y = y, date_cache.mo = mo, date_cache.d = d;
		date_cache.days = days;
		date_cache.ok = 1;
	}
	c = s[10];
	if (c != 'T' && (strict || (c != ' ' && c != 't')))
		return -1;
	/* A journal's times are written in the supported range's dates. */
	if (strict && y * 10000 + mo * 100 + d < TIME_FIRST_YMD)
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

/* unit_seconds returns the seconds of a unit letter s, m, h, d or w, or 0 for any other. */
static int64_t
unit_seconds(int c)
{
	switch (c) {
	case 's':
		return 1;
	case 'm':
		return 60;
	case 'h':
		return 3600;
	case 'd':
		return SECS_DAY;
	case 'w':
		return 7 * SECS_DAY;
	default:
		return 0;
	}
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
	if ((unit = unit_seconds(*p)) == 0 || p[1] != '\0')
		return -1;
	/* Well formed, but beyond years 1..9999: outside the supported range. */
	if (v > (T_MAX - T_MIN) / unit)
		return -3;
	v *= unit;
	v = s[0] == '-' ? base - v : base + v;
	if (v < T_MIN || v > T_MAX)
		return -3;
	*t = v;
	return 0;
}

/* parse_input is time_parse_input but for the range check. */
static int
parse_input(const char *s, rs_time base, rs_time *t)
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
		if (!time_local_exists(y, mo, d, h, mi, sec))
			return -2;
		*t = time_from_local(y, mo, d, h, mi, sec);
		return 0;
	}
	if (n == 10) {
		/* A day starts at its first instant, 00:00 or the end of a gap there. */
		if (parse_ymd(s, &yy, &mo, &d) == -1)
			return -1;
		*t = time_from_local(yy, mo, d, 0, 0, 0);
		return 0;
	}
	if (parse_iso(s, n, 0, t) == -1)
		return -1;
	/* Without an offset (16 or 19 bytes) the clock is local: it must exist. */
	if ((n == 16 || n == 19) && parse_ymd(s, &yy, &mo, &d) == 0 &&
	    !time_local_exists(yy, mo, d, dig2(s + 11), dig2(s + 14),
	    n == 19 ? dig2(s + 17) : 0))
		return -2;
	return 0;
}

int
time_parse_input(const char *s, rs_time base, rs_time *t)
{
	rs_time v;
	int rc;

	if ((rc = parse_input(s, base, &v)) != 0)
		return rc;
	if (!time_in_range(v))
		return -3;
	*t = v;
	return 0;
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

int
time_input_err(const char *where, const char *value, int rc, struct rs_err *e)
{
	struct buf b = BUF_INIT;

	/* The value came from a command line: no escape sequence reaches the terminal. */
	utf8_sanitize(&b, value, strlen(value));
	if (rc == -2)
		err_set(e, RS_EDATA, where, "%s does not exist in the site's zone "
		    "(the clock skips it for daylight saving)", b.p ? b.p : "");
	else if (rc == -3)
		err_set(e, RS_EDATA, where, "%s is outside the supported range %s",
		    b.p ? b.p : "", time_range_text());
	else
		err_set(e, RS_EDATA, where, "bad time '%s' (want one of %s)", b.p ? b.p : "",
		    TIME_INPUT_FORMS);
	buf_free(&b);
	return -1;
}

int
time_parse_duration(const char *s, int64_t *secs)
{
	const char *p = s;
	int64_t v = 0, unit;

	while (*p >= '0' && *p <= '9') {
		/* Longer than the span of supported years is no deadline window. */
		if (v > (T_MAX - T_MIN) / 10 / 60)
			return -1;
		v = v * 10 + (*p++ - '0');
	}
	/* A DURATION counts in minutes, hours or days only (SPEC 5). */
	if (p == s || *p == 's' || *p == 'w' || (unit = unit_seconds(*p)) == 0 || p[1] != '\0')
		return -1;
	if (v > (T_MAX - T_MIN) / unit)
		return -1;
	*secs = v * unit;
	return 0;
}
