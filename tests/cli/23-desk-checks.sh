# 23-desk-checks.sh - the checks a busy desk needs (SPEC 5, 6): assign
# refuses a provider that suggest leaves out unless --force, dispatch
# events in time order (and rs-journal check reporting rows that are
# not), the duplicate-call warning and rs-intake list --phone --plate,
# non-empty text, callbacks only on completed cases, the explained
# complaint level and readable time errors. Every refusal is checked to
# leave every file of the journal directory byte for byte as it was.
# Clock RS_NOW=2026-11-22T10:00:00+08:00.

# snap writes every file of $RS_DIR (name, then bytes) to $1.
snap() {
	(cd "$RS_DIR" && for f in *; do printf '== %s\n' "$f"; cat "$f"; done) >"$1"
}
# refused NAME RC STDERR CMD...: CMD exits RC, prints STDERR and nothing
# on stdout, and no byte of the journal directory changes.
refused() {
	_rn=$1 _rrc=$2 _rerr=$3
	shift 3
	snap "$T/.before"
	tcase "$_rn" "$_rrc" '' "$_rerr" "$@"
	snap "$T/.after"
	tsame "$_rn: nothing written" "$T/.before" "$T/.after"
}

BASE="--location 深南大道1号 --lat 22.5431 --lon 114.0579"
jdir
mkdir -p "$RS_DIR"
cat >"$RS_DIR/providers.tsv" <<'PEOF'
provider_id	name	phone	region	lat	lon	services	ev	highway	active	note
P01	全能救援		福田	22.55	114.06	tyre,tow	y	y	y	
P02	城市补胎		福田	22.55	114.06	tyre,tow	n	n	y	
P03	停用车队		福田	22.55	114.06	tyre,tow	y	y	n	
P04	开锁王		福田	22.55	114.06	lockout	n	n	y	
PEOF
rs-intake -q --phone 13800000001 $BASE --service tyre --road highway --energy ev \
	--fault battery >/dev/null 2>&1					# 0001 EV battery on a highway
rs-intake -q --phone 13800000002 $BASE --service tyre --road city >/dev/null	# 0002 city tyre

# --- assign: what suggest leaves out ---------------------------------------------
# provider  case  lacks
A='--force assigns anyway'
refused "assign: not EV-capable, not highway-capable" 1 \
	"rs-dispatch: P02: provider is not EV-capable (an EV battery/electrical fault) and is not highway-capable (a highway case); $A" \
	rs-dispatch assign RS-20261122-0001 --provider P02
refused "assign: inactive" 1 "rs-dispatch: P03: provider is inactive; $A" \
	rs-dispatch assign RS-20261122-0001 --provider P03
refused "assign: all four" 1 \
	"rs-dispatch: P04: provider does not offer tyre, is not EV-capable (an EV battery/electrical fault) and is not highway-capable (a highway case); $A" \
	rs-dispatch assign RS-20261122-0001 --provider P04
refused "assign: does not offer the service (city case: nothing else)" 1 \
	"rs-dispatch: P04: provider does not offer tyre; $A" \
	rs-dispatch assign RS-20261122-0002 --provider P04
tcase "assign: city case, no EV fault: P02 fits" 0 "RS-20261122-0002" '' \
	rs-dispatch -q assign RS-20261122-0002 --provider P02
tcase "assign --force: a warning, and the note records what was missing" 0 \
	"P02	forced: not EV-capable, not highway-capable; 主管同意" \
	'rs-dispatch: P02: assigned by --force: not EV-capable, not highway-capable
rs-dispatch: P02: provider is busy with another case' \
	sh -c 'rs-dispatch assign RS-20261122-0001 --provider P02 --force --note 主管同意 -H | cut -f6,12'
tcase "assign: a fitting provider: no warning, no note" 0 "P01	" '' \
	sh -c 'rs-dispatch assign RS-20261122-0001 --provider P01 -H | cut -f6,12'

# --- event order -------------------------------------------------------------------
rs-intake -q --phone 13800000003 $BASE --service tyre --at 09:00 >/dev/null	# 0003
tcase "assign at 09:10 (P01 is on its way to 0001: busy, a warning)" 0 "RS-20261122-0003" \
	'rs-dispatch: P01: provider is busy with another case' \
	rs-dispatch -q assign RS-20261122-0003 --provider P01 --at 09:10
refused "arrival before the assignment" 1 \
	'rs-dispatch: RS-20261122-0003: cannot record arrival at 2026-11-22T09:05:00+08:00: before the case'"'"'s latest dispatch event (2026-11-22T09:10:00+08:00)' \
	rs-dispatch arrive RS-20261122-0003 --at 09:05
tcase "arrival 3 minutes ahead" 0 "RS-20261122-0003" '' \
	rs-dispatch -q arrive RS-20261122-0003 --at +3m
