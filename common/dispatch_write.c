/* dispatch_write.c - dispatch rows and assignments; see dispatch_write.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "cases.h"
#include "dispatch_write.h"
#include "ref.h"
#include "err.h"
#include "i18n.h"
#include "ids.h"
#include "providers.h"
#include "row.h"
#include "rowbuild.h"
#include "schema.h"

/* The case's dispatch timeline, read under the lock by build_record. */
struct timeline_scan {
	uint64_t key;
	struct dtimeline t;
};

static int
timeline_row(const struct row *r, void *arg, struct rs_err *e)
{
	struct timeline_scan *ts = arg;
	uint64_t k;

	(void)e;
	if (id_parse(r->v[DISPATCH_CASE_ID], r->len[DISPATCH_CASE_ID], "RS", &k) == 0 &&
	    k == ts->key)
		dtimeline_add(&ts->t, r);
	return 0;
}

/* build_record runs under the lock: the state is read and checked there, so two agents cannot both complete a case. */
static int
build_record(struct append_ctx *ctx, struct buf *rows, void *arg, struct rs_err *e)
{
	struct drecord *rec = arg;
	struct timeline_scan scan;
	enum dstate to;

	scan.key = rec->key;
	dtimeline_init(&scan.t, rec->key);
	if (append_scan(ctx, case_since(rec->key), timeline_row, &scan, e) == -1)
		return -1;
	if (dispatch_transition(scan.t.state, rec->ev, rec->remote, &to, rec->id, e) == -1 ||
	    dispatch_order(rec->ev, rec->at != RS_TIME_NONE ? rec->at : ctx->ts, rec->opened,
	    scan.t.last_at, rec->id, e) == -1)
		return -1;
	rec->v[DISPATCH_TS] = time_format_iso(ctx->ts, rec->tsbuf);
	rec->v[DISPATCH_AT] = rec->at != RS_TIME_NONE ?
	    time_format_iso(rec->at, rec->atbuf) : rec->tsbuf;
	return rowbuild_finish(&schema_dispatch, rec->v, rows, rec->id, e);
}

int
drecord_case(const char *dir, struct drecord *rec, struct cases *cs, long *ix,
    struct rs_err *e)
{
	char at[TIME_ISO_MAX], opened[TIME_ISO_MAX];

	if ((*ix = case_find(dir, rec->id, RS_TIME_NONE, cs, e)) == -1)
		return -1;
	rec->opened = cs->opened_at[*ix];
	if (rec->at != RS_TIME_NONE && rec->at < cs->opened_at[*ix])
		return err_set(e, RS_EDATA, "--at", "%s is before the case was opened (%s)",
		    time_format_iso(rec->at, at), time_format_iso(cs->opened_at[*ix], opened));
	return 0;
}

int
drecord_append(const char *dir, struct drecord *rec, struct rs_err *e)
{
	if (ref_append(dir, &schema_dispatch, rec->ref, build_record, rec, e) == -1)
		return -1;
	/* Warned once written: a refused assignment is not a warning's business. */
	if (rec->forced > 0)
		err_warn(rec->provider, "assigned by --force: %.*s",
		    (int)(rec->forced - strlen("forced: ")), rec->note.p + strlen("forced: "));
	if (rec->busy)
		err_warn(rec->provider, "provider is busy with another case");
	return 0;
}

/* case_position reads the case's lat/lon; returns 0, or -1 when it has none. */
void
case_values(const struct cases *cs, long i, const char **v)
{
	int k;

	for (k = 0; k < CASES_NCOLS; k++)
		v[k] = case_value(cs, i, k);
}

int
case_position(const char *const *cv, double *lat, double *lon)
{
	if (*cv[CASES_LAT] == '\0' || *cv[CASES_LON] == '\0')
		return -1;
	*lat = strtod(cv[CASES_LAT], NULL);
	*lon = strtod(cv[CASES_LON], NULL);
	return 0;
}

/* lack adds one thing a provider cannot do to the sentence in why and the short list in tag. */
static void
lack(struct buf *why, struct buf *tag, int *n, int last, const char *phrase, const char *word)
{
	if (*n > 0)
		buf_adds(why, last ? _(" and ") : ", ");
	if (tag->len > 0)
		buf_adds(tag, ", ");
	buf_adds(why, phrase);
	buf_adds(tag, word);
	(*n)++;
}

/*
 * assign_lacks says whether p is one that suggest leaves out for what it
 * cannot do for the case with values cv (busy aside): why gets the
 * sentence for the error ("is inactive and is not EV-capable ..."), tag
 * the short list the note of a forced assignment records.
 */
