/*
 * report.h - the table model of reports: a report is a
 * sequence of named sections, each a table of typed cells, and the
 * writers (render.c, render_html.c) are the only code that knows
 * formats. Cells are kept as formatted strings; NULL is "no value"
 * (an empty denominator, a step not yet done).
 *
 * Also here: the masking of customer data (SPEC 5), shared with any
 * tool that shows customers to someone who does not work the case.
 */
#ifndef RS_REPORT_H
#define RS_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "timefmt.h"

/* Cell types: how JSON types a value, how text aligns it, which CSV values get the guard. */
enum rtype {
	RT_TEXT,	/* free text: sanitized for terminals, CSV-guarded */
	RT_ENUM,	/* a word from a fixed set (state, category): a string */
	RT_ID,		/* case, complaint, provider id: a string, never guarded */
	RT_INT,		/* whole number */
	RT_PCT,		/* percentage 0-100, one decimal */
	RT_NUM,		/* other decimal (rates, targets) */
	RT_MIN,		/* minutes, one decimal */
	RT_TIME,	/* ISO 8601 with offset; text shows "YYYY-MM-DD HH:MM" */
	RT_BOOL,	/* "y" / "n"; JSON true / false */
	RT_LIST,	/* ","-separated ids; JSON array of strings */
	RT_DETAILS	/* "name=value; ..." of a journal row: text for programs, names and words translated for people */
};

/*
 * How a section appears in the one JSON document (SPEC 10 fixes the
 * shapes: by_category is an object, red_list an array, ...).
 */
enum rshape {
	RSH_ARRAY,	/* "name": [ {col: value, ...}, ... ] */
	RSH_MAP,	/* "name": { col0: col1, ... } */
	RSH_KEYED,	/* "name": { col0: { col1: ..., ... }, ... } */
	RSH_FLAT,	/* row 0's columns as top-level keys */
	RSH_RECORD,	/* "name": { col: value } of row 0 */
	RSH_IDS,	/* "name": [ col0, ... ] */
	RSH_COUNT	/* "name": row count, "name_list": [ {...}, ... ] */
};

enum rchart { RCH_NONE, RCH_BAR, RCH_LINE };

struct rsection {
	const char *name;	/* the --section name and JSON key */
	const char *title;	/* heading for people */
	enum rshape shape;
	enum rchart chart;	/* html: drawn from col 0 (labels) and chart_col (values) */
	int chart_col;
	int chart_worst_first;	/* bar chart: rows by chart_col ascending, no value last */
	const char *nest;	/* JSON: a key inside the object of the section before it, not a key of its own */
	int chart_col2;		/* a line chart's second series, drawn beside it (0: none) */
	int hidden;		/* left out of tsv/csv when every section is printed */
	int ncols;
	const char **cols;
	enum rtype *types;
	char **cells;		/* nrows * ncols, NULL = no value */
	size_t nrows, cap;
	const char *note;	/* one line under the heading for people, or NULL */
	/*
	 * What people see of a long or wide table (text, md, html): the
	 * columns show[0..nshow) in that order (show NULL: every column),
	 * so that the text fits 80 columns, and at most show_max rows
	 * (0: all), followed by a line saying how many more there are.
	 * json, tsv and csv always carry every row and column.
	 */
	const int *show;
	int nshow;
	size_t show_max;
};

/* A headline figure for people (text, md, html): label, value and how it stands. */
enum rverdict { RV_NONE, RV_MET, RV_MISSED };

struct rheadline {
	const char *label;	/* translated */
	const char *value;	/* "77", "88.8 %" */
	const char *target;	/* "85.0 %", or NULL */
	enum rverdict verdict;
	const char *detail;	/* one short line ("-3 vs 80 the week before"), or NULL */
};

struct report {
	const char *name;	/* "shift", "weekly", "kpi", "case" */
	char *title;		/* first line for people */
	char *subtitle;		/* second line (period, as-of), or NULL */
	struct rsection **s;
	size_t n, cap;
	/* The headline opens the text, md and html forms; machine formats leave it out. */
	struct rheadline *head;
	size_t nhead;
	char today[11];		/* report_today's date; "" = full times, nothing cut */
	struct arena a;		/* every string of the report */
};

/* report_new starts an empty report; title is copied. */
struct report *report_new(const char *name, const char *title);

/* report_free releases r and everything in it. */
void report_free(struct report *r);

