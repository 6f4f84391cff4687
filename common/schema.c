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

/* required_here says whether column c must have a value in row. */
static int
required_here(const struct schema *s, const struct column *c, const struct row *row)
{
	const char *colon, *list, *p;
	size_t k;
	int dep;
	char name[64];

	if (c->required[0] == 'y' && c->required[1] == '\0')
		return 1;
	if ((colon = strchr(c->required, ':')) == NULL)
		return 0;
	k = (size_t)(colon - c->required);
	if (k >= sizeof(name))
		return 0;
	memcpy(name, c->required, k);
	name[k] = '\0';
	if ((dep = schema_column(s, name)) < 0 || dep >= row->n)
		return 0;
	for (list = colon + 1; *list; list = *p ? p + 1 : p) {
		p = strchr(list, ',');
		if (p == NULL)
			p = list + strlen(list);
		if ((size_t)(p - list) == row->len[dep] && memcmp(list, row->v[dep], row->len[dep]) == 0)
			return 1;
	}
	return 0;
}

/*
 * The "required" spelling of each column, parsed once per schema rather
 * than once per empty value (strchr, strcmp and the column lookup were
 * ~4 % of a full scan): REQ_IF columns are required when column dep
 * holds one of the values of the spelling.
 */
enum { REQ_NO, REQ_YES, REQ_IF, REQ_SLOW };
#define REQ_MAX_COLS 64

struct req_cache {
	const struct schema *s;
	int at_check;		/* the schema starts with ts and at: at <= ts + 5 min */
	unsigned char kind[REQ_MAX_COLS];
	int dep[REQ_MAX_COLS];
	const char *values[REQ_MAX_COLS];	/* REQ_IF: the list after the colon */
};

static _Thread_local struct req_cache req_cache;

static const struct req_cache *
req_of(const struct schema *s)
{
	struct req_cache *rc = &req_cache;
	const char *colon, *req;
	char name[64];
	size_t k;
	int i;

	if (rc->s == s)
		return rc;
	rc->s = NULL;
	if (s->n > REQ_MAX_COLS)
		return NULL;
	for (i = 0; i < s->n; i++) {
		req = s->cols[i].required;
		rc->dep[i] = -1;
		if (req[0] == 'y' && req[1] == '\0')
			rc->kind[i] = REQ_YES;
		else if ((colon = strchr(req, ':')) == NULL)
			rc->kind[i] = REQ_NO;
		else if ((k = (size_t)(colon - req)) >= sizeof(name))
			rc->kind[i] = REQ_NO;
		else {
			memcpy(name, req, k);
			name[k] = '\0';
			rc->dep[i] = schema_column(s, name);
			rc->kind[i] = rc->dep[i] < 0 ? REQ_NO : REQ_IF;
			rc->values[i] = colon + 1;
		}
	}
	rc->at_check = s->n >= 2 && s->cols[0].type == COL_TS && s->cols[1].type == COL_TS &&
	    strcmp(s->cols[1].name, "at") == 0;
	rc->s = s;
	return rc;
}

/* required_if says whether row's column dep holds one of the ","-separated values. */
static int
required_if(const char *values, const struct row *row, int dep)
{
	const char *list, *v;
	size_t i, n;

	if (dep >= row->n)
		return 0;
	v = row->v[dep];
	n = row->len[dep];
	/* A byte loop, no strchr/strlen: it runs for every empty conditional value. */
	for (list = values; *list; list += i + (list[i] == ',')) {
		for (i = 0; list[i] && list[i] != ','; i++)
			;
		if (i == n && memcmp(list, v, n) == 0)
			return 1;
	}
	return 0;
}

int
schema_check_row(const struct schema *s, struct row *row, char *msg, size_t msgsz)
{
	return schema_check_row_fast(s, row, 0, NULL, msg, msgsz);
}

int
schema_check_row_fast(const struct schema *s, struct row *row, int clean, rs_time *ts_out,
    char *msg, size_t msgsz)
{
	const struct req_cache *rc = req_of(s);
	char why[512];
	rs_time ts = RS_TIME_NONE, at = RS_TIME_NONE, t;
	int i, req;

	if (ts_out)
		*ts_out = RS_TIME_NONE;
	if (row->n != s->n) {
		snprintf(msg, msgsz, _("wrong number of fields: %d, want %d"), row->n, s->n);
		row->problem = msg;
		row->problem_col = -1;
		return -1;
	}
	for (i = 0; i < s->n; i++) {
		const struct column *c = &s->cols[i];

		if (row->len[i] == 0) {
			if (rc == NULL)
				req = required_here(s, c, row);
			else if (rc->kind[i] == REQ_IF)
				req = required_if(rc->values[i], row, rc->dep[i]);
			else
				req = rc->kind[i] == REQ_YES;
			if (req) {
				snprintf(msg, msgsz, _("column %s: missing value"), c->name);
				goto fail;
			}
			continue;
		}
		switch (c->type) {
		case COL_TEXT:
			/* A clean line has no control, bidi control or bad UTF-8 anywhere. */
			if (clean)
				continue;
			break;
		case COL_TS:
			/* Parsed here once; the at <= ts + 5 min check and the caller reuse it. */
			if (time_parse_ts(row->v[i], row->len[i], &t) == 0) {
				if (i == 0)
					ts = t;
				else if (i == 1)
					at = t;
				continue;
			}
			break;
		default:
			break;
		}
		if (schema_check_value(c, row->v[i], row->len[i], why, sizeof(why))) {
			snprintf(msg, msgsz, _("column %s: %s"), c->name, why);
			goto fail;
		}
	}
	if ((rc ? rc->at_check : s->n >= 2 && s->cols[0].type == COL_TS &&
	    s->cols[1].type == COL_TS && strcmp(s->cols[1].name, "at") == 0) &&
	    ts != RS_TIME_NONE && at != RS_TIME_NONE && at > ts + 300) {
		i = 1;
		snprintf(msg, msgsz, _("column at: %s is more than 5 minutes after ts %s"),
		    row->v[1], row->v[0]);
		goto fail;
	}
	if (ts_out && s->cols[0].type == COL_TS)
		*ts_out = ts;
	return 0;
fail:
	row->problem = msg;
	row->problem_col = i;
	return -1;
}
