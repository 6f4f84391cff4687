/*
 * fuzz_csv.c - libFuzzer harness: the CSV reader (csvio.c, csv_in_feed /
 * csv_in_next), fed in pieces whose sizes come from the first input byte,
 * then the whole reader path (reader.c, READER_CSV) over a memfd.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "csvio.h"
#include "err.h"
#include "reader.h"
#include "row.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rs_err e;
	struct row row;
	struct csv_in *c;
	struct reader *r;
	size_t piece, off = 0, n, j;
	int i, fd, failed = 0;

	if (size < 1)
		return 0;
	piece = (size_t)data[0] % 17 + 1;
	data++, size--;

	c = csv_in_new();
	err_clear(&e);
	while (!failed) {
		n = size - off < piece ? size - off : piece;
		if (csv_in_feed(c, (const char *)data + off, n, off + n == size, &e) < 0)
			failed = 1;
		memset(&row, 0, sizeof(row));
		while (csv_in_next(c, &row) == 1)
			for (i = 0; i < row.n; i++)
				for (j = 0; j < row.len[i]; j++)
					(void)(volatile char)row.v[i][j];
		off += n;
		if (off == size)
			break;
	}
	csv_in_free(c);

	fd = memfd_create("fuzz", MFD_CLOEXEC);
	if (fd < 0)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	err_clear(&e);
	r = reader_open_fd(fd, "fuzz.csv", READER_CSV, 0, &e);
	if (r) {
		while (reader_next(r, &row, &e) == 1)
			(void)row.problem;
		reader_free(r);
	}
	close(fd);
	return 0;
}
