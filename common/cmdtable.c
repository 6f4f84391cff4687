/* cmdtable.c - a tool's subcommand and option tables, and cli_run; see cmdtable.h. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmdtable.h"
#include "err.h"
#include "i18n.h"

/* The global options of SPEC 5 with their CLI_G_* bits; -h and -V every tool takes. */
static const struct {
	struct option lo;
	unsigned bit;
} globals[] = {
	{ { "dir", required_argument, NULL, 'd' }, CLI_G_DIR },
	{ { "format", required_argument, NULL, 'f' }, CLI_G_FORMAT },
	{ { "no-header", no_argument, NULL, 'H' }, CLI_G_NO_HEADER },
	{ { "raw", no_argument, NULL, CLI_OPT_RAW }, CLI_G_RAW },
	{ { "agent", required_argument, NULL, CLI_OPT_AGENT }, CLI_G_AGENT },
	{ { "at", required_argument, NULL, CLI_OPT_AT }, CLI_G_AT },
	{ { "as-of", required_argument, NULL, CLI_OPT_AS_OF }, CLI_G_AS_OF },
	{ { "quiet", no_argument, NULL, 'q' }, CLI_G_QUIET },
	{ { "ref", required_argument, NULL, CLI_OPT_REF }, CLI_G_REF },
	{ { "help", no_argument, NULL, 'h' }, 0 },
	{ { "version", no_argument, NULL, 'V' }, 0 },
};
#define NGLOBALS (sizeof(globals) / sizeof(globals[0]))

/* A parse result that ends the command with exit 0 (help or version printed). */
#define DONE (-100)

/* is_end says whether o ends an option table. */
static int
is_end(const struct cli_opt *o)
{
	return o->name == NULL && o->key == 0;
}

