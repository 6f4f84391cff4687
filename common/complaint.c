/*
 * complaint.c - the complaint rules of SPEC 6 and 10: level rule, state
 * machine and deadlines (the fold of the journal is complaint_set.c).
 */
#include <string.h>

#include "buf.h"
#include "complaint.h"
#include "i18n.h"
#include "err.h"
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
	"closed", "reopened", "action", "action-done"
};

static const char *const event_verbs[CPE_N] = {
	"open", "escalate", "contact", "investigate", "resolve",
	"close", "reopen", "add an action", "close an action"
};

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

/* reason appends one reason to out, after a comma when it is not the first. */
static void
reason(struct buf *out, size_t start, const char *text)
{
	if (out->len > start)
		buf_adds(out, _(", "));
	buf_adds(out, text);
}

void
cp_level_explain(const struct cp_level_facts *f, struct buf *out)
{
	const char *cat = f->category != NULL ? f->category : "";
	int base = cp_level_base(f);
	long long late_min = f->late_s >= 0 ? f->late_s / 60 : -(-f->late_s / 60);
	size_t start;

	buf_printf(out, _("level %d: "), base);
	start = out->len;
	if (base == 4) {
		if (f->media)
			reason(out, start, _("media attention"));
		if (f->legal)
			reason(out, start, _("legal action"));
		if (f->injuries > 0) {
			reason(out, start, "");
			buf_printf(out, _("the case had injuries (%lld)"), f->injuries);
		}
	} else if (strcmp(cat, "late") == 0 && !f->safety) {
		if (f->late_s > 0)
			buf_printf(out, _("arrival %lld min past its deadline"), late_min);
		else
			buf_adds(out, _("arrival not past its deadline"));
	} else if (base == 3 && f->safety) {
		reason(out, start, _("a safety issue"));
		if (strcmp(cat, "damage") == 0 || strcmp(cat, "no-show") == 0) {
			reason(out, start, "");
			buf_printf(out, _("category %s"), cat);
		}
	} else
		buf_printf(out, _("category %s"), cat);
	if (f->repeat)
		buf_adds(out, base < 4 ? _("; +1: repeat complainant") :
		    _("; a repeat complainant (already the highest level)"));
}

int
cp_level(const struct cp_level_facts *f)
{
	int level = cp_level_base(f);

	if (f->repeat && level < 4)
		level++;
	return level;
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
