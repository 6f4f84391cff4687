/*
 * dispatch.c - how a case's dispatch plays out: the provider ranking of
 * rs-dispatch suggest (haversine x 1.3 at 30 km/h in the city, 60 on
 * highways, + 5 min), assignment, reassignment, progress calls, travel
 * with rush hours and incidents (late arrivals), remote fixes,
 * cancellations, completion with outcome and fee. Writes dispatch.tsv.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static const char *const outcomes[] = { "repaired", "towed", "jumpstarted",
    "tyre-changed", "refuelled", "unlocked", "transported", "remote",
    "unresolved" };
enum { O_REPAIRED, O_TOWED, O_JUMP, O_TYRE, O_FUEL, O_UNLOCK, O_TRANSP,
	O_REMOTE, O_UNRES };

/* provider ranking (SPEC rs-dispatch suggest), eta in minutes */
static int
eligible(const struct gcase *c, const struct provider *p)
{
	if (!p->active || !(p->services & (1u << c->service)))
		return 0;
	if (c->energy == E_EV && (c->fault == F_BATTERY ||
	    c->fault == F_ELEC || c->fault == F_EVSYS) && !p->ev)
		return 0;
	return c->road != ROAD_HIGHWAY || p->highway;
}

int
eta_of(const struct gcase *c, int i, double *km)
{
	double d = haversine(c->lat, c->lon, g_prov[i].lat, g_prov[i].lon);

	*km = d;
	return (int)floor(d * 1.3 / (c->road == ROAD_CITY ? 30 : 60) * 60 +
	    5 + 0.5);
}

/* the eligible provider whose estimate is nearest to want minutes */
int
provider_near_eta(const struct gcase *c, int want)
{
	int i, e, b = -1, be = 1 << 30;
	double km;

	for (i = 0; i < g_nprov; i++)
		if (eligible(c, &g_prov[i]) &&
		    (e = abs(eta_of(c, i, &km) - want)) < be)
			b = i, be = e;
	return b;
}

/* the best and second best, a bit of noise; -1 if none */
void
rank(const struct gcase *c, int *best, int *second)
{
	int i, e, b1 = -1, b2 = -1, e1 = 1 << 30, e2 = 1 << 30, pass;
	double km;

	for (pass = 0; pass < 2 && b1 < 0; pass++)
		for (i = 0; i < g_nprov; i++) {
			if (pass == 0 ? !eligible(c, &g_prov[i]) :
			    !g_prov[i].active)
				continue;
			e = eta_of(c, i, &km) + rint_in(0, 3);
			if (e < e1) {
				b2 = b1, e2 = e1;
				b1 = i, e1 = e;
			} else if (e < e2)
				b2 = i, e2 = e;
		}
	*best = b1;
	*second = b2 >= 0 ? b2 : b1;
}

/* one dispatch.tsv row; returns its at (kept after the case's last row) */
static int64_t
drow_r(struct gcase *c, int64_t at, const char *ev, int prov, int eta,
    double km, long long fee, int outcome, const char *note, const char *reason)
{
	struct row *r;

	if (at <= c->last)
		at = c->last + rint_in(5, 40);
	r = row_new(tsfor(&c->last, at, 3, ev[0] == 'a' && ev[1] == 'r' ?
	    240 : 50), at);
	row_raw(r, c->id);
	row_raw(r, ev);
	row_s(r, agent_at(c, at));
	row_s(r, prov >= 0 ? g_prov[prov].id : "");
	row_s(r, prov >= 0 ? c->tech : "");
	if (eta >= 0) {
		row_i(r, eta);
		row_f(r, "%.1f", km);
	} else
		row_e(r, 2);
	row_money(r, fee);
	row_s(r, outcome >= 0 ? outcomes[outcome] : "");
	row_s(r, note);
	row_s(r, reason);
	push(J_DISPATCH, r);
	return at;
}

/* drow writes a dispatch row that is not a cancellation. */
static int64_t
drow(struct gcase *c, int64_t at, const char *ev, int prov, int eta,
    double km, long long fee, int outcome, const char *note)
{
	return drow_r(c, at, ev, prov, eta, km, fee, outcome, note, NULL);
}

