/*
 * t_out.c - unit tests of common/out.c: the tsv, csv, json and table
 * list writers, byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "listview.h"
#include "out.h"
#include "schema.h"
#include "timefmt.h"
#include "unit.h"

static struct buf OUT;

/* slurp reads fp from the start into OUT. */
static const char *
slurp(FILE *fp)
{
	char chunk[4096];
	size_t n;

	buf_reset(&OUT);
	buf_adds(&OUT, "");
	rewind(fp);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&OUT, chunk, n);
	return OUT.p;
}

/*
 * run writes nrows rows of n values (row-major in vals) in format f and
 * returns what came out; *rc gets out_end's result.
 */
static const char *
run(enum out_format f, int flags, int n, const char *const *names, const enum coltype *types,
    int nrows, const char *const *vals)
{
	FILE *fp = tmpfile();
	struct out *o;
	int i, rc;
	const char *s;

	o = out_new(fp, f, flags, n, names, types);
	for (i = 0; i < nrows; i++)
		out_row(o, vals + (size_t)i * (size_t)n, NULL);
	rc = out_end(o);
	out_free(o);
	s = slurp(fp);
	fclose(fp);
	return rc == 0 ? s : "OUT_END FAILED";
}

static void
test_parse(void)
{
	enum out_format f = OUT_TABLE;

	T_INT(out_format_parse("tsv", &f), 0);
	T_INT(f, OUT_TSV);
	T_INT(out_format_parse("csv", &f), 0);
	T_INT(f, OUT_CSV);
	T_INT(out_format_parse("json", &f), 0);
	T_INT(f, OUT_JSON);
	T_INT(out_format_parse("table", &f), 0);
	T_INT(f, OUT_TABLE);
	f = OUT_CSV;
	T_INT(out_format_parse("TSV", &f), -1);
	T_INT(out_format_parse("jsonl", &f), -1);
	T_INT(out_format_parse("", &f), -1);
	T_INT(f, OUT_CSV);	/* untouched on failure */
}

static void
test_tsv(void)
{
	static const char *const names[] = { "a", "b c", "x\ty" };
	static const char *const rows[] = {
		"1", "", NULL,
		"t\tab", "n\nl", "back\\",
		"cr\r", "张三", "\x1b[0m",
	};

	T_STR(run(OUT_TSV, 0, 3, names, NULL, 3, rows),
	    "a\tb c\tx\\ty\n"
	    "1\t\t\n"
	    "t\\tab\tn\\nl\tback\\\\\n"
	    "cr\\r\t张三\t\x1b[0m\n");
	T_STR(run(OUT_TSV, OUT_NO_HEADER, 3, names, NULL, 1, rows), "1\t\t\n");
	/* No rows: the header alone; with -H nothing. */
	T_STR(run(OUT_TSV, 0, 3, names, NULL, 0, rows), "a\tb c\tx\\ty\n");
	T_STR(run(OUT_TSV, OUT_NO_HEADER, 3, names, NULL, 0, rows), "");
	/* OUT_RAW changes nothing in TSV. */
	{
		static const char *const n1[] = { "v" };
		static const char *const r1[] = { "=1+1", "", "-3" };
		static const enum coltype t1[] = { COL_TEXT };

		T_STR(run(OUT_TSV, 0, 1, n1, t1, 3, r1), "v\n=1+1\n\n-3\n");
		T_STR(run(OUT_TSV, OUT_RAW, 1, n1, t1, 3, r1), "v\n=1+1\n\n-3\n");
	}
	/* Explicit lengths: a value may be a slice. */
	{
		FILE *fp = tmpfile();
		static const char *const n2[] = { "a", "b" };
		const char *v[2] = { "abcdef", "xyz" };
		size_t len[2] = { 3, 0 };
		struct out *o = out_new(fp, OUT_TSV, OUT_NO_HEADER, 2, n2, NULL);

		out_row(o, v, len);
		T_INT(out_end(o), 0);
		out_free(o);
		T_STR(slurp(fp), "abc\t\n");
		fclose(fp);
	}
	/* Many rows: flushed in pieces, nothing lost. */
	{
		FILE *fp = tmpfile();
		static const char *const n3[] = { "i", "text" };
		struct out *o = out_new(fp, OUT_TSV, 0, 2, n3, NULL);
		char num[16];
		const char *v[2];
		int i;
		struct buf want = BUF_INIT;

		buf_adds(&want, "i\ttext\n");
		for (i = 0; i < 20000; i++) {
			snprintf(num, sizeof(num), "%d", i);
			v[0] = num;
			v[1] = "some text\tand a tab";
			out_row(o, v, NULL);
			buf_printf(&want, "%d\tsome text\\tand a tab\n", i);
		}
		T_INT(out_end(o), 0);
		out_free(o);
		T_STR(slurp(fp), want.p);
		fclose(fp);
		buf_free(&want);
	}
}

