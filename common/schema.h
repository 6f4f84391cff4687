/*
 * schema.h - journal columns and typed validation.
 *
 * The tables come from schemas/NAME.tsv, compiled into schema_tables.c by
 * tools/schemagen.awk at build time; schema_tables.h gives each column a
 * constant (CASES_PHONE, DISPATCH_EVENT, ...) equal to its index. The
 * tables are static data: nothing here is allocated or freed. The check
 * of one value (schema_check_value) is declared in schema_value.h,
 * included here.
 */
#ifndef RS_SCHEMA_H
#define RS_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "schema_value.h"

struct row;

enum coltype {
	COL_TS, COL_ID, COL_ENUM, COL_LIST, COL_INT, COL_NUM, COL_MONEY,
	COL_TEXT, COL_PHONE, COL_PLATE, COL_YN, COL_LAT, COL_LON,
	COL_MINUTES, COL_DATE
};

struct column {
	const char *name;
	enum coltype type;
	const char *required;	/* "y", "n", or "COL:v1,v2" (required when COL is one of the values) */
	const char *values;	/* as written in the schema file */
	const char *description;
	const char *const *enums;	/* enum and list values, NULL-terminated; NULL otherwise */
	int n_enums;
	int has_min, has_max;	/* range of int and num columns ("1..4", "0..") */
	double min, max;
	/*
	 * required, compiled by tools/schemagen.awk: always (req_all), or
	 * when column req_dep (else -1) holds one of req_values
	 * (NULL-terminated; NULL when req_dep is -1).
	 */
	int req_all;
	int req_dep;
	const char *const *req_values;
};

struct schema {
	const char *name;	/* "cases" */
	int n;			/* number of columns */
	const struct column *cols;
	int id_col;		/* column of the entity id (case_id, complaint_id, provider_id) */
	const char *id_prefix;	/* "RS", "CP", or NULL for provider ids */
	int event_col;		/* column "event", or -1 */
};

/* schema_all is the NULL-terminated list of every schema, in the order of SPEC 4. */
extern const struct schema *const schema_all[];

/* schema_find returns the schema called name, or NULL. */
const struct schema *schema_find(const char *name);

/* schema_column returns the index of the column called name in s, or -1. */
int schema_column(const struct schema *s, const char *name);

/*
 * How far a row's at may be after its ts (SPEC 3.3: an event is written
 * at most 5 minutes before it happens): the limit of --at, and how much
 * earlier than a time a reader must start to find the rows at or after
 * it.
 */
#define SCHEMA_AT_AHEAD_S 300

/* coltype_name returns the schema spelling of a type ("ts", "money", ...). */
const char *coltype_name(enum coltype t);

/*
 * schema_check_row validates a row already in schema order: the number
 * of fields, each non-empty value, required columns, and at <= ts + 5 min
 * for event journals. On a problem sets row->problem (pointing into msg,
 * "column C: ...") and row->problem_col and returns -1; else 0.
 */
int schema_check_row(const struct schema *s, struct row *row, char *msg, size_t msgsz);

/* coltype_is_number says whether JSON output writes values of type t as numbers. */
int coltype_is_number(enum coltype t);

/* coltype_is_textlike says whether values of type t are free text a spreadsheet might take for a formula (text, phone, plate: SPEC 3.2). */
int coltype_is_textlike(enum coltype t);

#endif
