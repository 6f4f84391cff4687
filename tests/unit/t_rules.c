/* t_rules.c - unit tests of common/rules.c */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "rules.h"
#include "unit.h"

static const char defaults_text[] =
    "sla.file_min\t3\n"
    "sla.dispatch_min\t5\n"
    "sla.notify_min\t8\n"
    "sla.arrive_city_min\t30\n"
    "sla.arrive_highway_min\t60\n"
    "complaint.contact_h\t24\n"
    "complaint.resolve_h.1\t24\n"
    "complaint.resolve_h.2\t48\n"
    "complaint.resolve_h.3\t72\n"
    "complaint.resolve_h.4\t24\n"
    "callback.service_h\t24\n"
    "callback.complaint_h\t48\n"
    "callback.second_from_d\t7\n"
    "callback.second_to_d\t15\n"
    "callback.max_attempts\t3\n"
    "callback.expire_d\t7\n"
    "target.complainant_satisfaction\t0.85\n"
    "shift.day\t08:00-20:00\n"
    "shift.night\t20:00-08:00\n"
    "sla.booking_dispatch_lead_min\t30\n"
    "sla.booking_arrive_grace_min\t10\n"
    "intake.duplicate_h\t12\n"
    "ref.window_d\t30\n";

/* rp parses the C string text as "rules.tsv" into r, with e cleared first. */
static int
rp(const char *text, struct rules *r, struct rs_err *e)
{
	memset(e, 0, sizeof(*e));
	return rules_parse(text, strlen(text), "rules.tsv", r, e);
}

/* same returns 1 if a and b hold the same rules (field by field). */
static int
same(const struct rules *a, const struct rules *b)
{
	int i;

	for (i = 1; i <= 4; i++)
		if (a->complaint_resolve_h[i] != b->complaint_resolve_h[i])
			return 0;
	return a->sla_file_min == b->sla_file_min &&
	    a->sla_dispatch_min == b->sla_dispatch_min &&
	    a->sla_notify_min == b->sla_notify_min &&
	    a->sla_arrive_city_min == b->sla_arrive_city_min &&
	    a->sla_arrive_highway_min == b->sla_arrive_highway_min &&
	    a->complaint_contact_h == b->complaint_contact_h &&
	    a->callback_service_h == b->callback_service_h &&
	    a->callback_complaint_h == b->callback_complaint_h &&
	    a->callback_second_from_d == b->callback_second_from_d &&
	    a->callback_second_to_d == b->callback_second_to_d &&
	    a->callback_max_attempts == b->callback_max_attempts &&
	    a->callback_expire_d == b->callback_expire_d &&
	    a->target_complainant_satisfaction ==
	    b->target_complainant_satisfaction &&
	    a->shift_day_start == b->shift_day_start &&
	    a->shift_day_end == b->shift_day_end &&
	    a->shift_night_start == b->shift_night_start &&
	    a->shift_night_end == b->shift_night_end &&
	    a->sla_booking_dispatch_lead_min == b->sla_booking_dispatch_lead_min &&
	    a->sla_booking_arrive_grace_min == b->sla_booking_arrive_grace_min;
}

/* round_trip returns 1 if rules_parse(rules_format(r)) over defaults gives r back. */
static int
round_trip(const struct rules *r)
{
	struct buf b = BUF_INIT;
	struct rules back;
	struct rs_err e;
	int ok;

	rules_format(r, &b);
	rules_default(&back);
	memset(&e, 0, sizeof(e));
	ok = rules_parse(b.p, b.len, "fmt", &back, &e) == 0 && same(r, &back);
	buf_free(&b);
	return ok;
}

