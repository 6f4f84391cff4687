# 73-hostile.sh - the hostile input catalogue (SPEC 3.1, 3.2, 4, 5, 9):
# every column type at its edges, broken encodings, control and bidi
# characters, huge fields, lines and column counts, broken CSV and gzip,
# malformed ids, journals that are not files, bad rules.tsv - through
# the real tools. Each entry:
#
#   h NAME RC STDERR CMD...
#
# runs CMD and wants exit RC and exactly STDERR ($T in it stands for the
# scratch directory; "~PATTERN": stderr matches the glob PATTERN; stdout
# is not compared), and then, whatever RC:
# nothing in the journal directory changed (a failure writes nothing),
# and stderr holds no raw control character (C0 but newline, DEL, C1,
# ESC) and no invalid UTF-8 (hostile values are quoted escaped).
# HOSTILE_RECORD=FILE: record what each entry does instead (to freeze a
# new entry; see the end of this file).

# What a time option that cannot be read adds to its message (SPEC 5).
TF=" (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)"

command -v rs-intake >/dev/null 2>&1 || return 0
H=$TOP/tests/cli/data/hostile
NH=0

# snapdir: every file of the journal directory with its checksum.
snapdir() { [ -d "$RS_DIR" ] && find "$RS_DIR" -exec sh -c 'for f; do if [ -f "$f" ]; then cksum <"$f" | sed "s|^|$f |"; else echo "$f"; fi; done' sh {} + 2>/dev/null | sort; }

