# 71-faults.sh - fault injection (SPEC 3.4, 5, 11): every writing command
# run with its Nth open, read, write, fsync (and, for archive, rename)
# failing with ENOSPC, EIO, EINTR, EAGAIN, EACCES or moving only half the
# bytes, for every N the command reaches. The LD_PRELOAD shim is
# tests/faultinject/fi.c (found or built by fi_shim, tests/lib.sh).
#
# Wanted, at every fault point: exit 3 with one error line on stderr,
# nothing on stdout, and every file of the journal directory byte for
# byte as before; or (a retried EINTR/EAGAIN, a short count finished by
# the next write) exit 0 with exactly the journal an unfaulted run gives.
# Never exit 1 for a system error, never a partial or doubled row.
# rs-journal archive: on failure every journal reads as before and an
# archive run again gives what an unfaulted run gives.
#
# bin/ only: the sanitizer build intercepts libc itself, and valgrind
# would preload the shim into its launcher.
# RS_TORTURE_STATS=FILE appends the number of fault points swept.

command -v rs-intake >/dev/null 2>&1 || return 0
fi_shim || return 0
STATS=${RS_TORTURE_STATS:-/dev/null}
export RS_FSYNC=1	# the fsync is a fault point too

# make_base DIR: a journal directory with an entity in every state a
# writing command needs (ids in $T/ids), and October rows to archive.
make_base() {
	mkdir -p "$1"
	cp "$SAMPLES/providers.tsv" "$1/"
	(
	export RS_DIR=$1 RS_FSYNC=0
	export RS_NOW=2026-10-10T09:00:00+08:00
	o=$(rs-intake -q --phone 13700000001 --customer 'Old Zhao' --location 'old road' --service tow)
	rs-dispatch -q assign "$o" --provider P001 >/dev/null
	rs-dispatch -q complete "$o" --outcome remote >/dev/null
	rs-complain -q open --case "$o" --category fee --demand refund >/dev/null
	rs-callback -q record "$o" --kind service --result no-answer >/dev/null
	export RS_NOW=2026-11-22T09:00:00+08:00
	a=$(rs-intake -q --phone 13700000002 --customer 'Li Lei' --location 'A road' --service tow)
	a2=$(rs-intake -q --phone 13700000003 --location 'A2 road' --service tyre)
	rs-dispatch -q assign "$a2" --provider P001 >/dev/null
	b=$(rs-intake -q --phone 13700000004 --location 'B road' --service tow)
	rs-dispatch -q assign "$b" --provider P001 >/dev/null
	rs-dispatch -q enroute "$b" >/dev/null
	c=$(rs-intake -q --phone 13700000005 --location 'C road' --service tow)
	rs-dispatch -q assign "$c" --provider P001 >/dev/null
	rs-dispatch -q arrive "$c" >/dev/null
	d=$(rs-intake -q --phone 13700000006 --customer 'Han Meimei' --location 'D road' --service tow)
	rs-dispatch -q assign "$d" --provider P001 >/dev/null
	rs-dispatch -q arrive "$d" >/dev/null
	rs-dispatch -q complete "$d" --outcome towed >/dev/null
	cp1=$(rs-complain -q open --case "$d" --category late --demand sorry)
	cp2=$(rs-complain -q open --case "$d" --category fee --demand refund)
	rs-complain -q contact "$cp2" >/dev/null
	cp3=$(rs-complain -q open --case "$d" --category attitude --demand sorry)
	rs-complain -q contact "$cp3" >/dev/null
	rs-complain -q investigate "$cp3" --responsible provider --note x >/dev/null
	cp4=$(rs-complain -q open --case "$d" --category other --demand x)
	rs-complain -q resolve "$cp4" --remedy apology --note done >/dev/null
	cp5=$(rs-complain -q open --case "$d" --category other --demand y)
	rs-complain -q resolve "$cp5" --remedy apology --note done >/dev/null
	rs-complain -q close "$cp5" >/dev/null
	cp6=$(rs-complain -q open --case "$d" --category other --demand z)
	rs-complain -q action "$cp6" --action retrain --owner lead --due 2026-12-01 >/dev/null
	rs-callback -q record "$d" --kind service --result no-answer >/dev/null
	printf 'A=%s A2=%s B=%s C=%s D=%s CP1=%s CP2=%s CP3=%s CP4=%s CP5=%s CP6=%s\n' \
	    "$a" "$a2" "$b" "$c" "$d" "$cp1" "$cp2" "$cp3" "$cp4" "$cp5" "$cp6" >"$T/ids"
	)
}
make_base "$T/base"
tcase 'fault base: check clean' 0 '' "$NOZONE" rs-journal -d "$T/base" check
. "$T/ids"
printf 'agent\tphone\tlocation\tservice\nimp1\t13800000001\tL\ttow\nimp2\t13800000002\tM\ttyre\n' >"$T/import.tsv"

