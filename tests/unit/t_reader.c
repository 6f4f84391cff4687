/*
 * t_reader.c - unit tests of common/reader.c (with gz.c and csvio.c
 * underneath): TSV splitting, CRLF, BOM, torn lines, NUL and UTF-8
 * checks, unescaping, line numbers and offsets, big lines, gzip (plain,
 * multi-member, truncated, corrupt), reading from an fd at an offset,
 * CSV by name and by sniffing.
 *
 * Rows are rendered as text, one line per row:
 *   LINE@OFFSET#N:v1|v2[ !PROBLEM@COL][ T]
 * with \, |, tab, LF, CR, NUL and other C0 bytes in values escaped, so
 * one check shows a whole parse.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "buf.h"
#include "err.h"
#include "reader.h"
#include "row.h"
#include "unit.h"

static char dir[64];
static struct buf R;		/* the last rendering */

static void
render_row(struct buf *out, const struct row *r)
{
	size_t k;
	int i;
	unsigned char c;

	buf_printf(out, "%ld@%lld#%d:", r->line, r->offset, r->n);
	for (i = 0; i < r->n; i++) {
		if (i)
			buf_addc(out, '|');
		for (k = 0; k < r->len[i]; k++) {
			c = (unsigned char)r->v[i][k];
			switch (c) {
			case '\\': buf_adds(out, "\\\\"); break;
			case '|': buf_adds(out, "\\|"); break;
			case '\t': buf_adds(out, "\\t"); break;
			case '\n': buf_adds(out, "\\n"); break;
			case '\r': buf_adds(out, "\\r"); break;
			case '\0': buf_adds(out, "\\0"); break;
			default:
				if (c < 0x20 || c == 0x7f)
					buf_printf(out, "\\x%02x", c);
				else
					buf_addc(out, (char)c);
			}
		}
		if (r->v[i][r->len[i]] != '\0')
			buf_adds(out, "<no NUL>");
	}
	if (r->problem)
		buf_printf(out, " !%s@%d", r->problem, r->problem_col);
	if (r->torn)
		buf_adds(out, " T");
	buf_addc(out, '\n');
}

/* render_all reads every row of r into R; an error ends it with "ERR code where: msg". */
static const char *
render_all(struct reader *r)
{
	struct rs_err e;
	struct row row;
	int got;

	buf_reset(&R);
	buf_adds(&R, "");
	err_clear(&e);
	while ((got = reader_next(r, &row, &e)) == 1)
		render_row(&R, &row);
	if (got < 0)
		buf_printf(&R, "ERR %d %s: %s\n", e.code, e.where, e.msg);
	/* The end stays the end. */
	else if (reader_next(r, &row, &e) != 0)
		buf_adds(&R, "MORE AFTER END\n");
	return R.p;
}

