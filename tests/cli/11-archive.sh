# 11-archive.sh - rs-journal archive (SPEC 3, 6 rs-journal): whole months
# move into NAME.YYYY-MM.tsv.gz, readers see one stream before and after,
# and an archive interrupted at any point (simulated states, stale
# temporary files, real kill -9) loses and duplicates nothing.
# RS_NOW is 2026-11-22, so 2026-11 is the latest month --before accepts.

. "$TOP/tests/cli/data/rsjournal/helpers.sh"

EVENTS='cases dispatch complaints callbacks'

# save TAG: every journal as cat prints it (TSV and JSON), in $T/TAG.*.
save() {
	for _j in $EVENTS providers; do
		rs-journal cat $_j >"$T/$1.$_j.tsv" 2>"$T/$1.$_j.err"
		rs-journal cat $_j -f json >"$T/$1.$_j.json" 2>>"$T/$1.$_j.err"
	done
}

# same_as TAG NAME: the journals now read exactly as at save TAG, no stderr.
same_as() {
	save now
	for _j in $EVENTS providers; do
		tsame "$2: cat $_j unchanged" "$T/$1.$_j.tsv" "$T/now.$_j.tsv"
		tsame "$2: cat $_j -f json unchanged" "$T/$1.$_j.json" "$T/now.$_j.json"
		tfile "$2: cat $_j: no stderr" '' "$T/now.$_j.err"
	done
}

# lines FILE SPEC: the sed line selection SPEC of FILE ("1p;2,3p").
lines() { sed -n "$2" "$1"; }

###########################################################################
# The clean fixture, archived before November. Line numbers of the
# fixture: cases 2-3 September, 4-5 October, 6 and after November (6 is
# 2026-10-31T16:30:00+00:00, written in October's offset but November 1st
# in Shanghai: archive months are the site's months, not the offset a
# writer happened to use).

jclean
save orig
before=$(snap)
tcase 'archive: --before after the current month' 1 '' \
    'rs-journal: --before: 2026-12 is after the current month; only finished months can be archived' \
    rs-journal archive --before 2026-12
tfile 'archive: --before after the current month: nothing written' "$before" <(snap)
while IFS= read -r m; do
	tcase "archive: bad month '$m'" 2 '' "rs-journal: archive: --before: bad month '$m' (want YYYY-MM) (see rs-journal archive --help)" \
	    rs-journal archive --before "$m"
done <<'EOF'
2026-1
2026-13
2026-00
2026-11-01
202611
abcd-ef
2026-+1
-026-11
EOF
tcase 'archive: bad month (empty)' 2 '' "rs-journal: archive: --before: bad month '' (want YYYY-MM) (see rs-journal archive --help)" \
    rs-journal archive --before ''
tcase 'archive: --before missing' 2 '' 'rs-journal: archive: --before YYYY-MM is required (see rs-journal archive --help)' rs-journal archive
tcase 'archive: an extra argument' 2 '' "rs-journal: archive: unexpected argument 'cases' (see rs-journal archive --help)" \
    rs-journal archive --before 2026-11 cases
tfile 'archive: usage errors: nothing written' "$before" <(snap)

tcase 'archive --before 2026-11' 0 '' 'rs-journal: cases: archived 4 rows
rs-journal: dispatch: archived 8 rows
rs-journal: complaints: archived 7 rows
rs-journal: callbacks: archived 3 rows' rs-journal archive --before 2026-11
tcase 'archive: the files' 0 'callbacks.2026-09.tsv.gz
callbacks.2026-10.tsv.gz
callbacks.tsv
cases.2026-09.tsv.gz
cases.2026-10.tsv.gz
cases.tsv
complaints.2026-10.tsv.gz
complaints.tsv
dispatch.2026-09.tsv.gz
dispatch.2026-10.tsv.gz
dispatch.tsv
providers.tsv' '' sh -c 'ls "$RS_DIR" | LC_ALL=C sort'
while read -r f spec; do
	tcase "archive: content of $f" 0 "$(lines "$CLEAN/${f%%.*}.tsv" "$spec")" '' sh -c "zcat '$RS_DIR/$f'"
