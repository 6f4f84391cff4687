# 72-lock.sh - lock contention (SPEC 3.4, 5 exit 4): while another
# process holds a journal's lock, every writing command of every tool
# waits RS_LOCK_TIMEOUT seconds, exits 4 with the "busy" message and
# writes nothing; readers are not blocked; a holder killed with kill -9
# releases the lock at once; a writer that waited while rs-journal
# archive replaced the live file appends to the new file, not the old.

command -v rs-intake >/dev/null 2>&1 || return 0

jdir
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
RS_NOW=2026-10-10T09:00:00+08:00 setup rs-intake -q --phone 13700000001 --location old --service tow >/dev/null
A=$(rs-intake -q --phone 13700000002 --customer 'Li Lei' --location 'A road' --service tow)
setup rs-dispatch -q assign "$A" --provider P001 >/dev/null
CP=$(rs-complain -q open --case "$A" --category late --demand sorry)
# A service callback needs a completed case (SPEC 6): B is one.
B=$(rs-intake -q --phone 13700000003 --location 'B road' --service tyre)
{ rs-dispatch -q assign "$B" --provider P002 && rs-dispatch -q arrive "$B" &&
    rs-dispatch -q complete "$B" --outcome repaired; } >/dev/null || echo "setup: case B" >&2
setup rs-callback -q record "$B" --kind service --result no-answer >/dev/null
printf 'phone\tlocation\tservice\n13800000001\tL\ttow\n' >"$T/import.tsv"
snap() { (cd "$RS_DIR" && cat cases.tsv dispatch.tsv complaints.tsv callbacks.tsv | cksum); }
before=$(snap)

# hold FILE...: a python process takes POSIX write locks (fcntl.lockf,
# which conflict with the tools' OFD locks) on every FILE and sleeps.
hold() {
	rm -f "$T/locked"
	# (in a subshell that waits for it, so that its kill -9 is not
	# reported as a dead job by this shell)
	( python3 -c 'import fcntl, sys, time
fs = [open(p, "a") for p in sys.argv[2:]]
for f in fs: fcntl.lockf(f, fcntl.LOCK_EX)
open(sys.argv[1], "w").close()
time.sleep(60)' "$T/locked" "$@" &
	echo $! >"$T/holder.pid"
	wait $! 2>/dev/null ) &
	HOLDER_SH=$!
	while [ ! -e "$T/locked" ]; do sleep 0.02; done
	HOLDER=$(cat "$T/holder.pid")
}

hold "$RS_DIR/cases.tsv" "$RS_DIR/dispatch.tsv" "$RS_DIR/complaints.tsv" "$RS_DIR/callbacks.tsv"

# busy NAME JOURNAL CMD...: exit 4, the busy message, nothing written.
busy() {
	_n=$1 _j=$2 _tool=$3
	shift 2
	tcase "lock held: $_n: exit 4" 4 '' \
	    "$_tool: $RS_DIR/$_j.tsv: journal is busy (locked by another writer for 0.2 s); try again" \
	    env RS_LOCK_TIMEOUT=0.2 "$@"
	tfile "lock held: $_n: nothing written" "$before" <(snap)
}
busy 'intake new' cases rs-intake -q --phone 13800000001 --location B --service tow
busy 'intake amend' cases rs-intake -q amend "$A" --note x
busy 'intake import' cases rs-intake -q import "$T/import.tsv"
busy 'dispatch assign' dispatch rs-dispatch -q assign "$A" --provider P002
busy 'dispatch notify' dispatch rs-dispatch -q notify "$A"
busy 'dispatch enroute' dispatch rs-dispatch -q enroute "$A"
busy 'dispatch arrive' dispatch rs-dispatch -q arrive "$A"
busy 'dispatch cancel' dispatch rs-dispatch -q cancel "$A" --reason customer
busy 'complain open' complaints rs-complain -q open --case "$A" --category fee --demand x
busy 'complain escalate' complaints rs-complain -q escalate "$CP" --level 3
busy 'complain contact' complaints rs-complain -q contact "$CP"
busy 'complain investigate' complaints rs-complain -q investigate "$CP" --responsible provider --note x
busy 'complain resolve' complaints rs-complain -q resolve "$CP" --remedy apology --note x
busy 'complain action' complaints rs-complain -q action "$CP" --action a --owner o --due 2026-12-01
busy 'callback record' callbacks rs-callback -q record "$B" --kind service --result no-answer
busy 'journal archive' cases rs-journal archive --before 2026-11

# The wait is RS_LOCK_TIMEOUT long: not much shorter, not much longer.
start=$(date +%s%N)
RS_LOCK_TIMEOUT=1 rs-dispatch -q notify "$A" >/dev/null 2>&1
rc=$? ms=$((($(date +%s%N) - start) / 1000000))
tcase 'lock held: RS_LOCK_TIMEOUT=1 waits about 1 s' 0 'exit 4, waited enough' '' \
    sh -c "[ $rc = 4 ] && [ $ms -ge 950 ] && [ $ms -lt ${RS_VALGRIND:+6}4000 ] && echo 'exit 4, waited enough' || echo 'exit $rc after $ms ms'"

