# 70-crash.sh - crash torture (SPEC 3.4, 11): every writing command is
# started and killed with kill -9 at a random moment, again and again,
# reproducibly from a fixed seed. After every kill: rs-journal check is
# clean, or reports only a torn line the crash left; every acknowledged
# row (the command exited 0) is there exactly once, with the id it
# printed; no row is ever there twice; the next append works. Then the
# same for rs-journal archive, and a sweep that crashes an archive (via
# the fault shim, FI_ACTION=kill) at each of its write/fsync/rename/open
# calls in turn.
#
# Sizes: >= 200 kills of appends and ~60 of archives; RS_TORTURE_SCALE=N
# multiplies them; under valgrind (RS_VALGRIND) they shrink. The shim's
# sleeps (FI_SLEEP_*_US) widen the window inside an append, so that kills
# land with the lock held, before the write and between write and fsync;
# it is used on bin/ only (not under ASan or valgrind).
# RS_TORTURE_STATS=FILE appends the counts to FILE.

command -v rs-intake >/dev/null 2>&1 || return 0

SCALE=${RS_TORTURE_SCALE:-1}
KILLS_WANT=$((200 * SCALE)) ARCH_ROUNDS=$((11 * SCALE))
if [ -n "$RS_VALGRIND" ]; then KILLS_WANT=$((12 * SCALE)) ARCH_ROUNDS=2; fi
RANDOM=7001	# fixed seed: the same choices on every run
STATS=${RS_TORTURE_STATS:-/dev/null}

# The fault shim (not with the sanitizer build nor under valgrind).
fi_shim || true

mkfifo "$T/fifo"
exec 9<>"$T/fifo"	# read -t on it is a sleep without a fork
nap() { read -r -t "$1" -u 9 _; }
DELAYS=(0 0.0002 0.0005 0.001 0.0015 0.002 0.003 0.004 0.006 0.009)
# the sanitizer build starts in 20-50 ms: later moments, or every kill lands in its start-up
case $SANITIZED in y) DELAYS=(0.002 0.005 0.008 0.011 0.014 0.017 0.02 0.023 0.026 0.03) ;; esac
[ -n "$RS_VALGRIND" ] && DELAYS=(0.05 0.2 0.5 0.8 1.2)
MODES=(plain plain)
[ -n "$FI_SO" ] && MODES=(plain wsleep wsleep fsleep osleep)

: >"$T/problems"
problem() { printf '%s\n' "$*" >>"$T/problems"; }

# Columns: NAME NCOLS AGENTCOL IDCOL (the tag written with --agent is how a row is found).
jcols() {
	case $1 in
	cases) echo 33 5 3 ;;
	dispatch) echo 14 5 3 ;;
	complaints) echo 20 6 3 ;;
	callbacks) echo 16 15 3 ;;
	esac
}

# count_tag JOURNAL TAG: well-formed rows of the live file whose agent is TAG.
count_tag() {
	set -- "$1" "$2" $(jcols "$1")
	awk -F'\t' -v n="$3" -v c="$4" -v t="$2" 'NF == n && $c == t { k++ } END { print k + 0 }' \
	    "$RS_DIR/$1.tsv" 2>/dev/null || echo 0
}

# id_of_tag JOURNAL TAG: the id column of the row tagged TAG.
id_of_tag() {
	set -- "$1" "$2" $(jcols "$1")
	awk -F'\t' -v n="$3" -v c="$4" -v i="$5" -v t="$2" 'NF == n && $c == t { print $i; exit }' "$RS_DIR/$1.tsv"
}