/* report_subtitle sets the second line (printf style). */
void report_subtitle(struct report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* report_strdup copies s into the report's arena. */
char *report_strdup(struct report *r, const char *s);

/*
 * report_section appends a section of ncols columns; names and types
 * are borrowed (static tables). Returns it for rows to be added.
 */
struct rsection *report_section(struct report *r, const char *name, const char *title,
    enum rshape shape, int ncols, const char *const *cols, const enum rtype *types);

/* report_headline adds a headline figure; every string is copied (target and detail may be NULL). */
void report_headline(struct report *r, const char *label, const char *value,
    const char *target, enum rverdict verdict, const char *detail);

/*
 * report_today lays r out for a person at an 80-column terminal (SPEC 5):
 * times of the day of t (site zone) show as HH:MM, others as MM-DD
 * HH:MM, and the free text of a text table too wide is cut with "…".
 */
void report_today(struct report *r, rs_time t);

/* rsec_show sets the columns and the row limit people see of s (see struct rsection); cols is borrowed. */
void rsec_show(struct rsection *s, const int *cols, int ncols, size_t max_rows);

/* report_find returns the section called name, or NULL. */
struct rsection *report_find(const struct report *r, const char *name);

/* rsec_row starts a new row with every cell empty. */
void rsec_row(struct rsection *s);

/* rsec_set sets cell col of the last row to a copy of v (NULL or "" = no value). */
void rsec_set(struct report *r, struct rsection *s, int col, const char *v);

/* rsec_setf sets cell col of the last row, printf style. */
void rsec_setf(struct report *r, struct rsection *s, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* rsec_int sets an integer cell. */
void rsec_int(struct report *r, struct rsection *s, int col, long long v);

/* rsec_ratio sets num / den x scale with one decimal, half away from zero; no value when den is 0. */
void rsec_ratio(struct report *r, struct rsection *s, int col, long long num,
    long long den, long long scale);

/* rsec_time sets a time cell (RS_TIME_NONE = no value). */
void rsec_time(struct report *r, struct rsection *s, int col, rs_time t);

/* rsec_minutes sets a duration in seconds as minutes with one decimal. */
void rsec_minutes(struct report *r, struct rsection *s, int col, int64_t secs);

/* rsec_cell returns cell (row, col), NULL when it has no value. */
const char *rsec_cell(const struct rsection *s, size_t row, int col);

/* fmt_ratio writes num / den x scale with one decimal (half away from zero) into buf (>= 32); returns NULL when den is 0. */
char *fmt_ratio(long long num, long long den, long long scale, char *buf);

/* round_div returns num / den rounded to a whole number, halves away from zero (den > 0). */
long long round_div(long long num, long long den);

/*
 * pii_phone writes the masked form of phone p into out (SPEC 5): with 8
 * digits or more the first 3 and last 4 digits stay ("138****0000"),
 * otherwise only the last 2; separators are dropped. Returns out.
 */
char *pii_phone(const char *p, char *out, size_t outsz);

/* pii_name writes the masked form of name p into out: its first character then one '*' per further character ("王**"); one character becomes "*". Returns out. */
char *pii_name(const char *p, char *out, size_t outsz);

/*
 * pii_text appends free text v to out with the customer data in it
 * masked: every phone-like number (7 digits or more, single spaces or
 * hyphens allowed between groups; not the digits of an id such as
 * RS-20261122-0042) as pii_phone masks it, and every occurrence of name
 * (the case's customer; ignored when NULL or of one character) as
 * pii_name masks it.
 */
struct buf;
void pii_text(const char *v, const char *name, struct buf *out);

/* Output formats of reports. */
enum rformat { RF_TEXT, RF_MD, RF_HTML, RF_JSON, RF_TSV, RF_CSV };

enum {
	RF_NO_HEADER = 1,	/* -H: tsv/csv without the header line */
	RF_RAW = 2		/* --raw: csv without the spreadsheet guard */
};

/* The names of the report formats, in enum rformat order, NULL-terminated ("table" is a synonym of text). */
extern const char *const rformat_names[];

/* rformat_parse maps "text", "md", "html", "json", "tsv", "csv" to *f; returns 0 or -1. */
int rformat_parse(const char *s, enum rformat *f);

/*
 * report_render writes r to fp in format f; section (may be NULL) picks
 * one table, printed alone. Returns 0, -1 if section names no section
 * of r, or -2 on a write error.
 */
int report_render(const struct report *r, FILE *fp, enum rformat f, const char *section,
    int flags);

/* render_html appends r (only that section if only is not NULL) as one self-contained HTML page (render_html.c). */
void render_html(const struct report *r, const struct rsection *only, struct buf *b);

/* render_cell_text appends cell v of type t as people read it: sanitized, times to the minute (HH:MM or MM-DD HH:MM while a report with report_today is rendered), "–" for no value, enum words and y/n in the reader's language. */
void render_cell_text(struct buf *b, const char *v, enum rtype t);

/* render_col_label returns the heading people read for column key k (text, md, html); machine formats keep k. */
const char *render_col_label(const char *k);

#endif