static char *
path_of(const char *name)
{
	static char p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static const char *
put_file(const char *name, const void *data, size_t n)
{
	const char *p = path_of(name);
	FILE *fp = fopen(p, "wb");

	if (fp == NULL || fwrite(data, 1, n, fp) != n || fclose(fp) != 0) {
		fprintf(stderr, "t_reader: cannot write %s\n", p);
		exit(1);
	}
	return p;
}

static const char *
put_gz(const char *name, const char *mode, const void *data, size_t n)
{
	const char *p = path_of(name);
	gzFile g = gzopen(p, mode);

	if (g == NULL || (n > 0 && gzwrite(g, data, (unsigned)n) != (int)n) || gzclose(g) != Z_OK) {
		fprintf(stderr, "t_reader: cannot write %s\n", p);
		exit(1);
	}
	return p;
}

/* read_file opens name in dir with kind and renders it; an open error is "OPEN code where: msg". */
static const char *
read_file(const char *name, enum reader_kind kind)
{
	struct rs_err e;
	struct reader *r;

	err_clear(&e);
	r = reader_open(path_of(name), kind, &e);
	if (r == NULL) {
		buf_reset(&R);
		buf_printf(&R, "OPEN %d %s: %s\n", e.code, e.where, e.msg);
		return R.p;
	}
	render_all(r);
	reader_free(r);
	return R.p;
}

/* read_data writes data to name and renders it. */
static const char *
read_data(const char *name, const char *data, size_t n, enum reader_kind kind)
{
	put_file(name, data, n);
	return read_file(name, kind);
}

#define RD(name, lit) read_data(name, lit, sizeof(lit) - 1, READER_AUTO)

/* read_pipe feeds data (< 64 KB) through a pipe, read with name and kind. */
static const char *
read_pipe(const char *name, const char *data, size_t n, enum reader_kind kind)
{
	int fds[2];
	struct rs_err e;
	struct reader *r;

	if (pipe(fds) < 0 || write(fds[1], data, n) != (ssize_t)n) {
		fprintf(stderr, "t_reader: pipe failed\n");
		exit(1);
	}
	close(fds[1]);
	r = reader_open_fd(fds[0], name, kind, 0, &e);
	if (r == NULL) {
		buf_reset(&R);
		buf_printf(&R, "OPEN %d %s: %s\n", e.code, e.where, e.msg);
	} else {
		render_all(r);
		reader_free(r);
	}
	close(fds[0]);
	return R.p;
}

static void
test_split(void)
{
	T_STR(RD("a.tsv", "a\tb\tc\n1\t2\t3\n\t\t\n\nlast\n"),
	    "1@0#3:a|b|c\n"
	    "2@6#3:1|2|3\n"
	    "3@12#3:||\n"
	    "4@15#1:\n"
	    "5@16#1:last\n");
	/* Spaces are data; nothing is trimmed. */
	T_STR(RD("a.tsv", " a \t b\t\n"), "1@0#3: a | b|\n");
	/* An empty file has no rows. */
	T_STR(RD("a.tsv", ""), "");
	T_STR(RD("a.tsv", "\n"), "1@0#1:\n");
	/* Many fields (more than the initial 64 slots). */
	{
		struct buf b = BUF_INIT, want = BUF_INIT;
		int i;

		buf_adds(&want, "1@0#200:");
		for (i = 0; i < 200; i++) {
			buf_printf(&b, "%s%d", i ? "\t" : "", i);
			buf_printf(&want, "%s%d", i ? "|" : "", i);
		}
		buf_addc(&b, '\n');
		buf_addc(&want, '\n');
		T_STR(read_data("wide.tsv", b.p, b.len, READER_AUTO), want.p);
		buf_free(&b);
		buf_free(&want);
	}
}

static void
test_crlf(void)
{
	T_STR(RD("c.tsv", "a\tb\r\nc\td\r\n\r\nx\ry\n"),
	    "1@0#2:a|b\n"
	    "2@5#2:c|d\n"
	    "3@10#1:\n"
	    "4@12#1:x\\ry\n");
	/* Only the CR right before the LF goes. */
	T_STR(RD("c.tsv", "a\r\tb\r\r\n"), "1@0#2:a\\r|b\\r\n");
	/* Mixed line ends. */
	T_STR(RD("c.tsv", "1\n2\r\n3\n"), "1@0#1:1\n2@2#1:2\n3@5#1:3\n");
}

static void
test_bom(void)
{
	T_STR(RD("b.tsv", "\xEF\xBB\xBFh1\th2\nx\ty\n"), "1@3#2:h1|h2\n2@9#2:x|y\n");
	T_STR(RD("b.tsv", "\xEF\xBB\xBF"), "");
	T_STR(RD("b.tsv", "\xEF\xBB\xBF\n"), "1@3#1:\n");
	/* Only at the start: a BOM on a later line is data. */
	T_STR(RD("b.tsv", "h\n\xEF\xBB\xBFx\n"), "1@0#1:h\n2@2#1:\xEF\xBB\xBFx\n");
	/*
	 * The BOM check is for the first bytes of the stream only, however
	 * the reads split them: when a pipe delivers "a\n" first, a U+FEFF
	 * starting line 2 is data, at offset 2. (Once the check waited for 3
	 * buffered bytes, ran on line 2 and dropped its U+FEFF.)
	 */
	{
		int fds[2];
		struct rs_err e;
		struct reader *r;
		struct row row;

		if (pipe(fds) < 0 || write(fds[1], "a\n", 2) != 2)
			exit(1);
		r = reader_open_fd(fds[0], "pipe", READER_TSV, 0, &e);
		T_INT(reader_next(r, &row, &e), 1);
		T_STR(row.v[0], "a");
		if (write(fds[1], "\xEF\xBB\xBF" "b\n", 5) != 5)
			exit(1);
		close(fds[1]);
		T_INT(reader_next(r, &row, &e), 1);
		T_STR(row.v[0], "\xEF\xBB\xBF" "b");
		T_INT(row.offset, 2);
		T_INT(reader_next(r, &row, &e), 0);
		reader_free(r);
		close(fds[0]);
	}
	/* A BOM through a pipe at the start is skipped. */
	{
		int fds[2];
		struct rs_err e;
		struct reader *r;
		struct row row;

		if (pipe(fds) < 0 || write(fds[1], "\xEF\xBB", 2) != 2)
			exit(1);
		r = reader_open_fd(fds[0], "pipe", READER_TSV, 0, &e);
		if (write(fds[1], "\xBFq\tr\n", 5) != 5)
			exit(1);
		close(fds[1]);
		T_INT(reader_next(r, &row, &e), 1);
		T_INT(row.n, 2);
		T_STR(row.v[0], "q");
		T_INT(row.offset, 3);
		reader_free(r);
		close(fds[0]);
	}
}

static void
test_torn(void)
{
	struct rs_err e;
	struct reader *r;
	struct row row;

	T_STR(RD("t.tsv", "a\tb\nc\td"),
	    "1@0#2:a|b\n"
	    "2@4#2:c|d !torn last line (no newline at the end)@-1 T\n");
	T_STR(RD("t.tsv", "abc"), "1@0#1:abc !torn last line (no newline at the end)@-1 T\n");
	/* A good row after a torn one resets the flags. */
	put_file("t.tsv", "x\ny", 3);
	r = reader_open(path_of("t.tsv"), READER_AUTO, &e);
	T_INT(reader_next(r, &row, &e), 1);
	T_INT(row.torn, 0);
	T_OK(row.problem == NULL);
	T_INT(row.problem_col, -1);
	T_STR(row.file, path_of("t.tsv"));
	T_INT(reader_next(r, &row, &e), 1);
	T_INT(row.torn, 1);
	T_STR(row.problem, "torn last line (no newline at the end)");
	T_INT(row.line, 2);
	T_INT(reader_next(r, &row, &e), 0);
	T_INT(reader_next(r, &row, &e), 0);
	reader_free(r);
}

static void
test_nul_utf8(void)
{
	T_STR(RD("n.tsv", "a\tb\0c\td\n"), "1@0#3:a|b\\0c|d !NUL byte@1\n");
	T_STR(RD("n.tsv", "x\n\0\nok\n"), "1@0#1:x\n2@2#1:\\0 !NUL byte@0\n3@4#1:ok\n");
	T_STR(RD("n.tsv", "a\tb\tc\0\n"), "1@0#3:a|b|c\\0 !NUL byte@2\n");
	/* With a backslash in the line too (the unescaping path). */
	T_STR(RD("n.tsv", "a\\t\0\tq\n"), "1@0#2:a\\t\\0|q !NUL byte@0\n");
	/* An escaped "\0" is not a NUL byte. */
	T_STR(RD("n.tsv", "a\\0\n"), "1@0#1:a\\\\0\n");

	T_STR(RD("u.tsv", "ok\t\xff\n"), "1@0#2:ok|\xff !invalid UTF-8@1\n");
	T_STR(RD("u.tsv", "\xC0\xAF\tx\n"), "1@0#2:\xC0\xAF|x !invalid UTF-8@0\n");		/* overlong */
	T_STR(RD("u.tsv", "x\ty\t\xED\xA0\x80\n"), "1@0#3:x|y|\xED\xA0\x80 !invalid UTF-8@2\n");	/* surrogate */
	T_STR(RD("u.tsv", "\xE5\xBC\tx\n"), "1@0#2:\xE5\xBC|x !invalid UTF-8@0\n");		/* cut short */
	T_STR(RD("u.tsv", "\xF4\x90\x80\x80\n"), "1@0#1:\xF4\x90\x80\x80 !invalid UTF-8@0\n");	/* > U+10FFFF */
	/* Valid UTF-8 of every length is fine. */
	T_STR(RD("u.tsv", "张三\t粤B·D12345\té\t\xF0\x9F\x9A\x97\n"),
	    "1@0#4:张三|粤B·D12345|é|\xF0\x9F\x9A\x97\n");
	/* A multi-byte character split by a tab is two bad fragments: the first is reported. */
	T_STR(RD("u.tsv", "\xE5\tx\xBC\n"), "1@0#2:\xE5|x\xBC !invalid UTF-8@0\n");
	/* The first problem in column order wins. */
	T_STR(RD("u.tsv", "\xff\tb\0\n"), "1@0#2:\xff|b\\0 !invalid UTF-8@0\n");
}

static void
test_escapes(void)
{
	struct rs_err e;
	struct reader *r;
	struct row row;

	T_STR(RD("e.tsv", "a\\tb\tc\\\\d\te\\nf\tg\\rh\tu\\x\tend\\\n"),
	    "1@0#6:a\\tb|c\\\\d|e\\nf|g\\rh|u\\\\x|end\\\\\n");
	/* A line without a backslash is not touched; one with is, every column. */
	T_STR(RD("e.tsv", "plain\tline\nx\\\\\t\\t\n"), "1@0#2:plain|line\n2@11#2:x\\\\|\\t\n");
	/* Lengths are the unescaped ones. */
	put_file("e.tsv", "a\\tb\t\\\\\\\\\tq\n", 12);
	r = reader_open(path_of("e.tsv"), READER_TSV, &e);
	T_INT(reader_next(r, &row, &e), 1);
	T_INT(row.n, 3);
	T_INT(row.len[0], 3);
	T_INT(row.len[1], 2);
	T_INT(row.len[2], 1);
	T_STR(row.v[1], "\\\\");
	reader_free(r);
}

static void
test_lines_offsets(void)
{
	struct buf b = BUF_INIT;
	long long *offs;
	int i, n = 300000, bad_off = 0, bad_line = 0, bad_val = 0, got;
	struct rs_err e;
	struct reader *r;
	struct row row;
	char want[64];

	/* About 5 MB of rows: several 1 MB reads, lines across read boundaries. */
	offs = xmalloc((size_t)n * sizeof(*offs));
	for (i = 0; i < n; i++) {
		offs[i] = (long long)b.len;
		buf_printf(&b, "row%d\t%d%s\n", i, i * 7, i % 3 ? "" : "\\tx");
	}
	put_file("big.tsv", b.p, b.len);
	r = reader_open(path_of("big.tsv"), READER_AUTO, &e);
	for (i = 0; (got = reader_next(r, &row, &e)) == 1; i++) {
		if (i >= n)
			break;
		if (row.offset != offs[i])
			bad_off++;
		if (row.line != i + 1)
			bad_line++;
		snprintf(want, sizeof(want), "%d%s", i * 7, i % 3 ? "" : "\tx");
		if (row.n != 2 || strcmp(row.v[1], want) != 0 || row.problem)
			bad_val++;
	}
	T_INT(got, 0);
	T_INT(i, n);
	T_INT(bad_off, 0);
	T_INT(bad_line, 0);
	T_INT(bad_val, 0);
	reader_free(r);

	/* The same through gzip: offsets are in the uncompressed stream. */
	put_gz("big.tsv.gz", "wb", b.p, b.len);
	r = reader_open(path_of("big.tsv.gz"), READER_AUTO, &e);
	bad_off = bad_line = 0;
	for (i = 0; (got = reader_next(r, &row, &e)) == 1; i++)
		if (i < n && (row.offset != offs[i] || row.line != i + 1))
			bad_off++;
	T_INT(got, 0);
	T_INT(i, n);
	T_INT(bad_off, 0);
	reader_free(r);
	free(offs);
	buf_free(&b);
	unlink(path_of("big.tsv"));
	unlink(path_of("big.tsv.gz"));
}

static void
test_long_line(void)
{
	size_t big = 3u << 20, k;
	char *data = xmalloc(big + 16);
	struct rs_err e;
	struct reader *r;
	struct row row;
	int bad = 0;

	memset(data, 'x', big);
	memcpy(data + big, "\tend\nz\n", 7);
	put_file("long.tsv", data, big + 7);
	r = reader_open(path_of("long.tsv"), READER_AUTO, &e);
	T_INT(reader_next(r, &row, &e), 1);
	T_INT(row.n, 2);
	T_INT(row.len[0], big);
	for (k = 0; k < row.len[0]; k++)
		if (row.v[0][k] != 'x')
			bad++;
	T_INT(bad, 0);
	T_STR(row.v[1], "end");
	T_INT(row.line, 1);
	T_INT(row.offset, 0);
	T_INT(reader_next(r, &row, &e), 1);
	T_STR(row.v[0], "z");
	T_INT(row.line, 2);
	T_INT(row.offset, (long long)big + 5);
	T_INT(reader_next(r, &row, &e), 0);
	reader_free(r);

	/* The same line, torn, through gzip. */
	put_gz("long.tsv.gz", "wb", data, big + 4);
	r = reader_open(path_of("long.tsv.gz"), READER_AUTO, &e);
	T_INT(reader_next(r, &row, &e), 1);
	T_INT(row.len[0], big);
	T_STR(row.v[1], "end");
	T_INT(row.torn, 1);
	T_INT(reader_next(r, &row, &e), 0);
	reader_free(r);
	free(data);
	unlink(path_of("long.tsv"));
	unlink(path_of("long.tsv.gz"));
}

static void
test_gzip(void)
{
	static const char data[] = "h\tk\n1\t2\n";
	char *raw;
	struct stat st;
	FILE *fp;
	size_t n;

	put_gz("g.tsv.gz", "wb", data, sizeof(data) - 1);
	T_STR(read_file("g.tsv.gz", READER_AUTO), "1@0#2:h|k\n2@4#2:1|2\n");
	/* By magic, whatever the name. */
	put_gz("noext", "wb", data, sizeof(data) - 1);
	T_STR(read_file("noext", READER_AUTO), "1@0#2:h|k\n2@4#2:1|2\n");
	put_gz("g.tsv", "wb", data, sizeof(data) - 1);
	T_STR(read_file("g.tsv", READER_AUTO), "1@0#2:h|k\n2@4#2:1|2\n");
	/* An empty gzip stream is an empty file. */
	put_gz("empty.tsv.gz", "wb", "", 0);
	T_STR(read_file("empty.tsv.gz", READER_AUTO), "");

	/* Multi-member: a line may cross members; empty members are fine. */
	put_gz("m.tsv.gz", "wb", "a\tb\nc\t", 6);
	put_gz("m.tsv.gz", "ab", "", 0);
	put_gz("m.tsv.gz", "ab", "d\ne\tf\n", 6);
	put_gz("m.tsv.gz", "ab", "g\n", 2);
	T_STR(read_file("m.tsv.gz", READER_AUTO),
	    "1@0#2:a|b\n2@4#2:c|d\n3@8#2:e|f\n4@12#1:g\n");

	/* gzip on a pipe. */
	put_gz("p.gz", "wb", data, sizeof(data) - 1);
	stat(path_of("p.gz"), &st);
	raw = xmalloc((size_t)st.st_size);
	fp = fopen(path_of("p.gz"), "rb");
	n = fread(raw, 1, (size_t)st.st_size, fp);
	fclose(fp);
	T_INT(n, st.st_size);
	T_STR(read_pipe("stdin", raw, n, READER_AUTO), "1@0#2:h|k\n2@4#2:1|2\n");

	/* Truncated: without the trailer, half way, only the magic. */
	{
		char *text;
		struct buf b = BUF_INIT, want = BUF_INIT;
		int i;
		const char *got;

		for (i = 0; i < 2000; i++)
			buf_printf(&b, "%d\tline %d of the archive\n", i, i);
		put_gz("tr.tsv.gz", "wb", b.p, b.len);
		stat(path_of("tr.tsv.gz"), &st);
		free(raw);
		raw = xmalloc((size_t)st.st_size);
		fp = fopen(path_of("tr.tsv.gz"), "rb");
		n = fread(raw, 1, (size_t)st.st_size, fp);
		fclose(fp);

		/* Without the 8-byte trailer: every row, then the error. */
		got = read_data("tr.tsv.gz", raw, n - 8, READER_AUTO);
		buf_printf(&want, "ERR 3 %s: truncated gzip data\n", path_of("tr.tsv.gz"));
		T_OK(strstr(got, "2000@") != NULL);
		T_OK(strlen(got) >= want.len && strcmp(got + strlen(got) - want.len, want.p) == 0);
		/* Half way. */
		got = read_data("tr.tsv.gz", raw, n / 2, READER_AUTO);
		T_OK(strlen(got) >= want.len && strcmp(got + strlen(got) - want.len, want.p) == 0);
		T_OK(strstr(got, "2000@") == NULL);
		/* The magic only, and the 10-byte header only. */
		T_STR(read_data("tr.tsv.gz", raw, 2, READER_AUTO), want.p);
		T_STR(read_data("tr.tsv.gz", raw, 10, READER_AUTO), want.p);
		/* The same through a pipe. */
		buf_reset(&want);
		buf_printf(&want, "ERR 3 stdin: truncated gzip data\n");
		T_STR(read_pipe("stdin", raw, 10, READER_AUTO), want.p);

		/* Garbage after the end of the stream. */
		text = xmalloc(n + 4);
		memcpy(text, raw, n);
		memcpy(text + n, "junk", 4);
		got = read_data("tr.tsv.gz", text, n + 4, READER_AUTO);
		buf_reset(&want);
		buf_printf(&want, "ERR 3 %s: corrupt gzip data: garbage after the end of the stream\n",
		    path_of("tr.tsv.gz"));
		T_OK(strlen(got) >= want.len && strcmp(got + strlen(got) - want.len, want.p) == 0);
		/* One byte of garbage. */
		got = read_data("tr.tsv.gz", text, n + 1, READER_AUTO);
		T_OK(strlen(got) >= want.len && strcmp(got + strlen(got) - want.len, want.p) == 0);

		/* Damaged data in the middle. */
		memcpy(text, raw, n);
		for (i = 0; i < 16; i++)
			text[n / 2 + (size_t)i] ^= 0x55;
		got = read_data("tr.tsv.gz", text, n, READER_AUTO);
		buf_reset(&want);
		buf_printf(&want, "ERR 3 %s: corrupt gzip data: ", path_of("tr.tsv.gz"));
		T_OK(strstr(got, want.p) != NULL);
		T_OK(strstr(got, "MORE") == NULL);
		free(text);
		buf_free(&b);
		buf_free(&want);
	}
	free(raw);
}

static void
test_open_fd(void)
{
	static const char data[] = "h1\th2\na\tb\nc\td\n";
	struct rs_err e;
	struct reader *r;
	int fd, fds[2];
	char tmp[4];

	put_file("o.tsv", data, sizeof(data) - 1);
	fd = open(path_of("o.tsv"), O_RDONLY);
	/* From an offset: line numbers unknown (0), offsets in the file. */
	r = reader_open_fd(fd, "o.tsv", READER_AUTO, 6, &e);
	T_STR(render_all(r), "0@6#2:a|b\n0@10#2:c|d\n");
	T_STR(reader_name(r), "o.tsv");
	reader_free(r);
	/* The fd is borrowed: still open, and read with pread: its own offset not moved. */
	T_INT(read(fd, tmp, 2), 2);
	T_MEM(tmp, 2, "h1", 2);
	/* Offset 0 is the start of the file, wherever fd's offset is. */
	r = reader_open_fd(fd, "o.tsv", READER_AUTO, 0, &e);
	T_STR(render_all(r), "1@0#2:h1|h2\n2@6#2:a|b\n3@10#2:c|d\n");
	reader_free(r);
	/* At the end: no rows. */
	r = reader_open_fd(fd, "o.tsv", READER_AUTO, (long long)sizeof(data) - 1, &e);
	T_STR(render_all(r), "");
	reader_free(r);
	close(fd);

	/* No BOM skipping in the middle of a file. */
	put_file("o.tsv", "x\n\xEF\xBB\xBFy\n", 7);
	fd = open(path_of("o.tsv"), O_RDONLY);
	r = reader_open_fd(fd, "o.tsv", READER_TSV, 2, &e);
	T_STR(render_all(r), "0@2#1:\xEF\xBB\xBFy\n");
	reader_free(r);
	close(fd);

	/* A pipe cannot start at an offset. */
	if (pipe(fds) < 0)
		exit(1);
	err_clear(&e);
	r = reader_open_fd(fds[0], "stdin", READER_AUTO, 10, &e);
	T_OK(r == NULL);
	T_INT(e.code, RS_EIO);
	T_STR(e.where, "stdin");
	T_OK(strncmp(e.msg, "cannot seek: ", 13) == 0);
	close(fds[0]);
	close(fds[1]);
	/* But reads from where it is at offset 0. */
	T_STR(read_pipe("stdin", "p\tq\n", 4, READER_AUTO), "1@0#2:p|q\n");
}

static void
test_open_errors(void)
{
	struct rs_err e;
	struct reader *r;

	err_clear(&e);
	r = reader_open(path_of("missing.tsv"), READER_AUTO, &e);
	T_OK(r == NULL);
	T_INT(e.code, RS_EIO);
	T_STR(e.where, path_of("missing.tsv"));
	T_STR(e.msg, "cannot open: No such file or directory");

	err_clear(&e);
	r = reader_open(dir, READER_AUTO, &e);
	T_OK(r == NULL);
	T_INT(e.code, RS_EIO);
	T_STR(e.where, dir);
	T_STR(e.msg, "is a directory, not a file");

	/* "-" is stdin, named so, and not closed. */
	r = reader_open("-", READER_AUTO, &e);
	T_OK(r != NULL);
	T_STR(reader_name(r), "stdin");
	reader_free(r);
	T_OK(fcntl(0, F_GETFD) != -1 || errno != EBADF);
}

static void
test_csv(void)
{
	/* By suffix: quotes, embedded commas, quotes, newlines; CRLF. */
	T_STR(RD("a.csv", "a,b\r\n\"x,y\",\"he said \"\"hi\"\"\"\r\n\"multi\nline\",z\r\n,\r\n"),
	    "1@-1#2:a|b\n"
	    "2@-1#2:x,y|he said \"hi\"\n"
	    "3@-1#2:multi\\nline|z\n"
	    "5@-1#2:|\n");
	/* A tab in a CSV value is data. */
	T_STR(RD("a.csv", "a\tb,c\n"), "1@-1#2:a\\tb|c\n");
	/* BOM skipped; no final newline is still a record (CSV has no torn rows). */
	T_STR(RD("a.csv", "\xEF\xBB\xBF" "a,b\n1,2"), "1@-1#2:a|b\n2@-1#2:1|2\n");
	/* Backslashes are not escapes in CSV. */
	T_STR(RD("a.csv", "a\\tb\n"), "1@-1#1:a\\\\tb\n");
	/* Invalid UTF-8 is a row problem. */
	T_STR(RD("a.csv", "ok,\xff\n"), "1@-1#2:ok|\xff !invalid UTF-8@1\n");
	/* A NUL byte is an error for the file. */
	{
		char want[600];

		snprintf(want, sizeof(want), "ERR 1 %s: NUL byte in CSV input\n", path_of("n.csv"));
		T_STR(read_data("n.csv", "a,b\n1,\0\n", 7, READER_AUTO), want);
		snprintf(want, sizeof(want), "1@-1#2:a|b\nERR 1 %s:2: unterminated quoted field\n",
		    path_of("q.csv"));
		T_STR(RD("q.csv", "a,b\n\"x,y\n"), want);
	}
	/* .csv.gz */
	put_gz("z.csv.gz", "wb", "a,b\n\"1,5\",2\n", 12);
	T_STR(read_file("z.csv.gz", READER_AUTO), "1@-1#2:a|b\n2@-1#2:1,5|2\n");
	/* The suffix wins over the content; an explicit kind wins over both. */
	T_STR(RD("s.tsv", "a,b\n"), "1@0#1:a,b\n");
	T_STR(read_data("s.tsv", "a,b\n", 4, READER_CSV), "1@-1#2:a|b\n");
	T_STR(read_data("s.csv", "a,b\n", 4, READER_TSV), "1@0#1:a,b\n");

	/* Sniffed: an unnamed stream, or a file without a known suffix. */
	T_STR(read_pipe("stdin", "a,b\n1,2\n", 8, READER_AUTO), "1@-1#2:a|b\n2@-1#2:1|2\n");
	T_STR(read_pipe("stdin", "\"a\"\n", 4, READER_AUTO), "1@-1#1:a\n");
	T_STR(read_pipe("stdin", "a\tb,c\n", 6, READER_AUTO), "1@0#2:a|b,c\n");
	T_STR(read_pipe("stdin", "abc\nd,e\n", 8, READER_AUTO), "1@0#1:abc\n2@4#1:d,e\n");
	T_STR(read_pipe("stdin", "a,b", 3, READER_AUTO), "1@-1#2:a|b\n");
	T_STR(read_pipe("stdin", "", 0, READER_AUTO), "");
	T_STR(RD("data", "a,b\n1,2\n"), "1@-1#2:a|b\n2@-1#2:1|2\n");
	T_STR(RD("data.txt", "a\tb\n"), "1@0#2:a|b\n");
	/* A BOM before a sniffed CSV. */
	T_STR(read_pipe("stdin", "\xEF\xBB\xBF" "a,b\n", 7, READER_AUTO), "1@-1#2:a|b\n");
	/* gzip + sniffing */
	put_gz("zz", "wb", "x,y\n", 4);
	T_STR(read_file("zz", READER_AUTO), "1@-1#2:x|y\n");
	/* Sniffing needs the whole first line, even when it is long. */
	{
		struct buf b = BUF_INIT;
		char *got;

		buf_addc(&b, '"');
		while (b.len < 1500000)
			buf_adds(&b, "0123456789");
		buf_adds(&b, "\",tail\n");
		put_file("longcsv", b.p, b.len);
		got = xstrdup(read_file("longcsv", READER_AUTO));
		T_OK(strncmp(got, "1@-1#2:0123456789", 17) == 0);
		T_OK(strlen(got) > 6 && strcmp(got + strlen(got) - 6, "|tail\n") == 0);
		free(got);
		buf_free(&b);
		unlink(path_of("longcsv"));
	}
}

static void
cleanup(void)
{
	static const char *const names[] = {
		"a.tsv", "wide.tsv", "c.tsv", "b.tsv", "t.tsv", "n.tsv", "u.tsv", "e.tsv",
		"g.tsv.gz", "noext", "g.tsv", "empty.tsv.gz", "m.tsv.gz", "p.gz", "tr.tsv.gz",
		"o.tsv", "a.csv", "n.csv", "q.csv", "z.csv.gz", "s.tsv", "s.csv", "data",
		"data.txt", "zz", NULL
	};
	int i;

	for (i = 0; names[i]; i++)
		unlink(path_of(names[i]));
	rmdir(dir);
}

void
t_reader(void)
{
	snprintf(dir, sizeof(dir), "/tmp/rs-unit-reader-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	test_split();
	test_crlf();
	test_bom();
	test_torn();
	test_nul_utf8();
	test_escapes();
	test_lines_offsets();
	test_long_line();
	test_gzip();
	test_open_fd();
	test_open_errors();
	test_csv();
	cleanup();
	buf_free(&R);
}