static void
test_csv(void)
{
	static const char *const names[] = { "note", "n", "ts", "id", "name, with comma" };
	static const enum coltype types[] = { COL_TEXT, COL_INT, COL_TS, COL_ID, COL_TEXT };
	static const char *const rows[] = {
		"=1+1", "-5", "2026-11-22T08:15:03+08:00", "RS-20261122-0001", "plain",
		"+86 138", "", "", "", "@SUM(A1)",
		"-x", "3", "", "", "a,b",
		"=A1,B1", "0", "", "", "he said \"hi\"",
		"\tx", "1", "", "", "\rx",
		"multi\nline", "2", "", "", " lead",
		"", "", "", "", "trail ",
	};

	T_STR(run(OUT_CSV, 0, 5, names, types, 7, rows),
	    "note,n,ts,id,\"name, with comma\"\r\n"
	    "'=1+1,-5,2026-11-22T08:15:03+08:00,RS-20261122-0001,plain\r\n"
	    "'+86 138,,,,'@SUM(A1)\r\n"
	    "'-x,3,,,\"a,b\"\r\n"
	    "\"'=A1,B1\",0,,,\"he said \"\"hi\"\"\"\r\n"
	    "'\tx,1,,,\"'\rx\"\r\n"
	    "\"multi\nline\",2,,,\" lead\"\r\n"
	    ",,,,\"trail \"\r\n");
	/* --raw: no guard at all. */
	T_STR(run(OUT_CSV, OUT_RAW | OUT_NO_HEADER, 5, names, types, 3, rows),
	    "=1+1,-5,2026-11-22T08:15:03+08:00,RS-20261122-0001,plain\r\n"
	    "+86 138,,,,@SUM(A1)\r\n"
	    "-x,3,,,\"a,b\"\r\n");
	/* Numbers, times, yn and the like are never touched; a phone is text-like (SPEC 3.2). */
	{
		static const char *const n2[] = { "quote", "lat", "phone", "yn", "date", "min" };
		static const enum coltype t2[] = { COL_MONEY, COL_LAT, COL_PHONE, COL_YN, COL_DATE,
		    COL_MINUTES };
		static const char *const r2[] = { "-1.50", "-31.2", "+8613800000000", "y",
		    "2026-12-01", "-0" };

		T_STR(run(OUT_CSV, OUT_NO_HEADER, 6, n2, t2, 1, r2),
		    "-1.50,-31.2,'+8613800000000,y,2026-12-01,-0\r\n");
	}
	/* One column: an empty value is written "" so that the line is a record. */
	{
		static const char *const n1[] = { "v" };
		static const char *const r1[] = { "a", "", NULL, "b" };

		T_STR(run(OUT_CSV, 0, 1, n1, NULL, 4, r1), "v\r\na\r\n\"\"\r\n\"\"\r\nb\r\n");
	}
	/* Header names are never guarded. */
	{
		static const char *const n1[] = { "=x", "-y" };
		static const char *const r1[] = { "1", "2" };

		T_STR(run(OUT_CSV, 0, 2, n1, NULL, 1, r1), "=x,-y\r\n1,2\r\n");
	}
	/*
	 * Schema-less (types NULL): every column counts as text, so the
	 * guard applies everywhere (a leading '-' included).
	 */
	{
		static const char *const n1[] = { "a", "b" };
		static const char *const r1[] = { "-5", "=x" };

		T_STR(run(OUT_CSV, OUT_NO_HEADER, 2, n1, NULL, 1, r1), "'-5,'=x\r\n");
		T_STR(run(OUT_CSV, OUT_NO_HEADER | OUT_RAW, 2, n1, NULL, 1, r1), "-5,=x\r\n");
	}
	/* No rows. */
	T_STR(run(OUT_CSV, 0, 5, names, types, 0, rows),
	    "note,n,ts,id,\"name, with comma\"\r\n");
}

