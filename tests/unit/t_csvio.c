/* t_csvio.c - unit tests of common/csvio.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvio.h"
#include "err.h"
#include "row.h"
#include "unit.h"

/*
 * Records are compared as text: "LINE:v1|v2\n" per record, with \, |,
 * CR and LF in values escaped, so one check shows a whole parse.
 */
static void
render(struct buf *out, const struct row *r)
{
	size_t k;
	int i;
	char num[32];

	snprintf(num, sizeof(num), "%ld:", r->line);
	buf_adds(out, num);
	for (i = 0; i < r->n; i++) {
		if (i > 0)
			buf_addc(out, '|');
		for (k = 0; k < r->len[i]; k++) {
			switch (r->v[i][k]) {
			case '\\':
				buf_adds(out, "\\\\");
				break;
			case '|':
				buf_adds(out, "\\|");
				break;
			case '\n':
				buf_adds(out, "\\n");
				break;
			case '\r':
				buf_adds(out, "\\r");
				break;
			default:
				buf_addc(out, r->v[i][k]);
			}
		}
		if (r->v[i][r->len[i]] != '\0')
			buf_adds(out, "<no NUL>");
	}
	buf_addc(out, '\n');
}

/*
 * parse feeds n bytes of s in pieces of chunk bytes (0 = all at once),
 * draining the queue after every feed, and renders the records into out.
 * Returns what the failing csv_in_feed returned, or 0.
 */
static int
parse(const char *s, size_t n, size_t chunk, struct buf *out, struct rs_err *e)
{
	struct csv_in *c;
	struct row r;
	size_t off, k;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	memset(e, 0, sizeof(*e));
	buf_reset(out);
	c = csv_in_new();
	if (chunk == 0)
		chunk = n > 0 ? n : 1;
	for (off = 0; rc == 0; off += k) {
		k = n - off < chunk ? n - off : chunk;
		rc = csv_in_feed(c, s + off, k, off + k == n, e);
		while (csv_in_next(c, &r) == 1)
			render(out, &r);
		if (off + k == n)
			break;
	}
	csv_in_free(c);
	return rc;
}

/* parse_ok parses s whole and byte by byte and checks both give want. */
#define parse_ok(s, want) do { \
	struct buf o_ = BUF_INIT; \
	struct rs_err e_; \
	T_INT(parse((s), strlen(s), 0, &o_, &e_), 0); \
	T_STR(o_.p != NULL ? o_.p : "", (want)); \
	T_INT(parse((s), strlen(s), 1, &o_, &e_), 0); \
	T_STR(o_.p != NULL ? o_.p : "", (want)); \
	buf_free(&o_); \
} while (0)

#define parse_err(s, wantmsg, wantwhere) do { \
	struct buf o_ = BUF_INIT; \
	struct rs_err e_; \
	T_INT(parse((s), strlen(s), 0, &o_, &e_), -1); \
	T_INT(e_.code, RS_EDATA); \
	T_STR(e_.msg, (wantmsg)); \
	T_STR(e_.where, (wantwhere)); \
	T_INT(parse((s), strlen(s), 3, &o_, &e_), -1); \
	T_STR(e_.msg, (wantmsg)); \
	T_STR(e_.where, (wantwhere)); \
	buf_free(&o_); \
} while (0)

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp;
	char *p;
	long sz;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) != 0 || (sz = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return NULL;
	}
	p = malloc((size_t)sz + 1);
	if (p == NULL || fread(p, 1, (size_t)sz, fp) != (size_t)sz) {
		free(p);
		fclose(fp);
		return NULL;
	}
	p[sz] = '\0';
	fclose(fp);
	*n = (size_t)sz;
	return p;
}

/*
 * The expectations are the JSON files of csv-spectrum written out by
 * hand, header row first, with the line each record starts on.
 */
static const struct {
	const char *name;
	const char *want;
} spectrum[] = {
	{ "comma_in_quotes",
	  "1:first|last|address|city|zip\n"
	  "2:John|Doe|120 any st.|Anytown, WW|08123\n" },
	{ "empty",
	  "1:a|b|c\n2:1||\n3:2|3|4\n" },
	{ "empty_crlf",
	  "1:a|b|c\n2:1||\n3:2|3|4\n" },
	{ "escaped_quotes",
	  "1:a|b\n2:1|ha \"ha\" ha\n3:3|4\n" },
	{ "json",
	  "1:key|val\n"
	  "2:1|{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}\n" },
	{ "newlines",
	  "1:a|b|c\n2:1|2|3\n3:Once upon \\na time|5|6\n5:7|8|9\n" },
	{ "newlines_crlf",
	  "1:a|b|c\n2:1|2|3\n3:Once upon \\r\\na time|5|6\n5:7|8|9\n" },
	{ "quotes_and_newlines",
	  "1:a|b\n2:1|ha \\n\"ha\" \\nha\n5:3|4\n" },
	{ "simple",
	  "1:a|b|c\n2:1|2|3\n" },
	{ "simple_crlf",
	  "1:a|b|c\n2:1|2|3\n" },
	{ "utf8",
	  "1:a|b|c\n2:1|2|3\n3:4|5|\xca\xa4\n" },
};

