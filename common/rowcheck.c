/*
 * rowcheck.c - whole-row validation for the read path, compiled per schema.
 *
 * Profiles of a full scan (a year of journals, 7 million rows) had
 * validation at half the time: a switch and a function call per value,
 * strlen of every enum spelling, the "required" rule re-read, a
 * timestamp parse of 150 instructions. Here each column gets one
 * operation decided once, and the quick checks answer only "good"; a
 * value they do not vouch for goes to schema_check_value, which decides
 * and words the problem, so this file changes speed, never verdicts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "ids.h"
#include "row.h"
#include "rowcheck.h"
#include "schema.h"
#include "timefmt.h"

enum op {
	OP_SLOW, OP_TEXT, OP_TS, OP_ID, OP_PROVIDER, OP_ENUM, OP_INT, OP_MINUTES, OP_YN,
	OP_NUM, OP_MONEY, OP_LAT, OP_LON, OP_PHONE, OP_PLATE
};
enum req { REQ_NO, REQ_YES, REQ_IF };

/* A string of the schema with its length: enum spellings, "required" values. */
struct word {
	const char *p;
	size_t n;
};

struct plan_column {
	unsigned char op, req;
	int dep;		/* REQ_IF: the column whose value decides */
	struct word *words;	/* REQ_IF: the values of dep that make this column required */
	int nwords;
	struct word *enums;	/* OP_ENUM: the spellings */
	int nenums;
	int hint;		/* OP_ENUM: the spelling matched last, tried first */
};

/*
 * The last timestamp parsed: a journal writes thousands of rows a day in
 * one zone, so most timestamps share date and offset with the one before
 * and only the clock differs. base is the time of that date's 00:00:00
 * in that offset.
 */
struct ts_cache {
	size_t n;		/* 25 ("+08:00") or 20 ("Z"); 0 = empty */
	uint64_t date8, zone4;	/* bytes 0..7 and 19..22 of the text */
	uint16_t date2, zone2;	/* bytes 8..9 and 23..24 */
	rs_time base;
};

struct rowcheck {
	const struct schema *s;
	struct plan_column *cols;
	int at_check;		/* columns 0 and 1 are ts and at: at <= ts + 5 min */
	struct ts_cache tc;
	char id_head[ID_MAX];	/* the last good id with a 4-digit sequence, less that sequence */
	size_t id_len;		/* its length (0: none yet) */
	uint64_t id_base;	/* its key less its sequence */
	int case_col;		/* column case_id, or -1 */
	unsigned char *enums;	/* the last good row's enum indexes (row->enums) */
};

/* plan_required takes the required rule schemagen.awk compiled, with the lengths of its values. */
static void
plan_required(struct plan_column *pc, const struct column *c)
{
	const char *const *v;

	pc->req = c->req_all ? REQ_YES : c->req_dep >= 0 ? REQ_IF : REQ_NO;
	if (pc->req != REQ_IF)
		return;
	pc->dep = c->req_dep;
	for (v = c->req_values; *v != NULL; v++) {
		pc->words = xrealloc(pc->words, ((size_t)pc->nwords + 1) * sizeof(*pc->words));
		pc->words[pc->nwords].p = *v;
		pc->words[pc->nwords++].n = strlen(*v);
	}
}

static void
plan_column(const struct schema *s, const struct column *c, struct plan_column *pc)
{
	int i;

	pc->dep = -1;
	plan_required(pc, c);
	switch (c->type) {
	case COL_TEXT:
		pc->op = OP_TEXT;
		break;
	case COL_TS:
		pc->op = OP_TS;
		break;
	case COL_ID:
		/* Case and complaint ids; provider ids are free-form and rare. */
		pc->op = c->values[0] && strcmp(c->values, "provider") != 0 ? OP_ID : OP_PROVIDER;
		break;
	case COL_ENUM:
		pc->op = OP_ENUM;
		pc->enums = xcalloc((size_t)c->n_enums + 1, sizeof(*pc->enums));
		for (i = 0; i < c->n_enums; i++) {
			pc->enums[i].p = c->enums[i];
			pc->enums[i].n = strlen(c->enums[i]);
		}
		pc->nenums = c->n_enums;
		break;
	case COL_INT:
		pc->op = OP_INT;
		break;
	case COL_MINUTES:
		pc->op = OP_MINUTES;
		break;
	case COL_YN:
		pc->op = OP_YN;
		break;
	case COL_NUM:
		pc->op = OP_NUM;
		break;
	case COL_MONEY:
		pc->op = OP_MONEY;
		break;
	case COL_LAT:
		pc->op = OP_LAT;
		break;
	case COL_LON:
		pc->op = OP_LON;
		break;
	case COL_PHONE:
		pc->op = OP_PHONE;
		break;
	case COL_PLATE:
		pc->op = OP_PLATE;
		break;
	default:
		pc->op = OP_SLOW;
		break;
	}
}

