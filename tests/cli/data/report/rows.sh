# rows.sh - the one builder of hand-made journal rows for CLI tests.
# Columns come from schemas/NAME.tsv, the single source of truth, and
# values are given by name, so a schema that gains a column needs no
# test edited. Sourced by the tests that write journals by hand rather
# than through the tools (30, 31, 32, 33, 53, 57). Two styles:
#   jrow NAME COL=VALUE...   append to $RS_DIR/NAME.tsv (header first)
#   newdir DIR, opened, disp, cpev, cb   build the journal J=DIR
declare -A COLS
for _j in cases dispatch complaints callbacks; do
	COLS[$_j]=$(awk -F'\t' '/^#/ { next } ++n > 1 { print $1 }' "$TOP/schemas/$_j.tsv" | tr '\n' ' ')
	[ -n "${COLS[$_j]}" ] || { echo "rows.sh: no columns in schemas/$_j.tsv" >&2; exit 1; }
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

# jrow NAME COL=VALUE...: append a row to $RS_DIR/NAME.tsv, writing the
# header first into a new file; ts defaults to at. Rows go in ts order.
jrow() {
	local j=$1 f=$RS_DIR/$1.tsv kv ts=""
	shift
	mkdir -p "$RS_DIR"
	[ -f "$f" ] || header "$j" >"$f"
	for kv; do [ "${kv%%=*}" = ts ] && ts=${kv#*=}; done
	if [ -z "$ts" ]; then
		for kv; do [ "${kv%%=*}" = at ] && ts=${kv#*=}; done
	fi
	row "$j" ts="$ts" "$@" >>"$f"
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