# check_ok WHAT: rs-journal check prints nothing (on stderr only the
# warning that site.zone is unset), or only lines at a torn
# line a crash left (recorded as known from then on), or, right after a
# killed archive (ARCHIVING set), the rows it had not yet dropped from the
# live file (check's "interrupted archive" report; archiving again clears it).
ARCHIVING=
check_ok() {
	rs-journal check >"$T/chk.out" 2>"$T/chk.all"
	# These directories have no site.zone: check's warning, and nothing else.
	grep -vxF "$NOZONE" "$T/chk.all" >"$T/chk.err"
	[ -s "$T/chk.err" ] && problem "$1: check wrote to stderr: $(head -c 300 "$T/chk.err")"
	[ -s "$T/chk.out" ] || return 0
	while IFS= read -r _l; do
		case $_l in
		*': torn last line (no newline at the end)')
			grep -qxF "${_l%%: torn*}" "$T/torn.known" 2>/dev/null || { echo "${_l%%: torn*}" >>"$T/torn.known"; TORN=$((TORN + 1)); } ;;
		*': row of an archived month still in the live file (an interrupted archive: run rs-journal archive again)')
			[ -n "$ARCHIVING" ] || problem "$1: check: $_l" ;;
		*":1: header is not the "*)
			# a writer killed between creating the file and its first write
			# leaves it empty: tested on its own below, counted here
			if [ -f "$RS_DIR/${_l%%:*}" ] && [ ! -s "$RS_DIR/${_l%%:*}" ]; then EMPTY=$((EMPTY + 1)); else
				problem "$1: check: $_l"; fi ;;
		*)	grep -qxF "$(printf '%s' "$_l" | cut -d: -f1,2)" "$T/torn.known" 2>/dev/null ||
			    problem "$1: check: $_l" ;;
		esac
	done <"$T/chk.out"
}

# attempt TAG CMD...: runs CMD in the background in a random mode and
# kills it with kill -9 after a random delay. Sets ST (137 = killed).
attempt() {
	local d=${DELAYS[RANDOM % ${#DELAYS[@]}]} m=${MODES[RANDOM % ${#MODES[@]}]} pid
	shift
	case $m in
	plain) "$@" >"$T/v.out" 2>"$T/v.err" & ;;
	wsleep) env LD_PRELOAD="$FI_SO" FI_MATCH="$RS_DIR" FI_SLEEP_WRITE_US=2000 "$@" >"$T/v.out" 2>"$T/v.err" & ;;
	fsleep) env LD_PRELOAD="$FI_SO" FI_MATCH="$RS_DIR" RS_FSYNC=1 FI_SLEEP_FSYNC_US=2500 "$@" >"$T/v.out" 2>"$T/v.err" & ;;
	osleep) env LD_PRELOAD="$FI_SO" FI_MATCH="$RS_DIR" FI_SLEEP_OPEN_US=1500 FI_SLEEP_RENAME_US=1500 "$@" >"$T/v.out" 2>"$T/v.err" & ;;
	esac
	pid=$!
	nap "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ST=$?
	ATTEMPTS=$((ATTEMPTS + 1))
	if [ "$ST" = 137 ]; then KILLS=$((KILLS + 1)); elif [ "$ST" != 0 ]; then
		problem "attempt $1 ($m): exit $ST: $(head -c 300 "$T/v.err")"
	fi
}

###########################################################################
# Appends: chains of every writing command on one case (and one more
# case, cancelled), each step retried until its row is in.

KILLS=0 ATTEMPTS=0 TORN=0 EMPTY=0 ACKED=0 LANDED_KILLED=0 TAGN=0 CHAINS=0
jdir
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
: >"$T/acked"

