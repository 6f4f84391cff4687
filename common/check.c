/*
 * check.c - rs-journal check; see check.h.
 *
 * Each journal is read file by file (archives oldest first, then the live
 * file) with every bad row handed out, so that each problem is reported
 * with its own file and line. Cases and complaints are read first because
 * the other journals refer to them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "check_rows.h"
#include "complaint.h"
#include "dispatch.h"
#include "err.h"
#include "i18n.h"
#include "idmap.h"
#include "ids.h"
#include "journal.h"
#include "row.h"
#include "rules.h"
#include "schema.h"
#include "schema_tables.h"

void
problem(struct checker *c, long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap);
	va_end(ap);
	c->report(c->arg, c->file, line, msg);
	c->problems++;
}

/* check_file checks the archive at path, or with fd >= 0 the live file open on fd (borrowed). */
static int
check_file(struct checker *c, const struct schema *s, const char *path, int fd, struct rs_err *e)
{
	struct jreader *jr;
	struct row r;
	int got, live = fd >= 0;

	c->file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if ((jr = live ? jreader_open_fd(fd, path, s, 0, JR_BAD | JR_QUIET, e) :
	    jreader_open_file(path, s, JR_BAD | JR_QUIET, e)) == NULL) {
		if (e->code == RS_EDATA) {
			/* A header that cannot be mapped: one problem, the file's rows unread. */
			problem(c, 1, "%s", e->msg);
			err_clear(e);
			return 0;
		}
		return -1;
	}
	/* Archives keep the header they were written with; readers map it. */
	if (live && !jreader_header_is_schema(jr)) {
		int n, i;
		const char *const *cols = jreader_columns(jr, &n);
		struct buf want = BUF_INIT;

		for (i = 0; i < n; i++)
			buf_printf(&want, "%s%s", i ? " " : "", cols[i]);
		problem(c, 1, "header is not the current one of %s (want: %s); run 'rs-journal migrate %s'",
		    s->name, want.p, s->name);
		buf_free(&want);
	}
	while ((got = jreader_next(jr, &r, e)) > 0)
		check_row(c, s, &r, live);
	jreader_free(jr);
	return got < 0 ? -1 : 0;
}

/*
 * check_journal reads the journal through one snapshot, as every reader
 * does (SPEC 3): an archive running meanwhile moves rows from the live
 * file into a new archive, and a listing and a live file of two
 * different instants would show them twice or not at all.
 */
static int
check_journal(struct checker *c, const struct schema *s, struct rs_err *e)
{
	struct archive *ar;
	struct stat st;
	char *live = journal_path(c->dir, s->name);
	int n, i, fd, rc = 0;

	idmap_free(&c->opened);
	idmap_free(&c->state);
	idmap_free(&c->last_at);
	c->prev_ts = RS_TIME_NONE;
	c->archived_month = 0;
	if ((n = jreader_snapshot(c->dir, s, live, &fd, &st, &ar, e)) < 0) {
		free(live);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = check_file(c, s, ar[i].path, -1, e);
	if (n > 0)
		c->archived_month = ar[n - 1].month;
	archives_free(ar, n);
	/* An empty file is an empty journal, like a missing one. */
	if (rc == 0 && fd >= 0 && st.st_size > 0)
		rc = check_file(c, s, live, fd, e);
	if (fd >= 0)
		close(fd);
	free(live);
	return rc;
}

/*
 * check_rules reports every bad line of rules.tsv: each line is parsed
 * on its own first (rules_parse stops at the first error), then the
 * whole file for what spans lines (duplicates, from/to order).
 */
static void
check_rules(struct checker *c)
{
	struct rules r;
	struct rs_err e;
	struct buf path = BUF_INIT, text = BUF_INIT;
	const char *p, *end, *nl, *colon;
	long line = 0;
	int before = c->problems;
	FILE *fp;
	size_t n;

	err_clear(&e);
	if (rules_load(c->dir, &r, &e) == 0)
		return;
	c->file = "rules.tsv";
	buf_printf(&path, "%s/rules.tsv", c->dir);
	if (e.code == RS_EDATA && (fp = fopen(path.p, "r")) != NULL) {
		char chunk[65536];

		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_add(&text, chunk, n);
		fclose(fp);
		for (p = text.p ? text.p : "", end = p + text.len; p < end; p = nl + 1) {
			struct rs_err le;

			line++;
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			rules_default(&r);
			err_clear(&le);
			if (rules_parse(p, (size_t)(nl - p), "rules.tsv", &r, &le) < 0)
				problem(c, line, "%s", le.msg);
		}
	}
	if (c->problems == before) {
		colon = strrchr(e.where, ':');
		problem(c, colon ? atol(colon + 1) : 0, "%s", e.msg);
	}
	buf_free(&path);
	buf_free(&text);
}

static int
wanted(const char *const *names, int n, const char *name)
{
	int i;

	if (n == 0)
		return 1;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* load_opened collects the opened ids of a journal that is not itself checked. */
static int
load_opened(struct checker *c, const struct schema *s, struct idmap *ids, struct rs_err *e)
{
	struct jreader *jr = jreader_open_journal(c->dir, s, RS_TIME_NONE, RS_TIME_NONE, JR_QUIET, e);
	struct row r;
	uint64_t key;
	int got;

	if (jr == NULL)
		return -1;
	while ((got = jreader_next(jr, &r, e)) > 0)
		if (strcmp(r.v[s->event_col], "opened") == 0 && check_row_key(&r, s->id_col, s->id_prefix, &key))
			idmap_put(ids, key, 1);
	jreader_free(jr);
	return got;
}

int
journal_check(const char *dir, const char *const *names, int n, check_report_fn report,
    void *arg, struct rs_err *e)
{
	static const struct schema *const order[] = {
		&schema_cases, &schema_complaints, &schema_dispatch, &schema_callbacks,
		&schema_providers, NULL
	};
	struct checker c;
	int i, rc = 0;

	memset(&c, 0, sizeof(c));
	c.dir = dir;
	c.now = time_now();
	c.report = report;
	c.arg = arg;
	cp_set_init(&c.cps);
	for (i = 0; order[i] && rc == 0; i++) {
		const struct schema *s = order[i];

		if (!wanted(names, n, s->name)) {
			if (s == &schema_cases && (wanted(names, n, "dispatch") ||
			    wanted(names, n, "complaints") || wanted(names, n, "callbacks")))
				rc = load_opened(&c, s, &c.cases, e), c.cases_read = rc == 0;
			if (s == &schema_complaints && wanted(names, n, "callbacks"))
				rc = load_opened(&c, s, &c.complaints, e), c.complaints_read = rc == 0;
			continue;
		}
		rc = check_journal(&c, s, e);
		if (s == &schema_cases)
			c.cases_read = 1;
		if (s == &schema_complaints)
			c.complaints_read = 1;
	}
	if (rc == 0 && wanted(names, n, "rules"))
		check_rules(&c);
	idmap_free(&c.cases);
	idmap_free(&c.complaints);
	idmap_free(&c.case_at);
	idmap_free(&c.opened);
	idmap_free(&c.state);
	idmap_free(&c.last_at);
	cp_set_free(&c.cps);
	buf_free(&c.providers);
	return rc < 0 ? -1 : c.problems;
}
