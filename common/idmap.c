/* idmap.c - open-addressing hash map from 64-bit id keys; see idmap.h. */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "idmap.h"

static size_t
slot_of(uint64_t key, size_t cap)
{
	/* Fibonacci hashing: the top bits of the product mix every bit of the key. */
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> (64 - __builtin_ctzll(cap)));
}

int
idmap_get(const struct idmap *m, uint64_t key, size_t *val)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	for (i = slot_of(key, m->cap); m->keys[i] != 0; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == key) {
			if (val)
				*val = m->vals[i];
			return 1;
		}
	return 0;
}

static void
idmap_resize(struct idmap *m, size_t cap)
{
	struct idmap n = { xcalloc(cap, sizeof(uint64_t)), xmalloc(cap * sizeof(size_t)), cap, 0 };
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->keys[i] != 0)
			idmap_put(&n, m->keys[i], m->vals[i]);
	idmap_free(m);
	*m = n;
}

void
idmap_put(struct idmap *m, uint64_t key, size_t val)
{
	size_t i;

	if ((m->count + 1) * 4 > m->cap * 3)
		idmap_resize(m, m->cap ? m->cap * 2 : 64);
	for (i = slot_of(key, m->cap); m->keys[i] != 0; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return;
		}
	m->keys[i] = key;
	m->vals[i] = val;
	m->count++;
}

void
idmap_free(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->count = 0;
}
