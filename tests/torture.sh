#!/usr/bin/env bash
# torture.sh BINDIR [ROUNDS] - archives, writers of four tools and readers
# on one journal directory at the same time (SPEC 11). `make torture` runs
# it for minutes; tests/cli/77-torture.sh runs a short one in make test.
#
# Each round seeds cases in earlier months, then starts 3 archive loops
# (each archiving month after month), 8 writers (2 each of rs-intake,
# rs-dispatch, rs-complain, rs-callback) and 4 readers. Afterwards:
#  - every acknowledged row (exit 0, id printed) is there exactly once;
#  - case and complaint ids are unique;
#  - every reader either exited 0 with a count between the rows
#    acknowledged before it started and the writes begun before it ended,
#    or exited non-zero;
#  - rs-journal check is clean.
# Prints "torture: N rounds, W rows, R reads (F failed loudly)" and exits
# 0, or prints each violation and exits 1.
set -u
BINDIR=$(cd "$1" && pwd)
ROUNDS=${2:-10}
WRITES=${TORTURE_WRITES:-30}
export PATH="$BINDIR:$PATH" TZ=Asia/Shanghai LC_ALL=C.UTF-8 RS_AGENT=torture RS_FSYNC=0
export RS_NOW=2026-11-22T10:00:00+08:00 RS_LOCK_TIMEOUT=60
unset RS_DIR XDG_DATA_HOME
TOP=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/rs-torture.XXXXXX")
trap 'rm -rf "$W"' EXIT
bad=0 rows=0 reads=0 loud=0
fail() { echo "torture: round $r: $*"; bad=$((bad + 1)); }

for r in $(seq 1 "$ROUNDS"); do
	D=$W/d$r L=$W/l$r
	mkdir -p "$D" "$L"
	cp "$TOP/tests/cli/data/rsjournal/clean/providers.tsv" "$D/"
	# Seed: 4 cases a month from March to October, each assigned.
	for m in 03 04 05 06 07 08 09 10; do
		for k in 1 2 3 4; do
			id=$(RS_NOW=2026-$m-1${k}T09:00:00+08:00 rs-intake -d "$D" -q --phone 1380000000$k \
			    --location "seed $m $k" --service tow) || fail "seed"
			# P001 takes every seed case: "busy" warnings go to seed.err.
			RS_NOW=2026-$m-1${k}T09:10:00+08:00 rs-dispatch -d "$D" -q assign "$id" --provider P001 \
			    --eta 30 >/dev/null 2>>"$L/seed.err" || fail "seed dispatch"
			echo "$id" >>"$L/seed"
		done
	done
	seed_cases=$(rs-journal -d "$D" cat cases -H | wc -l)
	c0=$(head -1 "$L/seed")
	# The callback writers need a completed case (SPEC 6): the second seed.
	c1=$(sed -n 2p "$L/seed")
	{ RS_NOW=2026-03-12T09:40:00+08:00 rs-dispatch -d "$D" -q arrive "$c1" &&
	    RS_NOW=2026-03-12T10:10:00+08:00 rs-dispatch -d "$D" -q complete "$c1" --outcome towed; } \
	    >/dev/null || fail "seed completion"
	# Writers: each logs "begin" before a write and the id after exit 0.
	writer() {
		for i in $(seq 1 "$WRITES"); do
			echo begin >>"$L/$1.begin"
			case $1 in
			# A phone of its own per call: a repeated one is a duplicate-call warning.
			intake*) out=$(rs-intake -d "$D" -q --phone "13900${1#intake}$(printf %05d "$i")" \
			    --location "w $1 $i" --service tow) ;;
			dispatch*) out=$(rs-dispatch -d "$D" -q notify "$c0" --note "w $1 $i") ;;
			complain*) out=$(rs-complain -d "$D" -q open --case "$c0" --category late --demand "w $1 $i" \
			    --level 2) ;;
			callback*) out=$(rs-callback -d "$D" -q record "$c1" --kind service --result no-answer \
			    --comment "w $1 $i" 2>/dev/null) ;;
			esac && echo "${out:-ok} w $1 $i" >>"$L/$1.done"
		done
	}
	archiver() {
		for m in 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11; do
			rs-journal -d "$D" -q archive --before $m 2>>"$L/archive.err" || echo "archive $m: $?" >>"$L/archive.fail"
		done
	}
	reader() {
		for i in 1 2 3 4 5; do
			lo=$(cat "$L"/intake*.done 2>/dev/null | wc -l)
			n=$(rs-journal -d "$D" cat cases -H 2>>"$L/reader.err" | wc -l)
			rc=${PIPESTATUS[0]}
			hi=$(cat "$L"/intake*.begin 2>/dev/null | wc -l)
			echo "$rc $n $((seed_cases + lo)) $((seed_cases + hi))" >>"$L/reads"
		done
	}
	pids=
	for a in 1 2 3; do archiver & pids="$pids $!"; done
	for w in intake1 intake2 dispatch1 dispatch2 complain1 complain2 callback1 callback2; do
		writer $w & pids="$pids $!"
	done
	for k in 1 2 3 4; do reader & pids="$pids $!"; done
	# shellcheck disable=SC2086
	wait $pids
	[ -s "$L/archive.fail" ] && fail "an archive failed: $(head -3 "$L/archive.fail" "$L/archive.err")"
	# Every acknowledged row exactly once, by its text.
	for j in intake dispatch complain callback; do
		case $j in
		intake) journal=cases col=14 ;;
		dispatch) journal=dispatch col=12 ;;
		complain) journal=complaints col=11 ;;
		callback) journal=callbacks col=13 ;;
		esac
		rs-journal -d "$D" cat $journal -H | cut -f$col | grep '^w ' | sort >"$L/$j.have"
		cat "$L/$j"*.done 2>/dev/null | sed 's/^[^ ]* //' | sort >"$L/$j.want"
		rows=$((rows + $(wc -l <"$L/$j.want")))
		# Rows written but not acknowledged (a writer killed) may be there once; none is here.
		if ! cmp -s "$L/$j.have" "$L/$j.want"; then
			fail "$journal: rows differ from the acknowledged ones: $(diff "$L/$j.want" "$L/$j.have" | head -5 | tr '\n' ' ')"
		fi
	done
	dup=$(rs-journal -d "$D" cat cases -H | awk -F'\t' '$4 == "opened" { print $3 }' | sort | uniq -d | head -3)
	[ -n "$dup" ] && fail "case ids issued twice: $dup"
	dup=$(rs-journal -d "$D" cat complaints -H | awk -F'\t' '$5 == "opened" { print $3 }' | sort | uniq -d | head -3)
	[ -n "$dup" ] && fail "complaint ids issued twice: $dup"
	while read -r rc n lo hi; do
		reads=$((reads + 1))
		if [ "$rc" != 0 ]; then
			loud=$((loud + 1))
		elif [ "$n" -lt "$lo" ] || [ "$n" -gt "$hi" ]; then
			fail "a reader exited 0 with $n cases, not between $lo and $hi"
		fi
	done <"$L/reads"
	out=$(rs-journal -d "$D" check 2>&1) || fail "check: $(echo "$out" | head -5)"
	rm -rf "$D" "$L"
done
echo "torture: $ROUNDS rounds, $rows rows, $reads reads ($loud failed loudly), $bad problems"
[ "$bad" = 0 ]
