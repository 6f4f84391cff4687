/* t_buf.c - unit tests of common/buf.c: buffers, printf, arena, x* wrappers. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "unit.h"

static void
test_init_and_add(void)
{
	struct buf b = BUF_INIT;
	char want[5000];
	size_t i;
	int bad;

	T_OK(b.p == NULL);
	T_INT(b.len, 0);
	T_INT(b.cap, 0);

	/* Adding nothing still gives a NUL-terminated, empty string. */
	buf_add(&b, "", 0);
	T_OK(b.p != NULL);
	T_INT(b.len, 0);
	T_STR(b.p, "");
	T_INT(b.cap, 64);	/* the smallest allocation */

	buf_adds(&b, "abc");
	buf_addc(&b, 'd');
	buf_add(&b, "efgh", 2);
	T_STR(b.p, "abcdef");
	T_INT(b.len, 6);
	T_INT(b.cap, 64);

	/* Growth byte by byte: contents, NUL and capacity stay right. */
	buf_reset(&b);
	bad = 0;
	for (i = 0; i < sizeof(want) - 1; i++) {
		want[i] = (char)('a' + i % 26);
		buf_addc(&b, want[i]);
		if (b.len != i + 1 || b.p[b.len] != '\0' || b.cap < b.len + 1)
			bad++;
	}
	want[sizeof(want) - 1] = '\0';
	T_INT(bad, 0);
	T_INT(b.len, sizeof(want) - 1);
	T_STR(b.p, want);
	/* Doubling: capacity is a power-of-two multiple of 64 here. */
	T_INT(b.cap, 8192);
	buf_free(&b);

	/* Embedded NUL bytes are data. */
	buf_add(&b, "a\0b\0c", 5);
	T_INT(b.len, 5);
	T_MEM(b.p, b.len, "a\0b\0c", 5);
	T_INT(b.p[5], 0);
	buf_free(&b);

	/* One big add sizes exactly (more than twice the old capacity). */
	{
		char *big = malloc(100000);

		memset(big, 'z', 100000);
		buf_addc(&b, 'x');
		buf_add(&b, big, 100000);
		T_INT(b.len, 100001);
		T_INT(b.cap, 100002);
		T_INT(b.p[0], 'x');
		T_INT(b.p[100000], 'z');
		T_INT(b.p[100001], 0);
		free(big);
	}
	buf_free(&b);

	/* buf_grow only reserves. */
	buf_grow(&b, 1000);
	T_OK(b.cap >= 1001);
	T_INT(b.len, 0);
	buf_grow(&b, 10);	/* already room: no change */
	T_OK(b.cap >= 1001);
	buf_free(&b);
}

static void
test_printf(void)
{
	struct buf b = BUF_INIT;
	char *big, want[512];
	size_t i, n;
	int bad;

	buf_printf(&b, "%s", "");
	T_OK(b.p != NULL);
	T_STR(b.p, "");
	T_INT(b.len, 0);

	buf_printf(&b, "%d-%s-%c", 42, "x", 'y');
	T_STR(b.p, "42-x-y");
	T_INT(b.len, 6);
	buf_printf(&b, "|%05.1f|", 3.14159);
	T_STR(b.p, "42-x-y|003.1|");

	/* A long string needs the second vsnprintf. */
	big = malloc(200001);
	for (i = 0; i < 200000; i++)
		big[i] = (char)('A' + i % 23);
	big[200000] = '\0';
	buf_reset(&b);
	buf_printf(&b, "<%s>", big);
	T_INT(b.len, 200002);
	T_INT(b.p[0], '<');
	T_OK(memcmp(b.p + 1, big, 200000) == 0);
	T_INT(b.p[200001], '>');
	T_INT(b.p[200002], 0);
	/* Appending after it keeps what is there. */
	buf_printf(&b, "%s", big);
	T_INT(b.len, 400002);
	T_OK(memcmp(b.p + 200002, big, 200000) == 0);
	T_INT(b.p[400002], 0);
	free(big);
	buf_free(&b);

	/*
	 * Every length around the capacity edges (63, 64, 65, 127, ...),
	 * starting from different fill levels: the result is what snprintf
	 * makes.
	 */
	bad = 0;
	for (n = 0; n < 300; n++) {
		size_t pre;

		for (pre = 0; pre < 140; pre += 13) {
			char fill[200];

			memset(fill, 'p', pre);
			fill[pre] = '\0';
			memset(want, 'q', n);
			want[n] = '\0';
			buf_reset(&b);
			buf_adds(&b, fill);
			buf_printf(&b, "%s", want);
			if (b.len != pre + n || strncmp(b.p, fill, pre) != 0 ||
			    strcmp(b.p + pre, want) != 0 || b.p[b.len] != '\0' || b.cap <= b.len)
				bad++;
		}
	}
	T_INT(bad, 0);
	buf_free(&b);
}

static void
test_reset_free(void)
{
	struct buf b = BUF_INIT;
	char *p;
	size_t cap;

	/* Reset and free of an empty buffer are fine. */
	buf_reset(&b);
	T_OK(b.p == NULL);
	T_INT(b.len, 0);
	buf_free(&b);
	T_OK(b.p == NULL);

	buf_adds(&b, "hello world, this is some text that is long enough");
	p = b.p;
	cap = b.cap;
	buf_reset(&b);
	T_INT(b.len, 0);
	T_STR(b.p, "");
	T_OK(b.p == p);		/* memory kept */
	T_INT(b.cap, cap);
	buf_adds(&b, "again");
	T_STR(b.p, "again");
	T_OK(b.p == p);

	buf_free(&b);
	T_OK(b.p == NULL);
	T_INT(b.len, 0);
	T_INT(b.cap, 0);
	/* Usable after free. */
	buf_adds(&b, "new");
	T_STR(b.p, "new");
	buf_free(&b);
}