done <<'EOF'
cases.2026-09.tsv.gz 1,3p
cases.2026-10.tsv.gz 1p;4,5p
dispatch.2026-09.tsv.gz 1,4p
dispatch.2026-10.tsv.gz 1p;5,9p
complaints.2026-10.tsv.gz 1,8p
callbacks.2026-09.tsv.gz 1,2p
callbacks.2026-10.tsv.gz 1p;3,4p
EOF
while read -r j spec; do
	tfile "archive: live $j.tsv keeps the header and the later rows" "$(lines "$CLEAN/$j.tsv" "$spec")" "$RS_DIR/$j.tsv"
done <<'EOF'
cases 1p;6,$p
dispatch 1p;10,$p
complaints 1p
callbacks 1p
EOF
tsame 'archive: providers.tsv untouched' "$CLEAN/providers.tsv" "$RS_DIR/providers.tsv"
tcase 'archive: archives are not readable by others' 0 '' '' \
    sh -c 'for f in "$RS_DIR"/*.gz; do [ $(( 0$(stat -c %a "$f") & 7 )) = 0 ] || echo "$f"; done'
tcase 'archive: archives are gzip files' 0 '' '' sh -c 'for f in "$RS_DIR"/*.gz; do gzip -t "$f" || echo "$f"; done'
same_as orig 'archive'
tcase 'archive: check passes after' 0 '' "$NOZONE" rs-journal check
# --since/--until across archives and the live file: as before archiving
while IFS= read -r args; do
	# shellcheck disable=SC2086
	rs-journal -d "$CLEAN" cat cases $args >"$T/want.since"
	# shellcheck disable=SC2086
	tcase "archive: cat cases $args" 0 "$(cat "$T/want.since")" '' rs-journal cat cases $args
done <<'EOF'
--since 2026-09-15T09:05
--since 2026-10-01
--since 2026-10-31T23:59 --until 2026-11-01T00:31
--until 2026-10-01
--since 2026-11-01
--since 2026-10-20 -f json
EOF
before=$(snap)
tcase 'archive: a second run is a no-op' 0 '' '' rs-journal archive --before 2026-11
tfile 'archive: a second run writes nothing' "$before" <(snap)
tcase 'archive: an earlier month is a no-op' 0 '' '' rs-journal archive --before 2026-10
tfile 'archive: an earlier month writes nothing' "$before" <(snap)

