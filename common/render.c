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

/* The width of a terminal the text form is written for (SPEC 5). */
#define TEXT_WIDTH 80

/*
 * The --as-of date of the report being rendered when it asked for the
 * 80-column layout (report_today: short times, free text cut to fit),
 * else NULL: set by report_render for the length of one call, so that
 * every writer for people shortens times alike.
 */
static const char *render_today;

/* detail_name returns the length of the "name=" that p starts with (a column name), or 0. */
static size_t
detail_name(const char *p)
{
	size_t i = 0;

	while ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9') || p[i] == '_')
		i++;
	return i > 0 && p[i] == '=' ? i + 1 : 0;
}

/*
 * details_text appends the "name=value; ..." of a journal row for people:
 * each name as its column heading and each value that is a word of a
 * fixed set in the reader's language ("渠道：电话；服务：转运"). A value
 * runs to the next "; name=", so a note holding "; " stays whole.
 */
static void
details_text(struct buf *b, const char *v)
{
	const char *p = v, *end, *next;
	size_t n;
	char name[64], word[64];

	while (*p) {
		if ((n = detail_name(p)) == 0 || n > sizeof(name)) {
			utf8_sanitize(b, p, strlen(p));
			return;
		}
		memcpy(name, p, n - 1);
		name[n - 1] = '\0';
		p += n;
		for (next = p; (next = strstr(next, "; ")) != NULL && detail_name(next + 2) == 0;
		    next += 2)
			;
		end = next != NULL ? next : p + strlen(p);
		buf_adds(b, C_("column", name));
		buf_adds(b, C_("details", "="));
		if (n > 3 && strcmp(name + n - 4, "_at") == 0 && end - p >= 16) {
			/* A time reads as the other times of the report. */
			memcpy(word, p, (size_t)(end - p) < sizeof(word) ? (size_t)(end - p) :
			    sizeof(word) - 1);
			word[(size_t)(end - p) < sizeof(word) ? (size_t)(end - p) :
			    sizeof(word) - 1] = '\0';
			render_cell_text(b, word, RT_TIME);
		} else if ((size_t)(end - p) < sizeof(word)) {
			const char *t;

			memcpy(word, p, (size_t)(end - p));
			word[end - p] = '\0';
			t = C_("value", word);
			utf8_sanitize(b, t, strlen(t));
		} else
			utf8_sanitize(b, p, (size_t)(end - p));
		if (next == NULL)
			return;
		buf_adds(b, C_("details", "; "));
		p = next + 2;
	}
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
		if (render_today != NULL && strncmp(v, render_today, 10) == 0) {
			buf_add(b, v + 11, 5);
			return;
		}
		if (render_today != NULL) {
			buf_add(b, v + 5, 5);
			buf_addc(b, ' ');
			buf_add(b, v + 11, 5);
			return;
		}
		buf_add(b, v, 10);
		buf_addc(b, ' ');
		buf_add(b, v + 11, 5);
		return;
	}
	if (t == RT_DETAILS) {
		details_text(b, v);
		return;
	}
	/* Words from a fixed set and y/n are shown in the reader's language. */
	if (t == RT_ENUM || t == RT_BOOL) {
		const char *w = C_("value", v), *sp, *tail;

		/* "2026-11-22 night": a date, then the shift (白班, not 日). */
		if (w == v && t == RT_ENUM && (sp = strrchr(v, ' ')) != NULL &&
		    (tail = C_("shift", sp + 1)) != sp + 1) {
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

/* render_ncols is how many columns people see of s; render_col maps the i-th of them to s's column. */
int
render_ncols(const struct rsection *s)
{
	return s->show != NULL ? s->nshow : s->ncols;
}

int
render_col(const struct rsection *s, int i)
{
	return s->show != NULL ? s->show[i] : i;
}

size_t
render_nrows(const struct rsection *s)
{
	return s->show_max != 0 && s->nrows > s->show_max ? s->show_max : s->nrows;
}

const char *
render_more(const struct rsection *s, char *buf, size_t n)
{
	if (render_nrows(s) == s->nrows)
		return NULL;
	snprintf(buf, n, _("… and %zu more (json, tsv and csv carry every row)"),
	    s->nrows - render_nrows(s));
	return buf;
}

/* char_len is the length of the UTF-8 character at p (1 for a stray byte), at most n. */
static size_t
char_len(const char *p, size_t n)
{
	unsigned char c = (unsigned char)*p;
	size_t l = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;

	return l < n ? l : n;
}

/* cut shortens x to at most w display columns, ending in "…" when it had to cut. */
static void
cut(struct buf *x, size_t w)
{
	size_t i = 0, used = 0, cl, cw;

	if (utf8_width(x->p, x->len) <= w)
		return;
	while (i < x->len) {
		cl = char_len(x->p + i, x->len - i);
		cw = utf8_width(x->p + i, cl);
		if (used + cw + 1 > w)
			break;
		used += cw;
		i += cl;
	}
	x->len = i;
	buf_adds(x, "\xe2\x80\xa6");
}

/*
 * fit_width makes a table fit TEXT_WIDTH by narrowing its free-text and
 * id-list columns, widest first, down to TEXT_MIN_COL, cutting their
 * cells with "…" (SPEC 5); the other columns are kept whole. w holds the
 * column widths, cell the header and nr rows of cells.
 */
#define TEXT_MIN_COL 12
static void
fit_width(const struct rsection *s, size_t *w, struct buf *cell, size_t nr)
{
	int nc = render_ncols(s), c, widest;
	size_t total = 0, r;

	for (c = 0; c < nc; c++)
		total += w[c] + (c + 1 < nc ? 2 : 0);
	while (total > TEXT_WIDTH) {
		widest = -1;
		for (c = 0; c < nc; c++) {
			enum rtype t = s->types[render_col(s, c)];

			if ((t == RT_TEXT || t == RT_LIST || t == RT_DETAILS) && w[c] > TEXT_MIN_COL &&
			    (widest == -1 || w[c] > w[widest]))
				widest = c;
		}
		if (widest == -1)
			return;
		c = widest;
		if (w[c] - (total - TEXT_WIDTH) >= TEXT_MIN_COL) {
			w[c] -= total - TEXT_WIDTH;
			total = TEXT_WIDTH;
		} else {
			total -= w[c] - TEXT_MIN_COL;
			w[c] = TEXT_MIN_COL;
		}
		for (r = 0; r <= nr; r++)
			cut(&cell[r * (size_t)nc + (size_t)c], w[c]);
	}
}

/* text_table appends s as aligned columns, header first; numbers align right. */
static void
text_table(const struct rsection *s, struct buf *b)
{
	int nc = render_ncols(s), c, sc;
	size_t nr = render_nrows(s);
	size_t *w = xcalloc((size_t)nc, sizeof(size_t)), r, k, cw, n;
	struct buf *cell;
	char more[128];

	n = (nr + 1) * (size_t)nc;
	cell = xcalloc(n, sizeof(*cell));
	for (c = 0; c < nc; c++)
		buf_adds(&cell[c], render_col_label(s->cols[render_col(s, c)]));
	for (r = 0; r < nr; r++)
		for (c = 0; c < nc; c++) {
			sc = render_col(s, c);
			render_cell_text(&cell[(r + 1) * (size_t)nc + (size_t)c],
			    rsec_cell(s, r, sc), s->types[sc]);
		}
	for (k = 0; k < n; k++) {
		c = (int)(k % (size_t)nc);
		cw = utf8_width(cell[k].p, cell[k].len);
		if (cw > w[c])
			w[c] = cw;
	}
	if (render_today != NULL)
		fit_width(s, w, cell, nr);
	for (r = 0; r <= nr; r++) {
		size_t start = b->len;

		for (c = 0; c < nc; c++) {
			struct buf *x = &cell[r * (size_t)nc + (size_t)c];
			int right = r > 0 && render_is_number_type(s->types[render_col(s, c)]);

			/* Pad by display width: a CJK character takes two columns. */
			cw = utf8_width(x->p, x->len);
			if (right)
				for (k = cw; k < w[c]; k++)
					buf_addc(b, ' ');
			buf_add(b, x->p, x->len);
			if (!right && c + 1 < nc)
				for (k = cw; k < w[c]; k++)
					buf_addc(b, ' ');
			if (c + 1 < nc)
				buf_adds(b, "  ");
		}
		while (b->len > start && b->p[b->len - 1] == ' ')
			b->len--;
		buf_addc(b, '\n');
	}
	if (render_more(s, more, sizeof(more)) != NULL)
		buf_printf(b, "%s\n", more);
	for (k = 0; k < n; k++)
		buf_free(&cell[k]);
	free(cell);
	free(w);
}

/*
 * text_wrap appends v in lines of at most TEXT_WIDTH display columns,
 * broken at spaces, or anywhere in a run without one (Chinese).
 */
static void
text_wrap(struct buf *b, const char *v)
{
	size_t n = strlen(v), i = 0, col = 0, brk = 0, cl;

	while (i < n) {
		size_t line = b->len;

		col = 0;
		brk = 0;
		while (i < n) {
			cl = char_len(v + i, n - i);
			if (col + utf8_width(v + i, cl) > TEXT_WIDTH)
				break;
			col += utf8_width(v + i, cl);
			if (v[i] == ' ')
				brk = b->len - line + 1;
			utf8_sanitize(b, v + i, cl);
			i += cl;
		}
		if (i < n && brk != 0 && v[i] != ' ') {
			/* Give back the word that did not fit. */
			i -= b->len - line - brk;
			b->len = line + brk;
		}
		while (b->len > line && b->p[b->len - 1] == ' ')
			b->len--;
		while (i < n && v[i] == ' ')
			i++;
		buf_addc(b, '\n');
	}
}

/* text_pairs appends the one row of a flat or record section as "key  value" lines. */
static void
text_pairs(const struct rsection *s, struct buf *b)
{
	size_t w = 0, cw, k;
	const char *l;
	int c, sc;

	for (c = 0; c < render_ncols(s); c++) {
		l = render_col_label(s->cols[render_col(s, c)]);
		if ((cw = utf8_width(l, strlen(l))) > w)
			w = cw;
	}
	for (c = 0; c < render_ncols(s); c++) {
		sc = render_col(s, c);
		l = render_col_label(s->cols[sc]);
		buf_adds(b, l);
		for (k = utf8_width(l, strlen(l)); k < w + 2; k++)
			buf_addc(b, ' ');
		render_cell_text(b, rsec_cell(s, 0, sc), s->types[sc]);
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

const char *
render_verdict(enum rverdict v)
{
	/* A symbol and a word: the verdict reads without colour, on paper too. */
	if (v == RV_MET)
		return _("✓ met");
	if (v == RV_MISSED)
		return _("✗ missed");
	return "";
}

/* pad appends spaces from display width have to want. */
static void
pad(struct buf *b, size_t have, size_t want)
{
	for (; have < want; have++)
		buf_addc(b, ' ');
}

/*
 * text_headline appends r's headline: label and value aligned, then the
 * verdict with its target, or the detail; a detail after a verdict goes
 * on the next line, under it.
 */
static void
text_headline(const struct report *r, struct buf *b)
{
	size_t i, wl = 0, wv = 0, x, col;
	const struct rheadline *h;

	if (r->nhead == 0)
		return;
	for (i = 0; i < r->nhead; i++) {
		h = &r->head[i];
		if ((x = utf8_width(h->label, strlen(h->label))) > wl)
			wl = x;
		if ((x = utf8_width(h->value, strlen(h->value))) > wv)
			wv = x;
	}
	col = wl + 2 + wv + 3;
	buf_printf(b, "\n== %s ==\n", _("Headline"));
	for (i = 0; i < r->nhead; i++) {
		size_t start = b->len;

		h = &r->head[i];
		utf8_sanitize(b, h->label, strlen(h->label));
		pad(b, utf8_width(h->label, strlen(h->label)), wl + 2);
		pad(b, utf8_width(h->value, strlen(h->value)), wv);
		utf8_sanitize(b, h->value, strlen(h->value));
		buf_adds(b, "   ");
		if (h->verdict != RV_NONE) {
			buf_adds(b, render_verdict(h->verdict));
			if (h->target != NULL) {
				buf_adds(b, _(" ("));
				buf_printf(b, _("target: %s"), h->target);
				buf_adds(b, _(")"));
			}
			if (h->detail != NULL) {
				buf_addc(b, '\n');
				pad(b, 0, col);
			}
		}
		if (h->detail != NULL)
			utf8_sanitize(b, h->detail, strlen(h->detail));
		while (b->len > start && b->p[b->len - 1] == ' ')
			b->len--;
		buf_addc(b, '\n');
	}
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
	text_headline(r, b);
	for (i = 0; i < r->n; i++) {
		const struct rsection *s = r->s[i];

		buf_printf(b, "\n== %s: %s", s->name, s->title);
		if (s->shape == RSH_COUNT)
			buf_printf(b, " (%zu)", s->nrows);
		buf_adds(b, " ==\n");
		if (s->note != NULL)
			text_wrap(b, s->note);
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
	char more[128];
	size_t r;
	int c;

	if (s->shape == RSH_FLAT || s->shape == RSH_RECORD) {
		buf_printf(b, "| %s | %s |\n|---|---:|\n", _("figure"), _("value"));
		for (c = 0; c < render_ncols(s); c++) {
			buf_printf(b, "| %s | ", render_col_label(s->cols[render_col(s, c)]));
			md_cell(b, rsec_cell(s, 0, render_col(s, c)), s->types[render_col(s, c)]);
			buf_adds(b, " |\n");
		}
		return;
	}
	if (s->nrows == 0) {
		buf_printf(b, "%s\n", _("(none)"));
		return;
	}
	for (c = 0; c < render_ncols(s); c++)
		buf_printf(b, "| %s ", render_col_label(s->cols[render_col(s, c)]));
	buf_adds(b, "|\n");
	for (c = 0; c < render_ncols(s); c++)
		buf_adds(b, render_is_number_type(s->types[render_col(s, c)]) ? "|---:" : "|---");
	buf_adds(b, "|\n");
	for (r = 0; r < render_nrows(s); r++) {
		for (c = 0; c < render_ncols(s); c++) {
			buf_adds(b, "| ");
			md_cell(b, rsec_cell(s, r, render_col(s, c)), s->types[render_col(s, c)]);
			buf_addc(b, ' ');
		}
		buf_adds(b, "|\n");
	}
	if (render_more(s, more, sizeof(more)) != NULL)
		buf_printf(b, "\n%s\n", more);
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
	if (r->nhead > 0) {
		buf_printf(b, "\n## %s\n\n| | | | |\n|---|---:|---|---|\n", _("Headline"));
		for (i = 0; i < r->nhead; i++) {
			const struct rheadline *h = &r->head[i];
			char tgt[128];

			tgt[0] = '\0';
			if (h->target != NULL)
				snprintf(tgt, sizeof(tgt), _("target: %s"), h->target);
			buf_adds(b, "| ");
			md_cell(b, h->label, RT_TEXT);
			buf_adds(b, " | ");
			md_cell(b, h->value, RT_TEXT);
			buf_adds(b, " | ");
			md_cell(b, tgt, RT_TEXT);
			buf_printf(b, " %s | ", render_verdict(h->verdict));
			if (h->detail != NULL)
				md_cell(b, h->detail, RT_TEXT);
			buf_adds(b, " |\n");
		}
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
	render_today = r->today[0] != '\0' ? r->today : NULL;
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
	render_today = NULL;
	if (b.len > 0 && fwrite(b.p, 1, b.len, fp) != b.len)
		rc = -2;
	if (fflush(fp) != 0 || ferror(fp))
		rc = -2;
	buf_free(&b);
	return rc;
}
