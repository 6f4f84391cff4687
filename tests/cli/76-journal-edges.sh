# 76-journal-edges.sh - the smaller findings of the archive issue, each as
# SPEC now says (3, 3.1, 3.2, 3.4, 6): the journal directory, the lock
# timeout, the tail of a journal, refused writes on a torn journal, the
# cutoff, migrate, schema-less cat of a torn line, rules.tsv with a BOM.

NEW='--phone 13800000000 --location x --service tow'
# Another new call, from a phone not seen before: the same phone while its
# case is open is a duplicate-call warning, which is not what these test.
new() {
	_n=$(($(cat "$T/.phones" 2>/dev/null || echo 0) + 1))
	echo "$_n" >"$T/.phones"
	echo "--phone 1390000$(printf %04d "$_n") --location x --service tow"
}

###########################################################################
# The journal directory: read commands on one that does not exist exit 3;
# -d '' is a usage error in every tool; writers create missing parents.
nodir=$T/no-such-dir
while IFS='|' read -r name cmd; do
	# shellcheck disable=SC2086
	tcase "no directory: $name" 3 '' "${cmd%% *}: $nodir: no such journal directory" $cmd
done <<EOF
rs-journal check|rs-journal -d $nodir check
rs-journal cat cases|rs-journal -d $nodir cat cases
rs-intake list|rs-intake -d $nodir list
rs-dispatch list|rs-dispatch -d $nodir list
rs-complain list|rs-complain -d $nodir list
rs-callback due|rs-callback -d $nodir due
rs-callback list|rs-callback -d $nodir list
rs-report weekly|rs-report -d $nodir weekly
rs-report kpi|rs-report -d $nodir kpi
EOF
tok 'no directory: nothing created' test ! -e "$nodir"
tcase "-d '': rs-journal check" 2 '' "rs-journal: check: --dir: empty directory name (see rs-journal check --help)" \
    rs-journal -d '' check
tcase "-d '': rs-report weekly" 2 '' "rs-report: weekly: --dir: empty directory name (see rs-report weekly --help)" \
    rs-report weekly -d ''
tcase "-d '': rs-dispatch list" 2 '' "rs-dispatch: list: --dir: empty directory name (see rs-dispatch list --help)" \
    rs-dispatch list -d ''
tcase "-d '' (an argument of its own)" 2 '' "rs-intake: new: --dir: empty directory name (see rs-intake new --help)" \
    rs-intake -d '' $NEW
tcase "--dir= (empty)" 2 '' "rs-journal: check: --dir: empty directory name (see rs-journal check --help)" rs-journal --dir= check
tcase 'no ~/.local/share: the default directory is created with its parents' 0 'RS-20261122-0001' '' \
    env -u RS_DIR -u XDG_DATA_HOME HOME="$T/home" rs-intake -q $NEW
tcase 'no ~/.local/share: each created directory is 0700' 0 $'700\n700\n700' '' \
    stat -c %a "$T/home/.local" "$T/home/.local/share" "$T/home/.local/share/rs"

###########################################################################
# RS_LOCK_TIMEOUT that is not a number of seconds is exit 1, nothing written.
jdir
mkdir -p "$RS_DIR"
rs-intake -q $NEW >/dev/null
cp "$RS_DIR/cases.tsv" "$T/before.tsv"
for v in abc 1x -1 ' 5' inf 0x10 1e3 100000; do
	tcase "RS_LOCK_TIMEOUT='$v'" 1 '' \
	    "rs-intake: RS_LOCK_TIMEOUT: bad value '$v' (want a number of seconds, at most 86400)" \
	    env RS_LOCK_TIMEOUT="$v" rs-intake -q $NEW
done
tsame 'RS_LOCK_TIMEOUT bad: nothing written' "$T/before.tsv" "$RS_DIR/cases.tsv"
tcase "RS_LOCK_TIMEOUT bad, a new directory" 1 '' \
    "rs-intake: RS_LOCK_TIMEOUT: bad value 'abc' (want a number of seconds, at most 86400)" \
    env RS_LOCK_TIMEOUT=abc rs-intake -d "$T/new-dir" -q $NEW
