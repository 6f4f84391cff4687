/*
 * ids.h - case and complaint ids (SPEC 3.0, 4.1, 4.3) and provider ids.
 *
 * "RS-[SITE-]YYYYMMDD-NNNN": a prefix, the site code when the site has
 * one, the site-zone date of the opening event, and a per-day sequence
 * from 0001 (more digits after 9999). In memory an id is a 64-bit key,
 * (day * ID_SEQ_SCALE + sequence) * 256 + code, where day counts days
 * from 1 on 1000-01-01 (the first date an id can carry) and code is the
 * index of the site code in a process-wide table (0: no code), so that
 * tables hash integers, keys sort by date and sequence, and the two
 * forms of one site (which share the per-day sequence) never collide.
 * A day number rather than YYYYMMDD leaves ten digits of sequence in
 * 64 bits: 3.3 million days * 10^10 * 256 < 2^64.
 */
#ifndef RS_IDS_H
#define RS_IDS_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define ID_SEQ_SCALE 10000000000ULL	/* sequences up to 9 999 999 999 a day */
#define ID_SEQ_MAX (ID_SEQ_SCALE - 1)
#define ID_CODE_BITS 8			/* up to 255 distinct site codes a process */
#define ID_CODE_MAX 8			/* characters of a site code */
#define ID_MAX 32			/* buffer size for id_format */

/*
 * id_parse parses s[0..n) as PREFIX-[CODE-]YYYYMMDD-NNNN[N...] with the
 * given prefix ("RS" or "CP"): CODE a site code (id_code_valid), a real
 * date of years 1000..9999, at least 4 sequence digits, no leading zeros
 * beyond the 4-digit width, 1 <= sequence <= ID_SEQ_MAX. Returns 0 and sets *key, or -1 (also when a
 * process meets more than 255 distinct codes). Thread-safe.
 */
int id_parse(const char *s, size_t n, const char *prefix, uint64_t *key);

/* id_key makes a key without a site code from a date (YYYYMMDD, years 1000..9999) and a sequence (1..ID_SEQ_MAX). */
uint64_t id_key(int ymd, uint64_t seq);
/* id_key_site makes a key from a date, a sequence and the site code set by id_set_site_code. */
uint64_t id_key_site(int ymd, uint64_t seq);
/* id_date returns the YYYYMMDD of a key. */
int id_date(uint64_t key);
/* id_seq returns the sequence of a key. */
uint64_t id_seq(uint64_t key);
/* id_day returns the key with its sequence cleared: equal for the ids of one date and one form. */
uint64_t id_day(uint64_t key);

/* id_format writes prefix-[CODE-]YYYYMMDD-NNNN for key into buf (ID_MAX bytes); returns buf. */
char *id_format(char *buf, const char *prefix, uint64_t key);

/*
 * id_next writes into buf (ID_MAX bytes) the id that follows sequence
 * last on date ymd, with the site code of id_set_site_code. Returns 0,
 * or -1 with an RS_EDATA error in e when last is ID_SEQ_MAX: the day
 * has no id left (never a malformed or reused one).
 */
int id_next(char *buf, const char *prefix, int ymd, uint64_t last, struct rs_err *e);

/* id_code_valid returns 1 if s[0..n) is a site code: 2-8 characters of A-Z and 0-9, at least one a letter; else 0. */
int id_code_valid(const char *s, size_t n);

/*
 * id_set_site_code sets the code new ids carry (id_key_site); NULL or ""
 * for none. Called once, before any thread starts. Returns 0, or -1 if
 * code is not a valid site code.
 */
int id_set_site_code(const char *code);

/* provider_id_valid returns 1 if s[0..n) is 1-32 characters of letters, digits, '-' and '_', else 0. */
int provider_id_valid(const char *s, size_t n);

#endif
