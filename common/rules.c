/*
 * rules.c - the tunable rules of SPEC 9: compiled-in defaults, overridden
 * by DIR/rules.tsv.
 *
 * The file is small and edited by hand, so it is read whole and checked
 * strictly: an unknown key, a value out of range or a key given twice is
 * an error naming the line, never a silent fallback to a default (a
 * misspelt "sla.dispach_min" must not leave the desk on the wrong SLA).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "rules.h"
#include "utf8.h"

#define RULES_FILE "rules.tsv"
#define RULES_MAX (1024 * 1024)	/* a rules file is a few hundred bytes */
#define SHOWN_MAX 64		/* bytes of a bad value quoted in a message */

enum kind {
	K_MIN,		/* minutes, 1..10080 (a week) */
	K_HOUR,		/* hours, 1..8760 (a year) */
	K_DAY,		/* days, 1..365 */
	K_COUNT,	/* attempts, 1..100 */
	K_RATIO,	/* decimal in [0,1] */
	K_SHIFT		/* HH:MM-HH:MM */
};

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
};

/*
 * The keys in SPEC 9 order, which is also the order of rules_format. off
 * is the field (the start of a shift), off2 the end of a shift.
 */
#define R(f) offsetof(struct rules, f)
static const struct rule_key {
	const char *name;
	enum kind kind;
	size_t off, off2;
} keys[] = {
	{ "sla.file_min", K_MIN, R(sla_file_min), 0 },
	{ "sla.dispatch_min", K_MIN, R(sla_dispatch_min), 0 },
	{ "sla.notify_min", K_MIN, R(sla_notify_min), 0 },
	{ "sla.arrive_city_min", K_MIN, R(sla_arrive_city_min), 0 },
	{ "sla.arrive_highway_min", K_MIN, R(sla_arrive_highway_min), 0 },
	{ "complaint.contact_h", K_HOUR, R(complaint_contact_h), 0 },
	{ "complaint.resolve_h.1", K_HOUR, R(complaint_resolve_h[1]), 0 },
	{ "complaint.resolve_h.2", K_HOUR, R(complaint_resolve_h[2]), 0 },
	{ "complaint.resolve_h.3", K_HOUR, R(complaint_resolve_h[3]), 0 },
	{ "complaint.resolve_h.4", K_HOUR, R(complaint_resolve_h[4]), 0 },
	{ "callback.service_h", K_HOUR, R(callback_service_h), 0 },
	{ "callback.complaint_h", K_HOUR, R(callback_complaint_h), 0 },
	{ "callback.second_from_d", K_DAY, R(callback_second_from_d), 0 },
	{ "callback.second_to_d", K_DAY, R(callback_second_to_d), 0 },
	{ "callback.max_attempts", K_COUNT, R(callback_max_attempts), 0 },
	{ "callback.expire_d", K_DAY, R(callback_expire_d), 0 },
	{ "target.complainant_satisfaction", K_RATIO,
	    R(target_complainant_satisfaction), 0 },
	{ "shift.day", K_SHIFT, R(shift_day_start), R(shift_day_end) },
	{ "shift.night", K_SHIFT, R(shift_night_start), R(shift_night_end) },
};
#undef R

#define NKEYS (sizeof(keys) / sizeof(keys[0]))
#define KEY_SECOND_FROM 12
#define KEY_SECOND_TO 13

static int *
int_field(struct rules *r, size_t off)
{
	return (int *)(void *)((char *)r + off);
}

static const int *
cint_field(const struct rules *r, size_t off)
{
	return (const int *)(const void *)((const char *)r + off);
}

