/*
 * t_schema.c - unit tests of common/schema.c: the schema tables, every
 * column type at its edges (schema_check_value, exact messages) and
 * whole rows (schema_check_row).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "unit.h"

static const struct schema *S_CASES, *S_DISPATCH, *S_COMPLAINTS, *S_CALLBACKS, *S_PROVIDERS;

/* cv checks v against column col of s: "ok" or the message. */
static const char *
cvn(const struct schema *s, const char *col, const char *v, size_t n)
{
	static char msg[512];
	const char *r;
	int i = schema_column(s, col);

	if (i < 0)
		return "NO SUCH COLUMN";
	memset(msg, 'X', sizeof(msg));
	r = schema_check_value(&s->cols[i], v, n, msg, sizeof(msg));
	if (r == NULL)
		return "ok";
	if (r != msg)
		return "NOT MSG";
	return r;
}

static const char *
cv(const struct schema *s, const char *col, const char *v)
{
	return cvn(s, col, v, strlen(v));
}

static void
test_tables(void)
{
	const struct column *c;
	int i;

	S_CASES = schema_find("cases");
	S_DISPATCH = schema_find("dispatch");
	S_COMPLAINTS = schema_find("complaints");
	S_CALLBACKS = schema_find("callbacks");
	S_PROVIDERS = schema_find("providers");
	T_OK(S_CASES && S_DISPATCH && S_COMPLAINTS && S_CALLBACKS && S_PROVIDERS);
	T_OK(schema_find("nope") == NULL);
	T_OK(schema_find("") == NULL);
	T_OK(schema_find("Cases") == NULL);
	T_OK(schema_find("cases.tsv") == NULL);

	/* schema_all: the order of SPEC 4, NULL-terminated. */
	T_OK(schema_all[0] == S_CASES);
	T_OK(schema_all[1] == S_DISPATCH);
	T_OK(schema_all[2] == S_COMPLAINTS);
	T_OK(schema_all[3] == S_CALLBACKS);
	T_OK(schema_all[4] == S_PROVIDERS);
	T_OK(schema_all[5] == NULL);

	T_STR(S_CASES->name, "cases");
	T_INT(S_CASES->n, 33);
	T_INT(S_DISPATCH->n, 14);
	T_INT(S_COMPLAINTS->n, 20);
	T_INT(S_CALLBACKS->n, 16);
	T_INT(S_PROVIDERS->n, 11);
	T_INT(CASES_NCOLS, 33);

	T_INT(S_CASES->id_col, CASES_CASE_ID);
	T_STR(S_CASES->id_prefix, "RS");
	T_INT(S_CASES->event_col, CASES_EVENT);
	T_INT(S_COMPLAINTS->id_col, COMPLAINTS_COMPLAINT_ID);
	T_STR(S_COMPLAINTS->id_prefix, "CP");
	T_INT(S_COMPLAINTS->event_col, COMPLAINTS_EVENT);
	T_INT(S_PROVIDERS->id_col, 0);
	T_OK(S_PROVIDERS->id_prefix == NULL);
	T_INT(S_PROVIDERS->event_col, -1);
	T_INT(S_CALLBACKS->event_col, -1);
	T_INT(S_DISPATCH->event_col, DISPATCH_EVENT);

	/* schema_column */
	T_INT(schema_column(S_CASES, "ts"), 0);
	T_INT(schema_column(S_CASES, "at"), 1);
	T_INT(schema_column(S_CASES, "phone"), CASES_PHONE);
	T_INT(schema_column(S_CASES, "note"), 27);
	T_INT(schema_column(S_CASES, "nope"), -1);
	T_INT(schema_column(S_CASES, ""), -1);
	T_INT(schema_column(S_CASES, "Phone"), -1);
	T_INT(schema_column(S_CASES, "phone "), -1);
	T_INT(schema_column(S_PROVIDERS, "provider_id"), 0);
	T_INT(schema_column(S_DISPATCH, "case_id"), DISPATCH_CASE_ID);

	/* Every event journal starts with ts and at. */
	for (i = 0; i < 4; i++) {
		T_STR(schema_all[i]->cols[0].name, "ts");
		T_STR(schema_all[i]->cols[1].name, "at");
		T_INT(schema_all[i]->cols[0].type, COL_TS);
		T_INT(schema_all[i]->cols[1].type, COL_TS);
	}

	/* Column attributes from the schema files. */
	c = &S_CASES->cols[CASES_PRIORITY];
	T_INT(c->type, COL_INT);
	T_INT(c->has_min, 1);
	T_INT(c->has_max, 1);
	T_OK(c->min == 1 && c->max == 4);
	c = &S_CASES->cols[CASES_INJURIES];
	T_INT(c->has_min, 1);
	T_INT(c->has_max, 0);
	T_OK(c->min == 0);
	c = &S_CASES->cols[CASES_EVENT];
	T_INT(c->type, COL_ENUM);
	T_INT(c->n_enums, 2);
	T_STR(c->enums[0], "opened");
	T_STR(c->enums[1], "amended");
	T_OK(c->enums[2] == NULL);
	T_STR(c->required, "y");
	T_STR(S_CASES->cols[CASES_PHONE].required, "event:opened");
	T_STR(S_CASES->cols[CASES_NOTE].required, "n");
	/* The required rule as schemagen.awk compiles it. */
	T_INT(c->req_all, 1);
	T_INT(c->req_dep, -1);
	T_OK(c->req_values == NULL);
	c = &S_CASES->cols[CASES_PHONE];
	T_INT(c->req_all, 0);
	T_INT(c->req_dep, CASES_EVENT);
	T_STR(c->req_values[0], "opened");
	T_OK(c->req_values[1] == NULL);
	c = &S_CASES->cols[CASES_NOTE];
	T_INT(c->req_all, 0);
	T_INT(c->req_dep, -1);
	T_INT(S_CASES->cols[CASES_SERVICE].n_enums, 10);
	T_INT(S_PROVIDERS->cols[6].type, COL_LIST);
	T_INT(S_PROVIDERS->cols[6].n_enums, 10);
	T_STR(S_CASES->cols[CASES_CASE_ID].values, "RS");
	T_STR(S_DISPATCH->cols[DISPATCH_PROVIDER].values, "provider");

	/* coltype_name, coltype_is_number */
	T_STR(coltype_name(COL_TS), "ts");
	T_STR(coltype_name(COL_MONEY), "money");
	T_STR(coltype_name(COL_DATE), "date");
	T_STR(coltype_name(COL_MINUTES), "minutes");
	T_STR(coltype_name(COL_LIST), "list");
	T_INT(coltype_is_number(COL_INT), 1);
	T_INT(coltype_is_number(COL_NUM), 1);
	T_INT(coltype_is_number(COL_MONEY), 1);
	T_INT(coltype_is_number(COL_LAT), 1);
	T_INT(coltype_is_number(COL_LON), 1);
	T_INT(coltype_is_number(COL_MINUTES), 1);
	T_INT(coltype_is_number(COL_YN), 0);
	T_INT(coltype_is_number(COL_TEXT), 0);
	T_INT(coltype_is_number(COL_PHONE), 0);
	T_INT(coltype_is_number(COL_TS), 0);
	T_INT(coltype_is_number(COL_ID), 0);
	T_INT(coltype_is_number(COL_DATE), 0);

	/* schema_enum_index */
	c = &S_CASES->cols[CASES_SERVICE];
	T_INT(schema_enum_index(c, "tow", 3), 0);
	T_INT(schema_enum_index(c, "booking", 7), 9);
	T_INT(schema_enum_index(c, "towx", 3), 0);	/* n bytes only */
	T_INT(schema_enum_index(c, "to", 2), -1);
	T_INT(schema_enum_index(c, "", 0), -1);
	T_INT(schema_enum_index(&S_CASES->cols[CASES_NOTE], "x", 1), -1);
}