static void
t_defaults(void)
{
	struct rules r;
	struct buf b = BUF_INIT;

	memset(&r, 0xff, sizeof(r));
	rules_default(&r);
	T_INT(r.sla_file_min, 3);
	T_INT(r.sla_dispatch_min, 5);
	T_INT(r.sla_notify_min, 8);
	T_INT(r.sla_arrive_city_min, 30);
	T_INT(r.sla_arrive_highway_min, 60);
	T_INT(r.complaint_contact_h, 24);
	T_INT(r.complaint_resolve_h[1], 24);
	T_INT(r.complaint_resolve_h[2], 48);
	T_INT(r.complaint_resolve_h[3], 72);
	T_INT(r.complaint_resolve_h[4], 24);
	T_INT(r.callback_service_h, 24);
	T_INT(r.callback_complaint_h, 48);
	T_INT(r.callback_second_from_d, 7);
	T_INT(r.callback_second_to_d, 15);
	T_INT(r.callback_max_attempts, 3);
	T_INT(r.callback_expire_d, 7);
	T_OK(r.target_complainant_satisfaction == 0.85);
	T_INT(r.shift_day_start, 8 * 60);
	T_INT(r.shift_day_end, 20 * 60);
	T_INT(r.shift_night_start, 20 * 60);
	T_INT(r.shift_night_end, 8 * 60);
	T_INT(r.sla_booking_dispatch_lead_min, 30);
	T_INT(r.sla_booking_arrive_grace_min, 10);
	T_INT(r.intake_duplicate_h, 12);

	rules_format(&r, &b);
	T_MEM(b.p, b.len, defaults_text, sizeof(defaults_text) - 1);
	buf_free(&b);
	T_OK(round_trip(&r));
}

static void
t_override(void)
{
	struct rules r, d;
	struct rs_err e;

	rules_default(&r);
	T_INT(rp("sla.file_min\t4\n"
	    "sla.dispatch_min\t6\n"
	    "sla.notify_min\t9\n"
	    "sla.arrive_city_min\t31\n"
	    "sla.arrive_highway_min\t61\n"
	    "complaint.contact_h\t12\n"
	    "complaint.resolve_h.1\t1\n"
	    "complaint.resolve_h.2\t2\n"
	    "complaint.resolve_h.3\t3\n"
	    "complaint.resolve_h.4\t4\n"
	    "callback.service_h\t25\n"
	    "callback.complaint_h\t49\n"
	    "callback.second_from_d\t8\n"
	    "callback.second_to_d\t16\n"
	    "callback.max_attempts\t5\n"
	    "callback.expire_d\t10\n"
	    "target.complainant_satisfaction\t0.9\n"
	    "shift.day\t07:30-19:30\n"
	    "shift.night\t19:30-07:30\n", &r, &e), 0);
	T_INT(e.code, 0);
	T_INT(r.sla_file_min, 4);
	T_INT(r.sla_dispatch_min, 6);
	T_INT(r.sla_notify_min, 9);
	T_INT(r.sla_arrive_city_min, 31);
	T_INT(r.sla_arrive_highway_min, 61);
	T_INT(r.complaint_contact_h, 12);
	T_INT(r.complaint_resolve_h[1], 1);
	T_INT(r.complaint_resolve_h[2], 2);
	T_INT(r.complaint_resolve_h[3], 3);
	T_INT(r.complaint_resolve_h[4], 4);
	T_INT(r.callback_service_h, 25);
	T_INT(r.callback_complaint_h, 49);
	T_INT(r.callback_second_from_d, 8);
	T_INT(r.callback_second_to_d, 16);
	T_INT(r.callback_max_attempts, 5);
	T_INT(r.callback_expire_d, 10);
	T_OK(r.target_complainant_satisfaction == 0.9);
	T_INT(r.shift_day_start, 7 * 60 + 30);
	T_INT(r.shift_day_end, 19 * 60 + 30);
	T_INT(r.shift_night_start, 19 * 60 + 30);
	T_INT(r.shift_night_end, 7 * 60 + 30);
	T_OK(round_trip(&r));

	/* One key alone changes only that key. */
	rules_default(&r);
	rules_default(&d);
	T_INT(rp("sla.notify_min\t10\n", &r, &e), 0);
	T_INT(r.sla_notify_min, 10);
	r.sla_notify_min = 8;
	T_OK(same(&r, &d));

	/* The empty text, comments and blank lines change nothing. */
	rules_default(&r);
	T_INT(rp("", &r, &e), 0);
	T_INT(rp("# the desk's rules\n\n   \n\t\n  # indented comment\n#sla.file_min\tx\n",
	    &r, &e), 0);
	T_OK(same(&r, &d));

	/* Separators: spaces, several tabs, trailing blanks, CRLF, no final newline. */
	T_INT(rp("sla.file_min 7\n"
	    "sla.dispatch_min \t  11   \n"
	    "sla.notify_min\t\t12\r\n"
	    "\n# comment\r\n\r\n"
	    "  callback.max_attempts\t100\n"
	    "callback.expire_d\t365\n"
	    "sla.arrive_city_min\t10080\n"
	    "complaint.contact_h\t8760\n"
	    "target.complainant_satisfaction\t1\n"
	    "shift.night\t23:59-00:00", &r, &e), 0);
	T_INT(r.sla_file_min, 7);
	T_INT(r.sla_dispatch_min, 11);
	T_INT(r.sla_notify_min, 12);
	T_INT(r.callback_max_attempts, 100);
	T_INT(r.callback_expire_d, 365);
	T_INT(r.sla_arrive_city_min, 10080);
	T_INT(r.complaint_contact_h, 8760);
	T_OK(r.target_complainant_satisfaction == 1.0);
	T_INT(r.shift_night_start, 23 * 60 + 59);
	T_INT(r.shift_night_end, 0);
	T_OK(round_trip(&r));

	/* Ratios: forms accepted, and exact. */
	T_INT(rp("target.complainant_satisfaction\t0\n", &r, &e), 0);
	T_OK(r.target_complainant_satisfaction == 0.0);
	T_OK(round_trip(&r));
	T_INT(rp("target.complainant_satisfaction\t1.000\n", &r, &e), 0);
	T_OK(r.target_complainant_satisfaction == 1.0);
	T_INT(rp("target.complainant_satisfaction\t0.123456789\n", &r, &e), 0);
	T_OK(r.target_complainant_satisfaction == 0.123456789);
	T_OK(round_trip(&r));
	T_INT(rp("target.complainant_satisfaction\t0.000000001\n", &r, &e), 0);
	T_OK(r.target_complainant_satisfaction == 0.000000001);
	T_OK(round_trip(&r));
	T_INT(rp("target.complainant_satisfaction\t00.70\n", &r, &e), 0);
	T_OK(r.target_complainant_satisfaction == 0.7);
	T_OK(round_trip(&r));

	/* The second window may be set in either order, or with equal ends. */
	rules_default(&r);
	T_INT(rp("callback.second_to_d\t30\ncallback.second_from_d\t20\n",
	    &r, &e), 0);
	T_INT(r.callback_second_from_d, 20);
	T_INT(r.callback_second_to_d, 30);
	T_INT(rp("callback.second_from_d\t30\n", &r, &e), 0);
	T_INT(r.callback_second_from_d, 30);
}

