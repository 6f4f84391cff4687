#!/usr/bin/env bash
# run.sh - the performance benchmark (make bench; see tests/bench/README.md).
#
# Generates once (cached in $RS_BENCH_DIR, default tests/bench/cache/) a
# journal directory of about a million cases with the sample generator,
# checks that the reference programs (gawk, mawk, Miller) print the same
# KPI figures as rs-report, then times:
#   1 full scan      rs-report kpi --by month over everything vs the references
#                    (gawk, mawk, Miller; DuckDB by SQL over the same TSV
#                    files and over tables imported beforehand); on one
#                    thread and on every thread (RS_THREADS)
#   2 read floor     the same files through wc -l and cat
#   3 history        rs-report weekly on the whole journal vs its last 5 weeks
#   4 append         1000 x rs-intake -q (RS_FSYNC=0) vs 1000 x /bin/true;
#                    appends per second with 32 concurrent writers
#   5 memory         peak RSS of 1 and 3
# Each time is the median of several runs (wall clock). Writes
# tests/bench/results.tsv and tests/bench/summary.txt and prints the
# summary. Exit 1 if a reference disagrees with rs-report or a command
# fails; a missed target is reported (exit 1 too with RS_BENCH_STRICT=1).
#
# Environment: RS_BENCH_DIR (cache), RS_BENCH_BIN (tools, default bin/),
# RS_BENCH_RUNS (runs of the quick commands, default 5),
# RS_BENCH_REF_RUNS (gawk, mawk and DuckDB, default 3), RS_BENCH_MLR_RUNS
# (Miller, default 1: minutes per run), RS_BENCH_APPEND_RUNS (loops of
# 1000 appends, default 3), RS_BENCH_WEEKLY_RUNS (each weekly report,
# default 21), RS_BENCH_STRICT.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BIN=${RS_BENCH_BIN:-$TOP/bin}
GEN=$TOP/build/gen-tool/rs-gen
CACHE=${RS_BENCH_DIR:-$HERE/cache}
RUNS=${RS_BENCH_RUNS:-5}
REF_RUNS=${RS_BENCH_REF_RUNS:-3}
MLR_RUNS=${RS_BENCH_MLR_RUNS:-1}
WEEKLY_RUNS=${RS_BENCH_WEEKLY_RUNS:-21}
RESULTS=$HERE/results.tsv
SUMMARY=$HERE/summary.txt
# The generator writes +08:00; the references read months from the text.
export TZ=Asia/Shanghai LC_ALL=C
unset RS_DIR RS_NOW

die() { echo "bench: $*" >&2; exit 1; }

for t in rs-report rs-intake; do
	[ -x "$BIN/$t" ] || die "$BIN/$t missing: run make first"
done
[ -x "$GEN" ] || die "$GEN missing: run make first"
for t in gawk mawk mlr wc cat cc node; do
	command -v $t >/dev/null || die "$t missing (make deps installs gawk, mawk, miller, nodejs)"
done
# DuckDB: the engine of its official npm package, which make bench-deps
# installs into build/node; tests/duckdb/run.mjs runs SQL files through it.
NODE_DIR=${RS_NODE_DIR:-$TOP/build/node}
[ -d "$NODE_DIR/node_modules/@duckdb/node-api" ] ||
    die "@duckdb/node-api missing in $NODE_DIR: run make bench-deps"
DUCK="node $TOP/tests/duckdb/run.mjs"
export RS_NODE_DIR=$NODE_DIR

mkdir -p "$CACHE"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rs-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RUSAGE=$WORK/rusage
cc -O2 -o "$RUSAGE" "$HERE/rusage.c" || die "cannot build rusage.c"

# --- the journals -----------------------------------------------------------
FULL=$CACHE/full
LAST=$CACHE/last5w
if [ ! -f "$FULL/.complete" ]; then
	echo "bench: generating ~1M cases into $FULL (once; about 20 s, 1 GB)"
	rm -rf "$FULL" "$LAST"
	"$GEN" --cases-per-day 1000 --days 1000 --providers 80 --seed 42 \
	    --start 2024-01-01 --dir "$FULL" >/dev/null
	touch "$FULL/.complete"
fi
first_day=$(sed -n 2p "$FULL/cases.tsv" | cut -c1-10)
last_day=$(tail -n 1 "$FULL/cases.tsv" | cut -c1-10)
# The last 5 weeks: rows whose ts is on the last day or the 34 before it.
cut_day=$(date -d "$last_day -34 days" +%F)
if [ ! -f "$LAST/.complete" ] || [ "$(cat "$LAST/.complete")" != "$cut_day" ]; then
	echo "bench: cutting the last 5 weeks (ts >= $cut_day) into $LAST"
	rm -rf "$LAST"
	mkdir -p "$LAST"
	for j in cases dispatch complaints callbacks; do
		awk -F'\t' -v c="$cut_day" 'NR == 1 || substr($1, 1, 10) >= c' \
		    "$FULL/$j.tsv" >"$LAST/$j.tsv"
	done
	cp "$FULL/providers.tsv" "$LAST/"
	echo "$cut_day" >"$LAST/.complete"
