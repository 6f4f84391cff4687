/*
 * reports_weekly.c - the weekly complaint review (SPEC 6 rs-report
 * weekly, SPEC 10): totals and rate per 1000 cases against the previous
 * week, breakdowns, first contact and resolution in time, overdue
 * complaints, complainant satisfaction against the target, corrective
 * actions, the red list and an 8-week trend; the crisis, compensation
 * and suggestions sections are in reports_weekly_team.c.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "providers.h"
#include "report.h"
#include "reports.h"
#include "schema_tables.h"
#include "weekly.h"

/* The finest fraction a target in rules.tsv has (rules.c reads 9 decimals). */
#define TARGET_SCALE 1000000000LL

static const char *
responsible(const struct weekly *w, const struct complaint *c)
{
	const char *v = cp_value(&w->cps, c, COMPLAINTS_RESPONSIBLE);

	return *v ? v : "undetermined";
}

/* provider is the complaint's provider, else the case's last assigned one (as rs-complain list). */
static const char *
provider(const struct weekly *w, const struct complaint *c)
{
	const char *v = cp_value(&w->cps, c, COMPLAINTS_PROVIDER);
	const struct dtimeline *t;

	if (*v)
		return v;
	t = dispatch_get(&w->ds, c->case_key);
	return t != NULL && t->provider[0] ? t->provider : "none";
}

static const char *
agent(const struct weekly *w, const struct complaint *c)
{
	long i = cases_get(&w->cs, c->case_key);

	if (i == -1 || (size_t)i >= w->nagent || w->agent[i] == NULL || !*w->agent[i])
		return "unknown";
	return w->agent[i];
}

/* provider_names fills column 2 of s with the roster's name of the provider in column 0. */
static void
provider_names(struct weekly *w, struct report *r, struct rsection *s)
{
	const struct provider *p;
	struct roster ro;
	struct rs_err e;
	size_t i;

	memset(&ro, 0, sizeof(ro));
	err_clear(&e);
	/* Names are a courtesy: a roster that cannot be read leaves them empty. */
	if (w->in->dir == NULL || roster_load(w->in->dir, &ro, &e) == -1)
		return;
	for (i = 0; i < s->nrows; i++)
		if ((p = roster_find(&ro, rsec_cell(s, i, 0))) != NULL && p->name[0])
			s->cells[i * (size_t)s->ncols + 2] = report_strdup(r, p->name);
	roster_free(&ro);
}

static void
breakdowns(struct weekly *w, struct report *r)
{
	static const char *const names[] = { "by_category", "by_level", "by_responsible",
	    "by_provider", "by_agent" };
	static const char *const titles[] = { N_("Complaints by category"),
	    N_("Complaints by level"), N_("Complaints by responsible party"),
	    N_("Complaints by provider"), N_("Complaints by agent who opened the case") };
	static const char *const cols[][2] = { { "category", "complaints" },
	    { "level", "complaints" }, { "responsible", "complaints" },
	    { "provider", "complaints" }, { "agent", "complaints" } };
	static const enum rtype types[][2] = { { RT_ENUM, RT_INT }, { RT_ENUM, RT_INT },
	    { RT_ENUM, RT_INT }, { RT_ID, RT_INT }, { RT_TEXT, RT_INT } };
	/* by_provider: the name beside the id (json keeps id -> count). */
	static const char *const pcols[] = { "provider", "complaints", "name" };
	static const enum rtype ptypes[] = { RT_ID, RT_INT, RT_TEXT };
	static const int pshow[] = { 0, 2, 1 };
	struct tally t[5];
	struct rsection *s;
	char lv[16];
	size_t i;
	int k;

	memset(t, 0, sizeof(t));
	/* Levels 1-4 always listed, in order. */
	for (k = 1; k <= 4; k++) {
		snprintf(lv, sizeof(lv), "%d", k);
		tally_add(&t[1], lv, 0);
	}
	for (i = 0; i < w->nwk; i++) {
		const struct complaint *c = w->wk[i];
		const char *cat = cp_value(&w->cps, c, COMPLAINTS_CATEGORY);

		tally_add(&t[0], *cat ? cat : "other", 1);
		snprintf(lv, sizeof(lv), "%d", c->level);
		tally_add(&t[1], lv, 1);
		tally_add(&t[2], responsible(w, c), 1);
		tally_add(&t[3], provider(w, c), 1);
		tally_add(&t[4], agent(w, c), 1);
	}
	for (k = 0; k < 5; k++) {
		if (k == 3) {
			s = report_section(r, names[k], titles[k], RSH_MAP, 3, pcols, ptypes);
			rsec_show(s, pshow, 3, 0);
		} else
			s = report_section(r, names[k], titles[k], RSH_MAP, 2, cols[k], types[k]);
		if (k != 1)
			s->chart = RCH_BAR, s->chart_col = 1;
		tally_section(r, s, &t[k], k != 1);
		if (k == 3)
			provider_names(w, r, s);
		tally_free(&t[k]);
	}
}

