/*
 * sim.c - one day of calls: when they come (daily and weekly load
 * curves, holidays), what each case is (place, vehicle, service, fault,
 * people, priority as rs-intake computes it); then dispatch.c and
 * cplt.c play out the rest. Writes cases.tsv rows.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

struct provider	*g_prov;
int		 g_nprov;

static const int hourw[24] = { 12, 8, 6, 5, 5, 8, 20, 50, 65, 50, 40, 40,
    38, 35, 38, 40, 45, 60, 65, 50, 35, 30, 24, 17 };
static const int wdayw[7] = { 106, 98, 97, 99, 110, 98, 92 };
/* ts of a row whose event happened at: a few seconds to minutes later */
int64_t
tsfor(int64_t *last, int64_t at, int lo, int hi)
{
	int64_t ts = at + rint_in(lo, hi);

	if (ts <= *last)
		ts = *last + 1;
	return *last = ts;
}

int
dayshift(int64_t t)
{
	int h = local_hour(t);

	return h >= 8 && h < 20;
}

/* the desk agent who writes a row of case c at time t */
const char *
agent_at(const struct gcase *c, int64_t t)
{
	if (dayshift(t) == dayshift(c->at) && t - c->at < 10 * HOUR)
		return c->agent;
	return dayshift(t) ? desk_day[rng_u64() % ndesk_day] :
	    desk_night[rng_u64() % ndesk_night];
}

static void
person(struct gcase *c)
{
	static const char *const pre[] = { "139", "138", "137", "136", "135",
	    "150", "151", "152", "158", "159", "186", "187", "188", "189",
	    "177", "176", "180", "181", "199", "191", "133", "153", "173",
	    "166" };
	static const char *const al = "ABCDEFGHJKLMNPQRSTUVWXYZ";
	int w[64], i, n = nsurnames < 64 ? nsurnames : 64, k;
	const char *g1, *g2, *s;
	char *p;

	for (i = 0; i < n; i++)
		w[i] = 1000 / (i + 6);
	k = rpickw(w, n);
	/* one RNG call per statement: argument order is unspecified */
	g1 = givenchars[rint_in(0, ngivenchars - 1)];
	g2 = givenchars[rint_in(0, ngivenchars - 1)];
	if (chance(0.08))
		snprintf(c->customer, sizeof c->customer, "%s%s", surnames[k],
		    chance(0.55) ? "先生" : "女士");
	else if (chance(0.35))
		snprintf(c->customer, sizeof c->customer, "%s%s", surnames[k],
		    g1);
	else
		snprintf(c->customer, sizeof c->customer, "%s%s%s",
		    surnames[k], g1, g2);
	s = PICK(pre);
	snprintf(c->phone, sizeof c->phone, "%s%08d", s,
	    rint_in(0, 99999999));
	p = c->plate;
	p += sprintf(p, "%s", chance(0.84) ? "粤B" :
	    plate_provs[rint_in(0, nplate_provs - 1)]);
	if (c->energy != E_ICE) {	/* green plate: D (EV) or F (hybrid) */
		sprintf(p, "·%c%05d", c->energy == E_EV ? 'D' : 'F',
		    rint_in(0, 99999));
		return;
	}
	*p++ = al[rint_in(0, 23)];
	for (i = 0; i < 4; i++)
		*p++ = chance(0.25) ? al[rint_in(0, 23)] : '0' + rint_in(0, 9);
	*p = '\0';
}

