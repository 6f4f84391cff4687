/*
 * rules.c - the tunable rules of SPEC 9: compiled-in defaults, overridden
 * by DIR/rules.tsv; the table of keys, loading the file and writing the
 * rules back out. Reading the text is rules_parse.c.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "ids.h"
#include "rules.h"
#include "rules_keys.h"
#include "timelocal.h"

#define RULES_FILE "rules.tsv"
#define RULES_MAX (1024 * 1024)	/* a rules file is a few hundred bytes */

/*
 * The keys in SPEC 9 order, which is also the order of rules_format (see
 * rules_keys.h).
 */
#define R(f) offsetof(struct rules, f)
const struct rule_key rules_keys[] = {
	{ "sla.file_min", K_MIN, R(sla_file_min), 0 },
	{ "sla.dispatch_min", K_MIN, R(sla_dispatch_min), 0 },
	{ "sla.notify_min", K_MIN, R(sla_notify_min), 0 },
	{ "sla.arrive_city_min", K_MIN, R(sla_arrive_city_min), 0 },
	{ "sla.arrive_highway_min", K_MIN, R(sla_arrive_highway_min), 0 },
	{ "complaint.contact_h", K_HOUR, R(complaint_contact_h), 0 },
	{ "complaint.resolve_h.1", K_HOUR, R(complaint_resolve_h[1]), 0 },
	{ "complaint.resolve_h.2", K_HOUR, R(complaint_resolve_h[2]), 0 },
	{ "complaint.resolve_h.3", K_HOUR, R(complaint_resolve_h[3]), 0 },
	{ "complaint.resolve_h.4", K_HOUR, R(complaint_resolve_h[4]), 0 },
	{ "callback.service_h", K_HOUR, R(callback_service_h), 0 },
	{ "callback.complaint_h", K_HOUR, R(callback_complaint_h), 0 },
	{ "callback.second_from_d", K_DAY, R(callback_second_from_d), 0 },
	{ "callback.second_to_d", K_DAY, R(callback_second_to_d), 0 },
	{ "callback.max_attempts", K_COUNT, R(callback_max_attempts), 0 },
	{ "callback.expire_d", K_DAY, R(callback_expire_d), 0 },
	{ "target.complainant_satisfaction", K_RATIO,
	    R(target_complainant_satisfaction), 0 },
	{ "shift.day", K_SHIFT, R(shift_day_start), R(shift_day_end) },
	{ "shift.night", K_SHIFT, R(shift_night_start), R(shift_night_end) },
	{ "sla.booking_dispatch_lead_min", K_MIN, R(sla_booking_dispatch_lead_min), 0 },
	{ "sla.booking_arrive_grace_min", K_MIN, R(sla_booking_arrive_grace_min), 0 },
	{ "intake.duplicate_h", K_HOUR, R(intake_duplicate_h), 0 },
	{ "ref.window_d", K_DAY, R(ref_window_d), 0 },
	{ "site.zone", K_ZONE, R(site_zone), 0 },
	{ "site.code", K_CODE, R(site_code), 0 },
};
#undef R

/* A key added to the table must be counted in RULES_NKEYS (rules_keys.h). */
_Static_assert(sizeof(rules_keys) / sizeof(rules_keys[0]) == RULES_NKEYS, "RULES_NKEYS");

static const int *
cint_field(const struct rules *r, size_t off)
{
	return (const int *)(const void *)((const char *)r + off);
}

void
rules_default(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	r->sla_file_min = 3;
	r->sla_dispatch_min = 5;
	r->sla_notify_min = 8;
	r->sla_arrive_city_min = 30;
	r->sla_arrive_highway_min = 60;
	r->complaint_contact_h = 24;
	r->complaint_resolve_h[1] = 24;
	r->complaint_resolve_h[2] = 48;
	r->complaint_resolve_h[3] = 72;
	r->complaint_resolve_h[4] = 24;
	r->callback_service_h = 24;
	r->callback_complaint_h = 48;
	r->ref_window_d = 30;
	r->callback_second_from_d = 7;
	r->callback_second_to_d = 15;
	r->callback_max_attempts = 3;
	r->callback_expire_d = 7;
	r->target_complainant_satisfaction = 0.85;
	r->shift_day_start = 8 * 60;
	r->shift_day_end = 20 * 60;
	r->shift_night_start = 20 * 60;
	r->shift_night_end = 8 * 60;
	r->sla_booking_dispatch_lead_min = 30;
	r->sla_booking_arrive_grace_min = 10;
	r->intake_duplicate_h = 12;
}

/*
 * read_capped reads all of fd into b, up to RULES_MAX bytes. Returns 0,
 * -1 with errno set, or 1 if the file is larger.
 */
