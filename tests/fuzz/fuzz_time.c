/*
 * fuzz_time.c - libFuzzer harness: the time parsers (timefmt.c):
 * time_parse_iso, time_parse_ts, time_parse_input (bases from the input),
 * time_parse_date, time_parse_week, time_written_date; and a round trip
 * of every time parsed through time_format_iso / time_parse_ts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "timefmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
roundtrip(rs_time t)
{
	char buf[TIME_ISO_MAX], mbuf[TIME_ISO_MAX];
	rs_time back;
	int y, w;

	/* only sane times: the formatter is for years 0..9999 */
	if (t < -62135596800LL || t > 253402300799LL - 86400 * 2)
		return;
	time_format_iso(t, buf);
	time_format_minute(t, mbuf);
	if (time_parse_ts(buf, strlen(buf), &back) != 0 || back != t)
		abort();	/* what we write, we must read back */
	(void)time_local_date(t);
	time_iso_week(t, &y, &w);
	(void)time_day_start(t);
	(void)time_add_days(t, 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	rs_time t, base;
	int ymd, y, w;

	if (size > 256)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';

	if (time_parse_iso(s, size, &t) == 0)
		roundtrip(t);
	if (time_parse_ts(s, size, &t) == 0)
		roundtrip(t);
	(void)time_parse_date(s, size, &ymd);
	(void)time_written_date(s, size);
	(void)time_parse_week(s, &y, &w);
	base = 1795313400;	/* 2026-11-22T10:00:00+08:00 */
	if (time_parse_input(s, base, &t) == 0)
		roundtrip(t);
	if (size >= 8) {	/* a base from the input too */
		memcpy(&base, data, 8);
		base %= 253402300799LL;
		(void)time_parse_input(s + 8, base, &t);
	}
	free(s);
	return 0;
}