static void
test_ts(void)
{
	const struct schema *s = S_CASES;

	T_STR(cv(s, "ts", "2026-11-22T08:15:03+08:00"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03Z"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03-05:00"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T00:00:00+00:00"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T23:59:59+08:00"), "ok");
	/* Offsets up to +-14:00. */
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+14:00"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03-14:00"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+05:45"), "ok");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+14:01"), "bad time '2026-11-22T08:15:03+14:01'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03-14:01"), "bad time '2026-11-22T08:15:03-14:01'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+15:00"), "bad time '2026-11-22T08:15:03+15:00'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+08:60"), "bad time '2026-11-22T08:15:03+08:60'");
	/* Impossible times. */
	T_STR(cv(s, "ts", "2026-13-01T00:00:00+08:00"), "bad time '2026-13-01T00:00:00+08:00'");
	T_STR(cv(s, "ts", "2026-00-01T00:00:00+08:00"), "bad time '2026-00-01T00:00:00+08:00'");
	T_STR(cv(s, "ts", "2026-11-22T24:00:00+08:00"), "bad time '2026-11-22T24:00:00+08:00'");
	T_STR(cv(s, "ts", "2026-11-22T23:60:00+08:00"), "bad time '2026-11-22T23:60:00+08:00'");
	T_STR(cv(s, "ts", "2026-12-31T23:59:60+08:00"), "bad time '2026-12-31T23:59:60+08:00'");
	T_STR(cv(s, "ts", "2016-12-31T23:59:60Z"), "bad time '2016-12-31T23:59:60Z'");
	T_STR(cv(s, "ts", "2026-11-31T08:00:00+08:00"), "bad time '2026-11-31T08:00:00+08:00'");
	/* Feb 29 only in leap years (2000 yes, 2100 no). */
	T_STR(cv(s, "ts", "2028-02-29T12:00:00+08:00"), "ok");
	T_STR(cv(s, "ts", "2000-02-29T12:00:00+08:00"), "ok");
	T_STR(cv(s, "ts", "2026-02-29T12:00:00+08:00"), "bad time '2026-02-29T12:00:00+08:00'");
	T_STR(cv(s, "ts", "2100-02-29T12:00:00+08:00"), "bad time '2100-02-29T12:00:00+08:00'");
	T_STR(cv(s, "ts", "2026-02-30T12:00:00+08:00"), "bad time '2026-02-30T12:00:00+08:00'");
	/* The journal form only: seconds, T, an explicit offset with a colon. */
	T_STR(cv(s, "ts", "2026-11-22T08:15+08:00"), "bad time '2026-11-22T08:15+08:00'");
	T_STR(cv(s, "ts", "2026-11-22 08:15:03+08:00"), "bad time '2026-11-22 08:15:03+08:00'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03"), "bad time '2026-11-22T08:15:03'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+0800"), "bad time '2026-11-22T08:15:03+0800'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+08"), "bad time '2026-11-22T08:15:03+08'");
	T_STR(cv(s, "ts", "2026-11-22t08:15:03+08:00"), "bad time '2026-11-22t08:15:03+08:00'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03z"), "bad time '2026-11-22T08:15:03z'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03.5+08:00"), "bad time '2026-11-22T08:15:03.5+08:00'");
	T_STR(cv(s, "ts", "2026-11-22"), "bad time '2026-11-22'");
	T_STR(cv(s, "ts", "now"), "bad time 'now'");
	T_STR(cv(s, "ts", " 2026-11-22T08:15:03+08:00"), "bad time ' 2026-11-22T08:15:03+08:00'");
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+08:00 "), "bad time '2026-11-22T08:15:03+08:00 '");
	T_STR(cv(s, "ts", "2026-1a-22T08:15:03+08:00"), "bad time '2026-1a-22T08:15:03+08:00'");
	/* Only n bytes are read. */
	T_STR(cvn(s, "ts", "2026-11-22T08:15:03+08:00junk", 25), "ok");
	/* Control characters in the quoted value are shown escaped. */
	T_STR(cv(s, "at", "2026-11-22T08:15:03\x1b[31m"), "bad time '2026-11-22T08:15:03\\x1b[31m'");
	T_STR(cv(s, "call_at", "2026-11-22T08:15:03\t+08:00"), "bad time '2026-11-22T08:15:03\\t+08:00'");
	/* Long values are cut at 40 bytes with "...". */
	T_STR(cv(s, "ts", "2026-11-22T08:15:03+08:00 and a lot more text after it"),
	    "bad time '2026-11-22T08:15:03+08:00 and a lot more...'");
	/* ... never inside a UTF-8 character. */
	T_STR(cv(s, "ts", "123456789012345678901234567890123456789张三"),
	    "bad time '123456789012345678901234567890123456789...'");
	T_STR(cv(s, "ts", "12345678901234567890123456789012345678张三"),
	    "bad time '12345678901234567890123456789012345678...'");
	T_STR(cv(s, "ts", "1234567890123456789012345678901234567张三"),
	    "bad time '1234567890123456789012345678901234567张...'");
	/* Exactly 40 bytes: no cut. */
	T_STR(cv(s, "ts", "1234567890123456789012345678901234567890"),
	    "bad time '1234567890123456789012345678901234567890'");
	/* Invalid UTF-8 is shown as U+FFFD. */
	T_STR(cv(s, "ts", "\xff"), "bad time '\xEF\xBF\xBD'");
}

