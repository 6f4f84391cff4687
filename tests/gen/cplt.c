/*
 * cplt.c - complaints driven by what went wrong in a case (lateness,
 * no-shows, failed repairs, rude drivers, fees, damage, ...), played
 * through their workflow: escalation, contact, investigation with the
 * responsible party, remedy and amount, closing, reopening, stalls left
 * overdue, corrective actions with owner and due date; then complaint
 * and second callbacks. Writes complaints.tsv rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

void
cp_row(struct cpl *cp, const struct gcase *c, int64_t at, int64_t *last,
    const struct cparg *a)
{
	struct row *r;
	char b[16];

	/* The team's rows draw from their own stream: the rest of a seed stays. */
	if (a->team)
		rng_swap();
	if (at < *last)		/* events of one complaint in order */
		at = *last + rint_in(5, 60);
	r = row_new(tsfor(last, at, 10, 120), at);

	row_cp(r, cp, strcmp(a->ev, "opened") == 0);
	row_raw(r, c->id);
	row_raw(r, a->ev);
	row_s(r, a->agent);
	if (a->level)
		row_i(r, a->level);
	else
		row_e(r, 1);
	row_s(r, a->cat);
	row_s(r, a->resp);
	row_s(r, a->prov);
	row_s(r, a->demand);
	row_s(r, a->remedy);
	row_money(r, a->amt ? a->amount : -1);
	row_s(r, a->action);
	row_s(r, a->owner);
	if (a->due) {
		fmt_date(b, a->due);
		row_raw(r, b);
	} else
		row_e(r, 1);
	row_s(r, a->note);
	row_s(r, a->handler);
	row_s(r, a->flags);
	push(J_COMPLAINTS, r);
	if (a->team)
		rng_swap();
}

/* the complaint a case gets, if any: a category, or -1 */
static int
category(const struct gcase *c)
{
	int arr = c->arrived_at ? (int)((c->arrived_at - c->at) / 60) : 0;

	if (c->cancelled && c->late_min > 10 && chance(0.2))
		return C_NOSHOW;
	if (c->arrived_at && c->late_min > 0 &&
	    chance(0.02 + (c->late_min > 45 ? 0.18 : c->late_min / 250.0)))
		return c->why == LR_LOCATION && chance(0.4) ? C_LOCATION :
		    C_LATE;
	if (c->outcome == 8 && chance(0.1))
		return C_TECH;
	if (c->rude && chance(0.2))
		return C_ATTITUDE;
	if (c->fee_over && chance(0.08))
		return C_FEE;
	if ((c->reassigned && chance(0.05)) || (c->dispatch_late &&
	    chance(0.015)))
		return C_DISPATCH;
	if (c->cb_overall && c->cb_overall <= 2 && chance(0.07))
		return c->late_min > 0 ? C_LATE : C_OTHER;
	if (c->arrived_at && arr > c->eta_promised && chance(0.006))
		return C_LATE;
	if (chance(0.0015))
		return C_ATTITUDE;
	if (c->arrived_at && chance(0.001))
		return C_TECH;
	if (chance(0.0012))
		return C_FEE;
	if ((c->service == S_TOW || c->service == S_WINCH) &&
	    c->arrived_at && chance(0.004))
		return C_DAMAGE;
	if (chance(0.0012))
		return C_LOCATION;
	if (chance(0.0015))
		return C_AGENT;
	if (chance(0.0012))
		return C_OTHER;
	return -1;
}

