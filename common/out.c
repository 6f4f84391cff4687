/*
 * out.c - list writers: tsv, csv, json (JSON Lines), table; see out.h.
 *
 * This is the only code that knows output formats for lists. Values come
 * in raw (unescaped); each writer escapes for its own format.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvio.h"
#include "i18n.h"
#include "out.h"
#include "timefmt.h"
#include "tsv.h"
#include "utf8.h"

/* The narrowest a cut column gets: text keeps a readable start, the rest its gist. */
#define OUT_CUT_MIN_TEXT 8
#define OUT_CUT_MIN 3

struct out {
	FILE *fp;
	enum out_format f;
	int flags, n;
	char **names;
	enum coltype *types;
	struct buf line;
	/* table: every cell kept, sanitized, until out_end */
	char **cells;
	size_t ncells, capcells;
	int header_done;
	int untyped;		/* no schema: every value a string, "" for empty */
	/* a table for a person (out_person) */
	int person, today, mark, color;
	size_t width;
	unsigned char *urgent;	/* per table row, the header's included */
	size_t nrows, caprows;
	int next_urgent;
};

const char *const out_format_names[] = { "tsv", "csv", "json", "table", NULL };

int
out_format_parse(const char *s, enum out_format *f)
{
	int i;

	for (i = 0; out_format_names[i] != NULL; i++)
		if (strcmp(s, out_format_names[i]) == 0) {
			*f = (enum out_format)i;
			return 0;
		}
	return -1;
}

void
out_json_string(struct buf *b, const char *v, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = 0;
	unsigned char c;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		c = (unsigned char)v[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		buf_add(b, v + start, i - start);
		start = i + 1;
		switch (c) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\r': buf_adds(b, "\\r"); break;
		default:
			buf_adds(b, "\\u00");
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		}
	}
	buf_add(b, v + start, n - start);
	buf_addc(b, '"');
}

struct out *
out_new(FILE *fp, enum out_format f, int flags, int n, const char *const *names,
    const enum coltype *types)
{
	struct out *o = xcalloc(1, sizeof(*o));
	int i;

	o->fp = fp;
	o->f = f;
	o->flags = flags;
	o->n = n;
	o->names = xcalloc((size_t)n + 1, sizeof(char *));
	o->types = xcalloc((size_t)n + 1, sizeof(enum coltype));
	o->untyped = types == NULL;
	for (i = 0; i < n; i++) {
		o->names[i] = xstrdup(names[i]);
		o->types[i] = types ? types[i] : COL_TEXT;
	}
	return o;
}

static void
put_cell(struct out *o, const char *v, size_t n)
{
	struct buf b = BUF_INIT;

	if (o->ncells == o->capcells) {
		o->capcells = o->capcells ? o->capcells * 2 : 256;
		o->cells = xrealloc(o->cells, o->capcells * sizeof(char *));
	}
	/* Nothing from a journal reaches the terminal raw: escapes become visible. */
	utf8_sanitize(&b, v, n);
	if (b.p == NULL)
		buf_adds(&b, "");
	o->cells[o->ncells++] = b.p;
}

/* push_row records whether the table row just begun stands out. */
static void
push_row(struct out *o, int urgent)
{
	if (o->nrows == o->caprows) {
		o->caprows = o->caprows ? o->caprows * 2 : 64;
		o->urgent = xrealloc(o->urgent, o->caprows);
	}
	o->urgent[o->nrows++] = (unsigned char)urgent;
}

/*
 * short_time writes the ts value v[0..n) as a person reads it at a
 * desk: "HH:MM" on the day of o->today, else "MM-DD HH:MM" (local
 * zone); returns 0, or -1 (value kept) when it is not a time.
 */
static int
short_time(const struct out *o, const char *v, size_t n, char *out, size_t size)
{
	int64_t y;
	int mo, d, h, mi;
	rs_time t;

	if (time_parse_iso(v, n, &t) == -1)
		return -1;
	time_local_fields(t, &y, &mo, &d, &h, &mi, NULL);
	if (time_local_date(t) == o->today)
		snprintf(out, size, "%02d:%02d", h, mi);
	else
		snprintf(out, size, "%02d-%02d %02d:%02d", mo, d, h, mi);
	return 0;
}

void
out_person(struct out *o, rs_time today, int mark, size_t width, int color)
{
	o->person = 1;
	o->today = time_local_date(today);
	o->mark = mark;
	o->width = width;
	o->color = color;
}

