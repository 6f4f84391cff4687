/* cli.c - global options, error lines, exit codes, stdout check; see cli.h. */
#include <sys/stat.h>

#include <errno.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "i18n.h"
#include "journal.h"
#include "near.h"
#include "ref.h"
#include "rules.h"
#include "schema.h"
#include "utf8.h"

static char stdout_buf[1 << 16];
static const char *command;	/* the subcommand being run, for cli_usage */

void
cli_init(const char *progname)
{
	err_progname = progname;
	opterr = 0;	/* cli_run says it once, in our format */
	i18n_init();	/* LC_CTYPE and LC_MESSAGES from the environment, the "rs" domain */
	/* A file size limit must be a write error (exit 3), not a kill. */
	signal(SIGXFSZ, SIG_IGN);
	setvbuf(stdout, stdout_buf, _IOFBF, sizeof(stdout_buf));
}

void
cli_error(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vprint(where, _(fmt), ap);
	va_end(ap);
}

int
cli_usage(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	char msg[1024];
	size_t n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap);
	va_end(ap);
	/* One shape, "SUB: WHAT", whether or not the caller's message names the subcommand. */
	n = command != NULL ? strlen(command) : 0;
	if (command != NULL && !(strncmp(msg, command, n) == 0 && msg[n] == ':'))
		buf_printf(&b, _("%s: "), command);
	buf_adds(&b, msg);
	if (command != NULL)
		buf_printf(&b, _(" (see %s %s --help)"), err_progname, command);
	else
		buf_printf(&b, _(" (see %s --help)\n"), err_progname);
	if (b.len > 0 && b.p[b.len - 1] == '\n')
		b.p[--b.len] = '\0';	/* the catalogue's message ends with the newline */
	cli_error(NULL, "%s", b.p);	/* sanitized on the way out */
	buf_free(&b);
	return RS_EUSAGE;
}

void
cli_set_command(const char *name)
{
	command = name;
}

void
cli_choices(struct buf *b, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(b, i + 1 < n ? _(", ") : _(" or "));
		buf_adds(b, names[i]);
	}
	if (b->p == NULL)
		buf_adds(b, "");
}

int
cli_bad_value(int code, const char *option, const char *value, const char *const *choices)
{
	struct buf want = BUF_INIT, near = BUF_INIT;
	const char *meant;
	size_t i;

	for (i = 0; choices[i] != NULL; i++) {
		if (i > 0)
			buf_addc(&want, '|');
		buf_adds(&want, choices[i]);
	}
	if ((meant = near_pick(value, choices, -1)) != NULL)
		buf_printf(&near, _("; did you mean '%s'?"), meant);
	else
		buf_adds(&near, "");
	if (code == RS_EUSAGE)
		cli_usage("%s: unknown value '%s' (want %s)%s", option, value, want.p, near.p);
	else
		cli_error(option, "unknown value '%s' (want %s)%s", value, want.p, near.p);
	buf_free(&want);
	buf_free(&near);
	return code;
}

int
cli_at(const struct cli_global *g, rs_time now, rs_time *at)
{
	char buf[TIME_ISO_MAX];

	*at = RS_TIME_NONE;
	if (g->at == NULL)
		return 0;
	if (cli_time_option("--at", g->at, now, at) == -1)
		return -1;
	if (*at > now + SCHEMA_AT_AHEAD_S) {
		cli_error("--at", "%s is more than %d minutes in the future",
		    time_format_iso(*at, buf), SCHEMA_AT_AHEAD_S / 60);
		return -1;
	}
	return 0;
}

int
cli_fail(const struct rs_err *e)
{
	err_warn(e->where, "%s", e->msg[0] ? e->msg : _("failed"));
	return e->code ? e->code : RS_EIO;
}

int
cli_site(const char *dir_option)
{
	struct rs_err e = { 0 };
	struct rules r;
	char *dir = journal_dir(dir_option);
	int rc = 0;

	if (rules_load(dir, &r, &e) == -1 || rules_apply_site(&r, &e) == -1)
		rc = cli_fail(&e);
	free(dir);
	return rc;
}

