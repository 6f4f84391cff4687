#!/usr/bin/env bash
# run-all.sh [--only-normal] - every suite: unit and CLI tests on bin/,
# then on bin-asan/ (ASan+UBSan). The last line is "N passed, N failed".
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 3
builds="bin bin-asan"
[ "${1:-}" = --only-normal ] && builds=bin
total_p=0 total_f=0
add() {
	local line
	line=$(tail -n 1 "$1" | grep -Eo '[0-9]+ passed, [0-9]+ failed')
	if [ -z "$line" ]; then total_f=$((total_f + 1)); echo "FAIL: $2 printed no count"; return; fi
	set -- $line
	total_p=$((total_p + $1)) total_f=$((total_f + $3))
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=98
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=97
for b in $builds; do
	echo "== $b"
	log=tests/out/$b.log; mkdir -p tests/out
	"$b"/unit >"$log.unit" 2>&1; cat "$log.unit" | grep -v '^unit:' ; tail -n 1 "$log.unit"
	add "$log.unit" "$b/unit"
	# The vector code again with the SSSE3 and the SSE2 paths a CPU without AVX2 takes.
	for lvl in ssse3 sse2; do
		RS_SIMD=$lvl "$b"/unit utf8 reader rowcheck tsv >"$log.unit-$lvl" 2>&1
		grep -v '^unit:' "$log.unit-$lvl"; echo "RS_SIMD=$lvl $(tail -n 1 "$log.unit-$lvl")"
		add "$log.unit-$lvl" "$b/unit RS_SIMD=$lvl"
	done
	tests/run-cli.sh "$b" >"$log.cli" 2>&1; cat "$log.cli"
	add "$log.cli" "$b cli"
done
if [ -z "${1:-}" ]; then
	# The fuzz corpus, each input once through its harness under ASan+UBSan.
	echo "== fuzz corpus"
	log=tests/out/fuzz.log
	tests/fuzz/run.sh replay >"$log" 2>&1; cat "$log"
	p=$(grep -c '^fuzz-replay .* ok$' "$log"); f=$(grep -c '^FAIL' "$log")
	[ "$p" -gt 0 ] || f=$((f + 1))
	total_p=$((total_p + p)) total_f=$((total_f + f))
fi
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
