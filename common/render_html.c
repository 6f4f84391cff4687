/*
 * render_html.c - a report as one self-contained HTML page: inline CSS,
 * charts drawn here as inline SVG, no script and no reference to
 * anything outside the file, so the page opens the same from a mail
 * attachment, a file share or an air-gapped PC.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "render.h"
#include "report.h"
#include "utf8.h"

/* A bar chart shows the largest few; the table beside it has them all. */
#define BAR_MAX 15

static const char css[] =
"body{font-family:\"Noto Sans CJK SC\",\"Noto Sans SC\",\"PingFang SC\","
"\"Microsoft YaHei\",system-ui,sans-serif;margin:24px auto;max-width:1100px;"
"color:#1d2733;background:#f5f7fa;padding:0 16px}\n"
"h1{font-size:24px;margin:0 0 4px}\n"
".sub{color:#5a6877;margin:0 0 20px}\n"
"section{background:#fff;border:1px solid #dde3ea;border-radius:6px;"
"padding:12px 16px;margin:0 0 16px;break-inside:avoid}\n"
"h2{font-size:17px;margin:0 0 8px}\n"
"h2 code{font-size:12px;color:#7a8794;font-weight:normal;margin-left:8px}\n"
".note{color:#5a6877;font-size:13px;margin:0 0 8px}\n"
"table{border-collapse:collapse;font-size:13px}\n"
"th,td{padding:3px 10px;border-bottom:1px solid #e8edf2;text-align:left;"
"white-space:nowrap}\n"
"th{background:#eef2f6;font-weight:600}\n"
"td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.bad{color:#b3261e;font-weight:600}\n"
".cards{display:flex;flex-wrap:wrap;gap:8px}\n"
".card{border:1px solid #dde3ea;border-radius:4px;padding:6px 10px;min-width:120px}\n"
".card .k{font-size:11px;color:#5a6877}\n"
".card .v{font-size:18px;font-weight:600}\n"
".none{color:#7a8794}\n"
"svg{display:block;margin:4px 0 10px;flex:none}\n"
".row{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}\n"
"svg text{font-size:11px;fill:#1d2733}\n"
/* A wide table scrolls inside its card rather than spilling out of it. */
".tw{max-width:100%;overflow-x:auto}\n"
".more,.cap{color:#5a6877;font-size:12px;margin:4px 0 8px}\n"
".head{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px}\n"
".hl{background:#fff;border:1px solid #dde3ea;border-left:6px solid #94a3b8;"
"border-radius:6px;padding:10px 12px}\n"
".hl.met{border-left-color:#15803d}\n"
".hl.missed{border-left-color:#b3261e;background:#fdf3f2}\n"
".hl .k{font-size:13px;color:#5a6877}\n"
".hl .v{font-size:28px;font-weight:700;margin:2px 0}\n"
".hl .t{font-size:13px}\n"
".hl .w{font-weight:700}\n"
".hl.met .w{color:#15803d}\n"
".hl.missed .w{color:#b3261e}\n"
".hl .d{font-size:12px;color:#5a6877;margin-top:4px}\n"
"tr.late td{background:#fdf3f2}\n"
"tr.late td:first-child{box-shadow:inset 4px 0 #b3261e}\n"
".kv{columns:3 260px;column-gap:24px;font-size:13px}\n"
".kv div{display:flex;justify-content:space-between;border-bottom:1px solid #e8edf2;"
"padding:2px 0;break-inside:avoid}\n"
".kv .k{color:#5a6877;margin-right:12px}\n"
".kv .v{font-variant-numeric:tabular-nums;font-weight:600}\n"
"@media print{body{background:#fff}.hl.missed,tr.late td{background:#fff}}\n";

/* esc appends v for HTML text or an attribute: sanitized, then &<>"' escaped. */
static void
esc(struct buf *b, const char *v, size_t n)
{
	struct buf x = BUF_INIT;
	size_t i;

	utf8_sanitize(&x, v, n);
	for (i = 0; i < x.len; i++) {
		switch (x.p[i]) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		default: buf_addc(b, x.p[i]);
		}
	}
	buf_free(&x);
}

static void
escs(struct buf *b, const char *v)
{
	esc(b, v, strlen(v));
}

static void
cell(struct buf *b, const char *v, enum rtype t)
{
	struct buf x = BUF_INIT;

	render_cell_text(&x, v, t);
	esc(b, x.p ? x.p : "", x.len);
	buf_free(&x);
}

static int
numeric(enum rtype t)
{
	return t == RT_INT || t == RT_PCT || t == RT_NUM || t == RT_MIN;
}

/* value reads a numeric cell; NULL counts as 0 for drawing. */
static double
value(const struct rsection *s, size_t r, int c)
{
	const char *v = rsec_cell(s, r, c);

	return v != NULL ? strtod(v, NULL) : 0.0;
}

