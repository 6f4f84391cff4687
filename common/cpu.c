/*
 * cpu.c - which vector instructions this CPU runs; see cpu.h.
 */
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define HAVE_X86_PLATFORM_H 1
#endif
#endif

#include "cpu.h"

int
cpu_has_ssse3(void)
{
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
#if defined(HAVE_X86_PLATFORM_H)
	/* "Active": the CPU has it and the kernel saves the YMM registers. */
	return CPU_FEATURE_ACTIVE(AVX2) ? 1 : 0;
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	return __builtin_cpu_supports("avx2") ? 1 : 0;
#else
	return 0;
#endif
}
