/*
 * csvio.c - CSV in (RFC 4180 through libcsv) and out (quoting and the
 * spreadsheet formula guard of SPEC 3.2).
 *
 * libcsv reports fields and record ends through callbacks but knows
 * nothing of line numbers, so input is fed to it one line at a time and
 * the line a record starts on is remembered.  Complete records wait in a
 * queue (one byte buffer for all values, one array of field slices, one
 * array of records) until csv_in_next takes them.
 */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvio.h"
#include "err.h"
#include "row.h"

/* Input goes to libcsv a line, or at most this many bytes, at a time. */
#define PIECE	65536

struct field {
	size_t off;		/* into csv_in.data */
	size_t len;
};

struct rec {
	size_t first;		/* index into csv_in.fields */
	int n;
	long line;
};

struct csv_in {
	struct csv_parser p;
	struct buf data;	/* every queued value, each followed by a NUL */
	struct field *fields;
	size_t nfields, capfields;
	size_t curfirst;	/* first field of the record being parsed */
	struct rec *recs;
	size_t head, nrecs, caprecs;	/* recs[head..nrecs) are queued */
	char **v;		/* what csv_in_next hands out */
	size_t *len;
	int capv;
	long line;		/* the line being fed (1-based) */
	long startline;		/* line the current record started on */
	int inquote;		/* the fed bytes end inside a quoted field */
	int bol;		/* the next byte fed starts a line */
	int failed;		/* a parse error happened; e holds why */
	int finished;		/* final was seen */
	struct rs_err err;	/* repeated on every call after a failure */
};

/* RFC 4180 spaces are data: nothing is trimmed around unquoted fields. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
on_field(void *s, size_t n, void *arg)
{
	struct csv_in *c = arg;
	struct field *f;

	if (c->nfields == c->capfields) {
		c->capfields = c->capfields ? c->capfields * 2 : 64;
		c->fields = xrealloc(c->fields, c->capfields * sizeof(*c->fields));
	}
	f = &c->fields[c->nfields++];
	f->off = c->data.len;
	f->len = n;
	if (n > 0)
		buf_add(&c->data, s, n);
	buf_addc(&c->data, '\0');
}

static void
on_record(int term, void *arg)
{
	struct csv_in *c = arg;
	struct rec *r;

	(void)term;
	/* libcsv skips blank lines itself; this only guards against surprises. */
	if (c->nfields == c->curfirst)
		return;
	if (c->nrecs == c->caprecs) {
		c->caprecs = c->caprecs ? c->caprecs * 2 : 16;
		c->recs = xrealloc(c->recs, c->caprecs * sizeof(*c->recs));
	}
	r = &c->recs[c->nrecs++];
	r->first = c->curfirst;
	r->n = (int)(c->nfields - c->curfirst);
	/*
	 * Only a quoted field carries a record over a line end, so the line
	 * remembered when the last line began outside quotes is the start.
	 */
	r->line = c->startline;
	c->curfirst = c->nfields;
}

struct csv_in *
csv_in_new(void)
{
	struct csv_in *c;

	c = xcalloc(1, sizeof(*c));
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(c);
		return NULL;
	}
	csv_set_space_func(&c->p, no_space);
	csv_set_realloc_func(&c->p, xrealloc);
	c->line = 1;
	c->startline = 1;
	c->bol = 1;
	return c;
}

/*
 * Drop the values of records already taken, so that a caller that drains
 * the queue after each feed keeps reusing the same memory.  Only done
 * once the dead part is at least half of the buffer, so that a caller that
 * lets records pile up does not pay a memmove per feed.
 */
static void
compact(struct csv_in *c)
{
	size_t i, k, nf, dead;

	if (c->head == c->nrecs && c->curfirst == c->nfields) {
		c->head = c->nrecs = 0;
		c->nfields = c->curfirst = 0;
		buf_reset(&c->data);
		return;
	}
	if (c->head == 0)
		return;
	i = c->head < c->nrecs ? c->recs[c->head].first : c->curfirst;
	dead = i < c->nfields ? c->fields[i].off : c->data.len;
	/*
	 * Every field holds at least its NUL and every record a field, so
	 * what moves below is never more than the dead bytes.
	 */
	if (dead < c->data.len - dead)
		return;
	nf = c->nfields - i;
	memmove(c->data.p, c->data.p + dead, c->data.len - dead);
	c->data.len -= dead;
	c->data.p[c->data.len] = '\0';
	memmove(c->fields, c->fields + i, nf * sizeof(*c->fields));
	for (k = 0; k < nf; k++)
		c->fields[k].off -= dead;
	c->nfields = nf;
	c->curfirst -= i;
	memmove(c->recs, c->recs + c->head,
	    (c->nrecs - c->head) * sizeof(*c->recs));
	for (k = 0; k < c->nrecs - c->head; k++)
		c->recs[k].first -= i;
	c->nrecs -= c->head;
	c->head = 0;
}

