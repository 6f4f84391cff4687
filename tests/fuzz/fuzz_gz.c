/*
 * fuzz_gz.c - libFuzzer harness: the gzip source (gz.c) read through a
 * pipe (no seeking, reads in whatever pieces the pipe gives), and the
 * TSV reader on top of it over a memfd. Inputs are mostly gzip members.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "err.h"
#include "gz.h"
#include "reader.h"
#include "row.h"

struct feed {
	int fd;
	const uint8_t *p;
	size_t n;
};

static void *
feeder(void *arg)
{
	struct feed *f = arg;
	size_t off = 0;
	ssize_t w;

	while (off < f->n) {
		w = write(f->fd, f->p + off, f->n - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(f->fd);
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char out[4096];
	struct rs_err e;
	struct source *s;
	struct reader *r;
	struct row row;
	struct feed f;
	pthread_t th;
	int pfd[2], fd;
	ssize_t got;
	size_t total = 0;

	/* 1. the source over a pipe, the writer in a thread */
	if (pipe(pfd) < 0)
		abort();
	f.fd = pfd[1];
	f.p = data;
	f.n = size;
	if (pthread_create(&th, NULL, feeder, &f) != 0)
		abort();
	s = source_new(pfd[0], "fuzz.gz");
	err_clear(&e);
	while ((got = source_read(s, out, sizeof(out), &e)) > 0) {
		total += (size_t)got;
		if (total > (64u << 20))
			break;	/* a gzip bomb: enough */
	}
	source_free(s);
	close(pfd[0]);	/* unblocks the feeder if we stopped early */
	pthread_join(th, NULL);

	/* 2. the TSV reader over the same bytes from a memfd */
	fd = memfd_create("fuzz", MFD_CLOEXEC);
	if (fd < 0)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	err_clear(&e);
	r = reader_open_fd(fd, "fuzz.tsv.gz", READER_TSV, 0, &e);
	if (r) {
		total = 0;
		while (reader_next(r, &row, &e) == 1)
			if (++total > 100000)
				break;
		reader_free(r);
	}
	close(fd);
	return 0;
}