tok 'RS_LOCK_TIMEOUT bad: no directory created' test ! -e "$T/new-dir"
for v in 0 0.5 10 86400; do
	tcase "RS_LOCK_TIMEOUT='$v' is good" 0 '*' '' env RS_LOCK_TIMEOUT="$v" rs-intake -q $(new)
done

###########################################################################
# A last row longer than 64 KiB: the next writer still finds the last ts
# (a clock behind it repeats it), and the row after it too.
jdir
mkdir -p "$RS_DIR"
big=$(head -c 100000 /dev/zero | tr '\0' 'x')
tcase 'long last row: written' 0 'RS-20261122-0001' '' rs-intake -q $NEW --note "$big"
tcase 'long last row: a writer with a clock behind' 0 'RS-20261122-0002' '' \
    env RS_NOW=2026-11-22T09:00:00+08:00 rs-intake -q $NEW
tcase 'long last row: the ts is repeated, never decreases' 0 $'2026-11-22T10:00:00+08:00\n2026-11-22T10:00:00+08:00' '' \
    sh -c "tail -n +2 '$RS_DIR/cases.tsv' | cut -f1"
tcase 'long last row: check clean' 0 '' "$NOZONE" rs-journal check

###########################################################################
# A refused write on a torn journal changes no byte (the newline that
# closes the fragment goes out only with rows); an accepted one closes it.
jdir
mkdir -p "$RS_DIR"
rs-intake -q $NEW >/dev/null
printf '2026-11-22T10:00:00+08:00\t2026-11' >>"$RS_DIR/cases.tsv"
cp "$RS_DIR/cases.tsv" "$T/torn.tsv"
while IFS='|' read -r name rc cmd; do
	# shellcheck disable=SC2086
	tcase "torn journal, refused: $name" "$rc" '' '*' $cmd
	tsame "torn journal, refused: $name: no byte changed" "$T/torn.tsv" "$RS_DIR/cases.tsv"
done <<'EOF'
amend of an unknown case|1|rs-intake amend RS-20261122-0099 --note x
a bad value|1|rs-intake --phone 12 --location x --service tow
EOF
tcase 'torn journal: an accepted write' 0 'RS-20261122-0002' '' rs-intake -q $(new)
tfile 'torn journal: the fragment is closed, then the row' "$(cat "$T/torn.tsv")" <(head -n -1 "$RS_DIR/cases.tsv")
tcase 'torn journal: the new row is the last line' 0 'RS-20261122-0002' '' sh -c "tail -n 1 '$RS_DIR/cases.tsv' | cut -f3"

###########################################################################
# The cutoff: a writer whose clock is behind the newest archive's month
# writes the cutoff instant (the first instant of the next month in the
# site's zone), so that its row is never skipped as archived.
jdir
mkdir -p "$RS_DIR"
RS_NOW=2026-10-10T10:00:00+08:00 rs-intake -q $NEW >/dev/null
RS_NOW=2026-11-01T08:00:00+08:00 rs-intake -q $NEW >/dev/null
rs-journal -q archive --before 2026-11
# Only the header stays live: no later row hides the cutoff.
head -1 "$RS_DIR/cases.tsv" >"$T/head.tsv" && cp "$T/head.tsv" "$RS_DIR/cases.tsv"
# The row's at defaults to its ts: the case is of November 1st.
tcase 'cutoff: a clock in an archived month' 0 'RS-20261101-0001' '' \
    env RS_NOW=2026-10-15T10:00:00+08:00 rs-intake -q $NEW
tcase 'cutoff: its ts is the end of October in the site zone' 0 '2026-11-01T00:00:00+08:00' '' \
    sh -c "tail -n 1 '$RS_DIR/cases.tsv' | cut -f1"
tcase 'cutoff: readers see it' 0 $'RS-20261010-0001\nRS-20261101-0001' '' sh -c 'rs-journal cat cases -H | cut -f3'
tcase 'cutoff: check clean' 0 '' "$NOZONE" rs-journal check
tcase 'cutoff: a ts in the future is reported' 1 "cases.tsv:3: ts 2026-11-22T10:06:00+08:00 is in the future (a writer's clock ahead?)" "$NOZONE" \
    sh -c "env RS_NOW=2026-11-22T10:06:00+08:00 rs-intake -q $NEW >/dev/null && rs-journal check"
