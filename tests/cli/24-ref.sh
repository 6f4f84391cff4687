# 24-ref.sh - idempotency keys (SPEC 5 --ref, 3.4, 9 ref.window_d): a
# write given a key that the journal already holds (within the window,
# archives included) writes nothing, prints the row written the first
# time and exits 0; the same key with other values is exit 1; import
# skips the rows whose ref is there. Eight processes racing with one key
# open one case: the first is stopped by the fault shim after its lookup,
# under the lock, just before its write, and the seven others are started
# while it holds the lock.

command -v rs-intake >/dev/null 2>&1 || return 0
fi_shim

jdir
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
rows() { tail -n +2 "$RS_DIR/$1.tsv" 2>/dev/null | wc -l; }
NEW='--phone 13800000001 --location G4 --service tow'
# New cases that are not retries come from other phones: the same phone
# while a case is open is a duplicate-call warning (not what this tests).
new() { echo "--phone 1380000010$1 --location G4 --service tow"; }

# A retry prints the first row's id and writes nothing more.
tcase 'intake --ref: first' 0 'RS-20261122-0001' '' rs-intake -q --ref K1 $NEW
tcase 'intake --ref: again' 0 'RS-20261122-0001' '' rs-intake -q --ref K1 $NEW
tcase 'intake --ref: again, later' 0 'RS-20261122-0001' '' \
    env RS_NOW=2026-11-23T09:00:00+08:00 rs-intake -q --ref K1 $NEW
tfile 'intake --ref: one row' 1 <(rows cases)
# Without -q the row written the first time, its ts and at those of then.
first=$(sed -n 1,2p "$RS_DIR/cases.tsv")
tcase 'intake --ref: again prints the first row' 0 "$first" '' \
    env RS_NOW=2026-11-22T10:30:00+08:00 rs-intake --ref K1 $NEW
# Another key is another case; an option the retry does not give is not compared.
tcase 'intake --ref: another key' 0 'RS-20261122-0002' '' rs-intake -q --ref K2 $(new 2)
tcase 'intake --ref: fewer options' 0 'RS-20261122-0001' '' \
    rs-intake -q --ref K1 --phone 13800000001 --location G4 --service tow
# A key reused for another thing.
tcase 'intake --ref: other phone: exit 1' 1 '' \
    "rs-intake: RS-20261122-0001: ref K1 was given to this row with phone '13800000001', not '13900000009': a key retries the same command, it is not for another one" \
    rs-intake -q --ref K1 --phone 13900000009 --location G4 --service tow
tcase 'intake --ref: amend with a key of a new case: exit 1' 1 '' \
    "rs-intake: RS-20261122-0001: ref K1 was given to this row with event 'opened', not 'amended': a key retries the same command, it is not for another one" \
    rs-intake -q amend RS-20261122-0001 --note x --ref K1
tfile 'intake --ref: refused writes nothing' 2 <(rows cases)
tcase 'intake amend --ref: first' 0 'RS-20261122-0001' '' rs-intake -q amend RS-20261122-0001 --note x --ref K3
tcase 'intake amend --ref: again' 0 'RS-20261122-0001' '' rs-intake -q amend RS-20261122-0001 --note x --ref K3
tfile 'intake amend --ref: one row' 3 <(rows cases)

# Bad keys: exit 1, nothing written.
tcase 'bad key: white space' 1 '' 'rs-intake: --ref: bad key: white space in it' \
    rs-intake -q --ref 'a b' $NEW
tcase 'bad key: ideographic space' 1 '' 'rs-intake: --ref: bad key: white space in it' \
    rs-intake -q --ref 'a　b' $NEW
tcase 'bad key: empty' 1 '' 'rs-intake: --ref: empty key' rs-intake -q --ref '' $NEW
tcase 'bad key: 65 characters' 1 '' 'rs-intake: --ref: key longer than 64 characters' \
    rs-intake -q --ref "$(printf '%065d' 0)" $NEW
tcase 'key: 64 characters (CJK) is fine' 0 'RS-20261122-0003' '' \
    rs-intake -q --ref "$(printf '键%.0s' $(seq 64))" $(new 3)
tcase 'bad key: control character' 1 '' 'rs-intake: --ref: bad key: control character U+001B' \
    rs-intake -q --ref "$(printf 'a\033b')" $NEW
tfile 'bad keys: nothing written' 4 <(rows cases)

