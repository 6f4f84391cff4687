#!/usr/bin/env bash
# run.sh - drives the libFuzzer harnesses built in build-fuzz/ (make fuzz-build).
#
#   run.sh fuzz SECONDS [NAME...]   fuzz each harness SECONDS (two at a time),
#                                   seeds from tests/fuzz/corpus/NAME, new inputs
#                                   into build-fuzz/corpus/NAME, crashes into
#                                   build-fuzz/artifacts/; prints the final stats
#   run.sh replay [NAME...]         runs every committed corpus file once through
#                                   its harness (ASan+UBSan); one line per harness
#   run.sh merge NAME               minimizes tests/fuzz/corpus/NAME with -merge=1
#                                   from itself plus build-fuzz/corpus/NAME
# NAME: tsv csv gz time schema rules (default: all).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B=$TOP/build-fuzz
C=$TOP/tests/fuzz/corpus
ALL="tsv csv gz time schema rules"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mode=${1:-}; shift || true

dict() { [ -f "$TOP/tests/fuzz/$1.dict" ] && printf '%s' "-dict=$TOP/tests/fuzz/$1.dict"; }

fuzz_one() {	# NAME SECONDS
	local n=$1 s=$2 log=$B/fuzz-$1.log
	mkdir -p "$B/corpus/$n" "$B/artifacts"
	"$B/fuzz_$n" -max_total_time="$s" -print_final_stats=1 -rss_limit_mb=2048 \
		-timeout=20 -artifact_prefix="$B/artifacts/$n-" $(dict "$n") \
		"$B/corpus/$n" "$C/$n" >"$log" 2>&1
	local rc=$?
	printf '%-7s rc=%s %s %s\n' "$n" "$rc" \
		"$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | sed 's/^/execs=/')" \
		"$(grep -E '^#[0-9]+.*(DONE|cov:)' "$log" | tail -n 1 | grep -Eo 'cov: [0-9]+ ft: [0-9]+')"
	[ "$rc" = 0 ] || { grep -m 20 -E 'ERROR|SUMMARY|#[0-9] 0x' "$log"; return 1; }
}

case $mode in
fuzz)
	secs=${1:?seconds}; shift
	names=${*:-$ALL}; fail=0; set -- $names
	while [ $# -gt 0 ]; do	# two at a time: the machine has two cores
		fuzz_one "$1" "$secs" & p1=$!; p2=
		[ $# -gt 1 ] && { fuzz_one "$2" "$secs" & p2=$!; }
		wait "$p1" || fail=1
		[ -n "$p2" ] && { wait "$p2" || fail=1; }
		shift; [ $# -gt 0 ] && shift
	done
	exit $fail ;;
replay)
	fail=0
	for n in ${*:-$ALL}; do
		log=$B/replay-$n.log
		files=("$C/$n"/*)
		if "$B/fuzz_$n" -runs=1 "${files[@]}" >"$log" 2>&1; then
			echo "fuzz-replay $n: ${#files[@]} inputs ok"
		else
			echo "FAIL: fuzz-replay $n (see $log)"; grep -m 20 -E 'ERROR|SUMMARY|#[0-9] 0x|Running:' "$log"; fail=1
		fi
	done
	exit $fail ;;
merge)
	n=${1:?name}; tmp=$(mktemp -d)
	mkdir -p "$B/corpus/$n"
	"$B/fuzz_$n" -merge=1 $(dict "$n") "$tmp" "$C/$n" "$B/corpus/$n" >"$B/merge-$n.log" 2>&1 || { tail "$B/merge-$n.log"; exit 1; }
	rm -rf "${C:?}/$n"; mv "$tmp" "$C/$n"; chmod 755 "$C/$n"
	echo "$n: $(ls "$C/$n" | wc -l) files" ;;
*)
	sed -n '2,12p' "$0"; exit 2 ;;
esac
