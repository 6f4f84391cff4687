/* complaint_write.c - new complaints and events on them; see complaint_write.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "buf.h"
#include "cases.h"
#include "complaint_write.h"
#include "ref.h"
#include "dispatch.h"
#include "err.h"
#include "idnear.h"
#include "idmap.h"
#include "journal.h"
#include "row.h"
#include "rowbuild.h"
#include "rules.h"
#include "schema.h"

/*
 * same_phone sets *hit to the key of one of the cases in want (idmap of
 * case keys; n of them, oldest since) that has the phone digits phone
 * (0: none), reading the cases journal once.
 */
static int
same_phone(const char *dir, const struct idmap *want, rs_time since, const char *phone,
    uint64_t *hit, struct rs_err *e)
{
	struct cases cs;
	struct jreader *jr;
	struct row r;
	char d[64];
	uint64_t k;
	size_t i;
	int rc;

	*hit = 0;
	if ((jr = jreader_open_journal(dir, &schema_cases, since, RS_TIME_NONE, 0, e)) == NULL)
		return -1;
	cases_init(&cs);
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[CASES_CASE_ID], r.len[CASES_CASE_ID], "RS", &k) == 0 &&
		    idmap_get(want, k, &i))
			(void)cases_add(&cs, &r);
	jreader_free(jr);
	/* The phone in force now, as everywhere else: the fold's last value. */
	for (i = 0; rc == 0 && i < cs.f.n; i++) {
		case_phone_digits(case_value(&cs, (long)i, CASES_PHONE), d, sizeof(d));
		if (d[0] != '\0' && strcmp(d, phone) == 0)
			*hit = cs.f.items[i].key;
	}
	cases_free(&cs);
	return rc == 0 ? 0 : -1;
}

