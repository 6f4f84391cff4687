/* t_journal.c - unit tests of common/journal.c */
#include "unit.h"

void
t_journal(void)
{
}
