/* ddl.c - CREATE TABLE for DuckDB, PostgreSQL and ClickHouse; see ddl.h. */
#include <string.h>

#include "buf.h"
#include "ddl.h"
#include "schema.h"

static const char *const engine_names[] = { "duckdb", "postgres", "clickhouse" };

int
ddl_engine_parse(const char *name, enum ddl_engine *e)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(name, engine_names[i]) == 0) {
			*e = (enum ddl_engine)i;
			return 0;
		}
	return -1;
}

/* sql_type is the engine's type for schema type t. */
static const char *
sql_type(enum coltype t, enum ddl_engine e)
{
	/* duckdb, postgres, clickhouse */
	static const char *const ts[] = { "TIMESTAMPTZ", "timestamptz", "DateTime64(0, 'UTC')" };
	static const char *const money[] = { "DECIMAL(12,2)", "numeric(12,2)", "Decimal(12, 2)" };
	static const char *const integer[] = { "INTEGER", "integer", "Int32" };
	static const char *const dbl[] = { "DOUBLE", "double precision", "Float64" };
	static const char *const date[] = { "DATE", "date", "Date32" };
	static const char *const text[] = { "VARCHAR", "text", "String" };

	switch (t) {
	case COL_TS:
		return ts[e];
	case COL_MONEY:
		return money[e];
	case COL_INT:
	case COL_MINUTES:
		return integer[e];
	case COL_NUM:
	case COL_LAT:
	case COL_LON:
		return dbl[e];
	case COL_DATE:
		return date[e];
	default:
		return text[e];
	}
}

/*
 * column appends one column line; a ClickHouse column that may be empty
 * is Nullable. DuckDB's names are quoted: it reserves "at" (AT TIME
 * ZONE), which no other engine does.
 */
static void
column(struct buf *out, const char *name, const char *type, int required, enum ddl_engine e,
    int last)
{
	if (e == DDL_CLICKHOUSE && !required)
		buf_printf(out, "    %s Nullable(%s)", name, type);
	else if (e == DDL_DUCKDB)
		buf_printf(out, "    \"%s\" %s%s", name, type, required ? " NOT NULL" : "");
	else
		buf_printf(out, "    %s %s%s", name, type,
		    required && e != DDL_CLICKHOUSE ? " NOT NULL" : "");
	buf_adds(out, last ? "\n" : ",\n");
}

void
ddl_create(struct buf *out, const struct schema *s, enum ddl_engine e)
{
	int i, req;

	switch (e) {
	case DDL_DUCKDB:
		/* Said in full: DuckDB guesses the escape from the first rows it reads. */
		buf_printf(out, "-- rs-journal export %s -f csv > %s.csv; then in duckdb:\n"
		    "--   COPY %s FROM '%s.csv' (FORMAT csv, HEADER, QUOTE '\"', ESCAPE '\"');\n",
		    s->name, s->name, s->name, s->name);
		break;
	case DDL_POSTGRES:
		buf_printf(out, "-- rs-journal export %s -f csv > %s.csv; then in psql:\n"
		    "--   \\copy %s FROM '%s.csv' WITH (FORMAT csv, HEADER true)\n",
		    s->name, s->name, s->name, s->name);
		break;
	case DDL_CLICKHOUSE:
		buf_printf(out, "-- rs-journal export %s -f csv > %s.csv; then:\n"
		    "--   clickhouse-client --date_time_input_format best_effort "
		    "--query 'INSERT INTO %s FORMAT CSVWithNames' < %s.csv\n",
		    s->name, s->name, s->name, s->name);
		break;
	}
	buf_printf(out, "CREATE TABLE %s (\n", s->name);
	column(out, "site", sql_type(COL_TEXT, e), 1, e, 0);
	column(out, "seq", e == DDL_CLICKHOUSE ? "UInt64" : "BIGINT", 1, e, 0);
	for (i = 0; i < s->n; i++) {
		/* "event:..." is required on some events only: NULL is allowed. */
		req = strcmp(s->cols[i].required, "y") == 0;
		column(out, s->cols[i].name, sql_type(s->cols[i].type, e), req, e, 0);
	}
	if (e == DDL_CLICKHOUSE)
		buf_adds(out, "    PRIMARY KEY (site, seq)\n) ENGINE = MergeTree;\n");
	else
		buf_adds(out, "    PRIMARY KEY (site, seq)\n);\n");
}
