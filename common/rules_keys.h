/*
 * rules_keys.h - the table of rules.tsv keys, shared by rules.c (which
 * defines it, with the defaults and rules_format) and rules_parse.c
 * (which reads values into the fields it names). Internal: include
 * rules.h elsewhere.
 */
#ifndef RS_RULES_KEYS_H
#define RS_RULES_KEYS_H

#include <stddef.h>

/* The kinds of value a key takes; rules_parse.c knows their syntax and range. */
enum rules_kind {
	K_MIN,		/* minutes, 1..10080 (a week) */
	K_HOUR,		/* hours, 1..8760 (a year) */
	K_DAY,		/* days, 1..365 */
	K_COUNT,	/* attempts, 1..100 */
	K_RATIO,	/* decimal in [0,1] */
	K_SHIFT,	/* HH:MM-HH:MM */
	K_ZONE,		/* an IANA zone name, a char[RULES_TEXT_MAX] */
	K_CODE		/* a site code, a char[RULES_TEXT_MAX] */
};

/* One key: off is its field in struct rules (the start of a shift), off2 the end of a shift. */
struct rule_key {
	const char *name;
	enum rules_kind kind;
	size_t off, off2;
};

/* The number of keys: a constant, so that rules_parse can size arrays by it. */
#define RULES_NKEYS 25

/* The indexes of the two ends of the second callback window, checked against each other. */
#define RULES_KEY_SECOND_FROM 12
#define RULES_KEY_SECOND_TO 13

/* rules_keys holds the keys in SPEC 9 order, which is also the order of rules_format (static data). */
extern const struct rule_key rules_keys[];

#endif
