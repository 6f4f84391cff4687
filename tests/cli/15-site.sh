# 15-site.sh - the site: one center, one clock (SPEC 3.0, 3.3, 5 "Time
# input", 9 site keys, 10 "Periods"). rs-journal init; the check warning;
# bad site keys; every report and list byte-identical under any TZ when
# site.zone is set; ids found whatever the reader's zone; writers under
# TZ=UTC into a Shanghai site; ids with a site code and the per-day
# sequence across both forms; shifts of a New York site on DST days.

W_UNSET=$NOZONE
ZONES="UTC Asia/Shanghai America/New_York Asia/Kolkata"
BASE="--phone 13800000000 --location 深南大道1号 --service tyre"

# --- rs-journal init ---------------------------------------------------------
d=$T/init/a/b
tcase 'init: zone from TZ, code given, parents made' 0 '' '' \
    env TZ=Asia/Shanghai rs-journal -d "$d" init --site SZ01
tfile 'init: rules.tsv holds the site' "site.zone	Asia/Shanghai
site.code	SZ01" "$d/rules.tsv"
tok 'init: directory is 0700' test "$(stat -c %a "$d")" = 700
tok 'init: rules.tsv is 0600' test "$(stat -c %a "$d/rules.tsv")" = 600
before=$(stat -c %Y.%i "$d/rules.tsv")
tcase 'init: the same values again' 0 '' '' \
    rs-journal -d "$d" init --zone Asia/Shanghai --site SZ01
tcase 'init: no option on a site keeps it (TZ is not a request)' 0 '' '' \
    env TZ=Europe/Paris rs-journal -d "$d" init
tok 'init: the same values change nothing' test "$(stat -c %Y.%i "$d/rules.tsv")" = "$before"
tcase 'init: refuses to change the zone' 1 '' \
    'rs-journal: site.zone: already set to Asia/Shanghai; refusing to change it to Europe/Paris (the rows already written depend on it)' \
    rs-journal -d "$d" init --zone Europe/Paris --site SZ01
tcase 'init: refuses to change the code' 1 '' \
    'rs-journal: site.code: already set to SZ01; refusing to change it to GZ (the rows already written depend on it)' \
    rs-journal -d "$d" init --site GZ
tfile 'init: refused: rules.tsv unchanged' "site.zone	Asia/Shanghai
site.code	SZ01" "$d/rules.tsv"
tcase 'init: TZ not an IANA name, no --zone' 2 '' \
    "rs-journal: init: TZ does not name a zone: give the site's zone with --zone (e.g. --zone Asia/Shanghai) (see rs-journal init --help)" \
    env TZ=CST-8 rs-journal -d "$T/init/c" init
tcase 'init: no TZ, no --zone' 2 '' '*' env -u TZ rs-journal -d "$T/init/c" init
tcase 'init: unknown zone' 1 '' \
    "rs-journal: --zone: unknown zone 'Mars/Base' (want an IANA zone name of the system's zone database, e.g. Asia/Shanghai)" \
    rs-journal -d "$T/init/c" init --zone Mars/Base
tcase 'init: a path is not a zone' 1 '' '*' rs-journal -d "$T/init/c" init --zone ../../etc/passwd
for code in s SZ_1 0101 ABCDEFGHI sz; do
	tcase "init: bad code '$code'" 1 '' \
	    "rs-journal: --site: bad site code '$code' (want 2-8 characters of A-Z and 0-9, at least one a letter)" \
	    rs-journal -d "$T/init/c" init --zone UTC --site "$code"
done
tok 'init: refused commands create nothing' test ! -e "$T/init/c"
tcase 'init: zone from TZ=:Area/City' 0 '' '' env TZ=:Asia/Kolkata rs-journal -d "$T/init/k" init
tfile 'init: Kolkata, no code' "site.zone	Asia/Kolkata" "$T/init/k/rules.tsv"
mkdir -p "$T/init/r"
printf '# our desk\nsla.file_min\t4' >"$T/init/r/rules.tsv"
tcase 'init: an existing rules.tsv gains the keys' 0 '' '' rs-journal -d "$T/init/r" init --zone UTC --site HQ
tfile 'init: the lines people wrote stay' "# our desk
sla.file_min	4
site.zone	UTC
site.code	HQ" "$T/init/r/rules.tsv"
tcase 'init: code added later to a site' 0 '' '' rs-journal -d "$T/init/k" init --site IN1
tfile 'init: code added' "site.zone	Asia/Kolkata
site.code	IN1" "$T/init/k/rules.tsv"
tcase 'init: unexpected argument' 2 '' '*' rs-journal -d "$T/init/k" init extra