static void
overdue(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "complaint_id", "case_id", "level", "category",
	    "state", "opened_at", "resolve_due" };
	static const enum rtype types[] = { RT_ID, RT_ID, RT_INT, RT_ENUM, RT_ENUM, RT_TIME,
	    RT_TIME };
	/* In 80 columns: the complaint, how bad, where it stands, since when overdue. */
	static const int show[] = { 0, 2, 3, 4, 6 };
	struct complaint **v = xcalloc(w->cps.f.n + 1, sizeof(*v));
	struct rsection *s;
	size_t i, n = 0;

	for (i = 0; i < w->cps.f.n; i++) {
		struct complaint *c = &w->cps.c[i];

		if (c->opened_at != RS_TIME_NONE && c->state != CP_NONE && cp_is_open(c) &&
		    cp_resolve_due(c, &w->in->rules) < w->in->as_of)
			v[n++] = c;
	}
	qsort(v, n, sizeof(*v), weekly_cmp_complaint);
	s = report_section(r, "overdue", "Overdue open complaints (any week)", RSH_IDS, 7,
	    cols, types);
	rsec_show(s, show, (int)(sizeof(show) / sizeof(show[0])), 0);
	for (i = 0; i < n; i++) {
		rsec_row(s);
		rsec_set(r, s, 0, cp_value(&w->cps, v[i], COMPLAINTS_COMPLAINT_ID));
		rsec_set(r, s, 1, cp_value(&w->cps, v[i], COMPLAINTS_CASE_ID));
		rsec_int(r, s, 2, v[i]->level);
		rsec_set(r, s, 3, cp_value(&w->cps, v[i], COMPLAINTS_CATEGORY));
		rsec_set(r, s, 4, cp_state_name(v[i]->state));
		rsec_time(r, s, 5, v[i]->opened_at);
		rsec_time(r, s, 6, cp_resolve_due(v[i], &w->in->rules));
	}
	free(v);
}

/*
 * fee_unauthorized lists the week's fee complaints on cases where the
 * customer had not agreed to a price (no authorized event before the
 * complaint's at): the ones the desk cannot answer with an agreement.
 */
static void
fee_unauthorized(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "complaint_id", "case_id", "level", "state",
	    "opened_at" };
	static const enum rtype types[] = { RT_ID, RT_ID, RT_INT, RT_ENUM, RT_TIME };
	const struct dtimeline *t;
	struct rsection *s;
	size_t i;

	s = report_section(r, "fee_unauthorized",
	    N_("Fee complaints without an agreed price"), RSH_IDS, 5, cols, types);
	for (i = 0; i < w->nwk; i++) {
		const struct complaint *c = w->wk[i];

		if (strcmp(cp_value(&w->cps, c, COMPLAINTS_CATEGORY), "fee") != 0)
			continue;
		t = dispatch_get(&w->ds, c->case_key);
		if (t != NULL && t->first_authorized != RS_TIME_NONE &&
		    t->first_authorized < c->opened_at)
			continue;
		rsec_row(s);
		rsec_set(r, s, 0, cp_value(&w->cps, c, COMPLAINTS_COMPLAINT_ID));
		rsec_set(r, s, 1, cp_value(&w->cps, c, COMPLAINTS_CASE_ID));
		rsec_int(r, s, 2, c->level);
		rsec_set(r, s, 3, cp_state_name(c->state));
		rsec_time(r, s, 4, c->opened_at);
	}
}

