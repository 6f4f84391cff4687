/*
 * providers.c - the provider roster, distances and the ranking of
 * providers for a case (SPEC 4.5, 6).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "err.h"
#include "journal.h"
#include "providers.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"

/* dup copies a row value into the roster's arena. */
static const char *
dup(struct roster *r, const struct row *row, int col)
{
	return arena_strndup(&r->arena, row->v[col], row->len[col]);
}

static int
yes(const struct row *row, int col)
{
	return row->len[col] == 1 && row->v[col][0] == 'y';
}

int
roster_load(const char *dir, struct roster *r, struct rs_err *e)
{
	struct jreader *jr;
	struct stat st;
	struct provider *p;
	struct row row;
	char *path;
	int rc;

	memset(r, 0, sizeof(*r));
	path = journal_path(dir, "providers");
	/* No roster yet is an empty roster; the caller says why that matters. */
	if (stat(path, &st) == -1 && errno == ENOENT) {
		free(path);
		return 0;
	}
	jr = jreader_open_file(path, &schema_providers, 0, e);
	free(path);
	if (jr == NULL)
		return -1;
	while ((rc = jreader_next(jr, &row, e)) == 1) {
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 32;
			r->p = xrealloc(r->p, r->cap * sizeof(*r->p));
		}
		p = &r->p[r->n++];
		p->id = dup(r, &row, PROVIDERS_PROVIDER_ID);
		p->name = dup(r, &row, PROVIDERS_NAME);
		p->phone = dup(r, &row, PROVIDERS_PHONE);
		p->region = dup(r, &row, PROVIDERS_REGION);
		p->services = dup(r, &row, PROVIDERS_SERVICES);
		p->note = dup(r, &row, PROVIDERS_NOTE);
		p->lat = strtod(row.v[PROVIDERS_LAT], NULL);
		p->lon = strtod(row.v[PROVIDERS_LON], NULL);
		p->ev = yes(&row, PROVIDERS_EV);
		p->highway = yes(&row, PROVIDERS_HIGHWAY);
		p->active = yes(&row, PROVIDERS_ACTIVE);
	}
	jreader_free(jr);
	if (rc == -1) {
		roster_free(r);
		return -1;
	}
	return 0;
}

void
roster_free(struct roster *r)
{
	free(r->p);
	arena_free(&r->arena);
	memset(r, 0, sizeof(*r));
}

const struct provider *
roster_find(const struct roster *r, const char *id)
{
	size_t i;

	/* The last row of an id wins: a roster edited by appending a line. */
	for (i = r->n; i > 0; i--)
		if (strcmp(r->p[i - 1].id, id) == 0)
			return &r->p[i - 1];
	return NULL;
}

int
provider_offers(const struct provider *p, const char *service)
{
	const char *s = p->services, *end;
	size_t n = strlen(service), len;

	while (*s != '\0') {
		end = strchr(s, ',');
		len = end != NULL ? (size_t)(end - s) : strlen(s);
		/* Tolerate "tow, tyre": spaces around items are not values. */
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len == n && memcmp(s, service, n) == 0)
			return 1;
		if (end == NULL)
			break;
		s = end + 1;
	}
	return 0;
}

double
haversine_km(double lat1, double lon1, double lat2, double lon2)
{
	const double rad = M_PI / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a, s1 = sin(dlat / 2), s2 = sin(dlon / 2);

	a = s1 * s1 + cos(lat1 * rad) * cos(lat2 * rad) * s2 * s2;
	if (a > 1.0)
		a = 1.0;
	return 2.0 * EARTH_RADIUS_KM * asin(sqrt(a));
}

double
eta_minutes(double km, const char *road)
{
	double kmh = 30.0;

	if (road != NULL && (strcmp(road, "highway") == 0 || strcmp(road, "rural") == 0))
		kmh = 60.0;
	return km * ETA_ROAD_FACTOR / kmh * 60.0 + ETA_SETOFF_MIN;
}

double
round_half_away(double x)
{
	return round(x);
}

/*
 * The sort compares the whole-minute estimate people see, so that two
 * providers shown with the same eta are ordered by distance, then id.
 */
static int
cmp_candidate(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	double ex = round_half_away(x->eta), ey = round_half_away(y->eta);

	if (ex != ey)
		return ex < ey ? -1 : 1;
	if (x->km != y->km)
		return x->km < y->km ? -1 : 1;
	return strcmp(x->p->id, y->p->id);
}

size_t
providers_rank(const struct roster *r, const struct need *nd, int include_busy,
    int (*busy)(const struct provider *p, void *arg), void *arg, struct candidate **out)
{
	struct candidate *c;
	const struct provider *p;
	size_t i, n = 0;

	c = xcalloc(r->n ? r->n : 1, sizeof(*c));
	for (i = 0; i < r->n; i++) {
		p = &r->p[i];
		/* A later line for the same id replaces this one. */
		if (roster_find(r, p->id) != p)
			continue;
		if (!p->active || !provider_offers(p, nd->service) ||
		    (nd->ev && !p->ev) || (nd->highway && !p->highway))
			continue;
		c[n].p = p;
		c[n].busy = busy != NULL && busy(p, arg);
		if (c[n].busy && !include_busy)
			continue;
		c[n].km = haversine_km(nd->lat, nd->lon, p->lat, p->lon);
		c[n].eta = eta_minutes(c[n].km, nd->road);
		n++;
	}
	qsort(c, n, sizeof(*c), cmp_candidate);
	*out = c;
	return n;
}