static int
read_capped(int fd, struct buf *b)
{
	ssize_t got;

	for (;;) {
		buf_grow(b, 4096);
		got = read(fd, b->p + b->len, b->cap - b->len - 1);
		if (got == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (got == 0)
			return 0;
		b->len += (size_t)got;
		b->p[b->len] = '\0';
		if (b->len > RULES_MAX)
			return 1;
	}
}

int
rules_load(const char *dir, struct rules *r, struct rs_err *e)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	struct stat st;
	int fd, rc = -1, got;

	rules_default(r);
	buf_adds(&path, dir);
	buf_adds(&path, "/" RULES_FILE);
	if ((fd = open(path.p, O_RDONLY | O_CLOEXEC)) == -1) {
		/*
		 * No rules.tsv (or no directory yet): the defaults apply. A
		 * directory that is not one is the reader's or writer's to
		 * report, with its own message.
		 */
		if (errno == ENOENT || errno == ENOTDIR)
			rc = 0;
		else
			err_set(e, RS_EIO, path.p, "cannot read: %s",
			    strerror(errno));
		buf_free(&path);
		return rc;
	}
	if (fstat(fd, &st) == -1)
		err_set(e, RS_EIO, path.p, "cannot read: %s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		err_set(e, RS_EIO, path.p, "cannot read: %s", strerror(EISDIR));
	else if ((got = read_capped(fd, &text)) == -1)
		err_set(e, RS_EIO, path.p, "cannot read: %s", strerror(errno));
	else if (got == 1)
		err_set(e, RS_EDATA, path.p, "%s too large (over %d bytes)",
		    RULES_FILE, RULES_MAX);
	else {
		/* A UTF-8 BOM (a Windows editor) is no part of the first key. */
		size_t bom = text.len >= 3 && memcmp(text.p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

		rc = rules_parse(text.p + bom, text.len - bom, path.p, r, e);
	}
	close(fd);
	buf_free(&text);
	buf_free(&path);
	return rc;
}

/* format_ratio appends v (in [0,1]) in the form parse_ratio reads back. */
static void
format_ratio(struct buf *out, double v)
{
	char frac[16];
	long long u;
	size_t len;

	/* By hand, not "%g": no exponent, no locale decimal comma. */
	if (!(v >= 0))
		v = 0;
	if (v > 1)
		v = 1;
	u = (long long)(v * 1e9 + 0.5);
	if (u % 1000000000 == 0) {
		buf_printf(out, "%lld", u / 1000000000);
		return;
	}
	snprintf(frac, sizeof(frac), "%09lld", u % 1000000000);
	for (len = strlen(frac); len > 1 && frac[len - 1] == '0'; len--)
		;
	buf_printf(out, "%lld.%.*s", u / 1000000000, (int)len, frac);
}

void
rules_format(const struct rules *r, struct buf *out)
{
	const struct rule_key *k;
	const int *a, *b;
	size_t i;

	for (i = 0; i < RULES_NKEYS; i++) {
		k = &rules_keys[i];
		if ((k->kind == K_ZONE || k->kind == K_CODE) &&
		    *((const char *)r + k->off) == '\0')
			continue;	/* unset: no value to write */
		buf_adds(out, k->name);
		buf_addc(out, '\t');
		switch (k->kind) {
		case K_RATIO:
			format_ratio(out, *(const double *)(const void *)
			    ((const char *)r + k->off));
			break;
		case K_SHIFT:
			a = cint_field(r, k->off);
			b = cint_field(r, k->off2);
			buf_printf(out, "%02d:%02d-%02d:%02d", *a / 60, *a % 60,
			    *b / 60, *b % 60);
			break;
		case K_ZONE:
		case K_CODE:
			buf_adds(out, (const char *)r + k->off);
			break;
		default:
			buf_printf(out, "%d", *cint_field(r, k->off));
			break;
		}
		buf_addc(out, '\n');
	}
}

char *
rules_path(const char *dir)
{
	struct buf path = BUF_INIT;

	buf_adds(&path, dir);
	buf_adds(&path, "/" RULES_FILE);
	return path.p;
}

int
rules_apply_site(const struct rules *r, struct rs_err *e)
{
	if (r->site_zone[0] != '\0' && time_use_zone(r->site_zone) == -1)
		return err_set(e, RS_EDATA, "site.zone", "unknown zone '%s'",
		    r->site_zone);
	if (id_set_site_code(r->site_code) == -1)
		return err_set(e, RS_EDATA, "site.code", "bad site code '%s'",
		    r->site_code);
	return 0;
}
