# 85-systemd.sh - the example units of contrib/systemd (installed by the
# package under /usr/share/doc/rs-desk/examples/systemd):
#  - systemd-analyze verify passes on each, without a warning, once their
#    /usr/bin points at the tools under test (verify needs ExecStart's
#    binary to exist; 86-package.sh verifies the packaged copies against
#    the packaged tools);
#  - each timer fires when it should (systemd-analyze calendar from a
#    fixed base time);
#  - each service's command, run as systemd runs it (the unit's $$ and %%
#    unescaped, %i the instance, the environment of rs.default), does its
#    job on a copy of the samples at a fixed clock: `date` is a wrapper
#    that counts from $FAKE_NOW, and RS_NOW is the same instant.

U=$TOP/contrib/systemd
tcase "contrib/systemd: the units and the EnvironmentFile" 0 "$(printf '%s\n' \
    rs-archive.service rs-archive.timer rs-check.service rs-check.timer \
    rs-shift-day.timer rs-shift-night.timer rs-shift@.service \
    rs-weekly.service rs-weekly.timer rs.default)" '' ls "$U"

# --- every unit reads RS_DIR and RS_OUT from /etc/default/rs and is hardened
for s in rs-weekly.service rs-shift@.service rs-archive.service rs-check.service; do
	for k in 'EnvironmentFile=/etc/default/rs' 'User=rs' 'NoNewPrivileges=yes' \
	    'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' 'Type=oneshot'; do
		tok "$s: $k" grep -qx "$k" "$U/$s"
	done
done
# ProtectSystem=strict makes everything read-only but these: the reports
# are written to RS_OUT, the archive rewrites the journals; check writes
# nothing. They are the defaults of rs.default.
tcase "rs.default: RS_DIR and RS_OUT" 0 "$(printf '%s\n' RS_DIR=/srv/rs/journal RS_OUT=/srv/rs/reports)" '' \
    grep -E '^RS_(DIR|OUT)=' "$U/rs.default"
tcase "ReadWritePaths: the output or the journal directory, nothing else" 0 "$(printf '%s\n' \
    rs-archive.service:ReadWritePaths=/srv/rs/journal \
    rs-shift@.service:ReadWritePaths=/srv/rs/reports \
    rs-weekly.service:ReadWritePaths=/srv/rs/reports)" '' \
    sh -c "cd '$U' && grep -H '^ReadWritePaths=' *.service"

# --- systemd-analyze verify
if command -v systemd-analyze >/dev/null 2>&1; then
	mkdir "$T/units"
	for f in "$U"/rs-*; do
		sed "s|/usr/bin/|$BINDIR/|g" "$f" >"$T/units/${f##*/}"
	done
	for u in rs-weekly.service rs-weekly.timer rs-shift@day.service rs-shift@night.service \
	    rs-shift-day.timer rs-shift-night.timer rs-archive.service rs-archive.timer \
	    rs-check.service rs-check.timer; do
		tcase "systemd-analyze verify $u" 0 '' '' systemd-analyze verify --man=no "$T/units/$u"
	done
	# verify would pass a unit it cannot run: it must fail on a missing binary
	tcase "verify fails when the binary is missing" 1 '' \
	    "rs-check.service: Command /nonexistent/rs-journal is not executable: No such file or directory" \
	    sh -c "sed 's|^ExecStart=.*|ExecStart=/nonexistent/rs-journal check|' '$U/rs-check.service' >'$T/rs-check.service' &&
	    systemd-analyze verify --man=no '$T/rs-check.service'"

	# timers: the next run after Wednesday 2026-11-18 12:00 UTC (the
	# units use the system's time zone)
	next() { TZ=UTC systemd-analyze calendar --base-time='2026-11-18 12:00:00 UTC' \
	    "$(sed -n 's/^OnCalendar=//p' "$U/$1")" | sed -n 's/^ *Next elapse: //p'; }
	tcase "rs-weekly.timer: Monday 07:00" 0 "Mon 2026-11-23 07:00:00 UTC" '' next rs-weekly.timer
	tcase "rs-shift-day.timer: 20:00, when the day shift ends" 0 "Wed 2026-11-18 20:00:00 UTC" '' next rs-shift-day.timer
	tcase "rs-shift-night.timer: 08:00, when the night shift ends" 0 "Thu 2026-11-19 08:00:00 UTC" '' next rs-shift-night.timer
	tcase "rs-archive.timer: monthly, the 2nd at 03:00" 0 "Wed 2026-12-02 03:00:00 UTC" '' next rs-archive.timer
	tcase "rs-check.timer: nightly at 02:30" 0 "Thu 2026-11-19 02:30:00 UTC" '' next rs-check.timer
	tcase "the shift timers start their instance" 0 "$(printf '%s\n' \
	    rs-shift-day.timer:Unit=rs-shift@day.service rs-shift-night.timer:Unit=rs-shift@night.service)" '' \
	    sh -c "cd '$U' && grep -H '^Unit=' *.timer"