# --- check: the warning when site.zone is unset --------------------------------
jdir
rs-intake -q $BASE >/dev/null
tcase 'check: site.zone unset: one warning, exit 0' 0 '' "$W_UNSET" rs-journal check
printf 'x\n' >>"$RS_DIR/cases.tsv"
tcase 'check: the warning leaves the exit code alone' 1 \
    'cases.tsv:3: wrong number of fields: 1, want 33' "$W_UNSET" rs-journal check
rs-journal init --zone Asia/Shanghai
tcase 'check: site.zone set: no warning' 1 \
    'cases.tsv:3: wrong number of fields: 1, want 33' '' rs-journal check

# --- bad site keys: every tool, exit 1 naming the line ----------------------
jdir
mkdir -p "$RS_DIR"
printf 'sla.file_min\t3\nsite.zone\tMars/Base\n' >"$RS_DIR/rules.tsv"
BADZ="rs-TOOL: $RS_DIR/rules.tsv:2: bad value 'Mars/Base' for site.zone (want an IANA zone name of the system, e.g. Asia/Shanghai)"
for c in "rs-intake list" "rs-intake $BASE" "rs-dispatch list" "rs-complain list" \
    "rs-callback due" "rs-report shift" "rs-journal cat cases"; do
	tool=${c%% *}
	# shellcheck disable=SC2086
	tcase "bad site.zone: $c" 1 '' "${BADZ/rs-TOOL/$tool}" $c
done
tcase 'bad site.zone: check reports the line' 1 \
    "rules.tsv:2: bad value 'Mars/Base' for site.zone (want an IANA zone name of the system, e.g. Asia/Shanghai)" \
    '' rs-journal check rules
tok 'bad site.zone: nothing written' test ! -e "$RS_DIR/cases.tsv"
printf 'site.code\tSZ-1\n' >"$RS_DIR/rules.tsv"
tcase 'bad site.code: exit 1 naming the line' 1 '' \
    "rs-intake: $RS_DIR/rules.tsv:1: bad value 'SZ-1' for site.code (want 2-8 characters of A-Z and 0-9, at least one a letter)" \
    rs-intake $BASE

# --- the samples under four TZs: byte-identical reports and lists ----------
# The samples' rules.tsv sets site.zone Asia/Shanghai. Each command runs
# under every zone of $ZONES; the output must be the same bytes as under
# Asia/Shanghai (the zone every figure of the samples was made in), and
# not empty. Options that are read as times (--date, --week, --since,
# --until, --as-of without an offset, HH:MM) are read in the site's zone.
S=$SAMPLES/journal
A="--as-of 2026-11-23T00:00+08:00"
i=0
while IFS= read -r c; do
	[ -z "$c" ] && continue
	i=$((i + 1))
	for z in $ZONES; do
		# shellcheck disable=SC2086
		env TZ="$z" $c -d "$S" >"$T/tz.$i.${z//\//_}" 2>&1
		echo "rc=$?" >>"$T/tz.$i.${z//\//_}"
	done
	tok "samples: '$c' is not empty" test "$(wc -l <"$T/tz.$i.Asia_Shanghai")" -gt 2
	for z in UTC America_New_York Asia_Kolkata; do
		tsame "samples: '$c' under TZ=$z = under Asia/Shanghai" \
		    "$T/tz.$i.Asia_Shanghai" "$T/tz.$i.$z"
	done
done <<EOF
rs-report shift $A
rs-report shift $A -f json
rs-report shift --date 2026-11-22 --shift night $A -f tsv
rs-report shift --since 2026-11-22T06:00 --until 14:00 $A
rs-report weekly $A
rs-report weekly $A -f json
rs-report weekly --week 2026-W46 $A -f tsv
rs-report kpi $A
rs-report kpi $A -f json
rs-report kpi --by week $A -f tsv
rs-report kpi --by month --since 2026-10-26 $A -f csv
rs-report case RS-SZ-20261122-0001 $A
rs-report case RS-SZ-20261101-0001 $A -f json
rs-intake list --since 2026-11-22 --until 2026-11-22T08:00 $A
rs-intake list --open $A -f table
rs-dispatch list $A
rs-dispatch list --all $A -f table
rs-complain list --since 2026-11-20 $A
rs-complain list --open --overdue $A -f json
rs-callback list --since 2026-11-22 $A
rs-callback due $A
rs-callback due --as-of 2026-11-22T07:30 -f table
rs-journal cat cases --since 2026-11-22T00:00 --until 2026-11-22T01:00 -f table
EOF

