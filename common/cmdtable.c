/* cmdtable.c - a tool's subcommand and option tables, and cli_run; see cmdtable.h. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "cmdtable.h"
#include "err.h"
#include "i18n.h"
#include "near.h"
#include "out.h"
#include "schema.h"

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

/* The option tables getopt_long reads for one subcommand (or, bit CLI_EVERY, the whole tool). */
struct optset {
	struct option *lo;	/* NULL-terminated */
	char *so;		/* ":" first, so that a missing value is told from an unknown option */
	const char **names;	/* the long names, for "did you mean" */
	size_t n;
};

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

/* add_short appends option letter c (and ':' if it takes a value) to so unless it is there. */
static void
add_short(char *so, size_t *k, int c, int has_arg)
{
	if (memchr(so, c, *k) != NULL)
		return;
	so[(*k)++] = (char)c;
	if (has_arg)
		so[(*k)++] = ':';
}

/*
 * build fills s with the own options subcommand bit takes (CLI_EVERY:
 * those of every subcommand, each name once), then the tool's globals.
 */
static void
build(const struct cli_tool *t, unsigned bit, struct optset *s)
{
	const struct cli_opt *o;
	size_t nown = 0, n = 0, k = 0, i;

	for (o = t->opts; o != NULL && !is_end(o); o++)
		nown++;
	s->lo = xcalloc(nown + NGLOBALS + 1, sizeof(*s->lo));
	s->names = xcalloc(nown + NGLOBALS + 1, sizeof(*s->names));
	s->so = xcalloc(3 * (nown + NGLOBALS) + 2, 1);
	s->so[k++] = ':';
	for (o = t->opts; o != NULL && !is_end(o); o++) {
		if (!(o->subs & bit))
			continue;
		if (o->name != NULL && own_named(t, bit, o->name) == o) {
			s->lo[n].name = o->name;
			s->lo[n].has_arg = o->has_arg ? required_argument : no_argument;
			s->lo[n].val = o->key ? o->key : CLI_OPT_FIRST_FREE + (int)(o - t->opts);
			s->names[n++] = o->name;
		}
		if (o->key)
			add_short(s->so, &k, o->key, o->has_arg);
	}
	for (i = 0; i < NGLOBALS; i++) {
		if ((globals[i].bit && !(t->globals & globals[i].bit)) ||
		    own_named(t, bit, globals[i].lo.name) != NULL)
			continue;
		s->names[n] = globals[i].lo.name;
		s->lo[n++] = globals[i].lo;
		if (globals[i].lo.val < 0x100)
			add_short(s->so, &k, globals[i].lo.val, globals[i].lo.has_arg);
	}
	s->n = n;
}