# One month at a time gives the same files as both at once.
archived=$RS_DIR
jclean
tcase 'archive --before 2026-10' 0 '' 'rs-journal: cases: archived 2 rows
rs-journal: dispatch: archived 3 rows
rs-journal: callbacks: archived 1 row' rs-journal archive --before 2026-10
same_as orig 'archive month by month (1)'
tcase 'archive --before 2026-11 after 2026-10' 0 '' 'rs-journal: cases: archived 2 rows
rs-journal: dispatch: archived 5 rows
rs-journal: complaints: archived 7 rows
rs-journal: callbacks: archived 2 rows' rs-journal archive --before 2026-11
for f in "$archived"/*; do
	b=$(basename "$f")
	case $b in
	*.gz) tcase "archive month by month: $b" 0 "$(zcat "$f")" '' zcat "$RS_DIR/$b" ;;
	*) tsame "archive month by month: $b" "$f" "$RS_DIR/$b" ;;
	esac
done

# -d works like RS_DIR; an empty directory is a no-op and is not created.
jclean
tcase 'archive -d DIR' 0 '' '*' env -u RS_DIR rs-journal -d "$RS_DIR" archive --before 2026-10
tok 'archive -d DIR: archive written' test -f "$RS_DIR/cases.2026-09.tsv.gz"
tcase 'archive: an empty directory' 0 '' '' rs-journal -d "$T/no-such-dir" archive --before 2026-11
tok 'archive: the empty directory is not created' test ! -e "$T/no-such-dir"

# The current month is the local (TZ) month of RS_NOW: 2026-11-30T16:30Z
# is already December in Shanghai.
jclean
tcase 'archive: --before the local current month' 0 '' '*' \
    env RS_NOW=2026-11-30T16:30:00Z rs-journal archive --before 2026-12
tcase 'archive: --before the local current month: November archived' 0 "$(lines "$CLEAN/cases.tsv" '1p;6,$p')" '' \
    sh -c 'zcat "$RS_DIR/cases.2026-11.tsv.gz"'
tcase 'archive: --before next month in UTC is still refused' 1 '' \
    'rs-journal: --before: 2026-12 is after the current month; only finished months can be archived' \
    env RS_NOW=2026-11-30T15:59:59Z rs-journal archive --before 2026-12

# A torn last line and a bad row: the torn line stays live (it is not a
# row yet); the bad row moves with its month and is reported there.
jclean
awk 'NR == 3 { print "garbage line" } { print }' "$CLEAN/cases.tsv" >"$RS_DIR/cases.tsv"
printf '2026-11-21T09:00:00+08:00\t2026-11-21T09' >>"$RS_DIR/cases.tsv"
tcase 'archive: bad row and torn line: check before' 1 'cases.tsv:3: wrong number of fields: 1, want 33
cases.tsv:11: torn last line (no newline at the end)' "$NOZONE" rs-journal check cases
tcase 'archive: bad row and torn line' 0 '' '*' rs-journal archive --before 2026-11
tcase 'archive: bad row and torn line: check after' 1 'cases.2026-09.tsv.gz:3: wrong number of fields: 1, want 33
cases.tsv:6: torn last line (no newline at the end)' "$NOZONE" rs-journal check cases
tcase 'archive: the torn line is still the end of the live file' 0 '2026-11-21T09:00:00+08:00	2026-11-21T09' '' \
    sh -c 'tail -n 1 "$RS_DIR/cases.tsv"'
tcase 'archive: bad row skipped by readers, with a warning naming the archive' 0 "$(cat "$CLEAN/cases.tsv")" \
    "rs-journal: $RS_DIR/cases.2026-09.tsv.gz: skipped 1 bad row, the first at line 3" rs-journal cat cases

# The live file keeps its permissions (a journal shared by a group).
jclean
chmod 660 "$RS_DIR/cases.tsv"
rs-journal archive --before 2026-11 2>/dev/null
tcase 'archive: the live file keeps its mode' 0 '660' '' stat -c %a "$RS_DIR/cases.tsv"

# Under the lock: while another process holds the journal's write lock,
# archive waits RS_LOCK_TIMEOUT and gives up with exit 4, writing nothing.
jclean
python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "r+")
fcntl.lockf(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(60)
' "$RS_DIR/cases.tsv" "$T/locked" &
locker=$!
n=0
while [ ! -e "$T/locked" ] && [ $n -lt 1000 ]; do sleep 0.01; n=$((n + 1)); done
before=$(snap)
tcase 'archive: journal busy' 4 '' "rs-journal: $RS_DIR/cases.tsv: journal is busy (locked by another writer for 0.2 s); try again" \
    env RS_LOCK_TIMEOUT=0.2 rs-journal archive --before 2026-11
tfile 'archive: journal busy: nothing written' "$before" <(snap)
kill "$locker"
wait "$locker" 2>/dev/null
tcase 'archive: after the lock is released' 0 '' '*' rs-journal archive --before 2026-11
same_as orig 'archive after the lock'

###########################################################################
# Interrupted archives, simulated state by state.

archived_msg='row of an archived month still in the live file (an interrupted archive: run rs-journal archive again)'

# (a) The September archive was renamed into place, the live file was not
# replaced yet: every row still in the live file, and in the archive.
jclean
lines "$CLEAN/cases.tsv" '1,3p' | gzip -n >"$RS_DIR/cases.2026-09.tsv.gz"
same_as orig 'interrupted (a)'
for args in '--since 2026-09-01' '--since 2026-09-15T09:05 --until 2026-10-04' '--until 2026-10-01'; do
	# shellcheck disable=SC2086
	tcase "interrupted (a): cat cases $args" 0 "$(rs-journal -d "$CLEAN" cat cases $args)" '' rs-journal cat cases $args
done
tcase 'interrupted (a): check names the rows' 1 "cases.tsv:2: $archived_msg
cases.tsv:3: $archived_msg" "$NOZONE" rs-journal check
tcase 'interrupted (a): re-run' 0 '' '*' rs-journal archive --before 2026-10
tcase 'interrupted (a): archive holds each row once' 0 "$(lines "$CLEAN/cases.tsv" '1,3p')" '' sh -c 'zcat "$RS_DIR/cases.2026-09.tsv.gz"'
tfile 'interrupted (a): live file without them' "$(lines "$CLEAN/cases.tsv" '1p;4,$p')" "$RS_DIR/cases.tsv"
tcase 'interrupted (a): check clean after the re-run' 0 '' "$NOZONE" rs-journal check
same_as orig 'interrupted (a) re-run'

# (a2) Both months' archives in place, live file untouched, in two
# journals; the re-run asks for the same months.
jclean
lines "$CLEAN/cases.tsv" '1,3p' | gzip -n >"$RS_DIR/cases.2026-09.tsv.gz"
lines "$CLEAN/cases.tsv" '1p;4,5p' | gzip -n >"$RS_DIR/cases.2026-10.tsv.gz"
lines "$CLEAN/dispatch.tsv" '1,4p' | gzip -n >"$RS_DIR/dispatch.2026-09.tsv.gz"
same_as orig 'interrupted (a2)'
tcase 'interrupted (a2): check names the rows' 1 "cases.tsv:2: $archived_msg
cases.tsv:3: $archived_msg
cases.tsv:4: $archived_msg
cases.tsv:5: $archived_msg
dispatch.tsv:2: $archived_msg
dispatch.tsv:3: $archived_msg
dispatch.tsv:4: $archived_msg" "$NOZONE" rs-journal check
tcase 'interrupted (a2): re-run' 0 '' '*' rs-journal archive --before 2026-11
for x in 'cases.2026-09 cases 1,3p' 'cases.2026-10 cases 1p;4,5p' 'dispatch.2026-09 dispatch 1,4p' 'dispatch.2026-10 dispatch 1p;5,9p'; do
	set -- $x
	tcase "interrupted (a2): $1 holds each row once" 0 "$(lines "$CLEAN/$2.tsv" "$3")" '' zcat "$RS_DIR/$1.tsv.gz"
done
tcase 'interrupted (a2): check clean after the re-run' 0 '' "$NOZONE" rs-journal check
same_as orig 'interrupted (a2) re-run'

# (a3) The September archive in place and the re-run archives more months
# than the interrupted run did.
jclean
lines "$CLEAN/cases.tsv" '1,3p' | gzip -n >"$RS_DIR/cases.2026-09.tsv.gz"
tcase 'interrupted (a3): re-run with a later month' 0 '' '*' rs-journal archive --before 2026-11
tcase 'interrupted (a3): September once' 0 "$(lines "$CLEAN/cases.tsv" '1,3p')" '' zcat "$RS_DIR/cases.2026-09.tsv.gz"
tcase 'interrupted (a3): October' 0 "$(lines "$CLEAN/cases.tsv" '1p;4,5p')" '' zcat "$RS_DIR/cases.2026-10.tsv.gz"
tcase 'interrupted (a3): check clean' 0 '' "$NOZONE" rs-journal check
same_as orig 'interrupted (a3)'

# (a4) A September row in the live file after September was archived by a
# finished run (a writer whose clock is behind appended it): check names
# it, and archive moves it after the archived rows, once.
jclean
lines "$CLEAN/cases.tsv" '1,2p' | gzip -n >"$RS_DIR/cases.2026-09.tsv.gz"
lines "$CLEAN/cases.tsv" '1p;3,$p' >"$RS_DIR/cases.tsv"
tcase 'late row of an archived month: check names it' 1 "cases.tsv:2: $archived_msg" "$NOZONE" rs-journal check cases
tcase 'late row of an archived month: archive' 0 '' 'rs-journal: cases: archived 1 row
rs-journal: dispatch: archived 3 rows
rs-journal: callbacks: archived 1 row' rs-journal archive --before 2026-10
tcase 'late row of an archived month: the archive holds both' 0 "$(lines "$CLEAN/cases.tsv" '1,3p')" '' zcat "$RS_DIR/cases.2026-09.tsv.gz"
tcase 'late row of an archived month: check clean' 0 '' "$NOZONE" rs-journal check
same_as orig 'late row of an archived month, archived'

# (b) Stale temporary files of a killed run: ignored by readers and check,
# replaced by the re-run, gone after it.
jclean
echo garbage >"$RS_DIR/cases.2026-09.tsv.gz.tmp"
lines "$CLEAN/cases.tsv" '1p;4,5p' | gzip -n | head -c 40 >"$RS_DIR/cases.2026-10.tsv.gz.tmp"
echo junk >"$RS_DIR/cases.tsv.tmp"
: >"$RS_DIR/dispatch.2026-09.tsv.gz.tmp"
same_as orig 'stale .tmp (b)'
tcase 'stale .tmp (b): check ignores them' 0 '' "$NOZONE" rs-journal check
tcase 'stale .tmp (b): re-run' 0 '' '*' rs-journal archive --before 2026-11
tcase 'stale .tmp (b): September' 0 "$(lines "$CLEAN/cases.tsv" '1,3p')" '' zcat "$RS_DIR/cases.2026-09.tsv.gz"
tcase 'stale .tmp (b): October' 0 "$(lines "$CLEAN/cases.tsv" '1p;4,5p')" '' zcat "$RS_DIR/cases.2026-10.tsv.gz"
tcase 'stale .tmp (b): dispatch September' 0 "$(lines "$CLEAN/dispatch.tsv" '1,4p')" '' zcat "$RS_DIR/dispatch.2026-09.tsv.gz"
tcase 'stale .tmp (b): check clean' 0 '' "$NOZONE" rs-journal check
same_as orig 'stale .tmp (b) re-run'

# (b2) A stale .tmp and an archive already in place (killed while writing
# the October archive): the re-run finishes the job.
jclean
lines "$CLEAN/cases.tsv" '1,3p' | gzip -n >"$RS_DIR/cases.2026-09.tsv.gz"
lines "$CLEAN/cases.tsv" '1p;4,5p' | gzip -n | head -c 40 >"$RS_DIR/cases.2026-10.tsv.gz.tmp"
same_as orig 'stale .tmp (b2)'
tcase 'stale .tmp (b2): re-run' 0 '' '*' rs-journal archive --before 2026-11
tcase 'stale .tmp (b2): no temporary file left' 0 '' '' sh -c 'ls "$RS_DIR" | grep tmp; true'
tcase 'stale .tmp (b2): check clean' 0 '' "$NOZONE" rs-journal check
same_as orig 'stale .tmp (b2) re-run'

###########################################################################
# (c) kill -9 at several moments of a real archive of a big journal
# (about 200,000 cases from September to November 21), then a re-run:
# readers see every row exactly once at every step, check ends clean.

per=2500
[ -n "$RS_VALGRIND" ] && per=20
big=$T/big-orig
mkdir -p "$big"
awk -F'\t' 'NR > 1 { printf "%s%s", (NR > 2 ? "\t" : ""), $1 } END { print "" }' "$TOP/schemas/cases.tsv" >"$big/cases.tsv"
awk -v per="$per" 'BEGIN {
	OFS = "\t"; split("9 10 11", ms, " "); split("30 31 21", nd, " ")
	ns = split("tow tyre jumpstart fuel lockout winch repair transfer chauffeur booking", sv, " ")
	for (k = 1; k <= 3; k++) for (d = 1; d <= nd[k]; d++) for (i = 0; i < per; i++) {
		s = int(i * 86400 / per)
		t = sprintf("2026-%02d-%02dT%02d:%02d:%02d+08:00", ms[k], d, s / 3600, s % 3600 / 60, s % 60)
		n++
		print t, t, sprintf("RS-2026%02d%02d-%04d", ms[k], d, i + 1), "opened", "a" n % 7, "", "phone",
		    "", "", sprintf("138%08d", n), "", "", "", "loc " n, "", "", "", sv[n % ns + 1], "", "", "",
		    "", "", "", 1 + n % 4, "", "", "", "", "", "", "", ""
	} }' >>"$big/cases.tsv"
rows=$(($(wc -l <"$big/cases.tsv") - 1))
want=$(rs-journal -d "$big" cat cases | LC_ALL=C sort | md5sum)
tcase 'kill -9: the big journal is valid' 0 '' "$NOZONE" rs-journal -d "$big" check
tcase 'kill -9: the big journal reads whole' 0 "$((rows + 1))" '' sh -c "rs-journal -d '$big' cat cases | wc -l | tr -d ' '"
# --since/--until on a big live file (the reader bisects on ts) and, at
# the end, on its archives: the same rows as a full scan filtered by awk.
since_checks() {
	while read -r since until; do
		tcase "big journal$1: cat cases --since $since --until $until" 0 \
		    "$(rs-journal -d "$2" cat cases | awk -F'\t' -v s="$since" -v u="$until" 'NR == 1 || ($2 >= s && $2 < u)' | md5sum)" '' \
		    sh -c "rs-journal -d '$2' cat cases --since $since --until $until | md5sum"
	done <<'EOF'
2026-09-01T00:00:00+08:00 2026-09-01T00:00:01+08:00
2026-09-30T23:59:30+08:00 2026-10-01T00:01:00+08:00
2026-10-15T07:00:00+08:00 2026-10-15T08:00:00+08:00
2026-11-20T23:59:59+08:00 2026-11-21T00:00:35+08:00
2026-11-21T23:59:00+08:00 2026-11-22T00:00:00+08:00
2026-11-22T00:00:00+08:00 2026-12-01T00:00:00+08:00
EOF
}
since_checks '' "$big"

for delay in 0 0.001 0.01 0.03 0.06 0.1 0.15 0.2 0.25 0.3 0.4 0.6; do
	k=$T/kill
	rm -rf "$k"
	cp -r "$big" "$k"
	(
		rs-journal -d "$k" archive --before 2026-11 >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null
		wait "$pid"
	) 2>/dev/null
	tcase "kill -9 after ${delay}s: readers see each row once" 0 "$want" '' \
	    sh -c "rs-journal -d '$k' cat cases | LC_ALL=C sort | md5sum"
	tcase "kill -9 after ${delay}s: re-run" 0 '' '*' rs-journal -d "$k" archive --before 2026-11
	tcase "kill -9 after ${delay}s: each row once after the re-run" 0 "$want" '' \
	    sh -c "rs-journal -d '$k' cat cases | LC_ALL=C sort | md5sum"
	tcase "kill -9 after ${delay}s: check clean" 0 '' "$NOZONE" rs-journal -d "$k" check
	tcase "kill -9 after ${delay}s: files" 0 'cases.2026-09.tsv.gz
cases.2026-10.tsv.gz
cases.tsv' '' sh -c "ls '$k' | LC_ALL=C sort"
	tcase "kill -9 after ${delay}s: live file holds November" 0 "$((per * 21 + 1))" '' \
	    sh -c "wc -l <'$k/cases.tsv' | tr -d ' '"
done
since_checks ' (archived)' "$T/kill"
rm -rf "$T/kill" "$big"
