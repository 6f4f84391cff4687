/*
 * complaint.c - the complaint rules of SPEC 6 and 10: level rule, state
 * machine and deadlines (the fold of the journal is complaint_set.c).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "complaint.h"
#include "i18n.h"
#include "err.h"
#include "i18n.h"
#include "rules.h"

static const char *const state_names[] = {
	[CP_NONE] = "",
	[CP_OPEN] = "open",
	[CP_CONTACTED] = "contacted",
	[CP_INVESTIGATING] = "investigating",
	[CP_RESOLVED] = "resolved",
	[CP_CLOSED] = "closed",
};

static const char *const event_names[CPE_N] = {
	"opened", "escalated", "contacted", "investigated", "resolved",
	"closed", "reopened", "action", "action-done", "assigned", "remedy"
};

static const char *const event_verbs[CPE_N] = {
	"open", "escalate", "contact", "investigate", "resolve",
	"close", "reopen", "add an action", "close an action", "assign",
	"record a remedy"
};

/* The flag words, in the order of the CPF_* bits and of the schema's values. */
static const char *const flag_names[] = { "safety", "media", "legal", "injuries", "repeat" };
#define NFLAGS (sizeof(flag_names) / sizeof(flag_names[0]))

unsigned
cp_flags_parse(const char *v, size_t n)
{
	const char *end = v + n, *q;
	unsigned f = 0;
	size_t i;

	for (; v < end; v = q + 1) {
		for (q = v; q < end && *q != ','; q++)
			;
		for (i = 0; i < NFLAGS; i++)
			if ((size_t)(q - v) == strlen(flag_names[i]) &&
			    memcmp(v, flag_names[i], (size_t)(q - v)) == 0)
				f |= 1u << i;
		if (q == end)
			break;
	}
	return f;
}

char *
cp_flags_format(unsigned flags, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < NFLAGS; i++)
		if (flags & (1u << i))
			n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
			    n ? "," : "", flag_names[i]);
	return buf;
}

int
cp_money_cents(const char *v, size_t n, long long *cents)
{
	long long x = 0;
	size_t i = 0;
	int neg = 0, frac = -1;

	if (n > 0 && (v[0] == '-' || v[0] == '+'))
		neg = v[i++] == '-';
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (v[i] == '.' && frac == -1) {
			frac = 0;
			continue;
		}
		if (v[i] < '0' || v[i] > '9' || frac == 2 || x > 1000000000000000LL)
			return -1;
		x = x * 10 + (v[i] - '0');
		if (frac >= 0)
			frac++;
	}
	if (frac == 0)
		return -1;
	if (frac == -1)
		frac = 0;
	for (; frac < 2; frac++)
		x *= 10;
	*cents = neg ? -x : x;
	return 0;
}

char *
cp_money_format(long long cents, char *buf)
{
	long long a = cents < 0 ? -cents : cents;

	snprintf(buf, 32, "%s%lld.%02lld", cents < 0 ? "-" : "", a / 100, a % 100);
	return buf;
}

const char *
cp_event_name(enum cp_event ev)
{
	return (int)ev < 0 || ev >= CPE_N ? "" : event_names[ev];
}

const char *
cp_state_name(enum cp_state s)
{
	if ((int)s < 0 || s > CP_CLOSED)
		return "";
	return state_names[s];
}

int
cp_event_parse(const char *s, enum cp_event *ev)
{
	int i;

	for (i = 0; i < CPE_N; i++) {
		if (strcmp(s, event_names[i]) == 0) {
			*ev = (enum cp_event)i;
			return 0;
		}
	}
	return -1;
}

const char *
cp_event_verb(enum cp_event ev)
{
	if ((int)ev < 0 || ev >= CPE_N)
		return "";
	return event_verbs[ev];
}