int
cli_dirs(struct cli_global *g)
{
	static char *copy;
	const char *v = getenv("RS_DIR");
	char *p, *q;

	if (g->ndirs > 0 || v == NULL || strchr(v, ':') == NULL)
		return 0;
	free(copy);
	copy = xstrdup(v);
	for (p = copy; p != NULL; p = q) {
		if ((q = strchr(p, ':')) != NULL)
			*q++ = '\0';
		if (*p == '\0')
			return cli_usage("RS_DIR: an empty directory name in the list");
		if (g->ndirs == CLI_MAX_DIRS)
			return cli_usage("RS_DIR: more than %d directories", CLI_MAX_DIRS);
		g->dirs[g->ndirs++] = p;
	}
	g->dir = g->dirs[0];
	return 0;
}

int
cli_sites(struct cli_global *g, int multi)
{
	struct rules r, *ru;
	struct rs_err e;
	struct buf b = BUF_INIT;
	int i, j, rc = 0, nocode = 0;

	if ((rc = cli_dirs(g)) != 0)
		return rc;
	if (g->ndirs <= 1)
		return cli_site(g->dir);
	if (!multi)
		return cli_usage("--dir: this command takes one journal directory "
		    "(several are read as one network by the reports)");
	ru = xcalloc((size_t)g->ndirs, sizeof(*ru));
	for (i = 0; i < g->ndirs && rc == 0; i++) {
		err_clear(&e);
		if ((rc = cli_read_dir(g->dirs[i])) == 0 && rules_load(g->dirs[i], &ru[i], &e) == -1)
			rc = cli_fail(&e);
	}
	/* Ids stay unique across the network only with a code per site. */
	for (i = 0; i < g->ndirs && rc == 0; i++) {
		if (ru[i].site_code[0] == '\0') {
			buf_printf(&b, "%s%s", nocode++ ? ", " : "", g->dirs[i]);
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(ru[i].site_code, ru[j].site_code) == 0) {
				cli_error(NULL, "%s, %s: two sites with the code %s: each site "
				    "needs its own site.code", g->dirs[j], g->dirs[i],
				    ru[i].site_code);
				rc = RS_EDATA;
				break;
			}
	}
	if (rc == 0 && nocode) {
		cli_error(b.p, "no site.code: several sites are read as one only when "
		    "each has its own (rs-journal init --site CODE)");
		rc = RS_EDATA;
	}
	err_clear(&e);
	if (rc == 0 && rules_apply_site(&ru[0], &e) == -1)
		rc = cli_fail(&e);
	buf_free(&b);
	free(ru);
	(void)r;
	return rc;
}

int
cli_global_option(int c, const char *arg, struct cli_global *g)
{
	struct rs_err e;

	switch (c) {
	case 'd':
		/* An empty name would fall back to $RS_DIR: a script's unset variable must not pick another center. */
		if (*arg == '\0') {
			cli_usage("--dir: empty directory name");
			return -1;
		}
		if (g->ndirs == CLI_MAX_DIRS) {
			cli_usage("--dir: more than %d directories", CLI_MAX_DIRS);
			return -1;
		}
		g->dirs[g->ndirs++] = arg;
		g->dir = g->dirs[0];
		return 1;
	case 'f':
		if (out_format_parse(arg, &g->format) < 0) {
			cli_bad_value(RS_EUSAGE, "--format", arg, out_format_names);
			return -1;
		}
		g->format_set = 1;
		return 1;
	case 'H':
		g->no_header = 1;
		return 1;
	case 'q':
		g->quiet = 1;
		return 1;
	case CLI_OPT_AGENT:
		if (cli_text_arg("--agent", arg) < 0)
			return -1;
		g->agent = arg;
		return 1;
	case CLI_OPT_AT:
		g->at = arg;
		return 1;
	case CLI_OPT_AS_OF:
		g->as_of = arg;
		return 1;
	case CLI_OPT_RAW:
		g->raw = 1;
		return 1;
	case CLI_OPT_REF:
		err_clear(&e);
		if (ref_check(arg, "--ref", &e) < 0) {
			cli_fail(&e);
			return -1;
		}
		g->ref = arg;
		return 1;
	}
	return 0;
}

