/*
 * reports_kpi.c - the KPI table (SPEC 6 rs-report kpi, SPEC 10): per
 * day, ISO week or month, cases, dispatch and arrival SLA %, complaints
 * and their rate per 1000 cases, CSAT, NPS and complainant
 * satisfaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cases.h"
#include "dispatch.h"
#include "err.h"
#include "journal.h"
#include "kindex.h"
#include "ids.h"
#include "i18n.h"
#include "report.h"
#include "reports.h"
#include "row.h"
#include "rscan.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

#define KPI_MAX_PERIODS 1000

struct period {
	rs_time start, end;
	long long cases, complaints;
	long long sla[2][2];		/* dispatch, arrive: met, missed */
	long long svc_reached, svc_ok, nps_n, nps_pro, nps_det;
	long long cp_reached, cp_ok;
};

/*
 * What the KPI table needs of one case, and no more: the folded state
 * of a case (every column as a string, struct cases) and a full
 * dispatch timeline cost 1.4 GB for a million cases and a quarter of
 * the time in page faults. The fields follow cases_add (opened row's
 * at; last non-empty call_at, road and scheduled_at); of the dispatch
 * rows only the times the SLA steps read are kept (struct dsteps,
 * filled as dtimeline_add fills it), so that kpi measures as every
 * other report.
 */
struct kcase {
	rs_time opened_at, call_at, scheduled_at;
	signed char road;	/* CASES_ROAD enum index of the last non-empty road, -1 none */
};

/*
 * The parts a scan folds each slice of a journal into (rscan.h): the
 * cases, the dispatch steps of cases, and the complaints and callbacks
 * counted by period.
 */
struct kcases {
	struct kindex ix;
	struct kcase *c;
};

struct kdisp {
	struct kindex ix;
	struct dsteps *d;
};

struct kper {
	struct period *p;
	size_t n;
	size_t last;		/* the period of the last row: rows come in time order */
};

struct kpi {
	const struct rinputs *in;
	struct period *p;
	size_t n;
	struct kcases *cases;
	struct kdisp *disp;
};

/* period_of returns the period of p[0..n) holding t, or NULL; *last is where the search starts and ends. */
static struct period *
period_of(struct period *p, size_t n, size_t *last, rs_time t)
{
	size_t lo = 0, hi = n, mid;

	if (n == 0 || t < p[0].start || t >= p[n - 1].end)
		return NULL;
	if (p[*last].start <= t && t < p[*last].end)
		return &p[*last];
	/* The periods are sorted and adjacent: bisect. */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (p[mid].start <= t)
			lo = mid;
		else
			hi = mid;
	}
	*last = lo;
	return &p[lo];
}

/*
 * The enum values the folds look for, as indexes among their column's
 * values (jrow_enum): an integer compare per row, not a strcmp. Set by
 * report_kpi before any scan; the same on every call.
 */
static struct {
	int case_opened, complaint_opened, remote, service, complaint, reached;
} ke;

static void
ke_init(void)
{
	ke.case_opened = schema_enum_index(&schema_cases.cols[CASES_EVENT], "opened", 6);
	ke.complaint_opened = schema_enum_index(&schema_complaints.cols[COMPLAINTS_EVENT],
	    "opened", 6);
	ke.remote = schema_enum_index(&schema_dispatch.cols[DISPATCH_OUTCOME], "remote", 6);
	ke.service = schema_enum_index(&schema_callbacks.cols[CALLBACKS_KIND], "service", 7);
	ke.complaint = schema_enum_index(&schema_callbacks.cols[CALLBACKS_KIND], "complaint", 9);
	ke.reached = schema_enum_index(&schema_callbacks.cols[CALLBACKS_RESULT], "reached", 7);
}

static rs_time
ts_or_none(const char *v, size_t n)
{
	rs_time t;

	return n > 0 && time_parse_ts(v, n, &t) == 0 ? t : RS_TIME_NONE;
}

/* kcase_of returns key's case in cs, added empty if new. */
static struct kcase *
kcase_of(struct kcases *cs, uint64_t key)
{
	struct kcase *c;
	long i;
	int grown;

	if ((i = kindex_get(&cs->ix, key)) != -1)
		return &cs->c[i];
	i = (long)kindex_add(&cs->ix, key, &grown);
	if (grown)
		cs->c = xrealloc(cs->c, cs->ix.cap * sizeof(*cs->c));
	c = &cs->c[i];
	c->opened_at = c->call_at = c->scheduled_at = RS_TIME_NONE;
	c->road = -1;
	return c;
}

