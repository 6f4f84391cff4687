/*
 * render.c - the writers of reports: text, md, json, tsv and csv (html
 * is in render_html.c). Only these two files know output formats;
 * report builders fill sections and never print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvio.h"
#include "i18n.h"
#include "out.h"
#include "report.h"
#include "tsv.h"
#include "utf8.h"

#define NO_VALUE "\xe2\x80\x93"	/* "–": SPEC 10's mark for an empty denominator */

static int
is_number_type(enum rtype t)
{
	return t == RT_INT || t == RT_PCT || t == RT_NUM || t == RT_MIN;
}

void
render_cell_text(struct buf *b, const char *v, enum rtype t)
{
	if (v == NULL) {
		buf_adds(b, NO_VALUE);
		return;
	}
	if (t == RT_TIME && strlen(v) >= 16) {
		/* People read minutes; the offset is the desk's own zone. */
		buf_add(b, v, 10);
		buf_addc(b, ' ');
		buf_add(b, v + 11, 5);
		return;
	}
	/* Words from a fixed set and y/n are shown in the reader's language. */
	if (t == RT_ENUM || t == RT_BOOL) {
		const char *w = C_("value", v), *sp, *tail;

		/* "2026-11-22 night": a date or id, then the word. */
		if (w == v && t == RT_ENUM && (sp = strrchr(v, ' ')) != NULL &&
		    (tail = C_("value", sp + 1)) != sp + 1) {
			utf8_sanitize(b, v, (size_t)(sp - v) + 1);
			utf8_sanitize(b, tail, strlen(tail));
			return;
		}
		v = w;
	}
	/* Nothing from a journal reaches the terminal raw. */
	utf8_sanitize(b, v, strlen(v));
}

/* render_col_label is the heading people read for column key k (tsv, csv and json keep k). */
const char *
render_col_label(const char *k)
{
	return C_("column", k);
}

/* text_table appends s as aligned columns, header first; numbers align right. */
static void
text_table(const struct rsection *s, struct buf *b)
{
	size_t *w = xcalloc((size_t)s->ncols, sizeof(size_t)), r, k, cw, n;
	struct buf *cell;
	int c;

	n = (s->nrows + 1) * (size_t)s->ncols;
	cell = xcalloc(n, sizeof(*cell));
	for (c = 0; c < s->ncols; c++)
		buf_adds(&cell[c], render_col_label(s->cols[c]));
	for (r = 0; r < s->nrows; r++)
		for (c = 0; c < s->ncols; c++)
			render_cell_text(&cell[(r + 1) * (size_t)s->ncols + (size_t)c],
			    rsec_cell(s, r, c), s->types[c]);
	for (k = 0; k < n; k++) {
		c = (int)(k % (size_t)s->ncols);
		cw = utf8_width(cell[k].p, cell[k].len);
		if (cw > w[c])
			w[c] = cw;
	}
	for (r = 0; r <= s->nrows; r++) {
		size_t start = b->len;

		for (c = 0; c < s->ncols; c++) {
			struct buf *x = &cell[r * (size_t)s->ncols + (size_t)c];
			int right = r > 0 && is_number_type(s->types[c]);

			/* Pad by display width: a CJK character takes two columns. */
			cw = utf8_width(x->p, x->len);
			if (right)
				for (k = cw; k < w[c]; k++)
					buf_addc(b, ' ');
			buf_add(b, x->p, x->len);
			if (!right && c + 1 < s->ncols)
				for (k = cw; k < w[c]; k++)
					buf_addc(b, ' ');
			if (c + 1 < s->ncols)
				buf_adds(b, "  ");
		}
		while (b->len > start && b->p[b->len - 1] == ' ')
			b->len--;
		buf_addc(b, '\n');
	}
	for (k = 0; k < n; k++)
		buf_free(&cell[k]);
	free(cell);
	free(w);
}