static void
place(struct gcase *c, int hol)
{
	const struct district *d;
	const struct highway *h;
	const char *s1, *s2;
	int w[16], i;
	double f, km, r = rnd();

	c->road = r < (hol ? 0.24 : 0.15) ? ROAD_HIGHWAY :
	    r < (hol ? 0.29 : 0.20) ? ROAD_RURAL : ROAD_CITY;
	if (c->road == ROAD_HIGHWAY) {
		h = &highways[rint_in(0, nhighways - 1)];
		f = rnd();
		c->lat = h->lat0 + f * (h->lat1 - h->lat0) + runif(-.002, .002);
		c->lon = h->lon0 + f * (h->lon1 - h->lon0) + runif(-.002, .002);
		km = h->km0 + f * (h->km1 - h->km0);
		s1 = chance(0.5) ? h->dir0 : h->dir1;
		s2 = chance(0.3) ? " 应急车道" : "";
		snprintf(c->location, sizeof c->location, "%s %s K%d+%03d %s%s",
		    h->code, h->name, (int)km, (int)((km - (int)km) * 10) * 100,
		    s1, s2);
		return;
	}
	for (i = 0; i < ndistricts; i++)
		w[i] = c->road == ROAD_RURAL ? (i >= 6 ? 10 : 2) :
		    districts[i].weight;
	d = &districts[rpickw(w, ndistricts)];
	c->lat = d->lat + runif(-0.035, 0.035);
	c->lon = d->lon + runif(-0.04, 0.04);
	s1 = d->streets[rint_in(0, 5)];
	s2 = d->streets[rint_in(0, 5)];
	i = rint_in(1, 3999);
	if (c->road == ROAD_RURAL)
		snprintf(c->location, sizeof c->location, "%s%s村 %s附近山路",
		    d->name, givenchars[i % ngivenchars], s1);
	else if (chance(0.25))
		snprintf(c->location, sizeof c->location, "%s %s",
		    d->name, d->spots[i % 4]);
	else if (s1 != s2 && chance(0.35))
		snprintf(c->location, sizeof c->location, "%s %s与%s交叉口",
		    d->name, s1, s2);
	else
		snprintf(c->location, sizeof c->location, "%s %s%d号附近",
		    d->name, s1, i);
}

/* service and fault mix, city vs highway */
static void
service(struct gcase *c)
{
	static const int cityw[NSERV] = { 26, 17, 20, 3, 8, 3, 13, 4, 3, 3 };
	static const int hwyw[NSERV] = { 45, 30, 3, 9, 1, 4, 8, 0, 0, 0 };
	static const int towf[] = { F_ACCIDENT, F_ENGINE, F_TRANS, F_ELEC,
	    F_BRAKE, F_OTHER, F_ENGINE, F_EVSYS };
	static const int repf[] = { F_ENGINE, F_ELEC, F_BRAKE, F_SOFTWARE,
	    F_OTHER, F_ELEC, F_TRANS };

	c->service = rpickw(c->road == ROAD_CITY ? cityw : hwyw, NSERV);
	switch (c->service) {
	case S_TOW:
		c->fault = towf[rint_in(0, 7)];
		if (c->fault == F_EVSYS && c->energy == E_ICE)
			c->fault = F_ENGINE;
		if (c->energy == E_EV && c->fault == F_ENGINE)
			c->fault = chance(0.5) ? F_EVSYS : F_BATTERY;
		break;
	case S_TYRE: c->fault = F_TYRE; break;
	case S_JUMP: c->fault = F_BATTERY; break;
	case S_FUEL:
		if (c->energy == E_EV) {	/* out of charge: tow */
			c->service = S_TOW;
			c->fault = F_BATTERY;
		} else
			c->fault = F_FUEL;
		break;
	case S_LOCK: c->fault = F_LOCKOUT; break;
	case S_WINCH: c->fault = chance(0.5) ? F_ACCIDENT : F_OTHER; break;
	case S_REPAIR:
		c->fault = repf[rint_in(0, 6)];
		if (c->energy != E_ICE && chance(0.3))
			c->fault = F_EVSYS;
		break;
	default: c->fault = -1; break;
	}
}