tcase 'cutoff: 5 minutes ahead is not' 0 '' "$NOZONE" env RS_NOW=2026-11-22T10:01:00+08:00 rs-journal check

###########################################################################
# migrate: headers of older revisions or in another order are rewritten
# under the current header, every value under its column; writers refuse
# them first; archives keep theirs.
jdir
mkdir -p "$RS_DIR"
rs-intake -q $NEW --note first >/dev/null
cur=$(head -1 "$RS_DIR/cases.tsv")
# An older revision: the columns before the new ones, and another order.
cut -f1-28 "$RS_DIR/cases.tsv" | awk -F'\t' 'BEGIN { OFS = "\t" } { t = $28; $28 = $1; $1 = t; print }' >"$T/old.tsv"
cp "$T/old.tsv" "$RS_DIR/cases.tsv"
tcase 'migrate: a writer refuses an old header' 1 '' \
    "rs-intake: $RS_DIR/cases.tsv: the header is not the current one of cases; run 'rs-journal migrate cases' first" \
    rs-intake -q $NEW
tsame 'migrate: the refused writer wrote nothing' "$T/old.tsv" "$RS_DIR/cases.tsv"
tcase 'migrate: check names it' 1 "cases.tsv:1: header is not the current one of cases (want: $(echo "$cur" | tr '\t' ' ')); run 'rs-journal migrate cases'" "$NOZONE" \
    rs-journal check cases
tcase 'migrate: readers map it' 0 'first' '' sh -c 'rs-journal cat cases -H | cut -f28'
tcase 'migrate' 0 '' 'rs-journal: cases: migrated 1 row to the current header' rs-journal migrate cases
tcase 'migrate: the current header' 0 "$cur" '' head -1 "$RS_DIR/cases.tsv"
tcase 'migrate: values under their columns' 0 'first' '' sh -c "tail -n 1 '$RS_DIR/cases.tsv' | cut -f28"
tcase 'migrate: again is a no-op' 0 '' '' rs-journal migrate
tcase 'migrate: writers write again' 0 'RS-20261122-0002' '' rs-intake -q $(new)
tcase 'migrate: check clean' 0 '' "$NOZONE" rs-journal check
tcase 'migrate: not an event journal' 2 '' \
    "rs-journal: migrate: 'providers' is not an event journal (cases, dispatch, complaints, callbacks) (see rs-journal migrate --help)" \
    rs-journal migrate providers
printf 'ts\tat\tbogus\n' >"$RS_DIR/dispatch.tsv"
tcase 'migrate: an unknown column is exit 1' 1 '' "rs-journal: $RS_DIR/dispatch.tsv:1: unknown column 'bogus' of dispatch" \
    rs-journal migrate dispatch
tcase 'migrate: a directory without journals' 0 '' '' rs-journal -d "$T" migrate

###########################################################################
# cat of a schema-less file: its unterminated last line is validated like
# any other line; an invalid byte or a NUL never reaches JSON.
while IFS='|' read -r name bytes; do
	printf "a\tb\n1\t2\n$bytes" >"$T/nl.tsv"
	printf "a\tb\n1\t2\n$bytes\n" >"$T/nl2.tsv"
	rs-journal cat "$T/nl2.tsv" -f json >"$T/want.out" 2>"$T/want.err"
	rc=$?
	tcase "schema-less torn last line: $name: as if it had its newline" $rc "$(cat "$T/want.out")" \
	    "$(sed "s#nl2.tsv#nl.tsv#" "$T/want.err")" rs-journal cat "$T/nl.tsv" -f json
done <<'EOF'
an invalid byte|x\t\377
a NUL|x\t\000y
a C1 control|x\t\302\205
a good line|x\ty
EOF

###########################################################################
# rules.tsv with a UTF-8 BOM (saved by a Windows editor) is read.
jdir
mkdir -p "$RS_DIR"
printf '\357\273\277sla.file_min\t3\n' >"$RS_DIR/rules.tsv"
tcase 'rules.tsv with a BOM: check clean' 0 '' "$NOZONE" rs-journal check
tcase 'rules.tsv with a BOM: a writer reads it' 0 'RS-20261122-0001' '' rs-intake -q $NEW