struct rowcheck *
rowcheck_new(const struct schema *s)
{
	struct rowcheck *rc = xcalloc(1, sizeof(*rc));
	int i;

	rc->s = s;
	rc->cols = xcalloc((size_t)s->n + 1, sizeof(*rc->cols));
	rc->enums = xcalloc((size_t)s->n + 1, 1);
	for (i = 0; i < s->n; i++)
		plan_column(s, &s->cols[i], &rc->cols[i]);
	rc->at_check = s->n >= 2 && s->cols[0].type == COL_TS && s->cols[1].type == COL_TS &&
	    strcmp(s->cols[1].name, "at") == 0;
	rc->case_col = schema_column(s, "case_id");
	if (rc->case_col >= 0 && rc->cols[rc->case_col].op != OP_ID)
		rc->case_col = -1;
	return rc;
}

void
rowcheck_free(struct rowcheck *rc)
{
	int i;

	if (rc == NULL)
		return;
	for (i = 0; i < rc->s->n; i++) {
		free(rc->cols[i].words);
		free(rc->cols[i].enums);
	}
	free(rc->cols);
	free(rc->enums);
	free(rc);
}

/* two is the number of the two digits at s, or -1. */
static inline int
two(const char *s)
{
	unsigned a = (unsigned)(unsigned char)s[0] - '0', b = (unsigned)(unsigned char)s[1] - '0';

	return a > 9 || b > 9 ? -1 : (int)(a * 10 + b);
}

/* clock_of is the seconds of the day of "....-..-..THH:MM:SS...", or -1 if malformed. */
static inline int
clock_of(const char *s)
{
	int h = two(s + 11), mi = two(s + 14), sec = two(s + 17);

	if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || sec < 0 || sec > 59)
		return -1;
	return h * 3600 + mi * 60 + sec;
}

/* load8, load4, load2 read unaligned bytes (memcpy of a constant size compiles to one load). */
static inline uint64_t
load8(const char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return x;
}

static inline uint32_t
load4(const char *s)
{
	uint32_t x;

	memcpy(&x, s, 4);
	return x;
}

static inline uint16_t
load2(const char *s)
{
	uint16_t x;

	memcpy(&x, s, 2);
	return x;
}

/* zone_of packs the offset of a 25-byte time ("+08:00") or the "Z" of a 20-byte one. */
static inline void
zone_of(const char *s, size_t n, uint64_t *z4, uint16_t *z2)
{
	if (n == 25) {
		*z4 = load4(s + 19);
		*z2 = load2(s + 23);
	} else {
		*z4 = (unsigned char)s[19];
		*z2 = 0;
	}
}

/* ts_parse is time_parse_ts, through the cache when date and offset repeat. */
static int
ts_parse(struct ts_cache *tc, const char *s, size_t n, rs_time *t)
{
	uint64_t z4;
	uint16_t z2;
	int hms;

	if (n == tc->n && load8(s) == tc->date8 && load2(s + 8) == tc->date2) {
		zone_of(s, n, &z4, &z2);
		if (z4 == tc->zone4 && z2 == tc->zone2 && (hms = clock_of(s)) >= 0) {
			*t = tc->base + hms;
			return 0;
		}
	}
	if (time_parse_ts(s, n, t) == -1)
		return -1;
	/* Good, so n is 20 or 25, the clock is well formed, the date and offset hold. */
	tc->n = n;
	tc->date8 = load8(s);
	tc->date2 = load2(s + 8);
	zone_of(s, n, &tc->zone4, &tc->zone2);
	tc->base = *t - clock_of(s);
	return 0;
}

/*
 * id_quick says whether v is the last good id of a 4-digit sequence
 * ("XX-[CODE-]YYYYMMDD-NNNN") with another sequence NNNN, not 0000.
 */
static int
id_quick(const struct rowcheck *rc, const char *v, size_t n, uint64_t *key)
{
	int hi, lo;

	if (n != rc->id_len || memcmp(v, rc->id_head, n - 4) != 0 ||
	    (hi = two(v + n - 4)) < 0 || (lo = two(v + n - 2)) < 0 || hi + lo == 0)
		return 0;
	*key = rc->id_base + ((uint64_t)(hi * 100 + lo) << ID_CODE_BITS);
	return 1;
}

