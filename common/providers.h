/*
 * providers.h - the provider roster (DIR/providers.tsv, SPEC 4.5),
 * great-circle distance and the arrival estimate used to rank
 * providers for a case (SPEC 6, rs-dispatch suggest).
 */
#ifndef RS_PROVIDERS_H
#define RS_PROVIDERS_H

#include <stddef.h>

#include "buf.h"

struct rs_err;

#define EARTH_RADIUS_KM 6371.0
#define ETA_ROAD_FACTOR 1.3
#define ETA_SETOFF_MIN 5.0

struct provider {
	const char *id, *name, *phone, *region, *services, *note;
	double lat, lon;
	int ev, highway, active;	/* yn; empty = n */
};

struct roster {
	struct provider *p;
	size_t n, cap;
	struct arena arena;
};

/*
 * roster_load reads DIR/providers.tsv into r (a missing file is an
 * empty roster; bad rows are skipped with the reader's warning).
 * Returns 0, or -1 with e set. Free with roster_free.
 */
int roster_load(const char *dir, struct roster *r, struct rs_err *e);

/* roster_free releases r. */
void roster_free(struct roster *r);

/* roster_find returns the provider with id, or NULL. */
const struct provider *roster_find(const struct roster *r, const char *id);

/* provider_offers says whether p's services list holds service. */
int provider_offers(const struct provider *p, const char *service);

/* haversine_km is the great-circle distance in km between two points (degrees), R = 6371 km. */
double haversine_km(double lat1, double lon1, double lat2, double lon2);

/* eta_minutes estimates the arrival in minutes: km x 1.3 at 30 km/h (city, or road empty/NULL) or 60 km/h (highway, rural), plus 5. */
double eta_minutes(double km, const char *road);

/* round_half_away rounds x to a whole number, halves away from zero. */
double round_half_away(double x);

/* One ranked candidate. */
struct candidate {
	const struct provider *p;
	double km, eta;
	int busy;
};

/* What a case needs of a provider. */
struct need {
	double lat, lon;
	const char *service;	/* required */
	const char *road;	/* NULL or "" = city */
	int ev;			/* needs an EV-capable provider */
	int highway;		/* needs a highway-capable provider */
};

/*
 * providers_rank fills *out (caller frees) with the providers of r that
 * are active, offer the service, are EV- and highway-capable when the
 * need says so, and not busy (unless include_busy), sorted by eta, then
 * distance, then id; busy(p, arg) says whether p is busy. Returns the
 * count.
 */
size_t providers_rank(const struct roster *r, const struct need *nd, int include_busy,
    int (*busy)(const struct provider *p, void *arg), void *arg, struct candidate **out);

#endif