static void
on_case(const struct row *r, void *part)
{
	struct kcase *c;
	uint64_t key;
	int road;

	if (jrow_case_key(r, CASES_CASE_ID, &key) == -1)
		return;
	c = kcase_of(part, key);
	/* Only the first opened row counts (cases_add); other values: the last non-empty wins. */
	if (c->opened_at == RS_TIME_NONE && jrow_enum(r, &schema_cases, CASES_EVENT) ==
	    ke.case_opened)
		c->opened_at = jrow_at(r);
	if (r->len[CASES_CALL_AT] > 0)
		c->call_at = ts_or_none(r->v[CASES_CALL_AT], r->len[CASES_CALL_AT]);
	if (r->len[CASES_SCHEDULED_AT] > 0)
		c->scheduled_at = ts_or_none(r->v[CASES_SCHEDULED_AT], r->len[CASES_SCHEDULED_AT]);
	if ((road = jrow_enum(r, &schema_cases, CASES_ROAD)) >= 0)
		c->road = (signed char)road;
}

static void *
kcases_new(void *ctx)
{
	(void)ctx;
	return xcalloc(1, sizeof(struct kcases));
}

static void
kcases_free(void *part)
{
	struct kcases *cs = part;

	if (cs == NULL)
		return;
	kindex_free(&cs->ix);
	free(cs->c);
	free(cs);
}

/* kcases_merge folds the cases of a later slice into cs, as on_case would have. */
static void
kcases_merge(void *into, void *later, void *ctx)
{
	struct kcases *cs = into, *b = later;
	struct kcase *c;
	size_t i;

	(void)ctx;
	for (i = 0; i < b->ix.n; i++) {
		const struct kcase *x = &b->c[i];

		c = kcase_of(cs, b->ix.keys[i]);
		if (c->opened_at == RS_TIME_NONE)
			c->opened_at = x->opened_at;
		if (x->call_at != RS_TIME_NONE)
			c->call_at = x->call_at;
		if (x->scheduled_at != RS_TIME_NONE)
			c->scheduled_at = x->scheduled_at;
		if (x->road >= 0)
			c->road = x->road;
	}
	kcases_free(b);
}

static const struct rscan_fold kcases_fold = { kcases_new, on_case, kcases_merge, kcases_free };

/* dsteps_of returns key's steps in kd, added empty if new. */
static struct dsteps *
dsteps_of(struct kdisp *kd, uint64_t key)
{
	long i;
	int grown;

	if ((i = kindex_get(&kd->ix, key)) != -1)
		return &kd->d[i];
	i = (long)kindex_add(&kd->ix, key, &grown);
	if (grown)
		kd->d = xrealloc(kd->d, kd->ix.cap * sizeof(*kd->d));
	dsteps_init(&kd->d[i]);
	return &kd->d[i];
}

static void
on_dispatch(const struct row *r, void *part)
{
	enum devent ev;
	uint64_t key;
	rs_time at;

	if (jrow_case_key(r, DISPATCH_CASE_ID, &key) == -1 ||
	    devent_parse(r->v[DISPATCH_EVENT], &ev) == -1 ||
	    (at = jrow_at(r)) == RS_TIME_NONE)
		return;
	dsteps_add(dsteps_of(part, key), ev, at, ev == DE_COMPLETED &&
	    jrow_enum(r, &schema_dispatch, DISPATCH_OUTCOME) == ke.remote);
}

static void *
kdisp_new(void *ctx)
{
	(void)ctx;
	return xcalloc(1, sizeof(struct kdisp));
}

static void
kdisp_free(void *part)
{
	struct kdisp *kd = part;

	if (kd == NULL)
		return;
	kindex_free(&kd->ix);
	free(kd->d);
	free(kd);
}

static void
kdisp_merge(void *into, void *later, void *ctx)
{
	struct kdisp *kd = later;
	size_t i;

	(void)ctx;
	for (i = 0; i < kd->ix.n; i++)
		dsteps_merge(dsteps_of(into, kd->ix.keys[i]), &kd->d[i]);
	kdisp_free(kd);
}

static const struct rscan_fold kdisp_fold = { kdisp_new, on_dispatch, kdisp_merge, kdisp_free };