/* nice_max rounds a maximum up to 1, 2 or 5 times a power of ten, so the axis reads easily. */
static double
nice_max(double m)
{
	double p = 1;

	if (m <= 0)
		return 1;
	while (p * 10 <= m)
		p *= 10;
	while (p > m)
		p /= 10;
	if (m <= p)
		return p;
	if (m <= 2 * p)
		return 2 * p;
	if (m <= 5 * p)
		return 5 * p;
	return 10 * p;
}

/* The section a worst-first chart sorts, for worse_first (qsort has no argument). */
static const struct rsection *sort_sec;

/* worse_first orders row indices by the chart value ascending, no value last, then as in the table. */
static int
worse_first(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *vx = rsec_cell(sort_sec, x, sort_sec->chart_col);
	const char *vy = rsec_cell(sort_sec, y, sort_sec->chart_col);
	double dx, dy;

	if ((vx == NULL) != (vy == NULL))
		return vx == NULL ? 1 : -1;
	if (vx != NULL && (dx = strtod(vx, NULL)) != (dy = strtod(vy, NULL)))
		return dx < dy ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* bar_chart draws one horizontal bar per row: label, bar, value (worst first if asked). */
static void
bar_chart(const struct rsection *s, struct buf *b)
{
	const double lw = 150, bw = 360, rh = 22;
	double max = 0, v;
	size_t r, i, nr = s->nrows < BAR_MAX ? s->nrows : BAR_MAX, *ord;

	ord = xcalloc(s->nrows + 1, sizeof(*ord));
	for (r = 0; r < s->nrows; r++)
		ord[r] = r;
	if (s->chart_worst_first) {
		sort_sec = s;
		qsort(ord, s->nrows, sizeof(*ord), worse_first);
	}
	for (i = 0; i < nr; i++)
		if ((v = value(s, ord[i], s->chart_col)) > max)
			max = v;
	if (s->nrows == 0 || max <= 0) {
		free(ord);
		return;
	}
	buf_adds(b, "<div>");
	if (nr < s->nrows) {
		/* A chart that leaves bars out says so. */
		buf_adds(b, "<p class=\"cap\">");
		buf_printf(b, _("Top %zu of %zu shown; the table lists all."), nr, s->nrows);
		buf_adds(b, "</p>");
	}
	buf_printf(b, "<svg width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"",
	    lw + bw + 60, rh * (double)nr + 4);
	escs(b, s->title);
	buf_adds(b, "\">\n");
	for (i = 0; i < nr; i++) {
		double y = rh * (double)i + 2, w;
		const char *label;

		r = ord[i];
		label = rsec_cell(s, r, 0);
		v = value(s, r, s->chart_col);
		w = v / max * bw;
		buf_printf(b, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">",
		    lw - 8, y + 14);
		cell(b, label, s->types[0]);
		buf_adds(b, "</text>");
		buf_printf(b, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" "
		    "fill=\"%s\"/>", lw, y + 2, w < 1 ? 1 : w, rh - 6,
		    i < 3 ? "#c2410c" : "#3b82c4");
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">", lw + w + 6, y + 14);
		cell(b, rsec_cell(s, r, s->chart_col), s->types[s->chart_col]);
		buf_adds(b, "</text>\n");
	}
	buf_adds(b, "</svg></div>\n");
	free(ord);
}

