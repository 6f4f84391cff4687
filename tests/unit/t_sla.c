/*
 * t_sla.c - unit tests of the SLA steps (common/dispatch.c, SPEC 9-10)
 * and of the report's rounding (common/report.c): the first row of an
 * event is the earliest at, cancellation and the arrival step, remote
 * completions, and halves away from zero.
 */
#include <string.h>

#include "dispatch.h"
#include "report.h"
#include "rules.h"
#include "timefmt.h"
#include "unit.h"

#define MIN 60

/* steps evaluates a city case opened at 0 (no call_at) with d at as_of. */
static void
steps(const struct dsteps *d, rs_time as_of, struct sla_result out[SLA_NSTEPS])
{
	struct sla_case c = { 0, RS_TIME_NONE, "city", RS_TIME_NONE };
	struct rules r;

	rules_default(&r);
	sla_steps(&c, d, &r, as_of, out);
}

/* A case: up to 4 events (minutes after the opening; 0 ends the list), --as-of, the statuses wanted. */
struct scase {
	const char *what;
	struct { enum devent ev; int at, remote; } ev[4];
	int as_of;
	enum sla_status want[SLA_NSTEPS];	/* file, dispatch, notify, arrive */
};

#define M SLA_MET
#define X SLA_MISSED
#define P SLA_PENDING
#define E SLA_EXCLUDED

static const struct scase cases[] = {
	{ "cancelled after the arrival", { { DE_ASSIGNED, 4, 0 }, { DE_ARRIVED, 25, 0 },
	    { DE_CANCELLED, 80, 0 } }, 1000, { M, M, E, E } },
	{ "the same before the cancellation", { { DE_ASSIGNED, 4, 0 }, { DE_ARRIVED, 25, 0 },
	    { DE_CANCELLED, 80, 0 } }, 60, { M, M, X, M } },
	{ "cancelled before dispatch", { { DE_CANCELLED, 2, 0 } }, 1000, { M, E, E, E } },
	{ "late dispatch, then cancelled", { { DE_ASSIGNED, 6, 0 }, { DE_CANCELLED, 7, 0 } },
	    1000, { M, X, E, E } },
	{ "dispatch at the limit, no arrival", { { DE_ASSIGNED, 5, 0 } }, 1000, { M, M, X, X } },
	{ "arrival due at --as-of", { { DE_ASSIGNED, 5, 0 } }, 30, { M, M, X, P } },
	{ "remote completion", { { DE_ASSIGNED, 5, 0 }, { DE_NOTIFIED, 8, 0 },
	    { DE_COMPLETED, 20, 1 } }, 1000, { M, M, M, E } },
	{ "the last completion decides", { { DE_ASSIGNED, 5, 0 }, { DE_COMPLETED, 20, 1 },
	    { DE_COMPLETED, 21, 0 } }, 1000, { M, M, X, X } },
};

/*
 * booked_steps: a job opened at 0 (call at 0) for scheduled minutes
 * later (SPEC 9, defaults lead 30, grace 10, dispatch 5, notify 8).
 */
static void
booked(rs_time sched, const struct dsteps *d, rs_time as_of, struct sla_result out[SLA_NSTEPS])
{
	struct sla_case c = { 0, RS_TIME_NONE, "highway", RS_TIME_NONE };
	struct rules r;

	c.scheduled_at = sched;
	rules_default(&r);
	sla_steps(&c, d, &r, as_of, out);
}