void
out_row_urgent(struct out *o, const char *const *values, const size_t *lens, int urgent)
{
	o->next_urgent = urgent;
	out_row(o, values, lens);
	o->next_urgent = 0;
}

static void
write_header(struct out *o)
{
	int i;

	o->header_done = 1;
	if (o->flags & OUT_NO_HEADER)
		return;
	switch (o->f) {
	case OUT_TSV:
	case OUT_CSV:
		for (i = 0; i < o->n; i++) {
			if (i)
				buf_addc(&o->line, o->f == OUT_TSV ? '\t' : ',');
			if (o->f == OUT_TSV)
				tsv_escape(&o->line, o->names[i], strlen(o->names[i]));
			else
				csv_put_field(&o->line, o->names[i], strlen(o->names[i]), 0);
		}
		buf_adds(&o->line, o->f == OUT_TSV ? "\n" : "\r\n");
		break;
	case OUT_TABLE:
		/* A table is for people: headings in their language (tsv, csv, json keep keys). */
		push_row(o, 0);
		for (i = 0; i < o->n; i++) {
			const char *l = C_("column", o->names[i]);

			put_cell(o, l, strlen(l));
		}
		break;
	case OUT_JSON:
		break;
	}
}

int
out_json_number(struct buf *b, const char *v, size_t n)
{
	size_t i = 0, k, int_digits = 0, frac = 0;

	if (i < n && v[i] == '-')
		i++;
	k = i;
	for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
		int_digits++;
	if (i < n && v[i] == '.')
		for (i++; i < n && v[i] >= '0' && v[i] <= '9'; i++)
			frac++;
	if (i != n || int_digits == 0 || v[n - 1] == '.')
		return 0;
	while (int_digits > 1 && v[k] == '0') {
		k++;
		int_digits--;
	}
	if (v[0] == '-')
		buf_addc(b, '-');
	buf_add(b, v + k, n - k);
	return 1;
}

static void
json_value(struct out *o, int i, const char *v, size_t n)
{
	if (n == 0) {
		buf_adds(&o->line, o->untyped ? "\"\"" : "null");
		return;
	}
	if (o->types[i] == COL_YN && n == 1 && (v[0] == 'y' || v[0] == 'n')) {
		buf_adds(&o->line, v[0] == 'y' ? "true" : "false");
		return;
	}
	if (coltype_is_number(o->types[i]) && out_json_number(&o->line, v, n))
		return;
	out_json_string(&o->line, v, n);
}

void
out_row(struct out *o, const char *const *values, const size_t *lens)
{
	const char *v;
	size_t n;
	int i;

	if (!o->header_done)
		write_header(o);
	if (o->f == OUT_TABLE)
		push_row(o, o->next_urgent);
	for (i = 0; i < o->n; i++) {
		v = values[i] ? values[i] : "";
		n = lens ? lens[i] : strlen(v);
		switch (o->f) {
		case OUT_TSV:
			if (i)
				buf_addc(&o->line, '\t');
			tsv_escape(&o->line, v, n);
			break;
		case OUT_CSV:
			if (i)
				buf_addc(&o->line, ',');
			if (o->n == 1 && n == 0)
				buf_adds(&o->line, "\"\"");	/* an empty line would be no record */
			else
				csv_put_field(&o->line, v, n,
				    coltype_is_textlike(o->types[i]) && !(o->flags & OUT_RAW));
			break;
		case OUT_JSON:
			buf_addc(&o->line, i ? ',' : '{');
			out_json_string(&o->line, o->names[i], strlen(o->names[i]));
			buf_addc(&o->line, ':');
			json_value(o, i, v, n);
			break;
		case OUT_TABLE:
			if (o->person && o->types[i] == COL_TS && n > 0) {
				char t[TIME_ISO_MAX];

				if (short_time(o, v, n, t, sizeof(t)) == 0) {
					put_cell(o, t, strlen(t));
					break;
				}
			}
			/* States, steps and y/n in the reader's language, as reports show them. */
			if (o->types != NULL && n > 0 && n < 64 &&
			    (o->types[i] == COL_ENUM || o->types[i] == COL_YN)) {
				char word[64];
				const char *t;

				memcpy(word, v, n);
				word[n] = '\0';
				if ((t = C_("value", word)) != word) {
					put_cell(o, t, strlen(t));
					break;
				}
			}
			put_cell(o, v, n);
			break;
		}
	}
	if (o->f == OUT_TSV)
		buf_addc(&o->line, '\n');
	else if (o->f == OUT_CSV)
		buf_adds(&o->line, "\r\n");
	else if (o->f == OUT_JSON)
		buf_adds(&o->line, o->n ? "}\n" : "{}\n");
	if (o->line.len >= 65536) {
		fwrite(o->line.p, 1, o->line.len, o->fp);
		buf_reset(&o->line);
	}
}

