/*
 * rusage - runs a command and appends one line "WALL USER SYS MAXRSS_KB"
 * (seconds, seconds, seconds, kilobytes) to FILE: the timer of the
 * benchmark (tests/bench/run.sh), so that it needs neither GNU time nor
 * a shell's "time" format. The command's stdout and stderr pass through;
 * its exit status is ours.
 *
 *   rusage FILE COMMAND [ARG...]
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *f;
	pid_t pid;
	int st;

	if (argc < 3) {
		fprintf(stderr, "usage: rusage FILE COMMAND [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0) {
		perror("rusage: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("rusage: exec");
		_exit(127);
	}
	/* wait4's usage of a child counts the children it waited for too (a shell loop). */
	if (wait4(pid, &st, 0, &ru) < 0) {
		perror("rusage: wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((f = fopen(argv[1], "a")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	fprintf(f, "%.4f %.4f %.4f %ld\n",
	    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss);
	fclose(f);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