/* build_open runs under the lock: the day's next id, the repeat rule, the level, the row. */
static int
build_open(struct append_ctx *ctx, struct buf *rows, void *varg, struct rs_err *e)
{
	struct cp_open *a = varg;
	const struct cp_input *in = a->in;
	struct idmap want = IDMAP_INIT;
	struct cp_level_facts f;
	struct jreader *jr;
	struct row r;
	rs_time at = a->at_set ? a->at : ctx->ts, lo, t, since, oldest = RS_TIME_NONE;
	uint64_t k, cpk, seq = 0, hit = 0, *last = NULL, mine = 0;
	size_t dummy, nlast = 0, j;
	int ymd = time_local_date(at), rc;

	/*
	 * One read from 90 days back serves both the per-day sequence and
	 * the repeat-complainant rule; every row of a complaint opened
	 * since then has ts >= its at - 5 min. A complaint already in the
	 * journal with the same at counts as previous; one back-filled to
	 * a later at does not.
	 */
	lo = time_add_days(at, -CP_REPEAT_DAYS);
	since = lo < time_day_start(at) ? lo : time_day_start(at);
	if ((jr = append_reader(ctx, since - SCHEMA_AT_AHEAD_S, e)) == NULL)
		return -1;
	while ((rc = jreader_next(jr, &r, e)) == 1) {
		if (id_parse(r.v[COMPLAINTS_COMPLAINT_ID], r.len[COMPLAINTS_COMPLAINT_ID],
		    "CP", &cpk) == -1)
			cpk = 0;
		if (cpk != 0 && id_date(cpk) == ymd && id_seq(cpk) > seq)
			seq = id_seq(cpk);
		if (strcmp(r.v[COMPLAINTS_EVENT], "opened") != 0 ||
		    time_parse_ts(r.v[COMPLAINTS_AT], r.len[COMPLAINTS_AT], &t) == -1 ||
		    t < lo || t > at ||
		    id_parse(r.v[COMPLAINTS_CASE_ID], r.len[COMPLAINTS_CASE_ID], "RS", &k) == -1)
			continue;
		if (k == a->case_key) {
			a->repeat = 1;
			mine = cpk;
		}
		/* The latest complaint of each case, to name the one that made a repeat. */
		if (!idmap_get(&want, k, &j)) {
			last = xrealloc(last, (nlast + 1) * sizeof(*last));
			j = nlast++;
			idmap_put(&want, k, j);
		}
		last[j] = cpk;
		if (oldest == RS_TIME_NONE || case_since(k) < oldest)
			oldest = case_since(k);
	}
	jreader_free(jr);
	if (rc == -1 || (!a->repeat && oldest != RS_TIME_NONE && a->phone[0] != '\0' &&
	    !idmap_get(&want, a->case_key, &dummy) &&
	    same_phone(ctx->dir, &want, oldest, a->phone, &hit, e) == -1)) {
		idmap_free(&want);
		free(last);
		return -1;
	}
	if (hit != 0 && idmap_get(&want, hit, &j)) {
		a->repeat = 1;
		mine = last[j];
	}
	idmap_free(&want);
	free(last);
	if (mine != 0)
		id_format(a->repeat_id, "CP", mine);

	memset(&f, 0, sizeof(f));
	f.category = in->category;
	f.safety = in->safety;
	f.media = in->media;
	f.legal = in->legal;
	f.injuries = a->injuries;
	f.late_s = cp_lateness(a->arrive_due, a->first_arrived, at);
	f.arrived = a->first_arrived != RS_TIME_NONE && a->first_arrived < at;
	f.repeat = a->repeat;
	a->why[0] = '\0';
	/* An explicit level is taken as it is; the facts are stored all the same. */
	if (a->level == 0) {
		a->level = cp_level(&f);
		cp_level_explain(&f, a->repeat_id, a->why, sizeof(a->why));
	}
	cp_flags_format(cp_level_flags(&f), a->w.flags, sizeof(a->w.flags));
	if (id_next(a->w.id, "CP", ymd, seq, e) == -1)
		return -1;
	snprintf(a->w.level, sizeof(a->w.level), "%d", a->level);
	a->w.v[COMPLAINTS_TS] = time_format_iso(ctx->ts, a->w.ts);
	a->w.v[COMPLAINTS_AT] = time_format_iso(at, a->w.at);
	a->w.v[COMPLAINTS_COMPLAINT_ID] = a->w.id;
	a->w.v[COMPLAINTS_CASE_ID] = in->case_id;
	a->w.v[COMPLAINTS_EVENT] = "opened";
	a->w.v[COMPLAINTS_AGENT] = in->agent;
	a->w.v[COMPLAINTS_LEVEL] = a->w.level;
	a->w.v[COMPLAINTS_CATEGORY] = in->category;
	a->w.v[COMPLAINTS_RESPONSIBLE] = in->responsible;
	a->w.v[COMPLAINTS_PROVIDER] = in->provider ? in->provider : a->provider;
	a->w.v[COMPLAINTS_DEMAND] = in->demand;
	a->w.v[COMPLAINTS_NOTE] = in->note;
	a->w.v[COMPLAINTS_HANDLER] = in->handler;
	a->w.v[COMPLAINTS_FLAGS] = a->w.flags;
	a->w.v[COMPLAINTS_REF] = in->ref;
	return rowbuild_finish(&schema_complaints, a->w.v, rows, a->w.id, e);
}

int
cp_open_case(const char *dir, const struct rules *ru, struct cp_open *op, struct rs_err *e)
{
	struct cases cs;
	struct dtimeline tl;
	struct sla_case sc;
	struct sla_result steps[SLA_NSTEPS];
	const char *inj;
	long ci;

	cases_init(&cs);
	if ((ci = case_find(dir, op->in->case_id, RS_TIME_NONE, &cs, e)) == -1) {
		cases_free(&cs);
		return -1;
	}
	op->case_key = cs.f.items[ci].key;
	case_phone_digits(case_value(&cs, ci, CASES_PHONE), op->phone, sizeof(op->phone));
	inj = case_value(&cs, ci, CASES_INJURIES);
	op->injuries = inj[0] ? strtoll(inj, NULL, 10) : 0;
	/* The arrival deadline reads neither the desk clock nor the call. */
	case_sla_facts(&cs, ci, &sc);
	sc.call_at = RS_TIME_NONE;
	if (dispatch_case(dir, op->case_key, RS_TIME_NONE, &tl, e) == -1) {
		cases_free(&cs);
		return -1;
	}
	/*
	 * The arrival deadline is the arrive SLA step's: case at + 30/60
	 * min by road, a booked job's time + grace.
	 */
	sla_steps(&sc, &tl.steps, ru, sc.opened_at, steps);
	cases_free(&cs);
	op->arrive_due = steps[SLA_ARRIVE].due;
	op->first_arrived = tl.steps.arrived;
	snprintf(op->provider, sizeof(op->provider), "%s", tl.provider);
	return 0;
}