int
cp_level_base(const struct cp_level_facts *f)
{
	const char *cat = f->category != NULL ? f->category : "";

	/* The order is the spec's: the most severe reason wins. */
	if (f->media || f->legal || f->injuries > 0)
		return 4;
	if (f->safety || strcmp(cat, "damage") == 0)
		return 3;
	if (strcmp(cat, "no-show") == 0)
		return 3;
	if (strcmp(cat, "late") == 0) {
		if (f->late_s < 30 * 60)
			return 1;
		if (f->late_s < 60 * 60)
			return 2;
		return 3;
	}
	if (strcmp(cat, "attitude") == 0)
		return 1;
	return 2;
}

int
cp_level(const struct cp_level_facts *f)
{
	int level = cp_level_base(f);

	if (f->repeat && level < 4)
		level++;
	return level;
}

/* cat_is says whether category c is name. */
static int
cat_is(const struct cp_level_facts *f, const char *name)
{
	return f->category != NULL && strcmp(f->category, name) == 0;
}

/* add_reason appends ", reason" (or the first reason) to buf at *n. */
static void
add_reason(char *buf, size_t size, size_t *n, int *first, const char *reason)
{
	if (*n < size)
		*n += (size_t)snprintf(buf + *n, size - *n, "%s%s", *first ? "" : ", ", reason);
	*first = 0;
}

char *
cp_level_explain(const struct cp_level_facts *f, const char *repeat_id, char *buf,
    size_t size)
{
	int base = cp_level_base(f), first = 1;
	long long min = (long long)(f->late_s / 60);
	char t[96];
	size_t n;

	n = (size_t)snprintf(buf, size, _("level %d: "), base);
	/* Every rule of the level that won, in the order of SPEC 6. */
	if (base == 4) {
		if (f->media)
			add_reason(buf, size, &n, &first, "--media");
		if (f->legal)
			add_reason(buf, size, &n, &first, "--legal");
		if (f->injuries > 0) {
			snprintf(t, sizeof(t), _("%lld injured on the case"), f->injuries);
			add_reason(buf, size, &n, &first, t);
		}
	} else if (f->safety || cat_is(f, "damage") || cat_is(f, "no-show")) {
		if (f->safety)
			add_reason(buf, size, &n, &first, "--safety");
		if (cat_is(f, "damage"))
			add_reason(buf, size, &n, &first, _("category damage"));
		if (cat_is(f, "no-show"))
			add_reason(buf, size, &n, &first, _("category no-show"));
	} else if (cat_is(f, "late")) {
		if (!f->arrived && f->late_s < 0)
			snprintf(t, sizeof(t), _("no arrival yet, %lld min before its deadline"), -min);
		else if (!f->arrived)
			snprintf(t, sizeof(t), _("no arrival yet, %lld min past its deadline"), min);
		else if (f->late_s < 0)
			snprintf(t, sizeof(t), _("arrival %lld min before its deadline"), -min);
		else
			snprintf(t, sizeof(t), _("arrival %lld min past its deadline"), min);
		add_reason(buf, size, &n, &first, t);
	} else {
		snprintf(t, sizeof(t), _("category %s"), f->category != NULL ? f->category : "");
		add_reason(buf, size, &n, &first, t);
	}
	if (f->repeat && n < size) {
		const char *id = repeat_id != NULL && *repeat_id ? repeat_id : "?";

		if (base < 4)
			snprintf(buf + n, size - n, _("; +1: repeat complainant (%s)"), id);
		else
			snprintf(buf + n, size - n, _("; repeat complainant (%s), already 4"), id);
	}
	return buf;
}

unsigned
cp_level_flags(const struct cp_level_facts *f)
{
	return (f->safety ? CPF_SAFETY : 0) | (f->media ? CPF_MEDIA : 0) |
	    (f->legal ? CPF_LEGAL : 0) | (f->injuries > 0 ? CPF_INJURIES : 0) |
	    (f->repeat ? CPF_REPEAT : 0);
}

int64_t
cp_lateness(rs_time arrive_due, rs_time first_arrived, rs_time at)
{
	rs_time end = at;

	/*
	 * An arrival recorded after the complaint (a back-filled open)
	 * did not exist when the customer complained: measure to the
	 * complaint then, as for no arrival.
	 */
	if (first_arrived != RS_TIME_NONE && first_arrived < at)
		end = first_arrived;
	return end - arrive_due;
}

