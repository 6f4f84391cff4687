/* import.c - the cases of a CSV or TSV file; see import.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "import.h"
#include "intake.h"
#include "ref.h"
#include "reader.h"
#include "row.h"
#include "schema.h"
#include "schema_tables.h"
#include "utf8.h"

/*
 * open_input opens the import file. stdin has no name to tell CSV from
 * TSV, so it is spooled to a temporary file and sniffed: a first line
 * with a tab is TSV, otherwise CSV.
 */
static struct reader *
open_input(const char *path, FILE **spool, struct rs_err *e)
{
	enum reader_kind kind = READER_TSV;
	char chunk[65536];
	size_t n, total = 0;
	int sniffed = 0, c;

	*spool = NULL;
	if (strcmp(path, "-") != 0)
		return reader_open(path, READER_AUTO, e);
	if ((*spool = tmpfile()) == NULL) {
		err_set(e, RS_EIO, "stdin", "cannot make a temporary file");
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (!sniffed) {
			const char *nl = memchr(chunk, '\n', n);
			size_t first = nl != NULL ? (size_t)(nl - chunk) : n;

			/* gzip input is TSV by default, like a journal. */
			if (n >= 2 && (unsigned char)chunk[0] == 0x1f &&
			    (unsigned char)chunk[1] == 0x8b)
				kind = READER_TSV;
			else
				kind = memchr(chunk, '\t', first) != NULL ?
				    READER_TSV : READER_CSV;
			sniffed = 1;
		}
		if (fwrite(chunk, 1, n, *spool) != n) {
			err_set(e, RS_EIO, "stdin", "cannot spool the input");
			return NULL;
		}
		total += n;
	}
	if (ferror(stdin)) {
		err_set(e, RS_EIO, "stdin", "read error");
		return NULL;
	}
	(void)total;
	if (fflush(*spool) == EOF || (c = fileno(*spool)) == -1 ||
	    lseek(c, 0, SEEK_SET) == -1) {
		err_set(e, RS_EIO, "stdin", "cannot spool the input");
		return NULL;
	}
	return reader_open_fd(c, "stdin", kind, 0, e);
}

/* import_bad reports one bad row; every bad row is reported, nothing is written. */
static void
import_bad(struct import *im, long line, const char *col, const char *why)
{
	char where[300];

	snprintf(where, sizeof(where), "%s:%ld", im->name, line);
	if (col != NULL)
		err_warn(where, "column %s: %s", col, why);
	else
		err_warn(where, "%s", why);
	im->bad++;
}