CMDS=(
	"rs-intake -q --phone 13900000001 --customer Wang --location X --service tow"
	"rs-intake -q amend $A --note amended"
	"rs-intake -q import $T/import.tsv"
	"rs-dispatch -q assign $A --provider P002"
	"rs-dispatch -q notify $A"
	"rs-dispatch -q enroute $A2"
	"rs-dispatch -q arrive $B"
	"rs-dispatch -q complete $C --outcome towed --fee 80"
	"rs-dispatch -q cancel $A --reason customer"
	"rs-complain -q open --case $D --category damage --demand pay --level 3"
	"rs-complain -q escalate $CP1 --level 3"
	"rs-complain -q contact $CP1"
	"rs-complain -q investigate $CP2 --responsible provider --note n"
	"rs-complain -q resolve $CP3 --remedy refund --amount 10 --note n"
	"rs-complain -q close $CP4"
	"rs-complain -q reopen $CP5 --note n"
	"rs-complain -q action $CP1 --action fix --owner me --due 2026-12-24"
	"rs-complain -q action-done $CP6"
	"rs-callback -q record $D --kind service --result reached --overall 4"
	"rs-callback -q record $D --kind complaint --complaint $CP4 --result no-answer"
	"rs-journal archive --before 2026-11"
)

# The faults tried at each call of each function: FI_ERRNO, or "short"
# (half the bytes), "short+" (half, then ENOSPC: a disk filling up),
# "E+" (E at that call and every later one).
faults_for() {
	case $1 in
	write) echo ENOSPC EIO EFBIG EINTR EAGAIN EAGAIN+ short short+ ;;
	read) echo EIO EINTR short ;;
	fsync) echo EIO ENOSPC ;;
	open) echo EACCES EMFILE EINTR ;;
	rename) echo EIO ENOSPC EACCES ;;
	esac
}

