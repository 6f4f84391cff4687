/*
 * fold.h - the current state of entities from their event rows (SPEC 3):
 * for each column the last non-empty value wins, in file order.
 */
#ifndef RS_FOLD_H
#define RS_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "idmap.h"

struct row;
struct schema;

struct entity {
	uint64_t key;		/* id key (ids.h) */
	const char **v;		/* current value per schema column, "" when none; owned by the fold */
	long first_line;	/* line of the first row seen */
	int rows;		/* number of rows folded in */
};

struct fold {
	const struct schema *s;
	struct entity *items;	/* in order of first appearance */
	size_t n, cap;
	struct idmap index;
	struct arena arena;
};

/* fold_init prepares an empty fold over journal s. */
void fold_init(struct fold *f, const struct schema *s);

/* fold_add merges a good row (schema order) into its entity, creating it; returns the entity, or NULL if the row's id is malformed. */
struct entity *fold_add(struct fold *f, const struct row *r);

/* fold_get returns the entity with key, or NULL. */
struct entity *fold_get(const struct fold *f, uint64_t key);

/* fold_free releases everything f owns. */
void fold_free(struct fold *f);

#endif
