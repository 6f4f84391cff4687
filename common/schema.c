/*
 * schema.c - the generated schema tables looked up by name, and the
 * check of a whole row (field count, required columns, at <= ts + 5 min);
 * see schema.h. The check of one value is in schema_value.c.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "timefmt.h"

const struct schema *
schema_find(const char *name)
{
	int i;

	for (i = 0; schema_all[i]; i++)
		if (strcmp(schema_all[i]->name, name) == 0)
			return schema_all[i];
	return NULL;
}

int
schema_column(const struct schema *s, const char *name)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->cols[i].name, name) == 0)
			return i;
	return -1;
}

static const char *const type_names[] = {
	"ts", "id", "enum", "list", "int", "num", "money", "text", "phone",
	"plate", "yn", "lat", "lon", "minutes", "date"
};

const char *
coltype_name(enum coltype t)
{
	return type_names[t];
}

int
coltype_is_number(enum coltype t)
{
	return t == COL_INT || t == COL_NUM || t == COL_MONEY || t == COL_LAT ||
	    t == COL_LON || t == COL_MINUTES;
}

int
coltype_is_textlike(enum coltype t)
{
	return t == COL_TEXT || t == COL_PHONE || t == COL_PLATE;
}

/* required_here says whether column c must have a value in row. */
static int
required_here(const struct column *c, const struct row *row)
{
	const char *const *v;
	int dep = c->req_dep;

	if (c->req_all)
		return 1;
	if (dep < 0 || dep >= row->n)
		return 0;
	for (v = c->req_values; *v != NULL; v++)
		if (strlen(*v) == row->len[dep] && memcmp(*v, row->v[dep], row->len[dep]) == 0)
			return 1;
	return 0;
}

/*
 * schema_check_row is the plain statement of the row rules, value by
 * value: writers check the row they are about to append with it, and
 * the read path's rowcheck.c (compiled per schema for speed) is tested
 * against it (tests/unit/t_rowcheck.c).
 */
int
schema_check_row(const struct schema *s, struct row *row, char *msg, size_t msgsz)
{
	char why[512];
	rs_time ts = RS_TIME_NONE, at = RS_TIME_NONE, t;
	int i;

	if (row->n != s->n) {
		snprintf(msg, msgsz, _("wrong number of fields: %d, want %d"), row->n, s->n);
		row->problem = msg;
		row->problem_col = -1;
		return -1;
	}
	for (i = 0; i < s->n; i++) {
		const struct column *c = &s->cols[i];

		if (row->len[i] == 0) {
			if (required_here(c, row)) {
				snprintf(msg, msgsz, _("column %s: missing value"), c->name);
				goto fail;
			}
			continue;
		}
		if (schema_check_value(c, row->v[i], row->len[i], why, sizeof(why))) {
			snprintf(msg, msgsz, _("column %s: %s"), c->name, why);
			goto fail;
		}
		if (c->type == COL_TS && i < 2 && time_parse_ts(row->v[i], row->len[i], &t) == 0)
			*(i == 0 ? &ts : &at) = t;
	}
	if (s->n >= 2 && s->cols[0].type == COL_TS && s->cols[1].type == COL_TS &&
	    strcmp(s->cols[1].name, "at") == 0 && ts != RS_TIME_NONE && at != RS_TIME_NONE &&
	    at > ts + SCHEMA_AT_AHEAD_S) {
		i = 1;
		snprintf(msg, msgsz, _("column at: %s is more than 5 minutes after ts %s"),
		    row->v[1], row->v[0]);
		goto fail;
	}
	return 0;
fail:
	row->problem = msg;
	row->problem_col = i;
	return -1;
}