/*
 * fit narrows the columns of a person's table until its lines take at
 * most budget display columns: the widest free-text column first (down
 * to OUT_CUT_MIN_TEXT), then the widest of any (down to OUT_CUT_MIN).
 */
static void
fit(const struct out *o, size_t *width, size_t budget)
{
	size_t total = 2 * (size_t)(o->n - 1), min;
	int i, j, pass;

	for (i = 0; i < o->n; i++)
		total += width[i];
	for (pass = 0; pass < 2 && total > budget; pass++) {
		min = pass == 0 ? OUT_CUT_MIN_TEXT : OUT_CUT_MIN;
		while (total > budget) {
			for (j = -1, i = 0; i < o->n; i++)
				if ((pass == 1 || coltype_is_textlike(o->types[i])) &&
				    width[i] > min && (j == -1 || width[i] > width[j]))
					j = i;
			if (j == -1)
				break;
			width[j]--;
			total--;
		}
	}
}

/* put_fitted appends cell c to the line, cut with "…" to w display columns if wider. */
static void
put_fitted(struct out *o, const char *c, size_t w, size_t *shown)
{
	size_t len = strlen(c), cw = utf8_width(c, len), k;

	if (cw <= w) {
		buf_add(&o->line, c, len);
		*shown = cw;
		return;
	}
	k = utf8_fit(c, len, w - 1);
	buf_add(&o->line, c, k);
	buf_adds(&o->line, "\xe2\x80\xa6");
	*shown = utf8_width(c, k) + 1;
}

static void
write_table(struct out *o)
{
	size_t *width = xcalloc((size_t)o->n + 1, sizeof(size_t)), r, rows, w, k;
	size_t budget;
	int i, hot;

	if (o->n == 0) {
		free(width);
		return;
	}
	rows = o->ncells / (size_t)o->n;
	for (r = 0; r < rows; r++)
		for (i = 0; i < o->n; i++) {
			w = utf8_width(o->cells[r * o->n + i], strlen(o->cells[r * o->n + i]));
			if (w > width[i])
				width[i] = w;
		}
	if (o->person && o->width > 0) {
		budget = o->width > 2 ? o->width - (o->mark ? 2 : 0) : 1;
		fit(o, width, budget);
	}
	for (r = 0; r < rows; r++) {
		hot = r < o->nrows && o->urgent[r];
		if (hot && o->color)
			buf_adds(&o->line, OUT_COLOR_URGENT);
		/* The marker makes the row stand out without colour, in a log or a pipe too. */
		if (o->mark)
			buf_adds(&o->line, hot ? "! " : "  ");
		for (i = 0; i < o->n; i++) {
			const char *c = o->cells[r * o->n + i];

			put_fitted(o, c, width[i], &w);
			if (i + 1 < o->n) {
				/* Pad by display width: a CJK character takes two columns. */
				for (k = w; k < width[i] + 2; k++)
					buf_addc(&o->line, ' ');
			}
		}
		while (o->line.len > 0 && o->line.p[o->line.len - 1] == ' ')
			o->line.len--;
		if (hot && o->color)
			buf_adds(&o->line, OUT_COLOR_OFF);
		buf_addc(&o->line, '\n');
		if (o->line.len >= 65536) {
			fwrite(o->line.p, 1, o->line.len, o->fp);
			buf_reset(&o->line);
		}
	}
	free(width);
}

int
out_end(struct out *o)
{
	if (!o->header_done && o->f != OUT_JSON)
		write_header(o);
	if (o->f == OUT_TABLE)
		write_table(o);
	if (o->line.len)
		fwrite(o->line.p, 1, o->line.len, o->fp);
	buf_reset(&o->line);
	return fflush(o->fp) == 0 && !ferror(o->fp) ? 0 : -1;
}

void
out_free(struct out *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < (size_t)o->n; i++)
		free(o->names[i]);
	for (i = 0; i < o->ncells; i++)
		free(o->cells[i]);
	free(o->cells);
	free(o->urgent);
	free(o->names);
	free(o->types);
	buf_free(&o->line);
	free(o);
}
