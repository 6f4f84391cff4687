# 54-report-weekly-cut.sh - rs-report weekly on a journal long enough to
# be read in parts: a second thread counts the trend's older weeks of the
# live cases file up to a byte offset a little before the report week,
# while the report reads the complaints and the rest; the rows of a
# complained-about case older than the cut are read again, only to fold
# them. Whatever the parts, the report must be what one reader of the
# same rows makes of them: --cases FILE reads the file whole, in one.
#
# The journal: rs-gen, 60 cases a day for 70 days from Monday 2026-08-03
# (W32) to 2026-10-11 (the end of W41), 1.4 MB of cases; seed 53 leaves
# room in W41's red list for the old case's complaint below.

GEN=$TOP/build/gen-tool/rs-gen
L=$T/long
"$GEN" --cases-per-day 60 --days 70 --providers 20 --seed 53 --start 2026-08-03 \
    --dir "$L" || echo "FAIL: rs-gen"
AS_OF=2026-10-12T00:00:00+08:00

# same WEEK NAME: the report on the directory equals the one with --cases.
same() {
	rs-report -d "$L" weekly --week "$1" --as-of $AS_OF -f json >"$T/dir.json" 2>"$T/dir.err"
	rs-report -d "$L" weekly --week "$1" --as-of $AS_OF -f json \
	    --cases "$L/cases.tsv" >"$T/file.json" 2>/dev/null
	tsame "$2: $1 read in parts = read in one" "$T/dir.json" "$T/file.json"
}

# trend_by_awk FROM: cases opened per week in the 8 weeks from FROM (a
# Monday), counted from the file by awk: good rows only (the test's bad
# rows carry lat 999.0); the generator writes +08:00, the tests' zone.
trend_by_awk() {
	local starts="" d k
	for k in 0 1 2 3 4 5 6 7 8; do starts="$starts $(date -d "$1 +$((7 * k)) days" +%F)"; done
	awk -F'\t' -v starts="$starts" 'BEGIN { n = split(starts, s, " ") }
	    NR > 1 && $4 == "opened" && $15 != "999.0" {
		d = substr($2, 1, 10)
		for (k = 1; k < n; k++) if (d >= s[k] && d < s[k + 1]) c[k]++
	    }
	    END { printf "["; for (k = 1; k < n; k++) printf "%s%d", (k > 1 ? "," : ""), c[k]; print "]" }' \
	    "$L/cases.tsv"
}

same 2026-W41 "plain"
same 2026-W38 "plain"
tcase "plain: W41 trend = awk's count of opened rows" 0 "$(trend_by_awk 2026-08-17)" "" \
    sh -c "rs-report -d '$L' weekly --week 2026-W41 --as-of $AS_OF -f json | jq -c '[.trend[].cases]'"
# The journal starts in the trend's second week: the first has no data (null, SPEC 10).
tcase "plain: W38 trend = awk's count" 0 "$(trend_by_awk 2026-07-27 | sed 's/^\[0,/[null,/')" "" \
    sh -c "rs-report -d '$L' weekly --week 2026-W38 --as-of $AS_OF -f json | jq -c '[.trend[].cases]'"

# A bad row in the thread's part (W35) and one in the report's (W41): one
# warning for both, and neither counted.
awk -F'\t' -v OFS='\t' '$4 == "opened" && !a && substr($2, 1, 10) == "2026-08-26" { $15 = "999.0"; a = 1 }
    $4 == "opened" && !b && substr($2, 1, 10) == "2026-10-07" { $15 = "999.0"; b = 1 } { print }' \
    "$L/cases.tsv" >"$T/cases.bad" && mv "$T/cases.bad" "$L/cases.tsv"
same 2026-W41 "two bad rows"
# The first bad line in file order, whichever part met it (SPEC 3.1).
FIRST_BAD=$(awk -F'\t' '$15 == "999.0" { print NR; exit }' "$L/cases.tsv")
tfile "two bad rows: one warning for the parts" \
    "rs-report: $L/cases.tsv: skipped 2 bad rows, the first at line $FIRST_BAD" "$T/dir.err"
tcase "two bad rows: W41 trend = awk's count" 0 "$(trend_by_awk 2026-08-17)" "" \
    sh -c "rs-report -d '$L' weekly --week 2026-W41 --as-of $AS_OF -f json 2>/dev/null | jq -c '[.trend[].cases]'"

# A complaint in W41 about a case of W32, before the trend's first week:
# its rows come before the thread's part and inside it.
tcase "old case: complaint opened (one warning for two reads)" 0 "CP-20261011-0003" "rs-complain: $L/cases.tsv: skipped 2 bad rows, the first at line $FIRST_BAD
rs-complain: CP-20261011-0003: level 1: category attitude" env RS_NOW=2026-10-11T23:59:00+08:00 \
    rs-complain -q -d "$L" open --case RS-20260804-0001 --category attitude --demand 道歉
same 2026-W41 "old case"
OLD_AGENT=$(awk -F'\t' '$3 == "RS-20260804-0001" && $4 == "opened" { print $5; exit }' "$L/cases.tsv")
tcase "old case: its agent is in by_agent" 0 "true" "" \
    sh -c "rs-report -d '$L' weekly --week 2026-W41 --as-of $AS_OF -f json 2>/dev/null | jq '.by_agent | has(\"$OLD_AGENT\")'"
tcase "old case: in the red list" 0 "1" "" \
    sh -c "rs-report -d '$L' weekly --week 2026-W41 --as-of $AS_OF --section red_list -f tsv 2>/dev/null | grep -c RS-20260804-0001"

# August archived: the old case's rows are in an archive, so the report
# reads the cases in one (the thread's count is dropped): the same report.
cp -r "$L" "$T/arch"
tcase "archived: August archived" 0 "" "*" rs-journal -d "$T/arch" archive --before 2026-09
tok "archived: cases.2026-08.tsv.gz exists" test -f "$T/arch/cases.2026-08.tsv.gz"
rs-report -d "$L" weekly --week 2026-W41 --as-of $AS_OF -f json >"$T/live.json" 2>/dev/null
rs-report -d "$T/arch" weekly --week 2026-W41 --as-of $AS_OF -f json >"$T/arch.json" 2>"$T/arch.err"
tsame "archived: W41 = the unarchived journal's" "$T/live.json" "$T/arch.json"
tfile "archived: the warnings of one reader" \
    "$(printf '%s\n' "rs-report: $T/arch/cases.2026-08.tsv.gz: skipped 1 bad row, the first at line $(gzip -dc "$T/arch/cases.2026-08.tsv.gz" | awk -F'\t' '$15 == "999.0" { print NR; exit }')" \
    "rs-report: $T/arch/cases.tsv: skipped 1 bad row, the first at line $(awk -F'\t' '$15 == "999.0" { print NR; exit }' "$T/arch/cases.tsv")")" "$T/arch.err"
