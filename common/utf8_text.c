/*
 * utf8_text.c - the control-character policy of text values (SPEC 4, 5):
 * utf8_text_problem says what is wrong with a value, utf8_sanitize makes
 * any bytes safe to show on a terminal. Both decode with utf8_decode.h so
 * that they agree with validation on what a character is.
 */
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "utf8_decode.h"
#include "utf8_text.h"

/*
 * The messages of utf8_text_problem are fixed strings, one per rejected
 * code point, so the function needs no buffer and is reentrant.
 */
#define CTL(x) "control character U+00" x
#define CTL_ROW(h) \
	CTL(h "0"), CTL(h "1"), CTL(h "2"), CTL(h "3"), \
	CTL(h "4"), CTL(h "5"), CTL(h "6"), CTL(h "7"), \
	CTL(h "8"), CTL(h "9"), CTL(h "A"), CTL(h "B"), \
	CTL(h "C"), CTL(h "D"), CTL(h "E"), CTL(h "F")

static const char *const c0_msgs[32] = { CTL_ROW("0"), CTL_ROW("1") };
static const char *const c1_msgs[32] = { CTL_ROW("8"), CTL_ROW("9") };
static const char *const bidi_msgs[] = {
	"bidi control character U+202A", "bidi control character U+202B",
	"bidi control character U+202C", "bidi control character U+202D",
	"bidi control character U+202E",
	"bidi control character U+2066", "bidi control character U+2067",
	"bidi control character U+2068", "bidi control character U+2069",
};

const char *
utf8_text_problem(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			return "invalid UTF-8";
		i += len;
		if (cp == '\t' || cp == '\n')
			continue;
		if (cp < 0x20)
			return c0_msgs[cp];
		if (cp == 0x7F)
			return CTL("7F");
		if (cp >= 0x80 && cp <= 0x9F)
			return c1_msgs[cp - 0x80];
		if (cp >= 0x202A && cp <= 0x202E)
			return bidi_msgs[cp - 0x202A];
		if (cp >= 0x2066 && cp <= 0x2069)
			return bidi_msgs[5 + cp - 0x2066];
	}
	return NULL;
}

/* is_control: C0 (tab and newline included), DEL and C1. */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/*
 * needs_escape: the code points utf8_sanitize must not pass through:
 * every control character (tab and newline too: in a table cell they
 * would break the layout) and the bidi controls.
 */
static int
needs_escape(uint32_t cp)
{
	return is_control(cp) || utf8_is_bidi_control(cp);
}

void
utf8_sanitize(struct buf *out, const char *s, size_t n)
{
	static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, len;
	uint32_t cp;

	/* Safe text is copied in runs, not character by character. */
	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		len = utf8_decode(p + i, n - i, &cp);
		if (len != 0 && !needs_escape(cp)) {
			i += len;
			continue;
		}
		if (i > run)
			buf_add(out, p + run, i - run);
		if (len == 0) {
			/* One U+FFFD per invalid byte, as utf8_width counts it. */
			buf_add(out, replacement, 3);
			i++;
		} else {
			if (cp == '\t')
				buf_adds(out, "\\t");
			else if (cp == '\n')
				buf_adds(out, "\\n");
			else if (cp == '\r')
				buf_adds(out, "\\r");
			else if (cp <= 0xFF)
				buf_printf(out, "\\x%02x", (unsigned)cp);
			else
				buf_printf(out, "\\u%04x", (unsigned)cp);
			i += len;
		}
		run = i;
	}
	if (i > run)
		buf_add(out, p + run, i - run);
}