static void
booked_steps(void)
{
	struct sla_result res[SLA_NSTEPS];
	struct dsteps d;

	/* Booked 15 h ahead: dispatch due 30 min before, notify 8 min after that. */
	booked(900 * MIN, NULL, 10 * MIN, res);
	T_INT(res[SLA_DISPATCH].due, 870 * MIN);
	T_INT(res[SLA_DISPATCH].status, SLA_PENDING);
	T_INT(res[SLA_NOTIFY].due, 878 * MIN);
	T_INT(res[SLA_NOTIFY].status, SLA_PENDING);
	T_INT(res[SLA_ARRIVE].due, 910 * MIN);
	T_INT(res[SLA_ARRIVE].status, SLA_PENDING);
	T_INT(res[SLA_FILE].status, SLA_MET);
	/* Booked 10 min ahead: the desk limit (5 min) is later than 30 min before. */
	booked(10 * MIN, NULL, 1 * MIN, res);
	T_INT(res[SLA_DISPATCH].due, 5 * MIN);
	T_INT(res[SLA_NOTIFY].due, 13 * MIN);
	T_INT(res[SLA_ARRIVE].due, 20 * MIN);
	/* Early, on the grace's edge, past it: minutes from scheduled_at, whatever the road. */
	dsteps_init(&d);
	dsteps_add(&d, DE_ASSIGNED, 860 * MIN, 0);
	dsteps_add(&d, DE_ARRIVED, 890 * MIN, 0);
	booked(900 * MIN, &d, 2000 * MIN, res);
	T_INT(res[SLA_DISPATCH].status, SLA_MET);
	T_INT(res[SLA_NOTIFY].status, SLA_MISSED);
	T_INT(res[SLA_ARRIVE].status, SLA_MET);
	T_INT(res[SLA_ARRIVE].secs, -10 * MIN);
	T_INT(res[SLA_ARRIVE].start, 900 * MIN);
	dsteps_init(&d);
	dsteps_add(&d, DE_ASSIGNED, 870 * MIN, 0);
	dsteps_add(&d, DE_NOTIFIED, 878 * MIN, 0);
	dsteps_add(&d, DE_ARRIVED, 910 * MIN, 0);
	booked(900 * MIN, &d, 2000 * MIN, res);
	T_INT(res[SLA_DISPATCH].status, SLA_MET);
	T_INT(res[SLA_NOTIFY].status, SLA_MET);
	T_INT(res[SLA_ARRIVE].status, SLA_MET);
	T_INT(res[SLA_ARRIVE].secs, 10 * MIN);
	dsteps_init(&d);
	dsteps_add(&d, DE_ASSIGNED, 871 * MIN, 0);
	dsteps_add(&d, DE_ARRIVED, 911 * MIN, 0);
	booked(900 * MIN, &d, 2000 * MIN, res);
	T_INT(res[SLA_DISPATCH].status, SLA_MISSED);
	T_INT(res[SLA_ARRIVE].status, SLA_MISSED);
	/* Cancelled: the booking's arrival is excluded like any other. */
	dsteps_add(&d, DE_CANCELLED, 950 * MIN, 0);
	booked(900 * MIN, &d, 2000 * MIN, res);
	T_INT(res[SLA_ARRIVE].status, SLA_EXCLUDED);
}

void
t_sla(void)
{
	struct sla_result res[SLA_NSTEPS];
	struct dsteps d;
	char buf[32];
	size_t i;
	int k;

	/* First = earliest at, whatever order the rows come in. */
	dsteps_init(&d);
	dsteps_add(&d, DE_ASSIGNED, 10 * MIN, 0);
	dsteps_add(&d, DE_ASSIGNED, 4 * MIN, 0);
	dsteps_add(&d, DE_ARRIVED, 40 * MIN, 0);
	dsteps_add(&d, DE_ARRIVED, 25 * MIN, 0);
	dsteps_add(&d, DE_CANCELLED, 90 * MIN, 0);
	dsteps_add(&d, DE_CANCELLED, 80 * MIN, 0);
	T_INT(d.assigned, 4 * MIN);
	T_INT(d.arrived, 25 * MIN);
	T_INT(d.cancelled, 80 * MIN);

	/* Cancelled after the arrival: arrive excluded, dispatch still met. */
	steps(&d, 1000 * MIN, res);
	T_INT(res[SLA_DISPATCH].secs, 4 * MIN);
	T_INT(res[SLA_ARRIVE].done, RS_TIME_NONE);

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct scase *c = &cases[i];

		dsteps_init(&d);
		for (k = 0; k < 4 && c->ev[k].at != 0; k++)
			dsteps_add(&d, c->ev[k].ev, c->ev[k].at * MIN, c->ev[k].remote);
		steps(&d, c->as_of * MIN, res);
		for (k = 0; k < SLA_NSTEPS; k++)
			unit_report(__FILE__, __LINE__, res[k].status == c->want[k],
			    "case %zu (%s), step %s: %s, want %s", i, c->what,
			    sla_step_name((enum sla_step)k), sla_status_name(res[k].status),
			    sla_status_name(c->want[k]));
	}
	steps(NULL, 1 * MIN, res);
	T_INT(res[SLA_DISPATCH].status, SLA_PENDING);

	booked_steps();

	/* Halves away from zero on the exact fraction. */
	T_INT(round_div(5, 2), 3);
	T_INT(round_div(-5, 2), -3);
	T_INT(round_div(-100, 8), -13);
	T_STR(fmt_ratio(1, 800, 1000, buf), "1.3");
	T_STR(fmt_ratio(1, 16, 100, buf), "6.3");
	T_STR(fmt_ratio(2, 3, 100, buf), "66.7");
	T_STR(fmt_ratio(1, 0, 100, buf), NULL);
	T_STR(time_format_minutes(435, buf), "7.3");
	T_STR(time_format_minutes(-435, buf), "-7.3");
	T_STR(time_format_minutes(63, buf), "1.1");
}
