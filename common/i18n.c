/* i18n.c - locale and message catalogue set-up, words in context; see i18n.h. */
#include <sys/stat.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * The catalogue of the build tree, when the running binary is one of a
 * build tree (the Makefile names the place relative to bin/), so that
 * bin/rs-report speaks Chinese before make install; NULL otherwise. An
 * installed binary finds no such directory beside it and uses LOCALEDIR.
 */
static const char *
i18n_builddir(void)
{
#ifdef RS_BUILD_LOCALEDIR
	static char dir[PATH_MAX];
	struct stat st;
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n <= 0)
		return NULL;
	dir[n] = '\0';
	if ((slash = strrchr(dir, '/')) == NULL)
		return NULL;
	slash[1] = '\0';
	if (strlen(dir) + sizeof(RS_BUILD_LOCALEDIR) > sizeof(dir))
		return NULL;
	strcat(dir, RS_BUILD_LOCALEDIR);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	return dir;
#else
	return NULL;
#endif
}

/* The language rs has a catalogue for (po/LINGUAS of the Makefile). */
#define I18N_SHIPPED "zh_CN"

/* wanted returns the language the environment asks for messages in (gettext's order), "" for none. */
static const char *
wanted(const char **var)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0') {
			*var = vars[i];
			return v;
		}
	*var = "LANG";
	return "";
}

/*
 * i18n_check says on stderr, once, why a Chinese locale still gets
 * English: the locale is not installed, or no catalogue is where the
 * tool looks (a build tree without make, an install without the .mo).
 * Other languages have no catalogue to miss and stay silent.
 */
static void
i18n_check(const char *dir, int locale_ok)
{
	char path[PATH_MAX];
	const char *var, *lang = wanted(&var);
	struct stat st;

	if (strncmp(lang, "zh", 2) != 0)
		return;
	if (!locale_ok && strcmp(var, "LANGUAGE") != 0) {
		err_warn(var, _("locale %s is not installed (see locale -a): messages stay in "
		    "English"), lang);
		return;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/rs.mo", dir,
	    I18N_SHIPPED) >= sizeof(path) || stat(path, &st) != 0)
		err_warn(dir, _("no catalogue %s/LC_MESSAGES/rs.mo here (make builds it, make "
		    "install installs it; RS_LOCALEDIR names another place): messages stay "
		    "in English"), I18N_SHIPPED);
}

void
i18n_init(void)
{
	const char *dir = getenv("RS_LOCALEDIR");

	/*
	 * Only the character type (display widths, UTF-8) and the language
	 * of messages follow the environment: numbers keep '.', times and
	 * sorting stay those of the C locale, so outputs do not change.
	 */
	const char *loc;

	setlocale(LC_CTYPE, "");
	loc = setlocale(LC_MESSAGES, "");
	if (dir == NULL || *dir == '\0')
		dir = i18n_builddir();
	if (dir == NULL)
		dir = LOCALEDIR;
	bindtextdomain("rs", dir);
	bind_textdomain_codeset("rs", "UTF-8");
	textdomain("rs");
	i18n_check(dir, loc != NULL);
}

const char *
i18n_pgettext(const char *ctx, const char *id)
{
	char key[256];
	const char *t;
	int n;

	if (id == NULL || *id == '\0')
		return id;
	n = snprintf(key, sizeof(key), "%s\004%s", ctx, id);
	if (n < 0 || (size_t)n >= sizeof(key))
		return id;
	t = gettext(key);
	return t == key ? id : t;
}

/*
 * The words reports show for their column keys and enum values, for
 * xgettext only (make pot): text, md and html look them up with C_()
 * at render time; tsv, csv and json keep the keys and values as they are.
 */
