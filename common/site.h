/*
 * site.h - making a journal directory a site (SPEC 3.0): rs-journal
 * init writes site.zone and site.code into rules.tsv, once.
 *
 * Reading the site is rules_load and rules_apply_site (rules.h); this
 * module only creates it, because the keys, once set, must never change
 * under rows already written with them.
 */
#ifndef RS_SITE_H
#define RS_SITE_H

struct rs_err;

/*
 * site_init creates dir (mode 0700, with missing parents) and sets
 * site.zone to zone and, if code is not NULL, site.code to code in its
 * rules.tsv (created 0600, or extended: its other lines stay as they
 * are), by a temporary file, fsync and rename. zone NULL keeps a zone
 * already set, else takes dflt (NULL: RS_EUSAGE asking for --zone). A
 * key already set to another value is RS_EDATA and nothing changes; the
 * same values again change nothing and set *changed to 0 (else 1). A
 * zone not in the zone database or a bad code is RS_EDATA. Returns 0,
 * or -1 with e set.
 */
int site_init(const char *dir, const char *zone, const char *dflt, const char *code,
    int *changed, struct rs_err *e);

#endif