static void
on_complaint(const struct row *r, void *part)
{
	struct kper *kp = part;
	struct period *p;

	if (jrow_enum(r, &schema_complaints, COMPLAINTS_EVENT) == ke.complaint_opened &&
	    (p = period_of(kp->p, kp->n, &kp->last, jrow_at(r))) != NULL)
		p->complaints++;
}

static void
on_callback(const struct row *r, void *part)
{
	struct kper *kp = part;
	struct period *p;
	int kind = jrow_enum(r, &schema_callbacks, CALLBACKS_KIND);
	int reached = jrow_enum(r, &schema_callbacks, CALLBACKS_RESULT) == ke.reached;
	int ok = r->len[CALLBACKS_OVERALL] > 0 && atoi(r->v[CALLBACKS_OVERALL]) >= 4;
	int nps;

	/* A callback belongs to the period of its own at (SPEC 10). */
	if ((p = period_of(kp->p, kp->n, &kp->last, jrow_at(r))) == NULL)
		return;
	if (kind == ke.service) {
		p->svc_reached += reached;
		p->svc_ok += reached && ok;
		if (r->len[CALLBACKS_NPS] > 0) {
			nps = atoi(r->v[CALLBACKS_NPS]);
			p->nps_n++;
			p->nps_pro += nps >= 9;
			p->nps_det += nps <= 6;
		}
	} else if (kind == ke.complaint) {
		p->cp_reached += reached;
		p->cp_ok += reached && ok;
	}
}

/* kper_new returns a copy of the site's periods, counts zero: a slice's part. */
static void *
kper_new(void *ctx)
{
	const struct kpi *k = ctx;
	struct kper *kp = xcalloc(1, sizeof(*kp));
	size_t i;

	kp->n = k->n;
	kp->p = xcalloc(k->n ? k->n : 1, sizeof(*kp->p));
	for (i = 0; i < k->n; i++) {
		kp->p[i].start = k->p[i].start;
		kp->p[i].end = k->p[i].end;
	}
	return kp;
}

static void
kper_free(void *part)
{
	struct kper *kp = part;

	if (kp == NULL)
		return;
	free(kp->p);
	free(kp);
}

static void period_sum(struct period *a, const struct period *b);

static void
kper_merge(void *into, void *later, void *ctx)
{
	struct kper *a = into, *b = later;
	size_t i;

	(void)ctx;
	for (i = 0; i < a->n; i++)
		period_sum(&a->p[i], &b->p[i]);
	kper_free(b);
}

static const struct rscan_fold kcomplaints_fold = { kper_new, on_complaint, kper_merge,
    kper_free };
static const struct rscan_fold kcallbacks_fold = { kper_new, on_callback, kper_merge,
    kper_free };

static void
tally_cases(struct kpi *k)
{
	struct sla_result res[SLA_NSTEPS];
	struct sla_case sc;
	struct period *p;
	size_t i, last = 0;
	long j;

	for (i = 0; i < k->cases->ix.n; i++) {
		const struct kcase *c = &k->cases->c[i];

		if (c->opened_at == RS_TIME_NONE ||
		    (p = period_of(k->p, k->n, &last, c->opened_at)) == NULL)
			continue;
		p->cases++;
		sc.opened_at = c->opened_at;
		sc.call_at = c->call_at;
		sc.road = c->road >= 0 ? schema_cases.cols[CASES_ROAD].enums[(int)c->road] : "";
		sc.scheduled_at = c->scheduled_at;
		j = kindex_get(&k->disp->ix, k->cases->ix.keys[i]);
		sla_steps(&sc, j != -1 ? &k->disp->d[j] : NULL, &k->in->rules, k->in->as_of, res);
		if (res[SLA_DISPATCH].status == SLA_MET || res[SLA_DISPATCH].status == SLA_MISSED)
			p->sla[0][res[SLA_DISPATCH].status == SLA_MISSED]++;
		if (res[SLA_ARRIVE].status == SLA_MET || res[SLA_ARRIVE].status == SLA_MISSED)
			p->sla[1][res[SLA_ARRIVE].status == SLA_MISSED]++;
	}
}

/* The columns of the periods table; --by-site puts "site" first. */
static const char *const kpi_cols[] = { "site", "period", "cases", "dispatch_sla_pct",
    "arrival_sla_pct", "complaints", "per_1000", "csat_pct", "nps",
    "complainant_satisfaction_pct" };
