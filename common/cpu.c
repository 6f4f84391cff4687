/*
 * cpu.c - which vector instructions this CPU runs, and how many threads a
 * scan may use; see cpu.h.
 */
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define HAVE_X86_PLATFORM_H 1
#endif
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu.h"
#include "err.h"

/*
 * cap is the highest level RS_SIMD allows: "sse2" (no SSSE3, no AVX2),
 * "ssse3" (no AVX2), anything else no cap. The test suite runs the unit
 * tests of the vector code once per level, so that the paths a CPU
 * without AVX2 takes are tested on one that has it.
 */
static int
cap(void)
{
	const char *v = getenv("RS_SIMD");

	if (v == NULL)
		return 2;
	return strcmp(v, "sse2") == 0 ? 0 : strcmp(v, "ssse3") == 0 ? 1 : 2;
}

int
cpu_has_ssse3(void)
{
	if (cap() < 1)
		return 0;
#if defined(HAVE_X86_PLATFORM_H)
	return CPU_FEATURE_ACTIVE(SSSE3) ? 1 : 0;
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	return __builtin_cpu_supports("ssse3") ? 1 : 0;
#else
	return 0;
#endif
}

int
cpu_has_avx2(void)
{
	if (cap() < 2)
		return 0;
#if defined(HAVE_X86_PLATFORM_H)
	/* "Active": the CPU has it and the kernel saves the YMM registers. */
	return CPU_FEATURE_ACTIVE(AVX2) ? 1 : 0;
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
	return 0;
#endif
}

int
cpu_threads(int *n, struct rs_err *e)
{
	const char *v = getenv("RS_THREADS");
	char *end;
	long t;

	if (v == NULL || *v == '\0') {
		t = sysconf(_SC_NPROCESSORS_ONLN);
		*n = t < 1 ? 1 : t > CPU_THREADS_MAX ? CPU_THREADS_MAX : (int)t;
		return 0;
	}
	errno = 0;
	t = strtol(v, &end, 10);
	if (*end != '\0' || errno != 0 || strspn(v, "0123456789") != strlen(v) ||
	    t < 1 || t > CPU_THREADS_MAX)
		return err_set(e, RS_EDATA, "RS_THREADS",
		    "bad value '%s' (want a number of threads, 1 to %d)", v, CPU_THREADS_MAX);
	*n = (int)t;
	return 0;
}