const char *
cli_agent(const struct cli_global *g)
{
	const char *v;
	struct passwd *pw;

	if (g->agent && *g->agent)
		return g->agent;
	if ((v = getenv("RS_AGENT")) && *v && utf8_text_problem(v, strlen(v)) == NULL)
		return v;
	if ((v = getlogin()) && *v)
		return v;
	if ((pw = getpwuid(getuid())) && pw->pw_name)
		return pw->pw_name;
	return "unknown";
}

enum { BAD_TIME, BAD_GAP, BAD_RANGE, BAD_DATE };

/* value_error prints why an option's time or date value is refused (kind: BAD_*); returns -1. */
static int
value_error(const char *name, const char *value, int kind)
{
	struct buf b = BUF_INIT;
	const char *v;

	utf8_sanitize(&b, value, strlen(value));
	v = b.p ? b.p : "";
	switch (kind) {
	case BAD_GAP:
		cli_error(name, "%s does not exist in the site's zone "
		    "(the clock skips it for daylight saving)", v);
		break;
	case BAD_RANGE:
		cli_error(name, "%s is outside the supported range %s", v, time_range_text());
		break;
	case BAD_DATE:
		cli_error(name, "bad date '%s' (want YYYY-MM-DD)", v);
		break;
	default:
		cli_error(name, "bad time '%s'", v);
	}
	buf_free(&b);
	return -1;
}

int
cli_time_option(const char *name, const char *value, rs_time base, rs_time *t)
{
	int rc;

	if ((rc = time_parse_input(value, base, t)) == 0)
		return 0;
	if (rc == -1) {
		struct rs_err e;

		time_input_err(name, value, rc, &e);
		(void)cli_fail(&e);
		return -1;
	}
	return value_error(name, value, rc == -2 ? BAD_GAP : rc == -3 ? BAD_RANGE : BAD_TIME);
}

int
cli_date_option(const char *name, const char *value, int *ymd)
{
	int rc;

	if ((rc = time_parse_date(value, strlen(value), ymd)) == 0)
		return 0;
	return value_error(name, value, rc == -2 ? BAD_RANGE : BAD_DATE);
}

int
cli_as_of(const struct cli_global *g, rs_time *t)
{
	rs_time now = time_now();

	if (g->as_of == NULL) {
		*t = now;
		return 0;
	}
	return cli_time_option("--as-of", g->as_of, now, t);
}

int
cli_text_arg(const char *option, const char *value)
{
	const char *why = utf8_text_problem(value, strlen(value));

	if (why == NULL)
		return 0;
	cli_error(option, "bad text: %s", why);
	return -1;
}

int
cli_exit(int rc)
{
	static int reported;

	/* A command may call this early to learn of a write error; report it once. */
	if (reported)
		return RS_EIO;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			return rc;
		cli_error(NULL, "write error: %s", strerror(errno ? errno : EIO));
		reported = 1;
		return RS_EIO;
	}
	return rc;
}

int
cli_version(void)
{
	printf("%s (rs) %s\n", err_progname, RS_VERSION);
	return 0;
}

int
cli_read_dir(const char *dir)
{
	struct stat st;

	/* A typo in a cron line must fail loudly, not report an empty center (SPEC 3). */
	if (stat(dir, &st) < 0) {
		if (errno == ENOENT)
			cli_error(dir, "%s", _("no such journal directory"));
		else
			cli_error(dir, _("cannot use journal directory: %s"), strerror(errno));
		return RS_EIO;
	}
	if (!S_ISDIR(st.st_mode)) {
		cli_error(dir, "%s", _("not a directory"));
		return RS_EIO;
	}
	return 0;
}