# Readers do not take the lock.
tcase 'lock held: cat reads' 0 '*' '' rs-journal cat cases
tcase 'lock held: check reads' 0 '' "$NOZONE" rs-journal check
tcase 'lock held: lists read' 0 '*' '' rs-dispatch list
tcase 'lock held: reports read' 0 '*' '' rs-report case "$A"
tcase 'lock held: due reads' 0 '*' '' rs-callback due

# kill -9 the holder: the lock goes with it.
kill -9 "$HOLDER"
wait "$HOLDER_SH"
tcase 'holder killed: intake works' 0 'RS-20261122-0003' '' env RS_LOCK_TIMEOUT=2 rs-intake -q --phone 13800000001 --location B --service tow
tcase 'holder killed: dispatch works' 0 "$A" '' env RS_LOCK_TIMEOUT=2 rs-dispatch -q notify "$A"
tcase 'holder killed: complain works' 0 "$CP" '' env RS_LOCK_TIMEOUT=2 rs-complain -q contact "$CP"
tcase 'holder killed: callback works' 0 "$B" '' env RS_LOCK_TIMEOUT=2 rs-callback -q record "$B" --kind service --result refused
tcase 'holder killed: archive works' 0 '' '*' env RS_LOCK_TIMEOUT=2 rs-journal archive --before 2026-11
tcase 'holder killed: check clean' 0 '' "$NOZONE" rs-journal check

# A holder that lets go in time: the waiting writer gets the lock and appends.
hold "$RS_DIR/cases.tsv"
( sleep 0.3; kill -9 "$HOLDER" ) &
tcase 'holder lets go after 0.3 s: writer waiting up to 5 s appends' 0 'RS-20261122-0004' '' \
    env RS_LOCK_TIMEOUT=5 rs-intake -q --phone 13800000009 --location C --service tow
wait 2>/dev/null

# The holder is an rs tool itself, killed with kill -9 in the middle of
# its append (the fault shim stops it just before its write, lock held).
fi_shim
if [ -n "$FI_SO" ]; then
	for w in intake dispatch complain callback; do
		case $w in
		intake) j=cases cmd="rs-intake -q --phone 13800000002 --location D --service tow" ;;
		dispatch) j=dispatch cmd="rs-dispatch -q notify $A" ;;
		complain) j=complaints cmd="rs-complain -q contact $CP" ;;
		callback) j=callbacks cmd="rs-callback -q record $B --kind service --result no-answer" ;;
		esac
		before=$(snap)
		env FI_FUNC=write FI_NTH=1 FI_ACTION=stop FI_MATCH="$RS_DIR/$j.tsv" LD_PRELOAD="$FI_SO" $cmd >/dev/null 2>&1 &
		victim=$!
		tok "rs-$w stopped inside its append" stopped "$victim"
		tcase "rs-$w holds the lock: another rs-$w gets exit 4" 4 '' '*' env RS_LOCK_TIMEOUT=0.2 $cmd
		tfile "rs-$w holds the lock: nothing written" "$before" <(snap)
		kill -9 "$victim"
		wait "$victim" 2>/dev/null
		tfile "rs-$w killed inside its append: nothing written" "$before" <(snap)
		tcase "rs-$w killed: the next append works" 0 '*' '' env RS_LOCK_TIMEOUT=2 $cmd
		tcase "rs-$w killed: check clean" 0 '' "$NOZONE" rs-journal check
	done

	# A writer waits while archive holds the lock, then archive replaces
	# the live file: the writer must append to the new live file.
	jdir
	mkdir -p "$RS_DIR"
	RS_NOW=2026-10-10T09:00:00+08:00 setup rs-intake -q --phone 13700000001 --location old --service tow >/dev/null
	setup rs-intake -q --phone 13700000002 --location new --service tow >/dev/null
	env FI_FUNC=rename FI_NTH=1 FI_ACTION=stop FI_MATCH="$RS_DIR/cases.tsv" LD_PRELOAD="$FI_SO" \
	    rs-journal archive --before 2026-11 >/dev/null 2>&1 &
	victim=$!
	tok 'archive stopped before replacing the live file' stopped "$victim"
	env RS_LOCK_TIMEOUT=10 rs-intake -q --phone 13700000003 --location waited --service tow >"$T/waiter.out" 2>&1 &
	waiter=$!
	sleep 0.3
	kill -CONT "$victim"
	wait "$victim"
	tcase 'archive done' 0 '' '' sh -c "exit $?"
	wait "$waiter"
	tfile 'the waiting writer appended' 'RS-20261122-0002' "$T/waiter.out"
	tcase 'its row is in the new live file' 0 $'RS-20261122-0001\nRS-20261122-0002' '' sh -c "tail -n +2 '$RS_DIR/cases.tsv' | cut -f3"
	tcase 'every row reads once' 0 $'RS-20261010-0001\nRS-20261122-0001\nRS-20261122-0002' '' sh -c 'rs-journal cat cases -H | cut -f3'
	tcase 'check clean' 0 '' "$NOZONE" rs-journal check
fi