/* text_pairs appends the one row of a flat or record section as "key  value" lines. */
static void
text_pairs(const struct rsection *s, struct buf *b)
{
	size_t w = 0, cw, k;
	const char *l;
	int c;

	for (c = 0; c < s->ncols; c++) {
		l = render_col_label(s->cols[c]);
		if ((cw = utf8_width(l, strlen(l))) > w)
			w = cw;
	}
	for (c = 0; c < s->ncols; c++) {
		l = render_col_label(s->cols[c]);
		buf_adds(b, l);
		for (k = utf8_width(l, strlen(l)); k < w + 2; k++)
			buf_addc(b, ' ');
		render_cell_text(b, rsec_cell(s, 0, c), s->types[c]);
		buf_addc(b, '\n');
	}
}

static void
text_section(const struct rsection *s, struct buf *b)
{
	if (s->shape == RSH_FLAT || s->shape == RSH_RECORD)
		text_pairs(s, b);
	else if (s->nrows == 0)
		buf_printf(b, "%s\n", _("(none)"));
	else
		text_table(s, b);
}

static void
render_text(const struct report *r, const struct rsection *only, struct buf *b)
{
	size_t i;

	if (only != NULL) {
		text_section(only, b);
		return;
	}
	utf8_sanitize(b, r->title, strlen(r->title));
	buf_addc(b, '\n');
	if (r->subtitle != NULL) {
		utf8_sanitize(b, r->subtitle, strlen(r->subtitle));
		buf_addc(b, '\n');
	}
	for (i = 0; i < r->n; i++) {
		const struct rsection *s = r->s[i];

		buf_printf(b, "\n== %s: %s", s->name, s->title);
		if (s->shape == RSH_COUNT)
			buf_printf(b, " (%zu)", s->nrows);
		buf_adds(b, " ==\n");
		if (s->note != NULL)
			buf_printf(b, "%s\n", s->note);
		text_section(s, b);
	}
}

/* md_cell appends a cell for a Markdown table: sanitized, pipes escaped. */
static void
md_cell(struct buf *b, const char *v, enum rtype t)
{
	struct buf x = BUF_INIT;
	size_t i;

	render_cell_text(&x, v, t);
	for (i = 0; i < x.len; i++) {
		if (x.p[i] == '|' || x.p[i] == '*' || x.p[i] == '_' || x.p[i] == '`' ||
		    x.p[i] == '<' || x.p[i] == '[')
			buf_addc(b, '\\');
		buf_addc(b, x.p[i]);
	}
	buf_free(&x);
}

static void
md_section(const struct rsection *s, struct buf *b)
{
	size_t r;
	int c;

	if (s->shape == RSH_FLAT || s->shape == RSH_RECORD) {
		buf_printf(b, "| %s | %s |\n|---|---:|\n", _("figure"), _("value"));
		for (c = 0; c < s->ncols; c++) {
			buf_printf(b, "| %s | ", render_col_label(s->cols[c]));
			md_cell(b, rsec_cell(s, 0, c), s->types[c]);
			buf_adds(b, " |\n");
		}
		return;
	}
	if (s->nrows == 0) {
		buf_printf(b, "%s\n", _("(none)"));
		return;
	}
	for (c = 0; c < s->ncols; c++)
		buf_printf(b, "| %s ", render_col_label(s->cols[c]));
	buf_adds(b, "|\n");
	for (c = 0; c < s->ncols; c++)
		buf_adds(b, is_number_type(s->types[c]) ? "|---:" : "|---");
	buf_adds(b, "|\n");
	for (r = 0; r < s->nrows; r++) {
		for (c = 0; c < s->ncols; c++) {
			buf_adds(b, "| ");
			md_cell(b, rsec_cell(s, r, c), s->types[c]);
			buf_addc(b, ' ');
		}
		buf_adds(b, "|\n");
	}
}

static void
render_md(const struct report *r, const struct rsection *only, struct buf *b)
{
	size_t i;

	if (only != NULL) {
		md_section(only, b);
		return;
	}
	buf_adds(b, "# ");
	md_cell(b, r->title, RT_TEXT);
	buf_adds(b, "\n\n");
	if (r->subtitle != NULL) {
		md_cell(b, r->subtitle, RT_TEXT);
		buf_adds(b, "\n");
	}
	for (i = 0; i < r->n; i++) {
		buf_printf(b, "\n## %s (`%s`)\n\n", r->s[i]->title, r->s[i]->name);
		if (r->s[i]->note != NULL)
			buf_printf(b, "%s\n\n", r->s[i]->note);
		md_section(r->s[i], b);
	}
}

