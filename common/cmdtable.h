/*
 * cmdtable.h - a tool's command line as tables. A tool describes itself
 * in one struct cli_tool: its subcommands (struct cli_cmd), its own
 * options (struct cli_opt, each naming the subcommands that take it and
 * the field of the tool's options struct it fills) and which global
 * options it takes; cli_run then does what every main did by hand: find
 * the subcommand, parse the options into the struct, answer -h and -V,
 * report bad options, and call the subcommand.
 */
#ifndef RS_CMDTABLE_H
#define RS_CMDTABLE_H

#include <stddef.h>

#include "cli.h"

/* The global options a tool takes (struct cli_tool.globals); -h and -V always. */
enum {
	CLI_G_DIR = 1 << 0,		/* -d/--dir */
	CLI_G_FORMAT = 1 << 1,		/* -f/--format */
	CLI_G_NO_HEADER = 1 << 2,	/* -H/--no-header */
	CLI_G_RAW = 1 << 3,		/* --raw */
	CLI_G_AGENT = 1 << 4,		/* --agent */
	CLI_G_AT = 1 << 5,		/* --at */
	CLI_G_AS_OF = 1 << 6,		/* --as-of */
	CLI_G_QUIET = 1 << 7,		/* -q/--quiet */
	CLI_G_REF = 1 << 8,		/* --ref (write commands) */
	CLI_G_DIRS = 1 << 9		/* -d more than once: several sites read as one (SPEC 12) */
};

/* CLI_EVERY in cli_opt.subs: every subcommand takes the option. */
#define CLI_EVERY (~0u)

/*
 * cli_opt is one option of a tool. A value option stores its argument in
 * the const char * at off, a flag sets the int at off to 1; set, when not
 * NULL, is called instead (returns 0, or an exit code after printing why).
 * An own option named like a global one replaces it. A table ends with an
 * entry whose name is NULL and key 0.
 */
struct cli_opt {
	const char *name;	/* long name without "--"; NULL for a short-only option */
	int key;		/* short letter, or 0 */
	int has_arg;		/* 1: takes a value, 0: a flag */
	unsigned subs;		/* the cli_cmd.bit of the subcommands that take it */
	size_t off;		/* offsetof the field in the tool's options struct */
	int (*set)(void *opts, const char *arg);
	/*
	 * For the completions (cli_run's --rs-completion-helper): the
	 * values it takes (NULL-terminated), else complete, how its value
	 * is completed ("case", "complaint", "provider", "handler",
	 * "provider-for-case": the ranking of suggest for the case on the
	 * line, "complaint-due", "section", "file", "dir"); both NULL: the
	 * column of cli_tool.journal named like the option, if any.
	 */
	const char *const *choices;
	const char *complete;
};

/* cli_cmd is one subcommand; a table ends with a NULL name. */
struct cli_cmd {
	const char *name;
	int (*run)(void *opts);	/* the tool's options struct, parsed; returns the exit code */
	unsigned bit;		/* its bit in cli_opt.subs */
	const char *summary;	/* one line, for the completions */
	const char *help;	/* N_() text of "SUB --help"; NULL: the tool's */
	/*
	 * Its operands as the synopsis names them, checked before run: ""
	 * none, "CASE" one, "[FILE]" at most one, "NAME..." one or more,
	 * "[NAME...]" any number. NULL: run checks them itself.
	 */
	const char *operands;
	/*
	 * How its operands are completed when not as operands names them
	 * (CASE a case id, CP a complaint id, NAME a journal, FILE a file):
	 * "case-due" (due callbacks first), "journal+rules", "journal".
	 */
	const char *complete;
	/*
	 * 1: a query the completions run (CLI_QUERY), left out of the
	 * subcommands named to people and to the completions.
	 */
	int hidden;
};

/* The name of the hidden subcommand that answers the completions' live queries. */
#define CLI_QUERY "__complete"

/* The head of every tool's options struct (its first member): what cli_run fills for all. */
struct cli_args {
	struct cli_global g;
	const struct cli_cmd *cmd;	/* the subcommand being run */
	char **args;			/* its operands (pointers into argv) */
	int nargs;
};

/* cli_tool describes a tool's command line for cli_run. */
struct cli_tool {
	const struct cli_cmd *cmds;
	const struct cli_opt *opts;	/* own options; may be NULL */
	unsigned globals;		/* CLI_G_* */
	const char *help;		/* N_() text of "TOOL --help" */
	const char *dflt;		/* subcommand run when none is named; NULL: a usage error */
	/*
	 * The subcommands (NULL-terminated; may be NULL) that read the site
	 * themselves (rs-journal init makes it, check reports a bad
	 * rules.tsv); before any other, cli_run calls cli_site.
	 */
	const char *const *site_self;
	size_t size;			/* sizeof the options struct, which starts with struct cli_args */
	const char *journal;		/* the schema whose columns the options are named after (completions) */
};

/*
 * cli_run runs argv as tool t says, in the one dialect of every tool
 * (SPEC 5): options may come before and after the subcommand, which is
 * the first operand (none: t->dflt); -h or -V before it answer for the
 * tool, after it -h gives the subcommand's help. It zeroes opts (t->size
 * bytes) and fills it with the subcommand's own options and the
 * globals, checks the operands (cli_cmd.operands), reads the site
 * (cli_site; not for the subcommands of t->site_self), and returns the
 * subcommand's exit code, or 0 after -h or -V, or 2
 * after a usage error (message printed, with "did you mean" for a near
 * miss). A lone --rs-completion-helper (hidden: for
 * tools/completions-gen) prints the tables for the completions instead
 * and returns 0. It reorders argv (the subcommand word moved first, options
 * before operands); opts keeps pointers into it. The caller owns both.
 */
int cli_run(const struct cli_tool *t, int argc, char **argv, void *opts);

#endif