static void
test_ids(void)
{
	T_STR(cv(S_CASES, "case_id", "RS-20261122-0001"), "ok");
	T_STR(cv(S_CASES, "case_id", "RS-20261122-9999"), "ok");
	T_STR(cv(S_CASES, "case_id", "RS-20261122-10000"), "ok");
	T_STR(cv(S_CASES, "case_id", "RS-20280229-0001"), "ok");
	T_STR(cv(S_CASES, "case_id", "RS-20261122-0000"), "bad id 'RS-20261122-0000'");
	T_STR(cv(S_CASES, "case_id", "RS-20261122-001"), "bad id 'RS-20261122-001'");
	T_STR(cv(S_CASES, "case_id", "RS-20261122-00001"), "bad id 'RS-20261122-00001'");
	T_STR(cv(S_CASES, "case_id", "RS-20260229-0001"), "bad id 'RS-20260229-0001'");
	T_STR(cv(S_CASES, "case_id", "RS-20261322-0001"), "bad id 'RS-20261322-0001'");
	T_STR(cv(S_CASES, "case_id", "CP-20261122-0001"), "bad id 'CP-20261122-0001'");
	T_STR(cv(S_CASES, "case_id", "rs-20261122-0001"), "bad id 'rs-20261122-0001'");
	T_STR(cv(S_CASES, "case_id", "RS20261122-0001"), "bad id 'RS20261122-0001'");
	T_STR(cv(S_CASES, "case_id", "RS-20261122-0001 "), "bad id 'RS-20261122-0001 '");
	T_STR(cv(S_CASES, "case_id", "x"), "bad id 'x'");
	T_STR(cv(S_COMPLAINTS, "complaint_id", "CP-20261122-0042"), "ok");
	T_STR(cv(S_COMPLAINTS, "complaint_id", "RS-20261122-0042"), "bad id 'RS-20261122-0042'");
	T_STR(cv(S_COMPLAINTS, "case_id", "RS-20261122-0042"), "ok");
	T_STR(cv(S_CALLBACKS, "complaint_id", "CP-20261122-0042"), "ok");

	/* Provider ids: 1-32 letters, digits, - and _. */
	T_STR(cv(S_PROVIDERS, "provider_id", "P"), "ok");
	T_STR(cv(S_PROVIDERS, "provider_id", "tow-sh_01"), "ok");
	T_STR(cv(S_PROVIDERS, "provider_id", "abcdefghijklmnopqrstuvwxyz012345"), "ok");
	T_STR(cv(S_PROVIDERS, "provider_id", "abcdefghijklmnopqrstuvwxyz0123456"),
	    "bad provider id 'abcdefghijklmnopqrstuvwxyz0123456'");
	T_STR(cv(S_PROVIDERS, "provider_id", "a b"), "bad provider id 'a b'");
	T_STR(cv(S_PROVIDERS, "provider_id", "a.b"), "bad provider id 'a.b'");
	T_STR(cv(S_PROVIDERS, "provider_id", "救援"), "bad provider id '救援'");
	T_STR(cv(S_DISPATCH, "provider", "TOW-1"), "ok");
	T_STR(cv(S_DISPATCH, "provider", "TOW/1"), "bad provider id 'TOW/1'");
	T_STR(cv(S_COMPLAINTS, "provider", "p_2"), "ok");
}

