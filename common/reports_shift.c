/*
 * reports_shift.c - the shift handover report (SPEC 6 rs-report shift,
 * SPEC 10): reads the four journals once each, from where the shift needs
 * them, and assembles the summary and the sections of
 * reports_shift_sections.c (volume, desk SLAs, the cases handed over
 * open, complaints opened, callbacks due in the next shift, late
 * providers).
 */
#include <stdlib.h>
#include <string.h>

#include "callback.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "report.h"
#include "reports.h"
#include "reports_shift.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

static void
on_case(const struct row *r, void *arg)
{
	struct shift *sh = arg;

	(void)cases_add(&sh->cs, r);
}

static void
on_dispatch(const struct row *r, void *arg)
{
	struct shift *sh = arg;
	rs_time at;

	(void)dispatch_set_add(&sh->all, r);
	if (time_parse_ts(r->v[DISPATCH_AT], r->len[DISPATCH_AT], &at) == 0 &&
	    at < sh->to && at <= sh->in->as_of)
		(void)dispatch_set_add(&sh->end, r);
}

static void
on_complaint(const struct row *r, void *arg)
{
	struct shift *sh = arg;

	(void)cp_set_add(&sh->cps, r);
}

static void
on_callback(const struct row *r, void *arg)
{
	struct shift *sh = arg;

	cb_record(&sh->sched, r);
}

/* move_last puts section name at the end: SPEC 6 lists late providers last. */
static void
move_last(struct report *r, const char *name)
{
	size_t i;
	struct rsection *s;

	for (i = 0; i + 1 < r->n; i++)
		if (strcmp(r->s[i]->name, name) == 0) {
			s = r->s[i];
			memmove(&r->s[i], &r->s[i + 1], (r->n - i - 1) * sizeof(*r->s));
			r->s[r->n - 1] = s;
			return;
		}
}

static rs_time
min_t(rs_time a, rs_time b)
{
	return a < b ? a : b;
}

/* load reads the four journals, each once, each from where this shift needs it. */
static int
load(struct shift *sh, struct rs_err *e)
{
	const struct rules *ru = &sh->in->rules;
	rs_time since_cases, since;
	size_t i;

	since_cases = min_t(sh->from, time_add_days(sh->to, -HANDOVER_LOOKBACK_D)) -
	    SCHEMA_AT_AHEAD_S;
	/* Completions whose service callback may still be owed in the next shift. */
	since = time_add_days(sh->to - (rs_time)ru->callback_service_h * 3600,
	    -ru->callback_expire_d) - SCHEMA_AT_AHEAD_S;
	if (rin_scan(sh->in, RJ_DISPATCH, min_t(since, since_cases), on_dispatch, sh, e) == -1)
		return -1;
	since = time_add_days(sh->from, -COMPLAINT_LOOKBACK_D) - SCHEMA_AT_AHEAD_S;
	if (rin_scan(sh->in, RJ_COMPLAINTS, since, on_complaint, sh, e) == -1)
		return -1;
	for (i = 0; i < sh->all.n; i++)
		if (sh->all.items[i].state == DS_COMPLETED)
			cb_add_service(&sh->sched, ru, sh->all.items[i].key,
			    sh->all.items[i].steps.completed);
	for (i = 0; i < sh->cps.f.n; i++)
		cb_add_complaint(&sh->sched, ru, &sh->cps.c[i]);
	cb_sort(&sh->sched);
	if (sh->sched.n > 0 && rin_scan(sh->in, RJ_CALLBACKS, cb_since(&sh->sched) -
	    SCHEMA_AT_AHEAD_S, on_callback, sh, e) == -1)
		return -1;
	/* Customers of the callbacks due may be older than the handover window. */
	for (i = 0; i < sh->sched.n; i++)
		if (cb_due_in(&sh->sched.v[i], sh->to, sh->next_to))
			since_cases = min_t(since_cases, case_since(sh->sched.v[i].case_key));
	return rin_scan(sh->in, RJ_CASES, since_cases, on_case, sh, e);
}

int
report_shift(const struct rinputs *in, rs_time from, rs_time to, rs_time next_to,
    const char *label, struct report **out, struct rs_err *e)
{
	static const char *const cols[] = { "shift", "from", "to", "as_of", "cases",
	    "open_at_end" };
	/* shift is "2026-11-22 day" or "period": an enum word for people (render.c). */
	static const enum rtype types[] = { RT_ENUM, RT_TIME, RT_TIME, RT_TIME, RT_INT,
	    RT_INT };
	static const int sum_show[] = { 0, 4, 5 };
	struct shift sh;
	struct report *r;
	struct rsection *sum;
	char a[TIME_ISO_MAX], b[TIME_ISO_MAX], c[TIME_ISO_MAX];
	long long ncases;
	size_t nopen;
	int rc;

	memset(&sh, 0, sizeof(sh));
	sh.in = in;
	sh.from = from;
	sh.to = to;
	sh.next_to = next_to;
	sh.t_end = min_t(to, in->as_of);
	cases_init(&sh.cs);
	dispatch_set_init(&sh.all);
	dispatch_set_init(&sh.end);
	cp_set_init(&sh.cps);
	cb_schedule_init(&sh.sched, &in->rules);
	*out = NULL;
	if ((rc = load(&sh, e)) == 0) {
		r = report_new("shift", "");
		r->title = report_strdup(r, _("Shift report"));
		report_today(r, in->as_of);
		time_format_minute(from, a);
		time_format_minute(to, b);
		time_format_minute(in->as_of, c);
		{
			/* "2026-11-22 day": the date, then the shift in the reader's words. */
			const char *sp = strrchr(label, ' ');

			if (sp != NULL)
				report_subtitle(r, "%.*s %s: %s to %s, as of %s", (int)(sp - label),
				    label, C_("shift", sp + 1), a, b, c);
			else
				report_subtitle(r, "%s: %s to %s, as of %s", C_("value", label), a,
				    b, c);
		}
		sum = report_section(r, "summary", "Summary", RSH_FLAT, 6, cols, types);
		/* The period and as-of are the subtitle's: people see them once. */
		rsec_show(sum, sum_show, 3, 0);
		rsec_row(sum);
		ncases = shift_volume_and_sla(&sh, r);
		nopen = shift_handover(&sh, r);
		shift_complaints(&sh, r);
		shift_callbacks_due(&sh, r);
		shift_cancellations(&sh, r);
		rsec_set(r, sum, 0, label);
		rsec_time(r, sum, 1, from);
		rsec_time(r, sum, 2, to);
		rsec_time(r, sum, 3, in->as_of);
		rsec_int(r, sum, 4, ncases);
		rsec_int(r, sum, 5, (long long)nopen);
		move_last(r, "late_providers");
		move_last(r, "cancellations");
		*out = r;
	}
	cb_schedule_free(&sh.sched);
	cp_set_free(&sh.cps);
	dispatch_set_free(&sh.end);
	dispatch_set_free(&sh.all);
	cases_free(&sh.cs);
	return rc;
}
