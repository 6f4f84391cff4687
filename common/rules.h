/*
 * rules.h - the tunable rules of SPEC 9: compiled-in defaults, overridden
 * by DIR/rules.tsv ("key<TAB>value" lines, # comments, blank lines).
 */
#ifndef RS_RULES_H
#define RS_RULES_H

#include <stddef.h>

struct rs_err;

#define RULES_TEXT_MAX 128	/* bytes of a text rule (site.zone, site.code), NUL included */

struct rules {
	int sla_file_min, sla_dispatch_min, sla_notify_min;
	int sla_arrive_city_min, sla_arrive_highway_min;
	int complaint_contact_h;
	int complaint_resolve_h[5];	/* by level 1..4; [0] unused */
	int callback_service_h, callback_complaint_h;
	int callback_second_from_d, callback_second_to_d;
	int callback_max_attempts, callback_expire_d;
	double target_complainant_satisfaction;
	int shift_day_start, shift_day_end;	/* minutes after midnight */
	int shift_night_start, shift_night_end;
	/* Booked jobs (a scheduled_at): dispatch due this long before it, arrival this long after. */
	int sla_booking_dispatch_lead_min, sla_booking_arrive_grace_min;
	int intake_duplicate_h;		/* a second call this soon is a possible duplicate */
	int ref_window_d;	/* how far back a --ref key is looked up (SPEC 5) */
	/* The site (SPEC 3.0); "" when unset. */
	char site_zone[RULES_TEXT_MAX];	/* an IANA zone name */
	char site_code[RULES_TEXT_MAX];	/* 2-8 of A-Z0-9, a letter among them */
};

/* rules_default fills r with the SPEC 9 defaults. */
void rules_default(struct rules *r);

/*
 * rules_parse applies the overrides in text[0..n) (name is used in
 * messages) to r: "key value" lines (a tab or spaces between), '#'
 * comment lines and blank lines; CRLF is tolerated. An unknown key, a
 * bad or missing value, a key given twice, a NUL, invalid UTF-8 or a
 * control character, or callback.second_from_d > callback.second_to_d
 * is RS_EDATA naming "name:LINE". site.zone must name a zone of the
 * system's zone database (time_zone_valid), site.code be a site code
 * (id_code_valid). Returns 0, or -1 leaving r unchanged.
 */
int rules_parse(const char *text, size_t n, const char *name, struct rules *r, struct rs_err *e);

/*
 * rules_load sets r to the defaults plus DIR/rules.tsv if it exists (a
 * missing file or directory means the defaults). Returns 0, or -1 with r
 * at the defaults: RS_EDATA for a bad file (where "PATH:LINE") or one
 * over 1 MB, RS_EIO if it cannot be read (where PATH).
 */
int rules_load(const char *dir, struct rules *r, struct rs_err *e);

/*
 * rules_apply_site makes r's site the process's (SPEC 3.0): its zone the
 * zone of every time conversion (time_use_zone), its code the code of
 * new ids (id_set_site_code). Unset keys leave $TZ and ids as they are.
 * Call it before any thread starts. Returns 0, or -1 with e set.
 */
int rules_apply_site(const struct rules *r, struct rs_err *e);

/* rules_path returns DIR/rules.tsv (caller frees). */
char *rules_path(const char *dir);

/*
 * rules_format appends r as a rules.tsv text: every key in SPEC 9 order
 * (the site keys only when set), "key<TAB>value" lines, which
 * rules_parse reads back to the same r.
 */
struct buf;
void rules_format(const struct rules *r, struct buf *out);

#endif
