/*
 * kindex.h - an index of case ids in order of first appearance, for
 * scans that meet millions of ids.
 *
 * Finding a case by its id. A hash lookup per dispatch row was the top
 * of the profile (18 %): a million keys hashed all over 32 MB miss the
 * cache every time. But the ids of a day are numbered from 1 without
 * gaps: a day's slots are an array indexed by the sequence, and the
 * cases named by neighbouring rows are neighbours in it. Only a key
 * whose sequence is far beyond the day's count (a hand edit, an id
 * typed wrong) goes to a hash map, so memory stays bounded.
 */
#ifndef RS_KINDEX_H
#define RS_KINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "idmap.h"

struct kday {
	size_t *slot;		/* slot[seq - 1] = index + 1, 0 = none */
	size_t cap, count;
};

struct kindex {
	uint64_t *keys;		/* in order of first appearance */
	size_t n, cap;
	struct kday *day;
	size_t nday, capday;
	struct idmap days;	/* id_day -> index into day: a date of one id form */
	uint64_t last_day_key;	/* the day of the last lookup, and its index */
	size_t last_day;
	struct idmap index;	/* key -> index, for the keys without a slot */
};

/* A zeroed struct kindex is an empty index; free it with kindex_free. */

/* kindex_get returns the index of key, or -1. */
long kindex_get(struct kindex *x, uint64_t key);

/*
 * kindex_add appends key (not in x yet) and returns its index; *grown
 * says x->cap grew, so the caller's arrays indexed alike must grow too.
 */
size_t kindex_add(struct kindex *x, uint64_t key, int *grown);

/* kindex_free frees what x holds and empties it. */
void kindex_free(struct kindex *x);

#endif
