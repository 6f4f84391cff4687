/* t_out.c - unit tests of common/out.c */
#include "unit.h"

void
t_out(void)
{
}