/* own_named finds the own option called name that subcommand bit takes. */
static const struct cli_opt *
own_named(const struct cli_tool *t, unsigned bit, const char *name)
{
	const struct cli_opt *o;

	for (o = t->opts; o != NULL && !is_end(o); o++)
		if ((o->subs & bit) && o->name != NULL && strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

/* own_code finds the own option getopt_long returned as c (see build). */
static const struct cli_opt *
own_code(const struct cli_tool *t, unsigned bit, int c)
{
	const struct cli_opt *o;

	if (t->opts == NULL)
		return NULL;
	if (c >= CLI_OPT_FIRST_FREE)
		return &t->opts[c - CLI_OPT_FIRST_FREE];
	for (o = t->opts; !is_end(o); o++)
		if ((o->subs & bit) && o->key == c)
			return o;
	return NULL;
}

/*
 * build fills lo (NULL-terminated) and the short-option string so (":"
 * first, so that a missing value is told from an unknown option) with
 * the own options subcommand bit takes, then the tool's globals.
 */
static void
build(const struct cli_tool *t, unsigned bit, struct option *lo, char *so)
{
	const struct cli_opt *o;
	size_t n = 0, k = 0, i;

	so[k++] = ':';
	for (o = t->opts; o != NULL && !is_end(o) && n < CLI_MAX_OPTS; o++) {
		if (!(o->subs & bit))
			continue;
		if (o->name != NULL) {
			lo[n].name = o->name;
			lo[n].has_arg = o->has_arg ? required_argument : no_argument;
			lo[n].flag = NULL;
			lo[n].val = o->key ? o->key : CLI_OPT_FIRST_FREE + (int)(o - t->opts);
			n++;
		}
		if (o->key) {
			so[k++] = (char)o->key;
			if (o->has_arg)
				so[k++] = ':';
		}
	}
	for (i = 0; i < NGLOBALS; i++) {
		if ((globals[i].bit && !(t->globals & globals[i].bit)) ||
		    own_named(t, bit, globals[i].lo.name) != NULL)
			continue;
		lo[n++] = globals[i].lo;
		if (globals[i].lo.val < 0x100) {
			so[k++] = (char)globals[i].lo.val;
			if (globals[i].lo.has_arg)
				so[k++] = ':';
		}
	}
	memset(&lo[n], 0, sizeof(lo[n]));
	so[k] = '\0';
}

/* store puts the value of own option o into opts. */
static int
store(const struct cli_opt *o, void *opts, const char *arg)
{
	char *field = (char *)opts + o->off;

	if (o->set != NULL)
		return o->set(opts, arg);
	if (o->has_arg)
		memcpy(field, &arg, sizeof(arg));
	else
		*(int *)(void *)field = 1;
	return 0;
}

/* bad_option reports what getopt_long rejected (c: '?' or ':') in the tool's wording. */
static int
bad_option(const struct cli_tool *t, const struct cli_cmd *cmd, int c, char **argv)
{
	const char *w = optind > 0 ? argv[optind - 1] : "";

	if ((t->flags & CLI_MSG_SUB) && cmd != NULL) {
		if (c == ':')
			return cli_usage("%s: option %s needs a value", cmd->name, w);
		if (optopt != 0 && optopt < 0x100)
			return cli_usage("%s: unknown option -%c", cmd->name, optopt);
		return cli_usage("%s: unknown option %s", cmd->name, w);
	}
	if (t->flags & CLI_MSG_TYPED) {
		if (c == ':')
			return cli_usage("option '%s' needs a value", w);
		if (optopt != 0 && optopt < 0x100 && w[1] != '-')
			return cli_usage("unknown option '-%c'", optopt);
		return cli_usage("unknown option '%s'", w);
	}
	return cli_bad_option(c, argv);
}

/* help prints the help of cmd (else the tool's) and returns 0. */
static int
help(const struct cli_tool *t, const struct cli_cmd *cmd)
{
	fputs(_(cmd != NULL && cmd->help != NULL ? cmd->help : t->help), stdout);
	return 0;
}

/*
 * parse reads the options of subcommand cmd (NULL: every option, for
 * CLI_PERMUTE) into opts and the operands left into its cli_args;
 * returns 0, DONE or an exit code.
 */
static int
parse(const struct cli_tool *t, const struct cli_cmd *cmd, int argc, char **argv, void *opts)
{
	struct cli_args *a = opts;
	struct option lo[CLI_MAX_OPTS + NGLOBALS + 1];
	char so[3 * (CLI_MAX_OPTS + NGLOBALS) + 2];
	const struct cli_opt *o;
	unsigned bit = cmd != NULL ? cmd->bit : CLI_EVERY;
	int c, r;

	build(t, bit, lo, so);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		if ((o = own_code(t, bit, c)) != NULL) {
			if ((r = store(o, opts, optarg)) != 0)
				return r;
			continue;
		}
		switch (c) {
		case 'h':
			return help(t, cmd), DONE;
		case 'V':
			return cli_version(), DONE;
		case '?':
		case ':':
			return bad_option(t, cmd, c, argv);
		}
		if ((r = cli_global_option(c, optarg, &a->g)) == 1)
			continue;
		if (r == -1)
			return c == CLI_OPT_AGENT || c == CLI_OPT_REF ?
			    RS_EDATA : RS_EUSAGE;	/* a bad value */
		/* A code no table has: cannot happen, but say which command. */
		if ((t->flags & CLI_MSG_SUB) && cmd != NULL)
			return cli_usage("%s: unknown option", cmd->name);
		return bad_option(t, cmd, '?', argv);
	}
	a->args = argv + optind;
	a->nargs = argc - optind;
	return 0;
}

/* find_cmd looks subcommand name up in t. */
static const struct cli_cmd *
find_cmd(const struct cli_tool *t, const char *name)
{
	const struct cli_cmd *c;

	for (c = t->cmds; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* takes_value says whether word w is a global option of t that takes the next word as its value. */
static int
takes_value(const struct cli_tool *t, const char *w)
{
	size_t i;

	for (i = 0; i < NGLOBALS; i++)
		if ((globals[i].bit & t->globals) && globals[i].lo.has_arg &&
		    ((w[0] == '-' && w[1] == '-' && strcmp(w + 2, globals[i].lo.name) == 0) ||
		    (globals[i].lo.val < 0x100 && w[0] == '-' && w[1] == globals[i].lo.val &&
		    w[2] == '\0')))
			return 1;
	return 0;
}

/* is_global says whether word w is a global option of t complete in itself (a flag, or with its value). */
static int
is_global(const struct cli_tool *t, const char *w)
{
	size_t i, n;
	int v;

	if (w[0] != '-')
		return 0;
	for (i = 0; i < NGLOBALS; i++) {
		if (!(globals[i].bit & t->globals))
			continue;
		n = strlen(globals[i].lo.name);
		v = globals[i].lo.val;
		if (!globals[i].lo.has_arg &&
		    ((w[1] == '-' && strcmp(w + 2, globals[i].lo.name) == 0) ||
		    (v < 0x100 && w[1] == v && w[2] == '\0')))
			return 1;
		if (globals[i].lo.has_arg &&
		    ((w[1] == '-' && strncmp(w + 2, globals[i].lo.name, n) == 0 &&
		    w[2 + n] == '=') ||
		    (v < 0x100 && w[1] == v && w[2] != '\0')))
			return 1;
	}
	return 0;
}

/* move_to_front moves argv[i] to argv[1], shifting the words before it. */
static void
move_to_front(char **argv, int i)
{
	char *w = argv[i];

	for (; i > 1; i--)
		argv[i] = argv[i - 1];
	argv[1] = w;
}

/* missing reports a command line without a subcommand. */
static int
missing(const struct cli_tool *t)
{
	return t->missing != NULL ? cli_usage("%s", _(t->missing)) : cli_usage("missing command");
}

/*
 * hoist lets global options come before the subcommand ("rs-dispatch -d
 * DIR list"): moves the subcommand word to argv[1]. With CLI_HOIST_ANY
 * every leading option is passed over and -h or -V among them answers
 * for the tool (returns DONE); else only global ones, and a word that is
 * not a subcommand stays an operand of the default subcommand.
 */
static int
hoist(const struct cli_tool *t, int argc, char **argv)
{
	int i;

	if (t->flags & CLI_HOIST_ANY) {
		for (i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
			if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
				return help(t, NULL), DONE;
			if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0)
				return cli_version(), DONE;
			if (takes_value(t, argv[i]))
				i++;
		}
		if (i >= argc || strcmp(argv[i], "--") == 0)
			return missing(t);
		move_to_front(argv, i);
		return 0;
	}
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
		return help(t, NULL), DONE;
	if (argc == 2 && (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0))
		return cli_version(), DONE;
	for (i = 1; i < argc; i++) {
		if (takes_value(t, argv[i]))
			i++;
		else if (!is_global(t, argv[i]))
			break;
	}
	if (i > 1 && i < argc && argv[i][0] != '-' &&
	    (t->dflt == NULL || find_cmd(t, argv[i]) != NULL))
		move_to_front(argv, i);
	return 0;
}

/* site reads the site(s) for the subcommand a->cmd unless it does so itself; returns 0 or an exit code. */
static int
site(const struct cli_tool *t, struct cli_args *a)
{
	const char *const *p;

	for (p = t->site_self; p != NULL && *p != NULL; p++)
		if (strcmp(*p, a->cmd->name) == 0)
			return 0;
	return cli_sites(&a->g, (t->globals & CLI_G_DIRS) != 0);
}

/* run_permuted is cli_run for CLI_PERMUTE: all options first, then the subcommand. */
static int
run_permuted(const struct cli_tool *t, int argc, char **argv, struct cli_args *a)
{
	int rc;

	if ((rc = parse(t, NULL, argc, argv, a)) != 0)
		return rc == DONE ? 0 : rc;
	if (t->maxargs > 0 && a->nargs > t->maxargs)
		return cli_usage("unexpected argument '%s'", a->args[t->maxargs]);
	if (a->nargs == 0)
		return missing(t);
	if ((a->cmd = find_cmd(t, a->args[0])) == NULL)
		return cli_usage("unknown command '%s'", a->args[0]);
	a->args++;
	a->nargs--;
	if ((rc = site(t, a)) != 0)
		return rc;
	return a->cmd->run(a);
}

int
cli_run(const struct cli_tool *t, int argc, char **argv, void *opts)
{
	struct cli_args *a = opts;
	const char *name;
	int rc;

	memset(opts, 0, t->size);
	if (t->flags & CLI_PERMUTE)
		return run_permuted(t, argc, argv, a);
	if (argc < 2 && t->dflt == NULL)
		return missing(t);
	if ((rc = hoist(t, argc, argv)) != 0)
		return rc == DONE ? 0 : rc;
	name = argc > 1 ? argv[1] : NULL;
	if (name == NULL || name[0] == '-') {
		/* No subcommand: the default one gets the whole command line. */
		if (t->dflt == NULL)
			return missing(t);
		a->cmd = find_cmd(t, t->dflt);
	} else if ((a->cmd = find_cmd(t, name)) != NULL) {
		argc--;
		argv++;
	} else {
		return cli_usage("unknown command '%s'", name);
	}
	if ((rc = parse(t, a->cmd, argc, argv, opts)) != 0)
		return rc == DONE ? 0 : rc;
	if ((rc = site(t, a)) != 0)
		return rc;
	return a->cmd->run(opts);
}

int
cli_check_subs(const struct cli_tool *t, const void *opts)
{
	const struct cli_args *a = opts;
	const struct cli_opt *o;
	const char *field;
	const char *v;
	char name[64];

	for (o = t->opts; o != NULL && !is_end(o); o++) {
		if ((o->subs & a->cmd->bit) || o->name == NULL || o->set != NULL)
			continue;
		field = (const char *)opts + o->off;
		if (o->has_arg)
			memcpy(&v, field, sizeof(v));
		else
			v = *(const int *)(const void *)field ? "" : NULL;
		if (v == NULL)
			continue;
		snprintf(name, sizeof(name), "--%s", o->name);
		return cli_usage("%s: not an option of '%s'", name, a->cmd->name);
	}
	return 0;
}

