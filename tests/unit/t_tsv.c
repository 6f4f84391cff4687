/* t_tsv.c - unit tests of common/tsv.c: the TSV value escapes of SPEC 3.1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tsv.h"
#include "unit.h"

/* esc returns the escaped form of p[0..n) in a static buffer. */
static struct buf esc_buf;

static const char *
esc(const char *p, size_t n)
{
	buf_reset(&esc_buf);
	tsv_escape(&esc_buf, p, n);
	if (esc_buf.p == NULL)
		buf_adds(&esc_buf, "");
	return esc_buf.p;
}

/* unesc unescapes s into a static buffer; *n gets the length. */
static const char *
unesc(const char *s, size_t *n)
{
	static char tmp[256];
	size_t k = strlen(s);

	memcpy(tmp, s, k);
	memset(tmp + k, 'Z', sizeof(tmp) - k);	/* no accidental NUL after */
	*n = tsv_unescape_inplace(tmp, k);
	return tmp;
}

static void
test_escape(void)
{
	struct buf b = BUF_INIT;

	T_STR(esc("", 0), "");
	T_STR(esc("plain text", 10), "plain text");
	T_STR(esc("\t", 1), "\\t");
	T_STR(esc("\n", 1), "\\n");
	T_STR(esc("\r", 1), "\\r");
	T_STR(esc("\\", 1), "\\\\");
	T_STR(esc("a\tb\nc\rd\\e", 9), "a\\tb\\nc\\rd\\\\e");
	T_STR(esc("\t\t", 2), "\\t\\t");
	T_STR(esc("\\n", 2), "\\\\n");	/* a literal backslash-n stays that */
	T_STR(esc("end\\", 4), "end\\\\");
	T_STR(esc("x\r\n", 3), "x\\r\\n");
	/* Other bytes, control characters included, pass unchanged. */
	T_STR(esc("\x1b[0m\x7f", 5), "\x1b[0m\x7f");
	T_STR(esc("粤B·D12345", strlen("粤B·D12345")), "粤B·D12345");
	/* Only n bytes are read. */
	T_STR(esc("abc\tdef", 3), "abc");

	/* tsv_escape appends. */
	buf_adds(&b, "pre:");
	tsv_escape(&b, "a\tb", 3);
	tsv_escape(&b, "", 0);
	tsv_escape(&b, "\\", 1);
	T_STR(b.p, "pre:a\\tb\\\\");
	T_INT(b.len, 10);
	buf_free(&b);

	/* A NUL byte passes through (readers reject it, not the escaper). */
	buf_reset(&b);
	tsv_escape(&b, "a\0\tb", 4);
	T_MEM(b.p, b.len, "a\0\\tb", 5);
	buf_free(&b);
}

static void
test_unescape(void)
{
	size_t n;
	const char *p;
	char buf[16];

	p = unesc("", &n);
	T_INT(n, 0);
	T_STR(p, "");
	p = unesc("plain", &n);
	T_INT(n, 5);
	T_STR(p, "plain");	/* NUL-terminated even without a backslash */
	p = unesc("a\\tb", &n);
	T_INT(n, 3);
	T_STR(p, "a\tb");
	p = unesc("\\n", &n);
	T_INT(n, 1);
	T_STR(p, "\n");
	p = unesc("\\r", &n);
	T_STR(p, "\r");
	p = unesc("\\\\", &n);
	T_INT(n, 1);
	T_STR(p, "\\");
	p = unesc("a\\tb\\nc\\rd\\\\e", &n);
	T_INT(n, 9);
	T_STR(p, "a\tb\nc\rd\\e");
	/* "\\n" is a backslash and an n, not a newline. */
	p = unesc("\\\\n", &n);
	T_INT(n, 2);
	T_STR(p, "\\n");
	p = unesc("\\\\\\n", &n);
	T_STR(p, "\\\n");

	/* Unknown escapes are kept as they are. */
	p = unesc("\\x", &n);
	T_INT(n, 2);
	T_STR(p, "\\x");
	p = unesc("a\\0b\\u202e", &n);
	T_STR(p, "a\\0b\\u202e");
	p = unesc("\\T\\N", &n);
	T_STR(p, "\\T\\N");
	p = unesc("\\ \\", &n);
	T_STR(p, "\\ \\");

	/* A trailing lone backslash is kept. */
	p = unesc("abc\\", &n);
	T_INT(n, 4);
	T_STR(p, "abc\\");
	p = unesc("\\", &n);
	T_INT(n, 1);
	T_STR(p, "\\");
	p = unesc("\\\\\\", &n);	/* \\ then a lone \ */
	T_INT(n, 2);
	T_STR(p, "\\\\");
	p = unesc("\\t\\", &n);
	T_STR(p, "\t\\");

	/* Only n bytes are looked at: a backslash at n-1 is trailing. */
	memcpy(buf, "ab\\tcd", 7);
	n = tsv_unescape_inplace(buf, 3);
	T_INT(n, 3);
	T_STR(buf, "ab\\");
	memcpy(buf, "ab\\tcd", 7);
	n = tsv_unescape_inplace(buf, 4);
	T_INT(n, 3);
	T_STR(buf, "ab\t");

	/* UTF-8 around escapes is untouched. */
	p = unesc("张\\t三", &n);
	T_STR(p, "张\t三");
	T_INT(n, 7);
}

static void
test_round_trip(void)
{
	struct buf b = BUF_INIT;
	char orig[600], *copy;
	size_t n, i, k, got;
	int iter, bad = 0, raw = 0;
	unsigned seed = 12345;

	for (iter = 0; iter < 3000; iter++) {
		n = (size_t)(iter % 300);
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* Bias towards the special bytes so they meet each other. */
			switch ((seed >> 16) % 8) {
			case 0: orig[i] = '\\'; break;
			case 1: orig[i] = "\t\n\r"[(seed >> 8) % 3]; break;
			case 2: orig[i] = (char)"tnr\\x"[(seed >> 8) % 5]; break;
			default: orig[i] = (char)(1 + (seed >> 9) % 255); break;
			}
		}
		buf_reset(&b);
		tsv_escape(&b, orig, n);
		if (b.p == NULL)
			buf_adds(&b, "");
		/* The escaped form holds no tab, LF or CR. */
		for (k = 0; k < b.len; k++)
			if (b.p[k] == '\t' || b.p[k] == '\n' || b.p[k] == '\r')
				raw++;
		copy = xmalloc(b.len + 1);
		memcpy(copy, b.p, b.len);
		got = tsv_unescape_inplace(copy, b.len);
		if (got != n || memcmp(copy, orig, n) != 0 || copy[got] != '\0')
			bad++;
		free(copy);
	}
	T_INT(raw, 0);
	T_INT(bad, 0);

	/* Every byte value 1..255 in one string. */
	for (i = 0; i < 255; i++)
		orig[i] = (char)(i + 1);
	buf_reset(&b);
	tsv_escape(&b, orig, 255);
	T_INT(b.len, 259);	/* four bytes gain a backslash */
	copy = xmalloc(b.len + 1);
	memcpy(copy, b.p, b.len);
	got = tsv_unescape_inplace(copy, b.len);
	T_MEM(copy, got, orig, 255);
	free(copy);
	buf_free(&b);
}

void
t_tsv(void)
{
	test_escape();
	test_unescape();
	test_round_trip();
	buf_free(&esc_buf);
}
