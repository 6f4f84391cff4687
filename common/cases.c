/*
 * cases.c - shared case lookups and the intake rules (SPEC 4.1, 6).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "buf.h"
#include "cases.h"
#include "dispatch.h"
#include "err.h"
#include "fold.h"
#include "i18n.h"
#include "idmap.h"
#include "idnear.h"
#include "ids.h"
#include "journal.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

void
cases_init(struct cases *cs)
{
	memset(cs, 0, sizeof(*cs));
	fold_init(&cs->f, &schema_cases);
}

void
cases_free(struct cases *cs)
{
	fold_free(&cs->f);
	free(cs->opened_at);
	free(cs->opened_ts);
	memset(cs, 0, sizeof(*cs));
}

long
cases_add(struct cases *cs, const struct row *r)
{
	struct entity *ent;
	size_t i;
	rs_time t;

	if ((ent = fold_add(&cs->f, r)) == NULL)
		return -1;
	i = (size_t)(ent - cs->f.items);
	if (i >= cs->cap) {
		size_t ncap = cs->cap ? cs->cap * 2 : 64, k;

		while (ncap <= i)
			ncap *= 2;
		cs->opened_at = xrealloc(cs->opened_at, ncap * sizeof(rs_time));
		cs->opened_ts = xrealloc(cs->opened_ts, ncap * sizeof(rs_time));
		for (k = cs->cap; k < ncap; k++)
			cs->opened_at[k] = cs->opened_ts[k] = RS_TIME_NONE;
		cs->cap = ncap;
	}
	/*
	 * Only the first opened row counts: a duplicate (a hand edit) must
	 * not move the case to another period.
	 */
	if (strcmp(r->v[CASES_EVENT], "opened") == 0 &&
	    cs->opened_at[i] == RS_TIME_NONE) {
		if ((t = jrow_at(r)) != RS_TIME_NONE)
			cs->opened_at[i] = t;
		if (time_parse_ts(r->v[CASES_TS], r->len[CASES_TS], &t) == 0)
			cs->opened_ts[i] = t;
	}
	return (long)i;
}

int
cases_read(struct cases *cs, struct jreader *jr, struct rs_err *e)
{
	struct row r;
	int rc;

	while ((rc = jreader_next(jr, &r, e)) == 1)
		(void)cases_add(cs, &r);
	return rc == 0 ? 0 : -1;
}

long
cases_get(const struct cases *cs, uint64_t key)
{
	struct entity *ent;

	if ((ent = fold_get(&cs->f, key)) == NULL)
		return -1;
	return (long)(ent - cs->f.items);
}

rs_time
case_since(uint64_t key)
{
	/*
	 * The id's date is in the zone of the writer, which the reader may
	 * not share: the date's earliest instant in any zone, so that the
	 * date only says where to start looking.
	 */
	return time_date_earliest(id_date(key)) - SCHEMA_AT_AHEAD_S;
}

long
case_find(const char *dir, const char *id, rs_time until, struct cases *cs,
    struct rs_err *e)
{
	struct jreader *jr;
	struct row r;
	uint64_t key, k;
	long i;
	int rc;

	if (id_parse(id, strlen(id), "RS", &key) == -1)
		return err_set(e, RS_EDATA, id, "not a case id (RS-YYYYMMDD-NNNN)");
	jr = jreader_open_journal(dir, &schema_cases, case_since(key), until, 0, e);
	if (jr == NULL)
		return -1;
	/* Fold only this case's rows: the tail may hold thousands of others. */
	while ((rc = jreader_next(jr, &r, e)) == 1) {
		if (id_parse(r.v[CASES_CASE_ID], r.len[CASES_CASE_ID], "RS", &k) == 0 &&
		    k == key)
			(void)cases_add(cs, &r);
	}
	jreader_free(jr);
	if (rc == -1)
		return -1;
	if ((i = cases_get(cs, key)) == -1 || cs->opened_at[i] == RS_TIME_NONE) {
		err_set(e, RS_EDATA, id, "no such case");
		idnear_explain(dir, &schema_cases, id, e);
		return -1;
	}
	return i;
}

int
cases_load(const char *dir, rs_time since, rs_time until, struct cases *cs,
    struct rs_err *e)
{
	struct jreader *jr;
	int rc;

	if (since != RS_TIME_NONE)
		since -= SCHEMA_AT_AHEAD_S;
	if ((jr = jreader_open_journal(dir, &schema_cases, since, until, 0, e)) == NULL)
		return -1;
	rc = cases_read(cs, jr, e);
	jreader_free(jr);
	return rc;
}

const char *
case_value(const struct cases *cs, long i, int col)
{
	const char *v = cs->f.items[i].v[col];

	return v != NULL ? v : "";
}

rs_time
case_time(const struct cases *cs, long i, int col)
{
	const char *v = case_value(cs, i, col);
	rs_time t;

	if (*v == '\0' || time_parse_ts(v, strlen(v), &t) == -1)
		return RS_TIME_NONE;
	return t;
}

void
case_sla_facts(const struct cases *cs, long i, struct sla_case *sc)
{
	sc->opened_at = cs->opened_at[i];
	sc->call_at = case_time(cs, i, CASES_CALL_AT);
	sc->road = case_value(cs, i, CASES_ROAD);
	sc->scheduled_at = case_time(cs, i, CASES_SCHEDULED_AT);
}

