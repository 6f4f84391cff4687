/*
 * timelocal.h - local time (timelocal.c): the UTC offset of the zone in
 * $TZ, the local calendar fields of a time and the time of a local wall
 * clock. Included by timefmt.h.
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

/* time_local_fields splits t into local calendar fields, stored into the caller's variables (any pointer may be NULL). */
void time_local_fields(rs_time t, int64_t *y, int *mo, int *d, int *h, int *mi, int *s);

/* time_from_local returns the time of a local wall-clock moment (for a DST gap, the later reading). */
rs_time time_from_local(int64_t y, int mo, int d, int h, int mi, int s);

#endif
