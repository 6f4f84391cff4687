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
	if (dispatch_transition(scan.t.state, rec->ev, rec->remote, &to, rec->id, e) == -1)
		return -1;
	rec->v[DISPATCH_TS] = time_format_iso(ctx->ts, rec->tsbuf);
	rec->v[DISPATCH_AT] = rec->at != RS_TIME_NONE ?
	    time_format_iso(rec->at, rec->atbuf) : rec->tsbuf;
	return rowbuild_finish(&schema_dispatch, rec->v, rows, rec->id, e);
}

int
drecord_case(const char *dir, const struct drecord *rec, struct cases *cs, long *ix,
    struct rs_err *e)
{
	char at[TIME_ISO_MAX], opened[TIME_ISO_MAX];

	if ((*ix = case_find(dir, rec->id, RS_TIME_NONE, cs, e)) == -1)
		return -1;
	if (rec->at != RS_TIME_NONE && rec->at < cs->opened_at[*ix])
		return err_set(e, RS_EDATA, "--at", "%s is before the case was opened (%s)",
		    time_format_iso(rec->at, at), time_format_iso(cs->opened_at[*ix], opened));
	return 0;
}

int
drecord_append(const char *dir, struct drecord *rec, struct rs_err *e)
{
	return ref_append(dir, &schema_dispatch, rec->ref, build_record, rec, e);
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

int
dispatch_assign(const char *dir, const char *const *cv, const char *provider, int force,
    const char *note, const char *eta, struct drecord *rec, struct rs_err *e)
{
	const struct provider *p;
	struct roster ro;
	double lat, lon, d;
	int inactive, offers, rc = -1;

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
	inactive = !p->active;
	offers = provider_offers(p, cv[CASES_SERVICE]);
	if ((inactive || !offers) && !force) {
		err_set(e, RS_EDATA, provider, "provider %s%s%s%s; --force assigns anyway",
		    inactive ? "is inactive" : "", inactive && !offers ? " and " : "",
		    !offers ? "does not offer " : "", !offers ? cv[CASES_SERVICE] : "");
		goto out;
	}
	if (inactive || !offers) {
		buf_printf(&rec->note, "forced: %s%s%s%s", inactive ? "inactive" : "",
		    inactive && !offers ? ", " : "", !offers ? "does not offer " : "",
		    !offers ? cv[CASES_SERVICE] : "");
		if (note != NULL && *note != '\0')
			buf_printf(&rec->note, "; %s", note);
		rec->v[DISPATCH_NOTE] = rec->note.p;
	}
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
	roster_free(&ro);
	return rc;
}
