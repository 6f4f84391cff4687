/*
 * rscan.c - a report's scan of one journal on several threads; see
 * rscan.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		if (jb[i].said.len > 0)
			err_replay(jb[i].said.p, jb[i].said.len);
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

/* One of rscan_fold2's two folds. */
struct fold_job {
	struct rinputs in;	/* the caller's, with this fold's share of the threads */
	int j;
	rs_time since;
	const struct rscan_fold *f;
	void *ctx, *out;
	int rc, threaded;
	struct rs_err e;
	struct buf said;
};

static void *
fold_run(void *arg)
{
	struct fold_job *fj = arg;

	err_clear(&fj->e);
	if (fj->threaded)
		err_defer(&fj->said);
	fj->rc = rscan_fold(&fj->in, fj->j, fj->since, fj->f, fj->ctx, &fj->out, &fj->e);
	if (fj->threaded)
		err_defer(NULL);
	return NULL;
}

int
rscan_fold2(const struct rinputs *in, rs_time since, void *ctx, int j1,
    const struct rscan_fold *f1, void **out1, int j2, const struct rscan_fold *f2,
    void **out2, struct rs_err *e)
{
	struct fold_job b;
	pthread_t t;
	int threads = in->threads > 1 ? in->threads : 1, rc;

	*out1 = *out2 = NULL;
	memset(&b, 0, sizeof(b));
	b.in = *in;
	b.in.threads = threads / 2 > 0 ? threads / 2 : 1;
	b.j = j2;
	b.since = since;
	b.f = f2;
	b.ctx = ctx;
	b.threaded = threads > 1 && pthread_create(&t, NULL, fold_run, &b) == 0;
	{
		struct rinputs a = *in;

		a.threads = b.threaded ? threads - b.in.threads : threads;
		rc = rscan_fold(&a, j1, since, f1, ctx, out1, e);
	}
	if (b.threaded)
		pthread_join(t, NULL);
	else if (rc == 0)
		fold_run(&b);
	/* As if read one after the other: the second's messages after the first's, none if it failed. */
	if (rc == 0 && b.said.len > 0)
		err_replay(b.said.p, b.said.len);
	buf_free(&b.said);
	if (rc == 0 && b.rc == -1) {
		*e = b.e;
		rc = -1;
	}
	if (rc == -1) {
		if (*out1)
			f1->part_free(*out1);
		if (b.out)
			f2->part_free(b.out);
		*out1 = NULL;
		return -1;
	}
	*out2 = b.out;
	return 0;
}