refused "completion now, before that arrival" 1 \
	'rs-dispatch: RS-20261122-0003: cannot record completion at 2026-11-22T10:00:00+08:00: before the case'"'"'s latest dispatch event (2026-11-22T10:03:00+08:00)' \
	rs-dispatch complete RS-20261122-0003 --outcome repaired
refused "a progress call before it too" 1 \
	'rs-dispatch: RS-20261122-0003: cannot record a progress call at 2026-11-22T10:02:00+08:00: before the case'"'"'s latest dispatch event (2026-11-22T10:03:00+08:00)' \
	rs-dispatch notify RS-20261122-0003 --at 10:02
tcase "at the arrival's minute: in order" 0 "RS-20261122-0003" '' \
	rs-dispatch -q complete RS-20261122-0003 --outcome repaired --at 10:03
tcase "check: the journal is in order" 0 '' "$NOZONE" rs-journal check

# A hand-edited journal: the completion before the arrival, and an
# assignment before the case was opened (09:00).
jdir "$T/order"
mkdir -p "$RS_DIR"
rs-intake -q --phone 13800000004 $BASE --service tyre --at 09:00 >/dev/null
cat >"$RS_DIR/dispatch.tsv" <<'DEOF'
ts	at	case_id	event	agent	provider	technician	eta	distance_km	fee	outcome	note	reason	ref
2026-11-22T09:10:00+08:00	2026-11-22T08:50:00+08:00	RS-20261122-0001	assigned	t	P01								
2026-11-22T09:40:00+08:00	2026-11-22T09:40:00+08:00	RS-20261122-0001	arrived	t									
2026-11-22T09:41:00+08:00	2026-11-22T09:30:00+08:00	RS-20261122-0001	completed	t						repaired			
DEOF
tcase "check reports dispatch rows out of order" 1 \
	"dispatch.tsv:2: RS-20261122-0001: cannot record an assignment at 2026-11-22T08:50:00+08:00: before the case was opened (2026-11-22T09:00:00+08:00)
dispatch.tsv:4: RS-20261122-0001: cannot record completion at 2026-11-22T09:30:00+08:00: before the case's latest dispatch event (2026-11-22T09:40:00+08:00)" \
	"$NOZONE" rs-journal check

# --- a second call about the same breakdown ------------------------------------------
# intake.duplicate_h is 12 (SPEC 9): cases opened from 22:00 the day before count.
jdir
D='the customer may be calling again about the same breakdown'
rs-intake -q --phone 13900000001 --plate 粤B12345 --location A --service tow --at 2026-11-21T21:59 >/dev/null	# 21-0001 too old
rs-intake -q --phone 13900000002 --location A --service tow --at 2026-11-21T22:00 >/dev/null	# 21-0002 in the window
rs-intake -q --phone 13900000003 --plate 粤B99999 --location A --service tow --at 09:00 >/dev/null	# 22-0001
rs-intake -q --phone 13900000004 --location A --service tow --at 09:10 >/dev/null		# 22-0002 completed
rs-dispatch -q complete RS-20261122-0002 --outcome remote --at 09:20 >/dev/null
rs-intake -q --phone 13900000005 --location A --service tow --at 09:30 >/dev/null		# 22-0003 cancelled
rs-dispatch -q cancel RS-20261122-0003 --reason customer --at 09:40 >/dev/null
#      name                             warning (case, opened, what)                    options
dup() {
	_dn=$1 _dw=$2
	shift 2
	_did=$(printf 'RS-20261122-%04d' $((${_dk:-3} + 1)))
	_dk=$((${_dk:-3} + 1))
	[ -n "$_dw" ] && _dw="rs-intake: $_did: warning: possible duplicate call: $_dw; $D"
	tcase "duplicate call: $_dn" 0 "$_did" "$_dw" rs-intake -q --location B --service tow "$@"
}
dup "opened 12 h 1 min before: none" '' --phone 13900000001
dup "opened exactly 12 h before" 'RS-20261121-0002 (opened 2026-11-21T22:00:00+08:00) is still open with the same phone' \
	--phone 139-0000-0002
dup "same digits, spaces and +" 'RS-20261122-0001 (opened 2026-11-22T09:00:00+08:00) is still open with the same phone' \
	--phone '139 0000 0003'
dup "same plate, other phone" 'RS-20261122-0001 (opened 2026-11-22T09:00:00+08:00) is still open with the same plate' \
	--phone 13700000000 --plate 粤B99999
dup "same phone and plate: the latest case" 'RS-20261122-0007 (opened 2026-11-22T10:00:00+08:00) is still open with the same phone and plate' \
	--phone 13700000000 --plate 粤B99999