/* id_check validates an id of prefix and sets *key; returns 0 or -1. */
static int
id_check(struct rowcheck *rc, const char *prefix, const char *v, size_t n, uint64_t *key)
{
	if (id_quick(rc, v, n, key))
		return 0;
	if (id_parse(v, n, prefix, key) == -1)
		return -1;
	/* The ids of one date and form differ in their last 4 digits only. */
	if (n < sizeof(rc->id_head) && v[n - 5] == '-') {
		memcpy(rc->id_head, v, n - 4);
		rc->id_len = n;
		rc->id_base = id_day(*key);
	}
	return 0;
}

/* enum_index returns the index of v[0..n) among pc's spellings, or -1; the one matched last first. */
static int
enum_index(struct plan_column *pc, const char *v, size_t n)
{
	const struct word *w;
	size_t k;
	int i, j;

	/* Spellings are a few bytes: a byte loop beats a call to memcmp. */
	for (j = 0; j < pc->nenums; j++) {
		i = j == 0 ? pc->hint : j <= pc->hint ? j - 1 : j;
		w = &pc->enums[i];
		if (w->n != n || w->p[0] != v[0])
			continue;
		for (k = 1; k < n && w->p[k] == v[k]; k++)
			;
		if (k == n)
			return pc->hint = i;
	}
	return -1;
}

/*
 * dec_quick says whether v is -?D{1,15}(.D+)? (the schema's decimal
 * syntax) with at most maxfrac decimals (-1: any), no minus sign unless
 * neg_ok; *neg and *ip get the sign and the integer part (capped at
 * 1000, enough for the range checks made here).
 */
static int
dec_quick(const char *v, size_t n, int neg_ok, int maxfrac, int *neg, int *ip)
{
	size_t i = 0, digits, frac = 0;
	int dot = 0;

	*neg = 0;
	*ip = 0;
	if (n >= 64)
		return 0;
	if (n > 0 && v[0] == '-') {
		if (!neg_ok)
			return 0;
		*neg = 1;
		i++;
	}
	for (digits = 0; i < n && v[i] >= '0' && v[i] <= '9'; i++, digits++)
		if (*ip < 1000)
			*ip = *ip * 10 + (v[i] - '0');
	if (i < n && v[i] == '.')
		for (dot = 1, i++; i < n && v[i] >= '0' && v[i] <= '9'; i++)
			frac++;
	return i == n && digits > 0 && digits <= 15 && (!dot || frac > 0) &&
	    (maxfrac < 0 || frac <= (size_t)maxfrac);
}

/* num_quick: a number >= 0 with no upper bound holds whatever its digits, as in schema.c. */
static int
num_quick(const struct column *c, const char *v, size_t n)
{
	int neg, ip;

	return c->has_min && c->min <= 0 && !c->has_max && dec_quick(v, n, 1, -1, &neg, &ip) &&
	    !neg;
}