/* val returns v[col] or "" so that the rules read like the spec. */
static const char *
val(const char *const *v, int col)
{
	return v[col] != NULL ? v[col] : "";
}

static int
is(const char *const *v, int col, const char *want)
{
	return strcmp(val(v, col), want) == 0;
}

int
case_priority(const char *const *v)
{
	const char *inj = val(v, CASES_INJURIES);
	int accident = is(v, CASES_FAULT, "accident");
	int highway = is(v, CASES_ROAD, "highway");

	/* injuries is a validated int >= 0: "0", "00" are no injury. */
	if (inj[strspn(inj, "0")] != '\0' || (accident && highway))
		return 1;
	if (highway || accident || is(v, CASES_FAULT, "brake"))
		return 2;
	if (is(v, CASES_CAN_START, "n") || is(v, CASES_SERVICE, "tow") ||
	    is(v, CASES_SERVICE, "winch"))
		return 3;
	return 4;
}

void
case_phone_digits(const char *p, char *out, size_t size)
{
	size_t n = 0;

	for (; *p && n + 1 < size; p++)
		if (*p >= '0' && *p <= '9')
			out[n++] = *p;
	out[n] = '\0';
}

int
case_ev_electrical(const char *const *v)
{
	return is(v, CASES_ENERGY, "ev") && (is(v, CASES_FAULT, "battery") ||
	    is(v, CASES_FAULT, "electrical") || is(v, CASES_FAULT, "ev-system"));
}

int
case_warnings(const char *const *v, const char **w)
{
	const char *inj = val(v, CASES_INJURIES);
	int n = 0;

	if (inj[strspn(inj, "0")] != '\0' && !is(v, CASES_MEDICAL, "y"))
		w[n++] = N_("injuries reported and medical (120) not informed: "
		    "coordinate 120 now");
	if (is(v, CASES_FAULT, "accident") && !is(v, CASES_POLICE, "y"))
		w[n++] = N_("accident and police (110/122) not informed: "
		    "coordinate 110/122 now");
	if (case_ev_electrical(v))
		w[n++] = N_("EV with a battery/electrical/ev-system fault: "
		    "needs an EV-capable provider");
	return n;
}

int
append_scan(struct append_ctx *ctx, rs_time since,
    int (*fn)(const struct row *r, void *arg, struct rs_err *e), void *arg,
    struct rs_err *e)
{
	struct archive *list = NULL;
	struct jreader *jr;
	struct row r;
	int64_t y = 0;
	int i, n, mo = 0, month = 0, rc = 0;

	/*
	 * A back-filled event may fall in a month already archived: the
	 * archives are not written while we hold the live file's lock, so
	 * reading them here is as safe as reading the tail.
	 */
	if ((n = journal_archives(ctx->dir, ctx->s->name, &list, e)) == -1)
		return -1;
	if (since != RS_TIME_NONE) {
		time_local_fields(since, &y, &mo, NULL, NULL, NULL, NULL);
		month = (int)y * 100 + mo;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (list[i].month < month)
			continue;
		if ((jr = jreader_open_file(list[i].path, ctx->s, 0, e)) == NULL) {
			rc = -1;
			break;
		}
		while ((rc = jreader_next(jr, &r, e)) == 1)
			if (fn(&r, arg, e) == -1) {
				rc = -1;
				break;
			}
		jreader_free(jr);
	}
	archives_free(list, n);
	if (rc == -1)
		return -1;
	if ((jr = append_reader(ctx, since, e)) == NULL)
		return -1;
	while ((rc = jreader_next(jr, &r, e)) == 1)
		if (fn(&r, arg, e) == -1) {
			rc = -1;
			break;
		}
	jreader_free(jr);
	return rc == 0 ? 0 : -1;
}

struct maxseq {
	int id_col;
	const char *prefix;
	uint64_t *max;
	struct idmap dates;	/* ymd -> index into max: imports span many days */
};

static int
maxseq_row(const struct row *r, void *arg, struct rs_err *e)
{
	struct maxseq *m = arg;
	uint64_t key;
	size_t i;
	int ymd;

	(void)e;
	if (id_parse(r->v[m->id_col], r->len[m->id_col], m->prefix, &key) == -1)
		return 0;
	ymd = id_date(key);
	if (idmap_get(&m->dates, (uint64_t)ymd, &i) && id_seq(key) > m->max[i])
		m->max[i] = id_seq(key);
	return 0;
}

int
append_max_seqs(struct append_ctx *ctx, int id_col, const char *prefix,
    const int *ymd, uint64_t *max, size_t n, struct rs_err *e)
{
	struct maxseq m = { id_col, prefix, max, IDMAP_INIT };
	int lo = 0, rc;
	size_t i, j;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		max[i] = 0;
		if (lo == 0 || ymd[i] < lo)
			lo = ymd[i];
		/* Repeated dates share the first slot; copied back below. */
		if (!idmap_get(&m.dates, (uint64_t)ymd[i], &j))
			idmap_put(&m.dates, (uint64_t)ymd[i], i);
	}
	rc = append_scan(ctx, case_since(id_key(lo, 1)), maxseq_row, &m, e);
	for (i = 0; i < n; i++)
		if (idmap_get(&m.dates, (uint64_t)ymd[i], &j))
			max[i] = max[j];
	idmap_free(&m.dates);
	return rc;
}