static void
test_enum_list(void)
{
	T_STR(cv(S_CASES, "event", "opened"), "ok");
	T_STR(cv(S_CASES, "event", "amended"), "ok");
	T_STR(cv(S_CASES, "event", "x"), "unknown value 'x' (want opened|amended)");
	T_STR(cv(S_CASES, "event", "Opened"), "unknown value 'Opened' (want opened|amended)");
	T_STR(cv(S_CASES, "event", "opened "), "unknown value 'opened ' (want opened|amended)");
	T_STR(cv(S_CASES, "event", "open"), "unknown value 'open' (want opened|amended)");
	T_STR(cv(S_CASES, "channel", "walkin"), "ok");
	T_STR(cv(S_CASES, "energy", "diesel"), "unknown value 'diesel' (want ice|ev|hybrid)");
	T_STR(cv(S_DISPATCH, "outcome", "tyre-changed"), "ok");
	T_STR(cv(S_DISPATCH, "event", "done"),
	    "unknown value 'done' (want assigned|notified|enroute|arrived|completed|cancelled|authorized)");
	T_STR(cv(S_COMPLAINTS, "event", "action-done"), "ok");
	T_STR(cv(S_CALLBACKS, "result", "no-answer"), "ok");
	T_STR(cv(S_CASES, "fault", "ev-system"), "ok");

	/* A list: ,-separated enum values, no empty items. */
	T_STR(cv(S_PROVIDERS, "services", "tow"), "ok");
	T_STR(cv(S_PROVIDERS, "services", "tow,tyre,booking"), "ok");
	T_STR(cv(S_PROVIDERS, "services", "tow,bus"),
	    "unknown value 'bus' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)");
	T_STR(cv(S_PROVIDERS, "services", "tow,"),
	    "unknown value '' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)");
	T_STR(cv(S_PROVIDERS, "services", ",tow"),
	    "unknown value '' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)");
	T_STR(cv(S_PROVIDERS, "services", "tow,,tyre"),
	    "unknown value '' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)");
	T_STR(cv(S_PROVIDERS, "services", "tow, tyre"),
	    "unknown value ' tyre' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)");
	T_STR(cv(S_PROVIDERS, "services", "tow|tyre"),
	    "unknown value 'tow|tyre' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)");
}

