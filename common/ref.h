/*
 * ref.h - idempotency keys (SPEC 5 --ref, 4 the ref column): a script,
 * a partner feed or an agent that retries a write after a timeout or an
 * exit 3 gives the same key, and the row already written answers it
 * instead of a second one. Keys are looked up under the journal's lock,
 * among the rows of the last ref.window_d days only, read from the tail
 * (archives of those months included): never the whole history.
 */
#ifndef RS_REF_H
#define RS_REF_H

#include <stddef.h>

#include "append.h"

struct rs_err;
struct schema;

/* The longest key, in characters. */
#define REF_MAX_CHARS 64

/*
 * ref_check validates key: 1 to REF_MAX_CHARS characters of valid
 * UTF-8, no white space or control character. Returns 0, or -1 with e
 * set (RS_EDATA, where given).
 */
int ref_check(const char *key, const char *where, struct rs_err *e);

/*
 * ref_find looks up, under ctx's lock, each of the n keys (NULL entries
 * are skipped) among the rows of ctx's journal whose ts is within the
 * last ref.window_d days (dir's rules.tsv) before ctx->ts. hit[i] is
 * set to the values (ctx->s->n strings, owned by the caller: free with
 * ref_row_free) of the last such row holding keys[i], or NULL. Returns
 * 0, or -1 with e set.
 */
int ref_find(struct append_ctx *ctx, const char *const *keys, size_t n, char ***hit,
    struct rs_err *e);

/* ref_row_free frees a row of n values that ref_find handed out (NULL is fine). */
void ref_row_free(char **row, int n);

/*
 * A write with a key: what the command gives, and (out) the row that
 * already answers it.
 */
struct ref_write {
	const char *key;		/* NULL: no key, an ordinary append */
	const char *const *given;	/* the values the command gives (s->n, NULL = not given) */
	int id_col;			/* a column the writer assigns (a new id), not compared; -1 none */
	char **row;			/* out: the row found (s->n values), NULL when the append went ahead */
};

/*
 * ref_append is journal_append (append.h) with an idempotency key: when
 * rw->key is set, it is looked up first, under the lock; a row found
 * with it ends the call with 0 and nothing written (rw->row set; free
 * with ref_row_free), unless that row's values differ from those
 * rw->given gives, ts, at and rw->id_col aside (a key reused for another
 * thing): then RS_EDATA naming the row and the column. Otherwise build
 * runs as in journal_append. Returns 0, or -1 with e set.
 */
int ref_append(const char *dir, const struct schema *s, struct ref_write *rw,
    append_build_fn build, void *arg, struct rs_err *e);

#endif