struct open_action {
	const struct complaint *c;
	const struct cp_action *a;
	int overdue;
};

/* cmp_action puts overdue actions first, then by due date (none last), then complaint id (SPEC 6). */
static int
cmp_action(const void *x, const void *y)
{
	const struct open_action *a = x, *b = y;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if ((a->a->due == 0) != (b->a->due == 0))
		return a->a->due == 0 ? 1 : -1;
	if (a->a->due != b->a->due)
		return a->a->due < b->a->due ? -1 : 1;
	if (a->c->key != b->c->key)
		return a->c->key < b->c->key ? -1 : 1;
	return a->a->at < b->a->at ? -1 : a->a->at > b->a->at;
}

static void
actions(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "open", "done", "overdue" };
	static const enum rtype types[] = { RT_INT, RT_INT, RT_INT };
	static const char *const lcols[] = { "complaint_id", "action", "owner", "due",
	    "overdue" };
	static const enum rtype ltypes[] = { RT_ID, RT_TEXT, RT_TEXT, RT_ENUM, RT_BOOL };
	struct rsection *s, *l;
	struct open_action *v = NULL;
	long long open = 0, done = 0, late = 0;
	int today = time_local_date(w->in->as_of);
	size_t i, k, cap = 0;

	s = report_section(r, "actions", "Corrective actions (open and overdue: any week; "
	    "done: this week)", RSH_RECORD, 3, cols, types);
	l = report_section(r, "open_actions", "Open corrective actions, overdue first",
	    RSH_ARRAY, 5, lcols, ltypes);
	for (i = 0; i < w->cps.f.n; i++) {
		struct complaint *c = &w->cps.c[i];

		for (k = 0; k < c->nactions; k++) {
			struct cp_action *a = &c->actions[k];

			/* Open = not done at --as-of, whatever the week; done = during the week. */
			if (a->done_at != RS_TIME_NONE && a->done_at <= w->in->as_of) {
				done += a->done_at >= w->tw[TREND_WEEKS - 1] &&
				    a->done_at < w->tw[TREND_WEEKS];
				continue;
			}
			if ((size_t)open == cap) {
				cap = cap ? cap * 2 : 64;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[open].c = c;
			v[open].a = a;
			/* Due is a date: overdue once that day is over. */
			v[open].overdue = a->due != 0 && a->due < today;
			late += v[open].overdue;
			open++;
		}
	}
	if (open > 1)
		qsort(v, (size_t)open, sizeof(*v), cmp_action);
	for (i = 0; i < (size_t)open; i++) {
		const struct cp_action *a = v[i].a;

		rsec_row(l);
		rsec_set(r, l, 0, cp_value(&w->cps, v[i].c, COMPLAINTS_COMPLAINT_ID));
		rsec_set(r, l, 1, a->action);
		rsec_set(r, l, 2, a->owner);
		if (a->due != 0)
			rsec_setf(r, l, 3, "%04d-%02d-%02d", a->due / 10000,
			    a->due / 100 % 100, a->due % 100);
		rsec_set(r, l, 4, v[i].overdue ? "y" : "n");
	}
	free(v);
	rsec_row(s);
	rsec_int(r, s, 0, open);
	rsec_int(r, s, 1, done);
	rsec_int(r, s, 2, late);
}

/* cmp_opened orders pointers to complaints by opened at, then id: "earliest opened" (SPEC 10). */
static int
cmp_opened(const void *a, const void *b)
{
	const struct complaint *x = *(struct complaint *const *)a;
	const struct complaint *y = *(struct complaint *const *)b;

	if (x->opened_at != y->opened_at)
		return x->opened_at < y->opened_at ? -1 : 1;
	return weekly_cmp_complaint(a, b);
}