static const enum rtype kpi_types[] = { RT_ENUM, RT_ENUM, RT_INT, RT_PCT, RT_PCT, RT_INT,
    RT_NUM, RT_PCT, RT_INT, RT_PCT };

/* period_row adds p as a row of s: site (when by_site) in column 0, the figures after. */
static void
period_row(struct report *r, struct rsection *s, const struct period *p, enum kpi_by by,
    int by_site, const char *site)
{
	char label[32];
	int c = by_site;

	kpi_period_label(p->start, by, label, sizeof(label));
	rsec_row(s);
	if (by_site)
		rsec_set(r, s, 0, site);
	rsec_set(r, s, c, label);
	rsec_int(r, s, c + 1, p->cases);
	rsec_ratio(r, s, c + 2, p->sla[0][0], p->sla[0][0] + p->sla[0][1], 100);
	rsec_ratio(r, s, c + 3, p->sla[1][0], p->sla[1][0] + p->sla[1][1], 100);
	rsec_int(r, s, c + 4, p->complaints);
	rsec_ratio(r, s, c + 5, p->complaints, p->cases, 1000);
	rsec_ratio(r, s, c + 6, p->svc_ok, p->svc_reached, 100);
	if (p->nps_n > 0)
		rsec_int(r, s, c + 7, round_div(100 * (p->nps_pro - p->nps_det), p->nps_n));
	rsec_ratio(r, s, c + 8, p->cp_ok, p->cp_reached, 100);
}

/* period_sum adds the counts of b to a; the ratios are computed again from the sums. */
static void
period_sum(struct period *a, const struct period *b)
{
	int i, j;

	a->cases += b->cases;
	a->complaints += b->complaints;
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++)
			a->sla[i][j] += b->sla[i][j];
	a->svc_reached += b->svc_reached;
	a->svc_ok += b->svc_ok;
	a->nps_n += b->nps_n;
	a->nps_pro += b->nps_pro;
	a->nps_det += b->nps_det;
	a->cp_reached += b->cp_reached;
	a->cp_ok += b->cp_ok;
}

/*
 * fill writes the periods table: the network's periods (net, n), or with
 * by_site one row per period and site (site[i] of the nsite sites, in
 * the order of ord), periods first.
 */
static void
fill(struct report *r, enum kpi_by by, const struct period *net, size_t n, int by_site,
    struct period *const *site, const char *const *code, const size_t *ord, size_t nsite)
{
	struct rsection *s;
	size_t i, j;

	s = report_section(r, "periods", "KPIs by period", RSH_ARRAY, 9 + by_site,
	    kpi_cols + !by_site, kpi_types + !by_site);
	s->chart = RCH_LINE, s->chart_col = 1 + by_site;
	s->note = report_strdup(r, _("SLA % = met / (met + missed); per_1000 = complaints / "
	    "cases x 1000; CSAT % = reached service callbacks with overall >= 4; "
	    "NPS = % 9-10 minus % 0-6"));
	for (i = 0; i < n; i++) {
		if (!by_site) {
			period_row(r, s, &net[i], by, 0, NULL);
			continue;
		}
		for (j = 0; j < nsite; j++)
			period_row(r, s, &site[ord[j]][i], by, 1, code[ord[j]]);
	}
}

/*
 * kpi_site reads one site's journals (k->in) into its periods k->p
 * (from since): cases beside dispatch, then complaints beside
 * callbacks, the threads the scan may use shared between each two;
 * their warnings and errors come in the order cases, dispatch,
 * complaints, callbacks. Returns 0, or -1 with e set.
 */
static int
kpi_site(struct kpi *k, rs_time since, struct rs_err *e)
{
	void *cp = NULL, *cb = NULL;
	size_t i;
	int rc = -1;

	k->cases = NULL;
	k->disp = NULL;
	if (rscan_fold2(k->in, since, k, RJ_CASES, &kcases_fold, (void **)&k->cases,
	    RJ_DISPATCH, &kdisp_fold, (void **)&k->disp, e) == 0 &&
	    rscan_fold2(k->in, since, k, RJ_COMPLAINTS, &kcomplaints_fold, &cp,
	    RJ_CALLBACKS, &kcallbacks_fold, &cb, e) == 0) {
		for (i = 0; i < k->n; i++) {
			period_sum(&k->p[i], &((struct kper *)cp)->p[i]);
			period_sum(&k->p[i], &((struct kper *)cb)->p[i]);
		}
		tally_cases(k);
		rc = 0;
	}
	kcases_free(k->cases);
	kdisp_free(k->disp);
	kper_free(cp);
	kper_free(cb);
	return rc;
}