static void
test_json(void)
{
	static const char *const names[] = { "t", "i", "yn", "m", "lat", "ts", "min", "num", "lon" };
	static const enum coltype types[] = { COL_TEXT, COL_INT, COL_YN, COL_MONEY, COL_LAT, COL_TS,
	    COL_MINUTES, COL_NUM, COL_LON };
	static const char *const rows[] = {
		"x\"y\\z", "7", "y", "12.50", "-31.5", "2026-11-22T08:15:03+08:00", "45", "0.5", "121",
		"", "", "", "", "", "", "", "", "",
		"line\nnext\ttab\x1b\x7f\x01", "-3", "n", "0", "0", "", "0", "-0.25", "-180",
		"张三 🚗", "007", "Y", "00.50", "-007", "", "", "10", "",
	};

	T_STR(run(OUT_JSON, 0, 9, names, types, 4, rows),
	    "{\"t\":\"x\\\"y\\\\z\",\"i\":7,\"yn\":true,\"m\":12.50,\"lat\":-31.5,"
	    "\"ts\":\"2026-11-22T08:15:03+08:00\",\"min\":45,\"num\":0.5,\"lon\":121}\n"
	    "{\"t\":null,\"i\":null,\"yn\":null,\"m\":null,\"lat\":null,\"ts\":null,"
	    "\"min\":null,\"num\":null,\"lon\":null}\n"
	    "{\"t\":\"line\\nnext\\ttab\\u001b\\u007f\\u0001\",\"i\":-3,\"yn\":false,\"m\":0,"
	    "\"lat\":0,\"ts\":null,\"min\":0,\"num\":-0.25,\"lon\":-180}\n"
	    "{\"t\":\"张三 🚗\",\"i\":7,\"yn\":\"Y\",\"m\":0.50,\"lat\":-7,\"ts\":null,"
	    "\"min\":null,\"num\":10,\"lon\":null}\n");
	/* No header line in JSON, with or without -H; no rows, no output. */
	T_STR(run(OUT_JSON, OUT_NO_HEADER, 9, names, types, 1, rows + 9),
	    "{\"t\":null,\"i\":null,\"yn\":null,\"m\":null,\"lat\":null,\"ts\":null,"
	    "\"min\":null,\"num\":null,\"lon\":null}\n");
	T_STR(run(OUT_JSON, 0, 9, names, types, 0, rows), "");
	/* Untyped: every value a string, empty ones "". */
	{
		static const char *const n2[] = { "a", "b", "c" };
		static const char *const r2[] = { "12", "", "y" };

		T_STR(run(OUT_JSON, 0, 3, n2, NULL, 1, r2), "{\"a\":\"12\",\"b\":\"\",\"c\":\"y\"}\n");
	}
	/* Names are escaped too. */
	{
		static const char *const n2[] = { "a\"b" };
		static const char *const r2[] = { "v" };

		T_STR(run(OUT_JSON, 0, 1, n2, NULL, 1, r2), "{\"a\\\"b\":\"v\"}\n");
	}
	/*
	 * A value is a slice when the caller passes lengths, not a string
	 * ending at its length: "12345" with length 2 is the number 12.
	 * (Once the number test ran strspn past the length and wrote the
	 * string "12", reading out of bounds when nothing ended the value.)
	 */
	{
		FILE *fp = tmpfile();
		static const char *const n2[] = { "i", "t" };
		static const enum coltype t2[] = { COL_INT, COL_TEXT };
		const char *v[2] = { "12345", "abc" };
		size_t len[2] = { 2, 1 };
		struct out *o = out_new(fp, OUT_JSON, 0, 2, n2, t2);

		out_row(o, v, len);
		T_INT(out_end(o), 0);
		out_free(o);
		T_STR(slurp(fp), "{\"i\":12,\"t\":\"a\"}\n");
		fclose(fp);
	}
	/*
	 * A value of a number-typed column that is not a JSON number (a bad
	 * row handed out with JR_BAD, a hand edit: 1-2, --5, -, 1.2.3, -.5)
	 * is written as a string, so the line stays valid JSON. (Once any
	 * run of "-0123456789." was written bare.)
	 */
	{
		static const char *const n2[] = { "a", "b", "c", "d", "e" };
		static const enum coltype t2[] = { COL_INT, COL_NUM, COL_MINUTES, COL_LAT, COL_MONEY };
		static const char *const r2[] = { "1-2", "--5", "-", "1.2.3", "-.5" };

		T_STR(run(OUT_JSON, 0, 5, n2, t2, 1, r2),
		    "{\"a\":\"1-2\",\"b\":\"--5\",\"c\":\"-\",\"d\":\"1.2.3\",\"e\":\"-.5\"}\n");
	}
	/* No columns: an empty object per row. */
	T_STR(run(OUT_JSON, 0, 0, names, NULL, 2, rows), "{}\n{}\n");
	/* out_json_string */
	{
		struct buf b = BUF_INIT;

		out_json_string(&b, "", 0);
		out_json_string(&b, "a\0b", 3);
		out_json_string(&b, "\r\x1f/", 3);
		T_STR(b.p, "\"\"\"a\\u0000b\"\"\\r\\u001f/\"");
		buf_free(&b);
	}
	/* out_json_number, the one number encoder of the tables and the reports */
	{
		static const struct {
			const char *in, *want;	/* want NULL: not a number */
		} t[] = {
			{ "007", "7" }, { "-007.50", "-7.50" }, { "0", "0" }, { "-0.5", "-0.5" },
			{ "12", "12" }, { "1.", NULL }, { ".5", NULL }, { "-", NULL }, { "", NULL },
			{ "1-2", NULL }, { "1.2.3", NULL }, { "1e3", NULL }, { "+1", NULL },
		};
		struct buf b = BUF_INIT;
		size_t i;

		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			buf_reset(&b);
			T_INT(out_json_number(&b, t[i].in, strlen(t[i].in)), t[i].want != NULL);
			T_STR(b.len ? b.p : NULL, t[i].want);
		}
		buf_free(&b);
	}
}