static void
test_numbers(void)
{
	/* int with a range 1..4 */
	T_STR(cv(S_CASES, "priority", "1"), "ok");
	T_STR(cv(S_CASES, "priority", "4"), "ok");
	T_STR(cv(S_CASES, "priority", "0"), "out of range '0' (want 1..4)");
	T_STR(cv(S_CASES, "priority", "5"), "out of range '5' (want 1..4)");
	T_STR(cv(S_CASES, "priority", "-1"), "out of range '-1' (want 1..4)");
	T_STR(cv(S_CASES, "priority", "1.0"), "bad integer '1.0'");
	T_STR(cv(S_CASES, "priority", "+1"), "bad integer '+1'");
	T_STR(cv(S_CASES, "priority", "-"), "bad integer '-'");
	T_STR(cv(S_CASES, "priority", " 1"), "bad integer ' 1'");
	T_STR(cv(S_CASES, "priority", "one"), "bad integer 'one'");
	T_STR(cv(S_CASES, "priority", "1e0"), "bad integer '1e0'");
	/* int with 0.. */
	T_STR(cv(S_CASES, "injuries", "0"), "ok");
	T_STR(cv(S_CASES, "injuries", "12"), "ok");
	T_STR(cv(S_CASES, "injuries", "999999999999999"), "ok");	/* 15 digits */
	T_STR(cv(S_CASES, "injuries", "9999999999999999"), "bad integer '9999999999999999'");
	T_STR(cv(S_CASES, "injuries", "-1"), "out of range '-1' (want >= 0)");
	T_STR(cv(S_CALLBACKS, "nps", "0"), "ok");
	T_STR(cv(S_CALLBACKS, "nps", "10"), "ok");
	T_STR(cv(S_CALLBACKS, "nps", "11"), "out of range '11' (want 0..10)");
	T_STR(cv(S_CALLBACKS, "overall", "5"), "ok");
	T_STR(cv(S_CALLBACKS, "overall", "6"), "out of range '6' (want 1..5)");
	T_STR(cv(S_COMPLAINTS, "level", "4"), "ok");

	/* num with 0.. */
	T_STR(cv(S_DISPATCH, "distance_km", "0"), "ok");
	T_STR(cv(S_DISPATCH, "distance_km", "12.5"), "ok");
	T_STR(cv(S_DISPATCH, "distance_km", "0.125"), "ok");
	T_STR(cv(S_DISPATCH, "distance_km", "-0.1"), "out of range '-0.1' (want >= 0)");
	T_STR(cv(S_DISPATCH, "distance_km", "1e3"), "bad number '1e3'");
	T_STR(cv(S_DISPATCH, "distance_km", ".5"), "bad number '.5'");
	T_STR(cv(S_DISPATCH, "distance_km", "5."), "bad number '5.'");
	T_STR(cv(S_DISPATCH, "distance_km", "1,5"), "bad number '1,5'");
	T_STR(cv(S_DISPATCH, "distance_km", "nan"), "bad number 'nan'");
	T_STR(cv(S_DISPATCH, "distance_km", "inf"), "bad number 'inf'");
	T_STR(cv(S_DISPATCH, "distance_km", "0x10"), "bad number '0x10'");

	/* money: up to 2 decimals, not negative */
	T_STR(cv(S_CASES, "quote", "0"), "ok");
	T_STR(cv(S_CASES, "quote", "350"), "ok");
	T_STR(cv(S_CASES, "quote", "350.5"), "ok");
	T_STR(cv(S_CASES, "quote", "350.50"), "ok");
	T_STR(cv(S_CASES, "quote", "0.01"), "ok");
	T_STR(cv(S_CASES, "quote", "350.505"), "bad amount '350.505'");
	T_STR(cv(S_CASES, "quote", "350."), "bad amount '350.'");
	T_STR(cv(S_CASES, "quote", ".50"), "bad amount '.50'");
	T_STR(cv(S_CASES, "quote", "-5.00"), "bad amount '-5.00'");
	T_STR(cv(S_CASES, "quote", "-5"), "bad amount '-5'");
	T_STR(cv(S_CASES, "quote", "¥350"), "bad amount '¥350'");
	T_STR(cv(S_CASES, "quote", "1,000"), "bad amount '1,000'");
	T_STR(cv(S_COMPLAINTS, "amount", "200.00"), "ok");
	T_STR(cv(S_DISPATCH, "fee", "480"), "ok");

	/* minutes: int >= 0 */
	T_STR(cv(S_CASES, "eta_promised", "0"), "ok");
	T_STR(cv(S_CASES, "eta_promised", "45"), "ok");
	T_STR(cv(S_CASES, "eta_promised", "-5"), "bad minutes '-5'");
	T_STR(cv(S_CASES, "eta_promised", "4.5"), "bad minutes '4.5'");
	T_STR(cv(S_CASES, "eta_promised", "45m"), "bad minutes '45m'");
	T_STR(cv(S_DISPATCH, "eta", "30"), "ok");

	/* lat/lon edges */
	T_STR(cv(S_CASES, "lat", "0"), "ok");
	T_STR(cv(S_CASES, "lat", "90"), "ok");
	T_STR(cv(S_CASES, "lat", "-90"), "ok");
	T_STR(cv(S_CASES, "lat", "90.0"), "ok");
	T_STR(cv(S_CASES, "lat", "31.230416"), "ok");
	T_STR(cv(S_CASES, "lat", "90.0001"), "bad latitude '90.0001' (want -90..90)");
	T_STR(cv(S_CASES, "lat", "-90.0001"), "bad latitude '-90.0001' (want -90..90)");
	T_STR(cv(S_CASES, "lat", "91"), "bad latitude '91' (want -90..90)");
	T_STR(cv(S_CASES, "lat", "+31.2"), "bad latitude '+31.2' (want -90..90)");
	T_STR(cv(S_CASES, "lat", "31,2"), "bad latitude '31,2' (want -90..90)");
	T_STR(cv(S_CASES, "lat", "N31.2"), "bad latitude 'N31.2' (want -90..90)");
	T_STR(cv(S_CASES, "lon", "180"), "ok");
	T_STR(cv(S_CASES, "lon", "-180"), "ok");
	T_STR(cv(S_CASES, "lon", "121.473701"), "ok");
	T_STR(cv(S_CASES, "lon", "180.0001"), "bad longitude '180.0001' (want -180..180)");
	T_STR(cv(S_CASES, "lon", "-180.0001"), "bad longitude '-180.0001' (want -180..180)");
	T_STR(cv(S_CASES, "lon", "181"), "bad longitude '181' (want -180..180)");
	T_STR(cv(S_PROVIDERS, "lat", "-33.9"), "ok");
}