h() {
	_name=$1 _rc=$2 _err=$3
	shift 3
	NH=$((NH + 1))
	_before=$(snapdir)
	"$@" <"$STDIN" >"$T/.out" 2>"$T/.err"
	_got=$?
	STDIN=/dev/null
	_gerr=$(cat "$T/.err")
	_gerr=${_gerr//"$T"/'$T'}
	if [ -n "${HOSTILE_RECORD:-}" ]; then
		printf '%s\0%s\0%s\0' "$_name" "$_got" "$_gerr" >>"$HOSTILE_RECORD"
	fi
	if [ "$_got" != "$_rc" ]; then
		_t_fail "$_name" "exit $_got, want $_rc" "stderr: $(head -c 500 "$T/.err")"
	elif [ "${_err#\~}" != "$_err" ] && [[ $_gerr != ${_err#\~} ]]; then
		_t_fail "$_name" "stderr does not match ${_err#\~}:" "$(printf '%s' "$_gerr" | head -c 300 | cat -v)"
	elif [ "$_err" != '*' ] && [ "${_err#\~}" = "$_err" ] && [ "$_gerr" != "$_err" ]; then
		_t_fail "$_name" "stderr differs:" "$(diff <(printf '%s\n' "$_err") <(printf '%s\n' "$_gerr") | head -10)"
	elif [ -n "$RS_VALGRIND" ] && grep -q 'VALGRIND-ERROR' "$T/.err"; then
		_t_fail "$_name" "valgrind: $(grep -m3 -v '^==' "$T/.err")"
	elif [ "$_rc" != 0 ] && [ "$(snapdir)" != "$_before" ]; then
		_t_fail "$_name" "failed, yet the journal directory changed:" "$(diff <(printf '%s\n' "$_before") <(snapdir) | head -6)"
	elif LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$T/.err" || LC_ALL=C grep -aq $'\xc2[\x80-\x9f]' "$T/.err" ||
	    ! iconv -f UTF-8 -t UTF-8 "$T/.err" >/dev/null 2>&1; then
		_t_fail "$_name" "stderr passes a raw control character or invalid UTF-8:" "$(head -c 300 "$T/.err" | od -c | head -5)"
	else
		_t_pass
	fi
}
# hin NAME RC STDERR FILE CMD...: h with stdin from FILE.
hin() { _a=$1 _b=$2 _c=$3 STDIN=$4; shift 4; h "$_a" "$_b" "$_c" "$@"; }

# A journal with a case in every state the commands below need.
jdir "$T/j"
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
A=$(rs-intake -q --phone 13700000002 --customer 'Li Lei' --location 'A road' --service tow)	# RS-20261122-0001, open
D=$(rs-intake -q --phone 13700000006 --customer 'Han Meimei' --location 'D road' --service tow)	# -0002, arrived
setup rs-dispatch -q assign "$D" --provider P001 >/dev/null
setup rs-dispatch -q arrive "$D" >/dev/null
CP=$(rs-complain -q open --case "$D" --category late --demand sorry)	# CP-20261122-0001
NEW='rs-intake -q --phone 13800000000 --location x --service tow'

###########################################################################
# rs-intake: every column type at its edges, through options.
ESC=$'\033' BIDI=$'\u202e'
h 'phone: empty' 1 $'rs-intake: --phone: bad phone \'\'' $NEW --phone ''
h 'phone: letters' 1 $'rs-intake: --phone: bad phone \'abc\'' $NEW --phone abc
h 'phone: 2 digits' 1 $'rs-intake: --phone: bad phone \'12\'' $NEW --phone 12
h 'phone: 21 digits' 1 $'rs-intake: --phone: bad phone \'138000000001380000000\'' $NEW --phone 138000000001380000000
h 'phone: only +' 1 $'rs-intake: --phone: bad phone \'+\'' $NEW --phone +
h 'phone: ++' 1 $'rs-intake: --phone: bad phone \'++8613800000000\'' $NEW --phone ++8613800000000
h 'phone: + in the middle' 1 $'rs-intake: --phone: bad phone \'138+00000000\'' $NEW --phone 138+00000000
h 'phone: a tab' 1 $'rs-intake: --phone: bad phone \'138\\t00000000\'' $NEW --phone $'138\t00000000'
h 'phone: 100000 digits' 1 $'rs-intake: --phone: bad phone \'0000000000000000000000000000000000000000...\'' $NEW --phone "$(printf '%0100000d' 1)"
h 'phone: fullwidth digits' 1 $'rs-intake: --phone: bad phone \'１３８００００００００\'' $NEW --phone '１３８００００００００'
h 'phone: NUL-like \0 text' 1 $'rs-intake: --phone: bad phone \'138\\000000000\'' $NEW --phone '138\000000000'
h 'location: empty' 1 '~rs-intake: --location: *' $NEW --location ''
h 'location: ANSI escape' 1 'rs-intake: --location: bad text: control character U+001B' $NEW --location "a${ESC}[31mred${ESC}[0m"
h 'location: C0 \x01' 1 'rs-intake: --location: bad text: control character U+0001' $NEW --location $'a\x01b'
h 'location: CR' 1 'rs-intake: --location: bad text: control character U+000D' $NEW --location $'a\rb'
h 'location: DEL' 1 'rs-intake: --location: bad text: control character U+007F' $NEW --location $'a\x7fb'
h 'location: C1 U+0085' 1 'rs-intake: --location: bad text: control character U+0085' $NEW --location $'a\u0085b'
h 'location: C1 CSI U+009B' 1 'rs-intake: --location: bad text: control character U+009B' $NEW --location $'a\u009b31mb'
h 'location: bidi override U+202E' 1 'rs-intake: --location: bad text: bidi control character U+202E' $NEW --location "evil${BIDI}txt.exe"
h 'location: bidi isolate U+2066' 1 'rs-intake: --location: bad text: bidi control character U+2066' $NEW --location $'a\u2066b'
h 'location: bidi embedding U+202A' 1 'rs-intake: --location: bad text: bidi control character U+202A' $NEW --location $'a\u202ab'
h 'location: invalid UTF-8 \xff' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xffb'
h 'location: overlong 2-byte /' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xc0\xafb'
h 'location: overlong 3-byte /' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xe0\x80\xafb'
h 'location: overlong 4-byte' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xf0\x80\x80\xafb'
h 'location: UTF-16 surrogate' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xed\xa0\x80b'
h 'location: truncated sequence' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xe4\xb8'
h 'location: above U+10FFFF' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\xf4\x90\x80\x80b'
h 'location: lone continuation byte' 1 'rs-intake: --location: bad text: invalid UTF-8' $NEW --location $'a\x80b'
h 'customer: bidi' 1 'rs-intake: --customer: bad text: bidi control character U+202E' $NEW --customer "Wang${BIDI}gnaW"
h 'symptom: ESC' 1 'rs-intake: --symptom: bad text: control character U+001B' $NEW --symptom "${ESC}]0;title${ESC}\\"
h 'program: C0' 1 'rs-intake: --program: bad text: control character U+0002' $NEW --program $'p\x02'
h 'vehicle: invalid UTF-8' 1 'rs-intake: --vehicle: bad text: invalid UTF-8' $NEW --vehicle $'\xfe\xff'
h 'note: ANSI clear screen' 1 'rs-intake: --note: bad text: control character U+001B' $NEW --note "${ESC}[2J${ESC}[H"
h 'agent: ESC' 1 'rs-intake: --agent: bad text: control character U+001B' $NEW --agent "ag${ESC}[1m"
h 'agent: invalid UTF-8' 1 'rs-intake: --agent: bad text: invalid UTF-8' $NEW --agent $'ag\xc3'
h 'agent: ESC in rs-complain is a bad value too' 1 'rs-complain: --agent: bad text: control character U+001B' rs-complain list --agent "ag${ESC}[1m"
h 'agent: ESC in rs-callback is a bad value too' 1 'rs-callback: --agent: bad text: control character U+001B' rs-callback due --agent "ag${ESC}[1m"
h 'service: unknown' 1 $'rs-intake: --service: unknown value \'helicopter\' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)' $NEW --service helicopter
h 'service: empty' 1 $'rs-intake: --service: unknown value \'\' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)' $NEW --service ''
h 'service: upper case' 1 $'rs-intake: --service: unknown value \'TOW\' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)' $NEW --service TOW
h 'service: with a space' 1 $'rs-intake: --service: unknown value \'tow \' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)' $NEW --service 'tow '
h 'energy: unknown' 1 $'rs-intake: --energy: unknown value \'diesel\' (want ice|ev|hybrid)' $NEW --energy diesel
h 'road: unknown' 1 $'rs-intake: --road: unknown value \'sea\' (want city|highway|rural)' $NEW --road sea
h 'fault: unknown' 1 $'rs-intake: --fault: unknown value \'magic\' (want accident|engine|transmission|electrical|battery|tyre|brake|ev-system|fuel|lockout|software|other)' $NEW --fault magic
h 'channel: unknown' 1 $'rs-intake: --channel: unknown value \'fax\' (want phone|app|web|walkin|partner)' $NEW --channel fax
h 'can-start: yes' 1 $'rs-intake: --can-start: bad value \'yes\' (want y or n)' $NEW --can-start yes
h 'police: Y' 1 $'rs-intake: --police: bad value \'Y\' (want y or n)' $NEW --police Y
h 'medical: empty' 1 $'rs-intake: --medical: bad value \'\' (want y or n)' $NEW --medical ''
h 'injuries: -1' 1 $'rs-intake: --injuries: out of range \'-1\' (want >= 0)' $NEW --injuries -1
h 'injuries: 1.5' 1 $'rs-intake: --injuries: bad integer \'1.5\'' $NEW --injuries 1.5
h 'injuries: 1e3' 1 $'rs-intake: --injuries: bad integer \'1e3\'' $NEW --injuries 1e3
h 'injuries: 2^64' 1 $'rs-intake: --injuries: bad integer \'18446744073709551616\'' $NEW --injuries 18446744073709551616
h 'injuries: NaN' 1 $'rs-intake: --injuries: bad integer \'NaN\'' $NEW --injuries NaN
h 'priority: 0' 1 $'rs-intake: --priority: out of range \'0\' (want 1..4)' $NEW --priority 0
h 'priority: 5' 1 $'rs-intake: --priority: out of range \'5\' (want 1..4)' $NEW --priority 5
h 'priority: -1' 1 $'rs-intake: --priority: out of range \'-1\' (want 1..4)' $NEW --priority -1
h 'priority: 1.0' 1 $'rs-intake: --priority: bad integer \'1.0\'' $NEW --priority 1.0
h 'quote: negative' 1 $'rs-intake: --quote: bad amount \'-1\'' $NEW --quote -1
h 'quote: 3 decimals' 1 $'rs-intake: --quote: bad amount \'1.234\'' $NEW --quote 1.234
h 'quote: exponent' 1 $'rs-intake: --quote: bad amount \'1e2\'' $NEW --quote 1e2
h 'quote: NaN' 1 $'rs-intake: --quote: bad amount \'NaN\'' $NEW --quote NaN
h 'quote: 1e999' 1 $'rs-intake: --quote: bad amount \'1e999\'' $NEW --quote 1e999
h 'quote: leading space' 1 $'rs-intake: --quote: bad amount \' 5\'' $NEW --quote ' 5'
h 'quote: comma decimal' 1 $'rs-intake: --quote: bad amount \'5,50\'' $NEW --quote 5,50
h 'quote: 30 digits' 1 $'rs-intake: --quote: bad amount \'999999999999999999999999999999\'' $NEW --quote 999999999999999999999999999999
h 'eta: negative' 1 $'rs-intake: --eta: bad minutes \'-5\'' $NEW --eta -5
h 'eta: fraction' 1 $'rs-intake: --eta: bad minutes \'1.5\'' $NEW --eta 1.5
h 'lat: NaN' 1 $'rs-intake: --lat: bad latitude \'NaN\' (want -90..90)' $NEW --lat NaN
h 'lat: 1e999' 1 $'rs-intake: --lat: bad latitude \'1e999\' (want -90..90)' $NEW --lat 1e999
h 'lat: 90.0001' 1 $'rs-intake: --lat: bad latitude \'90.0001\' (want -90..90)' $NEW --lat 90.0001
h 'lat: -90.0001' 1 $'rs-intake: --lat: bad latitude \'-90.0001\' (want -90..90)' $NEW --lat -90.0001
h 'lat: inf' 1 $'rs-intake: --lat: bad latitude \'inf\' (want -90..90)' $NEW --lat inf
h 'lat: hex' 1 $'rs-intake: --lat: bad latitude \'0x10\' (want -90..90)' $NEW --lat 0x10
h 'lat: empty' 1 $'rs-intake: --lat: bad latitude \'\' (want -90..90)' $NEW --lat ''
h 'lon: 180.0001' 1 $'rs-intake: --lon: bad longitude \'180.0001\' (want -180..180)' $NEW --lon 180.0001
h 'lon: -181' 1 $'rs-intake: --lon: bad longitude \'-181\' (want -180..180)' $NEW --lon -181
h 'lon: east' 1 $'rs-intake: --lon: bad longitude \'east\' (want -180..180)' $NEW --lon east
h 'plate: 1 character' 1 $'rs-intake: --plate: bad plate \'A\'' $NEW --plate A
h 'plate: 13 characters' 1 $'rs-intake: --plate: bad plate \'ABCDEFGHIJKLM\'' $NEW --plate ABCDEFGHIJKLM
h 'plate: a space' 1 $'rs-intake: --plate: bad plate \'粤B 12345\'' $NEW --plate '粤B 12345'
h 'plate: ideographic space' 1 $'rs-intake: --plate: bad plate \'粤B　12345\'' $NEW --plate '粤B　12345'
h 'plate: a tab' 1 $'rs-intake: --plate: bad plate \'粤B\\t12345\'' $NEW --plate $'粤B\t12345'
h 'at: 24:00' 1 $'rs-intake: --at: bad time \'2026-11-22T24:00\''"$TF" $NEW --at 2026-11-22T24:00
h 'at: leap second' 1 $'rs-intake: --at: bad time \'2026-11-22T09:59:60+08:00\''"$TF" $NEW --at 2026-11-22T09:59:60+08:00
h 'at: 2026-02-29' 1 $'rs-intake: --at: bad time \'2026-02-29\''"$TF" $NEW --at 2026-02-29
h 'at: 2026-02-29T10:00' 1 $'rs-intake: --at: bad time \'2026-02-29T10:00\''"$TF" $NEW --at 2026-02-29T10:00
h 'at: offset +14:01' 1 $'rs-intake: --at: bad time \'2026-11-22T09:00:00+14:01\''"$TF" $NEW --at 2026-11-22T09:00:00+14:01
h 'at: offset -14:30' 1 $'rs-intake: --at: bad time \'2026-11-22T09:00:00-14:30\''"$TF" $NEW --at 2026-11-22T09:00:00-14:30
h 'at: offset +24:00' 1 $'rs-intake: --at: bad time \'2026-11-22T09:00:00+24:00\''"$TF" $NEW --at 2026-11-22T09:00:00+24:00
h 'at: after 2038, in the future' 1 'rs-intake: --at: 2038-01-19T11:14:08+08:00 is more than 5 minutes in the future' $NEW --at 2038-01-19T03:14:08Z
h 'at: 6 minutes ahead' 1 'rs-intake: --at: 2026-11-22T10:06:00+08:00 is more than 5 minutes in the future' $NEW --at 2026-11-22T10:06:00+08:00
h 'at: month 13' 1 $'rs-intake: --at: bad time \'2026-13-01\''"$TF" $NEW --at 2026-13-01
h 'at: day 0' 1 $'rs-intake: --at: bad time \'2026-11-00\''"$TF" $NEW --at 2026-11-00
h 'at: yesterday (a word)' 1 $'rs-intake: --at: bad time \'yesterday\''"$TF" $NEW --at yesterday
h 'at: -99999999999d' 1 $'rs-intake: --at: -99999999999d is outside the supported range 1970-01-01..9999-12-31' $NEW --at -99999999999d
h 'at: -9223372036854775808m' 1 $'rs-intake: --at: bad time \'-9223372036854775808m\''"$TF" $NEW --at -9223372036854775808m
h 'at: year 99999' 1 $'rs-intake: --at: bad time \'99999-01-01\''"$TF" $NEW --at 99999-01-01
h 'at: trailing garbage' 1 $'rs-intake: --at: bad time \'2026-11-22T09:00:00+08:00x\''"$TF" $NEW --at '2026-11-22T09:00:00+08:00x'
h 'at: empty' 1 $'rs-intake: --at: bad time \'\''"$TF" $NEW --at ''
h 'call-at: bad' 1 $'rs-intake: --call-at: bad time \'25:61\''"$TF" $NEW --call-at 25:61
h 'call-at: 2026-02-29' 1 $'rs-intake: --call-at: bad time \'2026-02-29T10:00\''"$TF" $NEW --call-at 2026-02-29T10:00

###########################################################################
# Ids: wrong date, wrong width, of the future, of the wrong kind.
h 'amend: id 3-digit sequence' 1 'rs-intake: RS-20261122-001: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend RS-20261122-001 --note x
h 'amend: id month 13' 1 'rs-intake: RS-20261322-0001: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend RS-20261322-0001 --note x
h 'amend: id 2026-02-29' 1 'rs-intake: RS-20260229-0001: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend RS-20260229-0001 --note x
h 'amend: id of the future' 1 "rs-intake: RS-20271122-0001: no such case; did you mean 'RS-20261122-0001'?" rs-intake amend RS-20271122-0001 --note x
h 'amend: id of tomorrow' 1 "rs-intake: RS-20261123-0001: no such case; did you mean 'RS-20261122-0001'?" rs-intake amend RS-20261123-0001 --note x
h 'amend: id lower case' 1 'rs-intake: rs-20261122-0001: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend rs-20261122-0001 --note x
h 'amend: a complaint id' 1 'rs-intake: CP-20261122-0001: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend "$CP" --note x
h 'amend: id with a trailing space' 1 'rs-intake: RS-20261122-0001 : not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend "$A " --note x
h 'amend: empty id' 1 'rs-intake: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend '' --note x
h 'amend: id with ESC' 1 '~rs-intake: RS-20261122-0001*: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend "RS-20261122-0001${ESC}[2J" --note x
h 'amend: 30-digit sequence' 1 'rs-intake: RS-20261122-000000000000000000000000000001: not a case id (RS-YYYYMMDD-NNNN)' rs-intake amend RS-20261122-000000000000000000000000000001 --note x
h 'amend: nothing to change' 2 'rs-intake: amend: nothing to change (give at least one case option) (see rs-intake amend --help)' rs-intake amend "$A"
h 'dispatch: unknown case' 1 'rs-dispatch: RS-20261122-0099: no such case' rs-dispatch notify RS-20261122-0099
h 'dispatch: id of the future' 1 'rs-dispatch: RS-20990101-0001: no such case' rs-dispatch notify RS-20990101-0001
h 'dispatch: wrong width' 1 'rs-dispatch: RS-2026112-0001: not a case id (RS-YYYYMMDD-NNNN)' rs-dispatch notify RS-2026112-0001
h 'complain: unknown complaint' 1 "rs-complain: CP-20261122-0099: no such complaint; did you mean 'CP-20261122-0001'?" rs-complain contact CP-20261122-0099
h 'complain: case id for a complaint' 1 'rs-complain: RS-20261122-0001: not a complaint id (CP-YYYYMMDD-NNNN)' rs-complain contact "$A"
h 'complain: wrong width' 1 'rs-complain: CP-20261122-01: not a complaint id (CP-YYYYMMDD-NNNN)' rs-complain contact CP-20261122-01
h 'callback: unknown case' 1 'rs-callback: RS-20261122-0099: no such case' rs-callback record RS-20261122-0099 --kind service --result refused
h 'report case: wrong id' 1 'rs-report: RS-2026-11-22-1: not a case id (RS-YYYYMMDD-NNNN)' rs-report case RS-2026-11-22-1
# An id, a file name, an option typed with an escape sequence in it is
# quoted escaped in the message, never passed raw to the terminal.
h 'dispatch: id with ESC' 1 '~rs-dispatch: RS-1*: not a case id (RS-YYYYMMDD-NNNN)' rs-dispatch notify "RS-1${ESC}[2J"
h 'complain: id with ESC' 1 '~rs-complain: CP-1*: not a complaint id (CP-YYYYMMDD-NNNN)' rs-complain contact "CP-1${ESC}[2J"
h 'complain open: case id with ESC' 1 '~rs-complain: RS-1*: not a case id (RS-YYYYMMDD-NNNN)' rs-complain open --case "RS-1${ESC}[2J" --category late --demand x
h 'callback: id with ESC' 1 '~rs-callback: RS-1*: not a case id (RS-YYYYMMDD-NNNN)' rs-callback record "RS-1${ESC}[2J" --kind service --result refused
h 'callback: complaint id with ESC' 1 '~rs-callback: CP-1*: not a complaint id (CP-YYYYMMDD-NNNN)' rs-callback record "$D" --kind complaint --complaint "CP-1${ESC}[2J" --result refused
h 'report case: id with ESC' 1 '~rs-report: RS-1*: not a case id (RS-YYYYMMDD-NNNN)' rs-report case "RS-1${ESC}[2J"
h 'import: file name with ESC' 3 '~rs-intake: $T/no*.tsv: cannot open: No such file or directory' rs-intake import "$T/no${ESC}[2J.tsv"
h 'cat: file name with ESC' 3 '~rs-journal: $T/no*.tsv: cannot open: No such file or directory' rs-journal cat "$T/no${ESC}[2J.tsv"
h 'report: --cases file name with ESC' 3 '~rs-report: $T/no*.tsv: cannot open: No such file or directory' rs-report shift --cases "$T/no${ESC}[2J.tsv"
h 'schema: name with ESC' 1 '~rs-journal: x*: no such schema (see rs-journal schema)' rs-journal schema "x${ESC}[2J"
h 'unknown option with ESC' 2 $'~rs-intake: new: unknown option \'--bogus*\' (see rs-intake new --help)' rs-intake "--bogus${ESC}[2J"
h 'unknown command with ESC' 2 $'~rs-report: unknown command \'bogus*\' (see rs-report --help)' rs-report "bogus${ESC}[2J"
h 'format with ESC' 2 $'~rs-intake: list: --format: unknown value \'x*\' (want tsv|csv|json|table) (see rs-intake list --help)' rs-intake -f "x${ESC}[2J" list

###########################################################################
# rs-dispatch, rs-complain, rs-callback option values.
h 'assign: unknown provider' 1 'rs-dispatch: P999: no such provider' rs-dispatch assign "$A" --provider P999
h 'assign: provider with ESC' 1 $'rs-dispatch: --provider: bad provider id \'P001\\x1b[m\'' rs-dispatch assign "$A" --provider "P001${ESC}[m"
h 'assign: eta -1' 1 $'rs-dispatch: --eta: bad minutes \'-1\'' rs-dispatch assign "$A" --provider P001 --eta -1
h 'assign: eta abc' 1 $'rs-dispatch: --eta: bad minutes \'abc\'' rs-dispatch assign "$A" --provider P001 --eta abc
h 'assign: technician ANSI' 1 'rs-dispatch: --technician: bad text: control character U+001B' rs-dispatch assign "$A" --provider P001 --technician "${ESC}[5mX"
h 'arrive: on an open case' 1 'rs-dispatch: RS-20261122-0001: case is open; cannot record arrival' rs-dispatch arrive "$A"
h 'complete: bad outcome' 1 $'rs-dispatch: --outcome: unknown value \'exploded\' (want repaired|towed|jumpstarted|tyre-changed|refuelled|unlocked|transported|remote|unresolved)' rs-dispatch complete "$D" --outcome exploded
h 'complete: fee NaN' 1 $'rs-dispatch: --fee: bad amount \'NaN\'' rs-dispatch complete "$D" --outcome towed --fee NaN
h 'complete: fee -5' 1 $'rs-dispatch: --fee: bad amount \'-5\'' rs-dispatch complete "$D" --outcome towed --fee -5
h 'complete: fee 1e999' 1 $'rs-dispatch: --fee: bad amount \'1e999\'' rs-dispatch complete "$D" --outcome towed --fee 1e999
h 'cancel: note ANSI' 1 'rs-dispatch: --note: bad text: control character U+001B' rs-dispatch cancel "$A" --reason other --note "${ESC}[31mno"
h 'cancel: note bidi' 1 'rs-dispatch: --note: bad text: bidi control character U+202E' rs-dispatch cancel "$A" --reason other --note "x${BIDI}y"
h 'cancel: reason ANSI' 1 "rs-dispatch: --reason: unknown value '\\x1b[31mno' (want customer|duplicate|gone-on-arrival|no-provider|by-phone|other)" rs-dispatch cancel "$A" --reason "${ESC}[31mno"
h 'cancel: reason empty' 1 "rs-dispatch: --reason: unknown value '' (want customer|duplicate|gone-on-arrival|no-provider|by-phone|other)" rs-dispatch cancel "$A" --reason ''
h 'suggest: -n -1' 2 $'rs-dispatch: suggest: -n: want a count of 1 or more, not \'-1\' (see rs-dispatch suggest --help)' rs-dispatch suggest "$A" -n -1
h 'suggest: -n abc' 2 $'rs-dispatch: suggest: -n: want a count of 1 or more, not \'abc\' (see rs-dispatch suggest --help)' rs-dispatch suggest "$A" -n abc
h 'list: --as-of 24:00' 1 $'rs-dispatch: --as-of: bad time \'2026-11-22T24:00\''"$TF" rs-dispatch list --as-of 2026-11-22T24:00
h 'list: --provider ANSI' 1 $'rs-dispatch: --provider: bad provider id \'\\x1b[2J\'' rs-dispatch list --provider "${ESC}[2J"
h 'complaint: level 0' 1 $'rs-complain: --level: bad level \'0\' (want 1-4)' rs-complain open --case "$D" --category late --demand x --level 0
h 'complaint: level 5' 1 $'rs-complain: --level: bad level \'5\' (want 1-4)' rs-complain open --case "$D" --category late --demand x --level 5
h 'complaint: level 2.5' 1 $'rs-complain: --level: bad level \'2.5\' (want 1-4)' rs-complain open --case "$D" --category late --demand x --level 2.5
h 'complaint: unknown category' 1 $'rs-complain: --category: unknown value \'rude\' (want late|no-show|attitude|technical|fee|damage|location|dispatch|agent|other)' rs-complain open --case "$D" --category rude --demand x
h 'complaint: demand ESC' 1 'rs-complain: --demand: bad text: control character U+001B' rs-complain open --case "$D" --category late --demand "${ESC}[8mhidden"
h 'complaint: demand invalid UTF-8' 1 'rs-complain: --demand: bad text: invalid UTF-8' rs-complain open --case "$D" --category late --demand $'\xc3\x28'
h 'complaint: case of the future' 1 "rs-complain: RS-20301122-0001: no such case; did you mean 'RS-20261122-0001'?" rs-complain open --case RS-20301122-0001 --category late --demand x
h 'action: due 2026-02-29' 1 $'rs-complain: --due: bad date \'2026-02-29\' (want YYYY-MM-DD)' rs-complain action "$CP" --action a --owner o --due 2026-02-29
h 'action: due month 13' 1 $'rs-complain: --due: bad date \'2026-13-01\' (want YYYY-MM-DD)' rs-complain action "$CP" --action a --owner o --due 2026-13-01
h 'action: due with a time' 1 $'rs-complain: --due: bad date \'2026-12-01T10:00\' (want YYYY-MM-DD)' rs-complain action "$CP" --action a --owner o --due 2026-12-01T10:00
h 'resolve: amount 1e999' 1 $'rs-complain: CP-20261122-0001: column amount: bad amount \'1e999\'' rs-complain resolve "$CP" --remedy refund --amount 1e999 --note x
h 'resolve: amount -1' 1 $'rs-complain: CP-20261122-0001: column amount: bad amount \'-1\'' rs-complain resolve "$CP" --remedy refund --amount -1 --note x
h 'resolve: unknown remedy' 1 $'rs-complain: --remedy: unknown value \'cash\' (want apology|refund|partial-refund|voucher|upgrade|compensation|repair|none)' rs-complain resolve "$CP" --remedy cash --note x
h 'escalate: level NaN' 1 $'rs-complain: --level: bad level \'NaN\' (want 1-4)' rs-complain escalate "$CP" --level NaN
h 'complain list: --since leap second' 1 $'rs-complain: --since: bad time \'2026-06-30T23:59:60Z\''"$TF" rs-complain list --since 2026-06-30T23:59:60Z
h 'callback: overall 6' 1 $'rs-callback: --overall: bad score \'6\' (want 1-5)' rs-callback record "$D" --kind service --result reached --overall 6
h 'callback: overall 0' 1 $'rs-callback: --overall: bad score \'0\' (want 1-5)' rs-callback record "$D" --kind service --result reached --overall 0
h 'callback: nps 11' 1 $'rs-callback: --nps: bad score \'11\' (want 0-10)' rs-callback record "$D" --kind service --result reached --overall 3 --nps 11
h 'callback: nps -1' 1 $'rs-callback: --nps: bad score \'-1\' (want 0-10)' rs-callback record "$D" --kind service --result reached --overall 3 --nps -1
h 'callback: scores without reached' 1 'rs-callback: --overall: scores are recorded only with --result reached' rs-callback record "$D" --kind service --result no-answer --overall 3
h 'callback: unknown result' 1 $'rs-callback: --result: unknown value \'maybe\' (want reached|no-answer|refused|wrong-number)' rs-callback record "$D" --kind service --result maybe
h 'callback: complaint call without --complaint' 2 'rs-callback: record: --complaint is required with --kind complaint (see rs-callback record --help)' rs-callback record "$D" --kind complaint --result refused
h 'callback: comment bidi' 1 'rs-callback: --comment: bad text: bidi control character U+202E' rs-callback record "$D" --kind service --result reached --overall 4 --comment "ok${BIDI}"

###########################################################################
# Import files: encodings, NUL, BOM, headers, quotes, sizes.
I=$T/imp
mkdir -p "$I"
HDR=$'phone\tlocation\tservice'
printf '%s\n13800000001\tok\ttow\n138\0000001\tnul\ttow\n' "$HDR" >"$I/nul.tsv"
printf 'phone,location,service\r\n13800000001,"a\0b",tow\r\n' >"$I/nul.csv"
printf '%s\n13800000001\ta\377b\ttow\n' "$HDR" >"$I/badutf8.tsv"
printf 'phone,location,service\n13800000001,a\300\257b,tow\n' >"$I/overlong.csv"
printf 'phone,location,service\n\357\273\27713800000001,mid-bom,tow\n' >"$I/midbom.csv"
printf 'phone\tlocation\tphone\tservice\n1\t2\t3\t4\n' >"$I/dupcol.tsv"
printf 'phone\tlocation\n13800000001\tno service\n' >"$I/missingcol.tsv"
printf 'phone\tlocation\tservice\tcolour\n13800000001\tx\ttow\tred\n' >"$I/unknowncol.tsv"
printf '\tlocation\tservice\n13800000001\tx\ttow\n' >"$I/emptycol.tsv"
: >"$I/empty.tsv"
printf '%s\n' "$HDR" >"$I/headeronly.tsv"
printf 'phone,location,service\n13800000001,"unbalanced,tow\n13800000002,x,tow\n' >"$I/unbalanced.csv"
printf 'phone,location,service\n13800000001,x,"tow' >"$I/unbalanced-eof.csv"
printf 'phone,location,service\n13800000001,x"y,tow\n' >"$I/strayquote.csv"
printf '%s\n13800000001\tx\n' "$HDR" >"$I/fewer.tsv"
printf '%s\n13800000001\tx\ttow\textra\n' "$HDR" >"$I/more.tsv"
printf '%s\n13800000001\ta\033[31mb\ttow\n' "$HDR" >"$I/ansi.tsv"
printf 'phone,location,service\n13800000001,"x\342\200\256y",tow\n' >"$I/bidi.csv"
printf '%s\r\n13800000001\tx\thelicopter\r\n' "$HDR" >"$I/crlf.tsv"
printf '%s\n13800000001\ta\\qb\ttow\n' "$HDR" >"$I/badescape.tsv"
printf '%s\n13800000001\ta\\\ttow\n' "$HDR" >"$I/trailingbackslash.tsv"
printf 'phone\tlocation\tservice\tat\n13800000001\tx\ttow\t2030-01-01\n' >"$I/future.tsv"
printf 'phone\tlocation\tservice\tpriority\n13800000001\tx\ttow\t9\n13800000002\ty\ttow\t0\n1\tz\ttow\t\n' >"$I/manybad.tsv"
printf 'case_id\tphone\tlocation\tservice\tevent\n%s\t13800000001\tx\ttow\tamended\n' "$A" >"$I/withids.tsv"
printf '\0\1\2\3\377\376garbage\n\n\n' >"$I/binary"
# 100 000 columns, 10 MB fields and lines (1 MB under valgrind)
BIG=10000000
[ -n "$RS_VALGRIND" ] && BIG=1000000
seq 1 100000 | paste -sd '\t' >"$I/cols.tsv"
{ printf '%s\n' "$HDR"; seq 1 100000 | paste -sd '\t'; } >"$I/rowcols.tsv"
{ printf 'phone\tlocation\tservice\n'; head -c "$BIG" /dev/zero | tr '\0' 7; printf '\tx\ttow\n'; } >"$I/bigphone.tsv"
{ printf 'phone\tlocation\tservice\tlat\n13800000001\tx\ttow\t1.'; head -c "$BIG" /dev/zero | tr '\0' 5; printf '\n'; } >"$I/biglat.tsv"
{ printf 'phone\tlocation\tservice\n13800000001\t'; head -c "$BIG" /dev/zero | tr '\0' x; printf '\001\ttow\n'; } >"$I/bigline.tsv"
{ printf '%s\n13800000001\tx\ttow\n' "$HDR"; head -c "$BIG" /dev/zero | tr '\0' y; } >"$I/bigtorn.tsv"
{ printf 'phone,location,service\n13800000001,"'; head -c "$BIG" /dev/zero | tr '\0' z; } >"$I/bigquote.csv"
gzip -c "$I/nul.tsv" >"$I/nul.tsv.gz"
cp "$H/truncated.tsv.gz" "$H/corrupt.tsv.gz" "$I/"

h 'import: NUL byte (TSV)' 1 $'rs-intake: $T/imp/nul.tsv:3: column phone: bad phone \'138\\x000001\'' rs-intake import "$I/nul.tsv"
h 'import: NUL byte (CSV)' 1 'rs-intake: $T/imp/nul.csv: NUL byte in CSV input' rs-intake import "$I/nul.csv"
h 'import: NUL byte (gzip)' 1 $'rs-intake: $T/imp/nul.tsv.gz:3: column phone: bad phone \'138\\x000001\'' rs-intake import "$I/nul.tsv.gz"
h 'import: invalid UTF-8' 1 'rs-intake: $T/imp/badutf8.tsv:2: column location: invalid UTF-8' rs-intake import "$I/badutf8.tsv"
h 'import: overlong UTF-8 (CSV)' 1 'rs-intake: $T/imp/overlong.csv:2: column location: invalid UTF-8' rs-intake import "$I/overlong.csv"
h 'import: BOM in the middle' 1 $'rs-intake: $T/imp/midbom.csv:2: column phone: bad phone \'﻿13800000001\'' rs-intake import "$I/midbom.csv"
h 'import: duplicate header column' 1 'rs-intake: $T/imp/dupcol.tsv:1: column phone given twice' rs-intake import "$I/dupcol.tsv"
h 'import: required column missing' 1 'rs-intake: $T/imp/missingcol.tsv:2: column service: missing (phone, location and service are required)' rs-intake import "$I/missingcol.tsv"
h 'import: unknown column' 1 $'rs-intake: $T/imp/unknowncol.tsv:1: unknown column \'colour\'' rs-intake import "$I/unknowncol.tsv"
h 'import: empty column name' 1 $'rs-intake: $T/imp/emptycol.tsv:1: unknown column \'\'' rs-intake import "$I/emptycol.tsv"
h 'import: empty file' 0 '' rs-intake import "$I/empty.tsv"
h 'import: header only' 0 '' rs-intake import "$I/headeronly.tsv"
h 'import: unbalanced quote' 1 'rs-intake: $T/imp/unbalanced.csv:2: unterminated quoted field' rs-intake import "$I/unbalanced.csv"
h 'import: unbalanced quote at the end' 1 'rs-intake: $T/imp/unbalanced-eof.csv:2: unterminated quoted field' rs-intake import "$I/unbalanced-eof.csv"
h 'import: stray quote in a field' 1 'rs-intake: $T/imp/strayquote.csv:2: malformed quoted field' rs-intake import "$I/strayquote.csv"
h 'import: too few fields' 1 'rs-intake: $T/imp/fewer.tsv:2: 2 fields, the header has 3' rs-intake import "$I/fewer.tsv"
h 'import: too many fields' 1 'rs-intake: $T/imp/more.tsv:2: 4 fields, the header has 3' rs-intake import "$I/more.tsv"
h 'import: ANSI escape in a field' 1 'rs-intake: $T/imp/ansi.tsv:2: column location: control character U+001B' rs-intake import "$I/ansi.tsv"
h 'import: bidi override in a field' 1 'rs-intake: $T/imp/bidi.csv:2: column location: bidi control character U+202E' rs-intake import "$I/bidi.csv"
h 'import: CRLF, bad service' 1 $'rs-intake: $T/imp/crlf.tsv:2: column service: unknown value \'helicopter\' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)' rs-intake import "$I/crlf.tsv"
h 'import: unknown backslash escape' 0 '' rs-intake import "$I/badescape.tsv"
h 'import: trailing backslash' 0 '' rs-intake import "$I/trailingbackslash.tsv"
h 'import: at in the future' 1 'rs-intake: $T/imp/future.tsv:2: column at: more than 5 minutes in the future' rs-intake import "$I/future.tsv"
h 'import: every bad row reported' 1 $'rs-intake: $T/imp/manybad.tsv:2: column priority: out of range \'9\' (want 1..4)\nrs-intake: $T/imp/manybad.tsv:3: column priority: out of range \'0\' (want 1..4)\nrs-intake: $T/imp/manybad.tsv:4: column phone: bad phone \'1\'' rs-intake import "$I/manybad.tsv"
h 'import: case_id and event columns' 0 '' rs-intake import "$I/withids.tsv"
h 'import: 100000 header columns' 1 'rs-intake: $T/imp/cols.tsv:1: too many columns in the header' rs-intake import "$I/cols.tsv"
h 'import: a row of 100000 fields' 1 'rs-intake: $T/imp/rowcols.tsv:2: 100000 fields, the header has 3' rs-intake import "$I/rowcols.tsv"
h 'import: 10 MB phone' 1 $'rs-intake: $T/imp/bigphone.tsv:2: column phone: bad phone \'7777777777777777777777777777777777777777...\'' rs-intake import "$I/bigphone.tsv"
h 'import: 10 MB latitude' 1 $'rs-intake: $T/imp/biglat.tsv:2: column lat: bad latitude \'1.55555555555555555555555555555555555555...\' (want -90..90)' rs-intake import "$I/biglat.tsv"
h 'import: 10 MB line with a control character' 1 'rs-intake: $T/imp/bigline.tsv:2: column location: control character U+0001' rs-intake import "$I/bigline.tsv"
h 'import: 10 MB torn last line' 1 'rs-intake: $T/imp/bigtorn.tsv:3: 1 fields, the header has 3' rs-intake import "$I/bigtorn.tsv"
h 'import: 10 MB unterminated quote' 1 'rs-intake: $T/imp/bigquote.csv:2: unterminated quoted field' rs-intake import "$I/bigquote.csv"
h 'import: truncated gzip' 3 'rs-intake: $T/imp/truncated.tsv.gz: truncated gzip data' rs-intake import "$I/truncated.tsv.gz"
h 'import: corrupt gzip' 3 'rs-intake: $T/imp/corrupt.tsv.gz: corrupt gzip data: invalid literal/lengths set' rs-intake import "$I/corrupt.tsv.gz"
h 'import: a directory' 3 'rs-intake: $T/imp: is a directory, not a file' rs-intake import "$I"
h 'import: a missing file' 3 'rs-intake: $T/imp/nope.tsv: cannot open: No such file or directory' rs-intake import "$I/nope.tsv"
hin 'import: binary garbage on stdin' 1 'rs-intake: stdin: NUL byte in CSV input' "$I/binary" rs-intake import -
hin 'import: NUL on stdin' 1 $'rs-intake: stdin:3: column phone: bad phone \'138\\x000001\'' "$I/nul.tsv" rs-intake import -

###########################################################################
# Reading hostile files: rs-journal cat and check, rs-report --cases.
cp "$H/truncated.tsv.gz" "$H/corrupt.tsv.gz" "$H/garbage-after.tsv.gz" "$H/header-only.tsv.gz" "$T/"
: >"$T/empty.tsv.gz"
printf 'not gzip at all\n' >"$T/plain.tsv.gz"
printf '\037\213\010\000garbage' >"$T/magic.tsv.gz"
h 'cat: truncated gzip' 3 'rs-journal: $T/truncated.tsv.gz: truncated gzip data' rs-journal cat "$T/truncated.tsv.gz"
h 'cat: corrupt gzip' 3 'rs-journal: $T/corrupt.tsv.gz: corrupt gzip data: invalid literal/lengths set' rs-journal cat "$T/corrupt.tsv.gz"
h 'cat: garbage after the gzip stream' 3 'rs-journal: $T/garbage-after.tsv.gz: corrupt gzip data: garbage after the end of the stream' rs-journal cat "$T/garbage-after.tsv.gz"
h 'cat: only a gzip header' 3 'rs-journal: $T/header-only.tsv.gz: truncated gzip data' rs-journal cat "$T/header-only.tsv.gz"
h 'cat: gzip magic then garbage' 3 'rs-journal: $T/magic.tsv.gz: truncated gzip data' rs-journal cat "$T/magic.tsv.gz"
h 'cat: empty .gz file' 0 '' rs-journal cat "$T/empty.tsv.gz"
h 'cat: .gz that is plain text' 0 '' rs-journal cat "$T/plain.tsv.gz"
h 'cat: NUL bytes' 0 'rs-journal: $T/imp/nul.tsv: skipped 1 bad row, the first at line 3' rs-journal cat "$I/nul.tsv"
h 'cat: invalid UTF-8' 0 'rs-journal: $T/imp/badutf8.tsv: skipped 1 bad row, the first at line 2' rs-journal cat "$I/badutf8.tsv"
h 'cat: unbalanced CSV quote' 1 'rs-journal: $T/imp/unbalanced.csv:2: unterminated quoted field' rs-journal cat "$I/unbalanced.csv"
h 'cat: 10 MB unterminated CSV quote' 1 'rs-journal: $T/imp/bigquote.csv:2: unterminated quoted field' rs-journal cat "$I/bigquote.csv"
h 'cat: 100000 columns to JSON' 0 '' rs-journal cat "$I/cols.tsv" -f json
h 'cat: a row of 100000 fields' 0 'rs-journal: $T/imp/rowcols.tsv: skipped 1 bad row, the first at line 2' rs-journal cat "$I/rowcols.tsv"
h 'cat: duplicate header column' 1 'rs-journal: $T/imp/dupcol.tsv:1: column '\''phone'\'' appears twice' rs-journal cat "$I/dupcol.tsv"
h 'cat: a directory' 3 'rs-journal: $T/imp: is a directory, not a file' rs-journal cat "$I"
h 'cat: a missing file' 3 'rs-journal: $T/nope.tsv: cannot open: No such file or directory' rs-journal cat "$T/nope.tsv"
h 'cat: through a regular file (ENOTDIR)' 3 'rs-journal: $T/imp/nul.tsv/x: cannot open: Not a directory' rs-journal cat "$I/nul.tsv/x"
h 'cat: ANSI escapes to a table' 0 '' rs-journal cat "$I/ansi.tsv" -f table
tcase 'cat: ANSI escapes to a table come out escaped' 0 $'phone        location    service\n13800000001  a\\x1b[31mb  tow' '' \
    rs-journal cat "$I/ansi.tsv" -f table
tcase 'cat: a FIFO named on the command line is read (process substitution)' 0 $'{"a":"1"}' '' \
    rs-journal cat <(printf 'a\n1\n') -f json
hin 'cat: binary garbage on stdin' 1 'rs-journal: stdin:1: header: NUL byte' "$I/binary" rs-journal cat -
h 'report: --cases truncated gzip' 3 'rs-report: $T/truncated.tsv.gz: truncated gzip data' rs-report weekly --cases "$T/truncated.tsv.gz"
h 'report: --cases corrupt gzip' 3 'rs-report: $T/corrupt.tsv.gz: corrupt gzip data: invalid literal/lengths set' rs-report kpi --cases "$T/corrupt.tsv.gz"
h 'report: --cases a directory' 3 'rs-report: $T/imp: is a directory, not a file' rs-report shift --cases "$I"
h 'report: --cases a missing file' 3 'rs-report: $T/nope.tsv: cannot open: No such file or directory' rs-report shift --cases "$T/nope.tsv"
h 'report: --cases unbalanced CSV' 1 'rs-report: $T/imp/unbalanced.csv:2: unterminated quoted field' rs-report weekly --cases "$I/unbalanced.csv"
h 'report: --cases 100000 columns' 1 $'rs-report: $T/imp/cols.tsv:1: unknown column \'1\' for cases' rs-report weekly --cases "$I/cols.tsv"
h 'report: --cases with a bad header' 1 $'rs-report: $T/imp/dupcol.tsv:1: column \'phone\' appears twice' rs-report weekly --cases "$I/dupcol.tsv"
h 'report: --cases NUL bytes' 0 'rs-report: $T/imp/nul.tsv: skipped 2 bad rows, the first at line 2' rs-report weekly --cases "$I/nul.tsv"
hin 'report: --cases - binary garbage' 1 'rs-report: stdin:1: header: NUL byte' "$I/binary" rs-report kpi --cases -
h 'report: shift --date 2026-02-29' 1 $'rs-report: --date: bad date \'2026-02-29\' (want YYYY-MM-DD)' rs-report shift --date 2026-02-29
h 'report: weekly --week 2026-W54' 1 $'rs-report: --week: bad week \'2026-W54\' (want YYYY-Www, e.g. 2026-W47)' rs-report weekly --week 2026-W54
h 'report: weekly --week 2026-W00' 1 $'rs-report: --week: bad week \'2026-W00\' (want YYYY-Www, e.g. 2026-W47)' rs-report weekly --week 2026-W00
h 'report: kpi --by year' 2 $'rs-report: kpi: --by: unknown value \'year\' (want day|week|month) (see rs-report kpi --help)' rs-report kpi --by year
h 'report: --as-of offset +15:00' 1 $'rs-report: --as-of: bad time \'2026-11-22T10:00:00+15:00\''"$TF" rs-report kpi --as-of 2026-11-22T10:00:00+15:00

###########################################################################
# Journals that are not regular files.
hj() { jdir "$T/hj$1"; mkdir -p "$RS_DIR"; cp "$SAMPLES/providers.tsv" "$RS_DIR/"; }
hj 1; mkdir "$RS_DIR/cases.tsv"
# rs-intake reads cases.tsv (the duplicate-call check) before it writes.
h 'cases.tsv is a directory: intake' 3 'rs-intake: $T/hj1/cases.tsv: is a directory, not a file' $NEW
h 'cases.tsv is a directory: cat' 3 'rs-journal: $T/hj1/cases.tsv: is a directory, not a file' rs-journal cat cases
h 'cases.tsv is a directory: check' 3 "$NOZONE
"'rs-journal: $T/hj1/cases.tsv: is a directory, not a file' rs-journal check
h 'cases.tsv is a directory: list' 3 'rs-intake: $T/hj1/cases.tsv: is a directory, not a file' rs-intake list
hj 2; mkfifo "$RS_DIR/cases.tsv"
h 'cases.tsv is a FIFO: intake' 3 'rs-intake: $T/hj2/cases.tsv: not a regular file' $NEW
# (readers must not hang on it: exit 124 is the timeout firing)
h 'cases.tsv is a FIFO: check' 3 "~$NOZONE
"'rs-journal: $T/hj2/cases.tsv: *' timeout 3 rs-journal check
h 'cases.tsv is a FIFO: cat' 3 '~rs-journal: $T/hj2/cases.tsv: *' timeout 3 rs-journal cat cases
hj 3; ln -s "$T/nowhere/cases.tsv" "$RS_DIR/cases.tsv"
h 'cases.tsv a symlink to nowhere: intake' 3 'rs-intake: $T/hj3/cases.tsv: cannot open for writing: No such file or directory' $NEW
h 'cases.tsv a symlink to nowhere: cat' 0 '' rs-journal cat cases
h 'cases.tsv a symlink to nowhere: check' 0 "$NOZONE" rs-journal check
hj 4; ln -s cases.tsv "$RS_DIR/dispatch.tsv"; ln -s dispatch.tsv "$RS_DIR/cases.tsv"
h 'a symlink loop: intake' 3 'rs-intake: $T/hj4/cases.tsv: cannot open: Too many levels of symbolic links' $NEW
h 'a symlink loop: cat' 3 'rs-journal: $T/hj4/cases.tsv: cannot open: Too many levels of symbolic links' rs-journal cat cases
hj 5; rm -rf "$RS_DIR"; printf 'x\n' >"$RS_DIR"
h 'the journal directory is a file: intake' 3 'rs-intake: $T/hj5/cases.tsv: cannot open: Not a directory' $NEW
h 'the journal directory is a file: cat' 3 'rs-journal: $T/hj5: not a directory' rs-journal cat cases
h 'the journal directory is a file: check' 3 'rs-journal: $T/hj5: not a directory' rs-journal check
hj 6; RS_DIR=$RS_DIR/cases.tsv/sub; printf 'x\n' >"${RS_DIR%/sub}"
h 'journal directory under a regular file (ENOTDIR): intake' 3 'rs-intake: $T/hj6/cases.tsv/sub/cases.tsv: cannot open: Not a directory' $NEW
h 'journal directory under a regular file (ENOTDIR): report' 3 'rs-report: $T/hj6/cases.tsv/sub: cannot use journal directory: Not a directory' rs-report shift
# The case first: with dispatch.tsv a directory, rs-intake's duplicate
# check cannot read the dispatch journal either.
hj 7; A7=$(rs-intake -q --phone 13800000001 --location x --service tow)
rm "$RS_DIR/dispatch.tsv" 2>/dev/null; mkdir "$RS_DIR/dispatch.tsv"
h 'dispatch.tsv is a directory: intake' 3 'rs-intake: $T/hj7/dispatch.tsv: is a directory, not a file' $NEW
h 'dispatch.tsv is a directory: notify' 3 'rs-dispatch: $T/hj7/dispatch.tsv: cannot open for writing: Is a directory' rs-dispatch notify "$A7"
hj 8; rm "$RS_DIR/providers.tsv"; mkdir "$RS_DIR/providers.tsv"
A8=$(rs-intake -q --phone 13800000001 --location x --service tow --lat 22.5 --lon 114.0)
h 'providers.tsv is a directory: assign' 3 'rs-dispatch: $T/hj8/providers.tsv: is a directory, not a file' rs-dispatch assign "$A8" --provider P001
h 'providers.tsv is a directory: suggest' 3 'rs-dispatch: $T/hj8/providers.tsv: is a directory, not a file' rs-dispatch suggest "$A8"
hj 9; cp "$H/truncated.tsv.gz" "$RS_DIR/cases.2026-10.tsv.gz"
h 'a truncated archive: cat' 3 'rs-journal: $T/hj9/cases.2026-10.tsv.gz: truncated gzip data' rs-journal cat cases
h 'a truncated archive: check' 3 "$NOZONE
"'rs-journal: $T/hj9/cases.2026-10.tsv.gz: truncated gzip data' rs-journal check
h 'a truncated archive: report' 3 'rs-report: $T/hj9/cases.2026-10.tsv.gz: truncated gzip data' rs-report kpi --since 2026-10-01
hj 10; RS_NOW=2026-09-20T10:00:00+08:00 rs-intake -q --phone 13800000001 --location x --service tow >/dev/null
cp "$H/corrupt.tsv.gz" "$RS_DIR/cases.2026-09.tsv.gz"
h 'a corrupt archive: intake list' 3 'rs-intake: $T/hj10/cases.2026-09.tsv.gz: corrupt gzip data: invalid literal/lengths set' rs-intake list
h 'a corrupt archive: archive does not merge into it' 3 'rs-journal: $T/hj10/cases.2026-09.tsv.gz: corrupt gzip data: invalid literal/lengths set' rs-journal archive --before 2026-10
hj 11; mkdir "$RS_DIR/cases.2026-10.tsv.gz"
h 'an archive that is a directory: cat' 3 'rs-journal: $T/hj11/cases.2026-10.tsv.gz: is a directory, not a file' rs-journal cat cases

# A rejected first row of a journal that does not exist yet leaves no
# (empty) file behind: nothing written means no new file either.
hj 12
A12=$(rs-intake -q --phone 13800000001 --location x --service tow)
h 'first dispatch row rejected: no dispatch.tsv created' 1 'rs-dispatch: RS-20261122-0001: case is open; cannot record arrival' rs-dispatch arrive "$A12"
h 'first complaint row rejected: no complaints.tsv created' 1 'rs-complain: CP-20261122-0001: no such complaint' rs-complain contact CP-20261122-0001
h 'first callback row rejected: no callbacks.tsv created' 1 "rs-callback: RS-20261122-0099: no such case; did you mean 'RS-20261122-0001'?" rs-callback record RS-20261122-0099 --kind service --result refused
h 'after rejected first rows: check passes' 0 "$NOZONE" rs-journal check

###########################################################################
# rules.tsv with bad values (through rs-dispatch list, rs-report, check).
hr() { hj "r$1"; printf "$2" >"$RS_DIR/rules.tsv"; }
hr 1 'sla.file_min\t3\nsla.unknown\t5\n'
h 'rules: unknown key' 1 $'rs-dispatch: $T/hjr1/rules.tsv:2: unknown rule \'sla.unknown\'' rs-dispatch list
hr 2 'sla.dispatch_min\tfive\n'
h 'rules: value not a number' 1 $'rs-report: $T/hjr2/rules.tsv:1: bad value \'five\' for sla.dispatch_min (want minutes, 1-10080)' rs-report shift
hr 3 'sla.arrive_city_min\t-30\n'
h 'rules: negative minutes' 1 $'rs-dispatch: $T/hjr3/rules.tsv:1: bad value \'-30\' for sla.arrive_city_min (want minutes, 1-10080)' rs-dispatch list
hr 4 'sla.file_min\t3\nsla.file_min\t4\n'
h 'rules: a key twice' 1 'rules.tsv:2: duplicate rule sla.file_min' sh -c 'rs-journal check rules 1>&2'
hr 5 'callback.second_from_d\t20\ncallback.second_to_d\t10\n'
h 'rules: second window backwards' 1 'rs-callback: $T/hjr5/rules.tsv:2: callback.second_from_d (20) is after callback.second_to_d (10)' rs-callback due
hr 6 'sla.file_min\t3\0\n'
h 'rules: NUL' 1 'rs-dispatch: $T/hjr6/rules.tsv:1: NUL byte' rs-dispatch list
hr 7 'target.complainant_satisfaction\t1.5\n'
h 'rules: ratio above 1' 1 $'rs-report: $T/hjr7/rules.tsv:1: bad value \'1.5\' for target.complainant_satisfaction (want a decimal from 0 to 1, at most 9 decimals)' rs-report weekly
hr 8 'target.complainant_satisfaction\tNaN\n'
h 'rules: ratio NaN' 1 $'rs-report: $T/hjr8/rules.tsv:1: bad value \'NaN\' for target.complainant_satisfaction (want a decimal from 0 to 1, at most 9 decimals)' rs-report weekly
hr 9 'shift.day\t08:00-08:00\n'
h 'rules: shift of zero hours' 1 $'rs-report: $T/hjr9/rules.tsv:1: bad value \'08:00-08:00\' for shift.day (want HH:MM-HH:MM, two different clock times)' rs-report shift
hr 10 'shift.night\t24:00-08:00\n'
h 'rules: shift from 24:00' 1 $'rs-report: $T/hjr10/rules.tsv:1: bad value \'24:00-08:00\' for shift.night (want HH:MM-HH:MM, two different clock times)' rs-report shift
hr 11 'sla.file_min\t\033[31m3\n'
h 'rules: ANSI escape' 1 'rs-dispatch: $T/hjr11/rules.tsv:1: control character U+001B' rs-dispatch list
hr 12 'sla.file_min\t3\xff\n'
h 'rules: invalid UTF-8' 1 'rs-dispatch: $T/hjr12/rules.tsv:1: invalid UTF-8' rs-dispatch list
hr 13 'sla.file_min\n'
h 'rules: missing value' 1 'rs-dispatch: $T/hjr13/rules.tsv:1: missing value for sla.file_min' rs-dispatch list
hr 14 'sla.file_min\t99999999999999999999\n'
h 'rules: value overflows' 1 $'rs-dispatch: $T/hjr14/rules.tsv:1: bad value \'99999999999999999999\' for sla.file_min (want minutes, 1-10080)' rs-dispatch list
hr 15 'callback.max_attempts\t0\n'
h 'rules: zero attempts' 1 $'rs-callback: $T/hjr15/rules.tsv:1: bad value \'0\' for callback.max_attempts (want a count, 1-100)' rs-callback due
hj r16; head -c 1100000 /dev/zero | tr '\0' '#' >"$RS_DIR/rules.tsv"
h 'rules: over 1 MB' 1 'rs-dispatch: $T/hjr16/rules.tsv: rules.tsv too large (over 1048576 bytes)' rs-dispatch list
hj r17; mkdir "$RS_DIR/rules.tsv"
h 'rules: a directory' 3 'rs-dispatch: $T/hjr17/rules.tsv: cannot read: Is a directory' rs-dispatch list
hj r18; cp "$H/rules-good.tsv" "$RS_DIR/rules.tsv"
h 'rules: a good file is fine' 0 "$NOZONE" rs-journal check

tok "hostile catalogue: at least 150 inputs ($NH)" test "$NH" -ge 150
[ -n "${RS_TORTURE_STATS:-}" ] && printf 'hostile inputs: %s\n' "$NH" >>"$RS_TORTURE_STATS"
true
