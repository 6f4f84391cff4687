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
#include "schema.h"
#include "schema_tables.h"
#include "weekly.h"

/* Two days of slack before the week for the rows of its cases (case_since is zone-free). */
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

/* count_opened adds r to wcases when it opens a case in a trend week. */
static void
count_opened(const struct weekly *w, long long *wcases, const struct row *r)
{
	rs_time at;
	int k;

	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    (at = jrow_at(r)) != RS_TIME_NONE && (k = weekly_week_of(w, at)) != -1)
		wcases[k]++;
}

/* on_case_fold folds r when its case is one of the week's complained-about cases. */
static void
on_case_fold(const struct row *r, void *arg)
{
	struct weekly *w = arg;
	uint64_t key;
	size_t dummy;
	long i;

	/* Only the complained-about cases are folded: the weeks hold thousands. */
	if (jrow_case_key(r, CASES_CASE_ID, &key) == -1 ||
	    !idmap_get(&w->want, key, &dummy) || (i = cases_add(&w->cs, r)) == -1)
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

static void
on_case(const struct row *r, void *arg)
{
	struct weekly *w = arg;
	uint64_t key;

	if (jrow_case_key(r, CASES_CASE_ID, &key) == -1)
		return;
	count_opened(w, w->wcases, r);
	on_case_fold(r, w);
}

/*
 * The trend's history. A weekly review counts the cases opened in each
 * of 8 weeks, so it reads 8 weeks of cases however short the week's own
 * work is: on a long journal that part alone made the report 1.6 times
 * slower than on a journal of the last 5 weeks. The weeks before the
 * report week need nothing but the count, and the count needs nothing
 * from the other journals, so a second thread counts the live file's
 * rows before a cut a little before the week from the start, while
 * this one reads the complaints, then the rest of the cases, dispatch
 * and callbacks. A complained-about case that began before the cut has
 * its older rows read again here, only to fold them. The cut is one
 * byte offset: every row is counted once, and the readers' skipped rows
 * make one warning, as from one reader.
 */
struct trend_part {
	const struct weekly *w;
	struct jreader *jr;	/* the thread's: the live file in [from, cut); NULL: no thread */
	struct jreader *late;	/* this thread's: the live file from cut on */
	char *live;
	int fd;			/* the live file, to bisect for the fold */
	long long size;		/* its size when the cut was made */
	long long from, cut;
	rs_time lo, cut_ts;
	long long wcases[TREND_WEEKS];
	long main_skipped;	/* bad rows this thread met that the other did not */
	long own_first, late_first;	/* the line of the first, before the thread's rows and after */
	int own_failed;		/* this thread failed before the thread's rows */
	pthread_t th;
	int rc;
	struct rs_err e;
};

static void
on_case_count(const struct row *r, void *arg)
{
	struct trend_part *tp = arg;
	uint64_t key;

	if (jrow_case_key(r, CASES_CASE_ID, &key) == 0)
		count_opened(tp->w, tp->wcases, r);
}

static void *
trend_worker(void *arg)
{
	struct trend_part *tp = arg;

	err_clear(&tp->e);
	tp->rc = rin_scan_reader(tp->w->in, tp->jr, tp->lo, on_case_count, tp, &tp->e);
	return NULL;
}

static struct jreader *
open_live_range(const struct trend_part *tp, rs_time since, long long from, long long to)
{
	struct jreader *jr;

	jr = jreader_open_journal(tp->w->in->dir, &schema_cases, since, tp->w->in->as_of,
	    JR_QUIET, NULL);
	/* The cut offsets are tp->fd's: a file an archive put in its place is read in one. */
	if (jr != NULL && (!jreader_same_live(jr, tp->fd) ||
	    jreader_live_range(jr, from, to) == -1)) {
		jreader_free(jr);
		return NULL;
	}
	return jr;
}

/* trend_free releases what trend_start opened; the thread is done or never started. */
static void
trend_free(struct trend_part *tp)
{
	jreader_free(tp->jr);
	jreader_free(tp->late);
	if (tp->fd >= 0)
		close(tp->fd);
	free(tp->live);
	memset(tp, 0, sizeof(*tp));
	tp->fd = -1;
}

/*
 * trend_start starts the thread counting the cases opened from lo (ts)
 * up to the cut. Returns 0, or 1 when the read cannot be cut (a file
 * given, archives in the range, a small journal, a cut too close to lo
 * or after as_of): the cases are read in one then.
 */
static int
trend_start(struct weekly *w, struct trend_part *tp, rs_time lo, rs_time cut)
{
	const struct rinputs *in = w->in;
	struct stat st;

	memset(tp, 0, sizeof(*tp));
	tp->fd = -1;
	if (in->file[RJ_CASES] != NULL || cut - lo < 7 * 86400 || cut > in->as_of)
		return 1;
	tp->w = w;
	tp->lo = lo;
	tp->cut_ts = cut;
	tp->live = journal_path(in->dir, "cases");
	/* One size for every bisection: appends going on cannot move the cut. */
	if ((tp->fd = open(tp->live, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(tp->fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= JOURNAL_BISECT_MIN) {
		trend_free(tp);
		return 1;
	}
	tp->size = st.st_size;
	if ((tp->from = journal_bisect_ts(tp->fd, tp->size, lo, NULL)) < 0 ||
	    (tp->cut = journal_bisect_ts(tp->fd, tp->size, cut, NULL)) < 0 ||
	    tp->cut <= tp->from ||
	    (tp->jr = open_live_range(tp, lo, tp->from, tp->cut)) == NULL ||
	    (tp->late = open_live_range(tp, cut, tp->cut, -1)) == NULL ||
	    pthread_create(&tp->th, NULL, trend_worker, tp) != 0) {
		trend_free(tp);
		return 1;
	}
	return 0;
}

/*
 * trend_finish waits for the thread, if one runs, and frees the parts.
 * With the count wanted (this thread's part read, main_rc its result), it adds
 * the count to w, warns once about the bad rows of both parts, and
 * keeps the first error in file order: the rows of the thread come
 * after those this thread read before its start, before the rest.
 * Returns -1 with e set on an error of either part, else 0.
 */
static int
trend_finish(struct weekly *w, struct trend_part *tp, int wanted, int main_rc,
    struct rs_err *e)
{
	int k, rc = main_rc;

	if (tp->jr != NULL) {
		pthread_join(tp->th, NULL);
		if (wanted && tp->rc == -1 && !(main_rc == -1 && tp->own_failed == -1)) {
			*e = tp->e;
			rc = -1;
		}
		for (k = 0; wanted && k < TREND_WEEKS; k++)
			w->wcases[k] += tp->wcases[k];
		/* The first bad line in file order: before the thread's rows, in them, after. */
		if (wanted && rc == 0)
			journal_warn_skipped(tp->live, jreader_skipped(tp->jr) + tp->main_skipped,
			    tp->own_first ? tp->own_first : jreader_first_bad(tp->jr) ?
			    jreader_first_bad(tp->jr) : tp->late_first);
	}
	trend_free(tp);
	return rc;
}

/*
 * scan_cases_cut reads this thread's part of the cases: the rows of the
 * week's cases before the cut (fold_since on; they are folded, not
 * counted), then every row from the cut. Returns 0, -1 with e set, or 1
 * when the rows before the cut are in an archive: read in one then.
 */
static int
scan_cases_cut(struct weekly *w, struct trend_part *tp, rs_time fold_since, struct rs_err *e)
{
	struct jreader *own = NULL, *shared = NULL;
	long long off;
	long skipped = 0;
	int rc = 0;

	if (fold_since != RS_TIME_NONE && fold_since < tp->cut_ts) {
		if ((off = journal_bisect_ts(tp->fd, tp->size, fold_since, NULL)) < 0)
			return 1;
		/* Rows before the thread's start are only read here: their bad ones count. */
		if ((off < tp->from &&
		    (own = open_live_range(tp, fold_since, off, tp->from)) == NULL) ||
		    (off < tp->cut && (shared = open_live_range(tp, fold_since,
		    off > tp->from ? off : tp->from, tp->cut)) == NULL)) {
			jreader_free(own);
			return 1;
		}
		if (own != NULL && (tp->own_failed = rin_scan_reader(w->in, own, fold_since,
		    on_case_fold, w, e)) == 0) {
			skipped += jreader_skipped(own);
			tp->own_first = jreader_first_bad(own);
		}
		rc = tp->own_failed;
		if (rc == 0 && shared != NULL)
			rc = rin_scan_reader(w->in, shared, fold_since, on_case_fold, w, e);
		jreader_free(own);
		jreader_free(shared);
	}
	if (rc == 0)
		rc = rin_scan_reader(w->in, tp->late, RS_TIME_NONE, on_case, w, e);
	tp->main_skipped = skipped + jreader_skipped(tp->late);
	tp->late_first = jreader_first_bad(tp->late);
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

/* add_suggestion keeps the suggestion of a reached callback of the week. */
static void
add_suggestion(struct weekly *w, const struct row *r, rs_time at)
{
	struct weekly_suggestion *sg;
	uint64_t key;

	if (r->len[CALLBACKS_SUGGESTION] == 0 ||
	    jrow_case_key(r, CALLBACKS_CASE_ID, &key) == -1)
		return;
	w->sug = xrealloc(w->sug, (w->nsug + 1) * sizeof(*w->sug));
	sg = &w->sug[w->nsug++];
	sg->case_key = key;
	sg->case_id = arena_strndup(&w->sug_arena, r->v[CALLBACKS_CASE_ID],
	    r->len[CALLBACKS_CASE_ID]);
	sg->text = arena_strndup(&w->sug_arena, r->v[CALLBACKS_SUGGESTION],
	    r->len[CALLBACKS_SUGGESTION]);
	sg->at = at;
}

static void
on_callback(const struct row *r, void *arg)
{
	struct weekly *w = arg;
	rs_time at;

	/* A callback belongs to the week of its own at (SPEC 10). */
	if (strcmp(r->v[CALLBACKS_RESULT], "reached") != 0 ||
	    (at = jrow_at(r)) == RS_TIME_NONE ||
	    at < w->tw[TREND_WEEKS - 1] || at >= w->tw[TREND_WEEKS])
		return;
	add_suggestion(w, r, at);
	if (strcmp(r->v[CALLBACKS_KIND], "complaint") != 0)
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
	struct trend_part tp;
	size_t i;
	int k, rc, split;

	/*
	 * The thread's cut: two days before the week, as the week's cases
	 * mostly began in it (a case's rows start at its case_since, in
	 * the reader's zone; the days are for a writer in another).
	 */
	split = trend_start(w, &tp, w->tw[0] - SCHEMA_AT_AHEAD_S, ws - ZONE_SLACK_S) == 0;
	/* Overdue complaints may be of any period: a bounded look back (reports.h). */
	since = time_add_days(ws, -COMPLAINT_LOOKBACK_D);
	if (w->tw[0] < since)
		since = w->tw[0];
	if ((rc = rin_scan(w->in, RJ_COMPLAINTS, since - SCHEMA_AT_AHEAD_S, on_complaint, w, e)) == -1)
		return trend_finish(w, &tp, 0, rc, e);
	w->wk = xcalloc(w->cps.f.n + 1, sizeof(*w->wk));
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
			if (dsince == RS_TIME_NONE || case_since(c->case_key) < dsince)
				dsince = case_since(c->case_key);
		}
	}
	qsort(w->wk, w->nwk, sizeof(*w->wk), weekly_cmp_complaint);
	/* Before the cases: the suggestions' cases are folded too, for the names to mask. */
	if ((rc = rin_scan(w->in, RJ_CALLBACKS, ws - SCHEMA_AT_AHEAD_S, on_callback, w, e)) == -1)
		return trend_finish(w, &tp, 0, rc, e);
	for (i = 0; i < w->nsug; i++) {
		idmap_put(&w->want, w->sug[i].case_key, 1);
		if (dsince == RS_TIME_NONE || case_since(w->sug[i].case_key) < dsince)
			dsince = case_since(w->sug[i].case_key);
	}
	since = dsince != RS_TIME_NONE ? dsince - ZONE_SLACK_S : RS_TIME_NONE;
	if (split && (rc = scan_cases_cut(w, &tp, since, e)) == 1) {
		/* The week's cases began in an archive: one reader counts and folds. */
		(void)trend_finish(w, &tp, 0, 0, e);
		split = 0;
	}
	if (split)
		rc = trend_finish(w, &tp, 1, rc, e);
	else {
		if (since == RS_TIME_NONE || since > w->tw[0] - SCHEMA_AT_AHEAD_S)
			since = w->tw[0] - SCHEMA_AT_AHEAD_S;
		rc = rin_scan(w->in, RJ_CASES, since, on_case, w, e);
	}
	if (rc == -1)
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
	return 0;
}
