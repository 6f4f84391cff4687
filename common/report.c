/*
 * report.c - the table model of reports and the masking of customer
 * data; see report.h. Formats live in render.c and render_html.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "report.h"
#include "timefmt.h"

struct report *
report_new(const char *name, const char *title)
{
	struct report *r = xcalloc(1, sizeof(*r));

	r->name = name;
	/* Titles, subtitles and section headings are for people only (text, md, html). */
	r->title = report_strdup(r, *title ? _(title) : title);
	return r;
}

void
report_free(struct report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->s[i]->cells);
		free(r->s[i]);
	}
	free(r->s);
	free(r->head);
	arena_free(&r->a);
	free(r);
}

char *
report_strdup(struct report *r, const char *s)
{
	return arena_strndup(&r->a, s, strlen(s));
}

void
report_subtitle(struct report *r, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), _(fmt), ap);
	va_end(ap);
	r->subtitle = report_strdup(r, line);
}

void
report_headline(struct report *r, const char *label, const char *value,
    const char *target, enum rverdict verdict, const char *detail)
{
	struct rheadline *h;

	r->head = xrealloc(r->head, (r->nhead + 1) * sizeof(*r->head));
	h = &r->head[r->nhead++];
	h->label = report_strdup(r, label);
	h->value = report_strdup(r, value);
	h->target = target != NULL ? report_strdup(r, target) : NULL;
	h->verdict = verdict;
	h->detail = detail != NULL ? report_strdup(r, detail) : NULL;
}

void
report_today(struct report *r, rs_time t)
{
	char iso[TIME_ISO_MAX];

	time_format_iso(t, iso);
	snprintf(r->today, sizeof(r->today), "%.10s", iso);
}

void
rsec_show(struct rsection *s, const int *cols, int ncols, size_t max_rows)
{
	s->show = cols;
	s->nshow = ncols;
	s->show_max = max_rows;
}

struct rsection *
report_section(struct report *r, const char *name, const char *title, enum rshape shape,
    int ncols, const char *const *cols, const enum rtype *types)
{
	struct rsection *s = xcalloc(1, sizeof(*s));

	s->name = name;
	s->title = title && *title ? _(title) : title;
	s->shape = shape;
	s->ncols = ncols;
	/* The tables are static: the casts only drop the const of the array type. */
	s->cols = (const char **)cols;
	s->types = (enum rtype *)types;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->s = xrealloc(r->s, r->cap * sizeof(*r->s));
	}
	r->s[r->n++] = s;
	return s;
}

struct rsection *
report_find(const struct report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->s[i]->name, name) == 0)
			return r->s[i];
	return NULL;
}

void
rsec_row(struct rsection *s)
{
	size_t need = (s->nrows + 1) * (size_t)s->ncols, i;

	if (need > s->cap) {
		s->cap = need * 2;
		s->cells = xrealloc(s->cells, s->cap * sizeof(char *));
	}
	for (i = s->nrows * (size_t)s->ncols; i < need; i++)
		s->cells[i] = NULL;
	s->nrows++;
}

void
rsec_set(struct report *r, struct rsection *s, int col, const char *v)
{
	if (s->nrows == 0 || col < 0 || col >= s->ncols)
		return;
	s->cells[(s->nrows - 1) * (size_t)s->ncols + (size_t)col] =
	    v != NULL && *v != '\0' ? report_strdup(r, v) : NULL;
}

void
rsec_setf(struct report *r, struct rsection *s, int col, const char *fmt, ...)
{
	char v[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v, sizeof(v), fmt, ap);
	va_end(ap);
	rsec_set(r, s, col, v);
}

void
rsec_int(struct report *r, struct rsection *s, int col, long long v)
{
	rsec_setf(r, s, col, "%lld", v);
}

long long
round_div(long long num, long long den)
{
	/* Halves away from zero, in integers so no binary fraction decides. */
	if (num >= 0)
		return (2 * num + den) / (2 * den);
	return -((-2 * num + den) / (2 * den));
}

char *
fmt_ratio(long long num, long long den, long long scale, char *buf)
{
	long long tenths;

	if (den == 0)
		return NULL;
	tenths = round_div(num * scale * 10, den);
	snprintf(buf, 32, "%s%lld.%lld", tenths < 0 ? "-" : "",
	    (tenths < 0 ? -tenths : tenths) / 10, (tenths < 0 ? -tenths : tenths) % 10);
	return buf;
}

void
rsec_ratio(struct report *r, struct rsection *s, int col, long long num, long long den,
    long long scale)
{
	char buf[32];

	rsec_set(r, s, col, fmt_ratio(num, den, scale, buf));
}

