/*
 * reports_weekly_team.c - the sections of the weekly complaint review
 * that follow the complaint team's money and crises (SPEC 6 rs-report
 * weekly, SPEC 10): compensation (the remedy items given in the week, by
 * remedy and by responsible party), crisis (the week's complaints at
 * level 4 or with a media, legal or safety flag) and suggestions (what
 * the week's reached callbacks suggested, customer data masked).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"
#include "report.h"
#include "reports.h"
#include "schema_tables.h"
#include "weekly.h"

/* money_cell sets a money cell: two decimals, a number in JSON. */
static void
money_cell(struct report *r, struct rsection *s, int col, long long cents)
{
	char b[32];

	rsec_set(r, s, col, cp_money_format(cents, b));
}

/* money_section fills a name -> amount section, by amount descending, then name. */
static void
money_section(struct report *r, struct rsection *s, const struct tally *t)
{
	size_t *ord = xcalloc(t->n + 1, sizeof(*ord)), i, j, k;

	for (i = 0; i < t->n; i++)
		ord[i] = i;
	/* Insertion sort: a handful of remedies or parties. */
	for (i = 1; i < t->n; i++)
		for (j = i; j > 0; j--) {
			size_t a = ord[j - 1], b = ord[j];

			if (t->count[a] > t->count[b] || (t->count[a] == t->count[b] &&
			    strcmp(t->name[a], t->name[b]) <= 0))
				break;
			k = ord[j - 1], ord[j - 1] = ord[j], ord[j] = k;
		}
	for (i = 0; i < t->n; i++) {
		rsec_row(s);
		rsec_set(r, s, 0, t->name[ord[i]]);
		money_cell(r, s, 1, t->count[ord[i]]);
	}
	free(ord);
}

/* in_week says whether remedy item it was given in the review week. */
static int
in_week(const struct weekly *w, const struct cp_item *it)
{
	return it->at != RS_TIME_NONE && it->at >= w->tw[TREND_WEEKS - 1] &&
	    it->at < w->tw[TREND_WEEKS];
}

/* party is the complaint's responsible party, "undetermined" when unset (SPEC 10). */
static const char *
party(const struct weekly *w, const struct complaint *c)
{
	const char *v = cp_value(&w->cps, c, COMPLAINTS_RESPONSIBLE);

	return *v ? v : "undetermined";
}

void
weekly_compensation(struct weekly *w, struct report *r)
{
	static const char *const tcols[] = { "total", "items" };
	static const enum rtype ttypes[] = { RT_NUM, RT_INT };
	static const char *const rcols[] = { "remedy", "amount" };
	static const char *const pcols[] = { "responsible", "amount" };
	static const enum rtype mtypes[] = { RT_ENUM, RT_NUM };
	static const int items_show[] = { 0, 2, 3, 4, 5 };
	static const char *const icols[] = { "complaint_id", "case_id", "at", "remedy",
	    "amount", "responsible" };
	static const enum rtype itypes[] = { RT_ID, RT_ID, RT_TIME, RT_ENUM, RT_NUM, RT_ENUM };
	struct tally by_remedy = { 0 }, by_party = { 0 };
	struct rsection *s;
	long long total = 0, n = 0;
	size_t i, k;

	for (i = 0; i < w->cps.f.n; i++) {
		const struct complaint *c = &w->cps.c[i];

		for (k = 0; k < c->nitems; k++) {
			if (!in_week(w, &c->items[k]))
				continue;
			total += c->items[k].cents;
			n++;
			tally_add(&by_remedy, *c->items[k].remedy ? c->items[k].remedy : "none",
			    c->items[k].cents);
			tally_add(&by_party, party(w, c), c->items[k].cents);
		}
	}
	s = report_section(r, "compensation", N_("Compensation given this week"), RSH_RECORD,
	    2, tcols, ttypes);
	rsec_row(s);
	money_cell(r, s, 0, total);
	rsec_int(r, s, 1, n);
	/* JSON: {total, items, by_remedy, by_responsible} (SPEC 10). */
	s = report_section(r, "compensation_by_remedy", N_("Compensation by remedy"), RSH_MAP,
	    2, rcols, mtypes);
	s->nest = "by_remedy";
	s->chart = RCH_BAR, s->chart_col = 1;
	money_section(r, s, &by_remedy);
	s = report_section(r, "compensation_by_responsible",
	    N_("Compensation by responsible party"), RSH_MAP, 2, pcols, mtypes);
	s->nest = "by_responsible";
	s->chart = RCH_BAR, s->chart_col = 1;
	money_section(r, s, &by_party);
	tally_free(&by_remedy);
	tally_free(&by_party);
	/* The items themselves, in complaint order, each complaint's as recorded. */
	s = report_section(r, "compensation_items", N_("Remedy items given this week"),
	    RSH_ARRAY, 6, icols, itypes);
	s->show = items_show;	/* 80 columns for people: the case is one lookup away */
	s->nshow = 5;
	for (i = 0; i < w->cps.f.n; i++) {
		const struct complaint *c = &w->cps.c[i];

		for (k = 0; k < c->nitems; k++) {
			const struct cp_item *it = &c->items[k];

			if (!in_week(w, it))
				continue;
			rsec_row(s);
			rsec_set(r, s, 0, cp_value(&w->cps, c, COMPLAINTS_COMPLAINT_ID));
			rsec_set(r, s, 1, cp_value(&w->cps, c, COMPLAINTS_CASE_ID));
			rsec_time(r, s, 2, it->at);
			rsec_set(r, s, 3, *it->remedy ? it->remedy : "none");
			money_cell(r, s, 4, it->cents);
			rsec_set(r, s, 5, party(w, c));
		}
	}
}

