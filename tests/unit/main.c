/* main.c - runs every unit test suite (or those named on the command line). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

int unit_passed, unit_failed;

void
unit_report(const char *file, int line, int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		unit_passed++;
		return;
	}
	unit_failed++;
	fprintf(stderr, "%s:%d: FAIL: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static const struct {
	const char *name;
	void (*run)(void);
} suites[] = {
#define UNIT_SUITE(name) { #name, t_##name },
#include "unit_suites.h"
#undef UNIT_SUITE
};

int
main(int argc, char **argv)
{
	size_t i;
	int j, want;

	setenv("TZ", "Asia/Shanghai", 1);
	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		want = argc < 2;
		for (j = 1; j < argc; j++)
			if (strcmp(argv[j], suites[i].name) == 0)
				want = 1;
		if (want)
			suites[i].run();
	}
	printf("unit: %d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed != 0;
}