/* order_sites sorts ord[0..n) (indexes into code) by site code: a few sites, an insertion sort. */
static void
order_sites(size_t *ord, const char *const *code, size_t n)
{
	size_t i, j, x;

	for (i = 1; i < n; i++) {
		x = ord[i];
		for (j = i; j > 0 && strcmp(code[ord[j - 1]], code[x]) > 0; j--)
			ord[j] = ord[j - 1];
		ord[j] = x;
	}
}

int
report_kpi(const struct rinputs *in, size_t nin, rs_time from, rs_time to, enum kpi_by by,
    int by_site, struct report **out, struct rs_err *e)
{
	static const char *const byname[] = { "day", "week", "month" };
	static const char *const cols[] = { "from", "to", "by", "as_of" };
	static const enum rtype types[] = { RT_TIME, RT_TIME, RT_ENUM, RT_TIME };
	struct kpi k;
	struct period *tmpl, *net, **site;
	const char **code;
	size_t i, j, n = 0, *ord;
	struct report *r;
	struct rsection *s;
	rs_time t, since;
	char a[TIME_ISO_MAX], b[TIME_ISO_MAX], c[TIME_ISO_MAX];
	int rc = 0;

	*out = NULL;
	ke_init();
	tmpl = xcalloc(KPI_MAX_PERIODS, sizeof(*tmpl));
	for (t = kpi_period_start(from, by); t <= to; t = kpi_period_next(t, by)) {
		if (n == KPI_MAX_PERIODS) {
			free(tmpl);
			return err_set(e, RS_EUSAGE, NULL, "more than %d periods: "
			    "narrow --since/--until or use a longer --by", KPI_MAX_PERIODS);
		}
		tmpl[n].start = t;
		tmpl[n].end = kpi_period_next(t, by);
		if (tmpl[n].end >= time_range_end()) {
			/* Its end could only be written with a five-digit year. */
			char label[32];

			kpi_period_label(t, by, label, sizeof(label));
			free(tmpl);
			return err_set(e, RS_EDATA, NULL, "the %s %s runs to the end of the "
			    "supported range %s (end the report earlier: --until, --as-of)",
			    C_("value", byname[by]), label, time_range_text());
		}
		n++;
	}
	since = n ? tmpl[0].start - SCHEMA_AT_AHEAD_S : from;
	/* Each site is measured by its own rules (SPEC 12), in the periods of the first's zone. */
	net = xcalloc(n ? n : 1, sizeof(*net));
	memcpy(net, tmpl, n * sizeof(*net));
	site = xcalloc(nin, sizeof(*site));
	code = xcalloc(nin, sizeof(*code));
	ord = xcalloc(nin, sizeof(*ord));
	for (i = 0; i < nin && rc == 0; i++) {
		memset(&k, 0, sizeof(k));
		k.in = &in[i];
		k.n = n;
		k.p = site[i] = xcalloc(n ? n : 1, sizeof(*k.p));
		memcpy(k.p, tmpl, n * sizeof(*k.p));
		code[i] = in[i].rules.site_code;
		ord[i] = i;
		if (n == 0 || kpi_site(&k, since, e) == -1)
			rc = -1;
		for (j = 0; j < n && rc == 0; j++)
			period_sum(&net[j], &k.p[j]);
	}
	if (rc == 0) {
		order_sites(ord, code, nin);
		r = report_new("kpi", N_("KPIs"));
		report_subtitle(r, "by %s, %s to %s, as of %s", C_("value", byname[by]),
		    time_format_minute(tmpl[0].start, a),
		    time_format_minute(tmpl[n - 1].end, b), time_format_minute(in->as_of, c));
		s = report_section(r, "summary", "Summary", RSH_FLAT, 4, cols, types);
		s->hidden = 1;
		rsec_row(s);
		rsec_time(r, s, 0, tmpl[0].start);
		rsec_time(r, s, 1, tmpl[n - 1].end);
		rsec_set(r, s, 2, byname[by]);
		rsec_time(r, s, 3, in->as_of);
		fill(r, by, net, n, by_site, site, code, ord, nin);
		*out = r;
	}
	for (i = 0; i < nin; i++)
		free(site[i]);
	free(site);
	free(code);
	free(ord);
	free(net);
	free(tmpl);
	return rc;
}
