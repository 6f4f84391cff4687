# rows.sh - helpers for CLI tests that build journals by hand, row by
# row, through the columns `rs-journal schema NAME` lists (by name, so
# that a schema that gains columns still takes them). Sourced by
# 33-complaint-team.sh, 53-report-s10.sh and 57-report-scorecards.sh; J is the journal
# directory the helpers write into.

declare -A COLS
for _j in cases dispatch complaints callbacks; do
	COLS[$_j]=$(rs-journal schema "$_j" | awk -F'\t' 'NR > 1 { print $1 }' | tr '\n' ' ')
done

# header NAME: the header line of journal NAME.
header() { printf '%s\n' ${COLS[$1]} | paste -sd '\t'; }

# row NAME COL=VALUE...: one row of journal NAME, the columns not named empty.
row() {
	local j=$1 c kv v line="" sep=""
	shift
	for c in ${COLS[$j]}; do
		v=""
		for kv in "$@"; do [ "${kv%%=*}" = "$c" ] && v=${kv#*=}; done
		line=$line$sep$v
		sep=$'\t'
	done
	printf '%s\n' "$line"
}

# ev NAME TIME COL=VALUE...: a row written when it happened (ts = at).
ev() { local j=$1 at=$2; shift 2; row "$j" ts="$at" at="$at" "$@"; }

# newdir DIR: an empty journal directory (headers only), J=DIR.
newdir() {
	J=$1
	mkdir -p "$J"
	for _j in cases dispatch complaints callbacks; do header "$_j" >"$J/$_j.tsv"; done
}

# opened ID AT COL=VALUE...: a case opened in the city.
opened() {
	local id=$1 at=$2
	shift 2
	ev cases "$at" case_id="$id" event=opened phone=13800000000 location=深南大道 \
	    road=city service=tow "$@" >>"$J/cases.tsv"
}
# disp ID AT EVENT COL=VALUE...: a dispatch row.
disp() { local id=$1 at=$2 e=$3; shift 3; ev dispatch "$at" case_id="$id" event="$e" "$@" >>"$J/dispatch.tsv"; }
# cpev CP AT EVENT COL=VALUE...: a complaint row.
cpev() {
	local id=$1 at=$2 e=$3
	shift 3
	ev complaints "$at" complaint_id="$id" event="$e" "$@" >>"$J/complaints.tsv"
}
# cb AT COL=VALUE...: a callback row.
cb() { ev callbacks "$@" >>"$J/callbacks.tsv"; }
