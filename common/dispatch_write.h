/*
 * dispatch_write.h - the rows rs-dispatch appends to the dispatch
 * journal, each checked against the case's dispatch state under the
 * journal lock (two agents cannot both complete a case), and what an
 * assignment puts in its row: the provider checked, the distance and the
 * estimated arrival.
 */
#ifndef RS_DISPATCH_WRITE_H
#define RS_DISPATCH_WRITE_H

#include <stdint.h>

#include "buf.h"
#include "dispatch.h"
#include "schema_tables.h"
#include "timefmt.h"

struct cases;
struct ref_write;
struct rs_err;

/* A dispatch row being written. */
struct drecord {
	const char *id;			/* the case, as given */
	uint64_t key;
	enum devent ev;
	int remote;			/* completed remotely: legal without an arrival */
	rs_time at;			/* RS_TIME_NONE = the row's ts */
	rs_time opened;			/* the case's opened at, set by drecord_case */
	const char *v[DISPATCH_NCOLS];	/* the row; ts and at filled in by drecord_append */
	char tsbuf[TIME_ISO_MAX], atbuf[TIME_ISO_MAX];
	char provider[40], km[32], eta[32];	/* dispatch_assign's values */
	struct buf note;		/* dispatch_assign's note when forced; free with buf_free */
	size_t forced;			/* note's "forced: ..." part is note.p[0..forced) */
	int busy;			/* the provider is busy with another case */
	struct ref_write *ref;		/* --ref (ref.h), or NULL */
};

/*
 * drecord_case finds rec's case in dir (folded into cs, *ix its index)
 * and checks that rec->at, when given, is not before the case was
 * opened: that would run the SLA clocks backwards (rec->opened is set).
 * Returns 0, or -1 with e set.
 */
int drecord_case(const char *dir, struct drecord *rec, struct cases *cs, long *ix,
    struct rs_err *e);

/*
 * drecord_append checks rec's event against the case's state and event
 * order (SPEC 6) and appends its row to dir's dispatch journal (with
 * rec->ref: ref_append, nothing when the key answers); returns 0, or -1
 * with e set.
 */
int drecord_append(const char *dir, struct drecord *rec, struct rs_err *e);

/*
 * dispatch_assign fills the provider, note, distance and eta of rec for
 * assigning provider to the case with values cv (CASES_* indexed): the
 * provider must be in dir's providers.tsv and, unless force, one that
 * suggest would not leave out for what it cannot do: active, offering
 * the case's service, EV-capable for an EV electrical fault and
 * highway-capable for a highway case (when forced, the note says so, before
 * note). The eta is estimated from the positions unless eta is given.
 * drecord_append then warns of a forced or busy provider.
 * Returns 0, or -1 with e set (RS_EDATA, where: the provider).
 */
int dispatch_assign(const char *dir, const char *const *cv, const char *provider, int force,
    const char *note, const char *eta, struct drecord *rec, struct rs_err *e);

/* case_values collects the folded values of case i of cs, CASES_* indexed (pointing into cs). */
void case_values(const struct cases *cs, long i, const char **v);

/* case_position reads the position of the case with values cv; returns 0, or -1 when it has none. */
int case_position(const char *const *cv, double *lat, double *lon);

#endif