fi
FILES="$FULL/cases.tsv $FULL/dispatch.tsv $FULL/complaints.tsv $FULL/callbacks.tsv"
bytes=$(cat $FILES | wc -c)
ncases=$(awk -F'\t' '$4 == "opened"' "$FULL/cases.tsv" | wc -l)

# The KPI period: every month of the journal, as of the first of the next.
since=${first_day%-*}-01
until=$(date -d "${last_day%-*}-01 +1 month" +%F)
asof_epoch=$(date -d "$until" +%s)
# weekly: the last finished week at the day after the last row.
wasof=$(date -d "$last_day +1 day" +%F)T00:00:00+08:00

# --- timing helpers -----------------------------------------------------------
# timeit NAME RUNS CMD...: runs CMD RUNS times (stdout to /dev/null); records
# each run's "wall user sys rss" line in $WORK/NAME.
timeit() {
	local name=$1 runs=$2 i
	shift 2
	: >"$WORK/$name"
	for i in $(seq 1 "$runs"); do
		"$RUSAGE" "$WORK/$name" "$@" >/dev/null || die "$name: command failed: $*"
	done
}
# median NAME [FIELD]: the median of a field (1 wall, 2 user, 3 sys, 4 rss) of NAME's runs.
median() {
	awk -v f="${2:-1}" '{ print $f }' "$WORK/$1" | sort -g |
	    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
	    else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
maxof() { awk -v f="$2" '$f > m { m = $f } END { print m + 0 }' "$WORK/$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

: >"$RESULTS.tmp"
MISSED=0
# result METRIC VALUE UNIT TARGET_OP TARGET: one row of results.tsv.
result() {
	local ok=-
	if [ -n "${5:-}" ]; then
		ok=$(awk -v v="$2" -v op="$4" -v t="$5" 'BEGIN {
		    print (v != "" && ((op == "<=" && v + 0 <= t + 0) ||
		    (op == ">=" && v + 0 >= t + 0))) ? "met" : "MISSED" }')
		[ "$ok" = met ] || MISSED=$((MISSED + 1))
	fi
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}${5:-}" "$ok" >>"$RESULTS.tmp"
}

# --- 1. full scan: same figures first ---------------------------------------------
KPI="kpi --by month --since $since --until $until --as-of $until -f tsv"
echo "bench: checking the references against rs-report $KPI"
"$BIN/rs-report" -d "$FULL" $KPI | cut -f1-6 >"$WORK/kpi.rs"
[ "$(wc -l <"$WORK/kpi.rs")" -gt 1 ] || die "rs-report printed no periods"
AWKARGS="-v asof=$asof_epoch -v disp_min=5 -v city_min=30 -v hw_min=60 -v lead_min=30 -v grace_min=10 -f $HERE/kpi.awk"
MLRARGS="--itsv --otsv put -q -s asof=$asof_epoch -s disp_min=5 -s city_min=30 -s hw_min=60 -s lead_min=30 -s grace_min=10 -f $HERE/kpi.mlr"
REFIN="$FULL/cases.tsv $FULL/dispatch.tsv $FULL/complaints.tsv"
# reference NAME RUNS CMD...: CMD must print rs-report's table; then it
# is timed RUNS times into t.NAME (the check run counts as the first).
reference() {
	local ref=$1 runs=$2 i
	shift 2
	: >"$WORK/t.$ref"
	"$RUSAGE" "$WORK/t.$ref" "$@" >"$WORK/kpi.$ref" || die "$ref failed"
	if ! diff "$WORK/kpi.rs" "$WORK/kpi.$ref" >"$WORK/diff.$ref"; then
		cat "$WORK/diff.$ref" >&2
		die "$ref's figures differ from rs-report's (above: < rs-report, > $ref)"
	fi
	echo "bench: $ref agrees ($(($(wc -l <"$WORK/kpi.rs") - 1)) months)"
	for i in $(seq 2 "$runs"); do
		"$RUSAGE" "$WORK/t.$ref" "$@" >/dev/null || die "$ref failed"
	done
}
reference gawk "$REF_RUNS" gawk $AWKARGS $REFIN
reference mawk "$REF_RUNS" mawk $AWKARGS $REFIN
reference mlr "$MLR_RUNS" mlr $MLRARGS $REFIN

# DuckDB: the same table by SQL (kpi.sql), once over the files with
# read_csv, once over tables imported beforehand (the import not timed).
RC="read_csv('%s', delim = '\t', header = true, quote = '', escape = '', all_varchar = true)"
duck_sql() {
	sed -e "s|@CASES@|$1|; s|@DISPATCH@|$2|; s|@COMPLAINTS@|$3|; s|@ASOF@|$asof_epoch|g" \
	    "$HERE/kpi.sql"
}
duck_sql "$(printf "$RC" "$FULL/cases.tsv")" "$(printf "$RC" "$FULL/dispatch.tsv")" \
    "$(printf "$RC" "$FULL/complaints.tsv")" >"$WORK/kpi_csv.sql"
duck_sql cases dispatch complaints >"$WORK/kpi_tables.sql"
for j in cases dispatch complaints; do
	printf 'CREATE TABLE %s AS SELECT * FROM %s;\n' "$j" "$(printf "$RC" "$FULL/$j.tsv")"
done >"$WORK/import.sql"
echo 'SELECT 1 AS one;' >"$WORK/one.sql"
$DUCK --db "$WORK/bench.duckdb" "$WORK/import.sql" >/dev/null || die "DuckDB import failed"
reference duckdb_csv "$REF_RUNS" $DUCK "$WORK/kpi_csv.sql"
reference duckdb_tables "$REF_RUNS" $DUCK --db "$WORK/bench.duckdb" "$WORK/kpi_tables.sql"
timeit duckdb_start "$REF_RUNS" $DUCK "$WORK/one.sql"

echo "bench: timing (median of $RUNS runs; weekly $WEEKLY_RUNS; references $REF_RUNS, Miller $MLR_RUNS)"
# One thread and every thread in turns, so that a burst of load slows both.
: >"$WORK/kpi"
: >"$WORK/kpi_1t"
for i in $(seq 1 "$RUNS"); do
	"$RUSAGE" "$WORK/kpi" "$BIN/rs-report" -d "$FULL" $KPI >/dev/null || die "kpi failed"
	RS_THREADS=1 "$RUSAGE" "$WORK/kpi_1t" "$BIN/rs-report" -d "$FULL" $KPI >/dev/null ||
	    die "kpi (1 thread) failed"
done
timeit wc "$RUNS" wc -l $FILES
timeit cat "$RUNS" cat $FILES
t_kpi=$(median kpi)
t_wc=$(median wc)
t_cat=$(median cat)
result full_scan_kpi_s "$t_kpi" s
result gawk_s "$(median t.gawk)" s
result mawk_s "$(median t.mawk)" s
result mlr_s "$(median t.mlr)" s
result kpi_speedup_vs_gawk "$(ratio "$(median t.gawk)" "$t_kpi")" x '>=' 10
result kpi_speedup_vs_mawk "$(ratio "$(median t.mawk)" "$t_kpi")" x '>=' 5
result kpi_speedup_vs_mlr "$(ratio "$(median t.mlr)" "$t_kpi")" x '>=' 20
result duckdb_csv_s "$(median t.duckdb_csv)" s
result duckdb_tables_s "$(median t.duckdb_tables)" s
result duckdb_startup_s "$(median duckdb_start)" s
result kpi_speedup_vs_duckdb_csv "$(ratio "$(median t.duckdb_csv)" "$t_kpi")" x '>=' 5
result kpi_speedup_vs_duckdb_tables "$(ratio "$(median t.duckdb_tables)" "$t_kpi")" x '>=' 2.5
result kpi_1_thread_s "$(median kpi_1t)" s
result threads "${RS_THREADS:-$(nproc)}" ''
result kpi_speedup_1_to_all_threads "$(ratio "$(median kpi_1t)" "$t_kpi")" x '>=' 1.8
result wc_l_s "$t_wc" s
result cat_s "$t_cat" s
result kpi_over_wc_l "$(ratio "$t_kpi" "$t_wc")" x '<=' 3.5
result kpi_over_cat "$(ratio "$t_kpi" "$t_cat")" x

# --- 3. history independence ------------------------------------------------------
WEEKLY="weekly --as-of $wasof -f json"
# A run is some 40 ms, where a neighbour's burst moves a median of 5: more
# runs, the two alternating so that a slow spell slows both.
: >"$WORK/weekly_full"
: >"$WORK/weekly_5w"
for i in $(seq 1 "$WEEKLY_RUNS"); do
	"$RUSAGE" "$WORK/weekly_full" "$BIN/rs-report" -d "$FULL" $WEEKLY >/dev/null ||
	    die "weekly_full: command failed"
	"$RUSAGE" "$WORK/weekly_5w" "$BIN/rs-report" -d "$LAST" $WEEKLY >/dev/null ||
	    die "weekly_5w: command failed"
done
result weekly_full_s "$(median weekly_full)" s
result weekly_5w_s "$(median weekly_5w)" s
result weekly_full_over_5w "$(ratio "$(median weekly_full)" "$(median weekly_5w)")" x '<=' 1.5

# --- 4. append ------------------------------------------------------------------
APP=$WORK/append
mkdir -p "$APP"
cp --reflink=auto "$FULL/cases.tsv" "$FULL/providers.tsv" "$APP/"
# Each call from its own phone (writer \$2, call \$i): one phone again
# and again is a duplicate call, warned about on every append.
cat >"$WORK/intake.sh" <<EOF
i=0
while [ \$i -lt \$1 ]; do
	"$BIN/rs-intake" -q -d "$APP" --phone "139\$(printf %04d%04d "\${2:-0}" \$i)" \\
	    --location "bench \$i" --service tyre >/dev/null || exit 1
	i=\$((i + 1))
done
EOF
cat >"$WORK/true.sh" <<'EOF'
i=0
while [ $i -lt $1 ]; do
	/bin/true || exit 1
	i=$((i + 1))
done
EOF
# Appending "now": each run on a fresh day after the journal's last row,
# so that every run reads the same tail (the day's rows so far);
# rs-intake and /bin/true runs take turns, against drifts of the load.
export RS_FSYNC=0 RS_AGENT=bench RS_LOCK_TIMEOUT=120
APP_RUNS=${RS_BENCH_APPEND_RUNS:-3}
: >"$WORK/intake"
: >"$WORK/true"
for r in $(seq 1 "$APP_RUNS"); do
	export RS_NOW="$(date -d "$last_day +$r day" +%F)T10:00:00+08:00"
	"$RUSAGE" "$WORK/intake" sh "$WORK/intake.sh" 1000 || die "rs-intake failed"
	"$RUSAGE" "$WORK/true" sh "$WORK/true.sh" 1000 || die "/bin/true failed"
done
t_in=$(median intake)
t_true=$(median true)
result intake_1000_s "$t_in" s
result true_1000_s "$t_true" s
result intake_over_true "$(ratio "$t_in" "$t_true")" x '<=' 3
export RS_NOW="$(date -d "$last_day +$((APP_RUNS + 1)) day" +%F)T10:00:00+08:00"
cat >"$WORK/writers.sh" <<EOF
for w in \$(seq 1 32); do
	sh "$WORK/intake.sh" \$1 \$w &
done
wait
EOF
per=50
timeit writers 1 sh "$WORK/writers.sh" $per
rows=$(($(wc -l <"$APP/cases.tsv") - $(wc -l <"$FULL/cases.tsv")))
[ "$rows" -eq $((1000 * APP_RUNS + 32 * per)) ] ||
    die "append: $rows rows, want $((1000 * APP_RUNS + 32 * per))"
result appends_per_s_32_writers "$(awk -v n=$((32 * per)) -v t="$(median writers)" \
    'BEGIN { printf "%.0f", n / t }')" '/s'
unset RS_FSYNC RS_AGENT RS_NOW RS_LOCK_TIMEOUT

# --- 5. memory --------------------------------------------------------------------
result kpi_peak_rss_mb "$(awk -v k="$(maxof kpi 4)" 'BEGIN { printf "%.1f", k / 1024 }')" MB '<=' 256
result weekly_peak_rss_mb "$(awk -v k="$(maxof weekly_full 4)" 'BEGIN { printf "%.1f", k / 1024 }')" \
    MB '<=' 64

# --- report ------------------------------------------------------------------------
{
	printf 'metric\tvalue\tunit\ttarget\tstatus\n'
	cat "$RESULTS.tmp"
} >"$RESULTS"
rm -f "$RESULTS.tmp"
{
	echo "rs benchmark, $(date -u +%FT%TZ)"
	echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
	    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "journal: $ncases cases, $((bytes / 1048576)) MB in 4 journals, $first_day..$last_day;" \
	    "last 5 weeks from $cut_day"
	echo "median wall time of $RUNS runs (weekly $WEEKLY_RUNS, alternating; references: gawk/mawk $REF_RUNS, mlr $MLR_RUNS)"
	echo
	column -t -s "$(printf '\t')" "$RESULTS"
	echo
	if [ "$MISSED" -eq 0 ]; then
		echo "every target met"
	else
		echo "$MISSED target(s) MISSED"
	fi
} >"$SUMMARY"
cat "$SUMMARY"
[ "$MISSED" -eq 0 ] || [ -z "${RS_BENCH_STRICT:-}" ] || exit 1
exit 0
