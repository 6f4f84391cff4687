/* intake.c - new cases, amendments and their checks; see intake.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "buf.h"
#include "cases.h"
#include "err.h"
#include "idnear.h"
#include "intake.h"
#include "ref.h"
#include "row.h"
#include "rowbuild.h"
#include "schema.h"
#include "schema_tables.h"
#include "utf8.h"

/* An amended case must have been opened: found by seen_row under the lock. */
struct seen {
	uint64_t key;
	int found;
};

static int
seen_row(const struct row *r, void *arg, struct rs_err *e)
{
	struct seen *s = arg;
	uint64_t k;

	(void)e;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    id_parse(r->v[CASES_CASE_ID], r->len[CASES_CASE_ID], "RS", &k) == 0 &&
	    k == s->key)
		s->found = 1;
	return 0;
}

/*
 * skip_known marks the new cases whose ref is already in the journal
 * (an import given again after a timeout): they are not written twice.
 */
static int
skip_known(struct append_ctx *ctx, struct intake_rows *nc, struct rs_err *e)
{
	const char **keys;
	char ***hit;
	size_t i;
	int any = 0, rc;

	nc->nskip = 0;
	if (nc->skip == NULL)
		return 0;
	for (i = 0; i < nc->n; i++)
		any |= nc->v[i][CASES_REF] != NULL && *nc->v[i][CASES_REF] != '\0';
	if (!any)
		return 0;
	keys = xcalloc(nc->n, sizeof(*keys));
	hit = xcalloc(nc->n, sizeof(*hit));
	for (i = 0; i < nc->n; i++)
		if (nc->v[i][CASES_REF] != NULL && *nc->v[i][CASES_REF] != '\0')
			keys[i] = nc->v[i][CASES_REF];
	rc = ref_find(ctx, keys, nc->n, hit, e);
	for (i = 0; i < nc->n && rc == 0; i++) {
		nc->skip[i] = hit[i] != NULL;
		nc->nskip += hit[i] != NULL;
		ref_row_free(hit[i], ctx->s->n);
	}
	free(keys);
	free(hit);
	return rc;
}

/*
 * build_cases runs under the journal lock: it gives out ids (largest
 * of the date + 1, per row's local date of at), fills ts and at, checks
 * each row against the schema and formats it.
 */
static int
build_cases(struct append_ctx *ctx, struct buf *rows, void *arg, struct rs_err *e)
{
	struct intake_rows *nc = arg;
	size_t i;
	int *ymd = NULL;
	uint64_t *max = NULL;
	int rc = -1;

	time_format_iso(ctx->ts, nc->tsbuf);
	if (nc->amend_id != NULL) {
		struct seen s = { nc->amend_key, 0 };

		if (append_scan(ctx, case_since(nc->amend_key), seen_row, &s, e) == -1)
			return -1;
		if (!s.found) {
			err_set(e, RS_EDATA, nc->amend_id, "no such case");
			idnear_explain(ctx->dir, &schema_cases, nc->amend_id, e);
			return -1;
		}
	} else {
		if (skip_known(ctx, nc, e) == -1)
			return -1;
		ymd = xcalloc(nc->n ? nc->n : 1, sizeof(*ymd));
		max = xcalloc(nc->n ? nc->n : 1, sizeof(*max));
		/* A skipped row gets no id; today's date costs no extra read. */
		for (i = 0; i < nc->n; i++)
			ymd[i] = time_local_date(nc->at[i] != RS_TIME_NONE &&
			    !(nc->skip != NULL && nc->skip[i]) ? nc->at[i] : ctx->ts);
		if (append_max_seqs(ctx, CASES_CASE_ID, "RS", ymd, max, nc->n, e) == -1)
			goto out;
	}
	for (i = 0; i < nc->n; i++) {
		const char **v = nc->v[i];

		if (nc->skip != NULL && nc->skip[i])
			continue;
		v[CASES_TS] = nc->tsbuf;
		v[CASES_AT] = nc->at[i] != RS_TIME_NONE ?
		    time_format_iso(nc->at[i], nc->atbuf[i]) : nc->tsbuf;
		if (nc->amend_id == NULL) {
			size_t j;
			uint64_t seq;

			/* Later rows of the same date continue the sequence. */
			seq = ++max[i];
			for (j = i + 1; j < nc->n; j++)
				if (ymd[j] == ymd[i])
					max[j] = seq;
			if (id_next(nc->ids[i], "RS", ymd[i], seq - 1, e) == -1)
				goto out;
			v[CASES_CASE_ID] = nc->ids[i];
		}
		if (rowbuild_finish(&schema_cases, v, rows, v[CASES_CASE_ID], e) == -1)
			goto out;
	}
	rc = 0;
out:
	free(ymd);
	free(max);
	return rc;
}

int
intake_append(const char *dir, struct intake_rows *rows, struct rs_err *e)
{
	return ref_append(dir, &schema_cases, rows->ref, build_cases, rows, e);
}

void
intake_defaults(const char **v, char *prio)
{
	v[CASES_EVENT] = "opened";
	if (v[CASES_CHANNEL] == NULL || *v[CASES_CHANNEL] == '\0')
		v[CASES_CHANNEL] = "phone";
	if (v[CASES_PRIORITY] == NULL || *v[CASES_PRIORITY] == '\0') {
		snprintf(prio, 2, "%d", case_priority(v));
		v[CASES_PRIORITY] = prio;
	}
}

int
intake_check_value(const char *opt, int col, const char **v, rs_time base, char *tbuf,
    struct rs_err *e)
{
	const struct column *c = &schema_cases.cols[col];
	const char *why;
	char msg[256];
	rs_time t;
	int rc;

	if (c->type == COL_TEXT) {
		if ((why = utf8_text_problem(*v, strlen(*v))) != NULL)
			return err_set(e, RS_EDATA, opt, "bad text: %s", why);
		return 0;
	}
	if (c->type == COL_TS) {
		if ((rc = time_parse_input(*v, base, &t)) != 0)
			return time_input_err(opt, *v, rc, e);
		*v = time_format_iso(t, tbuf);
		return 0;
	}
	if (schema_check_value(c, *v, strlen(*v), msg, sizeof(msg)) != NULL)
		return err_set(e, RS_EDATA, opt, "%s", msg);
	return 0;
}

int
intake_check_call_at(const char *call_at, rs_time at, rs_time now, const char *where,
    struct rs_err *e)
{
	rs_time t;

	if (call_at == NULL || *call_at == '\0' ||
	    time_parse_ts(call_at, strlen(call_at), &t) == -1)
		return 0;
	if (t > (at != RS_TIME_NONE ? at : now))
		return err_set(e, RS_EDATA, where, "the call cannot start after the case (%s)",
		    call_at);
	return 0;
}
