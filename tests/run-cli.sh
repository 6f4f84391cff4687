#!/usr/bin/env bash
# run-cli.sh BINDIR [FILE...] - runs CLI test files (default tests/cli/*.sh)
# against the tools in BINDIR; prints failures and "cli: N passed, N failed".
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
BINDIR=$(cd "$1" && pwd); shift
TESTDATA=$TOP/tests/data
SAMPLES=$TOP/samples
OUTDIR=$TOP/tests/out
mkdir -p "$OUTDIR"
PASSED=0 FAILED=0
RS_VALGRIND=${RS_VALGRIND:-}
if [ -n "$RS_VALGRIND" ]; then
	# Wrap each tool in valgrind; an error or a leak prints VALGRIND-ERROR.
	wrap=$(mktemp -d "$OUTDIR/vg-bin.XXXXXX")
	for b in "$BINDIR"/rs-*; do
		n=$(basename "$b")
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --error-markers=VALGRIND-ERROR, "%s" "$@"\n' "$b" >"$wrap/$n"
		chmod +x "$wrap/$n"
	done
	BINDIR=$wrap
fi
export PATH="$BINDIR:$PATH"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$TOP"/tests/cli/*.sh)
for f in "${files[@]}"; do
	case $f in /*) ;; *) f=$PWD/$f ;; esac
	if [ ! -f "$f" ]; then echo "FAIL: $f: no such test file"; FAILED=$((FAILED + 1)); continue; fi
	TFILE=$(basename "$f")
	T=$(mktemp -d "$OUTDIR/t.XXXXXX")
	(
		cd "$T" || exit 1
		PASSED=0 FAILED=0
		. "$TOP/tests/lib.sh"
		. "$f"
		printf '%s %s\n' "$PASSED" "$FAILED" >"$T/.counts"
	)
	if [ -f "$T/.counts" ]; then
		read -r p fl <"$T/.counts"
	else
		p=0 fl=1; echo "FAIL: $TFILE: the test file itself failed"
		[ -f "$T/.setup" ] && cat "$T/.setup"
	fi
	PASSED=$((PASSED + p)) FAILED=$((FAILED + fl))
	[ "$fl" = 0 ] && rm -rf "$T"
done
echo "cli: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