/*
 * ref_write_row appends with in->ref: given holds what the command
 * gives; a row found with the key becomes w (its id and values).
 */
static int
ref_write_row(const char *dir, const struct cp_input *in, const char **given, int id_col,
    append_build_fn build, void *arg, struct cp_row *w, struct rs_err *e)
{
	struct ref_write rw;
	int i;

	memset(&rw, 0, sizeof(rw));
	rw.key = given[COMPLAINTS_REF] = in->ref;
	rw.given = given;
	rw.id_col = id_col;
	given[COMPLAINTS_AGENT] = in->agent;
	given[COMPLAINTS_NOTE] = in->note;
	if (ref_append(dir, &schema_complaints, &rw, build, arg, e) == -1)
		return -1;
	if ((w->ref_row = rw.row) != NULL) {
		for (i = 0; i < COMPLAINTS_NCOLS; i++)
			w->v[i] = rw.row[i];
		snprintf(w->id, sizeof(w->id), "%s", rw.row[COMPLAINTS_COMPLAINT_ID]);
	}
	return 0;
}

int
cp_open_append(const char *dir, struct cp_open *op, struct rs_err *e)
{
	const char *given[COMPLAINTS_NCOLS] = { NULL };
	const struct cp_input *in = op->in;
	char level[8];

	given[COMPLAINTS_CASE_ID] = in->case_id;
	given[COMPLAINTS_EVENT] = "opened";
	given[COMPLAINTS_CATEGORY] = in->category;
	given[COMPLAINTS_RESPONSIBLE] = in->responsible;
	given[COMPLAINTS_PROVIDER] = in->provider;
	given[COMPLAINTS_DEMAND] = in->demand;
	if (op->level != 0) {
		snprintf(level, sizeof(level), "%d", op->level);
		given[COMPLAINTS_LEVEL] = level;
	}
	return ref_write_row(dir, in, given, COMPLAINTS_COMPLAINT_ID, build_open, op, &op->w, e);
}

