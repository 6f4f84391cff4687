/*
 * util.c - rs-gen's PRNG (xoshiro256** seeded by splitmix64), local time
 * arithmetic for the fixed Asia/Shanghai zone (+08:00, no DST: integer
 * arithmetic, no libc time zone code), holidays, distances.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gen.h"

static uint64_t	s[4];
/*
 * A second stream for the complaint team's details (handlers, remedy
 * items, flags): drawing them leaves every case of a seed as it was.
 */
static uint64_t	s2[4];

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static void
seed_state(uint64_t *st, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++) {	/* splitmix64 */
		uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		st[i] = z ^ (z >> 31);
	}
}

void
rng_seed(uint64_t seed)
{
	seed_state(s, seed);
	seed_state(s2, seed ^ 0x5445414d5445414dULL);
}

static uint64_t
next(uint64_t *st)
{
	uint64_t r = rotl(st[1] * 5, 7) * 9, t = st[1] << 17;

	st[2] ^= st[0];
	st[3] ^= st[1];
	st[1] ^= st[2];
	st[0] ^= st[3];
	st[2] ^= t;
	st[3] = rotl(st[3], 45);
	return r;
}

uint64_t
rng_u64(void)
{
	return next(s);
}

void
rng_swap(void)
{
	uint64_t t[4];

	memcpy(t, s, sizeof t);
	memcpy(s, s2, sizeof t);
	memcpy(s2, t, sizeof t);
}

int
team_rint_in(int lo, int hi)
{
	return lo + (int)((double)(next(s2) >> 11) * 0x1.0p-53 * (hi - lo + 1));
}

int
team_chance(double p)
{
	return (double)(next(s2) >> 11) * 0x1.0p-53 < p;
}

double
rnd(void)
{
	return (double)(rng_u64() >> 11) * 0x1.0p-53;
}

int
rint_in(int lo, int hi)
{
	return lo + (int)(rnd() * (hi - lo + 1));
}

double
runif(double lo, double hi)
{
	return lo + rnd() * (hi - lo);
}

int
chance(double p)
{
	return rnd() < p;
}

int
rpickw(const int *w, int n)
{
	int i, sum = 0, r;

	for (i = 0; i < n; i++)
		sum += w[i];
	r = (int)(rnd() * sum);
	for (i = 0; i < n - 1; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

/* Howard Hinnant's civil date algorithms */
int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int64_t
local_dayno(int64_t t)
{
	int64_t l = t + TZOFF;

	return l >= 0 ? l / DAY : -((-l + DAY - 1) / DAY);
}

int64_t
local_midnight(int64_t t)
{
	return local_dayno(t) * DAY - TZOFF;
}

int
local_hour(int64_t t)
{
	return (int)((t - local_midnight(t)) / HOUR);
}

int
local_wday(int64_t t)
{
	return (int)(((local_dayno(t) % 7) + 7 + 3) % 7);	/* 1970-01-01 Thu */
}

/* callbacks and complaint calls happen between 09:00 and 21:00 */
int64_t
daytime(int64_t t)
{
	int h = local_hour(t);

	if (h >= 9 && h < 21)
		return t;
	if (h >= 21)
		t += DAY;
	return local_midnight(t) + 9 * HOUR + rint_in(0, 150 * MIN);
}

void
fmt_time(char *b, int64_t t)
{
	int y, m, d;
	int64_t sec = t - local_midnight(t);

	civil_from_days(local_dayno(t), &y, &m, &d);
	snprintf(b, 32, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", y, m, d,
	    (int)(sec / HOUR), (int)(sec / MIN % 60), (int)(sec % 60));
}

void
fmt_date(char *b, int64_t t)
{
	int y, m, d;

	civil_from_days(local_dayno(t), &y, &m, &d);
	snprintf(b, 16, "%04d-%02d-%02d", y, m, d);
}

int
parse_date(const char *str, int64_t *t)
{
	int y, m, d, n = 0;

	if (sscanf(str, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    str[n] != '\0' || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*t = days_from_civil(y, m, d) * DAY - TZOFF;
	return 0;
}

/* public holidays: fixed ones, Qingming, and the Spring Festival week */
int
is_holiday(int64_t t)
{
	static const short sf[][3] = { {2024, 2, 10}, {2025, 1, 29},
	    {2026, 2, 17}, {2027, 2, 6}, {2028, 1, 26}, {2029, 2, 13},
	    {2030, 2, 3}, {2031, 1, 23}, {2032, 2, 11} };
	int y, m, d;
	size_t i;
	int64_t dn = local_dayno(t), s0;

	civil_from_days(dn, &y, &m, &d);
	if ((m == 1 && d == 1) || (m == 5 && d <= 5) || (m == 10 && d <= 7) ||
	    (m == 4 && d >= 4 && d <= 6))
		return 1;
	for (i = 0; i < NELEM(sf); i++) {
		s0 = days_from_civil(sf[i][0], sf[i][1], sf[i][2]) - 1;
		if (dn >= s0 && dn < s0 + 8)
			return 1;
	}
	return 0;
}

double
haversine(double la1, double lo1, double la2, double lo2)
{
	double r = M_PI / 180, a, dl = (la2 - la1) * r, dn = (lo2 - lo1) * r;

	a = sin(dl / 2) * sin(dl / 2) +
	    cos(la1 * r) * cos(la2 * r) * sin(dn / 2) * sin(dn / 2);
	return 2 * 6371.0 * asin(sqrt(a));
}
