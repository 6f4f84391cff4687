/* err.c - error values and warnings; see err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "i18n.h"

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
	if (deferred) {
		char line[2048];
		int k;

		if (where && *where)
			k = snprintf(line, sizeof(line), "%s: %s: ", err_progname, where);
		else
			k = snprintf(line, sizeof(line), "%s: ", err_progname);
		if (k < 0 || (size_t)k >= sizeof(line))
			k = 0;
		vsnprintf(line + k, sizeof(line) - (size_t)k, fmt, ap);
		buf_adds(deferred, line);
		buf_addc(deferred, '\n');
		return;
	}
	/* Whatever went to stdout first stays before the message in a shared terminal. */
	fflush(stdout);
	if (where && *where)
		fprintf(stderr, "%s: %s: ", err_progname, where);
	else
		fprintf(stderr, "%s: ", err_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
err_warn(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vprint(where, _(fmt), ap);
	va_end(ap);
}