static void
test_table(void)
{
	static const char *const names[] = { "id", "name", "n" };
	static const char *const rows[] = {
		"1", "张三", "5",
		"22", "ab\x1b[0m", "6",
		"3", "tab\there", "",
	};

	/*
	 * Widths: id 2; name max("name" 4, "张三" 4, "ab\x1b[0m" 9, "tab\there" 9) = 9;
	 * two spaces between columns; trailing spaces trimmed.
	 */
	T_STR(run(OUT_TABLE, 0, 3, names, NULL, 3, rows),
	    "id  name       n\n"
	    "1   张三       5\n"
	    "22  ab\\x1b[0m  6\n"
	    "3   tab\\there\n");
	T_STR(run(OUT_TABLE, OUT_NO_HEADER, 3, names, NULL, 2, rows),
	    "1   张三       5\n"
	    "22  ab\\x1b[0m  6\n");
	/* CJK is two columns wide: a wide header pads narrower ASCII. */
	{
		static const char *const n2[] = { "客户", "x" };
		static const char *const r2[] = { "abc", "1", "王小明", "2", "", "3" };

		T_STR(run(OUT_TABLE, 0, 2, n2, NULL, 3, r2),
		    "客户    x\n"
		    "abc     1\n"
		    "王小明  2\n"
		    "        3\n");
	}
	/* Newlines, CR, C1, bidi controls, invalid bytes: all made visible. */
	{
		static const char *const n2[] = { "v", "w" };
		static const char *const r2[] = { "a\nb\r", "|", "\xC2\x9B" "x\xE2\x80\xAE", "|",
		    "\xff", "|" };

		T_STR(run(OUT_TABLE, 0, 2, n2, NULL, 3, r2),
		    "v            w\n"
		    "a\\nb\\r       |\n"
		    "\\x9bx\\u202e  |\n"
		    "\xEF\xBF\xBD            |\n");
	}
	/* No rows: the header; with -H nothing. */
	T_STR(run(OUT_TABLE, 0, 3, names, NULL, 0, rows), "id  name  n\n");
	T_STR(run(OUT_TABLE, OUT_NO_HEADER, 3, names, NULL, 0, rows), "");
	/* One column: no padding at all. */
	{
		static const char *const n1[] = { "long header" };
		static const char *const r1[] = { "a", "" };

		T_STR(run(OUT_TABLE, 0, 1, n1, NULL, 2, r1), "long header\na\n\n");
	}
}

