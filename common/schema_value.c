/*
 * schema_value.c - the syntax and range of one column value, by column
 * type (SPEC 4): times, ids, enums and lists, numbers, money, text,
 * phones, plates, y/n, dates; see schema_value.h.
 *
 * Every non-empty journal value that is not clean text or a good ts
 * comes here, so the common cases avoid strtod and strlen; a problem is
 * reported as a short translated reason quoting the value.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "ids.h"
#include "schema.h"
#include "schema_value.h"
#include "timefmt.h"
#include "utf8.h"

int
schema_enum_index(const struct column *c, const char *v, size_t n)
{
	int i;

	/* First byte first: most values differ there, and strlen is saved. */
	for (i = 0; i < c->n_enums; i++)
		if (n > 0 && c->enums[i][0] == v[0] && strlen(c->enums[i]) == n &&
		    memcmp(c->enums[i], v, n) == 0)
			return i;
	return -1;
}

/* decimal parses -?D+(.D+)? with at most maxfrac decimals (-1: any); returns 0 and sets *x. */
static int
decimal(const char *v, size_t n, int allow_neg, int maxfrac, double *x)
{
	size_t i = 0, digits = 0, frac = 0;
	char tmp[64];

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	if (v[0] == '-') {
		if (!allow_neg)
			return -1;
		i++;
	}
	for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
		digits++;
	if (i < n && v[i] == '.') {
		for (i++; i < n && v[i] >= '0' && v[i] <= '9'; i++)
			frac++;
		if (frac == 0)
			return -1;
	}
	if (i != n || digits == 0 || digits > 15 || (maxfrac >= 0 && frac > (size_t)maxfrac))
		return -1;
	if (x == NULL)
		return 0;	/* the syntax is all that was asked: no strtod */
	memcpy(tmp, v, n);
	tmp[n] = '\0';
	*x = strtod(tmp, NULL);
	return 0;
}

/*
 * small_abs says whether the decimal v[0..n) (syntax already checked)
 * is smaller than lim in absolute value by its integer part alone: then
 * a range check of -lim..lim cannot fail, whatever strtod rounds the
 * fraction to, and the strtod of every lat and lon of a journal is
 * saved (it showed in profiles of full scans).
 */
static int
small_abs(const char *v, size_t n, int lim)
{
	size_t i = v[0] == '-';
	int ip = 0;

	for (; i < n && v[i] != '.'; i++) {
		ip = ip * 10 + (v[i] - '0');
		if (ip >= lim)
			return 0;
	}
	return 1;
}

static int
integer(const char *v, size_t n, int allow_neg, long long *x)
{
	size_t i = 0;
	long long val = 0;
	int neg = 0;

	if (n > 0 && v[0] == '-' && allow_neg) {
		neg = 1;
		i++;
	}
	if (i == n || n - i > 15)
		return -1;
	for (; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		val = val * 10 + (v[i] - '0');
	}
	*x = neg ? -val : val;
	return 0;
}

static int
phone_ok(const char *v, size_t n)
{
	size_t i = 0, digits = 0;

	if (n > 0 && v[0] == '+')
		i++;
	for (; i < n; i++) {
		if (v[i] >= '0' && v[i] <= '9')
			digits++;
		else if (v[i] != ' ' && v[i] != '-')
			return 0;
	}
	return digits >= 3 && digits <= 20 && v[0] != ' ' && v[n - 1] != ' ';
}

static int
plate_ok(const char *v, size_t n)
{
	size_t i, chars = 0;

	if (!utf8_valid(v, n) || utf8_text_problem(v, n))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];

		if (c == ' ' || c == '\t' || c == '\n')
			return 0;
		if ((c & 0xC0) != 0x80)
			chars++;
	}
	/* Unicode white space: no-break, Ogham, en quad..hair, separators, narrow, math, ideographic. */
	for (i = 0; i + 1 < n; i++) {
		const unsigned char *u = (const unsigned char *)v + i;

		if ((u[0] == 0xC2 && u[1] == 0xA0) ||
		    (i + 2 < n && u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80) ||
		    (i + 2 < n && u[0] == 0xE2 && u[1] == 0x80 &&
		    ((u[2] >= 0x80 && u[2] <= 0x8A) || u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF)) ||
		    (i + 2 < n && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) ||
		    (i + 2 < n && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80))
			return 0;
	}
	return chars >= 2 && chars <= 12;
}

static const char *
quoted(const char *v, size_t n, struct buf *b)
{
	size_t cut = n > 40 ? 40 : n;

	while (cut < n && cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80)
		cut--;
	buf_addc(b, '\'');
	utf8_sanitize(b, v, cut);
	if (cut < n)
		buf_adds(b, "...");
	buf_addc(b, '\'');
	return b->p;
}

static const char *
bad(char *msg, size_t msgsz, const char *what, const char *v, size_t n, const char *want)
{
	struct buf b = BUF_INIT;

	quoted(v, n, &b);
	if (want)
		snprintf(msg, msgsz, _("%s %s (want %s)"), _(what), b.p, want);
	else
		snprintf(msg, msgsz, "%s %s", _(what), b.p);
	buf_free(&b);
	return msg;
}

