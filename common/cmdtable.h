/*
 * cmdtable.h - a tool's command line as tables. A tool describes itself
 * in one struct cli_tool: its subcommands (struct cli_cmd), its own
 * options (struct cli_opt, each naming the subcommands that take it and
 * the field of the tool's options struct it fills) and which global
 * options it takes; cli_run then does what every main did by hand: find
 * the subcommand, parse the options into the struct, answer -h and -V,
 * report bad options, and call the subcommand. tools/completions-gen
 * reads the same tables (and the global options here in cmdtable.c), so
 * keep their initialisers in the form used in cmd/.
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

/* The most own options one subcommand may take. */
#define CLI_MAX_OPTS 48

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
};

/* cli_cmd is one subcommand; a table ends with a NULL name. */
struct cli_cmd {
	const char *name;
	int (*run)(void *opts);	/* the tool's options struct, parsed; returns the exit code */
	unsigned bit;		/* its bit in cli_opt.subs */
	const char *summary;	/* one line, for the completions */
	const char *help;	/* N_() text of "SUB --help"; NULL: the tool's */
};

/* The head of every tool's options struct (its first member): what cli_run fills for all. */
struct cli_args {
	struct cli_global g;
	const struct cli_cmd *cmd;	/* the subcommand being run */
	char **args;			/* its operands (pointers into argv) */
	int nargs;
};

/* cli_tool.flags: how the command line is read. */
enum {
	/*
	 * Options anywhere, read once for the whole line before the
	 * subcommand (the first operand) is looked up (rs-journal,
	 * rs-report); otherwise the subcommand comes first, global options
	 * may precede it, and only its own options are accepted.
	 */
	CLI_PERMUTE = 1 << 0,
	/* Any options may precede the subcommand, and -h or -V among them answers for the tool. */
	CLI_HOIST_ANY = 1 << 1,
	/* A rejected option is reported as "SUB: unknown option --x" (rs-complain, rs-callback). */
	CLI_MSG_SUB = 1 << 2,
	/* A rejected option is quoted as typed: "unknown option '-Hx'" (rs-intake, rs-dispatch). */
	CLI_MSG_TYPED = 1 << 3
};

/* cli_tool describes a tool's command line for cli_run. */
struct cli_tool {
	const struct cli_cmd *cmds;
	const struct cli_opt *opts;	/* own options; may be NULL */
	unsigned globals;		/* CLI_G_*, in the order the completions offer them */
	const char *help;		/* N_() text of "TOOL --help" */
	const char *dflt;		/* subcommand run when none is named; NULL: a usage error */
	const char *missing;		/* N_() message for a missing subcommand; NULL: "missing command" */
	int maxargs;			/* CLI_PERMUTE: most words, the subcommand included; 0: any */
	unsigned flags;			/* CLI_* above */
	/*
	 * The subcommands (NULL-terminated; may be NULL) that read the site
	 * themselves (rs-journal init makes it, check reports a bad
	 * rules.tsv); before any other, cli_run calls cli_site.
	 */
	const char *const *site_self;
	size_t size;			/* sizeof the options struct, which starts with struct cli_args */
};

/*
 * cli_run runs argv as tool t says: finds the subcommand, zeroes opts
 * (t->size bytes) and fills it, reads the site (cli_site; not for the
 * subcommands of t->site_self), and returns the subcommand's exit code,
 * or 0 after -h or -V, or 2 after a usage error (message printed). It
 * reorders argv (the subcommand word moved first, options before
 * operands); opts keeps pointers into it. The caller owns both.
 */
int cli_run(const struct cli_tool *t, int argc, char **argv, void *opts);

/*
 * cli_check_subs rejects (usage error 2, "--x: not an option of 'SUB'")
 * an own option given in opts that the subcommand being run does not take:
 * for CLI_PERMUTE tools, whose options are read before the subcommand is
 * known. Returns 0 if all are allowed.
 */
int cli_check_subs(const struct cli_tool *t, const void *opts);

#endif
