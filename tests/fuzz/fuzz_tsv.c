/*
 * fuzz_tsv.c - libFuzzer harness: the TSV reader (reader.c over a memfd)
 * and the schema-mapped jreader on top of it (journal.c), both with a
 * schema and schema-less, plus journal_bisect_ts over the same bytes.
 * The first input byte picks the schema (or none).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "err.h"
#include "journal.h"
#include "reader.h"
#include "schema.h"

static int
memfd_with(const uint8_t *p, size_t n)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	size_t off = 0;
	ssize_t w;

	if (fd < 0)
		abort();
	while (off < n) {
		w = write(fd, p + off, n - off);
		if (w <= 0)
			abort();
		off += (size_t)w;
	}
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rs_err e;
	struct row row;
	struct reader *r;
	struct jreader *jr;
	const struct schema *s = NULL;
	int fd, rc, nsch = 0, k, i;
	size_t j;

	if (size < 1)
		return 0;
	while (schema_all[nsch])
		nsch++;
	k = data[0] % (nsch + 1);
	if (k < nsch)
		s = schema_all[k];
	data++, size--;
	fd = memfd_with(data, size);

	/* 1. the raw TSV reader */
	err_clear(&e);
	r = reader_open_fd(fd, "fuzz.tsv", READER_TSV, 0, &e);
	if (r) {
		while ((rc = reader_next(r, &row, &e)) == 1)
			for (i = 0; i < row.n; i++)
				for (j = 0; j < row.len[i]; j++)
					(void)(volatile char)row.v[i][j];
		reader_free(r);
	}
	/* 2. the journal reader, typed by a schema (or not), bad rows too */
	err_clear(&e);
	jr = jreader_open_fd(fd, "fuzz.tsv", s, 0, JR_BAD | JR_QUIET, &e);
	if (jr) {
		while ((rc = jreader_next(jr, &row, &e)) == 1)
			(void)row.problem;
		jreader_free(jr);
	}
	/* 3. bisection on ts over the same bytes */
	if (size > 0) {
		err_clear(&e);
		(void)journal_bisect_ts(fd, (long long)size, (rs_time)1795000000, &e);
		(void)journal_bisect_ts(fd, (long long)size, (rs_time)0, &e);
	}
	close(fd);
	return 0;
}
