/*
 * fuzz_schema.c - libFuzzer harness: schema_check_value for every column
 * of every schema (schema.c), and schema_check_row on a row built from
 * the input split on tabs for the schema the first byte picks; the read
 * path's compiled check (rowcheck.c) must give that row the same verdict,
 * message and column, with and without the reader's "clean" flag.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "row.h"
#include "rowcheck.h"
#include "schema.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* clean says what the reader would: no control byte, no bad UTF-8, C1 or bidi control. */
static int
clean(const struct row *r)
{
	size_t k;
	int i;

	for (i = 0; i < r->n; i++) {
		for (k = 0; k < r->len[i]; k++)
			if ((unsigned char)r->v[i][k] < 0x20 || r->v[i][k] == 0x7F)
				return 0;
		if (utf8_scan(r->v[i], r->len[i]) != 0)
			return 0;
	}
	return 1;
}

/* same_verdict aborts unless the compiled check agrees with schema_check_row's rc and row. */
static void
same_verdict(struct rowcheck *plan, const struct row *want, int rc, int flag)
{
	struct row r = *want;
	char msg[256];
	int64_t ts;
	int got;

	r.problem = NULL;
	r.problem_col = -1;
	got = rowcheck_row(plan, &r, flag, &ts, msg, sizeof(msg));
	if (got != rc || (rc != 0 && (r.problem_col != want->problem_col ||
	    strcmp(r.problem, want->problem) != 0)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char msg[256], *copy, *p, *tab;
	char *v[64];
	size_t len[64];
	struct row row;
	const struct schema *s;
	int k, i, nsch = 0;
	const char *m;

	if (size < 1 || size > 4096)
		return 0;
	while (schema_all[nsch])
		nsch++;
	copy = malloc(size + 1);
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	if (size > 1)	/* values must not be empty */
		for (k = 0; k < nsch; k++)
			for (i = 0; i < schema_all[k]->n; i++) {
				m = schema_check_value(&schema_all[k]->cols[i], copy, size - 1, msg, sizeof(msg));
				if (m && strlen(m) >= sizeof(msg))
					abort();
			}
	/* a whole row for one schema */
	s = schema_all[data[0] % nsch];
	memset(&row, 0, sizeof(row));
	p = copy;
	for (i = 0; i < 64; i++) {
		v[i] = p;
		tab = memchr(p, '\t', (size_t)(copy + size - 1 - p));
		if (tab == NULL) {
			len[i] = (size_t)(copy + size - 1 - p);
			i++;
			break;
		}
		*tab = '\0';
		len[i] = (size_t)(tab - p);
		p = tab + 1;
	}
	row.n = i;
	row.v = v;
	row.len = len;
	row.line = 2;
	row.problem_col = -1;
	row.file = "fuzz.tsv";
	{
		static struct rowcheck *plans[16];
		int rc = schema_check_row(s, &row, msg, sizeof(msg));
		int which = data[0] % nsch;

		if (which >= 16)
			abort();
		if (plans[which] == NULL)
			plans[which] = rowcheck_new(s);
		same_verdict(plans[which], &row, rc, 0);
		if (clean(&row))
			same_verdict(plans[which], &row, rc, 1);
	}
	free(copy);
	return 0;
}
