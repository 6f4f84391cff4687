/*
 * render_data.c - the machine formats of reports: JSON, TSV and CSV
 * (see render.h). Values go out as the report holds them (full times,
 * enum words untranslated) under their column keys, for jq, mlr and
 * spreadsheets; the formats for people are in render.c.
 */
#include <string.h>

#include "buf.h"
#include "csvio.h"
#include "out.h"
#include "render.h"
#include "report.h"
#include "tsv.h"

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
	if (render_is_number_type(t) && out_json_number(b, v, strlen(v)))
		return;
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

/*
 * json_nested moves the object just written for section i back over its
 * closing brace and adds the sections after it that nest in it (SPEC
 * 10's compensation: {total, by_remedy, by_responsible}).
 */
static void
json_nested(const struct report *r, size_t i, struct buf *b)
{
	size_t j;
	int empty;

	if (i + 1 >= r->n || r->s[i + 1]->nest == NULL || b->len == 0 || b->p[b->len - 1] != '}')
		return;
	b->len--;
	empty = b->len > 0 && b->p[b->len - 1] == '{';
	for (j = i + 1; j < r->n && r->s[j]->nest != NULL; j++) {
		buf_adds(b, empty ? "" : ", ");
		empty = 0;
		json_key(b, r->s[j]->nest);
		json_section(r->s[j], b);
	}
	buf_addc(b, '}');
}

void
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
		if (s->nest != NULL)
			continue;	/* written inside the section it follows */
		buf_adds(b, first ? "  " : ",\n  ");
		first = 0;
		json_key(b, s->name);
		if (s->shape == RSH_COUNT) {
			buf_printf(b, "%zu,\n  ", s->nrows);
			buf_printf(b, "\"%s_list\": ", s->name);
		}
		json_section(s, b);
		json_nested(r, i, b);
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
				    (s->types[c] == RT_TEXT || s->types[c] == RT_DETAILS) &&
				    !(flags & RF_RAW));
			else
				tsv_escape(b, v, strlen(v));
		}
		buf_adds(b, csv ? "\r\n" : "\n");
	}
}


void
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
