/*
 * reports_shift_sections.c - the sections of the shift handover report
 * (SPEC 6 rs-report shift, SPEC 10): volume, desk SLAs and late
 * providers, the cases handed over open, complaints opened, callbacks
 * due in the next shift. Each fills tables from the journals
 * reports_shift.c loaded; none prints.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "callback.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "providers.h"
#include "report.h"
#include "reports.h"
#include "reports_shift.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

static void
case_sla(const struct shift *sh, long i, const struct dtimeline *t, rs_time at,
    struct sla_result res[SLA_NSTEPS])
{
	struct sla_case sc;

	case_sla_facts(&sh->cs, i, &sc);
	sla_steps(&sc, t != NULL ? &t->steps : NULL, &sh->in->rules, at, res);
}

static const char *const sla_cols[] = { "step", "met", "missed", "pending", "pct",
    "median_min", "p90_min" };
static const enum rtype sla_types[] = { RT_ENUM, RT_INT, RT_INT, RT_INT, RT_PCT,
    RT_MIN, RT_MIN };

static const char *const late_cols[] = { "provider", "name", "late", "cases" };
static const enum rtype late_types[] = { RT_ID, RT_TEXT, RT_INT, RT_LIST };
static const int late_show[] = { 0, 1, 2 };

/* shift_volume_and_sla fills by_service, by_priority, by_channel, sla and late_providers from the period's cases. */
long long
shift_volume_and_sla(struct shift *sh, struct report *r)
{
	static const char *const svc_cols[] = { "service", "cases" };
	static const char *const pri_cols[] = { "priority", "cases" };
	static const char *const ch_cols[] = { "channel", "cases" };
	static const enum rtype map_types[] = { RT_ENUM, RT_INT };
	struct tally svc = { 0 }, pri = { 0 }, ch = { 0 }, late = { 0 };
	struct buf *late_ids = NULL;
	struct sla_result res[SLA_NSTEPS];
	struct rsection *s;
	struct roster ro;
	struct rs_err e;
	long long n = 0, cnt[SLA_NSTEPS][3];
	int64_t *secs[SLA_NSTEPS];
	size_t nsecs[SLA_NSTEPS], i, k;
	const char *v;
	char id[ID_MAX];
	int st;

	memset(cnt, 0, sizeof(cnt));
	for (st = 0; st < SLA_NSTEPS; st++) {
		secs[st] = xcalloc(sh->cs.f.n + 1, sizeof(int64_t));
		nsecs[st] = 0;
	}
	/* Priorities 1-4 always listed, in order: the table keeps its shape. */
	for (k = 1; k <= 4; k++) {
		snprintf(id, sizeof(id), "%zu", k);
		tally_add(&pri, id, 0);
	}
	for (i = 0; i < sh->cs.f.n; i++) {
		const struct dtimeline *t;

		if (sh->cs.opened_at[i] == RS_TIME_NONE || sh->cs.opened_at[i] < sh->from ||
		    sh->cs.opened_at[i] >= sh->to)
			continue;
		n++;
		v = case_value(&sh->cs, (long)i, CASES_SERVICE);
		tally_add(&svc, *v ? v : "unknown", 1);
		v = case_value(&sh->cs, (long)i, CASES_PRIORITY);
		tally_add(&pri, *v ? v : "unknown", 1);
		v = case_value(&sh->cs, (long)i, CASES_CHANNEL);
		tally_add(&ch, *v ? v : "phone", 1);
		t = dispatch_get(&sh->all, sh->cs.f.items[i].key);
		case_sla(sh, (long)i, t, sh->in->as_of, res);
		for (st = 0; st < SLA_NSTEPS; st++) {
			if (res[st].status == SLA_EXCLUDED)
				continue;
			cnt[st][res[st].status]++;
			if (res[st].done != RS_TIME_NONE)
				secs[st][nsecs[st]++] = res[st].secs;
		}
		if (res[SLA_ARRIVE].status == SLA_MISSED && t != NULL && t->provider[0]) {
			size_t before = late.n;

			tally_add(&late, t->provider, 1);
			if (late.n > before) {
				late_ids = xrealloc(late_ids, late.n * sizeof(*late_ids));
				memset(&late_ids[late.n - 1], 0, sizeof(*late_ids));
			}
			for (k = 0; k < late.n; k++)
				if (strcmp(late.name[k], t->provider) == 0)
					break;
			buf_printf(&late_ids[k], "%s%s", late_ids[k].len ? "," : "",
			    id_format(id, "RS", sh->cs.f.items[i].key));
		}
	}
	s = report_section(r, "by_service", "Cases by service", RSH_MAP, 2, svc_cols, map_types);
	s->chart = RCH_BAR, s->chart_col = 1;
	tally_section(r, s, &svc, 1);
	s = report_section(r, "by_priority", "Cases by priority (1 = highest)", RSH_MAP, 2,
	    pri_cols, map_types);
	tally_section(r, s, &pri, 0);
	s = report_section(r, "by_channel", "Cases by channel", RSH_MAP, 2, ch_cols, map_types);
	tally_section(r, s, &ch, 1);

	s = report_section(r, "sla", "Desk SLAs", RSH_KEYED, 7, sla_cols, sla_types);
	{
		char note[256];

		snprintf(note, sizeof(note), _("Limits: file %d min from the call; dispatch %d, "
		    "notify %d, arrive %d (city) or %d (highway, rural) min from the case. "
		    "pct = met / (met + missed)."),
		    sh->in->rules.sla_file_min, sh->in->rules.sla_dispatch_min,
		    sh->in->rules.sla_notify_min, sh->in->rules.sla_arrive_city_min,
		    sh->in->rules.sla_arrive_highway_min);
		s->note = report_strdup(r, note);
	}
	for (st = 0; st < SLA_NSTEPS; st++) {
		rsec_row(s);
		rsec_set(r, s, 0, sla_step_name((enum sla_step)st));
		rsec_int(r, s, 1, cnt[st][SLA_MET]);
		rsec_int(r, s, 2, cnt[st][SLA_MISSED]);
		rsec_int(r, s, 3, cnt[st][SLA_PENDING]);
		rsec_ratio(r, s, 4, cnt[st][SLA_MET], cnt[st][SLA_MET] + cnt[st][SLA_MISSED], 100);
		if (nsecs[st] > 0) {
			rsec_minutes(r, s, 5, nearest_rank(secs[st], nsecs[st], 50));
			rsec_minutes(r, s, 6, nearest_rank(secs[st], nsecs[st], 90));
		}
		free(secs[st]);
	}

	memset(&ro, 0, sizeof(ro));
	err_clear(&e);
	/* Names are a courtesy: a roster that cannot be read leaves them empty. */
	if (sh->in->dir != NULL && roster_load(sh->in->dir, &ro, &e) == -1)
		memset(&ro, 0, sizeof(ro));
	s = report_section(r, "late_providers", "Late providers (arrival SLA missed)",
	    RSH_ARRAY, 4, late_cols, late_types);
	s->chart = RCH_BAR, s->chart_col = 2;
	/* The cases are for programs and rs-report case: three ids do not fit a line. */
	rsec_show(s, late_show, 3, 0);
	{
		struct rsection tmp;
		const struct provider *p;

		/* Sort through a scratch section, then copy with names and ids. */
		memset(&tmp, 0, sizeof(tmp));
		tmp.ncols = 2;
		tally_section(r, &tmp, &late, 1);
		for (k = 0; k < tmp.nrows; k++) {
			const char *pid = rsec_cell(&tmp, k, 0);
			size_t j;

			for (j = 0; j < late.n; j++)
				if (strcmp(late.name[j], pid) == 0)
					break;
			rsec_row(s);
			rsec_set(r, s, 0, pid);
			p = roster_find(&ro, pid);
			rsec_set(r, s, 1, p != NULL ? p->name : NULL);
			rsec_set(r, s, 2, rsec_cell(&tmp, k, 1));
			rsec_set(r, s, 3, late_ids[j].p);
		}
		free(tmp.cells);
	}
	for (k = 0; k < late.n; k++)
		buf_free(&late_ids[k]);
	free(late_ids);
	roster_free(&ro);
	tally_free(&svc);
	tally_free(&pri);
	tally_free(&ch);
	tally_free(&late);
	return n;
}

