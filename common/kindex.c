/*
 * kindex.c - an index of case ids by day and sequence; see kindex.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "idmap.h"
#include "ids.h"
#include "kindex.h"

/* day_of returns the index of day (id_day: a date and a site code), adding it if create; -1 if unknown. */
static long
day_of(struct kindex *x, uint64_t day, int create)
{
	size_t d;

	if (day == x->last_day_key)
		return (long)x->last_day;
	if (!idmap_get(&x->days, day, &d)) {
		if (!create)
			return -1;
		if (x->nday == x->capday) {
			x->capday = x->capday ? x->capday * 2 : 256;
			x->day = xrealloc(x->day, x->capday * sizeof(*x->day));
		}
		d = x->nday++;
		memset(&x->day[d], 0, sizeof(x->day[d]));
		idmap_put(&x->days, day, d);
	}
	x->last_day_key = day;
	x->last_day = d;
	return (long)d;
}

long
kindex_get(struct kindex *x, uint64_t key)
{
	long d = day_of(x, id_day(key), 0);
	uint64_t seq = id_seq(key);
	size_t i;

	if (d < 0)
		return -1;	/* no key of that day at all */
	if (seq - 1 < x->day[d].cap && x->day[d].slot[seq - 1] != 0)
		return (long)(x->day[d].slot[seq - 1] - 1);
	return idmap_get(&x->index, key, &i) ? (long)i : -1;
}

size_t
kindex_add(struct kindex *x, uint64_t key, int *grown)
{
	size_t i = x->n, ncap;
	uint64_t seq = id_seq(key);
	struct kday *dy;
	long d;

	*grown = 0;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 4096;
		x->keys = xrealloc(x->keys, x->cap * sizeof(*x->keys));
		*grown = 1;
	}
	x->keys[x->n++] = key;
	d = day_of(x, id_day(key), 1);	/* may move x->day */
	dy = &x->day[d];
	dy->count++;
	if (seq - 1 >= dy->cap && seq <= 4 * dy->count + 1024) {
		/* A sequence within reach of the day's count: grow its slots. */
		for (ncap = dy->cap ? dy->cap : 1024; ncap < seq; ncap *= 2)
			;
		dy->slot = xrealloc(dy->slot, ncap * sizeof(*dy->slot));
		memset(dy->slot + dy->cap, 0, (ncap - dy->cap) * sizeof(*dy->slot));
		dy->cap = ncap;
	}
	if (seq - 1 < dy->cap)
		dy->slot[seq - 1] = i + 1;
	else
		idmap_put(&x->index, key, i);
	return i;
}

void
kindex_free(struct kindex *x)
{
	size_t d;

	for (d = 0; d < x->nday; d++)
		free(x->day[d].slot);
	free(x->keys);
	free(x->day);
	idmap_free(&x->days);
	idmap_free(&x->index);
	memset(x, 0, sizeof(*x));
}
