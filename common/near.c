/* near.c - the known name nearest to a mistyped one; see near.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "near.h"

size_t
near_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d, best;
	size_t *base, *row, *prev, *prev2, *t;

	/* Three rows of the table: the swap of two neighbours looks two back. */
	base = row = xcalloc(3 * (lb + 1), sizeof(*row));
	prev = row + lb + 1;
	prev2 = prev + lb + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			best = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if ((d = prev[j] + 1) < best)
				best = d;
			if ((d = row[j - 1] + 1) < best)
				best = d;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    (d = prev2[j - 2] + 1) < best)
				best = d;
			row[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = row;
		row = t;
	}
	d = prev[lb];
	free(base);
	return d;
}

const char *
near_pick(const char *word, const char *const *names, long n)
{
	const char *best = NULL, *prefix = NULL;
	size_t d, bestd = (size_t)-1, len = strlen(word);
	long i;
	int nprefix = 0;

	if (len == 0)
		return NULL;
	for (i = 0; n < 0 ? names[i] != NULL : i < n; i++) {
		if (names[i] == NULL)
			continue;
		if (strncmp(names[i], word, len) == 0) {
			prefix = names[i];
			nprefix++;
		}
		d = near_distance(word, names[i]);
		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	if (best != NULL && bestd <= (strlen(best) <= 4 ? 1u : 2u) && bestd < len)
		return best;
	return nprefix == 1 ? prefix : NULL;
}
