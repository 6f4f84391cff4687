/* case_list.c - the rows of rs-intake list; see case_list.h. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "append.h"
#include "buf.h"
#include "case_list.h"
#include "dispatch.h"
#include "err.h"
#include "journal.h"
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

/*
 * field returns field k of the TSV line p[0..n) and sets *len, or NULL
 * when the line has fewer fields.
 */
static const char *
field(const char *p, size_t n, int k, size_t *len)
{
	const char *end = p + n, *tab;

	for (; k > 0; k--) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			return NULL;
		p = tab + 1;
	}
	tab = memchr(p, '\t', (size_t)(end - p));
	*len = (size_t)((tab ? tab : end) - p);
	return p;
}

/* line_may_repeat says whether a raw cases line may be a case with these phone digits or plate. */
static int
line_may_repeat(const char *p, size_t n, const char *digits, const char *plate)
{
	char v[64];
	const char *f;
	size_t len;

	if ((f = field(p, n, CASES_PHONE, &len)) == NULL)
		return 1;	/* not a row we can read this way: let the fold decide */
	if (digits[0] != '\0' && len > 0) {
		if (len >= sizeof(v) || memchr(f, '\\', len))
			return 1;
		memcpy(v, f, len);
		v[len] = '\0';
		if (same_digits(v, digits))
			return 1;
	}
	if (plate != NULL && plate[0] != '\0' && (f = field(p, n, CASES_PLATE, &len)) != NULL &&
	    len > 0 && ((len == strlen(plate) && memcmp(f, plate, len) == 0) ||
	    memchr(f, '\\', len)))
		return 1;
	return 0;
}

/*
 * snapshot opens journal s of dir as a reader would (jreader_snapshot:
 * the same errors for a journal that cannot be read) and says, in
 * *archived, whether rows since since may sit in an archive. *fd is the
 * live file, -1 when there is none. Returns 0, or -1 with e set.
 */
static int
snapshot(const char *dir, const struct schema *s, rs_time since, int *fd, struct stat *st,
    int *archived, struct rs_err *e)
{
	struct archive *ar = NULL;
	char *live = journal_path(dir, s->name);
	int n;

	n = jreader_snapshot(dir, s, live, fd, st, &ar, e);
	free(live);
	if (n < 0)
		return -1;
	*archived = n > 0 && since < journal_month_end(ar[n - 1].month);
	archives_free(ar, n);
	return 0;
}

int
case_list_may_repeat(const char *dir, rs_time since, const char *phone, const char *plate,
    struct rs_err *e)
{
	struct buf head = BUF_INIT, b = BUF_INIT;
	char digits[64] = "", *path;
	const char *p, *end, *nl;
	long long off = 0, size;
	struct stat st;
	ssize_t got;
	int fd, dfd, archived, darchived, maybe = 1;

	if (phone != NULL)
		case_phone_digits(phone, digits, sizeof(digits));
	/*
	 * The dispatch journal is read only when a case may match; one that
	 * cannot be read is still an error at every call, not at the next
	 * second call.
	 */
	if (snapshot(dir, &schema_cases, since, &fd, &st, &archived, e) == -1)
		return -1;
	if (snapshot(dir, &schema_dispatch, since, &dfd, &st, &darchived, e) == -1) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (dfd >= 0)
		close(dfd);
	if (fd < 0)
		return 0;	/* no cases journal: no case to repeat */
	/* Rows in an archive, a journal too big or not as written: the fold decides. */
	path = journal_path(dir, schema_cases.name);
	if (archived || fstat(fd, &st) == -1)
		goto out;
	size = (long long)st.st_size;
	if (size > JOURNAL_BISECT_MIN &&
	    (off = journal_bisect_ts(fd, size, since - SCHEMA_AT_AHEAD_S, e)) < 0) {
		maybe = -1;
		goto out;
	}
	if (size - off > CASE_REPEAT_SCAN_MAX)
		goto out;
	buf_grow(&b, (size_t)(size - off) + 1);
	while (b.len < (size_t)(size - off)) {
		got = pread(fd, b.p + b.len, (size_t)(size - off) - b.len, (off_t)off + (off_t)b.len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			maybe = err_set(e, RS_EIO, path, "read error: %s", strerror(errno));
			goto out;
		}
		if (got == 0)
			break;	/* cut short since the fstat: the fold reads what is there */
		b.len += (size_t)got;
	}
	if (b.len < (size_t)(size - off))
		goto out;
	p = b.p;
	end = b.p + b.len;
	/* The header must be the schema's: then every column is where it says. */
	header_format_tsv(&head, &schema_cases);
	if (off == 0) {
		if (b.len < head.len || memcmp(b.p, head.p, head.len) != 0)
			goto out;
		p += head.len;
	} else {
		char *h = xmalloc(head.len);
		int same = pread(fd, h, head.len, 0) == (ssize_t)head.len &&
		    memcmp(h, head.p, head.len) == 0;

		free(h);
		if (!same)
			goto out;
	}
	for (maybe = 0; p < end && !maybe; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		maybe = line_may_repeat(p, (size_t)(nl - p), digits, plate);
	}
out:
	close(fd);
	free(path);
	buf_free(&head);
	buf_free(&b);
	return maybe;
}
