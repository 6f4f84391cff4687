/* complaint_list.c - the rows of rs-complain list; see complaint_list.h. */
#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "complaint_list.h"
#include "rules.h"
#include "schema_tables.h"

const char *const cp_list_names[CP_LIST_NCOLS] = {
	"complaint_id", "case_id", "state", "level", "category",
	"responsible", "provider", "opened_at", "contact_due",
	"resolve_due", "overdue", "handler", "compensation"
};
const enum coltype cp_list_types[CP_LIST_NCOLS] = {
	COL_ID, COL_ID, COL_ENUM, COL_INT, COL_ENUM, COL_ENUM, COL_ID,
	COL_TS, COL_TS, COL_TS, COL_YN, COL_TEXT, COL_MONEY
};

int
cp_list_load(const char *dir, rs_time as_of, struct cp_list *l, struct rs_err *e)
{
	rs_time need = RS_TIME_NONE;
	size_t i;

	cp_set_init(&l->set);
	dispatch_set_init(&l->ds);
	if (cp_set_load(dir, as_of, &l->set, e) == -1)
		return -1;
	/* The case's last assigned provider stands in where the complaint names none. */
	for (i = 0; i < l->set.f.n; i++)
		if (cp_value(&l->set, &l->set.c[i], COMPLAINTS_PROVIDER)[0] == '\0' &&
		    l->set.c[i].case_key != 0 &&
		    (need == RS_TIME_NONE || case_since(l->set.c[i].case_key) < need))
			need = case_since(l->set.c[i].case_key);
	if (need != RS_TIME_NONE && dispatch_load(dir, need, as_of, &l->ds, e) == -1)
		return -1;
	return 0;
}

void
cp_list_free(struct cp_list *l)
{
	dispatch_set_free(&l->ds);
	cp_set_free(&l->set);
}

int
cp_list_row(const struct cp_list *l, size_t i, const struct rules *ru,
    const struct cp_list_filter *f, struct cp_list_row *row)
{
	const struct complaint_set *set = &l->set;
	const struct complaint *c = &set->c[i];
	const struct dtimeline *tl;
	const char *prov;
	rs_time due;
	int od;

	if (c->opened_at == RS_TIME_NONE)
		return 0;
	od = cp_overdue(c, ru, f->as_of);
	if ((f->open && !cp_is_open(c)) || (f->overdue && !od) ||
	    (f->level != 0 && c->level != f->level) ||
	    (f->category != NULL && strcmp(f->category,
	    cp_value(set, c, COMPLAINTS_CATEGORY)) != 0) ||
	    (f->handler != NULL && strcmp(f->handler,
	    cp_value(set, c, COMPLAINTS_HANDLER)) != 0) ||
	    (f->since != RS_TIME_NONE && c->opened_at < f->since) ||
	    (f->until != RS_TIME_NONE && c->opened_at >= f->until))
		return 0;
	if (f->due_within >= 0 && ((due = cp_next_due(c, ru)) == RS_TIME_NONE ||
	    due > f->as_of + f->due_within))
		return 0;
	prov = cp_value(set, c, COMPLAINTS_PROVIDER);
	if (prov[0] == '\0' && (tl = dispatch_get(&l->ds, c->case_key)) != NULL)
		prov = tl->provider;
	snprintf(row->level, sizeof(row->level), "%d", c->level);
	row->v[0] = cp_value(set, c, COMPLAINTS_COMPLAINT_ID);
	row->v[1] = cp_value(set, c, COMPLAINTS_CASE_ID);
	row->v[2] = cp_state_name(c->state);
	row->v[3] = row->level;
	row->v[4] = cp_value(set, c, COMPLAINTS_CATEGORY);
	row->v[5] = cp_value(set, c, COMPLAINTS_RESPONSIBLE);
	row->v[6] = prov;
	row->v[7] = time_format_iso(c->opened_at, row->opened);
	row->v[8] = time_format_iso(cp_contact_due(c, ru), row->contact_due);
	row->v[9] = time_format_iso(cp_resolve_due(c, ru), row->resolve_due);
	row->v[10] = od ? "y" : "n";
	row->v[11] = cp_value(set, c, COMPLAINTS_HANDLER);
	row->v[12] = c->nitems > 0 ? cp_money_format(c->comp_cents, row->comp) : "";
	return 1;
}

rs_time
cp_next_due(const struct complaint *c, const struct rules *ru)
{
	if (c->first_contact == RS_TIME_NONE)
		return cp_contact_due(c, ru);
	return cp_is_open(c) ? cp_resolve_due(c, ru) : RS_TIME_NONE;
}

static const char *const cp_list_table[] = { "complaint_id", "state", "level", "category",
    "contact_due", "resolve_due", NULL };

const struct lview_def cp_list_view = { CP_LIST_NCOLS, cp_list_names, cp_list_types,
    cp_list_table, 10 };
