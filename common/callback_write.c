/* callback_write.c - recording callbacks; see callback_write.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "callback_write.h"
#include "ref.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "idnear.h"
#include "ids.h"
#include "journal.h"
#include "row.h"
#include "rowbuild.h"
#include "schema.h"

const struct cb_score cb_scores[CB_NSCORES] = {
	{ "overall", CALLBACKS_OVERALL, 1, 5 },
	{ "timeliness", CALLBACKS_TIMELINESS, 1, 5 },
	{ "professionalism", CALLBACKS_PROFESSIONALISM, 1, 5 },
	{ "attitude", CALLBACKS_ATTITUDE, 1, 5 },
	{ "nps", CALLBACKS_NPS, 0, 10 },
};

int
cb_scores_check(const struct cb_input *in, int reached, long val[CB_NSCORES],
    struct rs_err *e)
{
	const char *s;
	char *end;
	size_t i;

	for (i = 0; i < CB_NSCORES; i++) {
		val[i] = -1;
		if ((s = in->score[i]) == NULL)
			continue;
		val[i] = strtol(s, &end, 10);
		if (s[0] < '0' || s[0] > '9' || *end != '\0' ||
		    val[i] < cb_scores[i].min || val[i] > cb_scores[i].max)
			return err_set(e, RS_EDATA, NULL, "--%s: bad score '%s' (want %d-%d)",
			    cb_scores[i].name, s, cb_scores[i].min, cb_scores[i].max);
		if (!reached)
			return err_set(e, RS_EDATA, NULL,
			    "--%s: scores are recorded only with --result reached",
			    cb_scores[i].name);
	}
	return 0;
}

/* complaint_of folds complaint id and checks that it is about case key; returns 0 or -1 with e set. */
static int
complaint_of(const char *dir, const char *id, uint64_t case_key, const char *case_id,
    const char *kind, struct rs_err *e)
{
	struct complaint_set set;
	struct complaint *c;
	struct jreader *jr;
	struct row r;
	uint64_t key, k;
	int rc;

	if (id_parse(id, strlen(id), "CP", &key) == -1)
		return err_set(e, RS_EDATA, id, "not a complaint id (CP-YYYYMMDD-NNNN)");
	jr = jreader_open_journal(dir, &schema_complaints, cp_since(key), RS_TIME_NONE, 0, e);
	if (jr == NULL)
		return -1;
	cp_set_init(&set);
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (id_parse(r.v[COMPLAINTS_COMPLAINT_ID], r.len[COMPLAINTS_COMPLAINT_ID],
		    "CP", &k) == 0 && k == key)
			(void)cp_set_add(&set, &r);
	jreader_free(jr);
	if (rc == 0) {
		if ((c = cp_set_get(&set, key)) == NULL || c->opened_at == RS_TIME_NONE) {
			rc = err_set(e, RS_EDATA, id, "no such complaint");
			idnear_explain(dir, &schema_complaints, id, e);
		}
		else if (c->case_key != case_key)
			rc = err_set(e, RS_EDATA, id, "complaint is about %s, not %s",
			    cp_value(&set, c, COMPLAINTS_CASE_ID), case_id);
		else if (kind != NULL && (strcmp(kind, "complaint") == 0 ||
		    strcmp(kind, "second") == 0) && cp_is_open(c))
			rc = err_set(e, RS_EDATA, id, "complaint is %s; a %s callback needs a "
			    "resolved or closed complaint", cp_state_name(c->state), kind);
	}
	cp_set_free(&set);
	return rc;
}

int
cb_record_check(const char *dir, const struct cb_input *in, struct rs_err *e)
{
	struct cases cs;
	struct dtimeline t;
	uint64_t ck;
	long ci;

	cases_init(&cs);
	ci = case_find(dir, in->case_id, RS_TIME_NONE, &cs, e);
	cases_free(&cs);
	if (ci == -1)
		return -1;
	(void)id_parse(in->case_id, strlen(in->case_id), "RS", &ck);
	/* A service callback asks how the job went: there must have been one. */
	if (in->kind != NULL && strcmp(in->kind, "service") == 0) {
		if (dispatch_case(dir, ck, RS_TIME_NONE, &t, e) == -1)
			return -1;
		if (t.state != DS_COMPLETED)
			return err_set(e, RS_EDATA, in->case_id, "case is %s; a service callback "
			    "needs a completed case", dstate_name(t.state));
	}
	if (in->complaint == NULL)
		return 0;
	return complaint_of(dir, in->complaint, ck, in->case_id, in->kind, e);
}

/* build_record runs under the lock: the row's ts and at, then the row. */
static int
build_record(struct append_ctx *ctx, struct buf *rows, void *varg, struct rs_err *e)
{
	struct cb_record *a = varg;

	a->v[CALLBACKS_TS] = time_format_iso(ctx->ts, a->ts);
	a->v[CALLBACKS_AT] = time_format_iso(a->at_set ? a->at : ctx->ts, a->atbuf);
	return rowbuild_finish(&schema_callbacks, a->v, rows, a->v[CALLBACKS_CASE_ID], e);
}

int
cb_record_append(const char *dir, struct cb_record *rec, struct rs_err *e)
{
	const struct cb_input *in = rec->in;
	struct ref_write rw;
	size_t i;

	rec->v[CALLBACKS_CASE_ID] = in->case_id;
	rec->v[CALLBACKS_COMPLAINT_ID] = in->complaint;
	rec->v[CALLBACKS_KIND] = in->kind;
	rec->v[CALLBACKS_RESULT] = in->result;
	for (i = 0; i < CB_NSCORES; i++)
		rec->v[cb_scores[i].col] = in->score[i];
	rec->v[CALLBACKS_RESOLVED] = in->resolved;
	rec->v[CALLBACKS_COMMENT] = in->comment;
	rec->v[CALLBACKS_SUGGESTION] = in->suggestion;
	rec->v[CALLBACKS_AGENT] = in->agent;
	rec->v[CALLBACKS_REF] = rec->ref;
	memset(&rw, 0, sizeof(rw));
	rw.key = rec->ref;
	rw.given = rec->v;
	rw.id_col = -1;
	if (ref_append(dir, &schema_callbacks, &rw, build_record, rec, e) == -1)
		return -1;
	if ((rec->ref_row = rw.row) != NULL)
		for (i = 0; i < CALLBACKS_NCOLS; i++)
			rec->v[i] = rw.row[i];
	return 0;
}

int
cb_open_complaint(const char *dir, const char *case_id, int *open, struct rs_err *e)
{
	struct complaint_set set;
	struct jreader *jr;
	uint64_t key;
	size_t i;
	int rc;

	*open = 0;
	(void)id_parse(case_id, strlen(case_id), "RS", &key);
	/* Complaints about a case come after the case: read from its day. */
	jr = jreader_open_journal(dir, &schema_complaints, case_since(key), RS_TIME_NONE, 0, e);
	if (jr == NULL)
		return -1;
	cp_set_init(&set);
	rc = cp_set_read(&set, jr, e);
	jreader_free(jr);
	for (i = 0; rc == 0 && i < set.f.n; i++)
		if (set.c[i].case_key == key && set.c[i].opened_at != RS_TIME_NONE &&
		    cp_is_open(&set.c[i]))
			*open = 1;
	cp_set_free(&set);
	return rc;
}