void
weekly_crisis(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "complaint_id", "case_id", "level", "flags",
	    "category", "state", "handler", "compensation" };
	static const enum rtype types[] = { RT_ID, RT_ID, RT_INT, RT_LIST, RT_ENUM, RT_ENUM,
	    RT_TEXT, RT_NUM };
	/* What a team lead reads in 80 columns; json, tsv and csv keep every column. */
	static const int show[] = { 0, 2, 3, 5, 6, 7 };
	struct rsection *s;
	char flags[48];
	size_t i;

	s = report_section(r, "crisis", N_("Crisis complaints (level 4, media, legal, safety)"),
	    RSH_IDS, 8, cols, types);
	s->show = show;
	s->nshow = 6;
	for (i = 0; i < w->nwk; i++) {
		const struct complaint *c = w->wk[i];

		if (c->level != 4 && !(c->flags & CP_CRISIS_FLAGS))
			continue;
		rsec_row(s);
		rsec_set(r, s, 0, cp_value(&w->cps, c, COMPLAINTS_COMPLAINT_ID));
		rsec_set(r, s, 1, cp_value(&w->cps, c, COMPLAINTS_CASE_ID));
		rsec_int(r, s, 2, c->level);
		rsec_set(r, s, 3, cp_flags_format(c->flags, flags, sizeof(flags)));
		rsec_set(r, s, 4, cp_value(&w->cps, c, COMPLAINTS_CATEGORY));
		rsec_set(r, s, 5, cp_state_name(c->state));
		rsec_set(r, s, 6, cp_value(&w->cps, c, COMPLAINTS_HANDLER));
		if (c->nitems > 0)
			money_cell(r, s, 7, c->comp_cents);
	}
}

void
weekly_suggestions(struct weekly *w, struct report *r)
{
	static const char *const cols[] = { "case_id", "at", "suggestion" };
	static const enum rtype types[] = { RT_ID, RT_TIME, RT_TEXT };
	struct rsection *s;
	struct buf b = BUF_INIT;
	size_t i;
	long ci;

	s = report_section(r, "suggestions", N_("Suggestions of the week's callbacks"),
	    RSH_ARRAY, 3, cols, types);
	for (i = 0; i < w->nsug; i++) {
		const struct weekly_suggestion *sg = &w->sug[i];

		rsec_row(s);
		rsec_set(r, s, 0, sg->case_id);
		rsec_time(r, s, 1, sg->at);
		if (w->in->show_pii) {
			rsec_set(r, s, 2, sg->text);
			continue;
		}
		/* A suggestion may name the customer or give a phone number: masked as every report's free text. */
		ci = cases_get(&w->cs, sg->case_key);
		buf_reset(&b);
		pii_text(sg->text, ci != -1 ? case_value(&w->cs, ci, CASES_CUSTOMER) : NULL, &b);
		rsec_set(r, s, 2, b.p != NULL ? b.p : "");
	}
	buf_free(&b);
}