static void
test_text(void)
{
	const struct schema *s = S_CASES;

	T_STR(cv(s, "note", "plain"), "ok");
	T_STR(cv(s, "note", "tab\there\nand newline"), "ok");
	T_STR(cv(s, "note", "张三 粤B·D12345 🚗"), "ok");
	T_STR(cv(s, "note", "back\\slash"), "ok");
	T_STR(cv(s, "note", "\x1b[31mred"), "bad text: control character U+001B");
	T_STR(cv(s, "note", "del\x7f"), "bad text: control character U+007F");
	T_STR(cv(s, "note", "c1 \xC2\x85"), "bad text: control character U+0085");
	T_STR(cv(s, "note", "c1 \xC2\x9B" "31m"), "bad text: control character U+009B");
	T_STR(cv(s, "note", "cr\r\n"), "bad text: control character U+000D");
	T_STR(cv(s, "note", "bell\a"), "bad text: control character U+0007");
	T_STR(cv(s, "note", "\x01"), "bad text: control character U+0001");
	T_STR(cv(s, "note", "abc\xE2\x80\xAE" "cba"), "bad text: bidi control character U+202E");
	T_STR(cv(s, "note", "\xE2\x80\xAA"), "bad text: bidi control character U+202A");
	T_STR(cv(s, "note", "\xE2\x81\xA6x"), "bad text: bidi control character U+2066");
	T_STR(cv(s, "note", "\xE2\x81\xA9"), "bad text: bidi control character U+2069");
	T_STR(cv(s, "note", "bad \xff utf8"), "bad text: invalid UTF-8");
	T_STR(cv(s, "note", "\xC0\x80"), "bad text: invalid UTF-8");	/* overlong NUL */
	/* A NUL byte is a control character. */
	T_STR(cvn(s, "note", "a\0b", 3), "bad text: control character U+0000");
	/* U+200B zero-width space and U+2028 are not in the rejected set. */
	T_STR(cv(s, "note", "a\xE2\x80\x8B" "b"), "ok");
	T_STR(cv(s, "customer", "王小明"), "ok");
	T_STR(cv(s, "agent", "li.na"), "ok");
}

static void
test_phone_plate_yn_date(void)
{
	const struct schema *s = S_CASES;

	/* phone: 3-20 digits, optional leading +, spaces and dashes */
	T_STR(cv(s, "phone", "12"), "bad phone '12'");
	T_STR(cv(s, "phone", "123"), "ok");
	T_STR(cv(s, "phone", "110"), "ok");
	T_STR(cv(s, "phone", "13800000000"), "ok");
	T_STR(cv(s, "phone", "+8613800000000"), "ok");
	T_STR(cv(s, "phone", "138 0000 0000"), "ok");
	T_STR(cv(s, "phone", "138-0000-0000"), "ok");
	T_STR(cv(s, "phone", "+86 21-6234-5678"), "ok");
	T_STR(cv(s, "phone", "12345678901234567890"), "ok");	/* 20 */
	T_STR(cv(s, "phone", "123456789012345678901"), "bad phone '123456789012345678901'");	/* 21 */
	T_STR(cv(s, "phone", "+12345678901234567890"), "ok");
	T_STR(cv(s, "phone", "1234 5678 9012 3456 7890 1"), "bad phone '1234 5678 9012 3456 7890 1'");
	T_STR(cv(s, "phone", "+1 2"), "bad phone '+1 2'");
	T_STR(cv(s, "phone", "+"), "bad phone '+'");
	T_STR(cv(s, "phone", "++123"), "bad phone '++123'");
	T_STR(cv(s, "phone", "12+3"), "bad phone '12+3'");
	T_STR(cv(s, "phone", " 123"), "bad phone ' 123'");
	T_STR(cv(s, "phone", "123 "), "bad phone '123 '");
	T_STR(cv(s, "phone", "(021)62345678"), "bad phone '(021)62345678'");
	T_STR(cv(s, "phone", "12a3"), "bad phone '12a3'");
	T_STR(cv(s, "phone", "138\t0000"), "bad phone '138\\t0000'");
	T_STR(cv(s, "phone", "１２３"), "bad phone '１２３'");	/* fullwidth digits */
	T_STR(cv(S_PROVIDERS, "phone", "400-800-1234"), "ok");

	/* plate: 2-12 characters, no white space */
	T_STR(cv(s, "plate", "A"), "bad plate 'A'");
	T_STR(cv(s, "plate", "粤"), "bad plate '粤'");
	T_STR(cv(s, "plate", "AB"), "ok");
	T_STR(cv(s, "plate", "粤B12345"), "ok");
	T_STR(cv(s, "plate", "粤B·D12345"), "ok");
	T_STR(cv(s, "plate", "沪A·F0123"), "ok");
	T_STR(cv(s, "plate", "ABCDEFGHIJKL"), "ok");			/* 12 */
	T_STR(cv(s, "plate", "ABCDEFGHIJKLM"), "bad plate 'ABCDEFGHIJKLM'");	/* 13 */
	T_STR(cv(s, "plate", "粤粤粤粤粤粤粤粤粤粤粤粤"), "ok");		/* 12 CJK */
	T_STR(cv(s, "plate", "粤粤粤粤粤粤粤粤粤粤粤粤粤"), "bad plate '粤粤粤粤粤粤粤粤粤粤粤粤粤'");
	T_STR(cv(s, "plate", "粤B 12345"), "bad plate '粤B 12345'");
	T_STR(cv(s, "plate", "粤B\xE3\x80\x80" "12345"), "bad plate '粤B\xE3\x80\x80" "12345'");
	T_STR(cv(s, "plate", "粤B\t12345"), "bad plate '粤B\\t12345'");
	T_STR(cv(s, "plate", "AB\n"), "bad plate 'AB\\n'");
	T_STR(cv(s, "plate", "AB\x1b"), "bad plate 'AB\\x1b'");
	T_STR(cv(s, "plate", "AB\xff"), "bad plate 'AB\xEF\xBF\xBD'");
	/*
	 * SPEC 4: a plate has no white space, and that includes a no-break
	 * space U+00A0 (common in text pasted from web forms) and
	 * U+2002/U+202F. (Once only ' ', tab, LF and U+3000 counted.)
	 */
	T_STR(cv(s, "plate", "粤B\xC2\xA0" "12345"), "bad plate '粤B\xC2\xA0" "12345'");
	T_STR(cv(s, "plate", "粤B\xE2\x80\xAF" "12345"), "bad plate '粤B\xE2\x80\xAF" "12345'");

	/* yn */
	T_STR(cv(s, "can_start", "y"), "ok");
	T_STR(cv(s, "can_start", "n"), "ok");
	T_STR(cv(s, "can_start", "Y"), "bad value 'Y' (want y or n)");
	T_STR(cv(s, "can_start", "yes"), "bad value 'yes' (want y or n)");
	T_STR(cv(s, "can_start", "1"), "bad value '1' (want y or n)");
	T_STR(cv(S_PROVIDERS, "ev", "n"), "ok");

	/* date */
	T_STR(cv(S_COMPLAINTS, "due", "2026-12-31"), "ok");
	T_STR(cv(S_COMPLAINTS, "due", "2028-02-29"), "ok");
	T_STR(cv(S_COMPLAINTS, "due", "2026-02-29"), "bad date '2026-02-29'");
	T_STR(cv(S_COMPLAINTS, "due", "2100-02-29"), "bad date '2100-02-29'");
	T_STR(cv(S_COMPLAINTS, "due", "2000-02-29"), "ok");
	T_STR(cv(S_COMPLAINTS, "due", "2026-12-32"), "bad date '2026-12-32'");
	T_STR(cv(S_COMPLAINTS, "due", "2026-13-01"), "bad date '2026-13-01'");
	T_STR(cv(S_COMPLAINTS, "due", "2026-1-01"), "bad date '2026-1-01'");
	T_STR(cv(S_COMPLAINTS, "due", "2026/12/01"), "bad date '2026/12/01'");
	T_STR(cv(S_COMPLAINTS, "due", "2026-12-01T00:00"), "bad date '2026-12-01T00:00'");
	T_STR(cv(S_COMPLAINTS, "due", "20261201"), "bad date '20261201'");
}

