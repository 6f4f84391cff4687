/*
 * cpu.h - which vector instructions this CPU runs, and how many threads
 * a scan may use.
 *
 * The hot loops of the reader have SSE2 (every x86-64), SSSE3 and AVX2
 * versions; these say which one to take. The answers come from glibc,
 * which ran cpuid once at start-up: in a virtual machine cpuid traps to
 * the hypervisor, and asking again showed in profiles of rs-intake,
 * whose whole run is a couple of milliseconds. RS_SIMD=sse2 or
 * RS_SIMD=ssse3 in the environment caps the level (the tests use it to
 * run the other paths on a CPU that has AVX2).
 */
#ifndef RS_CPU_H
#define RS_CPU_H

/* cpu_has_ssse3 says whether SSSE3 code may run here (0 off x86-64). */
int cpu_has_ssse3(void);

/* cpu_has_avx2 says whether AVX2 code may run here (0 off x86-64). */
int cpu_has_avx2(void);

/* More RS_THREADS than this is a typo, not a machine (SPEC 5). */
#define CPU_THREADS_MAX 256

struct rs_err;

/*
 * cpu_threads sets *n to the threads a scan may use: RS_THREADS, or the
 * online CPUs. Returns 0, or -1 with e set (RS_EDATA) when RS_THREADS
 * is not a number from 1 to CPU_THREADS_MAX.
 */
int cpu_threads(int *n, struct rs_err *e);

#endif