/* line_chart draws column col over the rows (periods, oldest first) with a zero-based axis; a row with no value is a gap, not 0. */
static void
line_chart(const struct rsection *s, int col, struct buf *b)
{
	const double W = 460, H = 220, L = 56, R = 28, T = 24, B = 40;
	double max = 0, v, x, y, step;
	size_t r, every;
	int k, open = 0;

	if (s->nrows == 0)
		return;
	for (r = 0; r < s->nrows; r++)
		if ((v = value(s, r, col)) > max)
			max = v;
	max = nice_max(max);
	step = s->nrows > 1 ? (W - L - R) / (double)(s->nrows - 1) : 0;
	every = s->nrows > 12 ? (s->nrows + 11) / 12 : 1;
	buf_printf(b, "<svg width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"", W, H);
	escs(b, render_col_label(s->cols[col]));
	buf_adds(b, "\">\n<text x=\"0\" y=\"12\" font-weight=\"600\">");
	escs(b, render_col_label(s->cols[col]));
	buf_adds(b, "</text>\n");
	for (k = 0; k <= 4; k++) {
		y = T + (H - T - B) * (1 - k / 4.0);
		buf_printf(b, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" "
		    "stroke=\"#e1e6ec\"/><text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">"
		    "%g</text>\n", L, y, W - R, y, L - 6, y + 4, max * k / 4.0);
	}
	for (r = 0; r < s->nrows; r++) {
		if (rsec_cell(s, r, col) == NULL) {
			if (open)
				buf_adds(b, "\"/>\n");
			open = 0;
			continue;
		}
		x = L + step * (double)r + (s->nrows == 1 ? (W - L - R) / 2 : 0);
		y = T + (H - T - B) * (1 - value(s, r, col) / max);
		if (!open)
			buf_adds(b, "<polyline fill=\"none\" stroke=\"#3b82c4\" "
			    "stroke-width=\"2\" points=\"");
		buf_printf(b, "%s%.1f,%.1f", open ? " " : "", x, y);
		open = 1;
	}
	if (open)
		buf_adds(b, "\"/>\n");
	for (r = 0; r < s->nrows; r++) {
		x = L + step * (double)r + (s->nrows == 1 ? (W - L - R) / 2 : 0);
		if (rsec_cell(s, r, col) != NULL) {
			y = T + (H - T - B) * (1 - value(s, r, col) / max);
			buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			    "fill=\"#3b82c4\"/>", x, y);
		} else if (r == 0 || rsec_cell(s, r - 1, col) != NULL) {
			size_t e = r;
			double x1;

			/* No data is said once over its weeks, on a grey band, not drawn as 0. */
			while (e + 1 < s->nrows && rsec_cell(s, e + 1, col) == NULL)
				e++;
			x1 = L + step * (double)e + (s->nrows == 1 ? (W - L - R) / 2 : 0);
			buf_printf(b, "<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\" "
			    "fill=\"#eef2f6\"/><text x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\" fill=\"#5a6877\">", x - 6, T, x1 - x + 12,
			    H - T - B, (x + x1) / 2, T + (H - T - B) / 2);
			escs(b, _("no data"));
			buf_adds(b, "</text>");
		}
		if (r % every == 0 || r + 1 == s->nrows) {
			const char *l = rsec_cell(s, r, 0);

			buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">",
			    x, H - B + 16);
			/* "2026-W40" under every point overlaps: the week, and the year once. */
			if (l != NULL && strlen(l) == 8 && l[4] == '-' && l[5] == 'W' &&
			    r > 0 && r + 1 < s->nrows)
				escs(b, l + 5);
			else
				cell(b, l, s->types[0]);
			buf_adds(b, "</text>");
		}
		buf_adds(b, "\n");
	}
	buf_adds(b, "</svg>\n");
}

/* A few figures read as cards; a key-by-key list of many as a compact table in columns. */
#define CARDS_MAX 8

static void
cards(const struct rsection *s, struct buf *b)
{
	int c;

	if (render_ncols(s) > CARDS_MAX) {
		buf_adds(b, "<div class=\"kv\">\n");
		for (c = 0; c < render_ncols(s); c++) {
			buf_adds(b, "<div><span class=\"k\">");
			escs(b, render_col_label(s->cols[render_col(s, c)]));
			buf_adds(b, "</span><span class=\"v\">");
			cell(b, rsec_cell(s, 0, render_col(s, c)), s->types[render_col(s, c)]);
			buf_adds(b, "</span></div>\n");
		}
		buf_adds(b, "</div>\n");
		return;
	}
	buf_adds(b, "<div class=\"cards\">\n");
	for (c = 0; c < render_ncols(s); c++) {
		buf_adds(b, "<div class=\"card\"><div class=\"k\">");
		escs(b, render_col_label(s->cols[render_col(s, c)]));
		buf_adds(b, "</div><div class=\"v\">");
		cell(b, rsec_cell(s, 0, render_col(s, c)), s->types[render_col(s, c)]);
		buf_adds(b, "</div></div>\n");
	}
	buf_adds(b, "</div>\n");
}

static void
table(const struct rsection *s, struct buf *b)
{
	const char *v;
	char more[128];
	size_t r;
	int c, sc;

	if (s->nrows == 0) {
		buf_adds(b, "<p class=\"none\">");
		escs(b, _("(none)"));
		buf_adds(b, "</p>\n");
		return;
	}
	buf_adds(b, "<div class=\"tw\"><table>\n<thead><tr>");
	for (c = 0; c < render_ncols(s); c++) {
		buf_adds(b, "<th>");
		escs(b, render_col_label(s->cols[render_col(s, c)]));
		buf_adds(b, "</th>");
	}
	buf_adds(b, "</tr></thead>\n<tbody>\n");
	for (r = 0; r < render_nrows(s); r++) {
		/* An overdue row stands out as a whole, not only by its flag. */
		int late = 0;

		for (c = 0; c < s->ncols; c++)
			if (s->types[c] == RT_BOOL && strcmp(s->cols[c], "overdue") == 0 &&
			    rsec_cell(s, r, c) != NULL && strcmp(rsec_cell(s, r, c), "y") == 0)
				late = 1;
		buf_adds(b, late ? "<tr class=\"late\">" : "<tr>");
		for (c = 0; c < render_ncols(s); c++) {
			sc = render_col(s, c);
			v = rsec_cell(s, r, sc);
			/* An overdue flag is what the reader scans the table for. */
			if (s->types[sc] == RT_BOOL && v != NULL && strcmp(v, "y") == 0 &&
			    (strcmp(s->cols[sc], "overdue") == 0 || strcmp(s->cols[sc], "missed") == 0))
				buf_adds(b, "<td class=\"bad\">");
			else
				buf_adds(b, numeric(s->types[sc]) ? "<td class=\"n\">" : "<td>");
			cell(b, v, s->types[sc]);
			buf_adds(b, "</td>");
		}
		buf_adds(b, "</tr>\n");
	}
	buf_adds(b, "</tbody>\n</table></div>\n");
	if (render_more(s, more, sizeof(more)) != NULL) {
		buf_adds(b, "<p class=\"more\">");
		escs(b, more);
		buf_adds(b, "</p>\n");
	}
}

