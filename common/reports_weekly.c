/*
 * reports_weekly.c - the weekly complaint review (SPEC 6 rs-report
 * weekly, SPEC 10): totals and rate per 1000 cases against the previous
 * week, breakdowns, first contact and resolution in time, overdue
 * complaints, complainant satisfaction against the target, corrective
 * actions, the red list and an 8-week trend.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "idmap.h"
#include "journal.h"
#include "ids.h"
#include "i18n.h"
#include "report.h"
#include "reports.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

#define TREND_WEEKS 8

/* Two days: case_since is midnight in the reader's zone, the id's date the writer's. */
#define ZONE_SLACK_S (2 * 86400)

struct weekly {
	const struct rinputs *in;
	rs_time tw[TREND_WEEKS + 1];	/* trend week starts; tw[7] the report week, tw[8] its end */
	long long wcases[TREND_WEEKS];	/* cases opened per trend week */
	long long wcomp[TREND_WEEKS];	/* complaints opened per trend week */
	struct complaint_set cps;
	struct complaint **wk;		/* the report week's complaints, by id */
	size_t nwk;
	struct idmap want;		/* their cases */
	struct cases cs;
	const char **agent;		/* agent of each folded case's opened row */
	size_t nagent;
	struct dispatch_set ds;
	long long cb_reached, cb_ok;
};

/* week_of returns the trend week holding t, or -1. */
static int
week_of(const struct weekly *w, rs_time t)
{
	int k;

	for (k = 0; k < TREND_WEEKS; k++)
		if (t >= w->tw[k] && t < w->tw[k + 1])
			return k;
	return -1;
}

static void
on_complaint(const struct row *r, void *arg)
{
	struct weekly *w = arg;

	(void)cp_set_add(&w->cps, r);
}

static void
on_case(const struct row *r, void *arg)
{
	struct weekly *w = arg;
	uint64_t key;
	size_t dummy;
	rs_time at;
	long i;
	int k;

	if (id_parse(r->v[CASES_CASE_ID], r->len[CASES_CASE_ID], "RS", &key) == -1)
		return;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    time_parse_ts(r->v[CASES_AT], r->len[CASES_AT], &at) == 0 &&
	    (k = week_of(w, at)) != -1)
		w->wcases[k]++;
	/* Only the complained-about cases are folded: the weeks hold thousands. */
	if (!idmap_get(&w->want, key, &dummy) || (i = cases_add(&w->cs, r)) == -1)
		return;
	if ((size_t)i >= w->nagent) {
		w->agent = xrealloc(w->agent, ((size_t)i + 1) * sizeof(*w->agent));
		while (w->nagent <= (size_t)i)
			w->agent[w->nagent++] = NULL;
	}
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 && w->agent[i] == NULL)
		w->agent[i] = arena_strndup(&w->cs.f.arena, r->v[CASES_AGENT],
		    r->len[CASES_AGENT]);
}

/*
 * The trend's history. A weekly review counts the cases opened in each
 * of 8 weeks, so it reads 8 weeks of cases however short the week's own
 * work is: on a long journal that part alone made the report 1.6 times
 * slower than on a journal of the last 5 weeks. The count of the older
 * weeks needs nothing else (no complained-about case has a row there),
 * so a second thread counts the rows before a cut while this one reads
 * the rest; the cut is one byte offset, so every row is read once, and
 * the two readers' skipped rows make one warning, as from one reader.
 */
struct trend_part {
	const struct weekly *w;
	long long wcases[TREND_WEEKS];
	const struct rinputs *in;
	struct jreader *jr;
	rs_time lo;
	int rc;
	struct rs_err e;
};

static void
on_case_count(const struct row *r, void *arg)
{
	struct trend_part *tp = arg;
	uint64_t key;
	rs_time at;
	int k;

	/* As on_case, without the fold: no case of the week has rows here. */
	if (id_parse(r->v[CASES_CASE_ID], r->len[CASES_CASE_ID], "RS", &key) == -1)
		return;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    time_parse_ts(r->v[CASES_AT], r->len[CASES_AT], &at) == 0 &&
	    (k = week_of(tp->w, at)) != -1)
		tp->wcases[k]++;
}

static void *
trend_worker(void *arg)
{
	struct trend_part *tp = arg;

	err_clear(&tp->e);
	tp->rc = rin_scan_reader(tp->in, tp->jr, tp->lo, on_case_count, tp, &tp->e);
	return NULL;
}

