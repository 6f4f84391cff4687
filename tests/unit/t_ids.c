/* t_ids.c - unit tests of common/ids.c */
#include <stdint.h>
#include <string.h>

#include "ids.h"
#include "unit.h"

/* parse returns id_parse of the C string s with prefix p; *key is set on success. */
static int
parse(const char *s, const char *p, uint64_t *key)
{
	return id_parse(s, strlen(s), p, key);
}

/* bad returns 1 if s is rejected with prefix p. */
static int
bad(const char *s, const char *p)
{
	uint64_t key = 42;

	return parse(s, p, &key) == -1;
}

static void
t_parse_good(void)
{
	uint64_t key = 0;

	T_INT(parse("RS-20261122-0001", "RS", &key), 0);
	T_INT(key, id_key(20261122, 1));
	T_INT(id_date(key), 20261122);
	T_INT(id_seq(key), 1);
	T_INT(parse("RS-20261122-0042", "RS", &key), 0);
	T_INT(id_seq(key), 42);
	T_INT(parse("RS-20261122-9999", "RS", &key), 0);
	T_INT(id_seq(key), 9999);
	T_INT(parse("RS-20261122-10000", "RS", &key), 0);
	T_INT(id_seq(key), 10000);
	T_INT(parse("RS-20261122-9999999", "RS", &key), 0);
	T_INT(id_seq(key), 9999999);
	/* Past eight digits (SPEC 4.1: without limit, in practice ten). */
	T_INT(parse("RS-20261122-100000000", "RS", &key), 0);
	T_INT(id_seq(key), 100000000);
	T_INT(id_date(key), 20261122);
	T_INT(parse("RS-99991231-9999999999", "RS", &key), 0);
	T_INT(id_seq(key), ID_SEQ_MAX);
	T_INT(id_date(key), 99991231);
	T_INT(parse("RS-10000101-0001", "RS", &key), 0);
	T_INT(id_date(key), 10000101);
	T_INT(parse("CP-20261122-0007", "CP", &key), 0);
	T_INT(key, id_key(20261122, 7));
	T_INT(parse("RS-20240229-0001", "RS", &key), 0);	/* leap day */
	T_INT(parse("RS-20001231-0001", "RS", &key), 0);
	T_INT(parse("RS-10000101-0001", "RS", &key), 0);
	T_INT(parse("RS-99991231-0001", "RS", &key), 0);
	T_INT(id_date(key), 99991231);
	T_INT(parse("RS-20260131-0001", "RS", &key), 0);
	T_INT(parse("RS-20260430-0001", "RS", &key), 0);
}

