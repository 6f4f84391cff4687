/*
 * t_report.c - unit tests of common/report.c and the text writer of
 * render.c: the masking of customer data, and what people see of a
 * section (chosen columns, a row limit, short times, 80 columns, details).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "unit.h"

/* masked returns pii_text of v with name in a static buffer. */
static const char *
masked(const char *v, const char *name)
{
	static struct buf b;

	buf_reset(&b);
	pii_text(v, name, &b);
	return b.p ? b.p : "";
}

/* rendered returns section name of r as text, in a static buffer. */
static const char *
rendered(const struct report *r, const char *name)
{
	static char out[4096];
	FILE *fp = fmemopen(out, sizeof(out) - 1, "w");

	memset(out, 0, sizeof(out));
	if (fp == NULL || report_render(r, fp, RF_TEXT, name, 0) != 0)
		strcpy(out, "(render failed)");
	if (fp != NULL)
		fclose(fp);
	return out;
}

static void
t_render(void)
{
	static const char *const cols[] = { "case_id", "note", "due_at", "overdue" };
	static const enum rtype types[] = { RT_ID, RT_TEXT, RT_TIME, RT_BOOL };
	static const int show[] = { 0, 2, 3 };
	static const char *const dcols[] = { "details" };
	static const enum rtype dtypes[] = { RT_DETAILS };
	struct report *r = report_new("t", "T");
	struct rsection *s;
	char note[100];
	rs_time t;

	s = report_section(r, "a", "A", RSH_ARRAY, 4, cols, types);
	rsec_row(s);
	rsec_set(r, s, 0, "RS-1");
	rsec_set(r, s, 1, "x");
	rsec_set(r, s, 2, "2026-11-22T19:55:00+08:00");
	rsec_set(r, s, 3, "y");
	rsec_row(s);
	rsec_set(r, s, 0, "RS-2");
	rsec_set(r, s, 2, "2026-11-23T08:30:00+08:00");
	rsec_set(r, s, 3, "n");
	/* Every column, full times to the minute. */
	T_STR(rendered(r, "a"), "case_id  note  due_at            overdue\n"
	    "RS-1     x     2026-11-22 19:55  y\n"
	    "RS-2     –     2026-11-23 08:30  n\n");
	/* The chosen columns, one row and how many more, times short against --as-of. */
	rsec_show(s, show, 3, 1);
	T_OK(time_parse_ts("2026-11-23T10:00:00+08:00", 25, &t) == 0);
	report_today(r, t);
	T_STR(rendered(r, "a"), "case_id  due_at       overdue\n"
	    "RS-1     11-22 19:55  y\n"
	    "… and 1 more (json, tsv and csv carry every row)\n");
	rsec_show(s, show, 3, 0);
	T_STR(rendered(r, "a"), "case_id  due_at       overdue\n"
	    "RS-1     11-22 19:55  y\n"
	    "RS-2     08:30        n\n");
	/* Free text too wide for 80 columns is cut, by display width, with "…". */
	rsec_show(s, NULL, 0, 0);
	memset(note, 'n', 70);
	note[70] = '\0';
	s->cells[1] = report_strdup(r, note);
	/* The header is 80 wide: 9 + 49 + 2 + 13 + 7; the note column gives up the rest. */
	T_STR(rendered(r, "a"), "case_id  note                                             "
	    "  due_at       overdue\n"
	    "RS-1     nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…  11-22 19:55  y\n"
	    "RS-2     –                                                  08:30        n\n");
	/* Details for people: names as headings, times short, a "; " inside a note kept. */
	s = report_section(r, "d", "D", RSH_ARRAY, 1, dcols, dtypes);
	rsec_row(s);
	rsec_set(r, s, 0, "call_at=2026-11-23T08:08:20+08:00; note=a; b; level=2");
	T_STR(rendered(r, "d"), "details\ncall_at=08:08; note=a; b; level=2\n");
	report_free(r);
}

void
t_report(void)
{
	char out[64];

	T_STR(pii_phone("13812345678", out, sizeof(out)), "138****5678");
	T_STR(pii_phone("+86 138-1234-5678", out, sizeof(out)), "861******5678");
	T_STR(pii_phone("1234567", out, sizeof(out)), "*****67");
	T_STR(pii_name("王小明", out, sizeof(out)), "王**");
	T_STR(pii_name("王", out, sizeof(out)), "*");

	/* Phones in free text, in the spellings people type. */
	T_STR(masked("call 13812345678 now", NULL), "call 138****5678 now");
	T_STR(masked("电话13812345678", NULL), "电话138****5678");
	T_STR(masked("138-1234-5678", NULL), "138****5678");
	T_STR(masked("0755 8888 1234.", NULL), "075*****1234.");
	T_STR(masked("tel:1234567", NULL), "tel:*****67");
	/* Not phones: short numbers, dates, times, money, ids, plates, provider ids. */
	T_STR(masked("123456 and 12:30", NULL), "123456 and 12:30");
	T_STR(masked("come 2026-11-25 or 20261125x", NULL), "come 2026-11-25 or 202*1125x");
	T_STR(masked("fee 370.00", NULL), "fee 370.00");
	T_STR(masked("see RS-20261122-0042, CP-20261122-0001", NULL),
	    "see RS-20261122-0042, CP-20261122-0001");
	T_STR(masked("粤B1234567 P017", NULL), "粤B1234567 P017");
	/* The customer's name, wherever it stands; a one-character name is left alone. */
	T_STR(masked("王小明说王小明的车", "王小明"), "王**说王**的车");
	T_STR(masked("王师傅", "王"), "王师傅");
	T_STR(masked("Zhang Sanfeng called", "Zhang Sanfeng"), "Z************ called");
	T_STR(masked("", "王小明"), "");
	T_STR(masked("no data here", ""), "no data here");
	t_render();
}
