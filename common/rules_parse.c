/*
 * rules_parse.c - reading the text of rules.tsv (SPEC 9) into struct
 * rules; see rules_parse in rules.h.
 *
 * The file is small and edited by hand, so it is read whole and checked
 * strictly: an unknown key, a value out of range or a key given twice is
 * an error naming the line, never a silent fallback to a default (a
 * misspelt "sla.dispach_min" must not leave the desk on the wrong SLA).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "ids.h"
#include "rules.h"
#include "rules_keys.h"
#include "timelocal.h"
#include "utf8.h"

#define SHOWN_MAX 64		/* bytes of a bad value quoted in a message */

/* The syntax of each kind of value, as messages state it, and the largest integer. */
static const struct {
	const char *want;
	int max;
} kinds[] = {
	[K_MIN] = { "minutes, 1-10080", 10080 },
	[K_HOUR] = { "hours, 1-8760", 8760 },
	[K_DAY] = { "days, 1-365", 365 },
	[K_COUNT] = { "a count, 1-100", 100 },
	[K_RATIO] = { "a decimal from 0 to 1, at most 9 decimals", 0 },
	[K_SHIFT] = { "HH:MM-HH:MM, two different clock times", 0 },
	[K_ZONE] = { "an IANA zone name of the system, e.g. Asia/Shanghai", 0 },
	[K_CODE] = { "2-8 characters of A-Z and 0-9, at least one a letter", 0 },
};

static int *
int_field(struct rules *r, size_t off)
{
	return (int *)(void *)((char *)r + off);
}

/* parse_int: plain decimal digits (no sign, no space), 1..max. */
static int
parse_int(const char *s, size_t n, int max, int *v)
{
	size_t i;
	long x = 0;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
		if (x > max)
			return -1;
	}
	if (x < 1)
		return -1;
	*v = (int)x;
	return 0;
}

/*
 * parse_ratio: "D[.DDDDDDDDD]" in [0,1]. Done by hand rather than with
 * strtod, which follows LC_NUMERIC and accepts hex, exponents and "nan".
 * The digits make an exact integer divided by an exact power of ten, so
 * the result is the double nearest to the decimal, as strtod would give.
 */
static int
parse_ratio(const char *s, size_t n, double *v)
{
	uint64_t m = 0, scale = 1;
	size_t i = 0, ndig = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9') {
		m = m * 10 + (uint64_t)(s[i++] - '0');
		if (m > 1)
			return -1;
	}
	if (i == 0)
		return -1;
	if (i < n && s[i] == '.') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++ndig > 9)
				return -1;
			m = m * 10 + (uint64_t)(s[i] - '0');
			scale *= 10;
		}
		if (ndig == 0)
			return -1;
	}
	if (i != n || m > scale)
		return -1;
	*v = (double)m / (double)scale;
	return 0;
}

