/* callback_list.c - the rows of rs-callback due and list; see callback_list.h. */
#include <stdio.h>
#include <string.h>

#include "callback_list.h"
#include "row.h"
#include "rules.h"
#include "schema_tables.h"

int
cb_due_load(const char *dir, const struct rules *ru, rs_time as_of,
    const enum cb_kind *kind, struct cb_due_list *l, struct rs_err *e)
{
	size_t i, j;

	l->as_of = as_of;
	cb_schedule_init(&l->s, ru);
	cases_init(&l->cs);
	if (cb_schedule_load(dir, ru, as_of, &l->s, e) == -1)
		return -1;
	/* Keep what is listed; only those need the customer's name and phone. */
	for (i = j = 0; i < l->s.n; i++)
		if (cb_listed(&l->s.v[i], as_of) && (kind == NULL || l->s.v[i].kind == *kind))
			l->s.v[j++] = l->s.v[i];
	l->s.n = j;
	return cb_cases_load(dir, &l->s, as_of, &l->cs, e);
}

void
cb_due_free(struct cb_due_list *l)
{
	cases_free(&l->cs);
	cb_schedule_free(&l->s);
}

const char *const cb_due_names[CB_DUE_NCOLS] = {
	"kind", "case_id", "complaint_id", "customer", "phone",
	"due_from", "due_by", "attempts", "overdue"
};
const enum coltype cb_due_types[CB_DUE_NCOLS] = {
	COL_ENUM, COL_ID, COL_ID, COL_TEXT, COL_PHONE, COL_TS, COL_TS,
	COL_INT, COL_YN
};

static const char *const cb_due_table[] = { "kind", "case_id", "customer", "phone", "due_by",
    "attempts", NULL };

const struct lview_def cb_due_view = { CB_DUE_NCOLS, cb_due_names, cb_due_types, cb_due_table,
    8 };

const struct lview_def *
cb_call_view(void)
{
	static const char *names[CALLBACKS_NCOLS];
	static enum coltype types[CALLBACKS_NCOLS];
	static const char *const table[] = { "at", "case_id", "kind", "result", "overall",
	    "comment", NULL };
	static struct lview_def d;
	int i;

	if (d.n == 0) {
		for (i = 0; i < CALLBACKS_NCOLS; i++) {
			names[i] = schema_callbacks.cols[i].name;
			types[i] = schema_callbacks.cols[i].type;
		}
		d = (struct lview_def){ CALLBACKS_NCOLS, names, types, table, -1 };
	}
	return &d;
}

void
cb_due_row(const struct cb_due_list *l, size_t i, struct cb_due_row *row)
{
	const struct cb_due *d = &l->s.v[i];
	long ci = cases_get(&l->cs, d->case_key);

	snprintf(row->attempts, sizeof(row->attempts), "%d", d->attempts);
	row->v[0] = cb_kind_name(d->kind);
	row->v[1] = id_format(row->case_id, "RS", d->case_key);
	row->v[2] = d->complaint_key ? id_format(row->complaint_id, "CP", d->complaint_key) : "";
	row->v[3] = ci >= 0 ? case_value(&l->cs, ci, CASES_CUSTOMER) : "";
	row->v[4] = ci >= 0 ? case_value(&l->cs, ci, CASES_PHONE) : "";
	row->v[5] = time_format_iso(d->due_from, row->from);
	row->v[6] = time_format_iso(d->due_by, row->by);
	row->v[7] = row->attempts;
	row->v[8] = cb_overdue(d, l->as_of) ? "y" : "n";
}

int
cb_call_listed(const struct row *r, rs_time since, rs_time until, const char *kind)
{
	rs_time at;

	return time_parse_ts(r->v[CALLBACKS_AT], r->len[CALLBACKS_AT], &at) == 0 &&
	    (since == RS_TIME_NONE || at >= since) &&
	    (until == RS_TIME_NONE || at < until) &&
	    (kind == NULL || strcmp(kind, r->v[CALLBACKS_KIND]) == 0);
}