/* json_value appends cell v of type t as a JSON value. */
static void
json_value(struct buf *b, const char *v, enum rtype t)
{
	const char *p, *q;

	if (v == NULL) {
		buf_adds(b, "null");
		return;
	}
	if (t == RT_BOOL && (strcmp(v, "y") == 0 || strcmp(v, "n") == 0)) {
		buf_adds(b, v[0] == 'y' ? "true" : "false");
		return;
	}
	if (is_number_type(t) && strspn(v, "-0123456789.") == strlen(v) &&
	    v[strspn(v, "-")] != '.' && v[strlen(v) - 1] != '.') {
		buf_adds(b, v);
		return;
	}
	if (t == RT_LIST) {
		buf_addc(b, '[');
		for (p = v; *p != '\0'; p = *q ? q + 1 : q) {
			q = p + strcspn(p, ",");
			if (p != v)
				buf_addc(b, ',');
			out_json_string(b, p, (size_t)(q - p));
		}
		buf_addc(b, ']');
		return;
	}
	out_json_string(b, v, strlen(v));
}

/* json_object appends row r of s as {col: value} over columns [from, ncols). */
static void
json_object(const struct rsection *s, size_t r, int from, struct buf *b)
{
	int c;

	buf_addc(b, '{');
	for (c = from; c < s->ncols; c++) {
		if (c > from)
			buf_adds(b, ", ");
		out_json_string(b, s->cols[c], strlen(s->cols[c]));
		buf_adds(b, ": ");
		json_value(b, rsec_cell(s, r, c), s->types[c]);
	}
	buf_addc(b, '}');
}

static void
json_key(struct buf *b, const char *k)
{
	out_json_string(b, k, strlen(k));
	buf_adds(b, ": ");
}

static void
json_array(const struct rsection *s, struct buf *b)
{
	size_t r;

	if (s->nrows == 0) {
		buf_adds(b, "[]");
		return;
	}
	buf_adds(b, "[\n");
	for (r = 0; r < s->nrows; r++) {
		buf_adds(b, "    ");
		json_object(s, r, 0, b);
		buf_adds(b, r + 1 < s->nrows ? ",\n" : "\n");
	}
	buf_adds(b, "  ]");
}

/* json_section appends the value of s (not its key); FLAT and COUNT are handled by the caller. */
static void
json_section(const struct rsection *s, struct buf *b)
{
	const char *k;
	size_t r;

	switch (s->shape) {
	case RSH_MAP:
	case RSH_KEYED:
		buf_addc(b, '{');
		for (r = 0; r < s->nrows; r++) {
			k = rsec_cell(s, r, 0);
			/* name -> count maps stay on one line; keyed objects get a line each. */
			if (s->shape == RSH_KEYED)
				buf_adds(b, r ? ",\n    " : "\n    ");
			else if (r)
				buf_adds(b, ", ");
			out_json_string(b, k ? k : "", k ? strlen(k) : 0);
			buf_adds(b, ": ");
			if (s->shape == RSH_MAP)
				json_value(b, rsec_cell(s, r, 1), s->types[1]);
			else
				json_object(s, r, 1, b);
		}
		buf_adds(b, s->shape == RSH_KEYED && s->nrows ? "\n  }" : "}");
		break;
	case RSH_RECORD:
	case RSH_FLAT:
		if (s->nrows)
			json_object(s, 0, 0, b);
		else
			buf_adds(b, "{}");
		break;
	case RSH_IDS:
		buf_addc(b, '[');
		for (r = 0; r < s->nrows; r++) {
			if (r)
				buf_adds(b, ", ");
			json_value(b, rsec_cell(s, r, 0), RT_ID);
		}
		buf_addc(b, ']');
		break;
	case RSH_ARRAY:
	case RSH_COUNT:
		json_array(s, b);
		break;
	}
}