# step_cmd STEP TAG: sets CMD (the command), J (its journal), NROWS (rows it appends).
step_cmd() {
	local a="--agent $2"
	NROWS=1
	case $1 in
	new) J=cases CMD="rs-intake -q $a --phone $PHONE --location crash-$2 --service tow" ;;
	amend) J=cases CMD="rs-intake -q $a amend $ID --note amended-$2" ;;
	import)
		J=cases NROWS=3
		printf 'agent\tphone\tlocation\tservice\n%s-1\t%s\tL1\ttyre\n%s-2\t%s\tL2\ttow\n%s-3\t%s\tL3\tfuel\n' \
		    "$2" "$PHONE" "$2" "$PHONE" "$2" "$PHONE" >"$T/import.tsv"
		CMD="rs-intake -q $a import $T/import.tsv" ;;
	new2) J=cases CMD="rs-intake -q $a --phone $PHONE --location second-$2 --service tyre" ;;
	assign) J=dispatch CMD="rs-dispatch -q $a assign $ID --provider P001" ;;
	notify) J=dispatch CMD="rs-dispatch -q $a notify $ID" ;;
	enroute) J=dispatch CMD="rs-dispatch -q $a enroute $ID" ;;
	arrive) J=dispatch CMD="rs-dispatch -q $a arrive $ID" ;;
	complete) J=dispatch CMD="rs-dispatch -q $a complete $ID --outcome towed --fee 120" ;;
	cancel) J=dispatch CMD="rs-dispatch -q $a cancel $ID2 --reason customer" ;;
	cbservice) J=callbacks CMD="rs-callback -q $a record $ID --kind service --result reached --overall 5 --nps 9" ;;
	cpopen) J=complaints CMD="rs-complain -q $a open --case $ID --category late --demand sorry" ;;
	contact) J=complaints CMD="rs-complain -q $a contact $CP --note called" ;;
	investigate) J=complaints CMD="rs-complain -q $a investigate $CP --responsible provider --note gps" ;;
	escalate) J=complaints CMD="rs-complain -q $a escalate $CP --level 4" ;;
	resolve) J=complaints CMD="rs-complain -q $a resolve $CP --remedy refund --amount 50 --note ok" ;;
	close) J=complaints CMD="rs-complain -q $a close $CP" ;;
	cbcomplaint) J=callbacks CMD="rs-callback -q $a record $ID --kind complaint --complaint $CP --result no-answer" ;;
	reopen) J=complaints CMD="rs-complain -q $a reopen $CP --note again" ;;
	action) J=complaints CMD="rs-complain -q $a action $CP --action retrain --owner lead --due 2026-12-01" ;;
	actiondone) J=complaints CMD="rs-complain -q $a action-done $CP" ;;
	esac
}
STEPS='new amend import new2 assign notify enroute arrive complete cancel cbservice cpopen contact investigate escalate resolve close cbcomplaint reopen action actiondone'
MAXKILL=4	# kills of one step before it is let finish
# valgrind: a few steps of every tool, one kill each
[ -n "$RS_VALGRIND" ] && STEPS='new import assign cpopen cbservice' MAXKILL=1

# landed STEP TAG: how many of the step's rows are in (0 or NROWS; anything else is a problem).
landed() {
	if [ "$NROWS" = 1 ]; then count_tag "$J" "$2"; else
		echo $(($(count_tag "$J" "$2-1") + $(count_tag "$J" "$2-2") + $(count_tag "$J" "$2-3")))
	fi
}

while [ "$KILLS" -lt "$KILLS_WANT" ]; do
	CHAINS=$((CHAINS + 1))
	PHONE=1390000$(printf %04d "$CHAINS") ID= ID2= CP=
	for step in $STEPS; do
		tries=0
		while :; do
			TAGN=$((TAGN + 1)) tries=$((tries + 1))
			tag=k$TAGN
			step_cmd "$step" "$tag"
			if [ "$tries" -gt "$MAXKILL" ]; then
				# enough kills for this step: let it finish
				$CMD >"$T/v.out" 2>"$T/v.err"
				ST=$?
				[ "$ST" = 0 ] || problem "$step $tag without a kill: exit $ST: $(head -c 300 "$T/v.err")"
			else
				attempt "$step" $CMD
			fi
			check_ok "$step $tag (exit $ST)"
			got=$(landed "$step" "$tag")
			if [ "$ST" = 0 ]; then
				ACKED=$((ACKED + 1))
				echo "$J $tag $NROWS" >>"$T/acked"
				[ "$got" = "$NROWS" ] || problem "$step $tag: acknowledged, but $got of $NROWS rows in $J.tsv"
			elif [ "$got" != 0 ] && [ "$got" != "$NROWS" ]; then
				problem "$step $tag: killed, and $got of $NROWS rows in $J.tsv (want all or none)"
			fi
			if [ "$got" -gt 0 ]; then
				[ "$ST" = 0 ] || LANDED_KILLED=$((LANDED_KILLED + 1))
				break
			fi
			[ "$tries" -gt $((MAXKILL + 2)) ] && break
		done
		# ids from the rows themselves (a killed command printed nothing)
		case $step in
		new)	ID=$(id_of_tag cases "$tag")
			[ "$ST" != 0 ] || [ "$(cat "$T/v.out")" = "$ID" ] || problem "new $tag: printed '$(cat "$T/v.out")', row has '$ID'" ;;
		new2)	ID2=$(id_of_tag cases "$tag") ;;
		cpopen)	CP=$(id_of_tag complaints "$tag")
			[ "$ST" != 0 ] || [ "$(cat "$T/v.out")" = "$CP" ] || problem "cpopen $tag: printed '$(cat "$T/v.out")', row has '$CP'" ;;
		import)	[ "$ST" != 0 ] || [ "$(wc -l <"$T/v.out")" = 3 ] || problem "import $tag: printed $(wc -l <"$T/v.out") ids, want 3" ;;
		*)	[ "$ST" != 0 ] || [ "$(cat "$T/v.out")" = "$ID" ] || [ "$(cat "$T/v.out")" = "$CP" ] || [ "$(cat "$T/v.out")" = "$ID2" ] ||
			    problem "$step $tag: printed '$(cat "$T/v.out")'" ;;
		esac
		[ -n "$ID" ] || { problem "chain $CHAINS: no case id"; break 2; }
	done
