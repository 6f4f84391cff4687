/* ref.c - idempotency keys; see ref.h and SPEC 5 (--ref). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "append.h"
#include "buf.h"
#include "cases.h"
#include "err.h"
#include "ref.h"
#include "row.h"
#include "rules.h"
#include "schema.h"
#include "utf8.h"
#include "utf8_decode.h"
#include "utf8_text.h"

#define DAY_S 86400

/* is_space says whether code point c is white space (Unicode White_Space). */
static int
is_space(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202F || c == 0x205F || c == 0x3000;
}

int
ref_check(const char *key, const char *where, struct rs_err *e)
{
	const unsigned char *p = (const unsigned char *)key;
	size_t n = strlen(key), i = 0, len, chars = 0;
	const char *why;
	uint32_t c;

	if (n == 0)
		return err_set(e, RS_EDATA, where, "empty key");
	if ((why = utf8_text_problem(key, n)) != NULL)
		return err_set(e, RS_EDATA, where, "bad key: %s", why);
	while (i < n) {
		if ((len = utf8_decode(p + i, n - i, &c)) == 0)
			return err_set(e, RS_EDATA, where, "bad key: invalid UTF-8");
		if (is_space(c))
			return err_set(e, RS_EDATA, where, "bad key: white space in it");
		i += len;
		chars++;
	}
	if (chars > REF_MAX_CHARS)
		return err_set(e, RS_EDATA, where, "key longer than %d characters",
		    REF_MAX_CHARS);
	return 0;
}

void
ref_row_free(char **row, int n)
{
	int i;

	if (row == NULL)
		return;
	for (i = 0; i < n; i++)
		free(row[i]);
	free(row);
}

/* A key and its index in the caller's array. */
struct key {
	const char *k;
	size_t i;
};

/* What find_row looks for: the keys sorted, and the hits. */
struct lookup {
	struct key *keys;	/* the non-NULL keys, sorted */
	size_t n;
	int ref_col;
	rs_time since;
	char ***hit;
	int ncols;
};

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(((const struct key *)a)->k, ((const struct key *)b)->k);
}

/* find_key returns the caller's index of a key equal to k, or -1. */
static long
find_key(const struct lookup *l, const char *k)
{
	size_t lo = 0, hi = l->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(k, l->keys[mid].k);
		if (c == 0)
			return (long)l->keys[mid].i;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static int
find_row(const struct row *r, void *arg, struct rs_err *e)
{
	struct lookup *l = arg;
	char **copy;
	rs_time ts;
	long k;
	int i;

	(void)e;
	if (l->ref_col >= r->n || r->len[l->ref_col] == 0)
		return 0;
	if (r->parsed)
		ts = r->ts;
	else if (time_parse_ts(r->v[0], r->len[0], &ts) == -1)
		return 0;
	/* append_scan may hand out rows of an archive older than the window. */
	if (ts < l->since)
		return 0;
	if ((k = find_key(l, r->v[l->ref_col])) < 0)
		return 0;
	copy = xcalloc((size_t)l->ncols, sizeof(*copy));
	for (i = 0; i < l->ncols; i++)
		copy[i] = xstrdup(i < r->n ? r->v[i] : "");
	/* The last row with the key answers it, as the fold's last value would. */
	ref_row_free(l->hit[k], l->ncols);
	l->hit[k] = copy;
	return 0;
}

int
ref_find(struct append_ctx *ctx, const char *const *keys, size_t n, char ***hit,
    struct rs_err *e)
{
	struct lookup l;
	struct rules ru;
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		hit[i] = NULL;
	memset(&l, 0, sizeof(l));
	l.ref_col = schema_column(ctx->s, "ref");
	if (l.ref_col < 0 || n == 0)
		return 0;
	if (rules_load(ctx->dir, &ru, e) == -1)
		return -1;
	l.keys = xcalloc(n, sizeof(*l.keys));
	for (i = 0; i < n; i++)
		if (keys[i] != NULL) {
			l.keys[l.n].k = keys[i];
			l.keys[l.n++].i = i;
		}
	qsort(l.keys, l.n, sizeof(*l.keys), cmp_key);
	l.since = ctx->ts - (rs_time)ru.ref_window_d * DAY_S;
	l.hit = hit;
	l.ncols = ctx->s->n;
	rc = append_scan(ctx, l.since, find_row, &l, e);
	free(l.keys);
	if (rc == -1) {
		for (i = 0; i < n; i++) {
			ref_row_free(hit[i], ctx->s->n);
			hit[i] = NULL;
		}
	}
	return rc;
}

/* The call ref_append wraps around the caller's build. */
struct wrap {
	struct ref_write *rw;
	append_build_fn build;
	void *arg;
};

/* differs returns the first column given (but not ts, at or skip) where given and row disagree, or -1. */
static int
differs(const struct schema *s, const char *const *given, char *const *row, int skip)
{
	const char *g;
	int i;

	for (i = 0; i < s->n; i++) {
		if (i == skip || (g = given[i]) == NULL || strcmp(s->cols[i].name, "ts") == 0 ||
		    strcmp(s->cols[i].name, "at") == 0)
			continue;
		if (strcmp(g, row[i]) != 0)
			return i;
	}
	return -1;
}

static int
build_ref(struct append_ctx *ctx, struct buf *rows, void *arg, struct rs_err *e)
{
	struct wrap *w = arg;
	struct ref_write *rw = w->rw;
	const char *keys[1];
	char **hit[1];
	struct buf a = BUF_INIT, b = BUF_INIT;
	int col;

	keys[0] = rw->key;
	if (ref_find(ctx, keys, 1, hit, e) == -1)
		return -1;
	if (hit[0] == NULL)
		return w->build(ctx, rows, w->arg, e);
	col = differs(ctx->s, rw->given, hit[0], rw->id_col);
	if (col < 0) {
		rw->row = hit[0];	/* nothing written: the row found answers */
		return 0;
	}
	utf8_sanitize(&a, hit[0][col], strlen(hit[0][col]));
	utf8_sanitize(&b, rw->given[col] ? rw->given[col] : "",
	    rw->given[col] ? strlen(rw->given[col]) : 0);
	err_set(e, RS_EDATA, ctx->s->id_col >= 0 ? hit[0][ctx->s->id_col] : rw->key,
	    "ref %s was given to this row with %s '%s', not '%s': "
	    "a key retries the same command, it is not for another one",
	    rw->key, ctx->s->cols[col].name, a.p ? a.p : "", b.p ? b.p : "");
	buf_free(&a);
	buf_free(&b);
	ref_row_free(hit[0], ctx->s->n);
	return -1;
}

int
ref_append(const char *dir, const struct schema *s, struct ref_write *rw,
    append_build_fn build, void *arg, struct rs_err *e)
{
	struct wrap w;

	if (rw == NULL || rw->key == NULL)
		return journal_append(dir, s, build, arg, e);
	rw->row = NULL;
	w.rw = rw;
	w.build = build;
	w.arg = arg;
	return journal_append(dir, s, build_ref, &w, e);
}
