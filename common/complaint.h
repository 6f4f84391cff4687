/*
 * complaint.h - the complaint rules of SPEC 6 and 10: the level rule,
 * the state machine, the fold of a complaint's rows into its current
 * state, and the contact and resolution deadlines.
 *
 * States: open -> contacted -> investigating -> resolved -> closed;
 * reopened (from resolved or closed) returns to open. The seed's flow
 * investigates before the customer is called back with a remedy, so
 * investigate is legal from open too and contact is legal while
 * investigating (the state stays investigating); what may not be
 * skipped is the contact itself: resolve needs an earlier contact or a
 * note saying why there was none.
 */
#ifndef RS_COMPLAINT_H
#define RS_COMPLAINT_H

#include <stddef.h>
#include <stdint.h>

#include "fold.h"
#include "timefmt.h"

struct row;
struct rules;
struct rs_err;
struct jreader;

enum cp_state {
	CP_NONE, CP_OPEN, CP_CONTACTED, CP_INVESTIGATING, CP_RESOLVED, CP_CLOSED
};

/* The events, in the order of the complaints schema's event values. */
enum cp_event {
	CPE_OPENED, CPE_ESCALATED, CPE_CONTACTED, CPE_INVESTIGATED, CPE_RESOLVED,
	CPE_CLOSED, CPE_REOPENED, CPE_ACTION, CPE_ACTION_DONE, CPE_N
};

/* The window of the repeat-complainant rule, in days before the new complaint's at. */
#define CP_REPEAT_DAYS 90

/* cp_state_name returns "open", "contacted", "investigating", "resolved" or "closed" ("" for CP_NONE). */
const char *cp_state_name(enum cp_state s);

/* cp_event_parse maps an event name ("opened", ...) to *ev; returns 0 or -1. */
int cp_event_parse(const char *s, enum cp_event *ev);

/* cp_event_name returns the journal's name of ev ("escalated"), static. */
const char *cp_event_name(enum cp_event ev);

/* cp_event_verb returns the command word of ev ("escalate", "action-done") for messages. */
const char *cp_event_verb(enum cp_event ev);

/*
 * The facts the level rule looks at. late_s is how many seconds the
 * provider arrived after the arrival deadline (to the complaint's at if
 * there was no arrival yet; negative when early).
 */
struct cp_level_facts {
	const char *category;	/* complaints category value */
	int safety, media, legal;
	long long injuries;	/* the case's injuries, 0 when empty */
	int64_t late_s;
	int repeat;		/* a complaint in the previous 90 days on a case with the same phone */
};

/* cp_level_base applies the level rule of SPEC 6 without the repeat bump. */
int cp_level_base(const struct cp_level_facts *f);

/*
 * cp_level_explain appends to out, in the reader's language, the one
 * line that says why the rule gave level cp_level(f): every reason of
 * the base level, then the repeat bump ("level 3: arrival 75 min past
 * its deadline; +1: repeat complainant").
 */
struct buf;
void cp_level_explain(const struct cp_level_facts *f, struct buf *out);

/* cp_level applies the whole level rule: the base level plus 1 for a repeat complainant, at most 4. */
int cp_level(const struct cp_level_facts *f);

/* cp_lateness returns the seconds from the arrival deadline to the first arrival, or to at when there was none. */
int64_t cp_lateness(rs_time arrive_due, rs_time first_arrived, rs_time at);

/* One corrective action (action row), open until an action-done row closes it. */
struct cp_action {
	const char *action, *owner;	/* owned by the set's fold arena */
	int due;			/* YYYYMMDD, 0 if unreadable */
	rs_time at, done_at;		/* done_at RS_TIME_NONE while open */
};

/* The folded state of one complaint. */
struct complaint {
	uint64_t key, case_key;
	enum cp_state state;
	int level;			/* the level in force (last non-empty level) */
	rs_time opened_at;		/* at of the opened row, RS_TIME_NONE if not seen */
	rs_time first_contact;		/* earliest at of its contacted and resolved rows */
	rs_time resolved_at;		/* last resolved row while resolved or closed, else NONE */
	rs_time closed_at;		/* last closed row while closed, else NONE */
	rs_time last_at;		/* at of the last row */
	int contacted;			/* a contacted row was seen */
	struct cp_action *actions;	/* in the order recorded */
	size_t nactions;
};

/*
 * A set of complaints: fold entities (current values by COMPLAINTS_*
 * column) plus, per entity index, its struct complaint.
 */
struct complaint_set {
	struct fold f;
	struct complaint *c;
	size_t cap;
};

/* cp_set_init prepares an empty set. */
void cp_set_init(struct complaint_set *cs);

/* cp_set_free releases everything cs owns. */
void cp_set_free(struct complaint_set *cs);

/* cp_set_add folds one good complaints row (schema order) into cs; returns the complaint, or NULL for a malformed id. */
struct complaint *cp_set_add(struct complaint_set *cs, const struct row *r);

/* cp_set_read folds every row jr hands out into cs; returns 0, or -1 with e set. */
int cp_set_read(struct complaint_set *cs, struct jreader *jr, struct rs_err *e);

/* cp_set_load folds DIR's whole complaints journal up to ts <= until (RS_TIME_NONE = all) into cs; returns 0, or -1 with e set. */
int cp_set_load(const char *dir, rs_time until, struct complaint_set *cs, struct rs_err *e);

/* cp_set_get returns the complaint with key, or NULL. */
struct complaint *cp_set_get(const struct complaint_set *cs, uint64_t key);

/* cp_value returns the current value of column col (COMPLAINTS_*) of complaint c of cs, "" when none. */
const char *cp_value(const struct complaint_set *cs, const struct complaint *c, int col);

/* cp_since returns the earliest ts a row of complaint key can have, whatever the zone: time_date_earliest of its id's date minus 5 minutes. */
rs_time cp_since(uint64_t key);

/*
 * cp_transition checks event ev on complaint c (its state before the
 * event). Returns 0, or -1 with e set (RS_EDATA, where = id) to
 * "complaint is STATE; cannot VERB". An escalation must raise the level
 * in force to level; a resolve of a complaint never contacted needs a
 * note (has_note) saying why; action-done needs an open action.
 */
int cp_transition(const struct complaint *c, enum cp_event ev, int level, int has_note,
    const char *id, struct rs_err *e);

/* cp_next_state returns the state after event ev in state st (the state machine's arrows). */
enum cp_state cp_next_state(enum cp_state st, enum cp_event ev);

/* cp_is_open says whether c is neither resolved nor closed. */
int cp_is_open(const struct complaint *c);

/* cp_open_actions returns the number of c's actions not yet done. */
size_t cp_open_actions(const struct complaint *c);

/* cp_contact_due returns the first-contact deadline: opened at + complaint.contact_h. */
rs_time cp_contact_due(const struct complaint *c, const struct rules *r);

/* cp_resolve_due returns the resolution deadline: opened at + complaint.resolve_h of the level in force. */
rs_time cp_resolve_due(const struct complaint *c, const struct rules *r);

/* cp_overdue says whether at t c is past its contact deadline uncontacted or past its resolution deadline unresolved. */
int cp_overdue(const struct complaint *c, const struct rules *r, rs_time t);

#endif