void
rsec_time(struct report *r, struct rsection *s, int col, rs_time t)
{
	char buf[TIME_ISO_MAX];

	rsec_set(r, s, col, t == RS_TIME_NONE ? NULL : time_format_iso(t, buf));
}

void
rsec_minutes(struct report *r, struct rsection *s, int col, int64_t secs)
{
	char buf[32];

	rsec_set(r, s, col, time_format_minutes(secs, buf));
}

const char *
rsec_cell(const struct rsection *s, size_t row, int col)
{
	if (row >= s->nrows || col < 0 || col >= s->ncols)
		return NULL;
	return s->cells[row * (size_t)s->ncols + (size_t)col];
}

char *
pii_phone(const char *p, char *out, size_t outsz)
{
	char d[64];
	size_t n = 0, i, o = 0;

	for (; *p != '\0' && n + 1 < sizeof(d); p++)
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
	if (outsz == 0)
		return out;
	for (i = 0; i < n && o + 1 < outsz; i++) {
		/* Keep what a caller needs to recognise the number, no more. */
		int keep = n >= 8 ? (i < 3 || i + 4 >= n) : i + 2 >= n;

		out[o++] = keep ? d[i] : '*';
	}
	out[o] = '\0';
	return out;
}

char *
pii_name(const char *p, char *out, size_t outsz)
{
	size_t len, o = 0, first;
	const unsigned char *u = (const unsigned char *)p;

	if (outsz == 0)
		return out;
	out[0] = '\0';
	if (*p == '\0')
		return out;
	/* The first UTF-8 character: a lead byte and its continuation bytes. */
	for (first = 1; u[first] != '\0' && (u[first] & 0xc0) == 0x80; first++)
		;
	len = strlen(p);
	if (first >= len) {
		out[o++] = '*';
	} else {
		if (first < outsz)
			memcpy(out, p, first), o = first;
		for (u += first; *u != '\0' && o + 1 < outsz; u++)
			if ((*u & 0xc0) != 0x80)
				out[o++] = '*';
	}
	out[o] = '\0';
	return out;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * phone_run returns the length of the phone-like number at p, or 0: 7
 * digits or more, in groups joined by one space or hyphen where each
 * later group has 3 digits or more ("138-1234-5678", "0755 8888 1234"),
 * so that a date ("2026-11-25") is not a number.
 */
static size_t
phone_run(const char *p)
{
	size_t i = 0, digits = 0;

	for (;;) {
		while (is_digit(p[i]))
			i++, digits++;
		if ((p[i] == ' ' || p[i] == '-') && is_digit(p[i + 1]) && is_digit(p[i + 2]) &&
		    is_digit(p[i + 3]))
			i++;
		else
			break;
	}
	return digits >= 7 ? i : 0;
}

void
pii_text(const char *v, const char *name, struct buf *out)
{
	size_t nlen = name ? strlen(name) : 0, run, i = 0;
	char masked[128], num[128];
	int in_id = 0;

	/* A name of one character would mask that character everywhere. */
	if (nlen > 0) {
		pii_name(name, masked, sizeof(masked));
		if (strcmp(masked, "*") == 0)
			nlen = 0;
	}
	while (v[i] != '\0') {
		if (nlen > 0 && strncmp(v + i, name, nlen) == 0) {
			buf_adds(out, pii_name(name, masked, sizeof(masked)));
			i += nlen;
			continue;
		}
		/* "RS-2026..." or "P017": digits right after a letter (or a letter and a hyphen) are an id's. */
		if (is_digit(v[i]) && !in_id && (run = phone_run(v + i)) > 0 &&
		    run < sizeof(num)) {
			memcpy(num, v + i, run);
			num[run] = '\0';
			buf_adds(out, pii_phone(num, masked, sizeof(masked)));
			i += run;
			continue;
		}
		in_id = ((v[i] >= 'A' && v[i] <= 'Z') || (v[i] >= 'a' && v[i] <= 'z')) ||
		    (v[i] == '-' && in_id) || (in_id && is_digit(v[i]));
		buf_addc(out, v[i]);
		i++;
	}
}

const char *const rformat_names[] = { "text", "md", "html", "json", "tsv", "csv", NULL };

int
rformat_parse(const char *s, enum rformat *f)
{
	int i;

	for (i = 0; rformat_names[i] != NULL; i++)
		if (strcmp(s, rformat_names[i]) == 0) {
			*f = (enum rformat)i;
			return 0;
		}
	/* The lists' name for the terminal format. */
	if (strcmp(s, "table") == 0) {
		*f = RF_TEXT;
		return 0;
	}
	return -1;
}
