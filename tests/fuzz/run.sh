#!/usr/bin/env bash
# run.sh - drives the libFuzzer harnesses built in build-fuzz/ (make fuzz-build).
#
#   run.sh fuzz SECONDS [NAME...]   fuzz each harness SECONDS (two at a time),
#                                   seeds from tests/fuzz/corpus/NAME, new inputs
#                                   into build-fuzz/corpus/NAME, crashes into
#                                   build-fuzz/artifacts/; prints the final stats
#   run.sh replay [NAME...]         runs every committed corpus file once through
#                                   its harness (ASan+UBSan); one line per harness
#   run.sh merge NAME               remakes tests/fuzz/corpus/NAME from itself plus
#                                   build-fuzz/corpus/NAME: -merge=1, then the
#                                   fewest inputs that still reach every edge
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
	# -set_cover_merge=1 (the -merge=1 that writes every input's whole
	# feature set into the control file), then a greedy cover of the
	# coverage edges alone (feature = counter index * 8 + hit-count bucket):
	# a few dozen files that reach every edge the whole corpus reaches.
	n=${1:?name}; tmp=$(mktemp -d); ctl=$B/merge-$n.ctl
	mkdir -p "$B/corpus/$n"
	rm -f "$ctl"	# a stale control file makes libFuzzer skip the merge
	"$B/fuzz_$n" -set_cover_merge=1 -max_len=4096 -merge_control_file="$ctl" $(dict "$n") "$tmp" "$C/$n" "$B/corpus/$n" \
	    >"$B/merge-$n.log" 2>&1 || { tail "$B/merge-$n.log"; exit 1; }
	counters=$(sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' "$B/merge-$n.log" | head -n 1)
	python3 - "$ctl" "$C/$n" "${counters:-0}" <<'PY' || exit 1
import os, shutil, sys
ctl, dst, counters = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(ctl).read().split("\n")
nfiles = int(lines[0])
files = lines[2:2 + nfiles]
edges = {}
for l in lines[2 + nfiles:]:
    p = l.split()
    if len(p) > 1 and p[0] == "FT":
        edges[int(p[1])] = set(int(f) // 8 for f in p[2:] if int(f) < counters * 8)
need = set().union(*edges.values()) if edges else set()
total = len(need)
order = sorted(edges, key=lambda i: os.path.getsize(files[i]))
keep = []
while need:
    best = max(order, key=lambda i: len(edges[i] & need))	# ties: the smallest
    keep.append(best)
    need -= edges[best]
data = [open(files[i], "rb").read() for i in keep]	# read before dst is emptied
shutil.rmtree(dst, ignore_errors=True)
os.makedirs(dst)
for i, d in zip(keep, data):
    open(os.path.join(dst, os.path.basename(files[i])), "wb").write(d)
print("%s: %d files cover %d edges" % (os.path.basename(dst), len(keep), total))
PY
	rm -rf "$tmp" "$ctl" ;;
*)
	sed -n '2,12p' "$0"; exit 2 ;;
esac