struct hrow {
	long i;
	rs_time due;
	int next;
	enum dstate state;
	const char *provider;
};

static int
cmp_hrow(const void *a, const void *b)
{
	const struct hrow *x = a, *y = b;

	/* Earliest deadline first; cases with no step left go last. */
	if ((x->next == -1) != (y->next == -1))
		return x->next == -1 ? 1 : -1;
	if (x->next != -1 && x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

size_t
shift_handover(struct shift *sh, struct report *r)
{
	static const char *const cols[] = { "case_id", "state", "priority", "road",
	    "service", "customer", "phone", "provider", "opened_at", "age_min", "next",
	    "due_at", "overdue" };
	static const enum rtype types[] = { RT_ID, RT_ENUM, RT_INT, RT_ENUM, RT_ENUM,
	    RT_TEXT, RT_TEXT, RT_ID, RT_TIME, RT_INT, RT_ENUM, RT_TIME, RT_BOOL };
	/* What SPEC 6 asks of the handover, in 80 columns: state, age, provider, next step, due, overdue. */
	static const int show[] = { 0, 1, 9, 7, 10, 11, 12 };
	struct sla_result res[SLA_NSTEPS];
	struct hrow *h = xcalloc(sh->cs.f.n + 1, sizeof(*h));
	struct rsection *s;
	size_t i, n = 0;
	char masked[128];

	for (i = 0; i < sh->cs.f.n; i++) {
		const struct dtimeline *t;

		/* Cases read only for a callback's customer are not looked at here. */
		if (sh->cs.opened_at[i] == RS_TIME_NONE || sh->cs.opened_at[i] >= sh->to ||
		    sh->cs.opened_at[i] > sh->t_end ||
		    sh->cs.opened_at[i] < time_add_days(sh->to, -HANDOVER_LOOKBACK_D))
			continue;
		t = dispatch_get(&sh->end, sh->cs.f.items[i].key);
		if (t != NULL && dstate_final(t->state))
			continue;
		case_sla(sh, (long)i, t, sh->t_end, res);
		h[n].i = (long)i;
		h[n].state = t != NULL ? t->state : DS_OPEN;
		h[n].provider = t != NULL ? t->provider : "";
		h[n].next = sla_next(res, t);
		h[n].due = h[n].next != -1 ? res[h[n].next].due : RS_TIME_NONE;
		n++;
	}
	qsort(h, n, sizeof(*h), cmp_hrow);
	s = report_section(r, "handover", "Handover: cases open at shift end", RSH_ARRAY,
	    13, cols, types);
	rsec_show(s, show, (int)(sizeof(show) / sizeof(show[0])), 0);
	for (i = 0; i < n; i++) {
		long ix = h[i].i;

		rsec_row(s);
		rsec_set(r, s, 0, case_value(&sh->cs, ix, CASES_CASE_ID));
		rsec_set(r, s, 1, dstate_name(h[i].state));
		rsec_set(r, s, 2, case_value(&sh->cs, ix, CASES_PRIORITY));
		rsec_set(r, s, 3, case_value(&sh->cs, ix, CASES_ROAD));
		rsec_set(r, s, 4, case_value(&sh->cs, ix, CASES_SERVICE));
		rsec_set(r, s, 5, rin_name(sh->in, case_value(&sh->cs, ix, CASES_CUSTOMER),
		    masked, sizeof(masked)));
		rsec_set(r, s, 6, rin_phone(sh->in, case_value(&sh->cs, ix, CASES_PHONE),
		    masked, sizeof(masked)));
		rsec_set(r, s, 7, h[i].provider);
		rsec_time(r, s, 8, sh->cs.opened_at[ix]);
		rsec_int(r, s, 9, (sh->t_end - sh->cs.opened_at[ix]) / 60);
		if (h[i].next != -1) {
			rsec_set(r, s, 10, sla_step_name((enum sla_step)h[i].next));
			rsec_time(r, s, 11, h[i].due);
		}
		rsec_set(r, s, 12, h[i].next != -1 && h[i].due < sh->t_end ? "y" : "n");
	}
	free(h);
	return n;
}

static int
cmp_cp(const void *a, const void *b)
{
	const struct complaint *x = *(struct complaint *const *)a;
	const struct complaint *y = *(struct complaint *const *)b;

	return x->key < y->key ? -1 : x->key > y->key;
}

void
shift_complaints(struct shift *sh, struct report *r)
{
	static const char *const cols[] = { "complaint_id", "case_id", "level", "category",
	    "responsible", "state", "opened_at" };
	static const enum rtype types[] = { RT_ID, RT_ID, RT_INT, RT_ENUM, RT_ENUM,
	    RT_ENUM, RT_TIME };
	/* In 80 columns: responsible is rarely known yet when a complaint opens. */
	static const int show[] = { 0, 1, 2, 3, 5 };
	struct complaint **v = xcalloc(sh->cps.f.n + 1, sizeof(*v));
	struct rsection *s;
	size_t i, n = 0;

	for (i = 0; i < sh->cps.f.n; i++)
		if (sh->cps.c[i].opened_at != RS_TIME_NONE &&
		    sh->cps.c[i].opened_at >= sh->from && sh->cps.c[i].opened_at < sh->to)
			v[n++] = &sh->cps.c[i];
	qsort(v, n, sizeof(*v), cmp_cp);
	s = report_section(r, "complaints", "Complaints opened in the shift", RSH_IDS, 7,
	    cols, types);
	rsec_show(s, show, (int)(sizeof(show) / sizeof(show[0])), 0);
	for (i = 0; i < n; i++) {
		rsec_row(s);
		rsec_set(r, s, 0, cp_value(&sh->cps, v[i], COMPLAINTS_COMPLAINT_ID));
		rsec_set(r, s, 1, cp_value(&sh->cps, v[i], COMPLAINTS_CASE_ID));
		rsec_int(r, s, 2, v[i]->level);
		rsec_set(r, s, 3, cp_value(&sh->cps, v[i], COMPLAINTS_CATEGORY));
		rsec_set(r, s, 4, cp_value(&sh->cps, v[i], COMPLAINTS_RESPONSIBLE));
		rsec_set(r, s, 5, cp_state_name(v[i]->state));
		rsec_time(r, s, 6, v[i]->opened_at);
	}
	free(v);
}

void
shift_callbacks_due(struct shift *sh, struct report *r)
{
	static const char *const cols[] = { "kind", "case_id", "complaint_id", "customer",
	    "phone", "due_from", "due_by", "attempts", "overdue" };
	static const enum rtype types[] = { RT_ENUM, RT_ID, RT_ID, RT_TEXT, RT_TEXT,
	    RT_TIME, RT_TIME, RT_INT, RT_BOOL };
	static const int show[] = { 0, 1, 4, 6, 7, 8 };
	static const char *const kcols[] = { "kind", "count", "overdue" };
	static const enum rtype ktypes[] = { RT_ENUM, RT_INT, RT_INT };
	long long due[CB_NKINDS], late[CB_NKINDS];
	struct rsection *s, *k;
	char id[ID_MAX], masked[128];
	size_t i;
	long ix;
	int od;

	memset(due, 0, sizeof(due));
	memset(late, 0, sizeof(late));
	/* The counts first: at volume they are what the next shift plans with. */
	k = report_section(r, "callbacks_due_by_kind", "Callbacks due in the next shift, "
	    "by kind", RSH_KEYED, 3, kcols, ktypes);
	k->note = _("overdue: past its due time when the shift ended");
	s = report_section(r, "callbacks_due", "Callbacks due in the next shift", RSH_COUNT,
	    9, cols, types);
	/* The schedule is by due_by: the most overdue first. */
	rsec_show(s, show, (int)(sizeof(show) / sizeof(show[0])), SHIFT_CALLBACKS_SHOWN);
	for (i = 0; i < sh->sched.n; i++) {
		const struct cb_due *d = &sh->sched.v[i];

		if (!cb_due_in(d, sh->to, sh->next_to))
			continue;
		od = cb_overdue(d, sh->t_end);
		due[d->kind]++;
		late[d->kind] += od;
		ix = cases_get(&sh->cs, d->case_key);
		rsec_row(s);
		rsec_set(r, s, 0, cb_kind_name(d->kind));
		rsec_set(r, s, 1, id_format(id, "RS", d->case_key));
		if (d->complaint_key != 0)
			rsec_set(r, s, 2, id_format(id, "CP", d->complaint_key));
		if (ix != -1) {
			rsec_set(r, s, 3, rin_name(sh->in, case_value(&sh->cs, ix,
			    CASES_CUSTOMER), masked, sizeof(masked)));
			rsec_set(r, s, 4, rin_phone(sh->in, case_value(&sh->cs, ix,
			    CASES_PHONE), masked, sizeof(masked)));
		}
		rsec_time(r, s, 5, d->due_from);
		rsec_time(r, s, 6, d->due_by);
		rsec_int(r, s, 7, d->attempts);
		rsec_set(r, s, 8, od ? "y" : "n");
	}
	for (i = 0; i < CB_NKINDS; i++) {
		rsec_row(k);
		rsec_set(r, k, 0, cb_kind_name((enum cb_kind)i));
		rsec_int(r, k, 1, due[i]);
		rsec_int(r, k, 2, late[i]);
	}
}

void
shift_cancellations(struct shift *sh, struct report *r)
{
	static const char *const cols[] = { "reason", "cases" };
	static const enum rtype types[] = { RT_ENUM, RT_INT };
	const struct column *rc = &schema_dispatch.cols[DISPATCH_REASON];
	const struct dtimeline *t;
	struct tally tl = { 0 };
	struct rsection *s;
	size_t i;
	int k;

	/* Every reason always listed, in the schema's order: the table keeps its shape. */
	for (k = 0; k < rc->n_enums; k++)
		tally_add(&tl, rc->enums[k], 0);
	for (i = 0; i < sh->cs.f.n; i++) {
		if (sh->cs.opened_at[i] == RS_TIME_NONE || sh->cs.opened_at[i] < sh->from ||
		    sh->cs.opened_at[i] >= sh->to)
			continue;
		t = dispatch_get(&sh->all, sh->cs.f.items[i].key);
		if (t != NULL && t->state == DS_CANCELLED)
			tally_add(&tl, t->reason, 1);
	}
	s = report_section(r, "cancellations", "Cancellations by reason (the shift's cases)",
	    RSH_MAP, 2, cols, types);
	tally_section(r, s, &tl, 0);
	tally_free(&tl);
}
