/* case_list.c - the rows of rs-intake list; see case_list.h. */
#include <stdlib.h>
#include <string.h>

#include "case_list.h"
#include "schema.h"

int
case_list_load(const char *dir, rs_time since, rs_time as_of, struct case_list *l,
    struct rs_err *e)
{
	cases_init(&l->cs);
	dispatch_set_init(&l->ds);
	/* Rows written after --as-of do not exist yet. */
	if (cases_load(dir, since, as_of, &l->cs, e) == -1 ||
	    dispatch_load(dir, since != RS_TIME_NONE ? since - SCHEMA_AT_AHEAD_S : since,
	    as_of, &l->ds, e) == -1)
		return -1;
	return 0;
}

void
case_list_free(struct case_list *l)
{
	cases_free(&l->cs);
	dispatch_set_free(&l->ds);
}

void
case_list_columns(const char **names, enum coltype *types)
{
	int k, n;

	names[0] = "case_id";
	types[0] = COL_ID;
	names[1] = "state";
	types[1] = COL_ENUM;
	names[2] = "opened_at";
	types[2] = COL_TS;
	for (k = CASES_AGENT, n = 3; k < CASES_NCOLS; k++, n++) {
		names[n] = schema_cases.cols[k].name;
		types[n] = schema_cases.cols[k].type;
	}
}

const struct lview_def *
case_list_view(void)
{
	static const char *names[CASE_LIST_NCOLS];
	static enum coltype types[CASE_LIST_NCOLS];
	static const char *const table[] = { "case_id", "state", "opened_at", "priority",
	    "service", "location", NULL };
	static struct lview_def d;

	if (d.n == 0) {
		case_list_columns(names, types);
		d = (struct lview_def){ CASE_LIST_NCOLS, names, types, table, -1 };
	}
	return &d;
}

/* same_digits says whether phone has exactly the digits want (non-empty). */
static int
same_digits(const char *phone, const char *want)
{
	char d[64];

	case_phone_digits(phone, d, sizeof(d));
	return want[0] != '\0' && strcmp(d, want) == 0;
}

void
case_list_duplicate(const struct case_list *l, const char *phone, const char *plate,
    rs_time at, int hours, struct case_dup *d)
{
	const struct cases *cs = &l->cs;
	const struct dtimeline *t;
	char want[64] = "";
	size_t i;
	int p, q;

	d->ix = -1;
	d->phone = d->plate = 0;
	if (phone != NULL)
		case_phone_digits(phone, want, sizeof(want));
	for (i = 0; i < cs->f.n; i++) {
		if (cs->opened_at[i] == RS_TIME_NONE || cs->opened_at[i] > at ||
		    cs->opened_at[i] < at - (rs_time)hours * 3600)
			continue;
		t = dispatch_get(&l->ds, cs->f.items[i].key);
		if (t != NULL && dstate_final(t->state))
			continue;
		p = same_digits(case_value(cs, (long)i, CASES_PHONE), want);
		q = plate != NULL && plate[0] != '\0' &&
		    strcmp(case_value(cs, (long)i, CASES_PLATE), plate) == 0;
		if ((p || q) && (d->ix == -1 || cs->opened_at[i] >= cs->opened_at[d->ix])) {
			d->ix = (long)i;
			d->phone = p;
			d->plate = q;
		}
	}
}

int
case_list_row(const struct case_list *l, size_t i, const struct case_list_filter *f,
    struct case_list_row *row)
{
	const struct cases *cs = &l->cs;
	const struct dtimeline *t;
	long ix = (long)i;
	enum dstate st;
	int k, n;

	if (cs->opened_at[i] == RS_TIME_NONE ||
	    (f->since != RS_TIME_NONE && cs->opened_at[i] < f->since) ||
	    (f->until != RS_TIME_NONE && cs->opened_at[i] >= f->until))
		return 0;
	t = dispatch_get(&l->ds, cs->f.items[i].key);
	st = t != NULL ? t->state : DS_OPEN;
	if (f->open && dstate_final(st))
		return 0;
	if (f->service != NULL && strcmp(case_value(cs, ix, CASES_SERVICE), f->service) != 0)
		return 0;
	if (f->priority != NULL &&
	    atoi(case_value(cs, ix, CASES_PRIORITY)) != atoi(f->priority))
		return 0;
	if (f->plate != NULL && strcmp(case_value(cs, ix, CASES_PLATE), f->plate) != 0)
		return 0;
	if (f->phone != NULL && !same_digits(case_value(cs, ix, CASES_PHONE), f->phone))
		return 0;
	row->v[0] = case_value(cs, ix, CASES_CASE_ID);
	row->v[1] = dstate_name(st);
	row->v[2] = time_format_iso(cs->opened_at[i], row->opened);
	for (k = CASES_AGENT, n = 3; k < CASES_NCOLS; k++, n++)
		row->v[n] = case_value(cs, ix, k);
	return 1;
}
