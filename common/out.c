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
#include "tsv.h"
#include "utf8.h"

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

static void
write_table(struct out *o)
{
	size_t *width = xcalloc((size_t)o->n + 1, sizeof(size_t)), r, rows, w, k;
	int i;

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
	for (r = 0; r < rows; r++) {
		for (i = 0; i < o->n; i++) {
			const char *c = o->cells[r * o->n + i];

			buf_adds(&o->line, c);
			if (i + 1 < o->n) {
				/* Pad by display width: a CJK character takes two columns. */
				w = utf8_width(c, strlen(c));
				for (k = w; k < width[i] + 2; k++)
					buf_addc(&o->line, ' ');
			}
		}
		while (o->line.len > 0 && o->line.p[o->line.len - 1] == ' ')
			o->line.len--;
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
	free(o->names);
	free(o->types);
	buf_free(&o->line);
	free(o);
}