/* A cases row built from name=value pairs; every other column empty. */
struct trow {
	struct row r;
	char *v[64];
	size_t len[64];
	char msg[1024];
};

static void
trow_init(struct trow *t, const struct schema *s, int n, ...)
{
	va_list ap;
	const char *name, *val;
	int i, col;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < 64; i++)
		t->v[i] = "";
	va_start(ap, n);
	while ((name = va_arg(ap, const char *)) != NULL) {
		val = va_arg(ap, const char *);
		col = schema_column(s, name);
		if (col < 0) {
			fprintf(stderr, "t_schema: no column %s\n", name);
			exit(1);
		}
		t->v[col] = (char *)val;
	}
	va_end(ap);
	for (i = 0; i < 64; i++)
		t->len[i] = strlen(t->v[i]);
	t->r.n = n;
	t->r.v = t->v;
	t->r.len = t->len;
	t->r.problem = NULL;
	t->r.problem_col = -1;
	t->r.line = 2;
}

#define TS "2026-11-22T08:00:00+08:00"

/* check runs schema_check_row; "ok" or "COL:problem". */
static const char *
check(const struct schema *s, struct trow *t)
{
	static char out[1100];
	int rc = schema_check_row(s, &t->r, t->msg, sizeof(t->msg));

	if (rc == 0 && t->r.problem == NULL)
		return "ok";
	if (rc != -1 || t->r.problem != t->msg)
		return "INCONSISTENT";
	snprintf(out, sizeof(out), "%d:%s", t->r.problem_col, t->r.problem);
	return out;
}