done

# Every acknowledged row exactly once, in the end too; no tag twice anywhere.
while read -r j tag n; do
	if [ "$n" = 1 ]; then c=$(count_tag "$j" "$tag"); else
		c=$(($(count_tag "$j" "$tag-1") + $(count_tag "$j" "$tag-2") + $(count_tag "$j" "$tag-3")))
	fi
	[ "$c" = "$n" ] || problem "end: acknowledged $tag: $c rows in $j.tsv, want $n"
done <"$T/acked"
for j in cases dispatch complaints callbacks; do
	set -- $(jcols $j)
	awk -F'\t' -v n="$1" -v c="$2" 'NR > 1 && NF == n && $c != "tester" && seen[$c]++ { print FILENAME ": tag " $c " twice" }' \
	    "$RS_DIR/$j.tsv" >>"$T/problems"
done
tfile "append torture: $KILLS kills in $ATTEMPTS attempts ($CHAINS chains): no row lost, torn or doubled" '' "$T/problems"
tok "append torture: at least $KILLS_WANT kills" test "$KILLS" -ge "$KILLS_WANT"
tcase 'append torture: next append works' 0 '*' '' rs-intake -q --phone 13900009999 --location after --service tow
tcase 'append torture: case ids unique' 0 '' '' sh -c "awk -F'\t' 'NF == 33 && \$4 == \"opened\" && seen[\$3]++ { print \$3 }' '$RS_DIR/cases.tsv'"
tcase 'append torture: complaint ids unique' 0 '' '' sh -c "awk -F'\t' 'NF == 20 && \$5 == \"opened\" && seen[\$3]++ { print \$3 }' '$RS_DIR/complaints.tsv'"
printf 'append torture: kills=%s attempts=%s chains=%s acked=%s landed_killed=%s torn=%s shim=%s\n' \
    "$KILLS" "$ATTEMPTS" "$CHAINS" "$ACKED" "$LANDED_KILLED" "$TORN" "${FI_SO:+yes}" >>"$STATS"
printf 'append torture: checks that saw an empty journal file (a kill between create and first write): %s\n' "$EMPTY" >>"$STATS"
APPEND_KILLS=$KILLS

###########################################################################
# Torn lines for real: the shim writes half of the rows and then kills
# the writer (FI_ACTION=shortkill is FI_SHORT plus SIGKILL right after).
# check reports exactly that torn line, readers skip it, the next append
# closes it and stays good, and the fragment is one bad line after that.

