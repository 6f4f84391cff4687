/*
 * weekly_load.c - reading what a weekly complaint review needs, and no
 * more (SPEC 11: a review of last week costs about the same on a journal
 * of three years as on one of five weeks); see weekly.h.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "journal.h"
#include "ids.h"
#include "reports.h"
#include "schema_tables.h"
#include "weekly.h"

/* Two days: case_since is midnight in the reader's zone, the id's date the writer's. */
#define ZONE_SLACK_S (2 * 86400)

int
weekly_week_of(const struct weekly *w, rs_time t)
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

	if (jrow_case_key(r, CASES_CASE_ID, &key) == -1)
		return;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    (at = jrow_at(r)) != RS_TIME_NONE &&
	    (k = weekly_week_of(w, at)) != -1)
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
	if (jrow_case_key(r, CASES_CASE_ID, &key) == -1)
		return;
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    (at = jrow_at(r)) != RS_TIME_NONE &&
	    (k = weekly_week_of(tp->w, at)) != -1)
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

	if (jrow_case_key(r, DISPATCH_CASE_ID, &key) == 0 &&
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
	    (at = jrow_at(r)) == RS_TIME_NONE ||
	    at < w->tw[TREND_WEEKS - 1] || at >= w->tw[TREND_WEEKS])
		return;
	w->cb_reached++;
	if (r->len[CALLBACKS_OVERALL] > 0 && atoi(r->v[CALLBACKS_OVERALL]) >= 4)
		w->cb_ok++;
}

int
weekly_cmp_complaint(const void *a, const void *b)
{
	const struct complaint *x = *(struct complaint *const *)a;
	const struct complaint *y = *(struct complaint *const *)b;

	return x->key < y->key ? -1 : x->key > y->key;
}

int
weekly_load(struct weekly *w, struct rs_err *e)
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

		if (c->opened_at == RS_TIME_NONE || (k = weekly_week_of(w, c->opened_at)) == -1)
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
	qsort(w->wk, w->nwk, sizeof(*w->wk), weekly_cmp_complaint);
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

