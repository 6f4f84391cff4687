/*
 * complaint_set.c - the complaints of a journal folded into their
 * current state: levels, actions, first contact and resolution times;
 * see complaint.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "complaint.h"
#include "fold.h"
#include "ids.h"
#include "journal.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"

void
cp_set_init(struct complaint_set *cs)
{
	memset(cs, 0, sizeof(*cs));
	fold_init(&cs->f, &schema_complaints);
}

void
cp_set_free(struct complaint_set *cs)
{
	size_t i;

	for (i = 0; i < cs->f.n && i < cs->cap; i++) {
		free(cs->c[i].actions);
		free(cs->c[i].items);
	}
	free(cs->c);
	fold_free(&cs->f);
	memset(cs, 0, sizeof(*cs));
}

static rs_time
row_time(const struct row *r, int col)
{
	rs_time t;

	if (r->len[col] == 0 || time_parse_ts(r->v[col], r->len[col], &t) == -1)
		return RS_TIME_NONE;
	return t;
}

static int
row_level(const char *v)
{
	if (v == NULL || v[0] < '1' || v[0] > '4' || v[1] != '\0')
		return 0;
	return v[0] - '0';
}

/* add_action records an action row; the strings go to the fold's arena so they outlive the row. */
static void
add_action(struct complaint_set *cs, struct complaint *c, const struct row *r, rs_time at)
{
	struct cp_action *a;
	int ymd;

	c->actions = xrealloc(c->actions, (c->nactions + 1) * sizeof(*c->actions));
	a = &c->actions[c->nactions++];
	a->action = arena_strndup(&cs->f.arena, r->v[COMPLAINTS_ACTION],
	    r->len[COMPLAINTS_ACTION]);
	a->owner = arena_strndup(&cs->f.arena, r->v[COMPLAINTS_OWNER],
	    r->len[COMPLAINTS_OWNER]);
	if (time_parse_date(r->v[COMPLAINTS_DUE], r->len[COMPLAINTS_DUE], &ymd) != 0)
		ymd = 0;
	a->due = ymd;
	a->at = at;
	a->done_at = RS_TIME_NONE;
}

/* add_item records a remedy item; a resolved row is one only with an amount (SPEC 10). */
static void
add_item(struct complaint_set *cs, struct complaint *c, const struct row *r, rs_time at)
{
	struct cp_item *it;
	long long cents;

	if (r->len[COMPLAINTS_AMOUNT] == 0 ||
	    cp_money_cents(r->v[COMPLAINTS_AMOUNT], r->len[COMPLAINTS_AMOUNT], &cents) == -1)
		return;
	c->items = xrealloc(c->items, (c->nitems + 1) * sizeof(*c->items));
	it = &c->items[c->nitems++];
	it->remedy = arena_strndup(&cs->f.arena, r->v[COMPLAINTS_REMEDY],
	    r->len[COMPLAINTS_REMEDY]);
	it->cents = cents;
	it->at = at;
	c->comp_cents += cents;
}

/* close_action marks the latest open action done, as action-done does. */
static void
close_action(struct complaint *c, rs_time at)
{
	size_t i;

	for (i = c->nactions; i > 0; i--) {
		if (c->actions[i - 1].done_at == RS_TIME_NONE) {
			c->actions[i - 1].done_at = at;
			return;
		}
	}
}

/* earliest keeps the earliest at: a back-filled contact counts at its at, not its place. */
static void
earliest(rs_time *slot, rs_time at)
{
	if (at != RS_TIME_NONE && (*slot == RS_TIME_NONE || at < *slot))
		*slot = at;
}