if [ -n "$FI_SO" ]; then
	for j in cases dispatch complaints callbacks; do
		jdir
		mkdir -p "$RS_DIR"
		cp "$SAMPLES/providers.tsv" "$RS_DIR/"
		id=$(rs-intake -q --phone 13900000001 --location torn --service tow)
		setup rs-dispatch -q assign "$id" --provider P001 >/dev/null
		cp=$(rs-complain -q open --case "$id" --category fee --demand refund --level 2)
		# A service callback needs a completed case; dispatch's turn needs it open.
		if [ "$j" != dispatch ]; then
			setup rs-dispatch -q arrive "$id" >/dev/null
			setup rs-dispatch -q complete "$id" --outcome towed >/dev/null
			setup rs-callback -q record "$id" --kind service --result no-answer >/dev/null
		fi
		case $j in
		cases) cmd="rs-intake -q --agent torn1 --phone 13900000002 --location x --service tow"
			next="rs-intake -q --agent torn2 --phone 13900000003 --location y --service tow" ;;
		dispatch) cmd="rs-dispatch -q --agent torn1 notify $id"
			next="rs-dispatch -q --agent torn2 enroute $id" ;;
		complaints) cmd="rs-complain -q --agent torn1 contact $cp --note a"
			next="rs-complain -q --agent torn2 investigate $cp --responsible provider --note b" ;;
		callbacks) cmd="rs-callback -q --agent torn1 record $id --kind service --result no-answer"
			next="rs-callback -q --agent torn2 record $id --kind service --result refused" ;;
		esac
		n=$(($(wc -l <"$RS_DIR/$j.tsv") + 1))
		tcase "torn $j: writer killed after half a row" 137 '' '' 2>/dev/null \
		    env LD_PRELOAD="$FI_SO" FI_MATCH="$RS_DIR/$j.tsv" FI_FUNC=write FI_NTH=1 FI_SHORT=1 FI_ACTION=kill-after $cmd
		tcase "torn $j: check reports the torn line only" 1 "$j.tsv:$n: torn last line (no newline at the end)" "$NOZONE" rs-journal check
		tcase "torn $j: readers skip it quietly" 0 '*' '' rs-journal cat "$j"
		tcase "torn $j: the half row is not a row" 0 0 '' count_tag "$j" torn1
		tcase "torn $j: next append works" 0 '*' '' $next
		tcase "torn $j: the new row is whole" 0 1 '' count_tag "$j" torn2
		tcase "torn $j: the fragment is one bad line" 1 "$j.tsv:$n: *" "$NOZONE" \
		    sh -c "rs-journal check >'$T/c.out'; rc=\$?; sed 's/\\(:$n: \\).*/\\1*/' '$T/c.out'; exit \$rc"
	done
fi

# A writer killed after creating a new journal file but before its first
# write leaves an empty file: that is an empty journal, for check too.
if [ -n "$FI_SO" ]; then
	jdir
	mkdir -p "$RS_DIR"
	cp "$SAMPLES/providers.tsv" "$RS_DIR/"
	id=$(rs-intake -q --phone 13900000001 --location empty --service tow)
	for j in dispatch complaints callbacks cases; do
		case $j in
		cases) rm -f "$RS_DIR/cases.tsv"; cmd="rs-intake -q --phone 13900000002 --location x --service tow" ;;
		dispatch) cmd="rs-dispatch -q notify $id" ;;
		complaints) cmd="rs-complain -q open --case $id --category fee --demand x --level 2" ;;
		callbacks)
			# A service callback needs a completed case (SPEC 6).
			setup rs-dispatch -q assign "$id" --provider P001 >/dev/null
			setup rs-dispatch -q arrive "$id" >/dev/null
			setup rs-dispatch -q complete "$id" --outcome towed >/dev/null
			cmd="rs-callback -q record $id --kind service --result no-answer" ;;
		esac
		tcase "empty $j: writer killed before its first write" 137 '' '' 2>/dev/null \
		    env LD_PRELOAD="$FI_SO" FI_MATCH="$RS_DIR/$j.tsv" FI_FUNC=write FI_NTH=1 FI_ACTION=kill $cmd
		tcase "empty $j: the file is there, empty" 0 0 '' stat -c %s "$RS_DIR/$j.tsv"
		tcase "empty $j: check passes" 0 '' "$NOZONE" rs-journal check $j
		tcase "empty $j: cat reads an empty journal" 0 '' '' rs-journal cat $j -H
		tcase "empty $j: the next append works" 0 '*' '' $cmd
		tcase "empty $j: and check passes" 0 '' "$NOZONE" rs-journal check
	done
fi

###########################################################################
# rs-journal archive killed at random moments. Each round writes rows in
# two months (cases and dispatch), then archives them, killed until one
# run completes; after every kill every row reads exactly once, check is
# clean and an append works (its row joins the next archive).