static int
responsible(const struct gcase *c, int cat)
{
	static const int w[NCAT][NRESP] = {
		{ 80, 8, 2, 0, 0, 4, 6 },	/* late */
		{ 75, 15, 0, 0, 0, 5, 5 },
		{ 85, 0, 0, 12, 0, 0, 3 },	/* attitude */
		{ 80, 0, 0, 0, 0, 0, 20 },
		{ 50, 0, 0, 20, 0, 0, 30 },	/* fee */
		{ 85, 0, 0, 0, 15, 0, 0 },
		{ 0, 15, 50, 0, 35, 0, 0 },	/* location */
		{ 0, 85, 0, 0, 0, 0, 15 },
		{ 0, 0, 0, 90, 0, 0, 10 },	/* agent */
		{ 0, 0, 0, 0, 20, 30, 50 },
	};

	if (cat == C_LATE || cat == C_NOSHOW) {
		if (c->why == LR_TRAFFIC)
			return chance(0.6) ? R_THIRD : R_PROVIDER;
		if (c->why == LR_LOCATION)
			return chance(0.6) ? R_PLATFORM : R_CUSTOMER;
		if (c->why == LR_PREVJOB)
			return R_DISPATCH;
	}
	return rpickw(w[cat], NRESP);
}

static int
remedy(const struct gcase *c, int level, int cat, int resp, long long *amt)
{
	int m;

	*amt = -1;
	if (resp == R_CUSTOMER || resp == R_NONE || resp == R_THIRD)
		return chance(0.6) ? M_APOLOGY : M_NONE;
	if (cat == C_DAMAGE && chance(0.7)) {
		*amt = rint_in(30, 300) * 1000LL;
		return M_REPAIR;
	}
	m = level == 1 ? (chance(0.55) ? M_APOLOGY : M_VOUCHER) :
	    level == 2 ? (chance(0.35) ? M_PARTIAL : chance(0.45) ? M_VOUCHER :
	    chance(0.6) ? M_REFUND : M_UPGRADE) :
	    level == 3 ? (chance(0.35) ? M_REFUND : chance(0.8) ? M_COMP :
	    M_UPGRADE) : (chance(0.8) ? M_COMP : M_REFUND);
	if ((m == M_REFUND || m == M_PARTIAL) && c->fee <= 0)
		m = M_VOUCHER;
	if (m == M_REFUND)
		*amt = c->fee;
	else if (m == M_PARTIAL)
		*amt = c->fee * rint_in(3, 5) / 1000 * 100;
	else if (m == M_VOUCHER)
		*amt = (level == 1 ? rint_in(2, 5) : rint_in(5, 10)) * 1000LL;
	else if (m == M_COMP)
		*amt = (level >= 4 ? rint_in(100, 500) : rint_in(20, 150)) *
		    1000LL;
	return m;
}

/* flag_list writes the flags column (SPEC 4.3: schema order) into b. */
static const char *
flag_list(char *b, size_t n, int safety, int media, int legal, int inj, int rep)
{
	snprintf(b, n, "%s%s%s%s%s", safety ? ",safety" : "", media ? ",media" : "",
	    legal ? ",legal" : "", inj ? ",injuries" : "", rep ? ",repeat" : "");
	return b[0] == ',' ? b + 1 : b;
}

/*
 * items writes what a serious complaint's customer is given item by
 * item (SPEC 4.3 remedy rows), as the complaint team does for level 3
 * and 4: the service fee back, the remedy itself, sometimes a voucher.
 */
static void
items(struct cpl *cp, const struct gcase *c, int64_t from, int64_t to,
    int64_t *last, const char *team, int m, long long amt)
{
	struct cparg a;
	int64_t step = (to - from) / 4 > MIN ? (to - from) / 4 : MIN;

	if (c->fee > 0 && m != M_REFUND && m != M_PARTIAL) {
		memset(&a, 0, sizeof a);
		a.ev = "remedy", a.team = 1, a.agent = team, a.remedy = remedy_names[M_REFUND];
		a.amt = 1, a.amount = c->fee, a.note = "退还服务费";
		cp_row(cp, c, from + step, last, &a);
	}
	memset(&a, 0, sizeof a);
	a.ev = "remedy", a.team = 1, a.agent = team, a.remedy = remedy_names[m];
	a.amt = 1, a.amount = amt;
	rng_swap();	/* its words from the team's stream too */
	a.note = resolve_note(m);
	rng_swap();
	cp_row(cp, c, from + 2 * step, last, &a);
	if (team_chance(0.4)) {
		memset(&a, 0, sizeof a);
		a.ev = "remedy", a.team = 1, a.agent = team, a.remedy = remedy_names[M_VOUCHER];
		a.amt = 1, a.amount = team_rint_in(1, 3) * 10000LL;
		a.note = "另赠代金券";
		cp_row(cp, c, from + 3 * step, last, &a);
	}
}

