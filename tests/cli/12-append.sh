# 12-append.sh - journal_append through rs-intake: concurrency, torn
# lines, file size limits, lock timeouts, permissions (SPEC 3.4, 11).

command -v rs-intake >/dev/null 2>&1 || return 0
jdir

# 32 writers x 200 appends each (fewer under valgrind, which is slow):
# every row lands, ids unique and gap-free for the day.
per=200
[ -n "$RS_VALGRIND" ] && per=5
# Each writer waits its turn; on a loaded machine (or under ASan) a turn
# can take longer than the default 10 s wait, which is not what this tests.
export RS_LOCK_TIMEOUT=300
for w in $(seq 1 32); do
	(
		# A phone per row: one phone again and again would be a possible duplicate call.
		for i in $(seq 1 $per); do
			rs-intake -q --phone "138$(printf %04d%04d "$w" "$i")" --location "w$w i$i" \
			    --service tow >/dev/null || echo "writer $w append $i failed" >&2
		done
	) 2>>"$T/writers.err" &
done
wait
total=$((32 * per))
tfile '32 writers: no append failed' '' "$T/writers.err"
tcase '32 writers: journal checks clean' 0 '' "$NOZONE" rs-journal check
tcase "32 writers: $total rows" 0 "$total" '' sh -c "tail -n +2 '$RS_DIR/cases.tsv' | wc -l"
tcase '32 writers: ids unique' 0 "$total" '' sh -c "cut -f3 '$RS_DIR/cases.tsv' | tail -n +2 | sort -u | wc -l"
tcase '32 writers: ids gap-free' 0 "RS-20261122-0001 RS-20261122-$(printf %04d $total)" '' \
    sh -c "cut -f3 '$RS_DIR/cases.tsv' | tail -n +2 | sort | sed -n '1p;\$p' | tr '\n' ' ' | sed 's/ \$//'"
tcase '32 writers: every writer has all its rows' 0 "32 $per" '' \
    sh -c "cut -f14 '$RS_DIR/cases.tsv' | tail -n +2 | sed 's/ .*//' | sort | uniq -c | awk '{print \$1}' | sort -u | sed 's/^/32 /' | head -1"

unset RS_LOCK_TIMEOUT

# A torn last line (a write cut short by kill -9): check reports it,
# the next append starts on a fresh line, and the fragment stays one bad line.
jdir
rs-intake -q --phone 13800000001 --location A --service tow >/dev/null
printf '2026-11-22T10:00:00+08:00\t2026-11-22T10:00:00+08:00\tRS-2026' >>"$RS_DIR/cases.tsv"
tcase 'torn: check reports the torn last line' 1 \
    'cases.tsv:3: torn last line (no newline at the end)' "$NOZONE" rs-journal check
tcase 'torn: readers skip it silently' 0 'RS-20261122-0001' '' sh -c 'rs-journal cat cases -H | cut -f3'
tcase 'torn: next append works' 0 'RS-20261122-0002' '' \
    rs-intake -q --phone 13800000002 --location B --service tow
tcase 'torn: the fragment is one bad line, the new row intact' 1 \
    'cases.tsv:3: wrong number of fields: 3, want 33' "$NOZONE" rs-journal check
tcase 'torn: both good rows read' 0 $'RS-20261122-0001\nRS-20261122-0002' \
    "rs-journal: $RS_DIR/cases.tsv: skipped 1 bad row, the first at line 3" \
    sh -c 'rs-journal cat cases -H | cut -f3'

# A file size limit during an append: exit 3, the file byte for byte as before.
jdir
rs-intake -q --phone 13800000001 --location A --service tow >/dev/null
while [ "$(wc -c <"$RS_DIR/cases.tsv")" -lt 900 ]; do
	rs-intake -q --phone 13800000001 --location "padding padding padding" --service tow >/dev/null
done
cp "$RS_DIR/cases.tsv" "$T/before.tsv"
tcase 'ulimit -f: exit 3' 3 '' "rs-intake: $RS_DIR/cases.tsv: write error: File too large" \
    sh -c 'ulimit -f 1; exec rs-intake -q --phone 13800000009 --location "a long location text that does not fit under the limit any more" --service tow'
tsame 'ulimit -f: journal unchanged' "$T/before.tsv" "$RS_DIR/cases.tsv"
tcase 'ulimit -f: next append works' 0 '*' '' rs-intake -q --phone 13800000009 --location C --service tow

# Another process holds the journal lock: exit 4 after RS_LOCK_TIMEOUT,
# nothing written; a killed holder releases the lock.
jdir
rs-intake -q --phone 13800000001 --location A --service tow >/dev/null
cp "$RS_DIR/cases.tsv" "$T/before.tsv"
python3 -c 'import fcntl,sys,time
f=open(sys.argv[1],"a"); fcntl.lockf(f, fcntl.LOCK_EX); open(sys.argv[2],"w").close(); time.sleep(30)' \
    "$RS_DIR/cases.tsv" "$T/locked" &
holder=$!
while [ ! -e "$T/locked" ]; do sleep 0.05; done
tcase 'lock held: exit 4' 4 '' \
    "rs-intake: $RS_DIR/cases.tsv: journal is busy (locked by another writer for 0.3 s); try again" \
    env RS_LOCK_TIMEOUT=0.3 rs-intake -q --phone 13800000002 --location B --service tow
tsame 'lock held: nothing written' "$T/before.tsv" "$RS_DIR/cases.tsv"
kill -9 $holder; wait $holder 2>/dev/null
tcase 'lock holder killed: append works' 0 'RS-20261122-0002' '' \
    env RS_LOCK_TIMEOUT=2 rs-intake -q --phone 13800000002 --location B --service tow

# New directories 0700 and files 0600, whatever the umask.
jdir "$T/perm/j"
mkdir -p "$T/perm"
tcase 'umask 000: append works' 0 'RS-20261122-0001' '' \
    sh -c 'umask 000; exec rs-intake -q --phone 13800000001 --location A --service tow'
tcase 'umask 000: dir 700, file 600' 0 $'700\n600' '' stat -c %a "$RS_DIR" "$RS_DIR/cases.tsv"
