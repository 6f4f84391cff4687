/*
 * callback.c - callbacks: the service callback of a completed case within
 * about 24 h (in day hours), scores that reflect what happened (lateness,
 * failed repair, reassignment, rude driver, fee surprises), no-answers
 * with retries (3 attempts at most), refusals and wrong numbers.
 * Writes callbacks.tsv rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

void
cb_row(const struct gcase *c, struct cpl *cp, int64_t at, int64_t *last,
    const struct cbarg *a)
{
	struct row *r = row_new(tsfor(last, at, 20, 200), at);

	row_raw(r, c->id);
	if (cp != NULL)
		row_cp(r, cp, 0);
	else
		row_e(r, 1);
	row_raw(r, a->kind);
	row_raw(r, a->result);
	if (a->scored) {
		row_i(r, a->overall);
		row_i(r, a->tl);
		row_i(r, a->pr);
		row_i(r, a->att);
	} else
		row_e(r, 4);
	row_s(r, !a->scored ? "" : a->resolved == 1 ? "y" :
	    a->resolved == 2 ? "n" : "");
	if (a->scored && a->nps >= 0)
		row_i(r, a->nps);
	else
		row_e(r, 1);
	row_s(r, a->comment);
	row_s(r, a->suggestion);
	row_s(r, a->agent);
	push(J_CALLBACKS, r);
}

static int
clamp5(double v)
{
	int i = (int)(v + 0.5);

	return i < 1 ? 1 : i > 5 ? 5 : i;
}

static int
nps_of(int overall)
{
	static const int lo[] = { 0, 0, 2, 5, 7, 8 }, hi[] = { 0, 3, 5, 7, 9,
	    10 };

	return rint_in(lo[overall], hi[overall]);
}

/*
 * a callback's attempts: no-answer then retry (3 at most); fills the
 * scores of a reached call from q (expected overall) and timeliness tl.
 * Returns the time of the reached call, 0 if none.
 */
int64_t
calls(const struct gcase *c, struct cpl *cp, int64_t at, int64_t *last,
    struct cbarg *a, double q, double tl, double preached, int *overall)
{
	int i;

	for (i = 0; i < 3; i++) {
		a->agent = cbteam[rng_u64() % ncbteam];
		a->scored = 0;
		a->comment = a->suggestion = NULL;
		if (chance(preached)) {
			a->result = "reached";
			a->scored = 1;
			a->overall = clamp5(q + runif(-0.9, 0.9));
			a->tl = clamp5(tl + runif(-0.9, 0.9));
			a->pr = clamp5(q + 0.3 + runif(-0.9, 0.9));
			a->att = c->rude && cp == NULL ? rint_in(1, 2) :
			    clamp5(q + 0.3 + runif(-0.9, 0.9));
			a->nps = chance(0.9) ? nps_of(a->overall) : -1;
			if (chance(a->overall <= 3 ? 0.7 : 0.25))
				a->comment = comment_for(a->overall);
			if (chance(0.08))
				a->suggestion = suggestion();
			*overall = a->overall;
			cb_row(c, cp, at, last, a);
			return at;
		}
		a->result = chance(0.85) ? "no-answer" : i == 0 && chance(0.5) ?
		    "wrong-number" : "refused";
		cb_row(c, cp, at, last, a);
		if (a->result[0] != 'n')
			return 0;
		at = daytime(at + rint_in(HOUR, 4 * HOUR));
	}
	return 0;
}

void
service_callbacks(struct gcase *c)
{
	struct cbarg a;
	double q = 4.75, tl = 4.8;
	int64_t at;
	int arr, unres = c->outcome == 8;

	if (chance(0.1))
		return;		/* not called back in time: the list shows it */
	memset(&a, 0, sizeof a);
	a.kind = "service";
	if (c->arrived_at) {
		arr = (int)((c->arrived_at - c->at) / 60);
		if (arr > c->eta_promised)
			tl -= (arr - c->eta_promised) / 12.0;
		if (c->late_min > 0)
			q -= 0.6 + c->late_min / 25.0;
	}
	q -= unres ? 2.2 : 0;
	q -= c->reassigned ? 0.4 : 0;
	q -= c->notify_late ? 0.3 : 0;
	q -= c->rude ? 1.5 : 0;
	q -= c->fee_over ? 0.8 : 0;
	a.resolved = unres ? 2 : 1;
	at = daytime(c->done_at + rint_in(20 * MIN, 20 * HOUR));
	c->cb_at = calls(c, NULL, at, &c->last, &a, q, tl, 0.74,
	    &c->cb_overall);
	c->cb_agent = a.agent;
}

