# lib.sh - the CLI test harness, sourced by tests/run-cli.sh for each
# tests/cli/*.sh file. A test file is a table of cases:
#
#   tcase NAME RC STDOUT STDERR CMD [ARGS...]
#
# runs CMD (stdin from $STDIN, default /dev/null) in the test's scratch
# directory and passes when the exit code is RC and stdout and stderr are
# exactly STDOUT and STDERR (compared as $(...) would capture them, so a
# final newline is not significant). "*" as STDOUT or STDERR skips that
# comparison. Other helpers:
#   tfile NAME WANT FILE     passes when FILE's content is WANT
#   tsame NAME FILE1 FILE2   passes when the files are byte-identical
#   tok NAME CMD...          passes when CMD exits 0 (a shell-level check)
#   jdir [DIR]               makes a fresh journal directory, sets RS_DIR
#   setup CMD...             runs a setup step; if it fails, the test file
#                            stops and fails, naming the step (a fixture
#                            that was not made must not pass for one)
#   fi_shim                  the one finder of the fault shim
#                            (tests/faultinject): sets FI_SO and returns 0,
#                            or returns 1 with FI_SO empty when the tools
#                            cannot take it (ASan build: SANITIZED=y, or
#                            valgrind); a shim that does not build fails
#   stopped PID              waits until PID is stopped (state T) by the shim
#   wider N [FILE]           prints the lines of FILE (stdin) wider than N
#                            display columns (CJK = 2, SPEC 5), with widths
#   html_layout W FILE       lays FILE out in headless Chromium W px wide and
#                            prints "ok", or what does not fit: the page
#                            wider than the window, a table, chart or card
#                            past its section's edge, a table that has to
#                            scroll in its card (its last columns hidden)
#   have_chromium            true when chromium can run (else the layout
#                            tests say they are skipped, and why)
# Variables: $T scratch dir, $SAMPLES, $TESTDATA (tests/data), $TOP; $NOZONE,
# the warning of rs-journal check on a directory without site.zone (SPEC 3.0).
# Environment fixed for reproducibility: TZ=Asia/Shanghai, LC_ALL=C.UTF-8,
# RS_NOW (the clock) 2026-11-22T10:00:00+08:00, RS_AGENT=tester, RS_FSYNC=0;
# LANGUAGE unset, so messages are English (84-i18n.sh asks for Chinese).

export TZ=Asia/Shanghai LC_ALL=C.UTF-8 RS_AGENT=tester RS_FSYNC=0
export RS_NOW=2026-11-22T10:00:00+08:00
unset RS_DIR XDG_DATA_HOME RS_LOCK_TIMEOUT LANGUAGE RS_LOCALEDIR
STDIN=/dev/null
NOZONE="rs-journal: rules.tsv: site.zone is not set: times are read in the zone of TZ, so results depend on the reader's TZ (set it with rs-journal init --zone)"

_t_pass() { PASSED=$((PASSED + 1)); }
_t_fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL: %s: %s\n' "$TFILE" "$1"
	shift
	for l in "$@"; do printf '    %s\n' "$l"; done
}

tcase() {
	_name=$1 _rc=$2 _out=$3 _err=$4
	shift 4
	"$@" <"$STDIN" >"$T/.out" 2>"$T/.err"
	_got=$?
	_gout=$(cat "$T/.out") _gerr=$(cat "$T/.err")
	if [ "$_got" != "$_rc" ]; then
		_t_fail "$_name" "exit $_got, want $_rc" "stderr: $_gerr"
	elif [ "$_out" != "*" ] && [ "$_gout" != "$_out" ]; then
		_t_fail "$_name" "stdout differs:" "$(diff <(printf '%s\n' "$_out") <(printf '%s\n' "$_gout") | head -20)"
	elif [ "$_err" != "*" ] && [ "$_gerr" != "$_err" ]; then
		_t_fail "$_name" "stderr differs:" "$(diff <(printf '%s\n' "$_err") <(printf '%s\n' "$_gerr") | head -20)"
	elif [ -n "$RS_VALGRIND" ] && grep -q 'VALGRIND-ERROR' "$T/.err"; then
		_t_fail "$_name" "valgrind: $(grep -m3 -v '^==' "$T/.err")"
	else
		_t_pass
	fi
	STDIN=/dev/null
}