###########################################################################
# Ids past sequence 99 999 999 a day (SPEC 4.1: more digits "without
# limit"; the key holds ten). The rows at 99999999 are written by hand;
# every later tool reads and writes the nine-digit ids, and both forms
# (without and with a site code) share the day's sequence.
jdir
mkdir -p "$RS_DIR"
rs-intake -q $NEW >/dev/null
sed -n 2p "$RS_DIR/cases.tsv" | sed 's/RS-20261122-0001/RS-20261122-99999999/' >>"$RS_DIR/cases.tsv"
tcase 'id 99999999 + 1: intake' 0 'RS-20261122-100000000' '' rs-intake -q $(new)
tcase 'id 99999999 + 1: list' 0 $'RS-20261122-0001\nRS-20261122-99999999\nRS-20261122-100000000' '' \
    sh -c 'rs-intake list -f tsv -H | cut -f1'
tcase 'id 99999999 + 1: amend' 0 'RS-20261122-100000000' '' \
    rs-intake amend -q RS-20261122-100000000 --note later
tcase 'id 99999999 + 1: case report' 0 $'  "case_id": "RS-20261122-100000000",\n    {"time": "2026-11-22T10:00:00+08:00", "journal": "cases", "event": "amended", "agent": "tester", "details": "note=later"}' '' \
    sh -c 'rs-report case RS-20261122-100000000 -f json | grep -E "case_id|amended"'
tcase 'id 99999999 + 1: shift handover' 0 $'RS-20261122-0001\nRS-20261122-99999999\nRS-20261122-100000000' '' \
    sh -c 'rs-report shift --since 09:00 --until 11:00 --section handover -f tsv -H | cut -f1'
tcase 'id 99999999 + 1: cat -f csv' 0 $'case_id\nRS-20261122-0001\nRS-20261122-99999999\nRS-20261122-100000000\nRS-20261122-100000000' '' \
    sh -c 'rs-journal cat cases -f csv | cut -d, -f3'
rs-complain open -q --case RS-20261122-100000000 --category attitude --demand x --level 1 >/dev/null
sed -n 2p "$RS_DIR/complaints.tsv" | sed 's/CP-20261122-0001/CP-20261122-99999999/' >>"$RS_DIR/complaints.tsv"
tcase 'id 99999999 + 1: complaint' 0 'CP-20261122-100000000' '' \
    rs-complain open -q --case RS-20261122-100000000 --category late --demand y --level 1
tcase 'id 99999999 + 1: complaint list' 0 $'CP-20261122-0001\nCP-20261122-99999999\nCP-20261122-100000000' '' \
    sh -c 'rs-complain list -f tsv -H | cut -f1'
tcase 'id 99999999 + 1: complaint contact' 0 'CP-20261122-100000000' '' rs-complain contact -q CP-20261122-100000000
printf 'site.code\tSZ01\n' >"$RS_DIR/rules.tsv"
tcase 'id 99999999 + 1: the coded form continues the sequence' 0 'RS-SZ01-20261122-100000001' '' rs-intake -q $(new)
tcase 'id 99999999 + 1: check clean' 0 '' "$NOZONE" rs-journal check

# The last sequence of a day: the next intake is a clean exit 1, no byte
# written; an id with eleven digits is a bad id to check.
jdir
mkdir -p "$RS_DIR"
rs-intake -q $NEW >/dev/null
sed -n 2p "$RS_DIR/cases.tsv" | sed 's/RS-20261122-0001/RS-20261122-9999999999/' >>"$RS_DIR/cases.tsv"
cp "$RS_DIR/cases.tsv" "$T/before.tsv"
tcase 'id at the last sequence: read back' 0 'RS-20261122-9999999999' '' \
    sh -c 'rs-intake list -f tsv -H | tail -n 1 | cut -f1'
tcase 'id at the last sequence: intake is exit 1' 1 '' \
    'rs-intake: RS-20261122: no id left on this date: the sequence of a day ends at 9999999999' rs-intake -q $NEW
tsame 'id at the last sequence: nothing written' "$T/before.tsv" "$RS_DIR/cases.tsv"
tcase 'id at the last sequence: another day still has ids' 0 'RS-20261123-0001' '' \
    env RS_NOW=2026-11-23T10:00:00+08:00 rs-intake -q $NEW