/* import_header maps the header's names onto the cases columns. */
static int
import_header(struct import *im, const struct row *r)
{
	char msg[256];
	int i, j, col, bad = 0;

	if (r->n > (int)(sizeof(im->map) / sizeof(im->map[0]))) {
		import_bad(im, r->line, NULL, "too many columns in the header");
		return -1;
	}
	im->ncols = r->n;
	for (i = 0; i < r->n; i++) {
		col = schema_column(&schema_cases, r->v[i]);
		if (col == -1) {
			struct buf b = BUF_INIT;

			utf8_sanitize(&b, r->v[i], r->len[i]);
			snprintf(msg, sizeof(msg), "unknown column '%s'", b.p ? b.p : "");
			buf_free(&b);
			import_bad(im, r->line, NULL, msg);
			bad = 1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (im->map[j] == col) {
				snprintf(msg, sizeof(msg), "column %s given twice",
				    schema_cases.cols[col].name);
				import_bad(im, r->line, NULL, msg);
				bad = 1;
			}
		im->map[i] = col;
	}
	/* ts, case_id and event are the tool's to set. */
	for (i = 0; i < r->n; i++)
		if (im->map[i] == CASES_TS || im->map[i] == CASES_CASE_ID ||
		    im->map[i] == CASES_EVENT)
			im->map[i] = -1;
	return bad ? -1 : 0;
}

/* import_row checks one data row and keeps it; a bad one is reported. */
static void
import_row(struct import *im, const struct row *r)
{
	const struct column *c;
	const char **v;
	char msg[256], tbuf[TIME_ISO_MAX];
	const char *why;
	rs_time at = RS_TIME_NONE, t;
	int i, col;

	if (r->n == 1 && r->len[0] == 0)
		return;		/* a blank line */
	if (r->n != im->ncols) {
		snprintf(msg, sizeof(msg), "%d fields, the header has %d", r->n, im->ncols);
		import_bad(im, r->line, NULL, msg);
		return;
	}
	v = arena_alloc(&im->arena, CASES_NCOLS * sizeof(*v));
	memset(v, 0, CASES_NCOLS * sizeof(*v));
	for (i = 0; i < r->n; i++) {
		if ((col = im->map[i]) == -1 || r->len[i] == 0)
			continue;
		c = &schema_cases.cols[col];
		why = NULL;
		if (c->type == COL_TEXT) {
			why = utf8_text_problem(r->v[i], r->len[i]);
		} else if (c->type == COL_TS) {
			/* People's time forms are welcome; the journal gets one form. */
			if (memchr(r->v[i], '\0', r->len[i]) != NULL ||
			    time_parse_input(r->v[i], im->now, &t) != 0)
				why = schema_check_value(c, r->v[i], r->len[i], msg, sizeof(msg));
			else if (col == CASES_AT && t > im->now + 300)
				why = "more than 5 minutes in the future";
			else if (col == CASES_AT) {
				at = t;
				continue;
			} else {
				time_format_iso(t, tbuf);
				v[col] = arena_strndup(&im->arena, tbuf, strlen(tbuf));
				continue;
			}
			if (why == NULL)
				why = "bad time";
		} else
			why = schema_check_value(c, r->v[i], r->len[i], msg, sizeof(msg));
		if (why == NULL && col == CASES_REF && memchr(r->v[i], '\0', r->len[i]) == NULL) {
			struct rs_err e;

			if (ref_check(r->v[i], NULL, &e) == -1)
				{
				snprintf(msg, sizeof(msg), "%.200s", e.msg);
				why = msg;
			}
		}
		if (why != NULL) {
			import_bad(im, r->line, c->name, why);
			return;
		}
		v[col] = arena_strndup(&im->arena, r->v[i], r->len[i]);
	}
	for (i = 0; i < 3; i++) {
		static const int req[] = { CASES_PHONE, CASES_LOCATION, CASES_SERVICE };

		if (v[req[i]] == NULL) {
			import_bad(im, r->line, schema_cases.cols[req[i]].name,
			    "missing (phone, location and service are required)");
			return;
		}
	}
	if (v[CASES_CALL_AT] != NULL) {
		if (time_parse_ts(v[CASES_CALL_AT], strlen(v[CASES_CALL_AT]), &t) == 0 &&
		    t > (at != RS_TIME_NONE ? at : im->now)) {
			import_bad(im, r->line, "call_at",
			    "the call cannot start after the case");
			return;
		}
	}
	if (r->problem != NULL && !r->torn) {
		import_bad(im, r->line, NULL, r->problem);
		return;
	}
	if (v[CASES_AGENT] == NULL)
		v[CASES_AGENT] = im->agent;
	intake_defaults(v, arena_alloc(&im->arena, 2));
	if (im->n == im->cap) {
		im->cap = im->cap ? im->cap * 2 : 256;
		im->v = xrealloc(im->v, im->cap * sizeof(*im->v));
		im->at = xrealloc(im->at, im->cap * sizeof(*im->at));
		im->line = xrealloc(im->line, im->cap * sizeof(*im->line));
	}
	im->line[im->n] = r->line;
	im->v[im->n] = v;
	im->at[im->n++] = at;
}

static int
cmp_ref(const void *a, const void *b)
{
	const char *const *x = *(const char *const *const *)a;
	const char *const *y = *(const char *const *const *)b;
	int c = strcmp(x[CASES_REF], y[CASES_REF]);

	/* Equal keys in file order, so that the later one is reported. */
	return c ? c : (x < y ? -1 : x > y);
}

/*
 * twice_refs reports a ref given to two rows of the file: the rows
 * would not be retries of each other but two cases under one key.
 */
static void
twice_refs(struct import *im)
{
	const char ***by = xcalloc(im->n ? im->n : 1, sizeof(*by));
	char msg[128];
	size_t i, j, n = 0;

	for (i = 0; i < im->n; i++)
		if (im->v[i][CASES_REF] != NULL)
			by[n++] = im->v[i];
	qsort(by, n, sizeof(*by), cmp_ref);
	for (i = 1; i < n; i++) {
		if (strcmp(by[i][CASES_REF], by[i - 1][CASES_REF]) != 0)
			continue;
		/* Rows sit in im->v in file order; find their lines. */
		for (j = 0; j < im->n && im->v[j] != by[i]; j++)
			;
		snprintf(msg, sizeof(msg), "the key of an earlier row again");
		import_bad(im, im->line[j], "ref", msg);
	}
	free(by);
}

int
import_read(struct import *im, const char *path, struct rs_err *e)
{
	struct reader *rd;
	struct row r;
	FILE *spool = NULL;
	int rc, first = 1;

	im->name = strcmp(path, "-") == 0 ? "stdin" : path;
	if ((rd = open_input(path, &spool, e)) == NULL) {
		if (spool != NULL)
			fclose(spool);
		return -1;
	}
	while ((rc = reader_next(rd, &r, e)) == 1) {
		if (first) {
			first = 0;
			if (import_header(im, &r) == -1)
				break;
			continue;
		}
		import_row(im, &r);
	}
	if (rc != -1)
		twice_refs(im);
	reader_free(rd);
	if (spool != NULL)
		fclose(spool);
	return rc == -1 ? -1 : 0;
}

void
import_free(struct import *im)
{
	free(im->v);
	free(im->at);
	free(im->line);
	arena_free(&im->arena);
}