# The window: ref.window_d days (30) back from now; rules.tsv changes it.
tcase 'window: a key 31 days old is not looked at' 0 'RS-20261122-0004' '' \
    env RS_NOW=2026-12-23T10:00:01+08:00 rs-intake -q --ref K2 --at 2026-11-22T10:00 $(new 4)
printf 'ref.window_d\t60\n' >"$RS_DIR/rules.tsv"
tcase 'window: ref.window_d 60 finds the newest row with the key' 0 'RS-20261122-0004' '' \
    env RS_NOW=2026-12-23T10:00:01+08:00 rs-intake -q --ref K2 $(new 4)
rm "$RS_DIR/rules.tsv"

# Every write command of every tool.
A=RS-20261122-0001
same() {
	_n=$1 _j=$2
	shift 2
	_before=$(rows "$_j")
	tcase "$_n: first" 0 '*' '' "$@"
	_out=$(cat "$T/.out")
	tcase "$_n: again, the same output" 0 "$_out" '' "$@"
	tfile "$_n: one row" $((_before + 1)) <(rows "$_j")
}
same 'dispatch assign --ref' dispatch rs-dispatch assign "$A" --provider P001 --ref D1
same 'dispatch notify --ref' dispatch rs-dispatch -q notify "$A" --ref D2
same 'dispatch arrive --ref' dispatch rs-dispatch arrive "$A" --ref D3
tcase 'dispatch: retrying arrive after the case moved on' 0 "$A" '' rs-dispatch -q arrive "$A" --ref D3
same 'dispatch complete --ref' dispatch rs-dispatch -q complete "$A" --outcome towed --ref D4
tcase 'dispatch: a key of another event: exit 1' 1 '' \
    "rs-dispatch: $A: ref D4 was given to this row with event 'completed', not 'cancelled': a key retries the same command, it is not for another one" \
    rs-dispatch -q cancel "$A" --reason customer --ref D4
same 'complain open --ref' complaints rs-complain open --case "$A" --category late --demand sorry --level 1 --ref C1
CP=$(tail -n 1 "$RS_DIR/complaints.tsv" | cut -f3)
same 'complain contact --ref' complaints rs-complain -q contact "$CP" --note called --ref C2
same 'complain resolve --ref' complaints rs-complain -q resolve "$CP" --remedy apology --note ok --ref C3
tcase 'complain: retrying resolve after close' 0 '*' '*' rs-complain -q close "$CP"
tcase 'complain: retried resolve still answers' 0 "$CP" '' rs-complain -q resolve "$CP" --remedy apology --note ok --ref C3
tcase 'complain: other values: exit 1' 1 '' \
    "rs-complain: $CP: ref C3 was given to this row with remedy 'apology', not 'voucher': a key retries the same command, it is not for another one" \
    rs-complain -q resolve "$CP" --remedy voucher --note ok --ref C3
same 'callback record --ref' callbacks rs-callback record "$A" --kind service --result reached --overall 5 --ref B1

# import: rows whose ref is already there are skipped; the rest go in.
jdir
printf 'phone\tlocation\tservice\tref\n13800000001\tA\ttow\tP-1\n13800000002\tB\ttow\tP-2\n13800000003\tC\ttow\t\n' >"$T/feed.tsv"
tcase 'import with refs: first' 0 'RS-20261122-0001
RS-20261122-0002
RS-20261122-0003' '' rs-intake -q import "$T/feed.tsv"
tcase 'import with refs: again: the keyed rows are skipped' 0 'RS-20261122-0004' \
    "rs-intake: $T/feed.tsv: skipped 2 rows whose ref is already in the journal" \
    rs-intake -q import "$T/feed.tsv"
printf 'phone\tlocation\tservice\tref\n13800000001\tA\ttow\tP-1\n13800000005\tE\ttow\tP-5\n' >"$T/feed2.tsv"
tcase 'import with refs: a file with an old and a new key' 0 'RS-20261122-0005' \
    "rs-intake: $T/feed2.tsv: skipped 1 rows whose ref is already in the journal" \
    rs-intake -q import "$T/feed2.tsv"
tcase 'import with refs: all known: nothing' 0 '' \
    "rs-intake: $T/feed2.tsv: skipped 2 rows whose ref is already in the journal" \
    rs-intake -q import "$T/feed2.tsv"
tfile 'import with refs: the rows, once each' 'P-1
P-2

