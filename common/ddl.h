/*
 * ddl.h - CREATE TABLE statements for analytic engines (SPEC 12), made
 * from a schema (the schemas/ files, through the generated tables), for the
 * rows of rs-journal export: site and seq first, then the schema's
 * columns.
 */
#ifndef RS_DDL_H
#define RS_DDL_H

struct buf;
struct schema;

enum ddl_engine { DDL_DUCKDB, DDL_POSTGRES, DDL_CLICKHOUSE };

/* The engines' names in enum ddl_engine order, NULL-terminated. */
extern const char *const ddl_engine_names[];

/* ddl_engine_parse reads "duckdb", "postgres" or "clickhouse" into *e; returns 0, or -1 for another name. */
int ddl_engine_parse(const char *name, enum ddl_engine *e);

/*
 * ddl_create appends to out the CREATE TABLE of s for engine e: times
 * as timestamps with zone, money as decimal(12,2), int and minutes as
 * integers, num, lat and lon as double, date as date, everything else
 * (ids, enums, lists, text, phone, plate, yn) as text; required columns
 * NOT NULL; the key (site, seq). A comment before it says how an export
 * in CSV loads into it.
 */
void ddl_create(struct buf *out, const struct schema *s, enum ddl_engine e);

#endif
