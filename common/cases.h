/*
 * cases.h - shared case lookups (SPEC 4.1, 6): the folded state of one
 * case read cheaply from the tail of the journal, the cases of a period,
 * and the intake rules (priority, warnings) as pure functions.
 *
 * Every row of case RS-YYYYMMDD-NNNN has ts >= local YYYY-MM-DD 00:00
 * minus 5 minutes (its opened row's at falls on that day and at <= ts +
 * 5 min), so a lookup bisects the journal there instead of reading all
 * history.
 */
#ifndef RS_CASES_H
#define RS_CASES_H

#include <stddef.h>
#include <stdint.h>

#include "fold.h"
#include "timefmt.h"

struct append_ctx;
struct row;
struct rs_err;
struct jreader;

/*
 * A set of folded cases: fold entities (current values by CASES_*
 * column) plus, per entity in the same order, the times of its opened
 * row (RS_TIME_NONE when the opened row was not among the rows read,
 * e.g. an amendment of an older case seen by a period read).
 */
struct cases {
	struct fold f;
	rs_time *opened_at;	/* at of the opened row, per entity index */
	rs_time *opened_ts;	/* ts of the opened row, per entity index */
	size_t cap;
};

/* cases_init prepares an empty set. */
void cases_init(struct cases *cs);

/* cases_free releases everything cs owns. */
void cases_free(struct cases *cs);

/* cases_add folds one good cases row (schema order) into cs; returns the entity index, or -1 for a malformed id. */
long cases_add(struct cases *cs, const struct row *r);

/* cases_read folds every row jr hands out into cs; returns 0, or -1 with e set. */
int cases_read(struct cases *cs, struct jreader *jr, struct rs_err *e);

/* cases_get returns the entity index of case key in cs, or -1. */
long cases_get(const struct cases *cs, uint64_t key);

/* case_since returns the earliest ts a row of case key can have, whatever zone wrote or reads it: time_date_earliest of its id's date minus SCHEMA_AT_AHEAD_S. */
rs_time case_since(uint64_t key);

/*
 * case_find folds the rows of case id (ts <= until; RS_TIME_NONE = no
 * limit) from DIR's journal into cs, reading only from case_since.
 * Returns the entity index, or -1 with e set: RS_EDATA "ID: not a case
 * id" or "ID: no such case", RS_EIO.
 */
long case_find(const char *dir, const char *id, rs_time until, struct cases *cs,
    struct rs_err *e);

/*
 * cases_load folds every row with ts in [since - SCHEMA_AT_AHEAD_S, until]
 * (either bound RS_TIME_NONE = open) into cs; the cases opened in a
 * period [from, to) are then those with from <= opened_at < to (use
 * since = from). Returns 0, or -1 with e set.
 */
int cases_load(const char *dir, rs_time since, rs_time until, struct cases *cs,
    struct rs_err *e);

/* case_value returns the current value of column col (CASES_*) of entity i, "" when none. */
const char *case_value(const struct cases *cs, long i, int col);

/* case_time returns the current time in ts column col (CASES_*) of entity i, RS_TIME_NONE when empty. */
rs_time case_time(const struct cases *cs, long i, int col);

/*
 * case_sla_facts fills sc with what the SLA steps of entity i read (its
 * opened at, call_at, road, scheduled_at); sc's road points into cs.
 */
struct sla_case;
void case_sla_facts(const struct cases *cs, long i, struct sla_case *sc);

/*
 * case_priority applies the priority rule of SPEC 6 to the values v
 * (indexed by CASES_* column; NULL or "" = empty): 1 if injuries > 0 or
 * an accident on a highway; else 2 on a highway or for an accident or
 * brake fault; else 3 if it cannot start or needs a tow or winch; else 4.
 */
int case_priority(const char *const *v);

/*
 * case_warnings puts the intake warnings that apply to v (CASES_*
 * indexed) into w (static strings, room for 3) and returns their count:
 * injuries without medical, accident without police, an EV electrical
 * fault.
 */
int case_warnings(const char *const *v, const char **w);

/* case_phone_digits copies the digits of phone to out (size bytes, cut): "138 0000-0000" and "13800000000" compare equal so. */
void case_phone_digits(const char *phone, char *out, size_t size);

/* case_ev_electrical says whether v (CASES_* indexed) is an EV with a battery, electrical or ev-system fault (needs an EV-capable provider). */
int case_ev_electrical(const char *const *v);

/*
 * append_scan calls fn(row, arg, e) for every good row of ctx's locked
 * journal that may have ts >= since (RS_TIME_NONE: all), in file order:
 * the archives of since's month and later, then the live file from the
 * bisected offset (append_reader). fn returns 0 to go on, or -1 with e
 * set to stop. Returns 0, or -1 with e set.
 */
int append_scan(struct append_ctx *ctx, rs_time since,
    int (*fn)(const struct row *r, void *arg, struct rs_err *e), void *arg,
    struct rs_err *e);

/*
 * append_max_seqs finds under the lock, for each of the n dates ymd[i]
 * (YYYYMMDD), the largest sequence of the ids with that date and prefix
 * ("RS", "CP") in column id_col, 0 if none, into max[i]; one read from
 * the earliest date's midnight minus SCHEMA_AT_AHEAD_S. Returns 0 or -1.
 */
int append_max_seqs(struct append_ctx *ctx, int id_col, const char *prefix,
    const int *ymd, uint64_t *max, size_t n, struct rs_err *e);

#endif