# Ids whose date is not the UTC date (opened 00:00-07:59 in Shanghai),
# and the first and last of a day, are found under every TZ.
for id in RS-SZ-20261101-0001 RS-SZ-20261101-0002 RS-SZ-20261122-0001 \
    RS-SZ-20261122-0003 RS-SZ-20261105-0239 RS-SZ-20261103-0195 \
    "$(awk -F'\t' '$4 == "opened" { id = $3 } END { print id }' "$S/cases.tsv")"; do
	for z in $ZONES; do
		tcase "samples: case $id found under TZ=$z" 0 '*' '' \
		    env TZ="$z" rs-report case "$id" -d "$S" $A -f tsv --section summary
	done
done

# --- a site without site.zone: ids are found whatever the reader's zone ----
# Written in Shanghai at 00:30 (16:30 UTC the day before); read in UTC
# and in New York, where the id's date is not the date of its rows.
jdir
mkdir -p "$RS_DIR" && cp "$SAMPLES/providers.tsv" "$RS_DIR/"
env TZ=Asia/Shanghai RS_NOW=2026-11-22T00:30:00+08:00 rs-intake -q $BASE >/dev/null
env TZ=Asia/Shanghai RS_NOW=2026-11-22T00:40:00+08:00 rs-complain -q open --case RS-20261122-0001 \
    --category late --demand 道歉 >/dev/null
for z in UTC America/New_York Pacific/Kiritimati; do
	tcase "no site.zone: case found under TZ=$z" 0 'case_id	state
RS-20261122-0001	open' '' sh -c "env TZ=$z rs-report case RS-20261122-0001 \
	    --as-of 2026-11-22T01:00:00+08:00 -f tsv --section summary | cut -f1,2"
done
tcase 'no site.zone: assign under TZ=UTC finds the case' 0 '*' '' \
    env TZ=UTC RS_NOW=2026-11-22T00:50:00+08:00 rs-dispatch -q assign RS-20261122-0001 --provider P001 --force
tcase 'no site.zone: a complaint found under TZ=UTC' 0 'CP-20261122-0001' '' \
    env TZ=UTC RS_NOW=2026-11-22T00:55:00+08:00 rs-complain -q contact CP-20261122-0001
# Under UTC, 10:00Z is on the 22nd as RS-20261122-0001 (written at
# 16:30Z on the 21st): the next id of that date is 0002, not 0001 again.
tcase 'no site.zone: the next id under TZ=UTC is not a reused one' 0 'RS-20261122-0002' '' \
    env TZ=UTC RS_NOW=2026-11-22T10:00:00Z rs-intake -q $BASE

# --- writers under TZ=UTC into a Shanghai site ------------------------------
jdir
rs-journal init --zone Asia/Shanghai --site SZ
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
# 2026-11-21T17:00Z is 2026-11-22 01:00 in Shanghai: the id's date, the
# offsets written and --at 14:00 are the site's.
U="env TZ=UTC RS_NOW=2026-11-21T17:00:00Z"
tcase 'UTC writer: new id carries the code and the site date' 0 'RS-SZ-20261122-0001' '' $U rs-intake -q $BASE
tcase 'UTC writer: ts and at in +08:00' 0 '2026-11-22T01:00:00+08:00	2026-11-22T01:00:00+08:00' '' \
    sh -c "cut -f1,2 '$RS_DIR/cases.tsv' | sed -n 2p"
tcase 'UTC writer: --at 00:30 is the site clock' 0 'RS-SZ-20261122-0002' '' $U rs-intake -q $BASE --at 00:30
tcase 'UTC writer: at written +08:00' 0 '2026-11-22T00:30:00+08:00' '' \
    sh -c "cut -f2 '$RS_DIR/cases.tsv' | sed -n 3p"
# A row of the old form (before the site had a code) holds sequence 5:
# the next id of that date is 6, in the new form.
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 2 { $3 = "RS-20261122-0005"; print }' \
    "$RS_DIR/cases.tsv" >>"$RS_DIR/cases.tsv"
tcase 'UTC writer: the sequence runs across both forms' 0 'RS-SZ-20261122-0006' \
    'rs-intake: RS-SZ-20261122-0006: warning: possible duplicate call: RS-20261122-0005 (opened 2026-11-22T01:00:00+08:00) is still open with the same phone; the customer may be calling again about the same breakdown' \
    $U rs-intake -q $BASE
tcase 'both forms: the old one is found' 0 '*' '' $U rs-dispatch -q assign RS-20261122-0005 --provider P001 --force
tcase 'both forms: the new one is found' 0 '*' 'rs-dispatch: P001: provider is busy with another case' \
    $U rs-dispatch -q assign RS-SZ-20261122-0006 --provider P001 --force
tcase 'both forms: the code is part of the id' 1 '' "rs-dispatch: RS-20261122-0006: no such case; did you mean 'RS-20261122-0005'?" \
    $U rs-dispatch -q assign RS-20261122-0006 --provider P001 --force