/* pair_key writes complaint c's "category<TAB>responsible" into key: tab sorts first, so by bytes it orders by category, then responsible. */
static const char *
pair_key(const struct weekly *w, const struct complaint *c, char *key, size_t n)
{
	snprintf(key, n, "%s\t%s", cp_value(&w->cps, c, COMPLAINTS_CATEGORY), responsible(w, c));
	return key;
}

/*
 * red_list fills the 5 most frequent category x responsible pairs (by
 * count, then category, then responsible); a pair's example cases are
 * those of its three earliest opened complaints, in that order, each
 * case once.
 */
static void
red_list(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "category", "responsible", "count", "cases" };
	static const enum rtype types[] = { RT_ENUM, RT_ENUM, RT_INT, RT_LIST };
	struct tally pairs = { 0 };
	struct rsection *s, tmp;
	struct complaint **byopen;
	struct buf ids = BUF_INIT;
	char key[128];
	const char *cid[3];
	size_t i, k, n, m, j;

	for (i = 0; i < w->nwk; i++)
		tally_add(&pairs, pair_key(w, w->wk[i], key, sizeof(key)), 1);
	byopen = xcalloc(w->nwk + 1, sizeof(*byopen));
	memcpy(byopen, w->wk, w->nwk * sizeof(*byopen));
	qsort(byopen, w->nwk, sizeof(*byopen), cmp_opened);
	memset(&tmp, 0, sizeof(tmp));
	tmp.ncols = 2;
	tally_section(r, &tmp, &pairs, 1);
	s = report_section(r, "red_list", "Red list: most frequent category x responsible",
	    RSH_ARRAY, 4, cols, types);
	for (k = 0; k < tmp.nrows && k < 5; k++) {
		const char *p = rsec_cell(&tmp, k, 0), *tab = strchr(p, '\t');

		rsec_row(s);
		rsec_setf(r, s, 0, "%.*s", (int)(tab - p), p);
		rsec_set(r, s, 1, tab + 1);
		rsec_set(r, s, 2, rsec_cell(&tmp, k, 1));
		buf_reset(&ids);
		for (i = 0, n = 0, m = 0; i < w->nwk && n < 3; i++) {
			if (strcmp(pair_key(w, byopen[i], key, sizeof(key)), p) != 0)
				continue;
			n++;
			cid[m] = cp_value(&w->cps, byopen[i], COMPLAINTS_CASE_ID);
			for (j = 0; j < m && strcmp(cid[j], cid[m]) != 0; j++)
				;
			if (*cid[m] == '\0' || j < m)
				continue;
			buf_printf(&ids, "%s%s", m ? "," : "", cid[m]);
			m++;
		}
		rsec_set(r, s, 3, ids.p);
	}
	buf_free(&ids);
	free(byopen);
	free(tmp.cells);
	tally_free(&pairs);
}

static void
trend(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "week", "complaints", "cases", "per_1000" };
	static const enum rtype types[] = { RT_ENUM, RT_INT, RT_INT, RT_NUM };
	struct rsection *s;
	int k, y, wn;

	s = report_section(r, "trend", "Trend: complaints per week", RSH_ARRAY, 4, cols, types);
	s->chart = RCH_LINE, s->chart_col = 1, s->chart_col2 = 3;
	if (w->nodata > 0)
		s->note = _("– = no data: the journal starts later.");
	for (k = 0; k < TREND_WEEKS; k++) {
		time_iso_week(w->tw[k], &y, &wn);
		rsec_row(s);
		rsec_setf(r, s, 0, "%04d-W%02d", y, wn);
		/* Before the journal's first case a week has no data, not 0 (SPEC 10). */
		if (k < w->nodata)
			continue;
		rsec_int(r, s, 1, w->wcomp[k]);
		rsec_int(r, s, 2, w->wcases[k]);
		rsec_ratio(r, s, 3, w->wcomp[k], w->wcases[k], 1000);
	}
}