static void
t_spectrum(void)
{
	struct buf o = BUF_INIT;
	struct rs_err e;
	char path[1024], *s;
	size_t i, n, chunk;
	static const size_t chunks[] = { 0, 1, 2, 5 };

	for (i = 0; i < sizeof(spectrum) / sizeof(spectrum[0]); i++) {
		snprintf(path, sizeof(path), "tests/data/csv-spectrum/csvs/%s.csv",
		    spectrum[i].name);
		s = slurp(path, &n);
		unit_report(__FILE__, __LINE__, s != NULL,
		    "cannot read %s (run from the top of the tree)", path);
		if (s == NULL)
			continue;
		for (chunk = 0; chunk < sizeof(chunks) / sizeof(chunks[0]); chunk++) {
			T_INT(parse(s, n, chunks[chunk], &o, &e), 0);
			unit_report(__FILE__, __LINE__,
			    o.p != NULL && strcmp(o.p, spectrum[i].want) == 0,
			    "%s.csv in pieces of %zu: got\n%s", spectrum[i].name,
			    chunks[chunk], o.p != NULL ? o.p : "(nothing)");
		}
		free(s);
	}
	buf_free(&o);
}

static void
t_edges(void)
{
	/* Line ends, blank lines, a last record without its newline. */
	parse_ok("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	parse_ok("a,b\nc,d", "1:a|b\n2:c|d\n");
	parse_ok("a,b\r\nc,d", "1:a|b\n2:c|d\n");
	parse_ok("\n\r\na\n\n\r\nb\n\n", "3:a\n6:b\n");
	parse_ok("", "");
	parse_ok("\n", "");
	parse_ok("\r\n\r\n", "");
	/* A quoted empty value is a record; an empty line is not. */
	parse_ok("\"\"\n\nx\n", "1:\n3:x\n");
	parse_ok("\"\"", "1:\n");
	parse_ok(",\n", "1:|\n");
	parse_ok("a,\n,b\n", "1:a|\n2:|b\n");
	/* Spaces are data (libcsv would trim them by default). */
	parse_ok("  a  , b \n", "1:  a  | b \n");
	parse_ok("\" a \",\"\"\"\"\n", "1: a |\"\n");
	/* Quoted CR, LF and CRLF stay as they are. */
	parse_ok("\"x\ry\",\"x\ny\",\"x\r\ny\"\r\nz\r\n",
	    "1:x\\ry|x\\ny|x\\r\\ny\n4:z\n");
	/* A record spanning lines keeps its first line; blank lines still count. */
	parse_ok("h\n\n\"a\n\nb\",\"c\nd\"\n\ne\n",
	    "1:h\n3:a\\n\\nb|c\\nd\n8:e\n");
	/* A bare CR ends a record too (old Mac files); both are on line 1. */
	parse_ok("a\rb\n", "1:a\n1:b\n");
	/* CJK and emoji pass through byte for byte. */
	parse_ok("王小明,\"🚗, 拖车\"\n", "1:王小明|🚗, 拖车\n");
	/* Ragged records are the reader's business, not the parser's. */
	parse_ok("a,b,c\nd\n", "1:a|b|c\n2:d\n");
}

static void
t_errors(void)
{
	struct csv_in *c;
	struct rs_err e;

	parse_err("a,\"bc\n", "unterminated quoted field", "line 1");
	parse_err("h\nx\n\"abc\ndef", "unterminated quoted field", "line 3");
	parse_err("a,\"b\"\"", "unterminated quoted field", "line 1");
	parse_err("a,b\nc,d\"e\n", "malformed quoted field", "line 2");
	parse_err("a\n\"x\ny\"z\n", "malformed quoted field", "line 3");
	parse_err("a,\"b\" \n", "malformed quoted field", "line 1");
	parse_err("a, \"b\"\n", "malformed quoted field", "line 1");

	/* A parser that failed keeps failing, with the same error. */
	c = csv_in_new();
	memset(&e, 0, sizeof(e));
	T_INT(csv_in_feed(c, "a\"b\n", 4, 0, &e), -1);
	memset(&e, 0, sizeof(e));
	T_INT(csv_in_feed(c, "c\n", 2, 1, &e), -1);
	T_INT(e.code, RS_EDATA);
	T_STR(e.msg, "malformed quoted field");
	T_STR(e.where, "line 1");
	/* e may be NULL. */
	T_INT(csv_in_feed(c, "c\n", 2, 1, NULL), -1);
	csv_in_free(c);
	csv_in_free(NULL);
}

/* put renders values with csv_put_field as one CRLF-ended record. */
static void
put(struct buf *out, const char **v, int n, int guard)
{
	int i;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(out, ',');
		csv_put_field(out, v[i], strlen(v[i]), guard);
	}
	buf_adds(out, "\r\n");
}