else
	echo "SKIP: $TFILE: systemd-analyze not installed (make deps installs systemd)"
fi

# --- the services' commands at work
mkdir -p "$T/fake" "$T/journal" "$T/out"
cp -p "$SAMPLES"/journal/* "$T/journal/"
cat >"$T/fake/date" <<'EOF'
#!/bin/sh
# date at a fixed clock: now and -d REL count from $FAKE_NOW
if [ "${1:-}" = -d ]; then d=$2; shift 2; exec /bin/date -d "$FAKE_NOW $d" "$@"; fi
exec /bin/date -d "$FAKE_NOW" "$@"
EOF
chmod +x "$T/fake/date"
# run SERVICE INSTANCE 'YYYY-MM-DD HH:MM': the unit's ExecStart under the
# environment of rs.default, with RS_DIR and RS_OUT in the scratch dir
run() {
	_cmd=$(sed -n 's/^ExecStart=//p' "$U/$1" | sed "s/\\\$\\\$/\$/g; s/%%/%/g; s/%i/$2/g; s|/usr/bin/|$BINDIR/|g")
	env $(grep -E '^[A-Z_]+=' "$U/rs.default" | grep -v '^RS_') RS_DIR="$T/journal" RS_OUT="$T/out" \
	    PATH="$T/fake:$PATH" FAKE_NOW="$3:00 +0800" RS_NOW="$(echo "$3" | tr ' ' T):00+08:00" \
	    sh -c "$_cmd"
}
tcase "rs-weekly on Monday 2026-11-23 07:00" 0 '' '' run rs-weekly.service '' '2026-11-23 07:00'
RS_NOW=2026-11-23T07:00:00+08:00 rs-report -d "$SAMPLES/journal" weekly --week 2026-W47 -f html >"$T/want.html"
tsame "review-2026-W47.html: last week's html review" "$T/want.html" "$T/out/review-2026-W47.html"
tcase "rs-shift@night at 08:00" 0 '' '' run rs-shift@.service night '2026-11-22 08:00'
RS_NOW=2026-11-22T08:00:00+08:00 rs-report -d "$SAMPLES/journal" shift --date 2026-11-21 --shift night -f md >"$T/want.md"
tsame "shift-2026-11-21-night.md: the night that began the day before" "$T/want.md" "$T/out/shift-2026-11-21-night.md"
tcase "rs-shift@day at 20:00" 0 '' '' run rs-shift@.service day '2026-11-22 20:00'
RS_NOW=2026-11-22T20:00:00+08:00 rs-report -d "$SAMPLES/journal" shift --date 2026-11-22 --shift day -f md >"$T/want.md"
tsame "shift-2026-11-22-day.md: the day shift of that day" "$T/want.md" "$T/out/shift-2026-11-22-day.md"
tcase "rs-shift@ with a bad instance: rs-report's usage error, exit 2" 2 '' '*' \
    run rs-shift@.service evening '2026-11-22 20:00'
tcase "the reports and nothing else in RS_OUT (no temporary file left)" 0 "$(printf '%s\n' \
    review-2026-W47.html shift-2026-11-21-night.md shift-2026-11-22-day.md)" '' ls "$T/out"

tcase "rs-check: the samples are clean" 0 '' '' run rs-check.service '' '2026-11-23 02:30'
rs-journal -d "$T/journal" cat cases >"$T/cases.before"
tcase "rs-archive on 2027-01-02 03:00" 0 '' '*' run rs-archive.service '' '2027-01-02 03:00'
tok "November is archived (--before 2026-12)" test -f "$T/journal/cases.2026-11.tsv.gz"
tok "October stays archived" test -f "$T/journal/cases.2026-10.tsv.gz"
rs-journal -d "$T/journal" cat cases >"$T/cases.after"
tsame "the archive moved the rows, none lost or added" "$T/cases.before" "$T/cases.after"
tcase "rs-check after the archive" 0 '' '' run rs-check.service '' '2027-01-03 02:30'
printf 'bad row\n' >>"$T/journal/cases.tsv"
tcase "rs-check fails on a bad row (the unit fails: exit 1)" 1 '*' '' run rs-check.service '' '2027-01-03 02:30'
