/*
 * cpu.h - which vector instructions this CPU runs.
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

#endif