P-5' <(tail -n +2 "$RS_DIR/cases.tsv" | cut -f33 | head -3; tail -n 1 "$RS_DIR/cases.tsv" | cut -f33)
printf 'phone\tlocation\tservice\tref\n13800000001\tA\ttow\tQ\n13800000002\tB\ttow\tQ\n' >"$T/twice.tsv"
tcase 'import: one key on two rows: exit 1' 1 '' "rs-intake: $T/twice.tsv:3: column ref: the key of an earlier row again" \
    rs-intake -q import "$T/twice.tsv"
printf 'phone\tlocation\tservice\tref\n13800000001\tA\ttow\ta b\n' >"$T/bad.tsv"
tcase 'import: a bad key: exit 1' 1 '' "rs-intake: $T/bad.tsv:2: column ref: bad key: white space in it" \
    rs-intake -q import "$T/bad.tsv"
tcase 'import --ref: exit 2' 2 '' "rs-intake: import: give each row's key in a 'ref' column, not --ref (see rs-intake import --help)" rs-intake -q import --ref X "$T/feed.tsv"

# The key is found in an archive of a month inside the window.
jdir
RS_NOW=2026-10-31T20:00:00+08:00 setup rs-intake -q --ref OCT $NEW >/dev/null
RS_NOW=2026-11-01T09:00:00+08:00 setup rs-intake -q $NEW >/dev/null
setup rs-journal archive --before 2026-11 >/dev/null 2>&1
tok 'archived: October is in the archive' test -f "$RS_DIR/cases.2026-10.tsv.gz"
tcase 'archived: the key is found there' 0 'RS-20261031-0001' '' rs-intake -q --ref OCT $NEW
tfile 'archived: nothing written' 1 <(rows cases)

# Eight processes, one key: one case, each prints its id, exit 0.
if [ -n "$FI_SO" ]; then
	jdir
	setup rs-intake -q $NEW >/dev/null
	env RS_LOCK_TIMEOUT=60 FI_FUNC=write FI_NTH=1 FI_ACTION=stop FI_MATCH="$RS_DIR/cases.tsv" \
	    LD_PRELOAD="$FI_SO" rs-intake -q --ref RACE $(new 5) >"$T/race.0" 2>"$T/race.0.err" &
	first=$!
	tok 'race: the first stopped before its write, under the lock' stopped "$first"
	pids=
	for i in 1 2 3 4 5 6 7; do
		RS_LOCK_TIMEOUT=60 rs-intake -q --ref RACE $(new 5) >"$T/race.$i" 2>"$T/race.$i.err" &
		pids="$pids $!"
	done
	# The seven wait for the lock: each has the journal open (the lock
	# is polled on the open file, and the first holds it).
	waiting() {
		for p in $pids; do
			ls -l "/proc/$p/fd" 2>/dev/null | grep -q "$RS_DIR/cases.tsv" || return 1
		done
	}
	for i in $(seq 1 500); do waiting && break; sleep 0.02; done
	tok 'race: seven wait for the lock' waiting
	kill -CONT "$first"
	rcs=0
	for p in $first $pids; do wait "$p" || rcs=$((rcs + 1)); done
	tfile 'race: every process exit 0' 0 <(echo $rcs)
	tfile 'race: every process prints the id' "$(printf 'RS-20261122-0002\n%.0s' 1 2 3 4 5 6 7 8)" \
	    <(cat "$T"/race.[0-7])
	tfile 'race: one case' 2 <(rows cases)
fi

# The lookup reads the tail: a journal with twice the old history (rows
# 113 days back, outside the window) costs the lookup only the few more
# reads of a bisection step or two, not those of reading it all (a whole
# 3.4 MB more would be 50 more reads of 64 KiB).
if [ -n "$FI_SO" ]; then
	reads() {
		jdir "$T/big"
		awk -v n="$1" 'BEGIN { print "phone\tlocation\tservice"
		    for (i = 0; i < n; i++) print "13800000001\troad " i " with some text to make it longer\ttow" }' >"$T/old.tsv"
		RS_NOW=2026-08-01T10:00:00+08:00 setup rs-intake -q import "$T/old.tsv" >/dev/null
		setup rs-intake -q --ref NEW $NEW >/dev/null
		rm -f "$T/count"
		FI_COUNT=$T/count FI_FUNC=read FI_MATCH=$RS_DIR/cases.tsv LD_PRELOAD="$FI_SO" \
		    rs-intake -q --ref NEW $NEW >/dev/null
		cut -d' ' -f2 "$T/count"
	}
	r1=$(reads 20000) r2=$(reads 40000)
	tok "tail: twice the history, at most 8 more reads ($r1, $r2)" test $((r2 - r1)) -le 8
fi