/*
 * scan_cases_split reads the cases journal from since (ts) with rows
 * before cut counted by a second thread; returns 0, -1 with e set, or 1
 * when the read cannot be cut (a file given, archives in the range, a
 * small journal, a cut too close to since): read it in one then.
 */
static int
scan_cases_split(struct weekly *w, rs_time since, rs_time cut, struct rs_err *e)
{
	const struct rinputs *in = w->in;
	struct trend_part tp;
	struct jreader *jb = NULL;
	struct stat st;
	pthread_t th;
	long long from, off;
	char *live;
	int fd, rc = 1, k;

	if (in->file[RJ_CASES] != NULL || cut - since < 7 * 86400 || cut > in->as_of)
		return 1;
	memset(&tp, 0, sizeof(tp));
	live = journal_path(in->dir, "cases");
	if ((fd = open(live, O_RDONLY | O_CLOEXEC)) < 0)
		goto out;
	/* One size for both bisections: appends going on cannot move the cut. */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 65536 ||
	    (from = journal_bisect_ts(fd, (long long)st.st_size, since - 300, NULL)) < 0 ||
	    (off = journal_bisect_ts(fd, (long long)st.st_size, cut, NULL)) < 0 ||
	    off <= from) {
		close(fd);
		goto out;
	}
	close(fd);
	tp.w = w;
	tp.in = in;
	tp.lo = since;
	if ((tp.jr = jreader_open_journal(in->dir, &schema_cases, since, in->as_of, JR_QUIET,
	    NULL)) == NULL || jreader_live_range(tp.jr, from, off) == -1 ||
	    (jb = jreader_open_journal(in->dir, &schema_cases, cut, in->as_of, JR_QUIET,
	    NULL)) == NULL || jreader_live_range(jb, off, -1) == -1 ||
	    pthread_create(&th, NULL, trend_worker, &tp) != 0)
		goto out;
	rc = rin_scan_reader(in, jb, since, on_case, w, e);
	pthread_join(th, NULL);
	/* The first error in file order, as one reader would have met it. */
	if (tp.rc == -1) {
		*e = tp.e;
		rc = -1;
	}
	for (k = 0; k < TREND_WEEKS; k++)
		w->wcases[k] += tp.wcases[k];
	journal_warn_skipped(live, jreader_skipped(tp.jr) + jreader_skipped(jb), 0);
out:
	jreader_free(jb);
	jreader_free(tp.jr);
	free(live);
	return rc;
}

static void
on_dispatch(const struct row *r, void *arg)
{
	struct weekly *w = arg;
	uint64_t key;
	size_t dummy;

	if (id_parse(r->v[DISPATCH_CASE_ID], r->len[DISPATCH_CASE_ID], "RS", &key) == 0 &&
	    idmap_get(&w->want, key, &dummy))
		(void)dispatch_set_add(&w->ds, r);
}

static void
on_callback(const struct row *r, void *arg)
{
	struct weekly *w = arg;
	rs_time at;

	/* A callback belongs to the week of its own at (SPEC 10). */
	if (strcmp(r->v[CALLBACKS_KIND], "complaint") != 0 ||
	    strcmp(r->v[CALLBACKS_RESULT], "reached") != 0 ||
	    time_parse_ts(r->v[CALLBACKS_AT], r->len[CALLBACKS_AT], &at) == -1 ||
	    at < w->tw[TREND_WEEKS - 1] || at >= w->tw[TREND_WEEKS])
		return;
	w->cb_reached++;
	if (r->len[CALLBACKS_OVERALL] > 0 && atoi(r->v[CALLBACKS_OVERALL]) >= 4)
		w->cb_ok++;
}

