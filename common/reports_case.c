/*
 * reports_case.c - one case's full timeline (SPEC 6 rs-report case):
 * every row about the case in the four journals, in the order things
 * happened, read only from the case's date on (case_since).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cases.h"
#include "dispatch.h"
#include "err.h"
#include "ids.h"
#include "i18n.h"
#include "idnear.h"
#include "report.h"
#include "reports.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

struct event {
	rs_time at;
	int journal;	/* RJ_*: the tie-break after at, then file order */
	size_t seq;
	char *event, *agent, *details;
};

struct timeline {
	const struct rinputs *in;
	uint64_t key;
	int journal;
	struct event *v;
	size_t n, cap;
	struct cases cs;
	struct dtimeline dt;
};

static const char *const jnames[RJ_N] = { "cases", "dispatch", "complaints", "callbacks" };
static const struct schema *const jschemas[RJ_N] = {
	&schema_cases, &schema_dispatch, &schema_complaints, &schema_callbacks
};

/* customer is the case's customer name as far as read (cases come first), or NULL. */
static const char *
customer(const struct timeline *tl)
{
	long ix = cases_get(&tl->cs, tl->key);

	return ix == -1 ? NULL : case_value(&tl->cs, ix, CASES_CUSTOMER);
}

/* details joins the row's other non-empty columns as "name=value; ..." with customer data masked. */
static char *
details(const struct timeline *tl, const struct row *r)
{
	const struct schema *s = jschemas[tl->journal];
	struct buf b = BUF_INIT;
	char masked[128];
	const char *v;
	int c;

	for (c = 0; c < s->n && c < r->n; c++) {
		const char *name = s->cols[c].name;

		if (c == 0 || c == 1 || c == s->event_col || r->len[c] == 0 ||
		    strcmp(name, "case_id") == 0 || strcmp(name, "agent") == 0)
			continue;
		v = r->v[c];
		if (tl->journal == RJ_CASES && c == CASES_PHONE)
			v = rin_phone(tl->in, v, masked, sizeof(masked));
		else if (tl->journal == RJ_CASES && c == CASES_CUSTOMER)
			v = rin_name(tl->in, v, masked, sizeof(masked));
		buf_printf(&b, "%s%s=", b.len ? "; " : "", name);
		/* A note may hold a phone number or the customer's name too. */
		if (s->cols[c].type == COL_TEXT && !tl->in->show_pii)
			pii_text(v, customer(tl), &b);
		else
			buf_adds(&b, v);
	}
	return b.p != NULL ? b.p : xstrdup("");
}

static void
on_row(const struct row *r, void *arg)
{
	struct timeline *tl = arg;
	const struct schema *s = jschemas[tl->journal];
	int idc = schema_column(s, "case_id");
	struct event *ev;
	uint64_t k;
	char what[64];

	if (id_parse(r->v[idc], r->len[idc], "RS", &k) == -1 || k != tl->key)
		return;
	if (tl->journal == RJ_CASES)
		(void)cases_add(&tl->cs, r);
	else if (tl->journal == RJ_DISPATCH)
		dtimeline_add(&tl->dt, r);
	if (tl->n == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 32;
		tl->v = xrealloc(tl->v, tl->cap * sizeof(*tl->v));
	}
	ev = &tl->v[tl->n];
	if (time_parse_ts(r->v[1], r->len[1], &ev->at) == -1)
		return;
	ev->journal = tl->journal;
	ev->seq = tl->n;
	if (tl->journal == RJ_CALLBACKS)
		snprintf(what, sizeof(what), "%s callback", r->v[CALLBACKS_KIND]);
	else
		snprintf(what, sizeof(what), "%s", r->v[s->event_col]);
	ev->event = xstrdup(what);
	ev->agent = xstrdup(r->v[schema_column(s, "agent")]);
	ev->details = details(tl, r);
	tl->n++;
}

static int
cmp_event(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->journal != y->journal)
		return x->journal - y->journal;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
