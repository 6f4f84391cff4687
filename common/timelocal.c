/*
 * timelocal.c - local time (SPEC 3.3, 10): the UTC offset in force at a
 * time, local calendar fields of a time and the time of a local wall
 * clock; see timelocal.h.
 *
 * Everything local goes through one function, time_local_offset, which
 * asks localtime_r once per UTC hour and remembers the answer in a small
 * direct-mapped cache; wall clock to time (time_from_local) is solved
 * with the same offsets, so mktime is never needed.
 *
 * The cache is per thread, not shared: rs-report kpi reads two journals
 * at once. A change of $TZ (tests do it) is noticed on the next call.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "time_internal.h"
#include "timelocal.h"

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
	local = time_civil_days((int64_t)tm.tm_year + 1900, tm.tm_mon + 1,
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

void
time_local_fields(rs_time t, int64_t *y, int *mo, int *d, int *h, int *mi,
    int *s)
{
	int64_t days, yy;
	int sod, mm, dd;

	split_local(t, time_local_offset(t), &days, &sod);
	time_civil_date(days, &yy, &mm, &dd);
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

int
time_in_range(rs_time t)
{
	int ymd = time_local_date(t);

	return ymd >= TIME_FIRST_YMD && ymd <= TIME_LAST_YMD;
}

rs_time
time_range_end(void)
{
	int ymd = TIME_LAST_YMD;

	return time_from_local(ymd / 10000, ymd / 100 % 100, ymd % 100 + 1, 0, 0, 0);
}

const char *
time_range_text(void)
{
	static _Thread_local char text[32];
	int a = TIME_FIRST_YMD, b = TIME_LAST_YMD;

	snprintf(text, sizeof(text), "%04d-%02d-%02d..%04d-%02d-%02d", a / 10000,
	    a / 100 % 100, a % 100, b / 10000, b / 100 % 100, b % 100);
	return text;
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
	local = time_civil_days(y, mo, 1) * SECS_DAY + ((int64_t)d - 1) * SECS_DAY +
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

int
time_local_exists(int64_t y, int mo, int d, int h, int mi, int s)
{
	rs_time t = time_from_local(y, mo, d, h, mi, s);
	int64_t yy;
	int m2, d2, h2, mi2, s2;

	if (t == RS_TIME_NONE)
		return 0;
	/* A gap's wall clock comes back as another reading. */
	time_local_fields(t, &yy, &m2, &d2, &h2, &mi2, &s2);
	return yy == y && m2 == mo && d2 == d && h2 == h && mi2 == mi && s2 == s;
}

/* zone_name_ok: "Area/Place" segments of [A-Za-z0-9_+-], none starting with '.' or '-'. */
static int
zone_name_ok(const char *name)
{
	const char *p;
	int seg = 0;

	if (name[0] == '\0' || strlen(name) >= TIME_ZONE_MAX)
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (*p == '/') {
			if (seg == 0)
				return 0;
			seg = 0;
			continue;
		}
		if (seg == 0 && (*p == '.' || *p == '-'))
			return 0;
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '+' ||
		    *p == '-'))
			return 0;
		seg++;
	}
	return seg > 0;
}

int
time_zone_valid(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[512], magic[4];
	struct stat st;
	int fd, ok = 0;

	if (!zone_name_ok(name))
		return 0;
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	/* A compiled zone file starts with "TZif" (RFC 8536). */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    read(fd, magic, 4) == 4 && memcmp(magic, "TZif", 4) == 0)
		ok = 1;
	close(fd);
	return ok;
}

int
time_use_zone(const char *name)
{
	char tz[TIME_ZONE_MAX + 1];

	if (!time_zone_valid(name)) {
		errno = EINVAL;
		return -1;
	}
	/* ':' makes the C library read the zone file, never a POSIX rule string. */
	snprintf(tz, sizeof(tz), ":%s", name);
	if (setenv("TZ", tz, 1) == -1)
		return -1;
	tz_check();
	return 0;
}

const char *
time_tz_zone(void)
{
	static char name[TIME_ZONE_MAX];
	const char *tz = getenv("TZ");

	if (tz == NULL)
		return NULL;
	if (tz[0] == ':')
		tz++;
	if (strlen(tz) >= sizeof(name) || !time_zone_valid(tz))
		return NULL;
	memcpy(name, tz, strlen(tz) + 1);
	return name;
}
