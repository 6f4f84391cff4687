/*
 * ids.c - case and complaint ids (SPEC 4.1, 4.3) and provider ids.
 *
 * An id has exactly one spelling: the parser rejects anything the
 * formatter would not produce (lowercase prefix, short fields, extra
 * leading zeros), so that two spellings can never name the same case.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ids.h"

#define SEQ_MAX_DIGITS 7	/* ID_SEQ_SCALE is 10^7 */

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

	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	dim = mdays[m - 1] + (m == 2 && is_leap(y));
	return d <= dim;
}

/* The date of the last id id_parse accepted (per thread: no lock). */
static _Thread_local struct {
	int ok;
	char text[8];
	uint64_t ymd;
} last_date;

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
	size_t plen = strlen(prefix), seqlen;
	uint64_t ymd, seq;

	/* PREFIX - YYYYMMDD - NNNN */
	if (n < plen + 1 + 8 + 1 + 4)
		return -1;
	if (memcmp(s, prefix, plen) != 0 || s[plen] != '-' || s[plen + 9] != '-')
		return -1;
	/*
	 * Thousands of ids a day share the date: the last good one is
	 * remembered, as a journal scan parses an id in every row.
	 */
	if (last_date.ok && memcmp(s + plen + 1, last_date.text, 8) == 0)
		ymd = last_date.ymd;
	else {
		if (digits(s + plen + 1, 8, &ymd) == -1 || !valid_ymd((int)ymd))
			return -1;
		memcpy(last_date.text, s + plen + 1, 8);
		last_date.ymd = ymd;
		last_date.ok = 1;
	}
	s += plen + 10;
	seqlen = n - (plen + 10);
	/* More than 4 digits only once 9999 is passed: no "00001". */
	if (seqlen > SEQ_MAX_DIGITS || (seqlen > 4 && s[0] == '0'))
		return -1;
	if (digits(s, seqlen, &seq) == -1 || seq == 0)
		return -1;
	*key = id_key((int)ymd, seq);
	return 0;
}

uint64_t
id_key(int ymd, uint64_t seq)
{
	return (uint64_t)ymd * ID_SEQ_SCALE + seq;
}

int
id_date(uint64_t key)
{
	return (int)(key / ID_SEQ_SCALE);
}

uint64_t
id_seq(uint64_t key)
{
	return key % ID_SEQ_SCALE;
}

char *
id_format(char *buf, const char *prefix, uint64_t key)
{
	snprintf(buf, ID_MAX, "%s-%08d-%04llu", prefix, id_date(key),
	    (unsigned long long)id_seq(key));
	return buf;
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
