/*
 * reports_shift.h - the state of one shift report, shared by
 * reports_shift.c (which loads the journals into it and assembles the
 * report) and reports_shift_sections.c (which fills the sections from
 * it). Internal: reports.h declares report_shift for everyone else.
 */
#ifndef RS_REPORTS_SHIFT_H
#define RS_REPORTS_SHIFT_H

#include <stddef.h>

#include "callback.h"
#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "reports.h"
#include "timefmt.h"

struct report;

/* The callbacks due that text, md and html list (SPEC 6); json, tsv and csv carry them all. */
#define SHIFT_CALLBACKS_SHOWN 12

/* The journals of one shift, folded; report_shift owns it and frees its sets. */
struct shift {
	const struct rinputs *in;
	rs_time from, to, next_to;
	rs_time t_end;			/* shift end, or --as-of if earlier */
	struct cases cs;
	struct dispatch_set all;	/* every dispatch row up to --as-of: the SLAs */
	struct dispatch_set end;	/* rows that happened before the shift ended: the handover */
	struct complaint_set cps;
	struct cb_schedule sched;
};

/*
 * Each function adds its sections to r (which owns them) from sh, which
 * is only read: shift_volume_and_sla adds by_service, by_priority,
 * by_channel, sla and late_providers and returns the number of cases
 * opened in the period; shift_handover adds the cases open at the end of
 * the shift and returns their number; shift_complaints the complaints
 * opened; shift_callbacks_due the callbacks due in the next shift;
 * shift_cancellations the period's cases cancelled at --as-of, by
 * reason.
 */
long long shift_volume_and_sla(struct shift *sh, struct report *r);
size_t shift_handover(struct shift *sh, struct report *r);
void shift_complaints(struct shift *sh, struct report *r);
void shift_callbacks_due(struct shift *sh, struct report *r);
void shift_cancellations(struct shift *sh, struct report *r);

#endif
