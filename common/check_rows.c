/*
 * check_rows.c - the checks of rs-journal check that span rows (SPEC 4,
 * 7): ids opened once and dated by their row, references to cases and
 * complaints that exist, dispatch and complaint state machines, ts that
 * never goes backwards, rows of archived months. check.c reads the files
 * and hands each row here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check_rows.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "idmap.h"
#include "ids.h"
#include "journal.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

int
check_row_key(const struct row *r, int col, const char *prefix, uint64_t *key)
{
	return r->len[col] > 0 && id_parse(r->v[col], r->len[col], prefix, key) == 0;
}

/* check_opened checks an opened row: a new id whose date is the local date of at. */
static void
check_opened(struct checker *c, const struct row *r, uint64_t key, const char *id, struct idmap *all)
{
	size_t first;
	rs_time at;

	if (idmap_get(&c->opened, key, &first)) {
		problem(c, r->line, "duplicate opened %s (first opened at line %zu)", id, first);
		return;
	}
	idmap_put(&c->opened, key, (size_t)r->line);
	idmap_put(all, key, 1);
	/* The id's date is the date of at as its writer saw it: the date written in at. */
	if (time_parse_ts(r->v[1], r->len[1], &at) == 0 &&
	    time_written_date(r->v[1], r->len[1]) != id_date(key))
		problem(c, r->line, "%s: id date does not match the opened row's at %s", id, r->v[1]);
}

static void
check_case_row(struct checker *c, const struct row *r)
{
	uint64_t key;

	if (!check_row_key(r, CASES_CASE_ID, "RS", &key))
		return;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0) {
		rs_time at;

		check_opened(c, r, key, r->v[CASES_CASE_ID], &c->cases);
		if ((at = jrow_at(r)) != RS_TIME_NONE && !idmap_get(&c->case_at, key, NULL))
			idmap_put(&c->case_at, key, CHECK_AT_SLOT(at));
	}
	else if (!idmap_get(&c->opened, key, NULL))
		problem(c, r->line, "%s: amended before it was opened", r->v[CASES_CASE_ID]);
}

static void
check_case_ref(struct checker *c, const struct row *r, int col)
{
	uint64_t key;

	if (check_row_key(r, col, "RS", &key) && c->cases_read && !idmap_get(&c->cases, key, NULL))
		problem(c, r->line, "no such case %s", r->v[col]);
}

/* check_dispatch_order reports a dispatch row whose at is before the case's opening or its latest dispatch row (SPEC 6). */
static void
check_dispatch_order(struct checker *c, const struct row *r, uint64_t key, enum devent ev)
{
	struct rs_err e;
	rs_time at, opened = RS_TIME_NONE, last = RS_TIME_NONE;
	size_t v;

	if ((at = jrow_at(r)) == RS_TIME_NONE)
		return;
	if (idmap_get(&c->case_at, key, &v))
		opened = CHECK_AT_TIME(v);
	if (idmap_get(&c->last_at, key, &v))
		last = CHECK_AT_TIME(v);
	err_clear(&e);
	if (dispatch_order(ev, at, opened, last, r->v[DISPATCH_CASE_ID], &e) < 0)
		problem(c, r->line, "%s: %s", e.where, e.msg);
	if (last == RS_TIME_NONE || at > last)
		idmap_put(&c->last_at, key, CHECK_AT_SLOT(at));
}

static void
check_dispatch_row(struct checker *c, const struct row *r, int live)
{
	struct rs_err e;
	enum devent ev;
	enum dstate from = DS_OPEN, to;
	uint64_t key;
	size_t st;

	check_case_ref(c, r, DISPATCH_CASE_ID);
	/*
	 * An archive written before the reason column read its reasons from
	 * the note; a live file holds the column (migrate fills it in).
	 */
	err_clear(&e);
	if (live && dispatch_reason_check(r->v[DISPATCH_EVENT], r->v[DISPATCH_REASON],
	    r->v[DISPATCH_NOTE], r->v[DISPATCH_CASE_ID], &e) < 0)
		problem(c, r->line, "%s: %s", e.where, e.msg);
	if (!check_row_key(r, DISPATCH_CASE_ID, "RS", &key) || devent_parse(r->v[DISPATCH_EVENT], &ev) < 0)
		return;
	if (idmap_get(&c->state, key, &st))
		from = (enum dstate)(st - 1);
	err_clear(&e);
	if (dispatch_transition(from, ev, strcmp(r->v[DISPATCH_OUTCOME], "remote") == 0, &to,
	    r->v[DISPATCH_CASE_ID], &e) < 0) {
		problem(c, r->line, "%s: %s", e.where, e.msg);
		return;
	}
	idmap_put(&c->state, key, (size_t)to + 1);
	check_dispatch_order(c, r, key, ev);
}

