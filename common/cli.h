/*
 * cli.h - what every tool shares: the global options of SPEC 5, error
 * lines "rs-TOOL: WHERE: WHAT", exit codes, and the stdout check at exit.
 */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <getopt.h>

#include "out.h"
#include "timefmt.h"

struct buf;
struct rs_err;

/* The most journal directories one read command takes (SPEC 12). */
#define CLI_MAX_DIRS 64

/* The global options, as parsed. */
struct cli_global {
	const char *dir;	/* -d/--dir: the first one given */
	const char *dirs[CLI_MAX_DIRS];	/* every -d, in order (or $RS_DIR's list; cli_sites) */
	int ndirs;
	enum out_format format;	/* -f/--format */
	int format_set;
	int no_header;		/* -H */
	int raw;		/* --raw */
	const char *agent;	/* --agent, else $RS_AGENT, else the login name */
	const char *at;		/* --at TIME as given */
	int quiet;		/* -q */
	const char *as_of;	/* --as-of TIME as given */
	const char *ref;	/* --ref KEY (checked by ref_check), NULL if none */
};

/* Long-option codes of the global options that have no short form. */
enum {
	CLI_OPT_AGENT = 0x1000,
	CLI_OPT_AT,
	CLI_OPT_AS_OF,
	CLI_OPT_RAW,
	CLI_OPT_REF,
	CLI_OPT_FIRST_FREE = 0x1100	/* cli_run numbers a tool's own long options from here */
};

/* cli_init sets the program name for messages, the locale for ctype, and ignores SIGXFSZ so a file size limit is an error, not a crash. */
void cli_init(const char *progname);

/*
 * cli_global_option handles option c (with optarg) if it is a global
 * one, filling g; returns 1 if handled, 0 if not a global option, -1 on
 * a bad value (message printed; exit 2).
 */
int cli_global_option(int c, const char *arg, struct cli_global *g);

/* cli_agent returns the agent name: g->agent, $RS_AGENT, the login name, or "unknown". */
const char *cli_agent(const struct cli_global *g);

/*
 * cli_time_option parses a time option value (SPEC 5 forms) relative to
 * base; on failure prints "PROG: --NAME: bad time 'V'" (or why: a clock
 * skipped by the zone, a time outside the supported range) and returns -1.
 */
int cli_time_option(const char *name, const char *value, rs_time base, rs_time *t);

/*
 * cli_date_option parses a YYYY-MM-DD option value into *ymd; on failure
 * (not a date, or outside the supported range) prints why and returns -1.
 */
int cli_date_option(const char *name, const char *value, int *ymd);

/* cli_as_of returns the --as-of time, or now; -1 on a bad value (message printed). */
int cli_as_of(const struct cli_global *g, rs_time *t);

/*
 * cli_site reads the site of the journal directory (--dir as given, else
 * the default; SPEC 3.0) from its rules.tsv and makes it the process's:
 * its zone for every time, its code for new ids (rules_apply_site). Run
 * before any time is read or any thread starts. Returns 0, or an exit
 * code after printing why (1 a bad rules.tsv, 3 unreadable).
 */
int cli_site(const char *dir_option);

/*
 * cli_dirs splits $RS_DIR, when it is a ':' list and no -d was given,
 * into g->dirs and g->dir (kept for the process), for a command that
 * reads several directories itself. Returns 0, or 2 after printing why
 * (an empty name, too many).
 */
int cli_dirs(struct cli_global *g);

/*
 * cli_sites is cli_site for a command that may read several sites as one
 * network (multi set; SPEC 12): the directories of g (several -d, or
 * $RS_DIR as a ':' list, which it splits into g->dirs and g->dir) must
 * exist and each have its own site.code; the first one's site becomes
 * the process's. With one directory it is cli_site. Returns 0, or an
 * exit code after printing why (2 several directories where multi is
 * 0, 1 a site without a code or two with one, 3 a missing directory).
 */
int cli_sites(struct cli_global *g, int multi);

/* cli_error prints "PROG: WHERE: WHAT" (WHERE omitted if NULL or empty). */
void cli_error(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* cli_read_dir checks that the journal directory of a read command exists; returns 0, or prints the error and returns 3. */
int cli_read_dir(const char *dir);

/*
 * cli_usage prints a usage error, "PROG: SUB: WHAT (see PROG SUB
 * --help)" once cli_set_command named the subcommand (a WHAT that starts
 * with "SUB:" is not prefixed again), else "PROG: WHAT (see PROG
 * --help)", and returns 2.
 */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* cli_set_command names the subcommand being run (static storage, or NULL) for cli_usage. */
void cli_set_command(const char *name);

/* cli_choices appends "a, b or c" (translated) naming names[0..n) to b. */
void cli_choices(struct buf *b, const char *const *names, size_t n);

/*
 * cli_bad_value reports value, not one of choices (NULL-terminated), of
 * option: "OPTION: unknown value 'V' (want a|b|c); did you mean 'x'?",
 * through cli_usage when code is 2 (an option that shapes the command,
 * like -f), else as an error line. Returns code.
 */
int cli_bad_value(int code, const char *option, const char *value, const char *const *choices);

/*
 * cli_at reads --at (g->at) for a write command, relative forms counting
 * from now: *at is RS_TIME_NONE when it is not given. An event may be
 * back-filled, but not be more than SCHEMA_AT_AHEAD_S after now (the
 * row's ts; SPEC 3.3). Returns 0, or -1 after printing why (exit 1).
 */
int cli_at(const struct cli_global *g, rs_time now, rs_time *at);

/* cli_fail prints e as an error line and returns its exit code. */
int cli_fail(const struct rs_err *e);

/*
 * cli_text_arg checks a text option value: valid UTF-8, no control
 * character but tab and newline. Prints an error naming the option and
 * returns -1 if bad.
 */
int cli_text_arg(const char *option, const char *value);

/*
 * cli_exit flushes stdout and turns a write error into exit 3 ("write
 * error: ..."), EPIPE excepted, which ends quietly; returns the final
 * exit code for main to return.
 */
int cli_exit(int rc);

/* cli_version prints "PROG (rs) VERSION" and returns 0. */
int cli_version(void);

#endif
