/* t_near.c - unit tests of common/near.c: the near miss behind "did you mean". */
#include <stddef.h>

#include "near.h"
#include "unit.h"

void
t_near(void)
{
	static const char *const cmds[] = { "suggest", "assign", "notify", "enroute", "arrive",
	    "complete", "cancel", "list", NULL };
	static const char *const kpi[] = { "day", "week", "month", NULL };

	T_INT(near_distance("", ""), 0);
	T_INT(near_distance("list", "list"), 0);
	T_INT(near_distance("lsit", "list"), 1);	/* a swap of neighbours is one edit */
	T_INT(near_distance("lst", "list"), 1);
	T_INT(near_distance("kitten", "sitting"), 3);
	T_INT(near_distance("", "abc"), 3);
	T_STR(near_pick("lsit", cmds, -1), "list");
	T_STR(near_pick("asign", cmds, -1), "assign");
	T_STR(near_pick("compleet", cmds, -1), "complete");
	T_STR(near_pick("sugg", cmds, -1), "suggest");	/* a prefix of one name only */
	T_STR(near_pick("bogus", cmds, -1), NULL);
	T_STR(near_pick("send", cmds, -1), NULL);
	T_STR(near_pick("", cmds, -1), NULL);
	/* Short names: one edit at most, and never the whole word replaced. */
	T_STR(near_pick("dy", kpi, -1), "day");
	T_STR(near_pick("yaer", kpi, -1), NULL);
	T_STR(near_pick("x", kpi, -1), NULL);
	/* A count instead of a NULL end; NULL entries are skipped. */
	{
		static const char *const some[] = { NULL, "overdue", "open" };

		T_STR(near_pick("ovrdue", some, 3), "overdue");
		T_STR(near_pick("ovrdue", some, 2), "overdue");
		T_STR(near_pick("opne", some, 3), "open");
	}
}