static void
test_errors(void)
{
	FILE *fp = fopen("/dev/full", "w");
	static const char *const names[] = { "a" };
	static const char *const rows[] = { "x" };
	struct out *o;

	if (fp == NULL)
		return;
	o = out_new(fp, OUT_TSV, 0, 1, names, NULL);
	out_row(o, rows, NULL);
	T_INT(out_end(o), -1);
	out_free(o);
	fclose(fp);
}


/* person runs rows through a person's table (out_person with today at as_of) and returns what came out. */
static const char *
person(int n, const char *const *names, const enum coltype *types, int nrows,
    const char *const *vals, const int *urgent, const char *as_of, int mark, size_t width,
    int color)
{
	FILE *fp = tmpfile();
	struct out *o;
	rs_time t;
	int i;
	const char *s;

	T_INT(time_parse_iso(as_of, strlen(as_of), &t), 0);
	o = out_new(fp, OUT_TABLE, 0, n, names, types);
	out_person(o, t, mark, width, color);
	for (i = 0; i < nrows; i++)
		out_row_urgent(o, vals + (size_t)i * (size_t)n, NULL, urgent[i]);
	out_end(o);
	out_free(o);
	s = slurp(fp);
	fclose(fp);
	return s;
}

static void
test_person(void)
{
	static const char *const names[] = { "id", "due", "where" };
	static const enum coltype types[] = { COL_ID, COL_TS, COL_TEXT };
	static const char *const rows[] = {
		"A1", "2026-11-22T09:05:00+08:00", "深南大道一号",
		"B22", "2026-11-21T23:05:59+08:00", "x",
		"C3", "2026-11-21T16:30:00Z", "",
		"D4", "not a time", "y",
	};
	static const int urgent[] = { 1, 0, 1, 0 };

	/* Today (site zone Asia/Shanghai) is 11-22: HH:MM; 11-21 16:30Z is 11-22 00:30 there. */
	T_STR(person(3, names, types, 4, rows, urgent, "2026-11-22T10:00:00+08:00", 0, 0, 0),
	    "id   due          where\n"
	    "A1   09:05        深南大道一号\n"
	    "B22  11-21 23:05  x\n"
	    "C3   00:30\n"
	    "D4   not a time   y\n");
	/* The marker column, and the rows in colour. */
	T_STR(person(3, names, types, 2, rows, urgent, "2026-11-23T10:00:00+08:00", 1, 0, 0),
	    "  id   due          where\n"
	    "! A1   11-22 09:05  深南大道一号\n"
	    "  B22  11-21 23:05  x\n");
	T_STR(person(3, names, types, 1, rows, urgent, "2026-11-22T10:00:00+08:00", 1, 0, 1),
	    "  id  due    where\n"
	    OUT_COLOR_URGENT "! A1  09:05  深南大道一号" OUT_COLOR_OFF "\n");
	/*
	 * Width 20 with the marker ("! "): 18 for id 2, due 5, where and two
	 * separators of 2: where gets 7 (text is cut to OUT_CUT_MIN_TEXT
	 * first, then the widest column of any kind): three CJK characters
	 * (6 columns) and the ellipsis.
	 */
	T_STR(person(3, names, types, 1, rows, urgent, "2026-11-22T10:00:00+08:00", 1, 20, 0),
	    "  id  due    where\n"
	    "! A1  09:05  深南大\xe2\x80\xa6\n");
	/* No text to cut: the widest column (due, 5) gives a column, header included. */
	T_STR(person(2, names, types, 1, rows, urgent, "2026-11-22T10:00:00+08:00", 0, 8, 0),
	    "id  due\n"
	    "A1  09:\xe2\x80\xa6\n");
}