struct complaint *
cp_set_add(struct complaint_set *cs, const struct row *r)
{
	struct entity *ent;
	struct complaint *c;
	enum cp_event ev;
	size_t i;
	rs_time at;
	uint64_t k;
	int lv;

	if ((ent = fold_add(&cs->f, r)) == NULL)
		return NULL;
	i = (size_t)(ent - cs->f.items);
	if (i >= cs->cap) {
		size_t ncap = cs->cap ? cs->cap * 2 : 64;

		while (ncap <= i)
			ncap *= 2;
		cs->c = xrealloc(cs->c, ncap * sizeof(*cs->c));
		memset(cs->c + cs->cap, 0, (ncap - cs->cap) * sizeof(*cs->c));
		cs->cap = ncap;
	}
	c = &cs->c[i];
	if (ent->rows == 1) {
		memset(c, 0, sizeof(*c));
		c->key = ent->key;
		c->state = CP_NONE;
		c->opened_at = c->first_contact = RS_TIME_NONE;
		c->resolved_at = c->closed_at = c->last_at = RS_TIME_NONE;
	}
	if (c->case_key == 0 && id_parse(r->v[COMPLAINTS_CASE_ID],
	    r->len[COMPLAINTS_CASE_ID], "RS", &k) == 0)
		c->case_key = k;
	if ((lv = row_level(ent->v[COMPLAINTS_LEVEL])) != 0)
		c->level = lv;
	at = row_time(r, COMPLAINTS_AT);
	c->last_at = at;
	c->flags |= cp_flags_parse(r->v[COMPLAINTS_FLAGS], r->len[COMPLAINTS_FLAGS]);
	if (cp_event_parse(r->v[COMPLAINTS_EVENT], &ev) == -1)
		return c;
	/*
	 * Rows are applied leniently, whatever their order (a hand-edited
	 * journal): readers must not stop on them, rs-journal check
	 * reports them.
	 */
	switch (ev) {
	case CPE_OPENED:
		/* Only the first opened row counts, as for cases. */
		if (c->opened_at == RS_TIME_NONE)
			c->opened_at = at;
		break;
	case CPE_CONTACTED:
		c->contacted = 1;
		earliest(&c->first_contact, at);
		break;
	case CPE_RESOLVED:
		/*
		 * SPEC 10: a resolution without a contact is the first contact,
		 * even when a contact follows a reopening.
		 */
		earliest(&c->first_contact, at);
		c->resolved_at = at;
		add_item(cs, c, r, at);
		break;
	case CPE_REMEDY:
		add_item(cs, c, r, at);
		break;
	case CPE_CLOSED:
		c->closed_at = at;
		break;
	case CPE_REOPENED:
		c->resolved_at = c->closed_at = RS_TIME_NONE;
		break;
	case CPE_ACTION:
		add_action(cs, c, r, at);
		break;
	case CPE_ACTION_DONE:
		close_action(c, at);
		break;
	default:
		break;
	}
	c->state = cp_next_state(c->state, ev);
	return c;
}

int
cp_set_read(struct complaint_set *cs, struct jreader *jr, struct rs_err *e)
{
	struct row r;
	int rc;

	while ((rc = jreader_next(jr, &r, e)) == 1)
		(void)cp_set_add(cs, &r);
	return rc == 0 ? 0 : -1;
}

int
cp_set_load(const char *dir, rs_time until, struct complaint_set *cs, struct rs_err *e)
{
	struct jreader *jr;
	int rc;

	jr = jreader_open_journal(dir, &schema_complaints, RS_TIME_NONE, until, 0, e);
	if (jr == NULL)
		return -1;
	rc = cp_set_read(cs, jr, e);
	jreader_free(jr);
	return rc;
}

struct complaint *
cp_set_get(const struct complaint_set *cs, uint64_t key)
{
	struct entity *ent;

	if ((ent = fold_get(&cs->f, key)) == NULL)
		return NULL;
	return &cs->c[ent - cs->f.items];
}

const char *
cp_value(const struct complaint_set *cs, const struct complaint *c, int col)
{
	const char *v = cs->f.items[c - cs->c].v[col];

	return v != NULL ? v : "";
}

rs_time
cp_since(uint64_t key)
{
	/* Zone-free, as case_since: an id's date is only a hint. */
	return time_date_earliest(id_date(key)) - SCHEMA_AT_AHEAD_S;
}