static long long
price(int s, int road)
{
	static const int lo[NSERV] = { 300, 120, 80, 100, 150, 400, 150, 150,
	    150, 100 };
	static const int hi[NSERV] = { 600, 200, 150, 180, 300, 800, 400, 300,
	    300, 250 };

	return (rint_in(lo[s], hi[s]) / 10 * 10 + (road ? 150 : 0)) * 100LL;
}

void
make_case(struct gcase *c, int64_t at)
{
	static const int chw[] = { 70, 18, 4, 1, 7 };
	int w[64], i, p2;
	int64_t dstart = local_midnight(at);

	memset(c, 0, sizeof *c);
	c->f_prov = -1;
	c->at = at;
	c->call_at = at - rint_in(30, 120);
	c->call_at -= chance(0.05) ? rint_in(60, 280) : 0;
	c->agent = dayshift(at) ? desk_day[rng_u64() % ndesk_day] :
	    desk_night[rng_u64() % ndesk_night];
	c->channel = rpickw(chw, 5);
	c->program = programs[rint_in(0, nprograms - 1)];
	c->covered = strcmp(c->program, "自费") != 0 && chance(0.75);
	for (i = 0; i < nvehicles; i++)
		w[i] = vehicles[i].weight;
	i = rpickw(w, nvehicles);
	c->vehicle = vehicles[i].model;
	c->energy = vehicles[i].energy;
	person(c);
	place(c, is_holiday(dstart));
	i = local_hour(at);
	c->rush = (i >= 7 && i < 9) || (i >= 17 && i < 19);
	service(c);
	if (c->road == ROAD_HIGHWAY && c->service == S_TOW && chance(0.12))
		c->fault = F_ACCIDENT;
	c->symptom = symptom_for(c->fault, c->energy);
	c->can_start = c->service == S_TOW || c->service == S_WINCH ||
	    c->fault == F_FUEL || c->fault == F_BATTERY ? 0 :
	    c->fault == -1 || c->fault == F_LOCKOUT || chance(0.35);
	if (c->fault == F_ACCIDENT) {
		c->injuries = chance(0.22) ? rint_in(1, 3) : 0;
		c->police = chance(0.93);
		c->medical = c->injuries > 0 ? chance(0.9) : chance(0.03);
	}
	c->priority = c->injuries > 0 || (c->fault == F_ACCIDENT &&
	    c->road == ROAD_HIGHWAY) ? 1 : c->road == ROAD_HIGHWAY ||
	    c->fault == F_ACCIDENT || c->fault == F_BRAKE ? 2 : !c->can_start ||
	    c->service == S_TOW || c->service == S_WINCH ? 3 : 4;
	c->fee = price(c->service, c->road);
	c->quote = c->covered ? 0 : c->fee;
	/*
	 * Transfers and chauffeurs are mostly booked ahead, bookings always:
	 * for a quarter hour 1.5 to 20 hours after the call.
	 */
	if (c->service == S_BOOKING || ((c->service == S_TRANSFER ||
	    c->service == S_CHAUFFEUR) && chance(0.8))) {
		int64_t s = at + rint_in(90, 20 * 60) * 60;

		c->sched = s - s % (15 * 60);
	}
	if (c->service == S_TOW || c->service == S_TRANSFER ||
	    c->service == S_CHAUFFEUR || c->service == S_BOOKING)
		c->dest = destination(c, &c->dlat, &c->dlon);
	rank(c, &c->prov, &p2);
	c->eta_promised = 20;
	if (c->prov >= 0) {
		double km;
		int e = eta_of(c, c->prov, &km) + 3;

		c->eta_promised = e < 20 ? 20 : (e + 4) / 5 * 5;
	}
	if (chance(0.03))
		c->note = c->injuries ? "已通知120,客户情绪紧张" :
		    chance(0.5) ? "客户要求尽快,车上有小孩" : "客户是VIP会员";
}

