# 59-report-threads.sh - rs-report kpi reads two journals side by side,
# each on its share of the threads (RS_THREADS, SPEC 5), and a journal
# with two threads or more is cut into slices at line starts, folded
# slice by slice and merged in file order. The figures, the warnings and
# the errors must not depend on the number of threads.

. "$TOP/tests/cli/data/report/rows.sh"

# A journal where one case's rows lie far apart, so that with more than
# one thread they fall into different slices (a slice is at least 64 KB:
# the 4000 padding rows of some 170 bytes make ~680 KB).
#   Y  opened 11-20 23:00, never dispatched: 11-20 dispatch 0.0 (missed),
#      arrival 0.0 (missed: due 23:30, as of 11-22 10:00).
#   X  opened 11-21 00:10 (city, no call_at); 4000 notes on Y follow; then
#      X amended 11-21 20:00: call_at 00:08, road highway.
#      Dispatch: assigned at 00:14, counted from call_at 00:08 = 6 min >
#      sla.dispatch_min 5: missed -> 0.0 (from the opened at, 00:10, it
#      would be 4 min: met, 100.0: a merge that lost call_at shows).
#      Arrival: the arrived row is written late (ts 20:00, at 00:55),
#      after 4000 enroute rows of Y: 45 min from the opened at, within
#      the highway's 60 -> 100.0 (as city, 30 min: missed, 0.0; without
#      the arrived row: missed, 0.0).
#   Bad rows: every 500th note on Y has lat 91 (8 in cases.tsv, first at
#   line 4 + 499 = 503: header, Y, X, then notes from line 4).
newdir "$T/big"
opened RS-20261120-0002 2026-11-20T23:00:00+08:00
opened RS-20261121-0001 2026-11-21T00:10:00+08:00
PAD=$(printf 'padding %.0s' $(seq 1 12))
note=$(ev cases 2026-11-21T01:00:00+08:00 case_id=RS-20261120-0002 event=amended note="$PAD")
bad=$(ev cases 2026-11-21T01:00:00+08:00 case_id=RS-20261120-0002 event=amended note="$PAD" lat=91)
awk -v n="$note" -v b="$bad" 'BEGIN { for (i = 1; i <= 4000; i++) print (i % 500 ? n : b) }' \
    >>"$J/cases.tsv"
ev cases 2026-11-21T20:00:00+08:00 case_id=RS-20261121-0001 event=amended \
    call_at=2026-11-21T00:08:00+08:00 road=highway >>"$J/cases.tsv"
disp RS-20261121-0001 2026-11-21T00:14:00+08:00 assigned provider=P001
enr=$(ev dispatch 2026-11-21T01:00:00+08:00 case_id=RS-20261120-0002 event=enroute note="$PAD")
awk -v n="$enr" 'BEGIN { for (i = 1; i <= 4000; i++) print n }' >>"$J/dispatch.tsv"
row dispatch ts=2026-11-21T20:00:00+08:00 at=2026-11-21T00:55:00+08:00 \
    case_id=RS-20261121-0001 event=arrived >>"$J/dispatch.tsv"
disp RS-20261121-0001 2026-11-21T20:01:00+08:00 completed outcome=towed

K="kpi -f tsv --since 2026-11-20 --until 2026-11-22"
WANT=$(printf '%s\n' \
    "period	cases	dispatch_sla_pct	arrival_sla_pct	complaints	per_1000	csat_pct	nps	complainant_satisfaction_pct" \
    "2026-11-20	1	0.0	0.0	0	0.0			" \
    "2026-11-21	1	0.0	100.0	0	0.0			")
WARN="rs-report: $J/cases.tsv: skipped 8 bad rows, the first at line 503"
for n in 1 2 3 4 8 64; do
	tcase "rows of one case in different slices, RS_THREADS=$n" 0 "$WANT" "$WARN" \
	    env RS_THREADS=$n rs-report -d "$J" $K
done

# The sample (archives and live files of 3 to 5 MB): every thread count
# prints what one thread prints, in every grouping, from every start.
S=$SAMPLES/journal
for by in day week month; do
	for since in 2026-09-28 2026-11-02; do
		A="kpi -f tsv --by $by --since $since --as-of 2026-11-23T10:00:00+08:00"
		RS_THREADS=1 rs-report -d "$S" $A >"$T/one" 2>"$T/one.err"
		for n in 2 3 7; do
			tcase "the sample by $by from $since, RS_THREADS=$n: as one thread" 0 \
			    "$(cat "$T/one")" "$(cat "$T/one.err")" env RS_THREADS=$n rs-report -d "$S" $A
		done
	done
done

# A torn last line (a write in progress) is no row, on any thread count.
cp -r "$J" "$T/torn"
printf '2026-11-21T20:02:00+08:00\t2026-11-21T20:02:00+08:00\tRS-2026' >>"$T/torn/dispatch.tsv"
tcase 'a torn last line in a slice: not a row, not a warning' 0 "$WANT" \
    "rs-report: $T/torn/cases.tsv: skipped 8 bad rows, the first at line 503" \
    env RS_THREADS=4 rs-report -d "$T/torn" $K

# RS_THREADS is a number of threads, 1 to 256; anything else is refused.
for v in 0 257 abc ' 2' 2x -1; do
	tcase "RS_THREADS='$v': exit 1" 1 '' \
	    "rs-report: RS_THREADS: bad value '$v' (want a number of threads, 1 to 256)" \
	    env RS_THREADS="$v" rs-report -d "$J" $K
done
tcase 'RS_THREADS empty: the online CPUs' 0 "$WANT" "$WARN" env RS_THREADS= rs-report -d "$J" $K

# A slice that cannot be read fails the report as one reader would: the
# cases journal's warning, then the error of the file, exit 3, nothing
# on stdout. RS_THREADS=4: cases and dispatch are read side by side,
# each in two slices. The last two reads of dispatch.tsv fail: they are
# its slices' (its bisection and cuts read first, before its slices'
# threads start), whichever thread makes them.
fi_shim
if [ -n "$FI_SO" ]; then
	rm -f "$T/count"
	env LD_PRELOAD="$FI_SO" FI_FUNC=read FI_MATCH=dispatch.tsv FI_COUNT="$T/count" \
	    RS_THREADS=4 rs-report -d "$J" $K >/dev/null 2>&1
	nreads=$(awk '$1 == "read" { print $2 }' "$T/count")
	tcase 'a read error in a slice: exit 3, nothing printed' 3 '' \
	    "$WARN
rs-report: $J/dispatch.tsv: read error: Input/output error" \
	    env LD_PRELOAD="$FI_SO" FI_FUNC=read FI_MATCH=dispatch.tsv FI_NTH=$((nreads - 1))+ \
	    FI_ERRNO=EIO RS_THREADS=4 rs-report -d "$J" $K
fi