rs-complain open -q --case RS-20261122-9999999999 --category attitude --demand x >/dev/null
sed -n 2p "$RS_DIR/complaints.tsv" | sed 's/CP-20261122-0001/CP-20261122-9999999999/' >>"$RS_DIR/complaints.tsv"
cp "$RS_DIR/complaints.tsv" "$T/before.tsv"
tcase 'complaint id at the last sequence: exit 1' 1 '' \
    'rs-complain: CP-20261122: no id left on this date: the sequence of a day ends at 9999999999' \
    rs-complain open -q --case RS-20261122-9999999999 --category late --demand y
tsame 'complaint id at the last sequence: nothing written' "$T/before.tsv" "$RS_DIR/complaints.tsv"
# The first date an id can carry has day number 1 in the key, never the
# 0 that the id tables take for "none".
tcase 'id of 1000-01-01: a lookup finds nothing' 1 '' 'rs-report: RS-10000101-0001: no such case' \
    rs-report case RS-10000101-0001

###########################################################################
# The supported range of times (SPEC 5; man rs.7): local dates 1970-01-01
# to 9999-12-31 in the site's zone. Before it Shanghai had local mean time
# (+08:05:43, which the journal form cannot write); after it a year has
# five digits. A time outside is a bad value: exit 1, one line naming the
# option and the value, nothing written.
jdir
mkdir -p "$RS_DIR"
rs-intake -q $NEW >/dev/null
rs-complain open -q --case RS-20261122-0001 --category late --demand x >/dev/null
cp "$RS_DIR/cases.tsv" "$T/before.tsv"
cp "$RS_DIR/complaints.tsv" "$T/before-cp.tsv"
R='is outside the supported range 1970-01-01..9999-12-31'
while IFS='|' read -r name err cmd; do
	# shellcheck disable=SC2086
	tcase "range: $name" 1 '' "$err" $cmd
done <<EOF
--at 1899-12-31|rs-intake: --at: 1899-12-31 $R|rs-intake -q $NEW --at 1899-12-31
--at the last second of 1969|rs-intake: --at: 1969-12-31T23:59:59 $R|rs-intake -q $NEW --at 1969-12-31T23:59:59
--at 1970 at +14:00 is 1969 here|rs-intake: --at: 1970-01-01T00:00+14:00 $R|rs-intake -q $NEW --at 1970-01-01T00:00+14:00
--call-at 1899|rs-intake: --call-at: 1899-12-31T08:00 $R|rs-intake -q $NEW --call-at 1899-12-31T08:00
amend --call-at|rs-intake: --call-at: 1900-01-01 $R|rs-intake amend -q RS-20261122-0001 --call-at 1900-01-01
relative --at|rs-intake: --at: -30000d $R|rs-intake -q $NEW --at -30000d
complaint --at|rs-complain: --at: 1899-12-31 $R|rs-complain contact -q CP-20261122-0001 --at 1899-12-31
--due 1969-12-31|rs-complain: --due: 1969-12-31 $R|rs-complain action CP-20261122-0001 --action a --owner b --due 1969-12-31
report --as-of|rs-report: --as-of: 1899-12-31 $R|rs-report shift --as-of 1899-12-31
report --since|rs-report: --since: 1969-12-31 $R|rs-report shift --since 1969-12-31 --until 2026-11-22
list --since|rs-intake: --since: 1969-12-31 $R|rs-intake list --since 1969-12-31
shift --date 1969-12-31|rs-report: --date: 1969-12-31 $R|rs-report shift --date 1969-12-31
weekly --week 1970-W01 (from 1969-12-29)|rs-report: --week: 1970-W01 $R|rs-report weekly --week 1970-W01
weekly --week 9999-W52 (to 10000-01-02)|rs-report: --week: 9999-W52 $R|rs-report weekly --week 9999-W52
EOF
tsame 'range: no case row written' "$T/before.tsv" "$RS_DIR/cases.tsv"
tsame 'range: no complaint row written' "$T/before-cp.tsv" "$RS_DIR/complaints.tsv"
tcase 'range: --at 1970-01-01 is its first day' 0 '1970-01-01T00:00:00+08:00	RS-19700101-0001' '' \
    sh -c 'rs-intake -q $0 $1 $2 $3 $4 $5 --at 1970-01-01 >/dev/null && tail -n 1 "$RS_DIR/cases.tsv" | cut -f2,3' $NEW