/* build_event runs under the lock: the complaint's state, the transition, the row. */
static int
build_event(struct append_ctx *ctx, struct buf *rows, void *varg, struct rs_err *e)
{
	struct cp_change *a = varg;
	const struct cp_input *in = a->in;
	struct complaint *c;
	struct jreader *jr;
	struct row r;
	uint64_t k;
	size_t i;
	int rc;

	/* Every row of the complaint has ts >= its id date's midnight - 5 min. */
	if ((jr = append_reader(ctx, cp_since(a->key), e)) == NULL)
		return -1;
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[COMPLAINTS_COMPLAINT_ID], r.len[COMPLAINTS_COMPLAINT_ID],
		    "CP", &k) == 0 && k == a->key)
			(void)cp_set_add(&a->set, &r);
	jreader_free(jr);
	if (rc == -1)
		return -1;
	if ((c = cp_set_get(&a->set, a->key)) == NULL || c->opened_at == RS_TIME_NONE) {
		err_set(e, RS_EDATA, a->id, "no such complaint");
		idnear_explain(ctx->dir, &schema_complaints, a->id, e);
		return -1;
	}
	if (cp_transition(c, a->ev, a->level, in->note != NULL, a->id, e) == -1)
		return -1;

	snprintf(a->w.id, sizeof(a->w.id), "%s", a->id);
	snprintf(a->case_id, sizeof(a->case_id), "%s",
	    cp_value(&a->set, c, COMPLAINTS_CASE_ID));
	a->w.v[COMPLAINTS_TS] = time_format_iso(ctx->ts, a->w.ts);
	a->w.v[COMPLAINTS_AT] = time_format_iso(a->at_set ? a->at : ctx->ts, a->w.at);
	a->w.v[COMPLAINTS_COMPLAINT_ID] = a->w.id;
	/* The case on every row, so that grep and cat by case find them all. */
	a->w.v[COMPLAINTS_CASE_ID] = a->case_id;
	a->w.v[COMPLAINTS_EVENT] = cp_event_name(a->ev);
	a->w.v[COMPLAINTS_AGENT] = in->agent;
	a->w.v[COMPLAINTS_NOTE] = in->note;
	a->w.v[COMPLAINTS_REF] = in->ref;
	switch (a->ev) {
	case CPE_ESCALATED:
		snprintf(a->w.level, sizeof(a->w.level), "%d", a->level);
		a->w.v[COMPLAINTS_LEVEL] = a->w.level;
		/* Flags accumulate: the row carries the old ones and those given. */
		if (in->safety || in->media || in->legal)
			a->w.v[COMPLAINTS_FLAGS] = cp_flags_format(c->flags |
			    (in->safety ? CPF_SAFETY : 0) | (in->media ? CPF_MEDIA : 0) |
			    (in->legal ? CPF_LEGAL : 0), a->w.flags, sizeof(a->w.flags));
		break;
	case CPE_ASSIGNED:
		a->w.v[COMPLAINTS_HANDLER] = in->handler;
		break;
	case CPE_REMEDY:
		a->w.v[COMPLAINTS_REMEDY] = in->remedy;
		a->w.v[COMPLAINTS_AMOUNT] = in->amount;
		break;
	case CPE_INVESTIGATED:
		a->w.v[COMPLAINTS_RESPONSIBLE] = in->responsible;
		a->w.v[COMPLAINTS_PROVIDER] = in->provider;
		break;
	case CPE_RESOLVED:
		a->w.v[COMPLAINTS_REMEDY] = in->remedy;
		a->w.v[COMPLAINTS_AMOUNT] = in->amount;
		break;
	case CPE_ACTION:
		a->w.v[COMPLAINTS_ACTION] = in->action;
		a->w.v[COMPLAINTS_OWNER] = in->owner;
		a->w.v[COMPLAINTS_DUE] = in->due;
		break;
	case CPE_ACTION_DONE:
		/* Name the action closed, so the row reads on its own. */
		for (i = c->nactions; i > 0; i--)
			if (c->actions[i - 1].done_at == RS_TIME_NONE)
				break;
		a->w.v[COMPLAINTS_ACTION] = c->actions[i - 1].action;
		a->w.v[COMPLAINTS_OWNER] = c->actions[i - 1].owner;
		break;
	default:
		break;
	}
	return rowbuild_finish(&schema_complaints, a->w.v, rows, a->w.id, e);
}

int
cp_change_append(const char *dir, struct cp_change *ch, struct rs_err *e)
{
	const char *given[COMPLAINTS_NCOLS] = { NULL };
	const struct cp_input *in = ch->in;
	char level[8];

	cp_set_init(&ch->set);
	given[COMPLAINTS_COMPLAINT_ID] = ch->id;
	given[COMPLAINTS_EVENT] = cp_event_name(ch->ev);
	switch (ch->ev) {
	case CPE_ESCALATED:
		snprintf(level, sizeof(level), "%d", ch->level);
		given[COMPLAINTS_LEVEL] = level;
		break;
	case CPE_INVESTIGATED:
		given[COMPLAINTS_RESPONSIBLE] = in->responsible;
		given[COMPLAINTS_PROVIDER] = in->provider;
		break;
	case CPE_RESOLVED:
		given[COMPLAINTS_REMEDY] = in->remedy;
		given[COMPLAINTS_AMOUNT] = in->amount;
		break;
	case CPE_ACTION:
		given[COMPLAINTS_ACTION] = in->action;
		given[COMPLAINTS_OWNER] = in->owner;
		given[COMPLAINTS_DUE] = in->due;
		break;
	default:
		break;
	}
	return ref_write_row(dir, in, given, -1, build_event, ch, &ch->w, e);
}

void
cp_change_free(struct cp_change *ch)
{
	cp_set_free(&ch->set);
}