static int
fail(struct csv_in *c, long line, const char *what, struct rs_err *e)
{
	char where[32];

	snprintf(where, sizeof(where), "line %ld", line);
	err_set(&c->err, RS_EDATA, where, "%s", what);
	c->failed = 1;
	if (e != NULL)
		*e = c->err;
	return -1;
}

static int
parse_error(struct csv_in *c, struct rs_err *e)
{
	switch (csv_error(&c->p)) {
	case CSV_ENOMEM:
	case CSV_ETOOBIG:
		err_set(&c->err, RS_EIO, "", "CSV field too large");
		c->failed = 1;
		if (e != NULL)
			*e = c->err;
		return -1;
	default:
		return fail(c, c->line, "malformed quoted field", e);
	}
}

int
csv_in_feed(struct csv_in *c, const char *p, size_t n, int final, struct rs_err *e)
{
	const char *nl, *q, *end;
	size_t seg, blk;

	if (c->failed) {
		if (e != NULL)
			*e = c->err;
		return -1;
	}
	compact(c);
	/* A final call may pass no bytes at all, p NULL included. */
	end = n > 0 ? p + n : p;
	while (p < end) {
		seg = (size_t)(end - p) < PIECE ? (size_t)(end - p) : PIECE;
		if ((nl = memchr(p, '\n', seg)) != NULL)
			seg = (size_t)(nl - p) + 1;
		if (c->bol && !c->inquote)
			c->startline = c->line;
		/* With CSV_STRICT every quote opens, closes or doubles, so parity tells. */
		for (q = p; (q = memchr(q, '"', (size_t)(p + seg - q))) != NULL; q++)
			c->inquote = !c->inquote;
		/*
		 * libcsv grows its field buffer by a fixed block; making the
		 * block as large as the buffer (or the piece) turns that into
		 * doubling, so a huge field is not copied over and over.
		 */
		blk = csv_get_buffer_size(&c->p);
		if (blk < seg)
			blk = seg;
		csv_set_blk_size(&c->p, blk < 128 ? 128 : blk);
		if (csv_parse(&c->p, p, seg, on_field, on_record, c) != seg)
			return parse_error(c, e);
		c->bol = nl != NULL;
		if (nl != NULL)
			c->line++;
		p += seg;
	}
	if (final && !c->finished) {
		c->finished = 1;
		if (csv_fini(&c->p, on_field, on_record, c) != 0) {
			if (csv_error(&c->p) == CSV_EPARSE)
				return fail(c, c->startline,
				    "unterminated quoted field", e);
			return parse_error(c, e);
		}
	}
	return 0;
}

int
csv_in_next(struct csv_in *c, struct row *row)
{
	struct rec *r;
	int i;

	if (c->head == c->nrecs)
		return 0;
	r = &c->recs[c->head++];
	if (r->n > c->capv) {
		c->capv = r->n;
		c->v = xrealloc(c->v, (size_t)c->capv * sizeof(*c->v));
		c->len = xrealloc(c->len, (size_t)c->capv * sizeof(*c->len));
	}
	for (i = 0; i < r->n; i++) {
		c->v[i] = c->data.p + c->fields[r->first + (size_t)i].off;
		c->len[i] = c->fields[r->first + (size_t)i].len;
	}
	row->n = r->n;
	row->v = c->v;
	row->len = c->len;
	row->line = r->line;
	return 1;
}

void
csv_in_free(struct csv_in *c)
{
	if (c == NULL)
		return;
	csv_free(&c->p);
	buf_free(&c->data);
	free(c->fields);
	free(c->recs);
	free(c->v);
	free(c->len);
	free(c);
}

void
csv_put_field(struct buf *out, const char *p, size_t n, int guard)
{
	const char *q, *end = p + n;
	int quote = 0, tick = 0;

	/* strchr would also match the NUL of an empty or NUL-led value. */
	if (guard && n > 0 && p[0] != '\0' && strchr(CSV_GUARD_CHARS, p[0]) != NULL)
		tick = 1;
	if (n > 0 && (p[0] == ' ' || p[n - 1] == ' '))
		quote = 1;
	for (q = p; !quote && q < end; q++)
		if (*q == ',' || *q == '"' || *q == '\r' || *q == '\n')
			quote = 1;
	if (quote)
		buf_addc(out, '"');
	if (tick)
		buf_addc(out, '\'');
	if (!quote) {
		buf_add(out, p, n);
		return;
	}
	/* Copy runs between quotes in one go; each quote goes out doubled. */
	while (p < end && (q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		buf_add(out, p, (size_t)(q - p) + 1);
		buf_addc(out, '"');
		p = q + 1;
	}
	buf_add(out, p, (size_t)(end - p));
	buf_addc(out, '"');
}

size_t
csv_unguard(char **v, size_t len)
{
	if (len > 0 && (*v)[0] == '\'') {
		(*v)++;
		return len - 1;
	}
	return len;
}
