/*
 * rscan.h - a report's scan of one journal on several threads.
 *
 * A full scan of a year of journals is bound by the CPU, not the disk:
 * validating and folding a byte costs some ten times what reading it
 * does. So the journal is cut into slices at line starts
 * (jreader_split), each slice folded on a thread of its own into a part
 * of its own, and the parts merged in file order: the first and the
 * last non-empty value of a column are what one reader would have
 * found, and the figures do not depend on the number of threads.
 */
#ifndef RS_RSCAN_H
#define RS_RSCAN_H

#include "reports.h"

/* A fold a scan can run in parts: the callbacks get ctx, the part, or both. */
struct rscan_fold {
	void *(*part_new)(void *ctx);			/* an empty part */
	void (*row)(const struct row *r, void *part);	/* fold in one good row */
	/* merge folds part later, whose rows came after into's, into into, and frees later. */
	void (*merge)(void *into, void *later, void *ctx);
	void (*part_free)(void *part);
};

/* A slice smaller than this is not worth a thread: one reads it faster. */
#define RSCAN_SLICE_MIN (64 * 1024)

/*
 * rscan_fold is rin_scan (reports.h) through fold f on up to
 * in->threads threads: *out gets the part holding every row, the
 * caller's to free with f->part_free. A replacing file (--cases FILE)
 * and a journal of less than two slices are read on this thread.
 * Warnings are printed as one reader's would be. Returns 0, or -1 with
 * e set (the error of the earliest slice that failed) and *out NULL.
 */
int rscan_fold(const struct rinputs *in, int j, rs_time since, const struct rscan_fold *f,
    void *ctx, void **out, struct rs_err *e);

/*
 * rscan_fold2 folds journals j1 (f1 into *out1) and j2 (f2 into *out2)
 * at once, each on its share of in->threads (j2 on a thread of its own
 * when there are two or more): on two cores, two journals side by side
 * need no merge, where two slices of one do. What the user sees is that
 * of j1 read, then j2: j2's warnings after j1's, none of them when j1
 * failed, the first error. Returns 0, or -1 with e set and both NULL.
 */
int rscan_fold2(const struct rinputs *in, rs_time since, void *ctx, int j1,
    const struct rscan_fold *f1, void **out1, int j2, const struct rscan_fold *f2,
    void **out2, struct rs_err *e);

#endif
