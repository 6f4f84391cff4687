# 76-journal-edges.sh - the smaller findings of the archive issue, each as
# SPEC now says (3, 3.1, 3.2, 3.4, 6): the journal directory, the lock
# timeout, the tail of a journal, refused writes on a torn journal, the
# cutoff, migrate, schema-less cat of a torn line, rules.tsv with a BOM.

NEW='--phone 13800000000 --location x --service tow'

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
	tcase "RS_LOCK_TIMEOUT='$v' is good" 0 '*' '' env RS_LOCK_TIMEOUT="$v" rs-intake -q $NEW
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
tcase 'torn journal: an accepted write' 0 'RS-20261122-0002' '' rs-intake -q $NEW
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
tcase 'migrate: writers write again' 0 'RS-20261122-0002' '' rs-intake -q $NEW
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