static int
cmp_cp(const void *a, const void *b)
{
	const struct complaint *x = *(struct complaint *const *)a;
	const struct complaint *y = *(struct complaint *const *)b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static int
load(struct weekly *w, struct rs_err *e)
{
	rs_time ws = w->tw[TREND_WEEKS - 1], we = w->tw[TREND_WEEKS], since;
	rs_time dsince = RS_TIME_NONE;	/* the earliest case_since of the week's cases */
	rs_time cut;
	size_t i;
	int k, rc;

	/* Overdue complaints may be of any period: a bounded look back (reports.h). */
	since = time_add_days(ws, -COMPLAINT_LOOKBACK_D);
	if (w->tw[0] < since)
		since = w->tw[0];
	if (rin_scan(w->in, RJ_COMPLAINTS, since - RPT_SLACK_S, on_complaint, w, e) == -1)
		return -1;
	w->wk = xcalloc(w->cps.f.n + 1, sizeof(*w->wk));
	since = w->tw[0];
	for (i = 0; i < w->cps.f.n; i++) {
		struct complaint *c = &w->cps.c[i];

		if (c->opened_at == RS_TIME_NONE || (k = week_of(w, c->opened_at)) == -1)
			continue;
		w->wcomp[k]++;
		if (c->opened_at < ws || c->opened_at >= we)
			continue;
		w->wk[w->nwk++] = c;
		if (c->case_key != 0) {
			idmap_put(&w->want, c->case_key, 1);
			if (case_since(c->case_key) < since)
				since = case_since(c->case_key);
			if (dsince == RS_TIME_NONE || case_since(c->case_key) < dsince)
				dsince = case_since(c->case_key);
		}
	}
	qsort(w->wk, w->nwk, sizeof(*w->wk), cmp_cp);
	/*
	 * No row of the week's cases is before the earlier of the week and
	 * dsince; two days more for a reader whose zone is not the writer's
	 * (case_since is the reader's midnight of the id's date).
	 */
	cut = (dsince != RS_TIME_NONE && dsince < ws ? dsince : ws) - ZONE_SLACK_S;
	if ((rc = scan_cases_split(w, since - RPT_SLACK_S, cut, e)) == -1 ||
	    (rc == 1 && rin_scan(w->in, RJ_CASES, since - RPT_SLACK_S, on_case, w, e) == -1))
		return -1;
	/*
	 * Only the week's complained-about cases are looked up in dispatch,
	 * and no row of a case is older than its case_since (cases.h): the
	 * dispatch journal is read from there, not from the start of the
	 * 8-week trend, which only counts cases (a third of the bytes of a
	 * weekly run on a long journal went to dispatch rows never used).
	 */
	if (dsince != RS_TIME_NONE && rin_scan(w->in, RJ_DISPATCH, dsince - ZONE_SLACK_S,
	    on_dispatch, w, e) == -1)
		return -1;
	return rin_scan(w->in, RJ_CALLBACKS, ws - RPT_SLACK_S, on_callback, w, e);
}

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
		s = report_section(r, names[k], titles[k], RSH_MAP, 2, cols[k], types[k]);
		if (k != 1)
			s->chart = RCH_BAR, s->chart_col = 1;
		tally_section(r, s, &t[k], k != 1);
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
	struct complaint **v = xcalloc(w->cps.f.n + 1, sizeof(*v));
	struct rsection *s;
	size_t i, n = 0;

	for (i = 0; i < w->cps.f.n; i++) {
		struct complaint *c = &w->cps.c[i];

		if (c->opened_at != RS_TIME_NONE && c->state != CP_NONE && cp_is_open(c) &&
		    cp_resolve_due(c, &w->in->rules) < w->in->as_of)
			v[n++] = c;
	}
	qsort(v, n, sizeof(*v), cmp_cp);
	s = report_section(r, "overdue", "Overdue open complaints (any week)", RSH_IDS, 7,
	    cols, types);
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

static void
actions(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "open", "done", "overdue" };
	static const enum rtype types[] = { RT_INT, RT_INT, RT_INT };
	static const char *const lcols[] = { "complaint_id", "action", "owner", "due",
	    "overdue" };
	static const enum rtype ltypes[] = { RT_ID, RT_TEXT, RT_TEXT, RT_ENUM, RT_BOOL };
	struct rsection *s, *l;
	long long open = 0, done = 0, late = 0;
	int today = time_local_date(w->in->as_of);
	size_t i, k;

	s = report_section(r, "actions", "Corrective actions (open and overdue: any week; "
	    "done: this week)", RSH_RECORD, 3, cols, types);
	l = report_section(r, "open_actions", "Open corrective actions", RSH_ARRAY, 5,
	    lcols, ltypes);
	for (i = 0; i < w->cps.f.n; i++) {
		struct complaint *c = &w->cps.c[i];

		for (k = 0; k < c->nactions; k++) {
			struct cp_action *a = &c->actions[k];
			/* Due is a date: overdue once that day is over. */
			int od = a->due != 0 && a->due < today;

			if (a->done_at != RS_TIME_NONE) {
				done += a->done_at >= w->tw[TREND_WEEKS - 1] &&
				    a->done_at < w->tw[TREND_WEEKS];
				continue;
			}
			open++;
			late += od;
			rsec_row(l);
			rsec_set(r, l, 0, cp_value(&w->cps, c, COMPLAINTS_COMPLAINT_ID));
			rsec_set(r, l, 1, a->action);
			rsec_set(r, l, 2, a->owner);
			if (a->due != 0)
				rsec_setf(r, l, 3, "%04d-%02d-%02d", a->due / 10000,
				    a->due / 100 % 100, a->due % 100);
			rsec_set(r, l, 4, od ? "y" : "n");
		}
	}
	rsec_row(s);
	rsec_int(r, s, 0, open);
	rsec_int(r, s, 1, done);
	rsec_int(r, s, 2, late);
}