/* ERR checks that text fails with RS_EDATA at "rules.tsv:LINE" with message want, r untouched. */
#define ERR(text, line, want) do { \
	struct rules r_, d_; \
	struct rs_err e_; \
	rules_default(&r_); \
	rules_default(&d_); \
	T_INT(rp(text, &r_, &e_), -1); \
	T_INT(e_.code, 1); \
	T_STR(e_.where, "rules.tsv:" #line); \
	T_STR(e_.msg, want); \
	T_OK(same(&r_, &d_)); \
} while (0)

static void
t_errors(void)
{
	ERR("foo.bar\t1\n", 1, "unknown rule 'foo.bar'");
	ERR("# c\n\nsla.dispach_min\t5\n", 3, "unknown rule 'sla.dispach_min'");
	ERR("sla.file_min=3\n", 1, "unknown rule 'sla.file_min=3'");
	ERR("SLA.FILE_MIN\t3\n", 1, "unknown rule 'SLA.FILE_MIN'");
	ERR("complaint.resolve_h.5\t24\n", 1,
	    "unknown rule 'complaint.resolve_h.5'");
	ERR("complaint.resolve_h\t24\n", 1, "unknown rule 'complaint.resolve_h'");
	ERR("sla.file_min,3\n", 1, "unknown rule 'sla.file_min,3'");

	ERR("sla.file_min\n", 1, "missing value for sla.file_min");
	ERR("sla.file_min\t\n", 1, "missing value for sla.file_min");
	ERR("\nsla.file_min   \r\n", 2, "missing value for sla.file_min");

	ERR("sla.file_min\t3\nsla.notify_min\t8\nsla.file_min\t4\n", 3,
	    "duplicate rule sla.file_min");
	ERR("shift.day\t08:00-20:00\nshift.day\t08:00-20:00\n", 2,
	    "duplicate rule shift.day");

	ERR("sla.file_min\t0\n", 1,
	    "bad value '0' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t10081\n", 1,
	    "bad value '10081' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t-3\n", 1,
	    "bad value '-3' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t+3\n", 1,
	    "bad value '+3' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t3m\n", 1,
	    "bad value '3m' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t3.0\n", 1,
	    "bad value '3.0' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t3 4\n", 1,
	    "bad value '3 4' for sla.file_min (want minutes, 1-10080)");
	ERR("sla.file_min\t99999999999999999999999\n", 1,
	    "bad value '99999999999999999999999' for sla.file_min "
	    "(want minutes, 1-10080)");
	ERR("sla.dispatch_min\tfive\n", 1,
	    "bad value 'five' for sla.dispatch_min (want minutes, 1-10080)");
	ERR("sla.notify_min\t０\n", 1,
	    "bad value '０' for sla.notify_min (want minutes, 1-10080)");
	ERR("sla.arrive_city_min\t0x1e\n", 1,
	    "bad value '0x1e' for sla.arrive_city_min (want minutes, 1-10080)");
	ERR("sla.arrive_highway_min\t1e2\n", 1,
	    "bad value '1e2' for sla.arrive_highway_min (want minutes, 1-10080)");
	ERR("complaint.contact_h\t8761\n", 1,
	    "bad value '8761' for complaint.contact_h (want hours, 1-8760)");
	ERR("complaint.resolve_h.1\t0\n", 1,
	    "bad value '0' for complaint.resolve_h.1 (want hours, 1-8760)");
	ERR("complaint.resolve_h.2\tx\n", 1,
	    "bad value 'x' for complaint.resolve_h.2 (want hours, 1-8760)");
	ERR("complaint.resolve_h.3\t-1\n", 1,
	    "bad value '-1' for complaint.resolve_h.3 (want hours, 1-8760)");
	ERR("complaint.resolve_h.4\t24h\n", 1,
	    "bad value '24h' for complaint.resolve_h.4 (want hours, 1-8760)");
	ERR("callback.service_h\t0\n", 1,
	    "bad value '0' for callback.service_h (want hours, 1-8760)");
	ERR("callback.complaint_h\t9000\n", 1,
	    "bad value '9000' for callback.complaint_h (want hours, 1-8760)");
	ERR("callback.second_from_d\t366\n", 1,
	    "bad value '366' for callback.second_from_d (want days, 1-365)");
	ERR("callback.second_to_d\t0\n", 1,
	    "bad value '0' for callback.second_to_d (want days, 1-365)");
	ERR("callback.expire_d\t7d\n", 1,
	    "bad value '7d' for callback.expire_d (want days, 1-365)");
	ERR("callback.max_attempts\t0\n", 1,
	    "bad value '0' for callback.max_attempts (want a count, 1-100)");
	ERR("callback.max_attempts\t101\n", 1,
	    "bad value '101' for callback.max_attempts (want a count, 1-100)");

#define WANT_RATIO "(want a decimal from 0 to 1, at most 9 decimals)"
	ERR("target.complainant_satisfaction\t1.1\n", 1,
	    "bad value '1.1' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t1.000000001\n", 1,
	    "bad value '1.000000001' for target.complainant_satisfaction "
	    WANT_RATIO);
	ERR("target.complainant_satisfaction\t2\n", 1,
	    "bad value '2' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t-0.5\n", 1,
	    "bad value '-0.5' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t.85\n", 1,
	    "bad value '.85' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t0.\n", 1,
	    "bad value '0.' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t85%\n", 1,
	    "bad value '85%' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t0,85\n", 1,
	    "bad value '0,85' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t8.5e-1\n", 1,
	    "bad value '8.5e-1' for target.complainant_satisfaction "
	    WANT_RATIO);
	ERR("target.complainant_satisfaction\tnan\n", 1,
	    "bad value 'nan' for target.complainant_satisfaction " WANT_RATIO);
	ERR("target.complainant_satisfaction\t0.1234567891\n", 1,
	    "bad value '0.1234567891' for target.complainant_satisfaction "
	    WANT_RATIO);

#define WANT_SHIFT "(want HH:MM-HH:MM, two different clock times)"
	ERR("shift.day\t8:00-20:00\n", 1,
	    "bad value '8:00-20:00' for shift.day " WANT_SHIFT);
	ERR("shift.day\t24:00-08:00\n", 1,
	    "bad value '24:00-08:00' for shift.day " WANT_SHIFT);
	ERR("shift.day\t08:60-20:00\n", 1,
	    "bad value '08:60-20:00' for shift.day " WANT_SHIFT);
	ERR("shift.day\t08:00-20:00x\n", 1,
	    "bad value '08:00-20:00x' for shift.day " WANT_SHIFT);
	ERR("shift.day\t08:00 - 20:00\n", 1,
	    "bad value '08:00 - 20:00' for shift.day " WANT_SHIFT);
	ERR("shift.day\t08:00-08:00\n", 1,
	    "bad value '08:00-08:00' for shift.day " WANT_SHIFT);
	ERR("shift.night\t20.00-08.00\n", 1,
	    "bad value '20.00-08.00' for shift.night " WANT_SHIFT);
	ERR("shift.night\t20:00\n", 1,
	    "bad value '20:00' for shift.night " WANT_SHIFT);

	/* A long bad value is cut, at a character boundary, in the message. */
	ERR("sla.file_min\t"
	    "12345678901234567890123456789012345678901234567890123456789012王\n",
	    1, "bad value '"
	    "12345678901234567890123456789012345678901234567890123456789012..."
	    "' for sla.file_min (want minutes, 1-10080)");

	/* Bytes no rules file should hold. */
	{
		struct rules r, d;
		struct rs_err e;
		static const char nul[] = "# ok\nsla.file_min\t3\0\n";

		rules_default(&r);
		rules_default(&d);
		memset(&e, 0, sizeof(e));
		T_INT(rules_parse(nul, sizeof(nul) - 1, "rules.tsv", &r, &e), -1);
		T_INT(e.code, 1);
		T_STR(e.where, "rules.tsv:2");
		T_STR(e.msg, "NUL byte");
		T_OK(same(&r, &d));
	}
	ERR("# ok\n\nsla.file_min\t\xff\n", 3, "invalid UTF-8");
	ERR("# caf\xc3\n", 1, "invalid UTF-8");
	ERR("sla.file_min\t3\x1b[0m\n", 1, "control character U+001B");
	ERR("sla.file_min\t3\r\r\n", 1, "control character U+000D");
	ERR("sla.file_min\r3\n", 1, "control character U+000D");
	ERR("# \xe2\x80\xae\n", 1, "bidi control character U+202E");

	/* The second window, after all lines: the later line is named. */
	ERR("callback.second_from_d\t20\n", 1,
	    "callback.second_from_d (20) is after callback.second_to_d (15)");
	ERR("callback.second_to_d\t5\n", 1,
	    "callback.second_from_d (7) is after callback.second_to_d (5)");
	ERR("callback.second_from_d\t20\n# c\ncallback.second_to_d\t10\n", 3,
	    "callback.second_from_d (20) is after callback.second_to_d (10)");
	ERR("callback.second_to_d\t10\nsla.file_min\t3\n"
	    "callback.second_from_d\t20\n\n", 3,
	    "callback.second_from_d (20) is after callback.second_to_d (10)");
	/* A line error comes first, wherever it is. */
	ERR("callback.second_from_d\t20\nfoo\t1\n", 2, "unknown rule 'foo'");
	/* The error names the given file name. */
	{
		struct rules r;
		struct rs_err e;

		rules_default(&r);
		memset(&e, 0, sizeof(e));
		T_INT(rules_parse("x\t1\n", 4, "/etc/rs/rules.tsv", &r, &e), -1);
		T_STR(e.where, "/etc/rs/rules.tsv:1");
	}
	/* rules_parse works on what it is given: no NUL terminator needed. */
	{
		struct rules r;
		struct rs_err e;

		rules_default(&r);
		memset(&e, 0, sizeof(e));
		T_INT(rules_parse("sla.file_min\t45", 14, "x", &r, &e), 0);
		T_INT(r.sla_file_min, 4);
	}
}

