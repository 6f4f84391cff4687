/*
 * ids.h - case and complaint ids (SPEC 4.1, 4.3) and provider ids.
 *
 * "RS-YYYYMMDD-NNNN": a prefix, the local date of the opening event, and
 * a per-day sequence from 0001 (more digits after 9999). In memory an id
 * is a 64-bit key, YYYYMMDD * 10^7 + sequence, so tables hash integers.
 */
#ifndef RS_IDS_H
#define RS_IDS_H

#include <stddef.h>
#include <stdint.h>

#define ID_SEQ_SCALE 10000000ULL	/* sequences up to 9 999 999 a day */
#define ID_MAX 32			/* buffer size for id_format */

/*
 * id_parse parses s[0..n) as PREFIX-YYYYMMDD-NNNN[N...] with the given
 * prefix ("RS" or "CP"): a real date, at least 4 sequence digits, no
 * leading zeros beyond the 4-digit width, sequence >= 1. Returns 0 and
 * sets *key, or -1.
 */
int id_parse(const char *s, size_t n, const char *prefix, uint64_t *key);

/* id_key makes a key from a date (YYYYMMDD) and a sequence. */
uint64_t id_key(int ymd, uint64_t seq);
/* id_date returns the YYYYMMDD of a key. */
int id_date(uint64_t key);
/* id_seq returns the sequence of a key. */
uint64_t id_seq(uint64_t key);

/* id_format writes prefix-YYYYMMDD-NNNN for key into buf (ID_MAX bytes); returns buf. */
char *id_format(char *buf, const char *prefix, uint64_t key);

/* provider_id_valid returns 1 if s[0..n) is 1-32 characters of letters, digits, '-' and '_', else 0. */
int provider_id_valid(const char *s, size_t n);

#endif
