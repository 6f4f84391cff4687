/* err.c - error values and warnings; see err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "i18n.h"
#include "utf8.h"

const char *err_progname = "rs";

int
err_set(struct rs_err *e, int code, const char *where, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	snprintf(e->where, sizeof(e->where), "%s", where ? where : "");
	/* The message is for people: in their language (the where part is an id or a file). */
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), _(fmt), ap);
	va_end(ap);
	return -1;
}

void
err_clear(struct rs_err *e)
{
	e->code = 0;
	e->where[0] = '\0';
	e->msg[0] = '\0';
}

/* Where this thread's messages go instead of stderr (err_defer), or NULL. */
static _Thread_local struct buf *deferred;

void
err_defer(struct buf *b)
{
	deferred = b;
}

void
err_vprint(const char *where, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, line = BUF_INIT;
	char msg[2048];

	if (where && *where)
		buf_printf(&raw, "%s: %s: ", err_progname, where);
	else
		buf_printf(&raw, "%s: ", err_progname);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	buf_adds(&raw, msg);
	/*
	 * Ids, file names and options in a message come from the command line
	 * or a journal: an escape sequence in them must not reach the terminal.
	 */
	utf8_sanitize(&line, raw.p, raw.len);
	buf_addc(&line, '\n');
	if (deferred)
		buf_add(deferred, line.p, line.len);
	else {
		/* Whatever went to stdout first stays before the message in a shared terminal. */
		fflush(stdout);
		fputs(line.p, stderr);
	}
	buf_free(&raw);
	buf_free(&line);
}

void
err_replay(const char *text, size_t n)
{
	if (deferred)
		buf_add(deferred, text, n);
	else {
		fflush(stdout);
		fwrite(text, 1, n, stderr);
	}
}

void
err_warn(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vprint(where, _(fmt), ap);
	va_end(ap);
}