static void
check_complaint_row(struct checker *c, const struct row *r)
{
	struct complaint *cp;
	struct rs_err e;
	enum cp_event ev;
	uint64_t key;

	if (!check_row_key(r, COMPLAINTS_COMPLAINT_ID, "CP", &key) ||
	    cp_event_parse(r->v[COMPLAINTS_EVENT], &ev) < 0)
		return;
	check_case_ref(c, r, COMPLAINTS_CASE_ID);
	cp = cp_set_get(&c->cps, key);
	if (ev == CPE_OPENED) {
		check_opened(c, r, key, r->v[COMPLAINTS_COMPLAINT_ID], &c->complaints);
		if (cp != NULL)
			return;
	} else if (cp == NULL) {
		problem(c, r->line, "%s: %s before it was opened", r->v[COMPLAINTS_COMPLAINT_ID],
		    r->v[COMPLAINTS_EVENT]);
		return;
	} else {
		err_clear(&e);
		if (cp_transition(cp, ev, atoi(r->v[COMPLAINTS_LEVEL]),
		    r->len[COMPLAINTS_NOTE] > 0, r->v[COMPLAINTS_COMPLAINT_ID], &e) < 0) {
			problem(c, r->line, "%s: %s", e.where, e.msg);
			return;
		}
	}
	cp_set_add(&c->cps, r);
}

static void
check_callback_row(struct checker *c, const struct row *r)
{
	uint64_t key;

	check_case_ref(c, r, CALLBACKS_CASE_ID);
	if (check_row_key(r, CALLBACKS_COMPLAINT_ID, "CP", &key) && c->complaints_read &&
	    !idmap_get(&c->complaints, key, NULL))
		problem(c, r->line, "no such complaint %s", r->v[CALLBACKS_COMPLAINT_ID]);
	if (strcmp(r->v[CALLBACKS_RESULT], "reached") != 0) {
		int i;

		for (i = CALLBACKS_OVERALL; i <= CALLBACKS_NPS; i++)
			if (r->len[i] > 0 && i != CALLBACKS_RESOLVED) {
				problem(c, r->line, "column %s: a score needs result reached",
				    schema_callbacks.cols[i].name);
				return;
			}
	}
}

static void
check_provider_row(struct checker *c, const struct row *r)
{
	struct buf key = BUF_INIT;

	buf_printf(&key, "\n%s\n", r->v[PROVIDERS_PROVIDER_ID]);
	if (c->providers.p && strstr(c->providers.p, key.p))
		problem(c, r->line, "duplicate provider %s", r->v[PROVIDERS_PROVIDER_ID]);
	else
		buf_add(&c->providers, key.p, key.len - 1);
	buf_free(&key);
}
void
check_row(struct checker *c, const struct schema *s, const struct row *r, int live)
{
	rs_time ts;

	if (r->problem) {
		problem(c, r->line, "%s", r->problem);
		return;
	}
	if (s->cols[0].type == COL_TS && time_parse_ts(r->v[0], r->len[0], &ts) == 0) {
		if (live && c->archived_month && journal_month(ts) <= c->archived_month) {
			problem(c, r->line, "row of an archived month still in the live file "
			    "(an interrupted archive: run rs-journal archive again)");
			return;
		}
		if (ts > c->now + CHECK_FUTURE_S)
			problem(c, r->line, "ts %s is in the future (a writer's clock ahead?)", r->v[0]);
		if (c->prev_ts != RS_TIME_NONE && ts < c->prev_ts)
			problem(c, r->line, "ts goes backwards: %s after a later row", r->v[0]);
		else
			c->prev_ts = ts;
	}
	if (s == &schema_cases)
		check_case_row(c, r);
	else if (s == &schema_dispatch)
		check_dispatch_row(c, r, live);
	else if (s == &schema_complaints)
		check_complaint_row(c, r);
	else if (s == &schema_callbacks)
		check_callback_row(c, r);
	else if (s == &schema_providers)
		check_provider_row(c, r);
}