fill(struct timeline *tl, long ix, struct report *r)
{
	static const char *const scols[] = { "case_id", "state", "opened_at", "call_at",
	    "channel", "customer", "phone", "plate", "service", "road", "priority",
	    "provider" };
	static const enum rtype stypes[] = { RT_ID, RT_ENUM, RT_TIME, RT_TIME, RT_ENUM,
	    RT_TEXT, RT_TEXT, RT_TEXT, RT_ENUM, RT_ENUM, RT_INT, RT_ID };
	static const char *const lcols[] = { "step", "status", "due_at", "done_at",
	    "minutes" };
	static const enum rtype ltypes[] = { RT_ENUM, RT_ENUM, RT_TIME, RT_TIME, RT_MIN };
	static const char *const tcols[] = { "time", "journal", "event", "agent", "details" };
	static const enum rtype ttypes[] = { RT_TIME, RT_ENUM, RT_ENUM, RT_TEXT, RT_DETAILS };
	struct sla_result res[SLA_NSTEPS];
	struct sla_case sc;
	struct rsection *s;
	char masked[128];
	size_t i;
	int st;

	s = report_section(r, "summary", "Case", RSH_FLAT, 12, scols, stypes);
	rsec_row(s);
	rsec_set(r, s, 0, case_value(&tl->cs, ix, CASES_CASE_ID));
	rsec_set(r, s, 1, dstate_name(tl->dt.state));
	rsec_time(r, s, 2, tl->cs.opened_at[ix]);
	rsec_time(r, s, 3, case_call_at(&tl->cs, ix));
	rsec_set(r, s, 4, case_value(&tl->cs, ix, CASES_CHANNEL));
	rsec_set(r, s, 5, rin_name(tl->in, case_value(&tl->cs, ix, CASES_CUSTOMER), masked,
	    sizeof(masked)));
	rsec_set(r, s, 6, rin_phone(tl->in, case_value(&tl->cs, ix, CASES_PHONE), masked,
	    sizeof(masked)));
	rsec_set(r, s, 7, case_value(&tl->cs, ix, CASES_PLATE));
	rsec_set(r, s, 8, case_value(&tl->cs, ix, CASES_SERVICE));
	rsec_set(r, s, 9, case_value(&tl->cs, ix, CASES_ROAD));
	rsec_set(r, s, 10, case_value(&tl->cs, ix, CASES_PRIORITY));
	rsec_set(r, s, 11, tl->dt.provider);

	case_sla_facts(&tl->cs, ix, &sc);
	sla_steps(&sc, &tl->dt.steps, &tl->in->rules, tl->in->as_of, res);
	s = report_section(r, "sla", "Desk SLA steps", RSH_KEYED, 5, lcols, ltypes);
	for (st = 0; st < SLA_NSTEPS; st++) {
		rsec_row(s);
		rsec_set(r, s, 0, sla_step_name((enum sla_step)st));
		rsec_set(r, s, 1, sla_status_name(res[st].status));
		if (res[st].status != SLA_EXCLUDED)
			rsec_time(r, s, 2, res[st].due);
		rsec_time(r, s, 3, res[st].done);
		if (res[st].done != RS_TIME_NONE)
			rsec_minutes(r, s, 4, res[st].secs);
	}

	qsort(tl->v, tl->n, sizeof(*tl->v), cmp_event);
	s = report_section(r, "timeline", "Timeline", RSH_ARRAY, 5, tcols, ttypes);
	for (i = 0; i < tl->n; i++) {
		rsec_row(s);
		rsec_time(r, s, 0, tl->v[i].at);
		rsec_set(r, s, 1, jnames[tl->v[i].journal]);
		rsec_set(r, s, 2, tl->v[i].event);
		rsec_set(r, s, 3, tl->v[i].agent);
		rsec_set(r, s, 4, tl->v[i].details);
	}
}

int
report_case(const struct rinputs *in, const char *id, struct report **out,
    struct rs_err *e)
{
	struct timeline tl;
	struct report *r;
	char title[64];
	size_t i;
	long ix;
	int rc = 0;

	*out = NULL;
	memset(&tl, 0, sizeof(tl));
	tl.in = in;
	if (id_parse(id, strlen(id), "RS", &tl.key) == -1)
		return err_set(e, RS_EDATA, id, "not a case id (RS-YYYYMMDD-NNNN)");
	cases_init(&tl.cs);
	dtimeline_init(&tl.dt, tl.key);
	/* Every row of the case is written on or after its id's date. */
	for (tl.journal = 0; tl.journal < RJ_N && rc == 0; tl.journal++)
		rc = rin_scan(in, tl.journal, case_since(tl.key), on_row, &tl, e);
	if (rc == 0) {
		if ((ix = cases_get(&tl.cs, tl.key)) == -1 || tl.cs.opened_at[ix] == RS_TIME_NONE) {
			rc = err_set(e, RS_EDATA, id, "no such case");
			/* The journal's ids; a --cases file is not searched again. */
			if (in->file[RJ_CASES] == NULL)
				idnear_explain(in->dir, &schema_cases, id, e);
		} else {
			snprintf(title, sizeof(title), _("Case %s"), id);
			r = report_new("case", title);
			fill(&tl, ix, r);
			*out = r;
		}
	}
	for (i = 0; i < tl.n; i++) {
		free(tl.v[i].event);
		free(tl.v[i].agent);
		free(tl.v[i].details);
	}
	free(tl.v);
	cases_free(&tl.cs);
	return rc;
}