void
case_rows(struct gcase *c)
{
	static const char *const chn[] = { "phone", "app", "web", "walkin",
	    "partner" };
	static int64_t lastopen;	/* ids grow in file order */
	struct row *r;

	c->last = lastopen;
	r = row_new(lastopen = tsfor(&c->last, c->at, 5, 75), c->at);
	row_raw(r, c->id);
	row_raw(r, "opened");
	row_s(r, c->agent);
	row_t(r, c->call_at);
	row_raw(r, chn[c->channel]);
	row_s(r, c->program);
	row_s(r, c->customer);
	row_raw(r, c->phone);
	row_s(r, c->plate);
	row_s(r, c->vehicle);
	row_raw(r, energy_names[c->energy]);
	row_s(r, c->location);
	row_f(r, "%.5f", c->lat);
	row_f(r, "%.5f", c->lon);
	row_raw(r, road_names[c->road]);
	row_raw(r, serv_names[c->service]);
	row_s(r, c->fault >= 0 ? fault_names[c->fault] : "");
	row_s(r, c->symptom);
	row_raw(r, c->can_start ? "y" : "n");
	row_i(r, c->injuries);
	row_raw(r, c->police ? "y" : "n");
	row_raw(r, c->medical ? "y" : "n");
	row_i(r, c->priority);
	row_money(r, c->quote);
	row_i(r, c->eta_promised);
	row_s(r, c->note);
	row_t(r, c->sched);
	row_s(r, c->dest);
	if (c->dest != NULL && (c->dlat != 0 || c->dlon != 0)) {
		row_f(r, "%.5f", c->dlat);
		row_f(r, "%.5f", c->dlon);
	} else
		row_e(r, 2);
	push(J_CASES, r);
	if (chance(0.05)) {	/* the customer calls again with more */
		int64_t at = c->at + rint_in(60, 600);

		r = row_new(tsfor(&c->last, at, 5, 60), at);
		row_raw(r, c->id);
		row_raw(r, "amended");
		row_s(r, agent_at(c, at));
		row_e(r, 22);
		row_s(r, amend_note());
		row_e(r, 4);
		push(J_CASES, r);
	}
}

void
run_case(struct gcase *c)
{
	case_rows(c);
	dispatch_case(c);
	if (c->f_prov >= 0)
		return;		/* a story: the rest is told in story.c */
	c->rude = chance(0.015);
	if (c->done_at > 0)
		service_callbacks(c);
	maybe_complaint(c);
}

static int
cmp64(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/* the n cases (before load curves) of the day starting at ds */
void
sim_day(int64_t ds, int n)
{
	int64_t *t, st[4];
	int sw[4], i, k, ns, y, m, d, seq = 0;
	double f = wdayw[local_wday(ds)] / 100.0 * (is_holiday(ds) ? 1.35 : 1);
	struct gcase c;

	n = (int)(n * f * runif(0.93, 1.07) + 0.5);
	ns = g_stories ? story_times(ds, st, sw) : 0;
	if ((t = malloc((n + ns + 1) * sizeof *t)) == NULL)
		exit(3);
	for (i = 0; i < n; i++) {
		t[i] = ds + rpickw(hourw, 24) * HOUR;
		t[i] = (t[i] + rint_in(0, HOUR - 1)) * 8;
	}
	for (i = 0; i < ns; i++)
		t[n + i] = st[i] * 8 + 1 + sw[i];	/* low bits: which story */
	qsort(t, n + ns, sizeof *t, cmp64);
	civil_from_days(local_dayno(ds), &y, &m, &d);
	for (i = 0; i < n + ns; i++) {
		k = (int)(t[i] & 7);
		if (k == 0)
			make_case(&c, t[i] / 8);
		else
			story_case(k - 1, &c, t[i] / 8);
		snprintf(c.id, sizeof c.id, "RS-%s%s%04d%02d%02d-%04d", g_site,
		    *g_site ? "-" : "", y, m, d, ++seq);
		run_case(&c);
		if (k != 0)
			story_after(k - 1, &c);
	}
	free(t);
}