/* pct_text writes num / den x 100 as "88.8 %" into buf (>= 40), "–" when den is 0. */
static const char *
pct_text(long long num, long long den, char *buf)
{
	char v[32];

	if (fmt_ratio(num, den, 100, v) == NULL)
		return strcpy(buf, "\xe2\x80\x93");
	snprintf(buf, 40, "%s %%", v);
	return buf;
}

/*
 * headline puts first what a team lead reads on Monday (SPEC 6): the
 * week's complaints and rate with their change, then first contact,
 * resolution in time and complainant satisfaction, each met or missed.
 * First contact and resolution have a deadline per complaint, not a
 * rate to reach: they are met when no complaint missed its deadline.
 */
static void
headline(struct weekly *w, struct report *r, const struct rsection *sum)
{
	const struct rules *ru = &w->in->rules;
	char v[64], t[64], d[160];
	const char *prev = rsec_cell(sum, 0, 7), *chg = rsec_cell(sum, 0, 8);
	long long fm, fx, fp, rm, rx, rp;

	snprintf(v, sizeof(v), "%s", rsec_cell(sum, 0, 5));
	if (w->nodata >= TREND_WEEKS - 1)
		snprintf(d, sizeof(d), "%s", _("no data for the week before"));
	else
		snprintf(d, sizeof(d), _("%s%s vs %s the week before"),
		    chg[0] != '-' && strcmp(chg, "0") != 0 ? "+" : "", chg, prev);
	report_headline(r, _("Complaints"), v, NULL, RV_NONE, d);
	if (rsec_cell(sum, 0, 9) != NULL) {
		snprintf(v, sizeof(v), "%s", rsec_cell(sum, 0, 9));
		if (rsec_cell(sum, 0, 11) != NULL && w->nodata < TREND_WEEKS - 1)
			snprintf(d, sizeof(d), _("%s%s vs %s the week before"),
			    rsec_cell(sum, 0, 11)[0] != '-' ? "+" : "", rsec_cell(sum, 0, 11),
			    rsec_cell(sum, 0, 10));
		else
			d[0] = '\0';
		report_headline(r, _("Complaints per 1000 cases"), v, NULL, RV_NONE,
		    d[0] ? d : NULL);
	}
	fm = strtoll(rsec_cell(sum, 0, 12), NULL, 10);
	fx = strtoll(rsec_cell(sum, 0, 13), NULL, 10);
	fp = strtoll(rsec_cell(sum, 0, 14), NULL, 10);
	snprintf(d, sizeof(d), _("%lld of %lld in time, %lld late, %lld pending"), fm,
	    fm + fx, fx, fp);
	snprintf(t, sizeof(t), _("all within %d h"), ru->complaint_contact_h);
	report_headline(r, _("First contact in time"), pct_text(fm, fm + fx, v), t,
	    fm + fx == 0 ? RV_NONE : fx == 0 ? RV_MET : RV_MISSED, d);
	rm = strtoll(rsec_cell(sum, 0, 16), NULL, 10);
	rx = strtoll(rsec_cell(sum, 0, 17), NULL, 10);
	rp = strtoll(rsec_cell(sum, 0, 18), NULL, 10);
	snprintf(d, sizeof(d), _("%lld of %lld in time, %lld late, %lld pending"), rm,
	    rm + rx, rx, rp);
	report_headline(r, _("Resolved in time"), pct_text(rm, rm + rx, v),
	    _("all by their deadline"), rm + rx == 0 ? RV_NONE : rx == 0 ? RV_MET : RV_MISSED,
	    d);
	snprintf(d, sizeof(d), _("%lld of %lld reached complainants satisfied"), w->cb_ok,
	    w->cb_reached);
	{
		char tv[32];
		long long tp = llround(ru->target_complainant_satisfaction * 1000);

		/* The target in the figure's unit: 0.85 is 85.0 %. */
		snprintf(tv, sizeof(tv), "%lld.%lld %%", tp / 10, tp % 10);
		report_headline(r, _("Complainant satisfaction"), pct_text(w->cb_ok,
		    w->cb_reached, v), tv, rsec_cell(sum, 0, 24) == NULL ? RV_NONE :
		    strcmp(rsec_cell(sum, 0, 24), "y") == 0 ? RV_MET : RV_MISSED, d);
	}
}

