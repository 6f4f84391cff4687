/*
 * t_rowcheck.c - unit tests of common/rowcheck.c: the read path's row
 * check must give schema_check_row's verdict and message for every row.
 * Real rows of the sample journals are taken one column at a time
 * through a catalogue of edge values, in an order that walks the quick
 * paths' caches (same date, other date, bad value after a good one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "reader.h"
#include "row.h"
#include "rowcheck.h"
#include "schema.h"
#include "unit.h"
#include "utf8.h"

static const char *const edge[] = {
	"", "0", "1", "-1", "9", "10", "00", "0000", "99999999999999999999", "1e999", "NaN",
	"-0", "+1", "1.", ".5", "1.5", "12.345", "370.00", "370.001", "-370.00", "90", "89.99999",
	"90.0", "-90", "90.1", "179.9", "180", "180.0001", "-180",
	"2026-11-22T10:00:00+08:00", "2026-11-22T10:00:01+08:00", "2026-11-22T23:59:59+08:00",
	"2026-11-22T24:00:00+08:00", "2026-11-22T10:60:00+08:00", "2026-11-22T10:00:60+08:00",
	"2026-11-22T10:00:00+14:00", "2026-11-22T10:00:00+14:01", "2026-11-22T10:00:00-03:30",
	"2026-11-22T10:00:00Z", "2026-11-22t10:00:00+08:00", "2026-11-22 10:00:00+08:00",
	"2026-11-22T10:00+08:00", "2026-02-29T10:00:00+08:00", "2024-02-29T10:00:00+08:00",
	"2026-11-23T10:00:00+08:00", "2026-11-22T1a:00:00+08:00", "2026-11-22T10:00:00+0800",
	"1969-12-31T23:59:59+08:00", "2039-01-01T00:00:00+08:00",
	"RS-20261122-0001", "RS-20261122-0002", "RS-20261122-0000", "RS-20261122-00001",
	"RS-20261122-10000", "RS-20261123-0001", "RS-20261322-0001", "RS-2026112-0001",
	"CP-20261122-0001", "CP-20261122-000a", "RS_20261122-0001", "P001", "P-01_x", "P 01",
	"y", "n", "Y", "yes", "phone", "app", "tow", "assigned", "assigned ", "reached",
	"no-answer", "13812345678", "+86 138-1234-5678", "138", "12", "粤B12345", "粤B 12345",
	"王小明", "a\tb", "a\nb", "a\rb", "a\x1b[31mb", "\xe2\x80\xae" "abc", "\xc3\x28",
	"\xc2\x85", "ok text", "2026-11-22", "2026-02-30", "service", "complaint",
	"retrain,fine", "retrain,,fine", "x,retrain", "B", "AB", "ABCDEFGHIJKL", "ABCDEFGHIJKLM",
	"粤B·12345", "粤BＡ1234", "粤B\xc2\xa0" "12345", "粤B\xe3\x80\x80" "12345", "粤", "粤粤粤粤粤粤粤粤粤粤粤粤粤",
	"+8613812345678", "138 1234 5678", " 138", "12345678901234567890", "123456789012345678901",
};

#define NEDGE (sizeof(edge) / sizeof(edge[0]))

/* verdict is "OK" or "col N: problem" for comparing the two checks. */
static void
verdict(struct buf *b, int rc, const struct row *r)
{
	buf_reset(b);
	if (rc == 0)
		buf_adds(b, "OK");
	else
		buf_printf(b, "col %d: %s", r->problem_col, r->problem);
}

/*
 * clean_row says what the reader would: no control byte and no bad
 * UTF-8, C1 or bidi control in any value (reader_row_clean).
 */
static int
clean_row(char **v, size_t *len, int n)
{
	size_t k;
	int i;

	for (i = 0; i < n; i++) {
		for (k = 0; k < len[i]; k++)
			if ((unsigned char)v[i][k] < 0x20 || v[i][k] == 0x7F)
				return 0;
		if (utf8_scan(v[i], len[i]) != 0)
			return 0;
	}
	return 1;
}

/* check_both runs both checks on the same values; returns 1 if they agree. */
static int
check_both(const struct schema *s, struct rowcheck *rc, char **v, size_t *len, int n,
    struct buf *a, struct buf *b)
{
	struct row r1, r2;
	char m1[1024], m2[1024];
	int64_t ts;
	int x, y;

	memset(&r1, 0, sizeof(r1));
	r1.n = n;
	r1.v = v;
	r1.len = len;
	r2 = r1;
	x = schema_check_row(s, &r1, m1, sizeof(m1));
	verdict(a, x, &r1);
	y = rowcheck_row(rc, &r2, 0, &ts, m2, sizeof(m2));
	verdict(b, y, &r2);
	if (strcmp(a->p, b->p) != 0)
		return 0;
	/* And with the reader's "clean" where it would say so. */
	if (!clean_row(v, len, n))
		return 1;
	r2 = r1;
	r2.problem = NULL;
	y = rowcheck_row(rc, &r2, 1, &ts, m2, sizeof(m2));
	verdict(b, y, &r2);
	return strcmp(a->p, b->p) == 0;
}

static void
sweep_journal(const char *name)
{
	const struct schema *s = schema_find(name);
	struct rowcheck *rc = rowcheck_new(s);
	struct buf path = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct reader *rd;
	struct rs_err e;
	struct row row;
	char **v = calloc((size_t)s->n, sizeof(*v));
	size_t *len = calloc((size_t)s->n, sizeof(*len)), k;
	int rows = 0, mismatches = 0, c, i;

	buf_printf(&path, "samples/journal/%s.tsv", name);
	rd = reader_open(path.p, READER_TSV, &e);
	T_OK(rd != NULL);
	if (rd == NULL || reader_next(rd, &row, &e) != 1)	/* the header */
		goto out;
	while (rows < 40 && reader_next(rd, &row, &e) == 1) {
		if (row.n != s->n)
			continue;
		rows++;
		/* Good rows first: both say OK, and the caches fill. */
		for (i = 0; i < s->n; i++) {
			v[i] = strdup(row.v[i]);
			len[i] = row.len[i];
		}
		if (!check_both(s, rc, v, len, s->n, &a, &b) && mismatches++ < 5)
			T_STR(b.p, a.p);
		for (c = 0; c < s->n; c++) {
			char *keep = v[c];
			size_t keeplen = len[c];

			for (k = 0; k < NEDGE; k++) {
				v[c] = (char *)edge[k];
				len[c] = strlen(edge[k]);
				if (!check_both(s, rc, v, len, s->n, &a, &b) && mismatches++ < 5)
					T_STR(b.p, a.p);
			}
			v[c] = keep;
			len[c] = keeplen;
		}
		for (i = 0; i < s->n; i++)
			free(v[i]);
	}
	/* The wrong number of fields. */
	v[0] = (char *)"x";
	len[0] = 1;
	T_OK(check_both(s, rc, v, len, 1, &a, &b));
	T_INT(rows, 40);
	T_INT(mismatches, 0);
out:
	reader_free(rd);
	rowcheck_free(rc);
	free(v);
	free(len);
	buf_free(&path);
	buf_free(&a);
	buf_free(&b);
}

void
t_rowcheck(void)
{
	sweep_journal("cases");
	sweep_journal("dispatch");
	sweep_journal("complaints");
	sweep_journal("callbacks");
	sweep_journal("providers");
}
