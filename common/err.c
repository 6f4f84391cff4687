/* err.c - error values and warnings; see err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

const char *err_progname = "rs";

int
err_set(struct rs_err *e, int code, const char *where, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	snprintf(e->where, sizeof(e->where), "%s", where ? where : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
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

void
err_vprint(const char *where, const char *fmt, va_list ap)
{
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
	err_vprint(where, fmt, ap);
	va_end(ap);
}