static const char *
range_problem(const struct column *c, double x, const char *v, size_t n, char *msg, size_t msgsz)
{
	char want[64];

	if ((c->has_min && x < c->min) || (c->has_max && x > c->max)) {
		if (c->has_max)
			snprintf(want, sizeof(want), "%g..%g", c->min, c->max);
		else
			snprintf(want, sizeof(want), ">= %g", c->min);
		return bad(msg, msgsz, "out of range", v, n, want);
	}
	return NULL;
}

static const char *
enum_problem(const struct column *c, const char *v, size_t n, char *msg, size_t msgsz)
{
	struct buf want = BUF_INIT;
	const char *r;
	int i;

	for (i = 0; i < c->n_enums; i++) {
		if (i)
			buf_addc(&want, '|');
		buf_adds(&want, c->enums[i]);
	}
	r = bad(msg, msgsz, "unknown value", v, n, want.p);
	buf_free(&want);
	return r;
}

const char *
schema_check_value(const struct column *c, const char *v, size_t n, char *msg, size_t msgsz)
{
	const char *p, *end, *comma;
	long long ix;
	double x;
	rs_time t;
	uint64_t key;
	int ymd;

	switch (c->type) {
	case COL_TS:
		return time_parse_ts(v, n, &t) == 0 ? NULL : bad(msg, msgsz, "bad time", v, n, NULL);
	case COL_ID:
		if (c->values[0] && strcmp(c->values, "provider") != 0)
			return id_parse(v, n, c->values, &key) == 0 ? NULL :
			    bad(msg, msgsz, "bad id", v, n, NULL);
		return provider_id_valid(v, n) ? NULL : bad(msg, msgsz, "bad provider id", v, n, NULL);
	case COL_ENUM:
		return schema_enum_index(c, v, n) >= 0 ? NULL : enum_problem(c, v, n, msg, msgsz);
	case COL_LIST:
		for (p = v, end = v + n; p <= end; p = comma + 1) {
			comma = memchr(p, ',', (size_t)(end - p));
			if (comma == NULL)
				comma = end;
			if (schema_enum_index(c, p, (size_t)(comma - p)) < 0)
				return enum_problem(c, p, (size_t)(comma - p), msg, msgsz);
		}
		return NULL;
	case COL_INT:
		if (integer(v, n, 1, &ix) < 0)
			return bad(msg, msgsz, "bad integer", v, n, NULL);
		return range_problem(c, (double)ix, v, n, msg, msgsz);
	case COL_MINUTES:
		return integer(v, n, 0, &ix) == 0 ? NULL : bad(msg, msgsz, "bad minutes", v, n, NULL);
	case COL_NUM:
		/* ">= 0" of a number without a minus sign holds whatever its digits: no strtod. */
		if (c->has_min && c->min <= 0 && !c->has_max && v[0] != '-' &&
		    decimal(v, n, 1, -1, NULL) == 0)
			return NULL;
		if (decimal(v, n, 1, -1, &x) < 0)
			return bad(msg, msgsz, "bad number", v, n, NULL);
		return range_problem(c, x, v, n, msg, msgsz);
	case COL_MONEY:
		return decimal(v, n, 0, 2, NULL) == 0 ? NULL : bad(msg, msgsz, "bad amount", v, n, NULL);
	case COL_LAT:
		if (decimal(v, n, 1, -1, NULL) == 0 && small_abs(v, n, 90))
			return NULL;
		return decimal(v, n, 1, -1, &x) == 0 && x >= -90 && x <= 90 ? NULL :
		    bad(msg, msgsz, "bad latitude", v, n, "-90..90");
	case COL_LON:
		if (decimal(v, n, 1, -1, NULL) == 0 && small_abs(v, n, 180))
			return NULL;
		return decimal(v, n, 1, -1, &x) == 0 && x >= -180 && x <= 180 ? NULL :
		    bad(msg, msgsz, "bad longitude", v, n, "-180..180");
	case COL_TEXT:
		if ((p = utf8_text_problem(v, n)) != NULL) {
			snprintf(msg, msgsz, _("bad text: %s"), p);
			return msg;
		}
		return NULL;
	case COL_PHONE:
		return phone_ok(v, n) ? NULL : bad(msg, msgsz, "bad phone", v, n, NULL);
	case COL_PLATE:
		return plate_ok(v, n) ? NULL : bad(msg, msgsz, "bad plate", v, n, NULL);
	case COL_YN:
		return n == 1 && (v[0] == 'y' || v[0] == 'n') ? NULL :
		    bad(msg, msgsz, "bad value", v, n, "y or n");
	case COL_DATE:
		return time_parse_date(v, n, &ymd) == 0 ? NULL : bad(msg, msgsz, "bad date", v, n, NULL);
	}
	return NULL;
}