/* write_file writes the C string s to path; returns 0 or -1. */
static int
write_file(const char *path, const char *s, size_t n)
{
	FILE *fp;
	int rc = 0;

	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	if (fwrite(s, 1, n, fp) != n)
		rc = -1;
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

static void
t_load(void)
{
	char dir[] = "/tmp/t_rules.XXXXXX", path[256], want[300];
	struct rules r, d;
	struct rs_err e;
	char *big;
	size_t bigsz = 1024 * 1024 + 10;

	rules_default(&d);
	T_OK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/rules.tsv", dir);

	/* No file, and no directory at all: the defaults. */
	memset(&e, 0, sizeof(e));
	memset(&r, 0, sizeof(r));
	T_INT(rules_load(dir, &r, &e), 0);
	T_OK(same(&r, &d));
	memset(&r, 0, sizeof(r));
	T_INT(rules_load("/nonexistent/rs/dir", &r, &e), 0);
	T_OK(same(&r, &d));

	/* A file. */
	T_INT(write_file(path, "# desk\nsla.notify_min\t10\n", 25), 0);
	T_INT(rules_load(dir, &r, &e), 0);
	T_INT(r.sla_notify_min, 10);
	T_INT(r.sla_file_min, 3);

	/* A bad file: where names the path and the line; r is the defaults. */
	T_INT(write_file(path, "sla.notify_min\t10\nbogus\t1\n", 26), 0);
	memset(&e, 0, sizeof(e));
	T_INT(rules_load(dir, &r, &e), -1);
	T_INT(e.code, 1);
	snprintf(want, sizeof(want), "%s:2", path);
	T_STR(e.where, want);
	T_STR(e.msg, "unknown rule 'bogus'");
	T_OK(same(&r, &d));

	/* Too large. */
	big = malloc(bigsz);
	T_OK(big != NULL);
	if (big != NULL) {
		memset(big, '#', bigsz);
		big[bigsz - 1] = '\n';
		T_INT(write_file(path, big, bigsz), 0);
		memset(&e, 0, sizeof(e));
		T_INT(rules_load(dir, &r, &e), -1);
		T_INT(e.code, 1);
		T_STR(e.where, path);
		T_STR(e.msg, "rules.tsv too large (over 1048576 bytes)");
		/* Exactly 1 MB is fine. */
		T_INT(write_file(path, big, 1024 * 1024), 0);
		T_INT(rules_load(dir, &r, &e), 0);
		free(big);
	}
	T_INT(unlink(path), 0);

	/* A directory where the file should be. */
	T_INT(mkdir(path, 0700), 0);
	memset(&e, 0, sizeof(e));
	T_INT(rules_load(dir, &r, &e), -1);
	T_INT(e.code, 3);
	T_STR(e.where, path);
	T_STR(e.msg, "cannot read: Is a directory");
	T_OK(same(&r, &d));
	T_INT(rmdir(path), 0);

	/*
	 * DIR is a file, not a directory: no rules, the defaults; the
	 * reader or writer that uses DIR says what is wrong with it.
	 */
	T_INT(write_file(path, "", 0), 0);
	memset(&e, 0, sizeof(e));
	T_INT(rules_load(path, &r, &e), 0);
	T_INT(e.code, 0);
	T_OK(same(&r, &d));
	T_INT(unlink(path), 0);
	T_INT(rmdir(dir), 0);
}

/* The site keys (SPEC 3.0, 9): read, validated, written back only when set. */
static void
t_site(void)
{
	struct rules r;
	struct rs_err e;
	struct buf b = BUF_INIT;

	rules_default(&r);
	T_STR(r.site_zone, "");
	T_STR(r.site_code, "");
	T_INT(rp("# the site\nsite.zone\tAsia/Shanghai\nsite.code SZ01\n", &r, &e), 0);
	T_STR(r.site_zone, "Asia/Shanghai");
	T_STR(r.site_code, "SZ01");
	rules_format(&r, &b);
	T_OK(strstr(b.p, "\nsite.zone\tAsia/Shanghai\nsite.code\tSZ01\n") != NULL);
	buf_free(&b);
	ERR("sla.file_min\t3\nsite.zone\tMars/Base\n", 2, "bad value 'Mars/Base' for "
	    "site.zone (want an IANA zone name of the system, e.g. Asia/Shanghai)");
	ERR("site.zone\t../../etc/passwd\n", 1, "bad value '../../etc/passwd' for "
	    "site.zone (want an IANA zone name of the system, e.g. Asia/Shanghai)");
	ERR("site.code\tsz\n", 1, "bad value 'sz' for site.code "
	    "(want 2-8 characters of A-Z and 0-9, at least one a letter)");
	ERR("site.code\t0101\n", 1, "bad value '0101' for site.code "
	    "(want 2-8 characters of A-Z and 0-9, at least one a letter)");
	ERR("site.code\tSZ\nsite.code\tSZ\n", 2, "duplicate rule site.code");
}

void
t_rules(void)
{
	t_site();
	t_defaults();
	t_override();
	t_errors();
	t_load();
}
