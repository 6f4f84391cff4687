/*
 * fuzz_schema.c - libFuzzer harness: schema_check_value for every column
 * of every schema (schema.c), and schema_check_row on a row built from
 * the input split on tabs for the schema the first byte picks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "row.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	(void)schema_check_row(s, &row, msg, sizeof(msg));
	free(copy);
	return 0;
}