static int
outcome_of(const struct gcase *c)
{
	static const int o[NSERV] = { O_TOWED, O_TYRE, O_JUMP, O_FUEL,
	    O_UNLOCK, O_TOWED, O_REPAIRED, O_TRANSP, O_TRANSP, O_TRANSP };

	if (chance(c->service == S_REPAIR ? 0.06 : c->service == S_JUMP ?
	    0.04 : 0.01))
		return O_UNRES;
	if (c->service == S_REPAIR && chance(0.1))
		return O_TOWED;
	return o[c->service];
}

/* on-site and transport time, minutes */
static int
worktime(const struct gcase *c)
{
	static const int lo[NSERV] = { 35, 15, 5, 5, 8, 40, 20, 25, 25, 25 };
	static const int hi[NSERV] = { 90, 35, 15, 12, 25, 90, 70, 80, 80, 80 };

	return rint_in(lo[c->service], hi[c->service]);
}

void
dispatch_case(struct gcase *c)
{
	int p2, eta, limit = c->road == ROAD_CITY ? 30 : 60, travel, cancel;
	double km, pl;
	int64_t t, arr, tn, base;
	struct provider *p;
	char nb[64];

	rank(c, &c->prov, &p2);
	if (c->f_prov >= 0)
		c->prov = p2 = c->f_prov;
	if (c->prov < 0 || (c->f_prov < 0 && chance(0.011))) {
		static const int rw[] = { 45, 15, 20, 20 };
		static const char *const rc[] = { "customer", "duplicate",
		    "by-phone", "no-provider" };
		static const char *const rn[] = { NULL, "重复来电,已有案件处理",
		    "电话指导客户自行解决", "附近服务商都在忙,无法接单" };
		int k = rpickw(rw, 4);

		c->cancelled = 1;	/* cancelled before dispatch */
		t = c->at + rint_in(60, 420);	/* one RNG call per statement */
		if (c->prov < 0)
			c->cancel_at = drow_r(c, t, "cancelled", -1, -1, 0, -1, -1,
			    "附近没有可派的服务商", "no-provider");
		else
			c->cancel_at = drow_r(c, t, "cancelled", -1, -1, 0, -1, -1,
			    rn[k] != NULL ? rn[k] : cancel_reason(0), rc[k]);
		return;
	}
	c->dispatch_late = c->f_prov < 0 && chance(0.06);
	/* A booked job is dispatched 15-55 min before its time, not at the call. */
	base = c->at;
	if (c->sched != 0 && c->sched - rint_in(15, 55) * 60 > base)
		base = c->sched - rint_in(15, 55) * 60;
	t = base + (c->dispatch_late ? rint_in(300, 720) : rint_in(30, 150));
	p = &g_prov[c->prov];
	c->tech = c->f_tech ? c->f_tech : p->tech[rint_in(0, p->ntech - 1)];
	eta = eta_of(c, c->prov, &km);
	t = c->assigned_at = drow(c, t, "assigned", c->prov, eta, km, -1, -1,
	    NULL);
	if (c->f_prov < 0 && chance(0.03 + (eta > 35 ? 0.1 : 0))) {
		c->reassigned = 1;
		c->prov = p2;
		p = &g_prov[p2];
		c->tech = p->tech[rint_in(0, p->ntech - 1)];
		eta = eta_of(c, p2, &km);
		t += rint_in(180, 900);
		t = drow(c, t, "assigned", c->prov, eta, km, -1, -1,
		    reassign_note());
	}
	c->eta = eta;
	c->dist = km;
	c->notify_late = c->f_prov < 0 && chance(0.07);
	snprintf(nb, sizeof nb, "已告知客户预计%d分钟内到达",
	    (int)((t - c->at) / 60) + eta + 5);
	tn = drow(c, t + (c->notify_late ? rint_in(420, 900) :
	    rint_in(40, 200)), "notified", -1, -1, 0, -1, -1, nb);
	/* remote fix: software and key troubles, by phone */
	if (c->f_prov < 0 && (c->fault == F_SOFTWARE || c->fault == F_ELEC ||
	    c->fault == F_EVSYS || c->fault == F_LOCKOUT) && chance(0.12)) {
		c->remote = 1;
		c->outcome = O_REMOTE;
		c->fee = 0;
		tn += rint_in(300, 1200);
		c->done_at = drow(c, tn, "completed", -1, -1, 0, 0, O_REMOTE,
		    remote_note());
		return;
	}
	/* travel: estimate with noise, rush hour, sometimes an incident */
	travel = (int)(eta * runif(0.75, 1.2) * (c->rush && !c->road ? 1.25 :
	    1) * 60);
	pl = 0.04 + (c->rush && !c->road ? 0.05 : 0) + (c->road ? 0.07 : 0);
	arr = t + travel;
	if (c->f_arrive_min > 0) {
		arr = c->at + c->f_arrive_min * 60;
		c->why = c->f_why;
	} else if (c->sched != 0 && arr < c->sched) {
		/* mostly there a few minutes early, now and then late */
		arr = c->sched + (chance(0.85) ? -rint_in(0, 10) :
		    rint_in(3, 25)) * 60;
	} else if (chance(pl)) {
		static const int ww[] = { 0, 45, 15, 12, 8, 20 };

		c->why = rpickw(ww, 6);
		arr += rint_in(12, 65) * 60;
	}
	if (arr < c->last + 10 * MIN)
		arr = c->last + rint_in(10 * MIN, 15 * MIN);
	if (c->sched != 0) {	/* its arrival runs to the booked time */
		limit = 10;
		base = c->sched;
	}
	if (chance(0.8))
		drow(c, c->last + rint_in(20, 200), "enroute", -1, -1, 0, -1,
		    -1, NULL);
	c->late_min = (int)((arr - base) / 60) - limit;
	if (c->why != LR_NONE && c->late_min > 0 &&
	    base + (limit - 3) * 60 < arr - 5 * MIN)
		drow(c, base + (limit - 3) * 60, "notified", -1, -1, 0, -1,
		    -1, late_notify_note(c->why));
	cancel = c->f_prov < 0 && (c->late_min > 10 ? chance(0.25) :
	    chance(c->road == ROAD_HIGHWAY ? 0.022 : 0.012));
	if (cancel) {
		c->cancelled = 1;
		c->cancel_at = c->late_min > 10 ? c->at + (limit + rint_in(5,
		    c->late_min)) * 60 : c->last + (arr - c->last) *
		    rint_in(20, 80) / 100;
		if (c->cancel_at > arr - 60)
			c->cancel_at = arr - 60;
		if (c->late_min <= 10 && c->road == ROAD_HIGHWAY && chance(0.5))
			c->cancel_at = drow_r(c, c->cancel_at, "cancelled", -1,
			    -1, 0, -1, -1, cancel_reason(2), "other");
		else
			c->cancel_at = drow_r(c, c->cancel_at, "cancelled", -1,
			    -1, 0, -1, -1, cancel_reason(c->late_min > 10 ? 1 : 0),
			    "customer");
		return;
	}
	c->arrived_at = drow(c, arr, "arrived", -1, -1, 0, -1, -1, NULL);
	c->late_min = (int)((c->arrived_at - base) / 60) - limit;
	if (c->f_prov < 0 && chance(0.006)) {
		c->cancelled = 1;	/* nobody there */
		c->cancel_at = drow_r(c, c->arrived_at + rint_in(300, 900),
		    "cancelled", -1, -1, 0, -1, -1, "到场后客户已离开,电话无人接听",
		    "gone-on-arrival");
		return;
	}
	c->outcome = c->f_prov >= 0 ? (c->service == S_TYRE ? O_TYRE :
	    O_TOWED) : outcome_of(c);
	if (!c->covered && c->service == S_TOW && c->f_prov < 0 &&
	    chance(0.15)) {
		c->fee += rint_in(5, 30) * 1000;	/* extra distance */
		c->fee_over = 1;
	} else if (c->covered)
		c->fee = 0;
	if (c->outcome == O_UNRES)
		c->fee = c->covered ? 0 : c->fee / 2;
	/*
	 * The customer signs the rescue agreement for most paid jobs, but
	 * seldom for the extra distance that fee complaints are about.
	 */
	if (c->fee > 0 && chance(c->fee_over ? 0.2 : 0.7))
		drow(c, c->arrived_at + rint_in(60, 300), "authorized", -1, -1, 0,
		    c->fee, -1, c->fee_over ? "客户确认超出里程加收费用" :
		    "客户签署救援协议,确认费用");
	c->done_at = drow(c, c->arrived_at + worktime(c) * 60, "completed",
	    -1, -1, 0, c->fee, c->outcome, c->outcome == O_UNRES ?
	    "现场无法修复,建议拖到4S店" : NULL);
}