static void
t_parse_bad(void)
{
	uint64_t key = 42;

	T_OK(bad("", "RS"));
	T_OK(bad("RS", "RS"));
	T_OK(bad("RS-20261122-0001", "CP"));	/* wrong prefix */
	T_OK(bad("CP-20261122-0001", "RS"));
	T_OK(bad("rs-20261122-0001", "RS"));	/* lowercase */
	T_OK(bad("Rs-20261122-0001", "RS"));
	T_OK(bad("RSX-20261122-0001", "RS"));
	T_OK(bad("XRS-20261122-0001", "RS"));
	T_OK(bad(" RS-20261122-0001", "RS"));
	T_OK(bad("RS-2026112-0001", "RS"));	/* short date */
	T_OK(bad("RS-202611220-0001", "RS"));	/* long date */
	T_OK(bad("RS-20261122-001", "RS"));	/* short sequence */
	T_OK(bad("RS-20261122-", "RS"));
	T_OK(bad("RS-20261122", "RS"));
	T_OK(bad("RS_20261122-0001", "RS"));
	T_OK(bad("RS-20261122_0001", "RS"));
	T_OK(bad("RS-2026-11-22-0001", "RS"));
	T_OK(bad("RS-20260230-0001", "RS"));	/* Feb 30 */
	T_OK(bad("RS-20250229-0001", "RS"));	/* not a leap year */
	T_OK(bad("RS-21000229-0001", "RS"));	/* century, not leap */
	T_OK(bad("RS-20261301-0001", "RS"));	/* month 13 */
	T_OK(bad("RS-20260001-0001", "RS"));	/* month 0 */
	T_OK(bad("RS-20261100-0001", "RS"));	/* day 0 */
	T_OK(bad("RS-20260431-0001", "RS"));	/* April 31 */
	T_OK(bad("RS-20261232-0001", "RS"));
	T_OK(bad("RS-09991231-0001", "RS"));	/* year below 1000 */
	T_OK(bad("RS-00000000-0001", "RS"));
	T_OK(bad("RS-2026112a-0001", "RS"));
	T_OK(bad("RS-+2026112-0001", "RS"));
	T_OK(bad("RS-20261122-0000", "RS"));	/* sequence from 1 */
	T_OK(bad("RS-20261122-00000", "RS"));
	T_OK(bad("RS-20261122-00001", "RS"));	/* 5 digits before 10000 */
	T_OK(bad("RS-20261122-09999", "RS"));
	T_OK(bad("RS-20261122-10000000000", "RS"));	/* beyond the key */
	T_OK(bad("RS-20261122-99999999999", "RS"));
	T_OK(bad("RS-20261122-000100000000", "RS"));
	T_OK(bad("RS-20261122-0001x", "RS"));	/* trailing garbage */
	T_OK(bad("RS-20261122-0001 ", "RS"));
	T_OK(bad("RS-20261122-0001\n", "RS"));
	T_OK(bad("RS-20261122-00a1", "RS"));
	T_OK(bad("RS-20261122--001", "RS"));
	T_OK(bad("RS-20261122-+001", "RS"));
	T_OK(bad("RS-20261122-１２３４", "RS"));	/* fullwidth digits */

	/* n counts: an embedded NUL is part of the id, and so rejected. */
	T_INT(id_parse("RS-20261122-0001\0", 17, "RS", &key), -1);
	T_INT(id_parse("RS-20261122-00\0001", 16, "RS", &key), -1);
	T_INT(id_parse("RS-20261122\0-0001", 17, "RS", &key), -1);
	/* and n shorter than the string: only n bytes are read. */
	T_INT(id_parse("RS-20261122-00012", 16, "RS", &key), 0);
	T_INT(id_seq(key), 1);
	T_INT(id_parse("RS-20261122-0001", 15, "RS", &key), -1);
	/* *key is left alone on failure. */
	key = 42;
	T_INT(id_parse("RS-20261122-0000", 16, "RS", &key), -1);
	T_INT(key, 42);
}

