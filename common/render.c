/*
 * render.c - report output: report_render picks the writer of a format,
 * and the formats for people live here: aligned text and Markdown, whose
 * cells go through render_cell_text (minutes, translated words, no raw
 * control characters). JSON, TSV and CSV are in render_data.c, HTML in
 * render_html.c: only these files know output formats; report builders
 * fill sections and never print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "render.h"
#include "report.h"
#include "utf8.h"

#define NO_VALUE "\xe2\x80\x93"	/* "–": SPEC 10's mark for an empty denominator */

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
			int right = r > 0 && render_is_number_type(s->types[c]);

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
		buf_adds(b, render_is_number_type(s->types[c]) ? "|---:" : "|---");
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