tcase 'UTC writer: a complaint id with the code' 0 'CP-SZ-20261122-0001' 'rs-complain: CP-SZ-20261122-0001: level 1: no arrival yet, 30 min before its deadline' \
    $U rs-complain -q open --case RS-20261122-0005 --category late --demand 道歉
tcase 'UTC writer: check is clean' 0 '' '' rs-journal check
tcase 'UTC list: times in +08:00, both forms' 0 'RS-SZ-20261122-0001	2026-11-22T01:00:00+08:00
RS-SZ-20261122-0002	2026-11-22T00:30:00+08:00
RS-20261122-0005	2026-11-22T01:00:00+08:00
RS-SZ-20261122-0006	2026-11-22T01:00:00+08:00' '' \
    sh -c "$U rs-intake list -H | cut -f1,3"

# --- a New York site: shifts at their wall-clock start on DST days ----------
# shift.day 08:00-20:00 and shift.night 20:00-08:00 (SPEC 9 defaults).
# 2026-11-01: clocks go back at 02:00 (EDT -04:00 -> EST -05:00); the day
# shift is 08:00-20:00 EST, 12 hours; the night shift of 10-31 runs from
# 20:00 EDT to 08:00 EST, 13 hours. 2026-03-08: clocks go forward at
# 02:00 (EST -> EDT); day shift 08:00-20:00 EDT; the night of 03-07 runs
# 20:00 EST to 08:00 EDT, 11 hours.
jdir
rs-journal init --zone America/New_York
shift_window() {
	env TZ=UTC rs-report shift "$@" --as-of 2026-12-01T00:00:00-05:00 -f json |
	    sed -n 's/^  "\(from\|to\)": "\(.*\)",$/\2/p' | paste -sd' '
}
tcase 'NY day shift 2026-11-01: 08:00-20:00 local' 0 \
    '2026-11-01T08:00:00-05:00 2026-11-01T20:00:00-05:00' '' shift_window --date 2026-11-01 --shift day
tcase 'NY night before 2026-11-01 ends 08:00 local' 0 \
    '2026-10-31T20:00:00-04:00 2026-11-01T08:00:00-05:00' '' shift_window --date 2026-10-31 --shift night
tcase 'NY day shift 2026-03-08: 08:00-20:00 local' 0 \
    '2026-03-08T08:00:00-04:00 2026-03-08T20:00:00-04:00' '' shift_window --date 2026-03-08 --shift day
tcase 'NY night before 2026-03-08 ends 08:00 local' 0 \
    '2026-03-07T20:00:00-05:00 2026-03-08T08:00:00-04:00' '' shift_window --date 2026-03-07 --shift night
# A case at 07:30 local on 2026-11-01 (12:30Z) is in the night shift, one
# at 08:30 local (13:30Z) in the day shift: 1 case each.
env TZ=UTC RS_NOW=2026-11-01T12:30:00Z rs-intake -q $BASE >/dev/null
env TZ=UTC RS_NOW=2026-11-01T13:30:00Z rs-intake -q $BASE >/dev/null
for s in "2026-10-31 night" "2026-11-01 day"; do
	tcase "NY $s shift holds one case" 0 'cases
1' '' sh -c \
	    "env TZ=UTC rs-report shift --date ${s% *} --shift ${s#* } --as-of 2026-12-01T00:00:00-05:00 -f tsv --section summary | cut -f5"
done
tcase 'NY: the day of the change in a kpi is 25 hours' 0 '2026-10-31	0
2026-11-01	2
2026-11-02	0' '' sh -c "env TZ=Asia/Kolkata rs-report kpi --since 2026-10-31 --until 2026-11-03 --as-of 2026-11-02T12:00 -f tsv -H | cut -f1,2"
tcase 'NY: a local time the clock skips is exit 1' 1 '' \
    "rs-intake: --at: 2026-03-08T02:30 does not exist in the site's zone (the clock skips it for daylight saving)" \
    env TZ=UTC RS_NOW=2026-03-08T12:00:00Z rs-intake $BASE --at 2026-03-08T02:30
tcase 'NY: --as-of in the gap is exit 1' 1 '' \
    "rs-report: --as-of: 02:30 does not exist in the site's zone (the clock skips it for daylight saving)" \
    env TZ=UTC RS_NOW=2026-03-08T12:00:00Z rs-report shift --as-of 02:30
tcase 'NY: a local time that happens twice is the earlier' 0 '2026-11-01T01:30:00-04:00' '' \
    sh -c "env TZ=UTC RS_NOW=2026-11-01T12:00:00Z rs-intake -q $BASE --at 2026-11-01T01:30 >/dev/null &&
	cut -f2 '$RS_DIR/cases.tsv' | tail -1"