static void
test_x(void)
{
	char *s;
	int *z, i, bad = 0;
	unsigned char *m;

	s = xstrdup("héllo");
	T_STR(s, "héllo");
	free(s);
	s = xstrdup("");
	T_STR(s, "");
	free(s);
	s = xstrndup("abcdef", 3);
	T_STR(s, "abc");
	free(s);
	s = xstrndup("a\0b", 3);	/* copies n bytes even past a NUL */
	T_MEM(s, 4, "a\0b\0", 4);
	free(s);

	z = xcalloc(1000, sizeof(int));
	for (i = 0; i < 1000; i++)
		if (z[i] != 0)
			bad++;
	T_INT(bad, 0);
	free(z);

	/* Zero sizes give a usable, freeable pointer. */
	m = xmalloc(0);
	T_OK(m != NULL);
	free(m);
	m = xcalloc(0, 0);
	T_OK(m != NULL);
	free(m);
	m = xrealloc(NULL, 10);
	memcpy(m, "0123456789", 10);
	m = xrealloc(m, 100000);
	T_MEM(m, 10, "0123456789", 10);
	free(m);
}

static void
test_arena(void)
{
	struct arena a = ARENA_INIT;
	const size_t al = alignof(max_align_t);
	const size_t unit = sizeof(max_align_t);	/* what sizes are rounded up to */
	char *p[2000], *q, *r, *big;
	size_t i, n, bad, bad_fill;
	char *s;

	T_OK(a.head == NULL);

	/* Every allocation is aligned for any type. */
	bad = 0;
	for (i = 0; i < 2000; i++) {
		n = i % 100 + 1;
		p[i] = arena_alloc(&a, n);
		if ((uintptr_t)p[i] % al != 0)
			bad++;
		memset(p[i], (int)(i & 0xff), n);
	}
	T_INT(bad, 0);
	/* No allocation overwrote another (they cross several 64 KB blocks). */
	bad_fill = 0;
	for (i = 0; i < 2000; i++) {
		size_t k;

		n = i % 100 + 1;
		for (k = 0; k < n; k++)
			if ((unsigned char)p[i][k] != (i & 0xff))
				bad_fill++;
	}
	T_INT(bad_fill, 0);
	arena_free(&a);
	T_OK(a.head == NULL);
	T_INT(a.used, 0);
	T_INT(a.size, 0);

	/* Small allocations in a row are packed, rounded up to sizeof(max_align_t). */
	T_INT(unit % al, 0);
	q = arena_alloc(&a, 1);
	r = arena_alloc(&a, 1);
	T_INT(r - q, (long long)unit);
	q = arena_alloc(&a, unit + 1);
	r = arena_alloc(&a, 3);
	T_INT(r - q, (long long)(2 * unit));

	/*
	 * A big allocation gets its own block; the current block keeps its
	 * room, so the next small one follows right after the last small one.
	 */
	q = arena_alloc(&a, 8);
	big = arena_alloc(&a, 1 << 20);
	r = arena_alloc(&a, 8);
	T_OK((uintptr_t)big % al == 0);
	T_INT(r - q, (long long)unit);
	memset(big, 0x5a, 1 << 20);
	T_INT((unsigned char)big[0], 0x5a);
	T_INT((unsigned char)big[(1 << 20) - 1], 0x5a);
	/* A second big one, then the first is still intact. */
	q = arena_alloc(&a, 300000);
	memset(q, 0x11, 300000);
	T_INT((unsigned char)big[12345], 0x5a);
	T_INT((unsigned char)q[299999], 0x11);
	arena_free(&a);

	/* A big allocation as the very first one. */
	big = arena_alloc(&a, 100000);
	memset(big, 1, 100000);
	q = arena_alloc(&a, 16);
	memset(q, 2, 16);
	T_INT(big[99999], 1);
	T_INT(q[15], 2);
	arena_free(&a);

	/* arena_strndup copies n bytes plus a NUL. */
	s = arena_strndup(&a, "hello world", 5);
	T_STR(s, "hello");
	s = arena_strndup(&a, "", 0);
	T_STR(s, "");
	s = arena_strndup(&a, "粤B·D12345", strlen("粤B·D12345"));
	T_STR(s, "粤B·D12345");
	T_OK((uintptr_t)s % al == 0);

	/* Many strings: all still right at the end. */
	{
		char *strs[50000], tmp[32];
		int k, wrong = 0;

		for (k = 0; k < 50000; k++) {
			snprintf(tmp, sizeof(tmp), "value-%d", k);
			strs[k] = arena_strndup(&a, tmp, strlen(tmp));
		}
		for (k = 0; k < 50000; k++) {
			snprintf(tmp, sizeof(tmp), "value-%d", k);
			if (strcmp(strs[k], tmp) != 0)
				wrong++;
		}
		T_INT(wrong, 0);
	}
	arena_free(&a);
	arena_free(&a);		/* twice is harmless */
	T_OK(a.head == NULL);
}

void
t_buf(void)
{
	test_init_and_add();
	test_printf();
	test_reset_free();
	test_x();
	test_arena();
}
