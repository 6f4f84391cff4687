/* t_tsv.c - unit tests of common/tsv.c */
#include "unit.h"

void
t_tsv(void)
{
}