static const char *const labels[] __attribute__((unused)) = {
	NC_("column", "action"), NC_("column", "age_min"), NC_("column", "agent"),
	NC_("column", "arrival_sla_pct"), NC_("column", "as_of"), NC_("column", "attempts"),
	NC_("column", "by"), NC_("column", "call_at"), NC_("column", "case_id"),
	NC_("column", "cases"), NC_("column", "category"), NC_("column", "channel"),
	NC_("column", "complainant_callbacks"), NC_("column", "complainant_satisfaction_pct"),
	NC_("column", "complainant_satisfied"), NC_("column", "complaint_id"),
	NC_("column", "contact_due"),
	NC_("column", "complaints"), NC_("column", "complaints_change"),
	NC_("column", "count"), NC_("column", "csat_pct"), NC_("column", "customer"),
	NC_("column", "details"), NC_("column", "dispatch_sla_pct"), NC_("column", "done"),
	NC_("column", "done_at"), NC_("column", "due"), NC_("column", "due_at"),
	NC_("column", "due_by"), NC_("column", "due_from"), NC_("column", "event"),
	NC_("column", "first_contact_met"), NC_("column", "first_contact_missed"),
	NC_("column", "first_contact_pct"), NC_("column", "first_contact_pending"),
	NC_("column", "from"), NC_("column", "journal"), NC_("column", "kind"),
	NC_("column", "late"), NC_("column", "level"), NC_("column", "median_min"),
	NC_("column", "met"), NC_("column", "minutes"), NC_("column", "missed"),
	NC_("column", "name"), NC_("column", "next"), NC_("column", "nps"),
	NC_("column", "open"), NC_("column", "open_at_end"), NC_("column", "opened_at"),
	NC_("column", "overdue"), NC_("column", "owner"), NC_("column", "p90_min"),
	NC_("column", "pct"), NC_("column", "pending"), NC_("column", "per_1000"),
	NC_("column", "per_1000_change"), NC_("column", "period"), NC_("column", "phone"),
	NC_("column", "plate"), NC_("column", "previous_cases"),
	NC_("column", "previous_complaints"), NC_("column", "previous_per_1000"),
	NC_("column", "priority"), NC_("column", "provider"), NC_("column", "resolve_due"),
	NC_("column", "resolved_in_time_met"), NC_("column", "resolved_in_time_missed"),
	NC_("column", "resolved_in_time_pct"), NC_("column", "resolved_in_time_pending"),
	NC_("column", "responsible"), NC_("column", "road"), NC_("column", "service"),
	NC_("column", "shift"), NC_("column", "state"), NC_("column", "status"),
	NC_("column", "step"), NC_("column", "target"), NC_("column", "target_met"),
	NC_("column", "time"), NC_("column", "to"), NC_("column", "week"),
	/* The complaint team and the scorecards. */
	NC_("column", "amount"), NC_("column", "arrive_median_min"), NC_("column", "arrive_met"),
	NC_("column", "arrive_missed"), NC_("column", "arrive_pct"), NC_("column", "at"),
	NC_("column", "cancelled"), NC_("column", "compensation"), NC_("column", "completed"),
	NC_("column", "dispatch_pct"), NC_("column", "file_pct"), NC_("column", "flags"),
	NC_("column", "handler"), NC_("column", "items"), NC_("column", "jobs"),
	NC_("column", "notify_pct"), NC_("column", "per_1000_jobs"),
	NC_("column", "provider_id"), NC_("column", "remedy"),
	NC_("column", "responsible_complaints"), NC_("column", "suggestion"),
	NC_("column", "total"), NC_("value", "remedy"),
	/* The columns of journal rows, named in the details of rs-report case. */
	NC_("column", "amount"), NC_("column", "at"), NC_("column", "attitude"),
	NC_("column", "can_start"), NC_("column", "comment"), NC_("column", "demand"),
	NC_("column", "dest_lat"), NC_("column", "dest_lon"),
	NC_("column", "destination"), NC_("column", "distance_km"),
	NC_("column", "energy"), NC_("column", "eta"), NC_("column", "eta_promised"),
	NC_("column", "fault"), NC_("column", "fee"), NC_("column", "flags"),
	NC_("column", "handler"), NC_("column", "injuries"), NC_("column", "lat"),
	NC_("column", "location"), NC_("column", "lon"), NC_("column", "medical"),
	NC_("column", "note"), NC_("column", "outcome"), NC_("column", "overall"),
	NC_("column", "police"), NC_("column", "professionalism"),
	NC_("column", "program"), NC_("column", "quote"), NC_("column", "reason"),
	NC_("column", "ref"), NC_("column", "remedy"), NC_("column", "resolved"),
	NC_("column", "result"), NC_("column", "scheduled_at"),
	NC_("column", "suggestion"), NC_("column", "symptom"),
	NC_("column", "technician"), NC_("column", "timeliness"), NC_("column", "ts"),
	NC_("column", "vehicle"),
	NC_("details", "="), NC_("details", "; "),
	NC_("shift", "day"), NC_("shift", "night"),
	NC_("value", "accident"), NC_("value", "action"), NC_("value", "action-done"),
	NC_("value", "agent"), NC_("value", "amended"), NC_("value", "apology"),
	NC_("value", "app"), NC_("value", "arrive"), NC_("value", "arrived"),
	NC_("value", "assigned"), NC_("value", "attitude"), NC_("value", "audit"),
	NC_("value", "audit callback"), NC_("value", "battery"), NC_("value", "booking"),
	NC_("value", "brake"), NC_("value", "callbacks"), NC_("value", "cancelled"),
	NC_("value", "cases"), NC_("value", "chauffeur"), NC_("value", "city"),
	NC_("value", "closed"), NC_("value", "compensation"), NC_("value", "complaint"),
	NC_("value", "complaint callback"), NC_("value", "complaints"),
	NC_("value", "completed"), NC_("value", "contacted"), NC_("value", "customer"),
	NC_("value", "damage"), NC_("value", "day"), NC_("value", "dispatch"),
	NC_("value", "electrical"), NC_("value", "engine"), NC_("value", "enroute"),
	NC_("value", "escalated"), NC_("value", "ev"), NC_("value", "ev-system"),
	NC_("value", "excluded"), NC_("value", "fee"), NC_("value", "file"),
	NC_("value", "fuel"), NC_("value", "highway"), NC_("value", "hybrid"),
	NC_("value", "ice"), NC_("value", "investigated"), NC_("value", "investigating"),
	NC_("value", "jumpstart"), NC_("value", "jumpstarted"), NC_("value", "late"),
	NC_("value", "location"), NC_("value", "lockout"), NC_("value", "met"),
	NC_("value", "missed"), NC_("value", "month"), NC_("value", "n"),
	NC_("value", "night"), NC_("value", "no-answer"), NC_("value", "no-show"),
	NC_("value", "none"), NC_("value", "notified"), NC_("value", "notify"),
	NC_("value", "open"), NC_("value", "opened"), NC_("value", "other"),
	NC_("value", "partial-refund"), NC_("value", "partner"), NC_("value", "pending"),
	NC_("value", "period"), NC_("value", "phone"), NC_("value", "platform"),
	NC_("value", "provider"), NC_("value", "reached"), NC_("value", "refuelled"),
	NC_("value", "refund"), NC_("value", "refused"), NC_("value", "remote"),
	NC_("value", "reopened"), NC_("value", "repair"), NC_("value", "repaired"),
	NC_("value", "resolved"), NC_("value", "rural"), NC_("value", "second"),
	NC_("value", "second callback"), NC_("value", "service"),
	NC_("value", "service callback"), NC_("value", "software"), NC_("value", "technical"),
	NC_("value", "third-party"), NC_("value", "tow"), NC_("value", "towed"),
	NC_("value", "transfer"), NC_("value", "transmission"), NC_("value", "transported"),
	NC_("value", "tyre"), NC_("value", "tyre-changed"), NC_("value", "undetermined"),
	NC_("value", "unknown"), NC_("value", "unlocked"), NC_("value", "unresolved"),
	NC_("value", "upgrade"), NC_("value", "voucher"), NC_("value", "walkin"),
	NC_("value", "web"), NC_("value", "week"), NC_("value", "winch"),
	NC_("value", "wrong-number"), NC_("value", "y"),
	/* Booked jobs, the customer's agreement and cancellation reasons (SPEC 4.2). */
	NC_("column", "reason"), NC_("value", "authorized"), NC_("value", "by-phone"),
	NC_("value", "duplicate"), NC_("value", "gone-on-arrival"), NC_("value", "no-provider"),
};
