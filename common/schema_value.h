/*
 * schema_value.h - the check of one column value against its schema
 * column (schema_value.c). Included by schema.h.
 */
#ifndef RS_SCHEMA_VALUE_H
#define RS_SCHEMA_VALUE_H

#include <stddef.h>

struct column;

/*
 * schema_check_value validates v[0..n) (unescaped) against column c,
 * which must not be empty. Returns NULL if good; else writes a short
 * reason quoting the value, cut and with control characters escaped
 * ("bad time '2026-13-01T00:00'"), into the caller's msg (msgsz bytes)
 * and returns msg.
 */
const char *schema_check_value(const struct column *c, const char *v, size_t n,
    char *msg, size_t msgsz);

/* schema_enum_index returns the index of v[0..n) among c's enum values, or -1. */
int schema_enum_index(const struct column *c, const char *v, size_t n);

#endif
