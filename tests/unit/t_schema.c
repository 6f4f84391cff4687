/* t_schema.c - unit tests of common/schema.c */
#include "unit.h"

void
t_schema(void)
{
}