void
rules_default(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	r->sla_file_min = 3;
	r->sla_dispatch_min = 5;
	r->sla_notify_min = 8;
	r->sla_arrive_city_min = 30;
	r->sla_arrive_highway_min = 60;
	r->complaint_contact_h = 24;
	r->complaint_resolve_h[1] = 24;
	r->complaint_resolve_h[2] = 48;
	r->complaint_resolve_h[3] = 72;
	r->complaint_resolve_h[4] = 24;
	r->callback_service_h = 24;
	r->callback_complaint_h = 48;
	r->callback_second_from_d = 7;
	r->callback_second_to_d = 15;
	r->callback_max_attempts = 3;
	r->callback_expire_d = 7;
	r->target_complainant_satisfaction = 0.85;
	r->shift_day_start = 8 * 60;
	r->shift_day_end = 20 * 60;
	r->shift_night_start = 20 * 60;
	r->shift_night_end = 8 * 60;
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

	switch (k->kind) {
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
	for (i = 0; i < NKEYS; i++)
		if (strlen(keys[i].name) == klen &&
		    memcmp(keys[i].name, key, klen) == 0)
			break;
	if (i == NKEYS) {
		buf_adds(msg, "unknown rule '");
		shown(msg, key, klen);
		buf_adds(msg, "'");
		return -1;
	}
	if (vlen == 0) {
		buf_printf(msg, "missing value for %s", keys[i].name);
		return -1;
	}
	if (seen[i] != 0) {
		buf_printf(msg, "duplicate rule %s", keys[i].name);
		return -1;
	}
	if (set_value(&keys[i], val, vlen, r) == -1) {
		buf_adds(msg, "bad value '");
		shown(msg, val, vlen);
		buf_printf(msg, "' for %s (want %s)", keys[i].name,
		    kinds[keys[i].kind].want);
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
	size_t seen[NKEYS] = { 0 };
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
	if ((seen[KEY_SECOND_FROM] || seen[KEY_SECOND_TO]) &&
	    tmp.callback_second_from_d > tmp.callback_second_to_d) {
		last = seen[KEY_SECOND_FROM] > seen[KEY_SECOND_TO] ?
		    seen[KEY_SECOND_FROM] : seen[KEY_SECOND_TO];
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

/*
 * read_capped reads all of fd into b, up to RULES_MAX bytes. Returns 0,
 * -1 with errno set, or 1 if the file is larger.
 */
static int
read_capped(int fd, struct buf *b)
{
	ssize_t got;

	for (;;) {
		buf_grow(b, 4096);
		got = read(fd, b->p + b->len, b->cap - b->len - 1);
		if (got == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (got == 0)
			return 0;
		b->len += (size_t)got;
		b->p[b->len] = '\0';
		if (b->len > RULES_MAX)
			return 1;
	}
}

int
rules_load(const char *dir, struct rules *r, struct rs_err *e)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	struct stat st;
	int fd, rc = -1, got;

	rules_default(r);
	buf_printf(&path, "%s/%s", dir, RULES_FILE);
	if ((fd = open(path.p, O_RDONLY | O_CLOEXEC)) == -1) {
		/* No rules.tsv (or no directory yet): the defaults apply. */
		if (errno == ENOENT)
			rc = 0;
		else
			err_set(e, RS_EIO, path.p, "cannot read: %s",
			    strerror(errno));
		buf_free(&path);
		return rc;
	}
	if (fstat(fd, &st) == -1)
		err_set(e, RS_EIO, path.p, "cannot read: %s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		err_set(e, RS_EIO, path.p, "cannot read: %s", strerror(EISDIR));
	else if ((got = read_capped(fd, &text)) == -1)
		err_set(e, RS_EIO, path.p, "cannot read: %s", strerror(errno));
	else if (got == 1)
		err_set(e, RS_EDATA, path.p, "%s too large (over %d bytes)",
		    RULES_FILE, RULES_MAX);
	else
		rc = rules_parse(text.p, text.len, path.p, r, e);
	close(fd);
	buf_free(&text);
	buf_free(&path);
	return rc;
}

/* format_ratio appends v (in [0,1]) in the form parse_ratio reads back. */
static void
format_ratio(struct buf *out, double v)
{
	char frac[16];
	long long u;
	size_t len;

	/* By hand, not "%g": no exponent, no locale decimal comma. */
	if (!(v >= 0))
		v = 0;
	if (v > 1)
		v = 1;
	u = (long long)(v * 1e9 + 0.5);
	if (u % 1000000000 == 0) {
		buf_printf(out, "%lld", u / 1000000000);
		return;
	}
	snprintf(frac, sizeof(frac), "%09lld", u % 1000000000);
	for (len = strlen(frac); len > 1 && frac[len - 1] == '0'; len--)
		;
	buf_printf(out, "%lld.%.*s", u / 1000000000, (int)len, frac);
}

void
rules_format(const struct rules *r, struct buf *out)
{
	const struct rule_key *k;
	const int *a, *b;
	size_t i;

	for (i = 0; i < NKEYS; i++) {
		k = &keys[i];
		buf_adds(out, k->name);
		buf_addc(out, '\t');
		switch (k->kind) {
		case K_RATIO:
			format_ratio(out, *(const double *)(const void *)
			    ((const char *)r + k->off));
			break;
		case K_SHIFT:
			a = cint_field(r, k->off);
			b = cint_field(r, k->off2);
			buf_printf(out, "%02d:%02d-%02d:%02d", *a / 60, *a % 60,
			    *b / 60, *b % 60);
			break;
		default:
			buf_printf(out, "%d", *cint_field(r, k->off));
			break;
		}
		buf_addc(out, '\n');
	}
}