# The month, week or day that holds 9999-12-31 (or the night shift that
# starts on it) ends at 10000-01-01 or later, which no four-digit year can
# write: exit 1. The day shift of 9999-12-31 ends at 20:00 and is fine.
while IFS='|' read -r name err cmd; do
	# shellcheck disable=SC2086
	tcase "range end: $name" 1 '' "$err" $cmd
done <<EOF
shift --date 9999-12-31 --shift night|rs-report: --date: the night shift of 9999-12-31 ends after the supported range 1970-01-01..9999-12-31|rs-report shift --date 9999-12-31 --shift night
kpi --by day|rs-report: the day 9999-12-31 runs to the end of the supported range 1970-01-01..9999-12-31 (end the report earlier: --until, --as-of)|rs-report kpi --as-of 9999-12-31T23:00 --by day
kpi --by week|rs-report: the week 9999-W52 runs to the end of the supported range 1970-01-01..9999-12-31 (end the report earlier: --until, --as-of)|rs-report kpi --as-of 9999-12-31T23:00 --by week
kpi --by month|rs-report: the month 9999-12 runs to the end of the supported range 1970-01-01..9999-12-31 (end the report earlier: --until, --as-of)|rs-report kpi --until 9999-12-31T12:00 --by month
EOF
tcase 'range end: the day shift of 9999-12-31' 0 $'  "shift": "9999-12-31 day",\n  "from": "9999-12-31T08:00:00+08:00",\n  "to": "9999-12-31T20:00:00+08:00",' '' \
    sh -c 'rs-report shift --date 9999-12-31 -f json | sed -n 2,4p'
tcase 'range end: the last shift before --as-of 9999-12-31 23:00' 0 '9999-12-31 day' '' \
    sh -c 'rs-report shift --as-of 9999-12-31T23:00 -f tsv --section summary -H | cut -f1'
tcase 'range end: kpi by day to 9999-12-30' 0 '  "to": "9999-12-31T00:00:00+08:00",' '' \
    sh -c 'rs-report kpi --as-of 9999-12-30T23:00 --by day -f json | grep "\"to\""'
tcase 'range end: weekly 9999-W51' 0 '  "to": "9999-12-27T00:00:00+08:00",' '' \
    sh -c 'rs-report weekly --week 9999-W51 -f json | grep "^  \"to\""'
tcase 'range end: no five-digit year printed' 0 0 '' \
    sh -c 'for f in text json tsv; do rs-report shift --date 9999-12-31 -f $f; rs-report shift --as-of 9999-12-31T23:59 -f $f; rs-report weekly --week 9999-W51 -f $f; done | { grep -c "10000-"; true; }'

# Data: an import row outside the range is exit 1 naming its line and
# column; a journal row written with local mean time (+08:05) is a bad
# row to check and to readers.
printf 'at\tphone\tlocation\tservice\n2026-11-22 09:00\t13800000000\tx\ttow\n1899-12-31 10:00\t13800000000\tx\ttow\n' >"$T/imp.tsv"
cp "$RS_DIR/cases.tsv" "$T/before.tsv"
tcase 'range: import row of 1899' 1 '' \
    "rs-intake: $T/imp.tsv:3: column at: 1899-12-31 10:00 $R" rs-intake import "$T/imp.tsv"
tsame 'range: import wrote nothing' "$T/before.tsv" "$RS_DIR/cases.tsv"
{
	head -n 1 "$RS_DIR/cases.tsv"
	sed -n 2p "$RS_DIR/cases.tsv" | sed 's/^[^	]*	[^	]*	RS-20261122-0001/1899-12-31T10:00:00+08:05	1899-12-31T10:00:00+08:05	RS-18991231-0001/'
} >"$T/j.tsv"
cp "$T/j.tsv" "$RS_DIR/cases.tsv"
tcase 'range: a journal row of 1899 is bad to check' 1 "cases.tsv:2: column ts: bad time '1899-12-31T10:00:00+08:05'" "$NOZONE" \
    rs-journal check cases
tcase 'range: and skipped by readers' 0 '' "rs-intake: $RS_DIR/cases.tsv: skipped 1 bad row, the first at line 2" \
    rs-intake list -H