static void
render_json(const struct report *r, const struct rsection *only, struct buf *b)
{
	const struct rsection *s;
	size_t i;
	int c, first = 1;

	if (only != NULL) {
		/* One section alone: its value, so that jq reads it directly. */
		json_section(only, b);
		buf_addc(b, '\n');
		return;
	}
	buf_adds(b, "{\n");
	for (i = 0; i < r->n; i++) {
		s = r->s[i];
		if (s->shape == RSH_FLAT) {
			for (c = 0; c < s->ncols; c++) {
				buf_adds(b, first ? "  " : ",\n  ");
				first = 0;
				json_key(b, s->cols[c]);
				json_value(b, rsec_cell(s, 0, c), s->types[c]);
			}
			continue;
		}
		buf_adds(b, first ? "  " : ",\n  ");
		first = 0;
		json_key(b, s->name);
		if (s->shape == RSH_COUNT) {
			buf_printf(b, "%zu,\n  ", s->nrows);
			buf_printf(b, "\"%s_list\": ", s->name);
		}
		json_section(s, b);
	}
	buf_adds(b, "\n}\n");
}

/* dsv_table appends s as TSV or CSV, header first unless no_header. */
static void
dsv_table(const struct rsection *s, int csv, int flags, struct buf *b)
{
	const char *v;
	size_t r;
	int c;

	if (!(flags & RF_NO_HEADER)) {
		for (c = 0; c < s->ncols; c++) {
			if (c)
				buf_addc(b, csv ? ',' : '\t');
			buf_adds(b, s->cols[c]);
		}
		buf_adds(b, csv ? "\r\n" : "\n");
	}
	for (r = 0; r < s->nrows; r++) {
		for (c = 0; c < s->ncols; c++) {
			if (c)
				buf_addc(b, csv ? ',' : '\t');
			v = rsec_cell(s, r, c);
			if (v == NULL) {
				if (csv && s->ncols == 1)
					buf_adds(b, "\"\"");	/* an empty line would be no record */
				continue;
			}
			if (csv)
				csv_put_field(b, v, strlen(v),
				    s->types[c] == RT_TEXT && !(flags & RF_RAW));
			else
				tsv_escape(b, v, strlen(v));
		}
		buf_adds(b, csv ? "\r\n" : "\n");
	}
}

static void
render_dsv(const struct report *r, const struct rsection *only, int csv, int flags,
    struct buf *b)
{
	size_t i, shown = 0;

	if (only != NULL) {
		dsv_table(only, csv, flags, b);
		return;
	}
	for (i = 0; i < r->n; i++)
		shown += !r->s[i]->hidden;
	for (i = 0; i < r->n; i++) {
		if (r->s[i]->hidden)
			continue;
		/* A report of one table (kpi) is that table: mlr and awk read it as it is. */
		if (shown > 1)
			buf_printf(b, "# %s%s", r->s[i]->name, csv ? "\r\n" : "\n");
		dsv_table(r->s[i], csv, flags, b);
	}
}

int
report_render(const struct report *r, FILE *fp, enum rformat f, const char *section,
    int flags)
{
	const struct rsection *only = NULL;
	struct buf b = BUF_INIT;
	int rc = 0;

	if (section != NULL && (only = report_find(r, section)) == NULL)
		return -1;
	switch (f) {
	case RF_TEXT:
		render_text(r, only, &b);
		break;
	case RF_MD:
		render_md(r, only, &b);
		break;
	case RF_HTML:
		render_html(r, only, &b);
		break;
	case RF_JSON:
		render_json(r, only, &b);
		break;
	case RF_TSV:
	case RF_CSV:
		render_dsv(r, only, f == RF_CSV, flags, &b);
		break;
	}
	if (b.len > 0 && fwrite(b.p, 1, b.len, fp) != b.len)
		rc = -2;
	if (fflush(fp) != 0 || ferror(fp))
		rc = -2;
	buf_free(&b);
	return rc;
}
