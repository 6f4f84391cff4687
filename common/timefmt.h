/*
 * timefmt.h - time values: parsing every input form of SPEC 5, ISO 8601
 * output with the local offset, local calendar arithmetic, ISO weeks.
 *
 * This header declares the output functions (timefmt.c) and includes the
 * rest, so that one include gives callers all of time: the type and the
 * calendar (timecal.h), local time (timelocal.h) and parsing
 * (timeparse.h).
 *
 * A time is rs_time: seconds since 1970-01-01T00:00:00Z (signed 64-bit,
 * so dates before 1970 and after 2038 work). Parsing of ISO forms with an
 * offset is pure integer arithmetic; local time ("TZ") conversions go
 * through localtime_r with a small cache, so a reader that parses
 * a million timestamps with offsets never calls into the zone code.
 */
#ifndef RS_TIMEFMT_H
#define RS_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

#include "timecal.h"
#include "timelocal.h"
#include "timeparse.h"

#define TIME_ISO_MAX 32		/* buffer size for time_format_iso and friends */

/* time_format_iso writes t as local "YYYY-MM-DDTHH:MM:SS+HH:MM" into the caller's buf (TIME_ISO_MAX bytes); returns buf. */
char *time_format_iso(rs_time t, char *buf);

/* time_format_minute writes t as local "YYYY-MM-DD HH:MM" for people into the caller's buf (TIME_ISO_MAX bytes); returns buf. */
char *time_format_minute(rs_time t, char *buf);

/* time_format_minutes writes a duration in seconds as minutes with one decimal ("12.5"), half away from zero, into the caller's buf (>= 32 bytes); returns buf. */
char *time_format_minutes(int64_t seconds, char *buf);

#endif