static const char *tricky[] = {
	"plain", "", "a,b", ",", "\"", "\"\"", "say \"hi\"", "x\ry", "x\ny",
	"x\r\ny", "\r\n", "\n", " lead", "trail ", " ", "  both  ",
	"王小明", "拖车, 搭电", "🚗💨", "=SUM(A1:A9)", "+86 138", "-5",
	"@cmd", "\tTAB", "\rCR", "'quoted", "mid=dle", "a-b", "end,",
	"=\"x\",\n\"", "\"=1\"",
};

/* The guard prefixes ' to values a spreadsheet would take for formulas. */
static int
guarded(const char *s)
{
	return s[0] != '\0' && strchr("=+-@'\t\r", s[0]) != NULL;
}

static void
t_roundtrip(void)
{
	struct buf out = BUF_INIT, want = BUF_INIT;
	struct csv_in *c;
	struct row r;
	struct rs_err e;
	const char *pair[2];
	size_t i, k;
	int guard, ok;

	memset(&r, 0, sizeof(r));
	for (guard = 0; guard <= 1; guard++) {
		for (i = 0; i < sizeof(tricky) / sizeof(tricky[0]); i++) {
			/* A second field keeps an empty value from making a blank line. */
			pair[0] = tricky[i];
			pair[1] = "z";
			put(&out, pair, 2, guard);
			c = csv_in_new();
			T_INT(csv_in_feed(c, out.p, out.len, 1, &e), 0);
			T_INT(csv_in_next(c, &r), 1);
			T_INT(r.n, 2);
			buf_reset(&want);
			if (guard && guarded(tricky[i]))
				buf_addc(&want, '\'');
			buf_adds(&want, tricky[i]);
			if (r.n == 2) {
				unit_report(__FILE__, __LINE__,
				    r.len[0] == want.len &&
				    memcmp(r.v[0], want.p, want.len) == 0,
				    "round trip of value %zu (guard %d) gave \"%s\"",
				    i, guard, r.v[0]);
				T_STR(r.v[1], "z");
			}
			T_INT(csv_in_next(c, &r), 0);
			csv_in_free(c);
		}
	}

	/* All of them in one record, twice, fed in small pieces. */
	for (guard = 0; guard <= 1; guard++) {
		struct buf all = BUF_INIT;
		int n = (int)(sizeof(tricky) / sizeof(tricky[0]));

		put(&out, tricky, n, guard);
		buf_add(&all, out.p, out.len);
		buf_add(&all, out.p, out.len);
		c = csv_in_new();
		for (k = 0; k < all.len; k += 3)
			T_INT(csv_in_feed(c, all.p + k,
			    all.len - k < 3 ? all.len - k : 3, k + 3 >= all.len, &e), 0);
		for (k = 0; k < 2; k++) {
			T_INT(csv_in_next(c, &r), 1);
			T_INT(r.n, n);
			ok = r.n == n;
			for (i = 0; ok && i < (size_t)n; i++) {
				buf_reset(&want);
				if (guard && guarded(tricky[i]))
					buf_addc(&want, '\'');
				buf_adds(&want, tricky[i]);
				ok = r.len[i] == want.len &&
				    memcmp(r.v[i], want.p, want.len) == 0;
			}
			unit_report(__FILE__, __LINE__, ok,
			    "record %zu of all tricky values (guard %d) differs at %zu",
			    k, guard, i);
		}
		T_INT(csv_in_next(c, &r), 0);
		csv_in_free(c);
		buf_free(&all);
	}
	buf_free(&out);
	buf_free(&want);
}

/* Exact output of csv_put_field. */
#define put_is(s, guard, want) do { \
	struct buf b_ = BUF_INIT; \
	csv_put_field(&b_, (s), strlen(s), (guard)); \
	T_STR(b_.p != NULL ? b_.p : "", (want)); \
	buf_free(&b_); \
} while (0)