static void
optset_free(struct optset *s)
{
	free(s->lo);
	free(s->so);
	free(s->names);
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

/*
 * bad_option reports what getopt_long rejected (c: '?' unknown or
 * ambiguous, ':' without its value), naming the option as typed and,
 * for a near miss of a long one, the option meant. The subcommand is
 * named by cli_usage (cli_set_command).
 */
static int
bad_option(const struct optset *s, int c, char **argv)
{
	struct buf w = BUF_INIT, near = BUF_INIT;
	const char *word = optind > 0 ? argv[optind - 1] : "";
	const char *meant;
	int rc;

	if (strncmp(word, "--", 2) == 0 || optopt == 0 || optopt >= 0x100)
		buf_add(&w, word, strcspn(word, "="));
	else
		buf_printf(&w, "-%c", optopt);
	if (c == ':') {
		rc = cli_usage("option '%s' needs a value", w.p);
	} else {
		if (w.len > 2 && w.p[1] == '-' &&
		    (meant = near_pick(w.p + 2, s->names, (long)s->n)) != NULL)
			buf_printf(&near, _("; did you mean '--%s'?"), meant);
		rc = cli_usage("unknown option '%s'%s", w.p, near.p != NULL ? near.p : "");
	}
	buf_free(&w);
	buf_free(&near);
	return rc;
}

/* help prints the help of cmd (else the tool's) and returns 0. */
static int
help(const struct cli_tool *t, const struct cli_cmd *cmd)
{
	fputs(_(cmd != NULL && cmd->help != NULL ? cmd->help : t->help), stdout);
	return 0;
}

/*
 * operands checks the operands left in a against the synopsis of
 * a->cmd->operands (see struct cli_cmd); returns 0 or 2 after saying
 * which one is missing or the first one too many.
 */
static int
operands(const struct cli_args *a)
{
	const char *p = a->cmd->operands, *w;
	int min = 0, max = 0, more = 0;
	size_t n;
	char first[64] = "";

	if (p == NULL)
		return 0;
	while (*p != '\0') {
		p += strspn(p, " ");
		if ((n = strcspn(p, " ")) == 0)
			break;
		w = p;
		p += n;
		if (n > 3 && strncmp(w + n - (w[n - 1] == ']' ? 4 : 3), "...", 3) == 0)
			more = 1;
		if (w[0] == '[') {
			max++;
			continue;
		}
		if (min++ == 0)
			snprintf(first, sizeof(first), "%.*s", (int)(n - (more ? 3 : 0)), w);
		max++;
	}
	if (a->nargs < min)
		return cli_usage("missing %s", first);
	if (!more && a->nargs > max)
		return cli_usage("unexpected argument '%s'", a->args[max]);
	return 0;
}

/* parse reads the options of subcommand cmd into opts and the operands left into its cli_args; returns 0, DONE or an exit code. */
static int
parse(const struct cli_tool *t, const struct cli_cmd *cmd, int argc, char **argv, void *opts)
{
	struct cli_args *a = opts;
	struct optset s;
	const struct cli_opt *o;
	int c, r = 0;

	build(t, cmd->bit, &s);
	opterr = 0;
	optind = 0;	/* glibc: start afresh, with the new option string */
	while (r == 0 && (c = getopt_long(argc, argv, s.so, s.lo, NULL)) != -1) {
		if ((o = own_code(t, cmd->bit, c)) != NULL) {
			r = store(o, opts, optarg);
			continue;
		}
		switch (c) {
		case 'h':
			r = (help(t, cmd), DONE);
			continue;
		case 'V':
			r = (cli_version(), DONE);
			continue;
		case '?':
		case ':':
			r = bad_option(&s, c, argv);
			continue;
		}
		if ((r = cli_global_option(c, optarg, &a->g)) == 1)
			r = 0;
		else if (r == -1)
			r = c == CLI_OPT_AGENT || c == CLI_OPT_REF ? RS_EDATA : RS_EUSAGE;	/* a bad value */
		else	/* a code no table has: cannot happen */
			r = bad_option(&s, '?', argv);
	}
	optset_free(&s);
	if (r != 0)
		return r;
	a->args = argv + optind;
	a->nargs = argc - optind;
	return operands(a);
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

/* cmd_names fills names (room for every subcommand and a NULL) with the subcommands of t; returns how many. */
static size_t
cmd_names(const struct cli_tool *t, const char **names)
{
	const struct cli_cmd *c;
	size_t n = 0;

	for (c = t->cmds; c->name != NULL; c++)
		if (!c->hidden)
			names[n++] = c->name;
	names[n] = NULL;
	return n;
}

/* ncmds counts the subcommands of t. */
static size_t
ncmds(const struct cli_tool *t)
{
	size_t n = 0;

	while (t->cmds[n].name != NULL)
		n++;
	return n;
}

/* no_command reports a missing (word NULL) or unknown subcommand, naming the subcommands or the one meant. */
static int
no_command(const struct cli_tool *t, const char *word)
{
	const char **names = xcalloc(ncmds(t) + 1, sizeof(*names));
	struct buf b = BUF_INIT;
	const char *meant;
	size_t n = cmd_names(t, names);
	int rc;

	if (word == NULL) {
		cli_choices(&b, names, n);
		rc = cli_usage("missing command (want %s)", b.p);
	} else {
		if ((meant = near_pick(word, names, (long)n)) != NULL)
			buf_printf(&b, _("; did you mean '%s'?"), meant);
		rc = cli_usage("unknown command '%s'%s", word, b.p != NULL ? b.p : "");
	}
	buf_free(&b);
	free(names);
	return rc;
}

/*
 * find_word scans the options before the subcommand (any option of the
 * tool may come there) for the subcommand word: sets *ix to its index
 * in argv, or 0 when there is none. Returns 0, DONE after -h or -V
 * (answered for the tool), or an exit code after a bad option.
 */
static int
find_word(const struct cli_tool *t, int argc, char **argv, int *ix)
{
	struct optset s;
	struct buf so = BUF_INIT;
	int c, r = 0;

	*ix = 0;
	build(t, CLI_EVERY, &s);
	/* "-": operands come back in place as 1, so the first one is found unmoved. */
	buf_printf(&so, "-%s", s.so);
	opterr = 0;
	optind = 0;
	while (r == 0 && *ix == 0 && (c = getopt_long(argc, argv, so.p, s.lo, NULL)) != -1) {
		switch (c) {
		case 1:
			*ix = optind - 1;
			break;
		case 'h':
			r = (help(t, NULL), DONE);
			break;
		case 'V':
			r = (cli_version(), DONE);
			break;
		case '?':
		case ':':
			if (t->dflt != NULL)
				cli_set_command(t->dflt);
			r = bad_option(&s, c, argv);
			break;
		}
	}
	/* After "--" the next word is still the subcommand. */
	if (r == 0 && *ix == 0 && optind < argc)
		*ix = optind;
	buf_free(&so);
	optset_free(&s);
	return r;
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

/* move_to_front moves argv[i] to argv[1], shifting the words before it. */
static void
move_to_front(char **argv, int i)
{
	char *w = argv[i];

	for (; i > 1; i--)
		argv[i] = argv[i - 1];
	argv[1] = w;
}

/*
 * The completions (tools/completions-gen) are written from what
 * COMPLETION_HELPER prints, so that they follow these tables:
 * one line a fact, fields split by tabs, the options in the order a
 * shell offers them (own options as the table has them, then the
 * globals).
 */
#define COMPLETION_HELPER "--rs-completion-helper"

/* complete_column is the column of t->journal that option name fills ("eta": eta, "provider": provider or provider_id), or NULL. */
static const struct column *
complete_column(const struct cli_tool *t, const char *name)
{
	const struct schema *s;
	char col[64];
	size_t i;
	int c;

	if (t->journal == NULL || (s = schema_find(t->journal)) == NULL ||
	    strlen(name) + sizeof("_id") > sizeof(col))
		return NULL;
	for (i = 0; name[i] != '\0'; i++)
		col[i] = name[i] == '-' ? '_' : name[i];
	col[i] = '\0';
	if ((c = schema_column(s, col)) < 0) {
		memcpy(col + i, "_id", sizeof("_id"));
		c = schema_column(s, col);
	}
	return c < 0 ? NULL : &s->cols[c];
}

/* complete_words prints "words" and the NULL-terminated names. */
static void
complete_words(const char *const *names)
{
	fputs("words", stdout);
	for (; *names != NULL; names++)
		printf(" %s", *names);
}

/* complete_col prints how the values of column c are completed: its set, else its kind of id, else none. */
static void
complete_col(const struct column *c)
{
	int i;

	if (c->enums != NULL) {
		complete_words(c->enums);
	} else if (c->type == COL_YN) {
		fputs("words y n", stdout);
	} else if (c->type == COL_INT && c->has_min && c->has_max && c->max - c->min <= 12) {
		fputs("words", stdout);
		for (i = (int)c->min; i <= (int)c->max; i++)
			printf(" %d", i);
	} else if (c->type == COL_ID) {
		fputs(strcmp(c->values, "RS") == 0 ? "case" :
		    strcmp(c->values, "CP") == 0 ? "complaint" : "provider", stdout);
	} else {
		fputs("none", stdout);
	}
}

/*
 * complete_opt prints the line of option name/key (o: the tool's own, or
 * NULL for a global) as subcommand cmd (NULL: before it) offers it.
 */
static void
complete_opt(const struct cli_tool *t, const struct cli_cmd *cmd, const struct cli_opt *o,
    const char *name, int key, int has_arg)
{
	const struct column *col = name != NULL ? complete_column(t, name) : NULL;
	const char *kind = o != NULL ? o->complete : NULL;

	printf("opt\t%s\t%s\t", cmd != NULL ? cmd->name : "", name != NULL ? name : "");
	if (key != 0)
		putchar(key);
	printf("\t%d\t", has_arg);
	/* The ranking of suggest needs the case on the line. */
	if (kind != NULL && strcmp(kind, "provider-for-case") == 0 &&
	    (cmd == NULL || cmd->operands == NULL || strcmp(cmd->operands, "CASE") != 0))
		kind = "provider";
	if (!has_arg)
		fputs("none", stdout);
	else if (o != NULL && o->choices != NULL)
		complete_words(o->choices);
	else if (kind != NULL)
		fputs(kind, stdout);
	else if (name != NULL && strcmp(name, "dir") == 0)
		fputs("dir", stdout);
	else if (name != NULL && strcmp(name, "format") == 0)
		complete_words(out_format_names);
	else if (col != NULL)
		complete_col(col);
	else
		fputs("none", stdout);
	printf("\t%s\n", col != NULL ? col->description : "");
}

/* is_global says whether t takes a global option called name. */
static int
is_global(const struct cli_tool *t, const char *name)
{
	size_t i;

	for (i = 0; i < NGLOBALS; i++)
		if ((globals[i].bit == 0 || (t->globals & globals[i].bit)) &&
		    strcmp(globals[i].lo.name, name) == 0)
			return 1;
	return 0;
}

/* complete_opts prints the options subcommand cmd takes (NULL: those before any subcommand, the globals). */
static void
complete_opts(const struct cli_tool *t, const struct cli_cmd *cmd)
{
	const struct cli_opt *o, *own;
	unsigned bit = cmd != NULL ? cmd->bit : 0;
	size_t i;
	int key;

	for (o = t->opts; cmd != NULL && o != NULL && !is_end(o); o++) {
		if (!(o->subs & bit))
			continue;
		/* Each name once; one named like a global is offered there. */
		if (o->name != NULL && (own_named(t, bit, o->name) != o ||
		    is_global(t, o->name)))
			continue;
		complete_opt(t, cmd, o, o->name, o->key, o->has_arg);
	}
	for (i = 0; i < NGLOBALS; i++) {
		if (globals[i].bit && !(t->globals & globals[i].bit))
			continue;
		own = own_named(t, cmd != NULL ? bit : CLI_EVERY, globals[i].lo.name);
		key = globals[i].lo.val < 0x100 ? globals[i].lo.val : 0;
		complete_opt(t, cmd, own, globals[i].lo.name, key,
		    globals[i].lo.has_arg == required_argument);
	}
}

/* complete_print prints t's subcommands, then the options of each, then those before any. */
static void
complete_print(const struct cli_tool *t)
{
	const struct cli_cmd *c;
	const char *ops, *kind;
	size_t n;

	if (t->dflt != NULL)
		printf("default\t%s\n", t->dflt);
	for (c = t->cmds; c->name != NULL; c++) {
		if (c->hidden)
			continue;
		ops = c->operands != NULL ? c->operands + strspn(c->operands, "[") : "";
		n = strcspn(ops, "]. ");
		kind = c->complete != NULL ? c->complete :
		    n == 4 && strncmp(ops, "CASE", n) == 0 ? "case" :
		    n == 2 && strncmp(ops, "CP", n) == 0 ? "complaint" :
		    n == 4 && strncmp(ops, "NAME", n) == 0 ? "journal" :
		    n == 9 && strncmp(ops, "NAME|FILE", n) == 0 ? "journal-file" :
		    n == 4 && strncmp(ops, "FILE", n) == 0 ? "file" : "";
		printf("cmd\t%s\t%s\t%s\t%s\n", c->name, kind,
		    strstr(ops, "...") != NULL ? "y" : "n", c->summary != NULL ? c->summary : "");
	}
	for (c = t->cmds; c->name != NULL; c++)
		if (!c->hidden)
			complete_opts(t, c);
	complete_opts(t, NULL);
}

int
cli_run(const struct cli_tool *t, int argc, char **argv, void *opts)
{
	struct cli_args *a = opts;
	int rc, i;

	memset(opts, 0, t->size);
	if (argc == 2 && strcmp(argv[1], COMPLETION_HELPER) == 0) {
		complete_print(t);
		return 0;
	}
	if ((rc = find_word(t, argc, argv, &i)) != 0)
		return rc == DONE ? 0 : rc;
	/*
	 * With a default subcommand, a word after options that names none
	 * is an operand of the default one ("rs-intake --phone P x").
	 */
	if (i > 1 && t->dflt != NULL && find_cmd(t, argv[i]) == NULL)
		i = 0;
	if (i > 0) {
		if ((a->cmd = find_cmd(t, argv[i])) == NULL)
			return no_command(t, argv[i]);
		move_to_front(argv, i);
		argc--;
		argv++;
	} else if (t->dflt != NULL) {
		/* No subcommand: the default one gets the whole command line. */
		a->cmd = find_cmd(t, t->dflt);
	} else {
		return no_command(t, NULL);
	}
	cli_set_command(a->cmd->name);
	if ((rc = parse(t, a->cmd, argc, argv, opts)) != 0)
		return rc == DONE ? 0 : rc;
	if ((rc = site(t, a)) != 0)
		return rc;
	return a->cmd->run(opts);
}