/* summary fills the top figures; pct over met + missed, pending left out (SPEC 10). */
static void
summary(struct weekly *w, struct report *r, struct rsection *s, const char *label)
{
	const struct rules *ru = &w->in->rules;
	long long fc[3] = { 0, 0, 0 }, rs[3] = { 0, 0, 0 };
	long long cur = w->wcomp[TREND_WEEKS - 1], prev = w->wcomp[TREND_WEEKS - 2];
	long long cc = w->wcases[TREND_WEEKS - 1], pc = w->wcases[TREND_WEEKS - 2];
	char a[32], b[32];
	size_t i;

	for (i = 0; i < w->nwk; i++) {
		const struct complaint *c = w->wk[i];
		rs_time due = cp_contact_due(c, ru);

		if (c->first_contact != RS_TIME_NONE)
			fc[c->first_contact <= due ? 0 : 1]++;
		else
			fc[due < w->in->as_of ? 1 : 2]++;
		/* The deadline of the level in force at --as-of: the fold's. */
		due = cp_resolve_due(c, ru);
		if (!cp_is_open(c) && c->resolved_at != RS_TIME_NONE)
			rs[c->resolved_at <= due ? 0 : 1]++;
		else
			rs[due < w->in->as_of ? 1 : 2]++;
	}
	rsec_row(s);
	rsec_set(r, s, 0, label);
	rsec_time(r, s, 1, w->tw[TREND_WEEKS - 1]);
	rsec_time(r, s, 2, w->tw[TREND_WEEKS]);
	rsec_time(r, s, 3, w->in->as_of);
	rsec_int(r, s, 4, cc);
	rsec_int(r, s, 5, cur);
	rsec_int(r, s, 6, pc);
	rsec_int(r, s, 7, prev);
	rsec_int(r, s, 8, cur - prev);
	rsec_ratio(r, s, 9, cur, cc, 1000);
	rsec_ratio(r, s, 10, prev, pc, 1000);
	/* The change of two rounded rates, so that it adds up on the page. */
	if (fmt_ratio(cur, cc, 1000, a) != NULL && fmt_ratio(prev, pc, 1000, b) != NULL) {
		long long d = round_div(cur * 10000, cc) - round_div(prev * 10000, pc);

		rsec_setf(r, s, 11, "%s%lld.%lld", d < 0 ? "-" : "", (d < 0 ? -d : d) / 10,
		    (d < 0 ? -d : d) % 10);
	}
	rsec_int(r, s, 12, fc[0]);
	rsec_int(r, s, 13, fc[1]);
	rsec_int(r, s, 14, fc[2]);
	rsec_ratio(r, s, 15, fc[0], fc[0] + fc[1], 100);
	rsec_int(r, s, 16, rs[0]);
	rsec_int(r, s, 17, rs[1]);
	rsec_int(r, s, 18, rs[2]);
	rsec_ratio(r, s, 19, rs[0], rs[0] + rs[1], 100);
	rsec_int(r, s, 20, w->cb_reached);
	rsec_int(r, s, 21, w->cb_ok);
	rsec_ratio(r, s, 22, w->cb_ok, w->cb_reached, 100);
	rsec_setf(r, s, 23, "%g", ru->target_complainant_satisfaction);
	/*
	 * The unrounded satisfaction against the target (84.96 % misses
	 * 85 %), in integers: ok / reached >= target, the target in
	 * billionths as rules.tsv can write it.
	 */
	if (w->cb_reached > 0)
		rsec_set(r, s, 24, w->cb_ok * TARGET_SCALE >=
		    llround(ru->target_complainant_satisfaction * TARGET_SCALE) *
		    w->cb_reached ? "y" : "n");
}