/* parse_clock: "HH:MM", 00:00..23:59, as minutes after midnight. */
static int
parse_clock(const char *s, int *min)
{
	int i, h, m;

	for (i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return -1;
	if (s[2] != ':')
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	*min = h * 60 + m;
	return 0;
}

/*
 * parse_shift: "HH:MM-HH:MM". A shift may run past midnight (night);
 * equal ends are refused: zero hours and twenty-four read the same.
 */
static int
parse_shift(const char *s, size_t n, int *start, int *end)
{
	if (n != 11 || s[5] != '-')
		return -1;
	if (parse_clock(s, start) == -1 || parse_clock(s + 6, end) == -1)
		return -1;
	return *start == *end ? -1 : 0;
}

/* set_value parses v[0..n) for key k into r; returns 0 or -1. */
static int
set_value(const struct rule_key *k, const char *v, size_t n, struct rules *r)
{
	double d;
	int x, y;

	char name[RULES_TEXT_MAX];

	switch (k->kind) {
	case K_ZONE:
		if (n >= sizeof(name))
			return -1;
		memcpy(name, v, n);
		name[n] = '\0';
		if (!time_zone_valid(name))
			return -1;
		memcpy((char *)r + k->off, name, n + 1);
		return 0;
	case K_CODE:
		if (!id_code_valid(v, n))
			return -1;
		memcpy((char *)r + k->off, v, n);
		((char *)r + k->off)[n] = '\0';
		return 0;
	case K_RATIO:
		if (parse_ratio(v, n, &d) == -1)
			return -1;
		*(double *)(void *)((char *)r + k->off) = d;
		return 0;
	case K_SHIFT:
		if (parse_shift(v, n, &x, &y) == -1)
			return -1;
		*int_field(r, k->off) = x;
		*int_field(r, k->off2) = y;
		return 0;
	default:
		if (parse_int(v, n, kinds[k->kind].max, &x) == -1)
			return -1;
		*int_field(r, k->off) = x;
		return 0;
	}
}

/*
 * shown appends s[0..n) for quoting in a message: terminal-safe, and cut
 * (at a character boundary, s being valid UTF-8) if long.
 */
static void
shown(struct buf *b, const char *s, size_t n)
{
	size_t cut = n;

	if (n > SHOWN_MAX) {
		cut = SHOWN_MAX;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	utf8_sanitize(b, s, cut);
	if (cut < n)
		buf_adds(b, "...");
}

/* line_err sets e to RS_EDATA at "name:line". */
static int
line_err(struct rs_err *e, const char *name, size_t line, const char *msg)
{
	char where[256];

	snprintf(where, sizeof(where), "%s:%zu", name, line);
	return err_set(e, RS_EDATA, where, "%s", msg);
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * parse_line handles one line (without its newline) into r, recording in
 * seen[] the line each key was set on. Returns 0 or -1 with msg filled.
 */
static int
parse_line(const char *s, size_t n, size_t lineno, struct rules *r,
    size_t seen[], struct buf *msg)
{
	const char *problem, *key, *val;
	size_t klen, vlen, i;

	if (memchr(s, '\0', n) != NULL) {
		buf_adds(msg, "NUL byte");
		return -1;
	}
	if (n > 0 && s[n - 1] == '\r')
		n--;		/* CRLF, from an editor on another system */
	if ((problem = utf8_text_problem(s, n)) != NULL) {
		buf_adds(msg, problem);
		return -1;
	}
	while (n > 0 && is_blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	if (n == 0 || s[0] == '#')
		return 0;

	key = s;
	for (klen = 0; klen < n && !is_blank(s[klen]); klen++)
		;
	for (val = s + klen, vlen = n - klen; vlen > 0 && is_blank(*val); val++)
		vlen--;
	for (i = 0; i < RULES_NKEYS; i++)
		if (strlen(rules_keys[i].name) == klen &&
		    memcmp(rules_keys[i].name, key, klen) == 0)
			break;
	if (i == RULES_NKEYS) {
		buf_adds(msg, "unknown rule '");
		shown(msg, key, klen);
		buf_adds(msg, "'");
		return -1;
	}
	if (vlen == 0) {
		buf_printf(msg, "missing value for %s", rules_keys[i].name);
		return -1;
	}
	if (seen[i] != 0) {
		buf_printf(msg, "duplicate rule %s", rules_keys[i].name);
		return -1;
	}
	if (set_value(&rules_keys[i], val, vlen, r) == -1) {
		buf_adds(msg, "bad value '");
		shown(msg, val, vlen);
		buf_printf(msg, "' for %s (want %s)", rules_keys[i].name,
		    kinds[rules_keys[i].kind].want);
		return -1;
	}
	seen[i] = lineno;
	return 0;
}

int
rules_parse(const char *text, size_t n, const char *name, struct rules *r,
    struct rs_err *e)
{
	struct rules tmp = *r;	/* r changes only if the whole text is good */
	struct buf msg = BUF_INIT;
	size_t seen[RULES_NKEYS] = { 0 };
	size_t pos = 0, lineno = 0, len, last;
	const char *nl;

	while (pos < n) {
		lineno++;
		nl = memchr(text + pos, '\n', n - pos);
		len = nl != NULL ? (size_t)(nl - (text + pos)) : n - pos;
		if (parse_line(text + pos, len, lineno, &tmp, seen, &msg) == -1) {
			line_err(e, name, lineno, msg.p);
			buf_free(&msg);
			return -1;
		}
		pos += len + 1;
	}
	/*
	 * The second callback window is checked once every line is in, so
	 * that the two ends can be set in either order; the error names
	 * whichever of the two lines came last.
	 */
	if ((seen[RULES_KEY_SECOND_FROM] || seen[RULES_KEY_SECOND_TO]) &&
	    tmp.callback_second_from_d > tmp.callback_second_to_d) {
		last = seen[RULES_KEY_SECOND_FROM] > seen[RULES_KEY_SECOND_TO] ?
		    seen[RULES_KEY_SECOND_FROM] : seen[RULES_KEY_SECOND_TO];
		buf_printf(&msg, "callback.second_from_d (%d) is after "
		    "callback.second_to_d (%d)", tmp.callback_second_from_d,
		    tmp.callback_second_to_d);
		line_err(e, name, last, msg.p);
		buf_free(&msg);
		return -1;
	}
	buf_free(&msg);
	*r = tmp;
	return 0;
}