static int
assign_lacks(const struct provider *p, const char *const *cv, struct buf *why,
    struct buf *tag)
{
	struct buf offer = BUF_INIT, offer_tag = BUF_INIT;
	int miss[4], total = 0, k, n = 0;

	miss[0] = !p->active;
	miss[1] = !provider_offers(p, cv[CASES_SERVICE]);
	miss[2] = case_ev_electrical(cv) && !p->ev;
	miss[3] = strcmp(cv[CASES_ROAD], "highway") == 0 && !p->highway;
	for (k = 0; k < 4; k++)
		total += miss[k];
	buf_printf(&offer, _("does not offer %s"), cv[CASES_SERVICE]);
	buf_printf(&offer_tag, "does not offer %s", cv[CASES_SERVICE]);
	if (miss[0])
		lack(why, tag, &n, n + 1 == total, _("is inactive"), "inactive");
	if (miss[1])
		lack(why, tag, &n, n + 1 == total, offer.p, offer_tag.p);
	if (miss[2])
		lack(why, tag, &n, n + 1 == total,
		    _("is not EV-capable (an EV battery/electrical fault)"), "not EV-capable");
	if (miss[3])
		lack(why, tag, &n, n + 1 == total,
		    _("is not highway-capable (a highway case)"), "not highway-capable");
	buf_free(&offer);
	buf_free(&offer_tag);
	return total > 0;
}

/*
 * busy_elsewhere sets *busy when provider is the last assigned provider
 * of another case still assigned, en route or arrived (suggest's busy):
 * the desk may send it anyway, with a warning. Returns 0, or -1 with e set.
 */
static int
busy_elsewhere(const char *dir, const char *provider, const char *case_id, int *busy,
    struct rs_err *e)
{
	struct dispatch_set ds;
	uint64_t key = 0;
	size_t i;

	(void)id_parse(case_id, strlen(case_id), "RS", &key);
	dispatch_set_init(&ds);
	if (dispatch_load(dir, RS_TIME_NONE, RS_TIME_NONE, &ds, e) == -1) {
		dispatch_set_free(&ds);
		return -1;
	}
	for (i = 0; i < ds.n; i++) {
		const struct dtimeline *t = &ds.items[i];

		if (t->key != key && strcmp(t->provider, provider) == 0 &&
		    (t->state == DS_ASSIGNED || t->state == DS_ENROUTE ||
		    t->state == DS_ARRIVED)) {
			*busy = 1;
			break;
		}
	}
	dispatch_set_free(&ds);
	return 0;
}

int
dispatch_assign(const char *dir, const char *const *cv, const char *provider, int force,
    const char *note, const char *eta, struct drecord *rec, struct rs_err *e)
{
	const struct provider *p;
	struct roster ro;
	struct buf why = BUF_INIT, tag = BUF_INIT;
	double lat, lon, d;
	int rc = -1;

	memset(&ro, 0, sizeof(ro));
	if (roster_load(dir, &ro, e) == -1)
		goto out;
	if ((p = roster_find(&ro, provider)) == NULL) {
		if (ro.n == 0)
			err_set(e, RS_EDATA, provider,
			    "no such provider (no providers in %s/providers.tsv)", dir);
		else
			err_set(e, RS_EDATA, provider, "no such provider");
		goto out;
	}
	if (assign_lacks(p, cv, &why, &tag) && !force) {
		err_set(e, RS_EDATA, provider, "provider %s; --force assigns anyway", why.p);
		goto out;
	}
	if (tag.len > 0) {
		buf_printf(&rec->note, "forced: %s", tag.p);
		rec->forced = rec->note.len;
		if (note != NULL && *note != '\0')
			buf_printf(&rec->note, "; %s", note);
		rec->v[DISPATCH_NOTE] = rec->note.p;
	}
	if (busy_elsewhere(dir, p->id, cv[CASES_CASE_ID], &rec->busy, e) == -1)
		goto out;
	rec->v[DISPATCH_ETA] = eta;
	if (case_position(cv, &lat, &lon) == 0) {
		d = haversine_km(lat, lon, p->lat, p->lon);
		snprintf(rec->km, sizeof(rec->km), "%.1f", round_half_away(d * 10.0) / 10.0);
		rec->v[DISPATCH_DISTANCE_KM] = rec->km;
		if (eta == NULL) {
			snprintf(rec->eta, sizeof(rec->eta), "%.0f",
			    round_half_away(eta_minutes(d, cv[CASES_ROAD])));
			rec->v[DISPATCH_ETA] = rec->eta;
		}
	}
	snprintf(rec->provider, sizeof(rec->provider), "%s", p->id);
	rec->v[DISPATCH_PROVIDER] = rec->provider;
	rc = 0;
out:
	buf_free(&why);
	buf_free(&tag);
	roster_free(&ro);
	return rc;
}