/* view writes row through list d in format f (lview_new's sel, nsel, wide) and returns what came out. */
static const char *
view(const struct lview_def *d, enum out_format f, int flags, const int *sel, int nsel,
    int wide, const char *const *row)
{
	FILE *fp = tmpfile();
	struct lview *v;
	rs_time t;
	const char *s;

	T_INT(time_parse_iso("2026-11-22T10:00", 16, &t), 0);
	v = lview_new(fp, d, f, flags, sel, nsel, wide, t, 0);
	lview_row(v, row);
	T_INT(lview_end(v), 0);
	lview_free(v);
	s = slurp(fp);
	fclose(fp);
	return s;
}

static void
test_listview(void)
{
	static const char *const names[] = { "case_id", "state", "due_at", "overdue" };
	static const enum coltype types[] = { COL_ID, COL_ENUM, COL_TS, COL_YN };
	static const char *const table[] = { "case_id", "due_at", NULL };
	static const struct lview_def d = { 4, names, types, table, 3 };
	static const char *const row[] = { "RS-1", "open", "2026-11-22T09:05:00+08:00", "y" };
	enum lview_bad why;
	char bad[16];
	int sel[4];

	T_INT(lview_select(&d, "due_at,case_id", sel, &why, bad, sizeof(bad)), 2);
	T_INT(sel[0], 2);
	T_INT(sel[1], 0);
	T_INT(lview_select(&d, "case_id,dueat", sel, &why, bad, sizeof(bad)), -1);
	T_INT(why, LVIEW_UNKNOWN);
	T_STR(bad, "dueat");
	T_INT(lview_select(&d, "state,state", sel, &why, bad, sizeof(bad)), -1);
	T_INT(why, LVIEW_REPEATED);
	T_STR(bad, "state");
	T_INT(lview_select(&d, "state,", sel, &why, bad, sizeof(bad)), -1);
	T_INT(why, LVIEW_EMPTY);
	T_INT(lview_select(&d, "", sel, &why, bad, sizeof(bad)), -1);
	T_INT(why, LVIEW_EMPTY);

	/* A table: the default columns, marked; tsv: every column, full times. */
	T_STR(view(&d, OUT_TABLE, 0, NULL, 0, 0, row), "  case_id  due_at\n! RS-1     09:05\n");
	T_STR(view(&d, OUT_TSV, 0, NULL, 0, 0, row), "case_id\tstate\tdue_at\toverdue\n"
	    "RS-1\topen\t2026-11-22T09:05:00+08:00\ty\n");
	/* --wide: every column in a table; --columns: those in every format. */
	T_STR(view(&d, OUT_TABLE, OUT_NO_HEADER, NULL, 0, 1, row), "! RS-1  open  09:05  y\n");
	sel[0] = 3;
	sel[1] = 1;
	T_STR(view(&d, OUT_JSON, 0, sel, 2, 0, row), "{\"overdue\":true,\"state\":\"open\"}\n");
	T_STR(view(&d, OUT_TABLE, 0, sel, 2, 1, row), "  overdue  state\n! y        open\n");
}

void
t_out(void)
{
	test_parse();
	test_tsv();
	test_csv();
	test_json();
	test_table();
	test_errors();
	test_person();
	test_listview();
	buf_free(&OUT);
}