dup "completed case: none" '' --phone 13900000004
dup "cancelled case: none" '' --phone 13900000005
dup "plate of a case too old: none" '' --phone 13600000000 --plate 粤B12345

# A day of calls (800 cases, ~150 KB: the window's start is found by
# bisection) where rs-intake looks only at the phone and plate fields of
# the raw lines since the window's start, and folds cases only when one
# may match: the warnings are the same as when it folds them all.
. "$TOP/tests/cli/data/report/rows.sh"
newdir "$T/busy"
one=$(ev cases 2026-11-22T08:00:00+08:00 case_id=RS-20261122-XXXX event=opened phone=136YYYYYYYY \
    location=深南大道 road=city service=tow)
awk -v r="$one" 'BEGIN { for (i = 1; i <= 800; i++) { x = r; n = sprintf("%04d", i)
    sub("XXXX", n, x); sub("YYYYYYYY", sprintf("%08d", i), x); print x } }' >>"$J/cases.tsv"
ev cases 2026-11-22T09:00:00+08:00 case_id=RS-20261122-0801 event=opened phone=13912345678 \
    plate=粤B77777 location=深南大道 road=city service=tow >>"$J/cases.tsv"
tok 'a day of calls is over 64 KB' test "$(wc -c <"$J/cases.tsv")" -gt 65536
tcase 'duplicate call in a busy journal: same digits' 0 RS-20261122-0802 \
    "rs-intake: RS-20261122-0802: warning: possible duplicate call: RS-20261122-0801 (opened 2026-11-22T09:00:00+08:00) is still open with the same phone; $D" \
    rs-intake -q -d "$J" --phone '139 1234 5678' --location B --service tow
tcase 'duplicate call in a busy journal: same plate' 0 RS-20261122-0803 \
    "rs-intake: RS-20261122-0803: warning: possible duplicate call: RS-20261122-0801 (opened 2026-11-22T09:00:00+08:00) is still open with the same plate; $D" \
    rs-intake -q -d "$J" --phone 13512345678 --plate 粤B77777 --location B --service tow
tcase 'no duplicate in a busy journal: no warning' 0 RS-20261122-0804 '' \
    rs-intake -q -d "$J" --phone 13500000000 --plate 粤B00000 --location B --service tow

L='case_id	state	opened_at	phone	plate'
lst() { rs-intake list "$@" | cut -f1-3,9,10; }
tcase "list --phone: by digits" 0 "$L
RS-20261122-0001	open	2026-11-22T09:00:00+08:00	13900000003	粤B99999
RS-20261122-0006	open	2026-11-22T10:00:00+08:00	139 0000 0003	" '' lst --phone +139-0000-0003
tcase "list --plate: exactly" 0 "$L
RS-20261122-0001	open	2026-11-22T09:00:00+08:00	13900000003	粤B99999
RS-20261122-0007	open	2026-11-22T10:00:00+08:00	13700000000	粤B99999
RS-20261122-0008	open	2026-11-22T10:00:00+08:00	13700000000	粤B99999" '' lst --plate 粤B99999
tcase "list --phone --plate: both" 0 "$L
RS-20261122-0007	open	2026-11-22T10:00:00+08:00	13700000000	粤B99999
RS-20261122-0008	open	2026-11-22T10:00:00+08:00	13700000000	粤B99999" '' lst --plate 粤B99999 --phone 13700000000
tcase "list --plate: another plate's prefix is not it" 0 "$L" '' lst --plate 粤B9999
tcase "list --phone: bad phone" 1 '' "rs-intake: --phone: bad phone '12'" rs-intake list --phone 12

# --- non-empty text, callback checks, level explanation, time errors ------------------
jdir
rs-intake -q --phone 13500000001 --location A --service tow >/dev/null	# 0001 open
refused "--demand '' is a missing value" 1 "rs-complain: --demand: missing value" \
	rs-complain open --case RS-20261122-0001 --category fee --demand ''
refused "service callback on an open case" 1 \
	"rs-callback: RS-20261122-0001: case is open; a service callback needs a completed case" \
	rs-callback record RS-20261122-0001 --kind service --result no-answer
tcase "computed level says why" 0 "CP-20261122-0001" "rs-complain: CP-20261122-0001: level 2: category fee" \
	rs-complain -q open --case RS-20261122-0001 --category fee --demand 退款
refused "complaint callback on an open complaint" 1 \
	"rs-callback: CP-20261122-0001: complaint is open; a complaint callback needs a resolved or closed complaint" \
	rs-callback record RS-20261122-0001 --kind complaint --complaint CP-20261122-0001 --result no-answer
refused "a time that cannot be read lists the forms" 1 \
	"rs-dispatch: --at: bad time 'soon' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" \
	rs-dispatch notify RS-20261122-0001 --at soon
