/*
 * i18n.h - messages in the user's language through gettext (text domain
 * "rs"). _() translates a message for people; N_() only marks a string
 * for xgettext (tables translated where they are used); C_() translates
 * a word in a context ("column": a report column heading, "value": an
 * enum value shown in a report), so that one English word may have two
 * translations. Machine formats (tsv, csv, json) never go through these.
 */
#ifndef RS_I18N_H
#define RS_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) s
#define C_(ctx, s) i18n_pgettext(ctx, s)
#define NC_(ctx, s) s

/*
 * i18n_init sets the locale from the environment (LC_NUMERIC stays "C"
 * so that printf and strtod keep '.') and binds the "rs" domain to
 * $RS_LOCALEDIR, else the build tree's catalogue beside the running
 * binary (bin/../build/locale), else LOCALEDIR (PREFIX/share/locale).
 */
void i18n_init(void);

/* i18n_pgettext translates id in context ctx; id itself when there is no translation ("" stays ""). */
const char *i18n_pgettext(const char *ctx, const char *id);

#endif