ARCH_KILLS=0 ARCH_RUNS=0
jdir
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
: >"$T/problems" : >"$T/atags"
# rows_ok WHAT: every tag in atags reads exactly once (cases via cat: archives + live).
rows_ok() {
	rs-journal cat cases -H 2>"$T/cat.err" | cut -f5 | grep -v '^tester$' | sort >"$T/cat.tags"
	[ -s "$T/cat.err" ] && problem "$1: cat wrote: $(head -c 300 "$T/cat.err")"
	sort "$T/atags" | cmp -s - "$T/cat.tags" ||
	    problem "$1: rows differ: $(sort "$T/atags" | diff - "$T/cat.tags" | grep '^[<>]' | head -5 | tr '\n' ' ')"
	rs-journal cat dispatch -H 2>/dev/null | cut -f3,4 | sort | uniq -d | sed "s/^/$1: dispatch row twice for /" >>"$T/problems"
}
# Round r writes rows in months 2r and 2r+1 and archives before month
# 2r+2; rows appended after a kill are dated 2r+2 (the month in progress,
# as a real append after a crash would be) and go with the next round.
months=(2025-01 2025-02 2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12
	2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11)
for rr in $(seq 0 $((ARCH_ROUNDS - 1))); do
	r=$((rr % 11))
	if [ "$r" = 0 ] && [ "$rr" -gt 0 ]; then	# RS_TORTURE_SCALE > 1: start again in a fresh directory
		jdir
		mkdir -p "$RS_DIR"
		cp "$SAMPLES/providers.tsv" "$RS_DIR/"
		: >"$T/atags"
	fi
	m1=${months[$((2 * r))]} m2=${months[$((2 * r + 1))]} before=${months[$((2 * r + 2))]}
	for m in "$m1" "$m2"; do
		for d in 03 17 28; do
			TAGN=$((TAGN + 1))
			id=$(RS_NOW=$m-${d}T09:00:00+08:00 rs-intake -q --agent a$TAGN --phone 13900000001 --location "arch $m" --service tow) ||
			    problem "archive round $r: intake failed"
			echo "a$TAGN" >>"$T/atags"
			RS_NOW=$m-${d}T09:10:00+08:00 rs-dispatch -q assign "$id" --provider P001 >/dev/null || problem "archive round $r: assign failed"
		done
	done
	tries=0
	while :; do
		tries=$((tries + 1)) ARCH_RUNS=$((ARCH_RUNS + 1))
		if [ "$tries" -gt 6 ]; then
			rs-journal archive --before "$before" >"$T/v.out" 2>"$T/v.err"; ST=$?
		else
			attempt archive rs-journal archive --before "$before"
		fi
		[ "$ST" = 137 ] && ARCH_KILLS=$((ARCH_KILLS + 1))
		[ "$ST" = 0 ] || [ "$ST" = 137 ] || problem "archive round $r: exit $ST: $(head -c 300 "$T/v.err")"
		rows_ok "archive round $r try $tries (exit $ST)"
		ARCHIVING=y
		check_ok "archive round $r try $tries (exit $ST)"
		ARCHIVING=
		[ "$ST" = 0 ] && break
		# the next append works, and its row is archived with the others
		TAGN=$((TAGN + 1))
		RS_NOW=$before-01T00:$(printf %02d "$tries"):00+08:00 rs-intake -q --agent a$TAGN --phone 13900000001 --location "after kill" --service tow >/dev/null ||
		    problem "archive round $r: append after a kill failed"
		echo "a$TAGN" >>"$T/atags"
	done
	# the months are gone from the live file
	awk -F'\t' -v m="$m2" 'NR > 1 && substr($1, 1, 7) <= m { print "live row of an archived month: " $1; exit }' \
	    "$RS_DIR/cases.tsv" >>"$T/problems"