static void
red_list(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "category", "responsible", "count", "cases" };
	static const enum rtype types[] = { RT_ENUM, RT_ENUM, RT_INT, RT_LIST };
	struct tally pairs = { 0 };
	struct rsection *s, tmp;
	struct buf ids = BUF_INIT;
	char key[128];
	size_t i, k, n;

	for (i = 0; i < w->nwk; i++) {
		snprintf(key, sizeof(key), "%s\t%s",
		    cp_value(&w->cps, w->wk[i], COMPLAINTS_CATEGORY), responsible(w, w->wk[i]));
		tally_add(&pairs, key, 1);
	}
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
		for (i = 0, n = 0; i < w->nwk && n < 3; i++) {
			const char *cid = cp_value(&w->cps, w->wk[i], COMPLAINTS_CASE_ID);

			snprintf(key, sizeof(key), "%s\t%s", cp_value(&w->cps, w->wk[i],
			    COMPLAINTS_CATEGORY), responsible(w, w->wk[i]));
			/* Example cases: distinct, in complaint order. */
			if (strcmp(key, p) != 0 || (ids.len && strstr(ids.p, cid) != NULL))
				continue;
			buf_printf(&ids, "%s%s", n ? "," : "", cid);
			n++;
		}
		rsec_set(r, s, 3, ids.p);
	}
	buf_free(&ids);
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
	s->chart = RCH_LINE, s->chart_col = 1;
	for (k = 0; k < TREND_WEEKS; k++) {
		time_iso_week(w->tw[k], &y, &wn);
		rsec_row(s);
		rsec_setf(r, s, 0, "%04d-W%02d", y, wn);
		rsec_int(r, s, 1, w->wcomp[k]);
		rsec_int(r, s, 2, w->wcases[k]);
		rsec_ratio(r, s, 3, w->wcomp[k], w->wcases[k], 1000);
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
		due = cp_resolve_due(c, ru);
		if (c->resolved_at != RS_TIME_NONE)
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
	/* Compare in integers: ok / reached >= target. */
	if (w->cb_reached > 0)
		rsec_set(r, s, 24, (double)w->cb_ok >= ru->target_complainant_satisfaction *
		    (double)w->cb_reached - 1e-9 ? "y" : "n");
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
	if ((rc = load(&w, e)) == 0) {
		snprintf(label, sizeof(label), "%04d-W%02d", year, week);
		snprintf(title, sizeof(title), _("Weekly complaint review %s"), label);
		r = report_new("weekly", title);
		report_subtitle(r, "%s to %s, as of %s",
		    time_format_minute(w.tw[TREND_WEEKS - 1], a),
		    time_format_minute(w.tw[TREND_WEEKS], b), time_format_minute(in->as_of, c));
		sum = report_section(r, "summary", "Summary", RSH_FLAT, 25, cols, types);
		summary(&w, r, sum, label);
		/* The review reads the direction first, then the detail. */
		trend(&w, r);
		breakdowns(&w, r);
		red_list(&w, r);
		overdue(&w, r);
		actions(&w, r);
		*out = r;
	}
	free(w.wk);
	free(w.agent);
	idmap_free(&w.want);
	dispatch_set_free(&w.ds);
	cases_free(&w.cs);
	cp_set_free(&w.cps);
	return rc;
}
