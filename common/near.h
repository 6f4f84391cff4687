/*
 * near.h - the near miss of a mistyped word: the known name a user
 * probably meant, for "did you mean ...?" (SPEC 5).
 */
#ifndef RS_NEAR_H
#define RS_NEAR_H

#include <stddef.h>

/*
 * near_pick returns the name among names[0..n) (entries may be NULL and
 * are skipped) closest to word (n < 0: names is NULL-terminated), or
 * NULL when none is near enough: at most one edit (insertion, deletion,
 * substitution or swap of two neighbours) for names up to 4 bytes, two
 * for longer ones, or word a prefix of exactly one name. The result
 * points into names.
 */
const char *near_pick(const char *word, const char *const *names, long n);

/* near_distance returns the optimal string alignment distance of a and b (edits as near_pick counts them). */
size_t near_distance(const char *a, const char *b);

#endif