static void
t_put(void)
{
	put_is("", 0, "");
	put_is("", 1, "");
	put_is("abc", 1, "abc");
	put_is("a,b", 0, "\"a,b\"");
	put_is("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
	put_is("\"", 0, "\"\"\"\"");
	put_is("x\ny", 0, "\"x\ny\"");
	put_is("x\ry", 0, "\"x\ry\"");
	put_is(" a", 0, "\" a\"");
	put_is("a ", 0, "\"a \"");
	put_is("a b", 0, "a b");
	put_is("王小明", 1, "王小明");
	put_is("=1+2", 0, "=1+2");
	put_is("=1+2", 1, "'=1+2");
	put_is("+86", 1, "'+86");
	put_is("-5", 1, "'-5");
	put_is("@x", 1, "'@x");
	put_is("\tx", 1, "'\tx");
	put_is("\rx", 1, "\"'\rx\"");
	put_is("\rx", 0, "\"\rx\"");
	put_is("=a,b", 1, "\"'=a,b\"");
	put_is("=\"x\"", 1, "\"'=\"\"x\"\"\"");
	put_is("a=b", 1, "a=b");
	put_is("'=x", 1, "''=x");	/* so that reading takes one ' off and gets it back */
	put_is("a", 1, "a");
	/* Appends, never replaces. */
	{
		struct buf b = BUF_INIT;

		buf_adds(&b, "x,");
		csv_put_field(&b, "a,b", 3, 0);
		T_STR(b.p, "x,\"a,b\"");
		/* Only n bytes are read. */
		csv_put_field(&b, "=yz", 1, 1);
		T_STR(b.p, "x,\"a,b\"'=");
		buf_free(&b);
	}
}

/* A 1 MB quoted field with commas, quotes and newlines, fed in 64 KB pieces. */
static void
t_long(void)
{
	struct buf val = BUF_INIT, out = BUF_INIT;
	struct csv_in *c;
	struct row r;
	struct rs_err e;
	size_t i, k, step = 65536;
	int ok = 1;

	memset(&r, 0, sizeof(r));
	for (i = 0; val.len < 1024 * 1024; i++)
		buf_addc(&val, "abc,\"\n\r 王"[i % 11]);
	buf_adds(&out, "before\n");
	csv_put_field(&out, val.p, val.len, 0);
	buf_adds(&out, ",after\r\nlast\r\n");
	c = csv_in_new();
	for (k = 0; k < out.len && ok; k += step)
		ok = csv_in_feed(c, out.p + k, out.len - k < step ? out.len - k : step,
		    k + step >= out.len, &e) == 0;
	T_OK(ok);
	T_INT(csv_in_next(c, &r), 1);
	T_STR(r.v[0], "before");
	T_INT(csv_in_next(c, &r), 1);
	T_INT(r.n, 2);
	T_INT(r.line, 2);
	if (r.n == 2) {
		T_MEM(r.v[0], r.len[0], val.p, val.len);
		T_STR(r.v[1], "after");
	}
	T_INT(csv_in_next(c, &r), 1);
	T_STR(r.v[0], "last");
	/* The value has an LF at every 11th byte from byte 5. */
	T_INT(r.line, 3 + (long)((val.len + 5) / 11));
	T_INT(csv_in_next(c, &r), 0);
	csv_in_free(c);
	buf_free(&val);
	buf_free(&out);
}

/*
 * Feeding and taking interleaved, with records left in the queue between
 * feeds, so that the queue's memory reuse is exercised.
 */
static void
t_queue(void)
{
	struct buf in = BUF_INIT;
	struct csv_in *c;
	struct row r;
	struct rs_err e;
	char line[64];
	size_t k, step = 7;
	long got = 0, bad = 0;
	int i, n = 3000;

	memset(&r, 0, sizeof(r));
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "%d,\"v\n%d\"\n", i, i * 7);
		buf_adds(&in, line);
	}
	c = csv_in_new();
	for (k = 0; k < in.len; k += step) {
		if (csv_in_feed(c, in.p + k, in.len - k < step ? in.len - k : step,
		    k + step >= in.len, &e) != 0)
			bad++;
		/* Take one at a time: the queue keeps a backlog for a while. */
		if (k % (3 * step) == 0 && csv_in_next(c, &r) == 1) {
			snprintf(line, sizeof(line), "v\n%ld", got * 7);
			if (r.n != 2 || atol(r.v[0]) != got || strcmp(r.v[1], line) ||
			    r.line != 2 * got + 1)
				bad++;
			got++;
		}
	}
	while (csv_in_next(c, &r) == 1) {
		snprintf(line, sizeof(line), "v\n%ld", got * 7);
		if (r.n != 2 || atol(r.v[0]) != got || strcmp(r.v[1], line) ||
		    r.line != 2 * got + 1)
			bad++;
		got++;
	}
	T_INT(bad, 0);
	T_INT(got, n);
	/* final again, with nothing more, adds nothing. */
	T_INT(csv_in_feed(c, NULL, 0, 1, &e), 0);
	T_INT(csv_in_next(c, &r), 0);
	csv_in_free(c);
	buf_free(&in);
}

void
t_csvio(void)
{
	t_spectrum();
	t_edges();
	t_errors();
	t_put();
	t_roundtrip();
	t_long();
	t_queue();
}
