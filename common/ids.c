/*
 * ids.c - case and complaint ids (SPEC 4.1, 4.3) and provider ids.
 *
 * An id has exactly one spelling: the parser rejects anything the
 * formatter would not produce (lowercase prefix or code, short fields,
 * extra leading zeros), so that two spellings can never name the same
 * case. The site code is part of the key: RS-SZ-20261122-0001 and
 * RS-20261122-0001 are two ids (a site's writers never give both, as
 * the per-day sequence runs across the two forms).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ids.h"
#include "timecal.h"

#define SEQ_MAX_DIGITS 10	/* ID_SEQ_SCALE is 10^10 */
#define YEAR_MIN 1000		/* ids have four-digit years */
#define YEAR_MAX 9999

/* is_leap: proleptic Gregorian. */
static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* valid_ymd: a real calendar date with a four-digit year. */
static int
valid_ymd(int ymd)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100, dim;

	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1)
		return 0;
	dim = mdays[m - 1] + (m == 2 && is_leap(y));
	return d <= dim;
}

/*
 * day_of returns the key's day number of a valid ymd: 1 on YEAR_MIN-01-01.
 * Never 0, so that no id_day is 0, which idmap and kindex take for
 * "none".
 */
static uint64_t
day_of(int ymd)
{
	return (uint64_t)(days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100) -
	    days_from_civil(YEAR_MIN, 1, 1) + 1);
}

/* The date of the last id id_parse accepted, as a day number (per thread: no lock). */
static _Thread_local struct {
	int ok;
	char text[8];
	uint64_t day;
} last_date;

/*
 * The site codes met so far: index 0 is "no code". An entry is written
 * once, under the lock, before ncodes counts it, so readers scan the
 * first ncodes entries without the lock.
 */
#define NCODES (1 << ID_CODE_BITS)
static char codes[NCODES][ID_CODE_MAX + 1];
static _Atomic unsigned ncodes = 1;
static pthread_mutex_t codes_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned site_code;	/* the index new ids carry */

/* The code of the last coded id id_parse read (per thread). */
static _Thread_local struct {
	size_t len;
	char text[ID_CODE_MAX];
	unsigned idx;
} last_code;

/* code_find returns the index of code s[0..n) among the first lim entries, or 0. */
static unsigned
code_find(const char *s, size_t n, unsigned lim)
{
	unsigned i;

	for (i = 1; i < lim; i++)
		if (strlen(codes[i]) == n && memcmp(codes[i], s, n) == 0)
			return i;
	return 0;
}

/* code_index returns the index of valid code s[0..n), adding it if new; 0 if the table is full. */
static unsigned
code_index(const char *s, size_t n)
{
	unsigned i;

	if (last_code.idx != 0 && last_code.len == n &&
	    memcmp(last_code.text, s, n) == 0)
		return last_code.idx;
	if ((i = code_find(s, n, atomic_load(&ncodes))) == 0) {
		pthread_mutex_lock(&codes_lock);
		if ((i = code_find(s, n, atomic_load(&ncodes))) == 0 &&
		    atomic_load(&ncodes) < NCODES) {
			i = atomic_load(&ncodes);
			memcpy(codes[i], s, n);
			codes[i][n] = '\0';
			atomic_store(&ncodes, i + 1);
		}
		pthread_mutex_unlock(&codes_lock);
		if (i == 0)
			return 0;
	}
	memcpy(last_code.text, s, n);
	last_code.len = n;
	last_code.idx = i;
	return i;
}

int
id_code_valid(const char *s, size_t n)
{
	size_t i;
	int letter = 0;

	if (n < 2 || n > ID_CODE_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			letter = 1;
		else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return letter;
}

int
id_set_site_code(const char *code)
{
	unsigned i;

	if (code == NULL || *code == '\0') {
		site_code = 0;
		return 0;
	}
	if (!id_code_valid(code, strlen(code)) ||
	    (i = code_index(code, strlen(code))) == 0)
		return -1;
	site_code = i;
	return 0;
}

/* digits parses n decimal digits at s into *v; returns 0 or -1. */
static int
digits(const char *s, size_t n, uint64_t *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (uint64_t)(s[i] - '0');
	}
	return 0;
}