done
ls "$RS_DIR"/*.tmp >/dev/null 2>&1 && stale=y || stale=n
tfile "archive torture: $ARCH_KILLS kills in $ARCH_RUNS runs: no row lost or doubled" '' "$T/problems"
tcase 'archive torture: check clean at the end' 0 '' "$NOZONE" rs-journal check
printf 'archive torture: kills=%s runs=%s rounds=%s stale_tmp=%s\n' "$ARCH_KILLS" "$ARCH_RUNS" "$ARCH_ROUNDS" "$stale" >>"$STATS"

###########################################################################
# An archive crashed at each of its calls in turn (the shim raises
# SIGKILL just before the Nth write, fsync, rename or open in the journal
# directory): every row still reads exactly once, check is clean, and
# running archive again finishes the job with the same result as a run
# that was never interrupted.

if [ -n "$FI_SO" ]; then
	jdir "$T/ref"
	mkdir -p "$RS_DIR"
	cp "$SAMPLES/providers.tsv" "$RS_DIR/"
	: >"$T/problems"
	: >"$T/atags"
	for m in 2026-08 2026-09 2026-10 2026-11; do
		for d in 05 20; do
			TAGN=$((TAGN + 1))
			id=$(RS_NOW=$m-${d}T09:00:00+08:00 rs-intake -q --agent a$TAGN --phone 13900000001 --location "sweep $m" --service tow)
			echo "a$TAGN" >>"$T/atags"
			RS_NOW=$m-${d}T09:10:00+08:00 setup rs-dispatch -q assign "$id" --provider P001 >/dev/null
			RS_NOW=$m-${d}T09:20:00+08:00 setup rs-complain -q open --case "$id" --category fee --demand x >/dev/null 2>&1
			# a service callback needs a completed case (SPEC 6)
			RS_NOW=$m-${d}T09:25:00+08:00 setup rs-dispatch -q complete "$id" --outcome remote >/dev/null
			RS_NOW=$m-${d}T09:30:00+08:00 setup rs-callback -q record "$id" --kind service --result no-answer >/dev/null
		done
	done
	# August archived by an earlier run
	RS_NOW=2026-10-01T00:00:00+08:00 setup rs-journal archive --before 2026-09 >/dev/null 2>&1
	cp -a "$T/ref" "$T/base"
	setup rs-journal archive --before 2026-11 >/dev/null 2>&1
	for j in cases dispatch complaints callbacks; do rs-journal cat $j >"$T/want.$j"; done
	POINTS=0
	for f in open write fsync rename; do
		rm -rf "$T/c" && cp -a "$T/base" "$T/c"
		RS_DIR=$T/c RS_FSYNC=1 FI_FUNC=$f FI_COUNT=$T/count FI_MATCH=$T/c LD_PRELOAD=$FI_SO rs-journal archive --before 2026-11 >/dev/null 2>&1
		calls=$(awk -v f=$f '$1 == f { n = $2 } END { print n + 0 }' "$T/count")
		rm -f "$T/count"
		[ "$calls" -gt 0 ] || problem "sweep: archive made no $f call"
		for n in $(seq 1 "$calls"); do
			POINTS=$((POINTS + 1))
			rm -rf "$T/c" && cp -a "$T/base" "$T/c"
			RS_DIR=$T/c
			( env RS_FSYNC=1 FI_FUNC=$f FI_NTH=$n FI_ACTION=kill FI_MATCH="$T/c" LD_PRELOAD="$FI_SO" \
			    rs-journal archive --before 2026-11 >"$T/v.out" 2>"$T/v.err"; echo $? >"$T/st" ) 2>/dev/null
			ST=$(cat "$T/st")
			[ "$ST" = 137 ] || problem "sweep $f #$n: exit $ST, want 137 (killed)"
			rows_ok "sweep $f #$n"
			ARCHIVING=y
			check_ok "sweep $f #$n"
			ARCHIVING=
			rs-journal archive --before 2026-11 >/dev/null 2>"$T/v.err" || problem "sweep $f #$n: archive again failed: $(cat "$T/v.err")"
			for j in cases dispatch complaints callbacks; do
				rs-journal cat $j 2>&1 | cmp -s - "$T/want.$j" || problem "sweep $f #$n: $j differs from an uninterrupted archive"
			done
			check_ok "sweep $f #$n, archived again"
		done
	done
	RS_DIR=$T/ref
	tfile "archive crash sweep: $POINTS crash points, nothing lost or doubled" '' "$T/problems"
	printf 'archive crash sweep: points=%s\n' "$POINTS" >>"$STATS"
fi
exec 9<&-
