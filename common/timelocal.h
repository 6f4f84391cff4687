/*
 * timelocal.h - local time (timelocal.c): the UTC offset of the local
 * zone (the site's, SPEC 3.0, once time_use_zone made it the process's;
 * else $TZ's), the local calendar fields of a time and the time of a
 * local wall clock. Included by timefmt.h.
 *
 * The zone is asked through localtime_r at most once per UTC hour and
 * thread (a small cache), so a reader converting a million times calls
 * into the zone code a few hundred times. Nothing here allocates.
 */
#ifndef RS_TIMELOCAL_H
#define RS_TIMELOCAL_H

#include <stdint.h>

#include "timecal.h"

/* time_local_offset returns the local UTC offset in seconds in force at t (cached per hour). */
int time_local_offset(rs_time t);

/* time_local_date returns the local calendar date of t as YYYYMMDD. */
int time_local_date(rs_time t);

/* time_in_range returns 1 if the local date of t is within TIME_FIRST_YMD..TIME_LAST_YMD (timecal.h), else 0. */
int time_in_range(rs_time t);

/* time_range_end returns the first instant after the supported range: local 00:00 after TIME_LAST_YMD. */
rs_time time_range_end(void);

/* time_range_text returns the supported range for messages, "1970-01-01..9999-12-31" (static storage). */
const char *time_range_text(void);

/* time_local_fields splits t into local calendar fields, stored into the caller's variables (any pointer may be NULL). */
void time_local_fields(rs_time t, int64_t *y, int *mo, int *d, int *h, int *mi, int *s);

/* time_from_local returns the time of a local wall-clock moment (for a DST gap, the later reading). */
rs_time time_from_local(int64_t y, int mo, int d, int h, int mi, int s);

/* time_local_exists returns 1 if the wall-clock moment exists in the local zone (not skipped by a DST change), else 0. */
int time_local_exists(int64_t y, int mo, int d, int h, int mi, int s);

#define TIME_ZONE_MAX 128	/* bytes of a zone name, its NUL included */

/*
 * time_zone_valid returns 1 if name is an IANA zone name ("Asia/Shanghai")
 * that the system's zone database holds ($TZDIR, else
 * /usr/share/zoneinfo), else 0.
 */
int time_zone_valid(const char *name);

/*
 * time_use_zone makes name (time_zone_valid) the local zone of every
 * conversion in the process, whatever $TZ said. It sets $TZ, so call it
 * once, before any thread starts. Returns 0, or -1 (errno set).
 */
int time_use_zone(const char *name);

/* time_tz_zone returns the IANA zone named by $TZ ("Asia/Shanghai" or ":Asia/Shanghai") if valid, else NULL. Static storage. */
const char *time_tz_zone(void);

#endif