int
id_parse(const char *s, size_t n, const char *prefix, uint64_t *key)
{
	size_t plen = strlen(prefix), seqlen, clen;
	uint64_t ymd, day, seq;
	unsigned code = 0;

	if (n < plen + 1 || memcmp(s, prefix, plen) != 0 || s[plen] != '-')
		return -1;
	s += plen + 1;
	n -= plen + 1;
	/*
	 * A code has a letter, so eight digits and a '-' are a date:
	 * PREFIX-YYYYMMDD-NNNN; anything else is PREFIX-CODE-YYYYMMDD-NNNN.
	 */
	for (clen = 0; clen < n && clen <= ID_CODE_MAX && s[clen] != '-'; clen++)
		;
	if (clen < n && s[clen] == '-' && id_code_valid(s, clen)) {
		if ((code = code_index(s, clen)) == 0)
			return -1;
		s += clen + 1;
		n -= clen + 1;
	}
	/* YYYYMMDD - NNNN */
	if (n < 8 + 1 + 4 || s[8] != '-')
		return -1;
	/*
	 * Thousands of ids a day share the date: the last good one is
	 * remembered, as a journal scan parses an id in every row.
	 */
	if (last_date.ok && memcmp(s, last_date.text, 8) == 0)
		day = last_date.day;
	else {
		if (digits(s, 8, &ymd) == -1 || !valid_ymd((int)ymd))
			return -1;
		day = day_of((int)ymd);
		memcpy(last_date.text, s, 8);
		last_date.day = day;
		last_date.ok = 1;
	}
	s += 9;
	seqlen = n - 9;
	/* More than 4 digits only once 9999 is passed: no "00001". */
	if (seqlen > SEQ_MAX_DIGITS || (seqlen > 4 && s[0] == '0'))
		return -1;
	if (digits(s, seqlen, &seq) == -1 || seq == 0 || seq > ID_SEQ_MAX)
		return -1;
	*key = ((day * ID_SEQ_SCALE + seq) << ID_CODE_BITS) | code;
	return 0;
}

uint64_t
id_key(int ymd, uint64_t seq)
{
	return (day_of(ymd) * ID_SEQ_SCALE + seq) << ID_CODE_BITS;
}

uint64_t
id_key_site(int ymd, uint64_t seq)
{
	return id_key(ymd, seq) | site_code;
}

int
id_date(uint64_t key)
{
	int64_t y;
	int m, d;

	civil_from_days((int64_t)((key >> ID_CODE_BITS) / ID_SEQ_SCALE) - 1 +
	    days_from_civil(YEAR_MIN, 1, 1), &y, &m, &d);
	return (int)y * 10000 + m * 100 + d;
}

uint64_t
id_seq(uint64_t key)
{
	return (key >> ID_CODE_BITS) % ID_SEQ_SCALE;
}

uint64_t
id_day(uint64_t key)
{
	return key - (id_seq(key) << ID_CODE_BITS);
}

char *
id_format(char *buf, const char *prefix, uint64_t key)
{
	unsigned code = (unsigned)(key & (NCODES - 1));

	if (code != 0 && code < atomic_load(&ncodes))
		snprintf(buf, ID_MAX, "%s-%s-%08d-%04llu", prefix, codes[code],
		    id_date(key), (unsigned long long)id_seq(key));
	else
		snprintf(buf, ID_MAX, "%s-%08d-%04llu", prefix, id_date(key),
		    (unsigned long long)id_seq(key));
	return buf;
}

int
id_next(char *buf, const char *prefix, int ymd, uint64_t last, struct rs_err *e)
{
	char day[ID_MAX];

	if (last >= ID_SEQ_MAX) {
		snprintf(day, sizeof(day), "%s-%08d", prefix, ymd);
		return err_set(e, RS_EDATA, day, "no id left on this date: the "
		    "sequence of a day ends at %llu", (unsigned long long)ID_SEQ_MAX);
	}
	id_format(buf, prefix, id_key_site(ymd, last + 1));
	return 0;
}

int
provider_id_valid(const char *s, size_t n)
{
	size_t i;
	char c;

	if (n < 1 || n > 32)
		return 0;
	for (i = 0; i < n; i++) {
		c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return 1;
}
