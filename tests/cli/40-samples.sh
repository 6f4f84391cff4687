# 40-samples.sh - the sample-journal generator (tests/gen/, built by `make`
# as build/gen-tool/rs-gen) and the committed samples/journal/.

GEN=$TOP/build/gen-tool/rs-gen
SARGS=$(cat "$TOP/tests/gen/samples.args")
SMALL="--cases-per-day 40 --days 9 --providers 20 --start 2026-10-27"

tok "rs-gen is built (make)" test -x "$GEN"

# same arguments, same bytes; another seed, other data
tcase "gen small" 0 "" "" "$GEN" $SMALL --seed 7 --dir "$T/a"
tcase "gen small again" 0 "" "" "$GEN" $SMALL --seed 7 --dir "$T/b"
tcase "gen other seed" 0 "" "" "$GEN" $SMALL --seed 8 --dir "$T/c"
for f in providers cases dispatch complaints callbacks; do
	tsame "same seed: $f.tsv" "$T/a/$f.tsv" "$T/b/$f.tsv"
done
tcase "other seed: cases differ" 1 "" "" cmp -s "$T/a/cases.tsv" "$T/c/cases.tsv"
tcase "other seed: complaints differ" 1 "" "" \
    cmp -s "$T/a/complaints.tsv" "$T/c/complaints.tsv"

# headers are the schemas' column names
for f in providers cases dispatch complaints callbacks; do
	tail -n +2 "$TOP/schemas/$f.tsv" | cut -f1 | paste -sd '\t' >"$T/want.$f"
	head -n 1 "$T/a/$f.tsv" >"$T/got.$f"
	tsame "header of $f.tsv = schema columns" "$T/want.$f" "$T/got.$f"
done

# --archive-before: older months in NAME.YYYY-MM.tsv.gz, with a header;
# archives + live file = the same rows as without archiving
tcase "gen archived" 0 "" "" "$GEN" $SMALL --seed 7 --archive-before 2026-11 \
    --dir "$T/z"
for f in cases dispatch complaints callbacks; do
	{ gzip -dc "$T/z/$f.2026-10.tsv.gz"; tail -n +2 "$T/z/$f.tsv"; } >"$T/z.$f"
	tsame "archive + live = unarchived: $f" "$T/a/$f.tsv" "$T/z.$f"
done

# bad usage
tcase "gen: no --dir" 2 "" "*" "$GEN" --seed 1
tcase "gen: bad number" 2 "" "rs-gen: --days: bad value 'x'" "$GEN" --days x \
    --dir "$T/x"
tcase "gen: bad month" 2 "" "rs-gen: --archive-before: bad month '2026-13'" \
    "$GEN" --archive-before 2026-13 --dir "$T/x"

# the committed samples are exactly what `make samples` writes
tcase "regenerate samples" 0 "" "" "$GEN" $SARGS --dir "$T/s"
for f in "$SAMPLES"/journal/*; do
	tsame "samples/journal/${f##*/} is reproducible" "$f" "$T/s/${f##*/}"
done
tsame "samples/providers.tsv = journal's" "$SAMPLES/providers.tsv" \
    "$SAMPLES/journal/providers.tsv"

# the two cases of seed 001 are in the samples
tcase "story: 50 min late (京A12345)" 0 "RS-SZ-20261105-0239" "" \
    sh -c "grep -F 京A12345 '$SAMPLES/journal/cases.tsv' | cut -f3"
tcase "story: highway tyre, missed flight" 0 \
    "CP-SZ-20261103-0009	3	late	platform" "" \
    sh -c "grep -F RS-SZ-20261103-0195 '$SAMPLES/journal/complaints.tsv' |
	awk -F '\t' '\$5 == \"opened\" { l = \$7; c = \$8 }
	    \$5 == \"investigated\" { print \$3 \"\t\" l \"\t\" c \"\t\" \$9 }'"

# they pass rs-journal check (needs the lead's rs-journal)
tcase "check a generated journal" 0 "" "" rs-journal -d "$T/a" check
tcase "check an archived journal" 0 "" "" rs-journal -d "$T/z" check
# The samples run to the end of 2026-11-22: checked at a time after it (a ts
# more than 5 minutes after the time check runs is a problem).
tcase "check samples/journal" 0 "" "" env RS_NOW=2026-11-23T00:00:00+08:00 rs-journal -d "$SAMPLES/journal" check
tcase "check samples/journal: rows after the check's time are reported" 1 '*' "" rs-journal -d "$SAMPLES/journal" check
