/*
 * complaint_write.h - the rows rs-complain appends to the complaints
 * journal: a new complaint (its id and, unless given, its level by the
 * rule of SPEC 6, both decided under the journal lock) and an event on an
 * existing one (checked against the complaint's state under the lock).
 */
#ifndef RS_COMPLAINT_WRITE_H
#define RS_COMPLAINT_WRITE_H

#include <stdint.h>

#include "complaint.h"
#include "ids.h"
#include "schema_tables.h"
#include "timefmt.h"

struct rs_err;
struct rules;

/* What a complaint row says besides its event: the options given (borrowed; NULL = not given). */
struct cp_input {
	const char *case_id, *category, *demand, *responsible, *provider;
	const char *note, *remedy, *amount, *action, *owner, *due;
	const char *agent;
	const char *ref;		/* --ref KEY (ref.h), or NULL */
	int safety, media, legal;
};

/* A row being written, and the buffers of its formatted times, id and level. */
struct cp_row {
	const char *v[COMPLAINTS_NCOLS];
	char ts[TIME_ISO_MAX], at[TIME_ISO_MAX], id[ID_MAX], level[8];
	/* The row a --ref key found instead (v and id point into it); free with ref_row_free. */
	char **ref_row;
};

/* A new complaint: the input, the facts of its case the level rule needs, and the row written. */
struct cp_open {
	const struct cp_input *in;
	rs_time at;			/* when at_set: the complaint's time, else the row's ts */
	int at_set, level;		/* level 1-4 given, or 0: by the rule */
	uint64_t case_key;
	char phone[64];			/* digits of the case's phone */
	long long injuries;
	rs_time arrive_due, first_arrived;
	char provider[40];		/* the case's last assigned provider */
	int repeat;			/* set: a repeat complainant */
	struct cp_level_facts facts;	/* what set a computed level (level 0 given) */
	struct cp_row w;		/* the row appended */
};

/*
 * cp_open_case fills the case facts of op from journal directory dir:
 * the case in->case_id (it must exist), its phone and injuries, its
 * arrival deadline under rules ru, its first arrival and last assigned
 * provider. Returns 0, or -1 with e set.
 */
int cp_open_case(const char *dir, const struct rules *ru, struct cp_open *op, struct rs_err *e);

/* cp_open_append appends op's "opened" row to dir's complaints journal; returns 0, or -1 with e set. */
int cp_open_append(const char *dir, struct cp_open *op, struct rs_err *e);

/* An event on an existing complaint, and the row written. */
struct cp_change {
	const struct cp_input *in;
	enum cp_event ev;
	const char *id;			/* the complaint, as given */
	uint64_t key;			/* its key */
	rs_time at;
	int at_set, level;		/* level: escalate's new level */
	struct complaint_set set;	/* the complaint's rows, read under the lock */
	char case_id[ID_MAX];
	struct cp_row w;		/* the row appended */
};

/*
 * cp_change_append checks ch's event against the complaint's state and
 * appends its row to dir's complaints journal, in one locked write.
 * Returns 0, or -1 with e set; either way free ch with cp_change_free
 * once done with ch->w (its values may point into ch->set).
 */
int cp_change_append(const char *dir, struct cp_change *ch, struct rs_err *e);

/* cp_change_free frees what cp_change_append read into ch. */
void cp_change_free(struct cp_change *ch);

#endif
