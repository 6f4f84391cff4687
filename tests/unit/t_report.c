/* t_report.c - unit tests of common/report.c: the masking of customer data (SPEC 5). */
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
}
