/*
 * idnear.h - "did you mean" for an id no journal has (SPEC 5): the id of
 * the journal nearest to a mistyped one.
 */
#ifndef RS_IDNEAR_H
#define RS_IDNEAR_H

struct rs_err;
struct schema;

/*
 * idnear_explain appends "; did you mean 'ID'?" to e's message when the
 * journal of s in dir holds one entity id nearer to id than any other,
 * within two edits (near_distance). It reads the whole
 * journal, so it is for the error path only; a journal it cannot read
 * leaves e as it was.
 */
void idnear_explain(const char *dir, const struct schema *s, const char *id, struct rs_err *e);

#endif