/* headline draws the headline figures as cards, the verdict by colour and by word. */
static void
headline(const struct report *r, struct buf *b)
{
	static const char *const cls[] = { "", " met", " missed" };
	size_t i;

	if (r->nhead == 0)
		return;
	buf_adds(b, "<section id=\"headline\">\n<h2>");
	escs(b, _("Headline"));
	buf_adds(b, "</h2>\n<div class=\"head\">\n");
	for (i = 0; i < r->nhead; i++) {
		const struct rheadline *h = &r->head[i];

		buf_printf(b, "<div class=\"hl%s\"><div class=\"k\">", cls[h->verdict]);
		escs(b, h->label);
		buf_adds(b, "</div><div class=\"v\">");
		escs(b, h->value);
		buf_adds(b, "</div>");
		if (h->verdict != RV_NONE) {
			/* The word and symbol carry the verdict in print, the colour on screen. */
			buf_adds(b, "<div class=\"t\"><span class=\"w\">");
			escs(b, render_verdict(h->verdict));
			buf_adds(b, "</span>");
			if (h->target != NULL) {
				char tgt[128];

				snprintf(tgt, sizeof(tgt), _("target: %s"), h->target);
				buf_adds(b, " &#183; ");
				escs(b, tgt);
			}
			buf_adds(b, "</div>");
		}
		if (h->detail != NULL) {
			buf_adds(b, "<div class=\"d\">");
			escs(b, h->detail);
			buf_adds(b, "</div>");
		}
		buf_adds(b, "</div>\n");
	}
	buf_adds(b, "</div>\n</section>\n");
}

static void
section(const struct rsection *s, struct buf *b)
{
	buf_adds(b, "<section id=\"");
	escs(b, s->name);
	buf_adds(b, "\">\n<h2>");
	escs(b, s->title);
	if (s->shape == RSH_COUNT)
		buf_printf(b, " (%zu)", s->nrows);
	buf_adds(b, "<code>");
	escs(b, s->name);
	buf_adds(b, "</code></h2>\n");
	if (s->note != NULL) {
		buf_adds(b, "<p class=\"note\">");
		escs(b, s->note);
		buf_adds(b, "</p>\n");
	}
	if (s->shape == RSH_FLAT || s->shape == RSH_RECORD) {
		cards(s, b);
	} else if (s->chart != RCH_NONE) {
		/* The chart to read at a glance, the table beside it for the figures. */
		buf_adds(b, "<div class=\"row\">\n");
		if (s->chart == RCH_BAR)
			bar_chart(s, b);
		else {
			line_chart(s, s->chart_col, b);
			if (s->chart_col2 > 0)
				line_chart(s, s->chart_col2, b);
		}
		table(s, b);
		buf_adds(b, "</div>\n");
	} else {
		table(s, b);
	}
	buf_adds(b, "</section>\n");
}

void
render_html(const struct report *r, const struct rsection *only, struct buf *b)
{
	size_t i;

	/* TRANSLATORS: the html lang attribute of a report in your language, e.g. zh-CN. */
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	escs(b, C_("html lang", "en"));
	buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
	escs(b, r->title);
	buf_adds(b, "</title>\n<style>\n");
	buf_adds(b, css);
	buf_adds(b, "</style>\n</head>\n<body>\n<h1>");
	escs(b, r->title);
	buf_adds(b, "</h1>\n");
	if (r->subtitle != NULL) {
		buf_adds(b, "<p class=\"sub\">");
		escs(b, r->subtitle);
		buf_adds(b, "</p>\n");
	}
	if (only == NULL)
		headline(r, b);
	for (i = 0; i < r->n; i++)
		if (only == NULL || r->s[i] == only)
			section(r->s[i], b);
	buf_adds(b, "</body>\n</html>\n");
}