/* Ids with a site code (SPEC 3.0, 4.1). */
static void
t_site_code(void)
{
	uint64_t a = 0, b = 0, c = 0, k = 0;
	char buf[ID_MAX];

	T_INT(parse("RS-SZ-20261122-0001", "RS", &a), 0);
	T_INT(id_date(a), 20261122);
	T_INT(id_seq(a), 1);
	T_STR(id_format(buf, "RS", a), "RS-SZ-20261122-0001");
	T_INT(parse("RS-20261122-0001", "RS", &b), 0);
	T_OK(a != b);			/* two ids: the code is part of the key */
	T_INT(id_day(a) == id_day(b), 0);
	T_INT(parse("RS-SZ01-20261122-0002", "RS", &c), 0);
	T_STR(id_format(buf, "RS", c), "RS-SZ01-20261122-0002");
	T_OK(c != a && id_seq(c) == 2);
	T_INT(parse("CP-SZ-20261122-12345", "CP", &k), 0);
	T_STR(id_format(buf, "CP", k), "CP-SZ-20261122-12345");
	T_INT(parse("RS-SZ-20261122-99999999", "RS", &k), 0);	/* 8 digits */
	T_INT(id_seq(k), 99999999);
	T_INT(parse("RS-SZ01ABCD-20261122-9999999999", "RS", &c), 0);	/* the longest */
	T_STR(id_format(buf, "RS", c), "RS-SZ01ABCD-20261122-9999999999");
	T_OK(k < c);
	/* Keys sort by date, then sequence, whatever the form. */
	T_INT(parse("RS-SZ-20261122-0003", "RS", &k), 0);
	T_OK(b < a && a < k);
	T_INT(parse("RS-20261123-0001", "RS", &b), 0);
	T_OK(k < b);
	T_INT(id_day(k), id_day(a));

	T_OK(bad("RS-sz-20261122-0001", "RS"));		/* lowercase */
	T_OK(bad("RS-S-20261122-0001", "RS"));		/* too short */
	T_OK(bad("RS-SZ0123456-20261122-0001", "RS"));	/* too long */
	T_OK(bad("RS-0101-20261122-0001", "RS"));	/* no letter */
	T_OK(bad("RS-SZ_1-20261122-0001", "RS"));
	T_OK(bad("RS-SZ--20261122-0001", "RS"));
	T_OK(bad("RS--20261122-0001", "RS"));
	T_OK(bad("RS-SZ-20261122", "RS"));
	T_OK(bad("RS-SZ-2026112-0001", "RS"));
	T_OK(bad("RS-SZ-20261122-00001", "RS"));
	T_OK(bad("RS-SZ-GZ-20261122-0001", "RS"));
	T_OK(bad("CP-SZ-20261122-0001", "RS"));

	T_INT(id_code_valid("SZ", 2), 1);
	T_INT(id_code_valid("SZ01", 4), 1);
	T_INT(id_code_valid("1A", 2), 1);
	T_INT(id_code_valid("ABCDEFGH", 8), 1);
	T_INT(id_code_valid("ABCDEFGHI", 9), 0);
	T_INT(id_code_valid("S", 1), 0);
	T_INT(id_code_valid("12", 2), 0);
	T_INT(id_code_valid("Sz", 2), 0);

	/* New ids carry the site's code; none again without it. */
	T_INT(id_set_site_code("GZ2"), 0);
	T_STR(id_format(buf, "RS", id_key_site(20261122, 7)), "RS-GZ2-20261122-0007");
	T_INT(parse(buf, "RS", &k), 0);
	T_INT(k, id_key_site(20261122, 7));
	T_INT(id_set_site_code("bad"), -1);
	T_INT(id_set_site_code(NULL), 0);
	T_STR(id_format(buf, "RS", id_key_site(20261122, 7)), "RS-20261122-0007");
}

