/*
 * site.c - rs-journal init (SPEC 3.0): a journal directory and the site
 * keys of its rules.tsv; see site.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "ids.h"
#include "rules.h"
#include "site.h"
#include "timelocal.h"

/* make_dirs creates dir and its missing parents, each 0700. */
static int
make_dirs(const char *dir, struct rs_err *e)
{
	struct buf p = BUF_INIT;
	struct stat st;
	size_t i;
	int rc = 0;

	buf_adds(&p, dir);
	for (i = 1; i <= p.len && rc == 0; i++) {
		if (i < p.len && p.p[i] != '/')
			continue;
		p.p[i] = '\0';
		if (mkdir(p.p, 0700) == -1 && errno != EEXIST)
			rc = err_set(e, RS_EIO, p.p, "cannot create directory: %s",
			    strerror(errno));
		if (i < p.len)
			p.p[i] = '/';
	}
	if (rc == 0 && (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode)))
		rc = err_set(e, RS_EIO, dir, "not a directory");
	buf_free(&p);
	return rc;
}

/* read_all reads path into b; a missing file is empty. Returns 0, or -1 with e set. */
static int
read_all(const char *path, struct buf *b, struct rs_err *e)
{
	char chunk[4096];
	ssize_t got;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return errno == ENOENT ? 0 :
		    err_set(e, RS_EIO, path, "cannot read: %s", strerror(errno));
	while ((got = read(fd, chunk, sizeof(chunk))) != 0) {
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1) {
			close(fd);
			return err_set(e, RS_EIO, path, "cannot read: %s", strerror(errno));
		}
		buf_add(b, chunk, (size_t)got);
	}
	close(fd);
	return 0;
}

/*
 * replace_file writes text to path through a new temporary file beside
 * it, fsynced and renamed over path, and the directory fsynced: a crash
 * leaves the old rules.tsv or the new one, never half of one.
 */
static int
replace_file(const char *dir, const char *path, const struct buf *text, struct rs_err *e)
{
	struct buf tmp = BUF_INIT;
	size_t off = 0;
	ssize_t got;
	int fd, dfd, rc = -1;

	buf_printf(&tmp, "%s.init-%ld", path, (long)getpid());
	if ((fd = open(tmp.p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) == -1) {
		err_set(e, RS_EIO, tmp.p, "cannot create: %s", strerror(errno));
		goto done;
	}
	while (off < text->len) {
		got = write(fd, text->p + off, text->len - off);
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			break;
		off += (size_t)got;
	}
	if (off < text->len || fsync(fd) == -1) {
		err_set(e, RS_EIO, tmp.p, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(tmp.p);
		goto done;
	}
	close(fd);
	if (rename(tmp.p, path) == -1) {
		err_set(e, RS_EIO, path, "cannot replace: %s", strerror(errno));
		unlink(tmp.p);
		goto done;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	rc = 0;
done:
	buf_free(&tmp);
	return rc;
}

/* check_key refuses to change a site key that is set; returns 1 if value must be added, 0 if already there, -1 on refusal. */
static int
check_key(const char *key, const char *set, const char *value, struct rs_err *e)
{
	if (value == NULL || strcmp(set, value) == 0)
		return 0;
	if (set[0] == '\0')
		return 1;
	return err_set(e, RS_EDATA, key, "already set to %s; refusing to change it to %s "
	    "(the rows already written depend on it)", set, value);
}

int
site_init(const char *dir, const char *zone, const char *dflt, const char *code,
    int *changed, struct rs_err *e)
{
	struct buf text = BUF_INIT;
	struct rules r;
	char *path = rules_path(dir);
	int addz, addc, rc = -1;

	*changed = 0;
	if (zone != NULL && !time_zone_valid(zone)) {
		err_set(e, RS_EDATA, "--zone", "unknown zone '%s' (want an IANA zone "
		    "name of the system's zone database, e.g. Asia/Shanghai)", zone);
		goto done;
	}
	if (code != NULL && !id_code_valid(code, strlen(code))) {
		err_set(e, RS_EDATA, "--site", "bad site code '%s' (want 2-8 characters "
		    "of A-Z and 0-9, at least one a letter)", code);
		goto done;
	}
	if (rules_load(dir, &r, e) == -1)
		goto done;
	if (zone == NULL && r.site_zone[0] == '\0') {
		if (dflt == NULL) {
			err_set(e, RS_EUSAGE, "init", "TZ does not name a zone: "
			    "give the site's zone with --zone (e.g. --zone Asia/Shanghai)");
			goto done;
		}
		zone = dflt;
	}
	if ((addz = check_key("site.zone", r.site_zone, zone, e)) == -1 ||
	    (addc = check_key("site.code", r.site_code, code, e)) == -1)
		goto done;
	if (make_dirs(dir, e) == -1)
		goto done;
	if (addz == 0 && addc == 0) {
		rc = 0;
		goto done;
	}
	/* The lines people wrote stay as they are; the keys are added at the end. */
	if (read_all(path, &text, e) == -1)
		goto done;
	if (text.len > 0 && text.p[text.len - 1] != '\n')
		buf_addc(&text, '\n');
	if (addz)
		buf_printf(&text, "site.zone\t%s\n", zone);
	if (addc)
		buf_printf(&text, "site.code\t%s\n", code);
	if (replace_file(dir, path, &text, e) == -1)
		goto done;
	*changed = 1;
	rc = 0;
done:
	buf_free(&text);
	free(path);
	return rc;
}