enum cp_state
cp_next_state(enum cp_state st, enum cp_event ev)
{
	switch (ev) {
	case CPE_OPENED:
	case CPE_REOPENED:
		return CP_OPEN;
	case CPE_CONTACTED:
		/* A later call while investigating does not undo the investigation. */
		return st == CP_OPEN || st == CP_NONE ? CP_CONTACTED : st;
	case CPE_INVESTIGATED:
		return CP_INVESTIGATING;
	case CPE_RESOLVED:
		return CP_RESOLVED;
	case CPE_CLOSED:
		return CP_CLOSED;
	default:
		return st;
	}
}

int
cp_transition(const struct complaint *c, enum cp_event ev, int level, int has_note,
    const char *id, struct rs_err *e)
{
	enum cp_state st = c->state;
	int working = st == CP_OPEN || st == CP_CONTACTED || st == CP_INVESTIGATING;
	int ok;

	switch (ev) {
	case CPE_ESCALATED:
	case CPE_CONTACTED:
	case CPE_INVESTIGATED:
	case CPE_RESOLVED:
		ok = working;
		break;
	case CPE_CLOSED:
		ok = st == CP_RESOLVED;
		break;
	case CPE_REOPENED:
		ok = st == CP_RESOLVED || st == CP_CLOSED;
		break;
	case CPE_ACTION:
	case CPE_ACTION_DONE:
		ok = st != CP_NONE;
		break;
	case CPE_ASSIGNED:
	case CPE_REMEDY:
		/* Who owns it and what it cost may change until it is closed. */
		ok = st != CP_NONE && st != CP_CLOSED;
		break;
	default:
		ok = 0;
		break;
	}
	if (!ok)
		return err_set(e, RS_EDATA, id, "complaint is %s; cannot %s",
		    st == CP_NONE ? "not opened" : cp_state_name(st), cp_event_verb(ev));
	/* Escalation only goes up: lowering a level would move the deadline later. */
	if (ev == CPE_ESCALATED && level <= c->level)
		return err_set(e, RS_EDATA, id, "complaint is level %d; cannot escalate "
		    "to level %d (escalation only raises the level)", c->level, level);
	if (ev == CPE_RESOLVED && c->first_contact == RS_TIME_NONE && !has_note)
		return err_set(e, RS_EDATA, id, "complaint was never contacted; "
		    "resolving without contact needs --note saying why");
	if (ev == CPE_ACTION_DONE && cp_open_actions(c) == 0)
		return err_set(e, RS_EDATA, id, "complaint has no open action");
	return 0;
}

int
cp_is_open(const struct complaint *c)
{
	return c->state != CP_RESOLVED && c->state != CP_CLOSED;
}

size_t
cp_open_actions(const struct complaint *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->nactions; i++)
		if (c->actions[i].done_at == RS_TIME_NONE)
			n++;
	return n;
}

rs_time
cp_contact_due(const struct complaint *c, const struct rules *r)
{
	if (c->opened_at == RS_TIME_NONE)
		return RS_TIME_NONE;
	return c->opened_at + (rs_time)r->complaint_contact_h * 3600;
}

rs_time
cp_resolve_due(const struct complaint *c, const struct rules *r)
{
	int lv = c->level >= 1 && c->level <= 4 ? c->level : 2;

	if (c->opened_at == RS_TIME_NONE)
		return RS_TIME_NONE;
	return c->opened_at + (rs_time)r->complaint_resolve_h[lv] * 3600;
}

int
cp_overdue(const struct complaint *c, const struct rules *r, rs_time t)
{
	rs_time due;

	if (c->opened_at == RS_TIME_NONE)
		return 0;
	due = cp_contact_due(c, r);
	if (c->first_contact == RS_TIME_NONE && t > due)
		return 1;
	due = cp_resolve_due(c, r);
	return cp_is_open(c) && t > due;
}