static void
test_rows(void)
{
	struct trow t;
	const struct schema *s = S_CASES;

	/* A complete opened row. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "phone", "13800000000", "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "ok");
	/* Field count. */
	trow_init(&t, s, CASES_NCOLS - 1, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "phone", "13800000000", "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "-1:wrong number of fields: 32, want 33");
	trow_init(&t, s, CASES_NCOLS + 1, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "phone", "13800000000", "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "-1:wrong number of fields: 34, want 33");
	trow_init(&t, s, 1, NULL);
	T_STR(check(s, &t), "-1:wrong number of fields: 1, want 33");
	/* Required columns. */
	trow_init(&t, s, CASES_NCOLS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "phone", "13800000000", "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "0:column ts: missing value");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "event", "opened",
	    "phone", "13800000000", "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "2:column case_id: missing value");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001",
	    "phone", "13800000000", "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "3:column event: missing value");
	/* Required on an event: phone, location and service on opened, not on amended. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "location", "G2 km 1234", "service", "tow", NULL);
	T_STR(check(s, &t), "9:column phone: missing value");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "phone", "13800000000", "service", "tow", NULL);
	T_STR(check(s, &t), "13:column location: missing value");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "opened",
	    "phone", "13800000000", "location", "x", NULL);
	T_STR(check(s, &t), "17:column service: missing value");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "amended",
	    NULL);
	T_STR(check(s, &t), "ok");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "amended",
	    "note", "called back", NULL);
	T_STR(check(s, &t), "ok");
	/* A bad event value is reported as such, not as a missing phone. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "closed",
	    NULL);
	T_STR(check(s, &t), "3:column event: unknown value 'closed' (want opened|amended)");
	/* Bad values name their column. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "amended",
	    "lat", "91", NULL);
	T_STR(check(s, &t), "14:column lat: bad latitude '91' (want -90..90)");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001", "event", "amended",
	    "note", "\x1b[2J", NULL);
	T_STR(check(s, &t), "27:column note: bad text: control character U+001B");
	trow_init(&t, s, CASES_NCOLS, "ts", "2026-13-01T00:00:00+08:00", "at", TS, "case_id",
	    "RS-20261122-0001", "event", "amended", NULL);
	T_STR(check(s, &t), "0:column ts: bad time '2026-13-01T00:00:00+08:00'");

	/* at may be up to 5 minutes after ts, never more. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", "2026-11-22T08:05:00+08:00", "case_id",
	    "RS-20261122-0001", "event", "amended", NULL);
	T_STR(check(s, &t), "ok");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", "2026-11-22T08:05:01+08:00", "case_id",
	    "RS-20261122-0001", "event", "amended", NULL);
	T_STR(check(s, &t), "1:column at: 2026-11-22T08:05:01+08:00 is more than 5 minutes after ts "
	    "2026-11-22T08:00:00+08:00");
	/* The same instants in other offsets. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", "2026-11-22T00:05:00Z", "case_id",
	    "RS-20261122-0001", "event", "amended", NULL);
	T_STR(check(s, &t), "ok");
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", "2026-11-22T00:05:01Z", "case_id",
	    "RS-20261122-0001", "event", "amended", NULL);
	T_STR(check(s, &t), "1:column at: 2026-11-22T00:05:01Z is more than 5 minutes after ts "
	    "2026-11-22T08:00:00+08:00");
	/* at long before ts is a back-filled event: fine. */
	trow_init(&t, s, CASES_NCOLS, "ts", TS, "at", "2026-10-01T08:00:00+08:00", "case_id",
	    "RS-20261122-0001", "event", "amended", NULL);
	T_STR(check(s, &t), "ok");

	/* complaints: action, owner, due required on event action. */
	trow_init(&t, S_COMPLAINTS, COMPLAINTS_NCOLS, "ts", TS, "at", TS, "complaint_id", "CP-20261122-0001",
	    "event", "action", "action", "retrain driver", "owner", "ops", NULL);
	T_STR(check(S_COMPLAINTS, &t), "15:column due: missing value");
	trow_init(&t, S_COMPLAINTS, COMPLAINTS_NCOLS, "ts", TS, "at", TS, "complaint_id", "CP-20261122-0001",
	    "event", "action", "action", "retrain driver", "owner", "ops", "due", "2026-12-01", NULL);
	T_STR(check(S_COMPLAINTS, &t), "ok");
	trow_init(&t, S_COMPLAINTS, COMPLAINTS_NCOLS, "ts", TS, "at", TS, "complaint_id", "CP-20261122-0001",
	    "event", "contacted", NULL);
	T_STR(check(S_COMPLAINTS, &t), "ok");
	trow_init(&t, S_COMPLAINTS, COMPLAINTS_NCOLS, "ts", TS, "at", TS, "complaint_id", "CP-20261122-0001",
	    "event", "opened", "case_id", "RS-20261122-0001", "level", "2", NULL);
	T_STR(check(S_COMPLAINTS, &t), "7:column category: missing value");
	/* dispatch: provider on assigned, outcome on completed */
	trow_init(&t, S_DISPATCH, DISPATCH_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001",
	    "event", "assigned", NULL);
	T_STR(check(S_DISPATCH, &t), "5:column provider: missing value");
	trow_init(&t, S_DISPATCH, DISPATCH_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001",
	    "event", "completed", NULL);
	T_STR(check(S_DISPATCH, &t), "10:column outcome: missing value");
	trow_init(&t, S_DISPATCH, DISPATCH_NCOLS, "ts", TS, "at", TS, "case_id", "RS-20261122-0001",
	    "event", "cancelled", "note", "customer left", NULL);
	T_STR(check(S_DISPATCH, &t), "ok");

	/* providers: no ts/at; required columns. */
	trow_init(&t, S_PROVIDERS, 11, "provider_id", "P1", "name", "Tow Co", "lat", "31.2",
	    "lon", "121.5", "services", "tow,tyre", NULL);
	T_STR(check(S_PROVIDERS, &t), "ok");
	trow_init(&t, S_PROVIDERS, 11, "provider_id", "P1", "name", "Tow Co", "lat", "31.2",
	    "lon", "121.5", NULL);
	T_STR(check(S_PROVIDERS, &t), "6:column services: missing value");
}

void
t_schema(void)
{
	test_tables();
	test_ts();
	test_ids();
	test_enum_list();
	test_numbers();
	test_text();
	test_phone_plate_yn_date();
	test_rows();
}