static void
t_format(void)
{
	static const char *const ids[] = {
		"RS-20261122-0001", "RS-20261122-0042", "RS-20261122-9999",
		"RS-20261122-10000", "RS-20261122-123456",
		"RS-20261122-9999999", "RS-19991231-0100", "RS-20240229-0003",
		"RS-20261122-99999999", "RS-20261122-100000000",
		"RS-20261122-9999999999", "RS-10000101-0001", "RS-99991231-0001",
		"RS-19700101-0001", "RS-19691231-0001", "RS-20000229-0001",
	};
	char buf[ID_MAX];
	uint64_t key;
	size_t i;
	int ok = 1;

	T_STR(id_format(buf, "RS", id_key(20261122, 1)), "RS-20261122-0001");
	T_STR(id_format(buf, "CP", id_key(20261122, 12)), "CP-20261122-0012");
	T_STR(id_format(buf, "RS", id_key(20261122, 12345)),
	    "RS-20261122-12345");
	T_STR(id_format(buf, "RS", id_key(20261122, 9999999)),
	    "RS-20261122-9999999");
	T_OK(id_format(buf, "RS", 0) == buf);

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		if (parse(ids[i], "RS", &key) != 0 ||
		    strcmp(id_format(buf, "RS", key), ids[i]) != 0)
			ok = 0;
	}
	T_OK(ok);

	/* Keys sort as ids do: by date, then by sequence. */
	T_OK(id_key(20261122, 9999) < id_key(20261122, 10000));
	T_OK(id_key(20261122, 9999999) < id_key(20261123, 1));
	T_INT(id_date(id_key(20261122, 9999999)), 20261122);
	T_INT(id_seq(id_key(20261122, 9999999)), 9999999);
	T_OK(id_key(20261122, 99999999) < id_key(20261122, 100000000));
	T_OK(id_key(20261122, ID_SEQ_MAX) < id_key(20261123, 1));
	T_OK(id_key(20261231, ID_SEQ_MAX) < id_key(20270101, 1));
	T_OK(id_key(20240228, 1) < id_key(20240229, 1));
	T_OK(id_key(99991231, ID_SEQ_MAX) > id_key(10000101, 1));
	/* The largest key still fits, code bits included. */
	T_OK((id_key(99991231, ID_SEQ_MAX) | 255) >> ID_CODE_BITS ==
	    id_key(99991231, ID_SEQ_MAX) >> ID_CODE_BITS);
	T_INT(id_seq(id_key(99991231, ID_SEQ_MAX) | 255), ID_SEQ_MAX);
	T_INT(id_date(id_key(99991231, ID_SEQ_MAX) | 255), 99991231);
	T_INT(id_day(id_key(20261122, 100000000)), id_day(id_key(20261122, 1)));
	/* No key and no day is 0, the "none" of idmap and kindex. */
	T_OK(id_day(id_key(10000101, 1)) != 0);
	T_INT(id_date(id_key(10000101, 1)), 10000101);
	T_INT(id_date(id_key(99991231, 1)), 99991231);
	T_INT(id_date(id_key(20240229, 1)), 20240229);
}

/* id_next: the day's next id, and a clean error at the end of the sequence. */
static void
t_next(void)
{
	char buf[ID_MAX];
	struct rs_err e;

	err_clear(&e);
	T_INT(id_next(buf, "RS", 20261122, 0, &e), 0);
	T_STR(buf, "RS-20261122-0001");
	T_INT(id_next(buf, "RS", 20261122, 99999999, &e), 0);
	T_STR(buf, "RS-20261122-100000000");
	T_INT(id_next(buf, "CP", 20261122, ID_SEQ_MAX - 1, &e), 0);
	T_STR(buf, "CP-20261122-9999999999");
	T_INT(id_set_site_code("SZ01ABCD"), 0);
	T_INT(id_next(buf, "RS", 99991231, ID_SEQ_MAX - 1, &e), 0);
	T_STR(buf, "RS-SZ01ABCD-99991231-9999999999");
	T_INT(id_set_site_code(NULL), 0);
	T_INT(e.code, 0);
	T_INT(id_next(buf, "RS", 20261122, ID_SEQ_MAX, &e), -1);
	T_INT(e.code, RS_EDATA);
	T_STR(e.where, "RS-20261122");
	T_STR(e.msg, "no id left on this date: the sequence of a day ends at 9999999999");
}

static void
t_provider(void)
{
	char long33[34];

	T_INT(provider_id_valid("P1", 2), 1);
	T_INT(provider_id_valid("a", 1), 1);
	T_INT(provider_id_valid("GZ-tow_07", 9), 1);
	T_INT(provider_id_valid("-_", 2), 1);
	T_INT(provider_id_valid("", 0), 0);
	T_INT(provider_id_valid("has space", 9), 0);
	T_INT(provider_id_valid("a.b", 3), 0);
	T_INT(provider_id_valid("a/b", 3), 0);
	T_INT(provider_id_valid("a\tb", 3), 0);
	T_INT(provider_id_valid("P1\0", 3), 0);
	T_INT(provider_id_valid("王", strlen("王")), 0);
	memset(long33, 'x', sizeof(long33));
	T_INT(provider_id_valid(long33, 32), 1);
	T_INT(provider_id_valid(long33, 33), 0);
}

void
t_ids(void)
{
	t_parse_good();
	t_parse_bad();
	t_format();
	t_next();
	t_site_code();
	t_provider();
}
