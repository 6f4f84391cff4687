/*
 * rscan.c - a report's scan of one journal on several threads; see
 * rscan.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "err.h"
#include "journal.h"
#include "rscan.h"

/* One slice's work: read sl from lo on into part. */
struct job {
	const struct rinputs *in;
	struct jreader *sl;
	rs_time lo;
	const struct rscan_fold *f;
	void *part;
	int rc;
	struct rs_err e;
	struct buf said;	/* what it would have printed, printed after in order */
	int threaded;
};

static void *
job_run(void *arg)
{
	struct job *jb = arg;

	err_clear(&jb->e);
	if (jb->threaded)
		err_defer(&jb->said);
	jb->rc = rin_scan_reader(jb->in, jb->sl, jb->lo, jb->f->row, jb->part, &jb->e);
	if (jb->threaded)
		err_defer(NULL);
	return NULL;
}

/* run_slices folds the n slices into parts on n threads (fewer if the system has none to give) and merges them into jb[0]'s part. */
static int
run_slices(struct job *jb, int n, void *ctx, struct rs_err *e)
{
	pthread_t *t = xcalloc((size_t)n, sizeof(*t));
	int i, rc = 0;

	for (i = 1; i < n; i++)
		jb[i].threaded = pthread_create(&t[i], NULL, job_run, &jb[i]) == 0;
	job_run(&jb[0]);
	for (i = 1; i < n; i++) {
		if (jb[i].threaded)
			pthread_join(t[i], NULL);
		else
			job_run(&jb[i]);
	}
	free(t);
	/* In file order: a slice's messages, then its error ends the scan, as in one reader. */
	for (i = 0; i < n; i++) {
		if (jb[i].said.len > 0) {
			fflush(stdout);
			fputs(jb[i].said.p, stderr);
		}
		if (jb[i].rc == -1) {
			*e = jb[i].e;
			rc = -1;
			break;
		}
	}
	for (i = 1; i < n; i++) {
		if (rc == 0)
			jb[0].f->merge(jb[0].part, jb[i].part, ctx);
		else
			jb[0].f->part_free(jb[i].part);
		jb[i].part = NULL;
	}
	return rc;
}

int
rscan_fold(const struct rinputs *in, int j, rs_time since, const struct rscan_fold *f,
    void *ctx, void **out, struct rs_err *e)
{
	struct jreader *jr, **sl;
	struct job *jb;
	void *part;
	int i, n, rc;

	*out = NULL;
	if (in->file[j] != NULL || in->threads <= 1) {
		part = f->part_new(ctx);
		if (rin_scan(in, j, since, f->row, part, e) == -1) {
			f->part_free(part);
			return -1;
		}
		*out = part;
		return 0;
	}
	if ((jr = jreader_open_journal(in->dir, rin_schema(j), since, in->as_of, 0, e)) == NULL)
		return -1;
	sl = xcalloc((size_t)in->threads, sizeof(*sl));
	if ((n = jreader_split(jr, in->threads, RSCAN_SLICE_MIN, sl, e)) <= 0) {
		part = n == 0 ? f->part_new(ctx) : NULL;
		rc = n == 0 ? rin_scan_reader(in, jr, since, f->row, part, e) : -1;
	} else {
		jb = xcalloc((size_t)n, sizeof(*jb));
		for (i = 0; i < n; i++) {
			jb[i].in = in;
			jb[i].sl = sl[i];
			jb[i].lo = since;
			jb[i].f = f;
			jb[i].part = f->part_new(ctx);
		}
		rc = run_slices(jb, n, ctx, e);
		if (rc == 0)
			jreader_split_warn(jr, sl, n);
		part = jb[0].part;
		for (i = 0; i < n; i++) {
			buf_free(&jb[i].said);
			jreader_free(sl[i]);
		}
		free(jb);
	}
	free(sl);
	jreader_free(jr);
	if (rc == -1) {
		if (part)
			f->part_free(part);
		return -1;
	}
	*out = part;
	return 0;
}
