/*
 * weekly.h - the data of a weekly complaint review, shared by the code
 * that reads it (weekly_load.c) and the code that lays it out
 * (reports_weekly.c). Internal to those two files.
 */
#ifndef RS_WEEKLY_H
#define RS_WEEKLY_H

#include "cases.h"
#include "complaint.h"
#include "dispatch.h"
#include "buf.h"
#include "idmap.h"
#include "timefmt.h"

struct rinputs;
struct rs_err;

#define TREND_WEEKS 8

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
	int nodata;			/* leading trend weeks before the journal's first case */
	struct weekly_suggestion *sug;	/* the week's reached callbacks' suggestions, in file order */
	size_t nsug;
	struct arena sug_arena;		/* their texts */
};

/* A suggestion of a reached callback of the week (SPEC 6 weekly suggestions). */
struct weekly_suggestion {
	uint64_t case_key;
	const char *case_id, *text;
	rs_time at;
};

/* weekly_cmp_complaint orders pointers to complaints by id (qsort). */
int weekly_cmp_complaint(const void *a, const void *b);

/* weekly_week_of returns the trend week holding t, or -1. */
int weekly_week_of(const struct weekly *w, rs_time t);

/*
 * weekly_load reads what the review of w->tw needs from the journals:
 * complaints of a bounded look back, the week's complained-about cases
 * and their dispatch rows, the trend's case counts, the week's
 * complainant callbacks and suggestions (and the cases they are on, for
 * the customer's name to mask). Returns 0, or -1 with e set.
 */
int weekly_load(struct weekly *w, struct rs_err *e);

/* weekly_compensation adds compensation, its breakdowns and its items (reports_weekly_team.c). */
struct report;
void weekly_compensation(struct weekly *w, struct report *r);

/* weekly_crisis adds the week's crisis complaints. */
void weekly_crisis(struct weekly *w, struct report *r);

/* weekly_suggestions adds the week's callback suggestions, masked unless show_pii. */
void weekly_suggestions(struct weekly *w, struct report *r);

#endif
