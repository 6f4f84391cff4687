/*
 * render.h - what the report writers of render.c and render_data.c
 * share (internal: report.h declares report_render and the helpers the
 * html writer uses, for everyone else). Every writer appends to a struct buf the caller owns
 * and keeps no pointer into the report.
 */
#ifndef RS_RENDER_H
#define RS_RENDER_H

#include "report.h"

struct buf;

/* render_is_number_type says whether cells of type t are numbers: right-aligned for people, bare in JSON. */
static inline int
render_is_number_type(enum rtype t)
{
	return t == RT_INT || t == RT_PCT || t == RT_NUM || t == RT_MIN;
}

/* render_json appends r (or only that section, as a bare value for jq) as JSON to b (render_data.c). */
void render_json(const struct report *r, const struct rsection *only, struct buf *b);

/* render_dsv appends r (or only that section) as TSV, or CSV if csv, to b; flags are RF_* of report_render (render_data.c). */
void render_dsv(const struct report *r, const struct rsection *only, int csv, int flags,
    struct buf *b);

/* render_ncols is how many columns people see of s (rsec_show), render_col the column of s shown i-th. */
int render_ncols(const struct rsection *s);
int render_col(const struct rsection *s, int i);

/* render_nrows is how many rows people see of s. */
size_t render_nrows(const struct rsection *s);

/* render_more writes into buf the line saying how many rows of s people do not see; NULL when they see all. */
const char *render_more(const struct rsection *s, char *buf, size_t n);

/* render_verdict is the word and symbol of a headline verdict ("" for none). */
const char *render_verdict(enum rverdict v);

#endif