int
report_weekly(const struct rinputs *in, int year, int week, struct report **out,
    struct rs_err *e)
{
	static const char *const cols[] = { "week", "from", "to", "as_of", "cases",
	    "complaints", "previous_cases", "previous_complaints", "complaints_change",
	    "per_1000", "previous_per_1000", "per_1000_change", "first_contact_met",
	    "first_contact_missed", "first_contact_pending", "first_contact_pct",
	    "resolved_in_time_met", "resolved_in_time_missed", "resolved_in_time_pending",
	    "resolved_in_time_pct", "complainant_callbacks", "complainant_satisfied",
	    "complainant_satisfaction_pct", "target", "target_met" };
	static const enum rtype types[] = { RT_ENUM, RT_TIME, RT_TIME, RT_TIME, RT_INT,
	    RT_INT, RT_INT, RT_INT, RT_INT, RT_NUM, RT_NUM, RT_NUM, RT_INT, RT_INT, RT_INT,
	    RT_PCT, RT_INT, RT_INT, RT_INT, RT_PCT, RT_INT, RT_INT, RT_PCT, RT_NUM, RT_BOOL };
	static const int sum_show[] = { 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	    17, 18, 19, 20, 21, 22, 24 };
	struct weekly w;
	struct report *r;
	struct rsection *sum;
	char label[16], a[TIME_ISO_MAX], b[TIME_ISO_MAX], c[TIME_ISO_MAX], title[64];
	int k, rc;

	memset(&w, 0, sizeof(w));
	w.in = in;
	w.tw[TREND_WEEKS - 1] = time_week_start(year, week);
	for (k = TREND_WEEKS - 2; k >= 0; k--)
		w.tw[k] = time_add_days(w.tw[k + 1], -7);
	w.tw[TREND_WEEKS] = time_add_days(w.tw[TREND_WEEKS - 1], 7);
	cp_set_init(&w.cps);
	cases_init(&w.cs);
	dispatch_set_init(&w.ds);
	*out = NULL;
	if ((rc = weekly_load(&w, e)) == 0 && w.wcases[0] == 0 && w.wcomp[0] == 0) {
		rs_time first;

		/* Leading empty weeks: before the journal's first case, or a quiet desk? */
		if ((rc = rin_first(in, RJ_CASES, &first, e)) == 0)
			while (w.nodata < TREND_WEEKS - 1 && w.wcases[w.nodata] == 0 &&
			    w.wcomp[w.nodata] == 0 &&
			    (first == RS_TIME_NONE || w.tw[w.nodata + 1] <= first))
				w.nodata++;
	}
	if (rc == 0) {
		snprintf(label, sizeof(label), "%04d-W%02d", year, week);
		snprintf(title, sizeof(title), _("Weekly complaint review %s"), label);
		r = report_new("weekly", title);
		report_today(r, in->as_of);
		report_subtitle(r, "%s to %s, as of %s",
		    time_format_minute(w.tw[TREND_WEEKS - 1], a),
		    time_format_minute(w.tw[TREND_WEEKS], b), time_format_minute(in->as_of, c));
		sum = report_section(r, "summary", "Summary", RSH_FLAT, 25, cols, types);
		/* The period is the subtitle's; the target in its unit is the headline's. */
		rsec_show(sum, sum_show, (int)(sizeof(sum_show) / sizeof(sum_show[0])), 0);
		summary(&w, r, sum, label);
		headline(&w, r, sum);
		/* The review reads the direction first, then the detail. */
		trend(&w, r);
		breakdowns(&w, r);
		red_list(&w, r);
		overdue(&w, r);
		actions(&w, r);
		fee_unauthorized(&w, r);
		weekly_crisis(&w, r);
		weekly_compensation(&w, r);
		weekly_suggestions(&w, r);
		*out = r;
	}
	free(w.wk);
	free(w.agent);
	free(w.sug);
	arena_free(&w.sug_arena);
	idmap_free(&w.want);
	dispatch_set_free(&w.ds);
	cases_free(&w.cs);
	cp_set_free(&w.cps);
	return rc;
}
