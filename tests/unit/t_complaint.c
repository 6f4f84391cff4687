/*
 * t_complaint.c - the complaint rules that have no journal: money in
 * cents, the flags list, the level rule's explanation (SPEC 6).
 */
#include "unit.h"
#include "complaint.h"

static void
money(void)
{
	long long c = -1;
	char b[32];

	T_INT(cp_money_cents("380", 3, &c), 0);
	T_INT(c, 38000);
	T_INT(cp_money_cents("1280.5", 6, &c), 0);
	T_INT(c, 128050);
	T_INT(cp_money_cents("0.05", 4, &c), 0);
	T_INT(c, 5);
	T_INT(cp_money_cents("-2.50", 5, &c), 0);
	T_INT(c, -250);
	T_INT(cp_money_cents("1.234", 5, &c), -1);
	T_INT(cp_money_cents("1.", 2, &c), -1);
	T_INT(cp_money_cents("", 0, &c), -1);
	T_INT(cp_money_cents("-", 1, &c), -1);
	T_INT(cp_money_cents("1a", 2, &c), -1);
	T_INT(cp_money_cents("1.2.3", 5, &c), -1);
	T_STR(cp_money_format(38000, b), "380.00");
	T_STR(cp_money_format(5, b), "0.05");
	T_STR(cp_money_format(-250, b), "-2.50");
	T_STR(cp_money_format(0, b), "0.00");
}

static void
flags(void)
{
	char b[48];

	T_INT(cp_flags_parse("", 0), 0);
	T_INT(cp_flags_parse("media", 5), CPF_MEDIA);
	T_INT(cp_flags_parse("repeat,safety", 13), CPF_REPEAT | CPF_SAFETY);
	/* An unknown word is ignored; a prefix of a flag is not the flag. */
	T_INT(cp_flags_parse("med,legal,x", 11), CPF_LEGAL);
	T_STR(cp_flags_format(0, b, sizeof(b)), "");
	/* Always in the schema's order, whatever the order of the bits set. */
	T_STR(cp_flags_format(CPF_REPEAT | CPF_LEGAL | CPF_SAFETY, b, sizeof(b)),
	    "safety,legal,repeat");
	T_STR(cp_flags_format(CPF_SAFETY | CPF_MEDIA | CPF_LEGAL | CPF_INJURIES | CPF_REPEAT,
	    b, sizeof(b)), "safety,media,legal,injuries,repeat");
	T_INT(CP_CRISIS_FLAGS & CPF_INJURIES, 0);
}

static void
explain(void)
{
	struct cp_level_facts f;
	char b[256];

	memset(&f, 0, sizeof(f));
	f.category = "late";
	f.arrived = 1;
	f.late_s = 75 * 60 + 59;
	f.repeat = 1;
	T_INT(cp_level(&f), 4);
	T_STR(cp_level_explain(&f, "CP-20261101-0007", b, sizeof(b)),
	    "level 3: arrival 75 min past its deadline; +1: repeat complainant (CP-20261101-0007)");
	T_INT(cp_level_flags(&f), CPF_REPEAT);
	/* Every rule of the winning level is named; the others are not. */
	memset(&f, 0, sizeof(f));
	f.category = "damage";
	f.media = f.legal = f.safety = 1;
	f.injuries = 2;
	T_STR(cp_level_explain(&f, NULL, b, sizeof(b)),
	    "level 4: --media, --legal, 2 injured on the case");
	T_INT(cp_level_flags(&f), CPF_SAFETY | CPF_MEDIA | CPF_LEGAL | CPF_INJURIES);
	memset(&f, 0, sizeof(f));
	f.category = "damage";
	f.safety = 1;
	T_STR(cp_level_explain(&f, NULL, b, sizeof(b)), "level 3: --safety, category damage");
	f.category = "fee";
	f.safety = 0;
	f.repeat = 1;
	T_STR(cp_level_explain(&f, "", b, sizeof(b)), "level 2: category fee; +1: repeat complainant (?)");
	memset(&f, 0, sizeof(f));
	f.category = "late";
	f.late_s = -(20 * 60);
	f.arrived = 1;
	T_STR(cp_level_explain(&f, NULL, b, sizeof(b)), "level 1: arrival 20 min before its deadline");
	f.arrived = 0;
	f.late_s = 90 * 60;
	T_STR(cp_level_explain(&f, NULL, b, sizeof(b)),
	    "level 3: no arrival yet, 90 min past its deadline");
	/* A buffer too small is cut, never overrun. */
	T_STR(cp_level_explain(&f, NULL, b, 9), "level 3:");
}

void
t_complaint(void)
{
	money();
	flags();
	explain();
}