tfile() {
	if [ "$(cat "$3" 2>/dev/null)" = "$2" ]; then _t_pass; else
		_t_fail "$1" "$3 differs:" "$(diff <(printf '%s\n' "$2") "$3" 2>&1 | head -20)"; fi
}

tsame() {
	if cmp -s "$2" "$3"; then _t_pass; else _t_fail "$1" "$2 and $3 differ"; fi
}

tok() {
	_name=$1; shift
	if "$@" >"$T/.out" 2>"$T/.err"; then _t_pass; else
		_t_fail "$_name" "command failed: $*" "$(head -5 "$T/.err")"; fi
}

jdir() {
	RS_DIR=${1:-$T/j.$RANDOM$RANDOM}
	rm -rf "$RS_DIR"
	export RS_DIR
}

setup() {
	"$@" && return 0
	_rc=$?
	printf 'FAIL: %s: setup failed (exit %s): %s\n' "$TFILE" "$_rc" "$*" >"$T/.setup"
	exit 1
}

fi_shim() {
	FI_SO= SANITIZED=
	grep -qa __asan_init "$(command -v rs-intake)" && SANITIZED=y
	# ASan intercepts libc itself and wants to come first; valgrind
	# would preload the shim into its launcher.
	case "$SANITIZED$(command -v rs-intake)" in
	y* | */vg-bin.*) return 1 ;;
	esac
	[ -n "$RS_VALGRIND" ] && return 1
	if [ -f "$TOP/build/faultinject.so" ] && [ ! "$TOP/tests/faultinject/fi.c" -nt "$TOP/build/faultinject.so" ]; then
		FI_SO=$TOP/build/faultinject.so
	elif cc -O1 -fPIC -shared -o "$T/fi.so" "$TOP/tests/faultinject/fi.c" -ldl 2>"$T/fi.err"; then
		FI_SO=$T/fi.so
	else
		_t_fail "the fault shim builds" "$(head -5 "$T/fi.err")"
		return 1
	fi
}

stopped() {
	for _i in $(seq 1 500); do
		[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" = T ] && return 0
		sleep 0.02
	done
	return 1
}

wider() {
	python3 -c '
import sys, unicodedata
n = int(sys.argv[1])
f = open(sys.argv[2], encoding="utf-8") if len(sys.argv) > 2 else sys.stdin
for l in f:
	l = l.rstrip("\n")
	w = sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
	if w > n:
		print(w, l)
' "$@"
}

have_chromium() {
	command -v chromium >/dev/null 2>&1 && return 0
	printf 'SKIP: %s: chromium is not installed (make deps): html layout not checked\n' "$TFILE"
	return 1
}

html_layout() {
	_js='var p=[],W=window.innerWidth,d=document.documentElement;
if(d.scrollWidth>W)p.push("page "+d.scrollWidth+" > "+W);
document.querySelectorAll("section").forEach(function(s){
var r=s.getBoundingClientRect();
s.querySelectorAll("table,svg,.tw,.kv,.head,.cards").forEach(function(e){
var q=e.getBoundingClientRect();
if(q.right>r.right+0.5)p.push(s.id+" "+e.tagName.toLowerCase()+" ends at "+Math.round(q.right)+" past "+Math.round(r.right));});
s.querySelectorAll(".tw").forEach(function(e){
if(e.scrollWidth>e.clientWidth)p.push(s.id+" table scrolls "+e.scrollWidth+" in "+e.clientWidth);});});
document.body.setAttribute("data-layout",p.join("; ")||"ok");'
	awk -v js="$_js" '{ i = index($0, "</body>")
	    if (i) $0 = substr($0, 1, i - 1) "<script>" js "</script>" substr($0, i) } 1' \
	    "$2" >"$T/.layout.html"
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	    --user-data-dir="$T/.chromium" --window-size="$1,900" \
	    --dump-dom "file://$T/.layout.html" 2>/dev/null |
	    sed -n 's/.*data-layout="\([^"]*\)".*/\1/p' | sed 's/&gt;/>/g'
}
