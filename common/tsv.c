/* tsv.c - the TSV value escapes of SPEC 3.1; see tsv.h. */
#include <string.h>

#include "buf.h"
#include "tsv.h"

void
tsv_escape(struct buf *out, const char *p, size_t n)
{
	size_t i, start = 0;
	char esc;

	buf_grow(out, n);
	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\r': esc = 'r'; break;
		case '\\': esc = '\\'; break;
		default: continue;
		}
		buf_add(out, p + start, i - start);
		buf_addc(out, '\\');
		buf_addc(out, esc);
		start = i + 1;
	}
	buf_add(out, p + start, n - start);
}

size_t
tsv_unescape_inplace(char *p, size_t n)
{
	char *bs = memchr(p, '\\', n);
	size_t i, j;

	if (bs == NULL) {
		p[n] = '\0';
		return n;
	}
	for (i = j = (size_t)(bs - p); i < n; i++) {
		if (p[i] == '\\' && i + 1 < n) {
			switch (p[i + 1]) {
			case 't': p[j++] = '\t'; i++; continue;
			case 'n': p[j++] = '\n'; i++; continue;
			case 'r': p[j++] = '\r'; i++; continue;
			case '\\': p[j++] = '\\'; i++; continue;
			}
		}
		p[j++] = p[i];
	}
	p[j] = '\0';
	return j;
}
