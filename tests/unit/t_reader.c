/* t_reader.c - unit tests of common/reader.c */
#include "unit.h"

void
t_reader(void)
{
}
