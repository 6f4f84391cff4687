/*
 * idmap.h - open-addressing hash map from a 64-bit id key to an index.
 */
#ifndef RS_IDMAP_H
#define RS_IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct idmap {
	uint64_t *keys;		/* 0 = empty slot (no id key is 0) */
	size_t *vals;
	size_t cap, count;
};

#define IDMAP_INIT { NULL, NULL, 0, 0 }

/* idmap_get returns 1 and sets *val if key is in m, else 0. */
int idmap_get(const struct idmap *m, uint64_t key, size_t *val);
/* idmap_put sets key to val (replacing any old value). key must not be 0. */
void idmap_put(struct idmap *m, uint64_t key, size_t val);
/* idmap_free releases m's memory. */
void idmap_free(struct idmap *m);

#endif
