/* t_buf.c - unit tests of common/buf.c */
#include "unit.h"

void
t_buf(void)
{
}