: >"$T/problems"
problem() { printf '%s\n' "$*" >>"$T/problems"; }
POINTS=0 FAILED3=0 RECOVERED=0
W=$T/w
for i in "${!CMDS[@]}"; do
	cmd=${CMDS[$i]}
	tool=${cmd%% *}
	# the unfaulted run: the result every successful faulted run must equal
	rm -rf "$T/ref" && cp -a "$T/base" "$T/ref"
	RS_DIR=$T/ref $cmd >"$T/ref.out" 2>"$T/ref.err" || problem "$cmd: fails without a fault: $(cat "$T/ref.err")"
	[ "$tool" = rs-journal ] && : >"$T/ref.err"	# archive says what it moved
	[ -s "$T/ref.err" ] && problem "$cmd: stderr without a fault: $(cat "$T/ref.err")"
	RS_DIR=$T/ref rs-journal check >"$T/chk" 2>&1 || problem "$cmd: check after the unfaulted run: $(head -3 "$T/chk")"
	for f in open read write fsync rename; do
		rm -rf "$W" && cp -a "$T/base" "$W"
		RS_DIR=$W FI_FUNC=$f FI_COUNT=$T/count FI_MATCH=$W LD_PRELOAD=$FI_SO $cmd >/dev/null 2>&1
		calls=$(awk -v f=$f '$1 == f { n = $2 } END { print n + 0 }' "$T/count" 2>/dev/null)
		rm -f "$T/count"
		for n in $(seq 1 "$calls"); do
			for fault in $(faults_for $f); do
				POINTS=$((POINTS + 1))
				rm -rf "$W" && cp -a "$T/base" "$W"
				e=${fault%+} nth=$n short=
				case $fault in *+) nth=$n+ ;; esac
				case $e in short) e=ENOSPC short=1 ;; esac
				RS_DIR=$W FI_FUNC=$f FI_NTH=$nth FI_ERRNO=$e FI_SHORT=$short FI_MATCH=$W LD_PRELOAD=$FI_SO \
				    $cmd >"$T/out" 2>"$T/err"
				rc=$?
				where="$cmd: $f #$n $fault: exit $rc"
				case $rc in
				0)
					RECOVERED=$((RECOVERED + 1))
					case $fault in
					EINTR | EAGAIN | short | short+) ;;
					*) [ "$f" = read ] || problem "$where: a failed $f went unnoticed" ;;
					esac
					diff -r "$T/ref" "$W" >/dev/null || problem "$where: the journal differs from an unfaulted run"
					cmp -s "$T/ref.out" "$T/out" || problem "$where: printed '$(head -c 100 "$T/out")', want '$(cat "$T/ref.out")'" ;;
				3)
					FAILED3=$((FAILED3 + 1))
					[ -s "$T/out" ] && problem "$where: printed '$(head -c 100 "$T/out")' though it failed"
					# (archive tells what it moved before it failed)
					grep -Ev '^rs-journal: [a-z]+: archived [0-9]+ rows?$' "$T/err" >"$T/err1"
					[ "$(wc -l <"$T/err1")" = 1 ] && grep -q "^$tool: " "$T/err1" ||
					    problem "$where: stderr is not one '$tool: ' line: $(head -c 300 "$T/err")"
					if [ "$tool" != rs-journal ]; then
						diff -r "$T/base" "$W" >"$T/diff" 2>&1 || problem "$where: the journal changed: $(head -c 300 "$T/diff")"
					else
						for j in cases dispatch complaints callbacks; do
							[ "$(rs-journal -d "$W" cat $j 2>&1)" = "$(rs-journal -d "$T/base" cat $j 2>&1)" ] ||
							    problem "$where: $j reads differently after the failed archive"
						done
						RS_DIR=$W rs-journal archive --before 2026-11 >/dev/null 2>"$T/err2" ||
						    problem "$where: archive again: $(cat "$T/err2")"
						rm -f "$W"/*.tmp
						diff -r "$T/ref" "$W" >/dev/null || problem "$where: archive again differs from an unfaulted run"
					fi ;;
				*)	problem "$where (want 3, or 0 after a retry): $(head -c 300 "$T/err")" ;;
				esac
			done
		done
	done
done
tfile "fault sweep: $POINTS fault points ($FAILED3 exit 3, $RECOVERED recovered): journals intact" '' "$T/problems"
tok 'fault sweep: at least 500 points' test "$POINTS" -ge 500
printf 'fault sweep: points=%s exit3=%s recovered=%s\n' "$POINTS" "$FAILED3" "$RECOVERED" >>"$STATS"

###########################################################################
# A few faults spelled out, with their exact messages.

fault() {	# NAME RC STDERR FUNC NTH ERRNO CMD...
	_n=$1 _rc=$2 _err=$3 _f=$4 _nth=$5 _e=$6
	shift 6
	rm -rf "$W" && cp -a "$T/base" "$W"
	tcase "$_n" "$_rc" "$([ "$_rc" = 0 ] && echo '*')" "$_err" env RS_DIR="$W" FI_FUNC="$_f" FI_NTH="$_nth" FI_ERRNO="$_e" FI_MATCH="$W" LD_PRELOAD="$FI_SO" "$@"
	[ "$_rc" = 0 ] || tok "$_n: journal unchanged" diff -r "$T/base" "$W"
}
fault 'disk full on the row' 3 "rs-intake: $W/cases.tsv: write error: No space left on device" \
    write 1 ENOSPC rs-intake -q --phone 13900000001 --location X --service tow
fault 'I/O error on the row' 3 "rs-dispatch: $W/dispatch.tsv: write error: Input/output error" \
    write 1 EIO rs-dispatch -q notify "$A"
fault 'file too large' 3 "rs-complain: $W/complaints.tsv: write error: File too large" \
    write 1 EFBIG rs-complain -q contact "$CP1"
fault 'fsync fails: the row is taken back' 3 "rs-callback: $W/callbacks.tsv: fsync failed: Input/output error" \
    fsync 1 EIO rs-callback -q record "$D" --kind service --result no-answer
fault 'disk fills during the write: half a row, then ENOSPC' 3 "rs-intake: $W/cases.tsv: write error: No space left on device" \
    write 1+ ENOSPC env FI_SHORT=1 rs-intake -q import "$T/import.tsv"
# Every tool reads the site (rules.tsv) first: open 1 is rules.tsv's.
fault 'rules.tsv cannot be read' 3 "rs-intake: $W/rules.tsv: cannot read: Permission denied" \
    open 1 EACCES rs-intake -q --phone 13900000001 --location X --service tow
# rs-intake reads cases.tsv for a duplicate call (open 1 of it), then
# opens it to write (open 2): either failing is exit 3, nothing written.
fault 'journal cannot be read for the duplicate check' 3 "rs-intake: $W/cases.tsv: cannot open: Permission denied" \
    open 1 EACCES env FI_MATCH="$W/cases.tsv" rs-intake -q --phone 13900000001 --location X --service tow
fault 'journal cannot be opened' 3 "rs-intake: $W/cases.tsv: cannot open for writing: Permission denied" \
    open 2 EACCES env FI_MATCH="$W/cases.tsv" rs-intake -q --phone 13900000001 --location X --service tow
fault 'read error on the journal tail' 3 "*" \
    read 1 EIO rs-complain -q contact "$CP1"
fault 'EINTR on write is retried' 0 '' \
    write 1 EINTR rs-intake -q --phone 13900000001 --location X --service tow
fault 'archive: rename fails' 3 "rs-journal: $W/cases.2026-10.tsv.gz: cannot rename into place: Input/output error" \
    rename 1 EIO rs-journal archive --before 2026-11
tcase 'archive: no temporary file left after a failed rename' 0 '' '' sh -c "ls '$W' | grep '\\.tmp\$' || true"
fault 'archive: EINTR on the archive write is retried' 0 '*' \
    write 1 EINTR rs-journal archive --before 2026-11
tok 'archive: after EINTR the archive reads whole' sh -c "gzip -t '$W/cases.2026-10.tsv.gz'"
fault 'archive: a short write is finished by the next' 0 '*' \
    write 1 EIO env FI_SHORT=1 rs-journal archive --before 2026-11
tok 'archive: after a short write the archive reads whole' sh -c "gzip -t '$W/cases.2026-10.tsv.gz'"
tcase 'archive: after a short write check is clean' 0 '' "$NOZONE" rs-journal -d "$W" check

# The rows reach the disk before the command says so: with a kill right
# after the write (before fsync) the row is there; before the write it is not.
rm -rf "$W" && cp -a "$T/base" "$W"
tcase 'killed before the write: nothing' 137 '' '' 2>/dev/null \
    env RS_DIR="$W" FI_FUNC=write FI_NTH=1 FI_ACTION=kill FI_MATCH="$W" LD_PRELOAD="$FI_SO" rs-dispatch -q notify "$A"
tok 'killed before the write: journal unchanged' diff -r "$T/base" "$W"
tcase 'killed at fsync: the row is whole' 137 '' '' 2>/dev/null \
    env RS_DIR="$W" FI_FUNC=fsync FI_NTH=1 FI_ACTION=kill FI_MATCH="$W" LD_PRELOAD="$FI_SO" rs-dispatch -q notify "$A"
tcase 'killed at fsync: check clean' 0 '' "$NOZONE" rs-journal -d "$W" check

# A full disk while printing: the row is in, the command still fails loudly.
rm -rf "$W" && cp -a "$T/base" "$W"
tcase 'stdout is /dev/full: exit 3' 3 '' 'rs-intake: write error: No space left on device' \
    sh -c "exec rs-intake -d '$W' --phone 13900000001 --location X --service tow >/dev/full"
