/* fold.c - current state of entities from event rows; see fold.h. */
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "ids.h"
#include "row.h"
#include "schema.h"

static const char empty[] = "";

void
fold_init(struct fold *f, const struct schema *s)
{
	memset(f, 0, sizeof(*f));
	f->s = s;
}

struct entity *
fold_add(struct fold *f, const struct row *r)
{
	const struct schema *s = f->s;
	struct entity *ent;
	uint64_t key;
	size_t idx;
	int i;

	if (s->id_prefix == NULL ||
	    id_parse(r->v[s->id_col], r->len[s->id_col], s->id_prefix, &key) < 0)
		return NULL;
	if (idmap_get(&f->index, key, &idx)) {
		ent = &f->items[idx];
	} else {
		if (f->n == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 256;
			f->items = xrealloc(f->items, f->cap * sizeof(*f->items));
		}
		idx = f->n++;
		ent = &f->items[idx];
		ent->key = key;
		ent->v = arena_alloc(&f->arena, (size_t)s->n * sizeof(char *));
		for (i = 0; i < s->n; i++)
			ent->v[i] = empty;
		ent->first_line = r->line;
		ent->rows = 0;
		idmap_put(&f->index, key, idx);
	}
	for (i = 0; i < s->n && i < r->n; i++)
		if (r->len[i] > 0 && (strlen(ent->v[i]) != r->len[i] ||
		    memcmp(ent->v[i], r->v[i], r->len[i]) != 0))
			ent->v[i] = arena_strndup(&f->arena, r->v[i], r->len[i]);
	ent->rows++;
	return ent;
}

struct entity *
fold_get(const struct fold *f, uint64_t key)
{
	size_t idx;

	return idmap_get(&f->index, key, &idx) ? &f->items[idx] : NULL;
}

void
fold_free(struct fold *f)
{
	free(f->items);
	idmap_free(&f->index);
	arena_free(&f->arena);
	memset(f, 0, sizeof(*f));
}
