/*
 * timefmt.c - writing times (SPEC 5, 10): ISO 8601 with the local offset
 * for journals, minutes for people, durations in minutes; see timefmt.h.
 * Parsing is in timeparse.c, local time in timelocal.c, the calendar in
 * timecal.c.
 *
 * Output builds the digits by hand: snprintf is kept for the rare years
 * beyond four digits, as a report writes a time in every row.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "time_internal.h"
#include "timefmt.h"

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
	time_civil_date(days, &y, &m, &d);
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

/*
 * format_wide is the rare slow path for years outside 0000..9999. It
 * calls the out-of-line civil_from_days: speed does not matter here, and
 * with the inline one gcc's -Wformat-truncation flags the deliberate cut
 * of absurd years at the buffer size.
 */
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