void
maybe_complaint(struct gcase *c)
{
	int cat = category(c), level, resp, m = M_NONE, reopened = 0, i, ov;
	int64_t t, last = 0, dl, res = 0, t2, al, cbl, tl;
	struct cpl *cp;
	struct cparg a;
	struct cbarg b;
	long long amt;
	const char *prov, *team, *owner, *act;
	char fl[48];
	int media = 0, legal = 0, rep = 0;
	double q;

	if (cat < 0)
		return;
	if ((cp = calloc(1, sizeof *cp)) == NULL)
		exit(3);
	cp->refs = 1;	/* ours until the end of this function */
	memset(&a, 0, sizeof a);
	if (c->cb_at && c->cb_overall <= 2 && chance(0.5)) {
		t = c->cb_at + rint_in(60, 400);
		a.agent = c->cb_agent;
		a.note = "回访中客户表示不满,转投诉";
	} else {
		t = (c->cancel_at ? c->cancel_at : c->done_at ? c->done_at :
		    c->at) + rint_in(5 * MIN, 10 * HOUR);
		a.agent = agent_at(c, t);
	}
	level = c->injuries > 0 ? 4 : cat == C_DAMAGE || cat == C_NOSHOW ? 3 :
	    cat == C_LATE ? (c->late_min < 30 ? 1 : c->late_min < 60 ? 2 : 3) :
	    cat == C_ATTITUDE ? 1 : 2;
	if (chance(0.04)) {
		level = 4;
		media = chance(0.5), legal = !media;
		a.note = media ? "客户扬言找媒体曝光" : "客户称将起诉";
	} else if (level < 4 && chance(0.04)) {
		level++, rep = 1;
		a.note = "90天内再次投诉";
	}
	prov = cat <= C_DAMAGE && c->prov >= 0 ? g_prov[c->prov].id : NULL;
	a.ev = "opened", a.level = level, a.cat = cat_names[cat];
	a.prov = prov, a.demand = demand_for(cat);
	/* The facts that set the level (SPEC 6): options, injuries, a repeat. */
	a.flags = flag_list(fl, sizeof fl, cat == C_DAMAGE && team_chance(0.3), media,
	    legal, c->injuries > 0, rep);
	cp_row(cp, c, t, &last, &a);
	cbl = last;
	team = cteam[rng_u64() % ncteam];
	/* The manager gives it to a handler of the team (crises he keeps). */
	if (level == 4 && team_chance(0.5))
		team = cteam[0];
	/* Its own clock, so that the rows after it are timed as before. */
	tl = last;
	memset(&a, 0, sizeof a);
	a.ev = "assigned", a.team = 1, a.agent = cteam[0], a.handler = team;
	cp_row(cp, c, t + team_rint_in(5 * MIN, 40 * MIN), &tl, &a);
	if (level < 4 && chance(level == 3 ? 0.3 : 0.05)) {
		level++;
		memset(&a, 0, sizeof a);
		a.ev = "escalated", a.agent = team, a.level = level;
		a.note = "升级处理";
		cp_row(cp, c, t + rint_in(10 * MIN, 3 * HOUR), &last, &a);
	}
	dl = t + (level == 2 ? 48 : level == 3 ? 72 : 24) * HOUR;
	resp = responsible(c, cat);
	for (;;) {
		t2 = chance(0.05) ? t + rint_in(25 * HOUR, 40 * HOUR) :
		    daytime(t + rint_in(level >= 3 ? 20 * MIN : HOUR,
		    level >= 4 ? 3 * HOUR : 16 * HOUR));
		memset(&a, 0, sizeof a);
		a.ev = "contacted", a.agent = team;
		a.note = "已联系客户,致歉并说明正在调查";
		cp_row(cp, c, t2, &last, &a);
		if (chance(0.02))
			break;		/* stalled: overdue at the end */
		t2 += rint_in(HOUR, level >= 4 ? 4 * HOUR : 20 * HOUR);
		memset(&a, 0, sizeof a);
		a.ev = "investigated", a.agent = team;
		a.resp = resp_names[resp], a.prov = prov;
		a.note = finding_for(cat, resp, c->why);
		cp_row(cp, c, t2, &last, &a);
		al = last;	/* actions and callbacks keep their own order */
		if (!reopened && resp <= R_AGENT && chance(0.65))
			for (i = chance(0.15) ? 2 : 1; i > 0; i--) {
				int64_t ta = t2 + rint_in(20 * MIN, 24 * HOUR);

				act = action_for(resp, &owner);
				memset(&a, 0, sizeof a);
				a.ev = "action", a.agent = team;
				a.action = act, a.owner = owner;
				a.due = ta + rint_in(1, 3) * 7 * DAY;
				cp_row(cp, c, ta, &al, &a);
				if (chance(0.7)) {
					int64_t alast = al;

					memset(&a, 0, sizeof a);
					a.ev = "action-done", a.agent = team;
					a.note = "整改完成";
					cp_row(cp, c, ta + rint_in(DAY,
					    20 * DAY), &alast, &a);
				}
			}
		if (chance(0.02))
			break;
		res = t2 + rint_in(30 * MIN, 10 * HOUR);
		if (chance(0.1))
			res += rint_in(12 * HOUR, 72 * HOUR);
		if (res > dl + 24 * HOUR && chance(0.5))
			res = dl - rint_in(MIN, HOUR) > t2 ?
			    dl - rint_in(MIN, HOUR) : res;
		m = remedy(c, level, cat, resp, &amt);
		/* Serious complaints are compensated item by item, then resolved. */
		if (level >= 3 && amt > 0 && m != M_REFUND && m != M_PARTIAL) {
			tl = last;
			items(cp, c, t2, res, &tl, team, m, amt);
			amt = -1;
		}
		memset(&a, 0, sizeof a);
		a.ev = "resolved", a.agent = team, a.remedy = remedy_names[m];
		a.amt = amt >= 0, a.amount = amt, a.note = resolve_note(m);
		cp_row(cp, c, res, &last, &a);
		t2 = res;
		if (chance(0.88)) {
			t2 = res + rint_in(HOUR, 30 * HOUR);
			memset(&a, 0, sizeof a);
			a.ev = "closed", a.agent = team;
			a.note = "客户接受处理方案";
			cp_row(cp, c, t2, &last, &a);
		}
		if (reopened || !chance(0.05))
			break;
		reopened = 1;
		t = t2 + rint_in(6 * HOUR, 72 * HOUR);
		memset(&a, 0, sizeof a);
		a.ev = "reopened", a.agent = team, a.note = reopen_note();
		cp_row(cp, c, t, &last, &a);
		res = 0;
	}
	if (res) {		/* complaint callback, second callback */
		q = m == M_COMP || m == M_REFUND || m == M_REPAIR ? 4.55 :
		    m == M_APOLOGY || m == M_NONE ? 3.9 : 4.3;
		q -= reopened ? 0.8 : 0;
		memset(&b, 0, sizeof b);
		b.kind = "complaint";
		b.resolved = chance(0.9) ? 1 : 2;
		calls(c, cp, daytime(res + rint_in(2 * HOUR, 44 * HOUR)),
		    &cbl, &b, q, 3.5, 0.82, &ov);
		if (level >= 3) {
			b.kind = "second";
			calls(c, cp, daytime(res + rint_in(7 * DAY, 13 * DAY)),
			    &cbl, &b, q + 0.1, 3.5, 0.75, &ov);
		}
	}
	if (--cp->refs == 0)
		free(cp);
}