/* phone_quick: 3 to 20 digits and nothing else, the common case of the phone syntax. */
static int
phone_quick(const char *v, size_t n)
{
	size_t i;

	if (n < 3 || n > 20)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

/*
 * plate_quick: on a clean line, 2 to 12 characters that are ASCII
 * letters and digits or three-byte sequences led by E4..E9 (CJK, as in
 * 粤B12345): none of them is white space, which is all the plate syntax
 * adds to a clean text.
 */
static int
plate_quick(const char *v, size_t n, int clean)
{
	const unsigned char *u = (const unsigned char *)v;
	size_t i = 0, chars = 0;

	if (!clean)
		return 0;
	while (i < n) {
		if ((u[i] >= '0' && u[i] <= '9') || ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z'))
			i++;
		else if (u[i] >= 0xE4 && u[i] <= 0xE9 && n - i >= 3)
			i += 3;
		else
			return 0;
		chars++;
	}
	return chars >= 2 && chars <= 12;
}

/* angle_quick: |v| below lim by its integer part alone cannot fail -lim..lim. */
static int
angle_quick(const char *v, size_t n, int lim)
{
	int neg, ip;

	return dec_quick(v, n, 1, -1, &neg, &ip) && ip < lim;
}

/* int_quick says whether v is 1-15 digits and, for an int column, within its range. */
static int
int_quick(const struct column *c, const char *v, size_t n, int ranged)
{
	long long x = 0;
	size_t i;

	if (n == 0 || n > 15)
		return 0;
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return 0;
		x = x * 10 + (v[i] - '0');
	}
	return !ranged || !((c->has_min && (double)x < c->min) || (c->has_max && (double)x > c->max));
}

static int
required(const struct plan_column *pc, const struct row *row)
{
	int i;

	if (pc->req != REQ_IF)
		return pc->req == REQ_YES;
	if (pc->dep >= row->n)
		return 0;
	for (i = 0; i < pc->nwords; i++)
		if (pc->words[i].n == row->len[pc->dep] &&
		    memcmp(pc->words[i].p, row->v[pc->dep], pc->words[i].n) == 0)
			return 1;
	return 0;
}

/* value_good is the quick look at one non-empty value: 1 = good, 0 = ask schema_check_value. */
static inline int
value_good(struct rowcheck *rc, struct plan_column *pc, const struct column *c,
    const char *v, size_t n, int clean, uint64_t *key, unsigned char *ix)
{
	int i;

	switch (pc->op) {
	case OP_TEXT:
		return clean;
	case OP_ID:
		return id_check(rc, c->values, v, n, key) == 0;
	case OP_ENUM:
		if ((i = enum_index(pc, v, n)) < 0)
			return 0;
		*ix = (unsigned char)(i + 1);
		return 1;
	case OP_INT:
		return int_quick(c, v, n, 1);
	case OP_MINUTES:
		return int_quick(c, v, n, 0);
	case OP_YN:
		return n == 1 && (v[0] == 'y' || v[0] == 'n');
	case OP_PROVIDER:
		return provider_id_valid(v, n);
	case OP_NUM:
		return num_quick(c, v, n);
	case OP_MONEY: {
		int neg, ip;

		return dec_quick(v, n, 0, 2, &neg, &ip);
	}
	case OP_PHONE:
		return phone_quick(v, n);
	case OP_PLATE:
		return plate_quick(v, n, clean);
	case OP_LAT:
		return angle_quick(v, n, 90);
	case OP_LON:
		return angle_quick(v, n, 180);
	default:
		return 0;
	}
}

int
rowcheck_row(struct rowcheck *rc, struct row *row, int clean, int64_t *ts_out,
    char *msg, size_t msgsz)
{
	const struct schema *s = rc->s;
	rs_time ts = RS_TIME_NONE, at = RS_TIME_NONE, t;
	uint64_t key = 0, case_key = 0;
	char why[512];
	int i;

	row->parsed = 0;
	if (ts_out)
		*ts_out = RS_TIME_NONE;
	if (row->n != s->n) {
		snprintf(msg, msgsz, _("wrong number of fields: %d, want %d"), row->n, s->n);
		row->problem = msg;
		row->problem_col = -1;
		return -1;
	}
	memset(rc->enums, 0, (size_t)s->n);
	for (i = 0; i < s->n; i++) {
		struct plan_column *pc = &rc->cols[i];
		const char *v = row->v[i];
		size_t n = row->len[i];

		if (n == 0) {
			if (required(pc, row)) {
				snprintf(msg, msgsz, _("column %s: missing value"), s->cols[i].name);
				goto fail;
			}
			continue;
		}
		if (pc->op == OP_TS) {
			if (ts_parse(&rc->tc, v, n, &t) == 0) {
				if (i == 0)
					ts = t;
				else if (i == 1)
					at = t;
				continue;
			}
		} else if (value_good(rc, pc, &s->cols[i], v, n, clean, &key, &rc->enums[i])) {
			if (i == rc->case_col)
				case_key = key;
			continue;
		}
		if (schema_check_value(&s->cols[i], v, n, why, sizeof(why))) {
			snprintf(msg, msgsz, _("column %s: %s"), s->cols[i].name, why);
			goto fail;
		}
	}
	if (rc->at_check && ts != RS_TIME_NONE && at != RS_TIME_NONE && at > ts + SCHEMA_AT_AHEAD_S) {
		i = 1;
		snprintf(msg, msgsz, _("column at: %s is more than 5 minutes after ts %s"),
		    row->v[1], row->v[0]);
		goto fail;
	}
	if (ts_out && s->cols[0].type == COL_TS)
		*ts_out = ts;
	row->ts = s->cols[0].type == COL_TS ? ts : RS_TIME_NONE;
	row->at = rc->at_check ? at : RS_TIME_NONE;
	row->case_key = case_key;
	row->enums = rc->enums;
	row->parsed = 1;
	return 0;
fail:
	row->problem = msg;
	row->problem_col = i;
	return -1;
}
