/*
 * fuzz_rules.c - libFuzzer harness: rules_parse (rules.c); a text that
 * parses must come back the same through rules_format.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules r, r2;
	struct rs_err e;
	struct buf out = BUF_INIT, out2 = BUF_INIT, def = BUF_INIT;

	if (size > 65536)
		return 0;
	rules_default(&r);
	rules_format(&r, &def);
	err_clear(&e);
	if (rules_parse((const char *)data, size, "rules.tsv", &r, &e) == 0) {
		rules_format(&r, &out);
		rules_default(&r2);
		if (rules_parse(out.p, out.len, "formatted", &r2, &e) != 0)
			abort();	/* rules_format wrote what rules_parse rejects */
		rules_format(&r2, &out2);
		if (out.len != out2.len || memcmp(out.p, out2.p, out.len) != 0)
			abort();	/* not the same rules back */
	} else {
		rules_format(&r, &out);
		if (out.len != def.len || memcmp(out.p, def.p, out.len) != 0)
			abort();	/* a failed parse changed r */
	}
	buf_free(&out);
	buf_free(&out2);
	buf_free(&def);
	return 0;
}
