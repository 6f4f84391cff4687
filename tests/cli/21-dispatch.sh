# 21-dispatch.sh - rs-dispatch: suggest (ranking on a hand-made roster),
# assign, every legal and illegal transition, list with its SLA clocks
# around every deadline. Clock RS_NOW=2026-11-22T10:00:00+08:00.

BASE="--phone 13800000000 --location 深南大道1号"
DH='ts	at	case_id	event	agent	provider	technician	eta	distance_km	fee	outcome	note	reason	ref'

# roster DIR writes the test roster. Coordinates are chosen so that the
# expected numbers below can be checked by hand (python3, haversine with
# R = 6371 km; eta = km * 1.3 / (30 or 60 km/h) * 60 + 5, half away from
# zero), from the case point A = (22.5431, 114.0579) and, across the 180°
# meridian, F = (-16.5, 179.9):
#   P01 (22.543109, 114.0579)  0.001001 km from A (1 m)  city 5.0026 -> 5   highway 5.0013 -> 5
#   P02 (22.56, 114.08)        2.946525 km -> 2.9        city 12.6610 -> 13 highway 8.8305 -> 9
#   P03 (22.5432, 114.058)     inactive
#   P04 (22.544, 114.059)      lockout only
#   P05 (22.56, 114.08)        same point as P02: the tie goes to the id
#   P06 (22.6, 113.9)          17.403589 km -> 17.4      city 50.2493 -> 50
#   P07 (22.5435, 114.0585)    0.075995 km -> 0.1        city 5.1976 -> 5 (ties P01 on eta: P01 is nearer)
#   P08                        inactive and lockout only
#   P10 (-16.5, -179.9)        21.323177 km from F -> 21.3   rural 32.7201 -> 33
#   P11 (-16.5, 179.5)         42.646349 km -> 42.6          rural 60.4403 -> 60
#   P12 (-16.5, 179.0)         95.954221 km -> 96.0          rural 129.7405 -> 130
roster() {
	mkdir -p "$1"
	cat >"$1/providers.tsv" <<'EOF'
provider_id	name	phone	region	lat	lon	services	ev	highway	active	note
P01	近邻救援	0755-1000001	福田	22.543109	114.0579	tyre,tow	n	y	y	
P02	福田拖车	0755-1000002	福田	22.56	114.08	tyre,tow,jumpstart	y	y	y	
P03	停用车队		福田	22.5432	114.058	tyre,tow	y	y	n	
P04	开锁王		福田	22.544	114.059	lockout	n	n	y	
P05	南山补胎		南山	22.56	114.08	tyre	n	n	y	
P06	宝安道路		宝安	22.6	113.9	tyre,tow	y		y	
P07	忙碌车队		福田	22.5435	114.0585	tyre,tow	y	y	y	
P08	旧车队		福田	22.5	114.0	lockout	n	n		
P10	Suva East		Fiji	-16.5	-179.9	tow	n	y	y	
P11	Lautoka West		Fiji	-16.5	179.5	tow	n	y	y	
P12	Nadi Far		Fiji	-16.5	179.0	tow	n	y	y	
EOF
}

A="--lat 22.5431 --lon 114.0579"
jdir
roster "$RS_DIR"
rs-intake -q $BASE $A --service tyre --road city >/dev/null				# 0001 city tyre
rs-intake -q $BASE $A --service tyre --road highway >/dev/null			# 0002 highway tyre
rs-intake -q $BASE $A --service tyre --energy ev --fault battery >/dev/null 2>&1	# 0003 EV battery
rs-intake -q $BASE --lat -16.5 --lon 179.9 --service tow --road rural >/dev/null	# 0004 Fiji
rs-intake -q $BASE --service tyre >/dev/null						# 0005 no position
rs-intake -q $BASE $A --service tow >/dev/null						# 0006 keeps P07 busy
rs-intake -q $BASE $A --service tow >/dev/null						# 0007 completed by P02
rs-dispatch -q assign RS-20261122-0006 --provider P07 >/dev/null
rs-dispatch -q assign RS-20261122-0007 --provider P02 >/dev/null
rs-dispatch -q arrive RS-20261122-0007 >/dev/null
rs-dispatch -q complete RS-20261122-0007 --outcome towed >/dev/null

SH='rank	provider_id	name	distance_km	eta_min	busy	services'
tcase "suggest: city tyre" 0 "$SH
1	P01	近邻救援	0.0	5	n	tyre,tow
2	P02	福田拖车	2.9	13	n	tyre,tow,jumpstart
3	P05	南山补胎	2.9	13	n	tyre
4	P06	宝安道路	17.4	50	n	tyre,tow" '' rs-dispatch suggest RS-20261122-0001
tcase "suggest --include-busy: P07 ties P01 on eta, farther" 0 "$SH
1	P01	近邻救援	0.0	5	n	tyre,tow
2	P07	忙碌车队	0.1	5	y	tyre,tow
3	P02	福田拖车	2.9	13	n	tyre,tow,jumpstart
4	P05	南山补胎	2.9	13	n	tyre
5	P06	宝安道路	17.4	50	n	tyre,tow" '' rs-dispatch suggest RS-20261122-0001 --include-busy
tcase "suggest -n 2" 0 "$SH
1	P01	近邻救援	0.0	5	n	tyre,tow
2	P02	福田拖车	2.9	13	n	tyre,tow,jumpstart" '' rs-dispatch suggest -n 2 RS-20261122-0001
tcase "suggest: highway needs highway-capable, 60 km/h" 0 "$SH
1	P01	近邻救援	0.0	5	n	tyre,tow
2	P02	福田拖车	2.9	9	n	tyre,tow,jumpstart" '' rs-dispatch suggest RS-20261122-0002
tcase "suggest: EV battery needs EV-capable" 0 "$SH
1	P02	福田拖车	2.9	13	n	tyre,tow,jumpstart
2	P06	宝安道路	17.4	50	n	tyre,tow" '' rs-dispatch suggest RS-20261122-0003
tcase "suggest: across the 180° meridian" 0 "$SH
1	P10	Suva East	21.3	33	n	tow
2	P11	Lautoka West	42.6	60	n	tow
3	P12	Nadi Far	96.0	130	n	tow" '' rs-dispatch suggest RS-20261122-0004 -n 3
tcase "suggest -f json: numbers are numbers" 0 '{"rank":1,"provider_id":"P10","name":"Suva East","distance_km":21.3,"eta_min":33,"busy":false,"services":"tow"}' '' \
	rs-dispatch suggest RS-20261122-0004 -n 1 -f json
tcase "suggest -H -n 1 | cut -f2 (the SPEC 7 pipe)" 0 P01 '' sh -c 'rs-dispatch suggest RS-20261122-0001 -n 1 -H | cut -f2'
tcase "suggest: the case's own provider is not busy for it" 0 "$SH
1	P01	近邻救援	0.0	5	n	tyre,tow
2	P07	忙碌车队	0.1	5	n	tyre,tow" '' rs-dispatch suggest RS-20261122-0006 -n 2
tcase "suggest: no position" 1 '' "rs-dispatch: RS-20261122-0005: the case has no position; add it with 'rs-intake amend RS-20261122-0005 --lat DEG --lon DEG'" \
	rs-dispatch suggest RS-20261122-0005
tcase "suggest: unknown case" 1 '' 'rs-dispatch: RS-20261122-0099: no such case' rs-dispatch suggest RS-20261122-0099
tcase "suggest: bad -n" 2 '' "rs-dispatch: suggest: -n: want a count of 1 or more, not '0' (see rs-dispatch suggest --help)" \
	rs-dispatch suggest RS-20261122-0001 -n 0
tcase "suggest: no case" 2 '' 'rs-dispatch: suggest: missing CASE (see rs-dispatch suggest --help)' rs-dispatch suggest
tcase "suggest: --provider is not a suggest option" 2 '' "rs-dispatch: suggest: unknown option '--provider' (see rs-dispatch suggest --help)" \
	rs-dispatch suggest RS-20261122-0001 --provider P01
mkdir -p "$T/noroster"
cp "$RS_DIR/cases.tsv" "$T/noroster/"
tcase "suggest: no roster" 1 '' "rs-dispatch: no providers: $T/noroster/providers.tsv is missing or empty" \
	rs-dispatch -d "$T/noroster" suggest RS-20261122-0001
rs-intake -q $BASE $A --service winch >/dev/null					# 0008 nobody winches
tcase "suggest: nobody fits: header and a note" 0 "$SH" 'rs-dispatch: RS-20261122-0008: no provider fits (active, offers winch, not busy)' \
	rs-dispatch suggest RS-20261122-0008

# --- assign ---------------------------------------------------------------------
tcase "assign: eta and distance estimated" 0 "$DH
2026-11-22T10:00:00+08:00	2026-11-22T10:00:00+08:00	RS-20261122-0001	assigned	tester	P02	李师傅	13	2.9					" '' \
	rs-dispatch assign RS-20261122-0001 --provider P02 --technician 李师傅
# P02 was just sent to 0001, still on its way: busy (a warning).
tcase "assign: highway eta at 60 km/h, --eta wins" 0 "RS-20261122-0002	P02	20	2.9	" 'rs-dispatch: P02: provider is busy with another case' \
	sh -c 'rs-dispatch assign RS-20261122-0002 --provider P02 --eta 20 -H | cut -f3,6,8,9,12'
tcase "assign: no position: no estimate" 0 "RS-20261122-0005	P05			" '' \
	sh -c 'rs-dispatch assign RS-20261122-0005 --provider P05 -H | cut -f3,6,8,9,12'
tcase "assign: unknown provider" 1 '' 'rs-dispatch: P99: no such provider' \
	rs-dispatch assign RS-20261122-0003 --provider P99
tcase "assign: bad provider id" 1 '' "rs-dispatch: --provider: bad provider id 'P 1'" \
	rs-dispatch assign RS-20261122-0003 --provider "P 1"
tcase "assign: inactive" 1 '' 'rs-dispatch: P03: provider is inactive; --force assigns anyway' \
	rs-dispatch assign RS-20261122-0001 --provider P03
tcase "assign: does not offer the service" 1 '' 'rs-dispatch: P04: provider does not offer tyre; --force assigns anyway' \
	rs-dispatch assign RS-20261122-0001 --provider P04
tcase "assign: both" 1 '' 'rs-dispatch: P08: provider is inactive and does not offer tyre; --force assigns anyway' \
	rs-dispatch assign RS-20261122-0001 --provider P08
tcase "assign --force records why" 0 "P08	forced: inactive, does not offer tyre; 唯一可用" \
	'rs-dispatch: P08: assigned by --force: inactive, does not offer tyre' \
	sh -c 'rs-dispatch assign RS-20261122-0001 --provider P08 --force --note 唯一可用 -H | cut -f6,12'
tcase "assign --force on a fitting provider: no note" 0 "P02	" 'rs-dispatch: P02: provider is busy with another case' \
	sh -c 'rs-dispatch assign RS-20261122-0003 --provider P02 --force -H | cut -f6,12'
tcase "assign: --provider missing" 2 '' 'rs-dispatch: assign: --provider is required (see rs-dispatch assign --help)' \
	rs-dispatch assign RS-20261122-0003
tcase "assign: bad --eta" 1 '' "rs-dispatch: --eta: bad minutes 'soon'" \
	rs-dispatch assign RS-20261122-0003 --provider P02 --eta soon
tcase "assign: unknown case" 1 '' 'rs-dispatch: RS-20261122-0099: no such case' \
	rs-dispatch assign RS-20261122-0099 --provider P02
tcase "assign: malformed case id" 1 '' 'rs-dispatch: rs-1: not a case id (RS-YYYYMMDD-NNNN)' \
	rs-dispatch assign rs-1 --provider P02
tcase "assign: no roster" 1 '' "rs-dispatch: P01: no such provider (no providers in $T/noroster/providers.tsv)" \
	rs-dispatch -d "$T/noroster" assign RS-20261122-0001 --provider P01
tcase "assign: --at before the case" 1 '' '*' \
	rs-dispatch assign RS-20261122-0001 --provider P02 --at 09:00
tcase "assign: --at in the future" 1 '' 'rs-dispatch: --at: 2026-11-22T10:10:00+08:00 is more than 5 minutes in the future' \
	rs-dispatch assign RS-20261122-0001 --provider P02 --at +10m
tcase "cancel: --reason missing" 2 '' 'rs-dispatch: cancel: --reason is required (see rs-dispatch cancel --help)' \
	rs-dispatch cancel RS-20261122-0001
tcase "cancel: ANSI in --note" 1 '' 'rs-dispatch: --note: bad text: control character U+001B' \
	rs-dispatch cancel RS-20261122-0001 --reason other --note "$(printf '\033[2J')"
tcase "complete: --outcome missing" 2 '' 'rs-dispatch: complete: --outcome is required (see rs-dispatch complete --help)' \
	rs-dispatch complete RS-20261122-0001
tcase "complete: bad --outcome" 1 '' "rs-dispatch: --outcome: unknown value 'fixed' (want repaired|towed|jumpstarted|tyre-changed|refuelled|unlocked|transported|remote|unresolved)" \
	rs-dispatch complete RS-20261122-0001 --outcome fixed
tcase "complete: bad --fee" 1 '' "rs-dispatch: --fee: bad amount '1.234'" \
	rs-dispatch complete RS-20261122-0001 --outcome repaired --fee 1.234
tcase "notify: unknown case" 1 '' 'rs-dispatch: RS-20261122-0099: no such case' rs-dispatch notify RS-20261122-0099
tcase "no subcommand" 2 '' 'rs-dispatch: missing command (want suggest, assign, notify, enroute, arrive, complete, cancel, authorize or list) (see rs-dispatch --help)' rs-dispatch
tcase "unknown subcommand" 2 '' "rs-dispatch: unknown command 'send' (see rs-dispatch --help)" rs-dispatch send RS-20261122-0001
tcase "global options first" 0 "RS-20261122-0001" '' rs-dispatch -d "$RS_DIR" -q notify RS-20261122-0001
tcase "failures wrote nothing" 0 11 '' sh -c 'wc -l <"$RS_DIR/dispatch.tsv"'

# --- the state machine: every state x every event ------------------------------
#
# into STATE opens a case and drives it there; then each event is
# tried. Legal ones print the id (-q) and move the case to the state
# given; illegal ones are exit 1 naming the current state, nothing
# written.
jdir
roster "$RS_DIR"
k=0 rows=1
into() {
	k=$((k + 1))
	id=$(printf 'RS-20261122-%04d' "$k")
	rs-intake -q $BASE --service tyre >/dev/null
	case $1 in
	assigned) rs-dispatch -q assign "$id" --provider P01; rows=$((rows + 1)) ;;
	enroute) rs-dispatch -q assign "$id" --provider P01
		rs-dispatch -q enroute "$id"; rows=$((rows + 2)) ;;
	arrived) rs-dispatch -q assign "$id" --provider P01
		rs-dispatch -q arrive "$id"; rows=$((rows + 2)) ;;
	completed) rs-dispatch -q assign "$id" --provider P01
		rs-dispatch -q arrive "$id"
		rs-dispatch -q complete "$id" --outcome repaired; rows=$((rows + 3)) ;;
	cancelled) rs-dispatch -q cancel "$id" --reason customer; rows=$((rows + 1)) ;;
	esac >/dev/null
}
# try STATE EVENT RESULT: RESULT is the state after a legal event, or
# "x:WHAT" for an illegal one (the message's "cannot record WHAT").
try() {
	_s=$1 _ev=$2 _res=$3
	into "$_s"
	case $_ev in
	assign) set -- assign "$id" --provider P02 ;;
	complete) set -- complete "$id" --outcome tyre-changed ;;
	remote) set -- complete "$id" --outcome remote ;;
	cancel) set -- cancel "$id" --reason other --note "客户取消" ;;
	authorize) set -- authorize "$id" --fee 300 ;;
	*) set -- "$_ev" "$id" ;;
	esac
	# A legal assign may warn that P02 is busy with a case of an earlier try.
	_e=''; [ "$_ev" = assign ] && _e='*'
	case $_res in
	x:*)
		tcase "$_s + $_ev is illegal" 1 '' "rs-dispatch: $id: case is $_s; cannot record ${_res#x:}" \
			rs-dispatch -q "$@" ;;
	*)
		tcase "$_s + $_ev is legal" 0 "$id" "$_e" rs-dispatch -q "$@"
		rows=$((rows + 1))
		tcase "$_s + $_ev -> $_res" 0 "$_res" '' \
			sh -c "rs-dispatch list --all -H | grep '^$id' | cut -f2" ;;
	esac
}
C='completion before arrival (only --outcome remote)'
#   state      event     result
try open       assign    assigned
try open       notify    open
try open       enroute   "x:en route"
try open       arrive    "x:arrival"
try open       complete  "x:$C"
try open       remote    completed
try open       cancel    cancelled
try open       authorize open
try assigned   assign    assigned
try assigned   notify    assigned
try assigned   enroute   enroute
try assigned   arrive    arrived
try assigned   complete  "x:$C"
try assigned   remote    completed
try assigned   cancel    cancelled
try assigned   authorize assigned
try enroute    assign    assigned
try enroute    notify    enroute
try enroute    enroute   "x:en route"
try enroute    arrive    arrived
try enroute    complete  "x:$C"
try enroute    remote    completed
try enroute    cancel    cancelled
try enroute    authorize enroute
try arrived    assign    "x:an assignment"
try arrived    notify    arrived
try arrived    enroute   "x:en route"
try arrived    arrive    "x:arrival"
try arrived    complete  completed
try arrived    remote    completed
try arrived    cancel    cancelled
try arrived    authorize arrived
for s in completed cancelled; do
	try $s assign   "x:an assignment"
	try $s notify   "x:a progress call"
	try $s enroute  "x:en route"
	try $s arrive   "x:arrival"
	try $s complete "x:completion"
	try $s remote   "x:completion"
	try $s cancel   "x:a cancellation"
	try $s authorize "x:the customer's agreement"
done
tcase "illegal transitions wrote nothing" 0 "$rows" '' sh -c 'wc -l <"$RS_DIR/dispatch.tsv"'
tcase "cancel records the reason code and the note" 0 "客户取消	other" '' \
	sh -c 'grep "	cancelled	.*客户取消" "$RS_DIR/dispatch.tsv" | head -1 | cut -f12,13'

# --- list: SLA clocks around every deadline --------------------------------------
#
# C1 city, call at 08:58, opened 09:00: dispatch due 09:03, notify 09:06
#    (from the call), arrive 09:30 (from the case); assigned 09:04,
#    notified 09:07, arrived 09:31.
# C2 highway, opened 09:00, no call_at: dispatch 09:05, notify 09:08,
#    arrive 10:00; notified 09:00:30 (before assignment), assigned 09:05:30.
# C3 rural tow (priority 3), opened 09:00: arrive 10:00 (rural uses the highway limit);
#    assigned 09:01, notified 09:09.
# C4 cancelled 09:02 before any step; C5 completed remote 09:02.
jdir
roster "$RS_DIR"
at() { RS_NOW=2026-11-22T$1+08:00; export RS_NOW; }
at 09:00:00
rs-intake -q $BASE --service tyre --road city --call-at 08:58 >/dev/null
rs-intake -q $BASE --service tyre --road highway >/dev/null
rs-intake -q $BASE --service tow --road rural >/dev/null
rs-intake -q $BASE --service fuel --road city >/dev/null
rs-intake -q $BASE --service fuel --road city >/dev/null
at 09:00:30; rs-dispatch -q notify RS-20261122-0002 >/dev/null
at 09:01:00; rs-dispatch -q assign RS-20261122-0003 --provider P01 >/dev/null
at 09:02:00; rs-dispatch -q cancel RS-20261122-0004 --reason duplicate >/dev/null
rs-dispatch -q complete RS-20261122-0005 --outcome remote >/dev/null
at 09:04:00; rs-dispatch -q assign RS-20261122-0001 --provider P01 >/dev/null
at 09:05:30; rs-dispatch -q assign RS-20261122-0002 --provider P02 >/dev/null
at 09:07:00; rs-dispatch -q notify RS-20261122-0001 >/dev/null
at 09:09:00; rs-dispatch -q notify RS-20261122-0003 >/dev/null
at 09:31:00; rs-dispatch -q arrive RS-20261122-0001 >/dev/null
at 10:00:00

LH='case_id	state	priority	road	provider	opened_at	age_min	next	due_at	overdue'
O=2026-11-22T09:00:00+08:00
tcase "list at 09:02" 0 "$LH
RS-20261122-0001	open	4	city		$O	2	dispatch	2026-11-22T09:03:00+08:00	n
RS-20261122-0002	open	2	highway		$O	2	dispatch	2026-11-22T09:05:00+08:00	n
RS-20261122-0003	assigned	3	rural	P01	$O	2	notify	2026-11-22T09:08:00+08:00	n" '' \
	rs-dispatch list --as-of 2026-11-22T09:02:00
# lst T: the --overdue list at T, as "case next due overdue".
lst() { rs-dispatch list --overdue --as-of "2026-11-22T$1" -H | cut -f1,8-10; }
al() { rs-dispatch list --as-of "2026-11-22T$1" -H | cut -f1,8-10; }
tcase "09:02:59 nothing overdue" 0 '' '' lst 09:02:59
tcase "09:03:00 dispatch of C1 due now: in time" 0 "RS-20261122-0001	dispatch	2026-11-22T09:03:00+08:00	n" '' \
	sh -c "rs-dispatch list --as-of 2026-11-22T09:03:00 -H | cut -f1,8-10 | head -1"
tcase "09:03:00 --overdue: none" 0 '' '' lst 09:03:00
tcase "09:03:01 C1 dispatch overdue" 0 "RS-20261122-0001	dispatch	2026-11-22T09:03:00+08:00	y" '' lst 09:03:01
# Urgency order (SPEC 6): by due_at, C2 09:05 before C1 09:06 before C3 09:08.
tcase "09:04:00 C1 assigned: next notify" 0 "RS-20261122-0002	dispatch	2026-11-22T09:05:00+08:00	n
RS-20261122-0001	notify	2026-11-22T09:06:00+08:00	n
RS-20261122-0003	notify	2026-11-22T09:08:00+08:00	n" '' al 09:04:00
tcase "09:05:00 C2 dispatch due now: in time" 0 '' '' lst 09:05:00
tcase "09:05:01 C2 dispatch overdue" 0 "RS-20261122-0002	dispatch	2026-11-22T09:05:00+08:00	y" '' lst 09:05:01
tcase "09:05:30 C2 assigned, notified before: next arrive" 0 "RS-20261122-0002	arrive	2026-11-22T10:00:00+08:00	n" '' \
	sh -c "rs-dispatch list --as-of 2026-11-22T09:05:30 -H | cut -f1,8-10 | grep 0002"
tcase "09:06:00 C1 notify due now: in time" 0 '' '' lst 09:06:00
tcase "09:06:01 C1 notify overdue" 0 "RS-20261122-0001	notify	2026-11-22T09:06:00+08:00	y" '' lst 09:06:01
tcase "09:07:00 C1 notified: next arrive 09:30" 0 "RS-20261122-0001	arrive	2026-11-22T09:30:00+08:00	n" '' \
	sh -c "rs-dispatch list --as-of 2026-11-22T09:07:00 -H | cut -f1,8-10 | grep 0001"
tcase "09:08:00 C3 notify due now: in time" 0 '' '' lst 09:08:00
tcase "09:08:01 C3 notify overdue" 0 "RS-20261122-0003	notify	2026-11-22T09:08:00+08:00	y" '' lst 09:08:01
tcase "09:09:00 C3 notified: next arrive 10:00 (rural)" 0 "RS-20261122-0003	arrive	2026-11-22T10:00:00+08:00	n" '' \
	sh -c "rs-dispatch list --as-of 2026-11-22T09:09:00 -H | cut -f1,8-10 | grep 0003"
tcase "09:30:00 C1 arrive due now: in time" 0 '' '' lst 09:30:00
tcase "09:30:01 C1 arrive overdue" 0 "RS-20261122-0001	arrive	2026-11-22T09:30:00+08:00	y" '' lst 09:30:01
tcase "09:31:00 C1 arrived: nothing next" 0 "RS-20261122-0001	arrived			n" '' \
	sh -c "rs-dispatch list --as-of 2026-11-22T09:31:00 -H | cut -f1,2,8-10 | grep 0001"
tcase "09:59:59 highway and rural arrivals pending" 0 '' '' lst 09:59:59
tcase "10:00:00 due now: in time" 0 '' '' lst 10:00:00
tcase "10:00:01 C2 and C3 arrive overdue" 0 "RS-20261122-0002	arrive	2026-11-22T10:00:00+08:00	y
RS-20261122-0003	arrive	2026-11-22T10:00:00+08:00	y" '' lst 10:00:01
# C2 and C3 are due at 10:00 (a tie: by case id), C1 has nothing due: last.
tcase "list (now 10:00): age and open cases" 0 "$LH
RS-20261122-0002	assigned	2	highway	P02	$O	60	arrive	2026-11-22T10:00:00+08:00	n
RS-20261122-0003	assigned	3	rural	P01	$O	60	arrive	2026-11-22T10:00:00+08:00	n
RS-20261122-0001	arrived	4	city	P01	$O	60			n" '' rs-dispatch list
tcase "list --all: final cases have no next" 0 "RS-20261122-0004	cancelled			n
RS-20261122-0005	completed			n" '' sh -c 'rs-dispatch list --all -H | cut -f1,2,8-10 | tail -2'
tcase "list --provider P01" 0 "RS-20261122-0003
RS-20261122-0001" '' sh -c 'rs-dispatch list --provider P01 -H | cut -f1'
tcase "list -f json" 0 '{"case_id":"RS-20261122-0002","state":"assigned","priority":2,"road":"highway","provider":"P02","opened_at":"2026-11-22T09:00:00+08:00","age_min":60,"next":"arrive","due_at":"2026-11-22T10:00:00+08:00","overdue":false}' '' \
	sh -c 'rs-dispatch list -f json | grep 0002'
tcase "list is reproducible with --as-of" 0 "$(rs-dispatch list --all --as-of 09:20)" '' rs-dispatch list --all --as-of 09:20
tcase "list --as-of before anything: header only" 0 "$LH" '' rs-dispatch list --as-of 08:00
tcase "list --provider bad" 1 '' "rs-dispatch: --provider: bad provider id 'a b'" rs-dispatch list --provider "a b"
tcase "list --as-of bad" 1 '' "rs-dispatch: --as-of: bad time 'later' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" rs-dispatch list --as-of later
# rules.tsv moves the deadlines.
cp -r "$RS_DIR" "$T/rules"
printf '# slower desk\nsla.dispatch_min\t10\nsla.arrive_highway_min\t90\n' >"$T/rules/rules.tsv"
tcase "rules.tsv: dispatch 10 min" 0 "RS-20261122-0002	dispatch	2026-11-22T09:10:00+08:00	n" '' \
	sh -c "rs-dispatch -d $T/rules list --as-of 2026-11-22T09:05:01 -H | cut -f1,8-10 | grep 0002"
tcase "rules.tsv: highway arrival 90 min" 0 "RS-20261122-0002	arrive	2026-11-22T10:30:00+08:00	n" '' \
	sh -c "rs-dispatch -d $T/rules list -H | cut -f1,8-10 | grep 0002"

# --- help ---------------------------------------------------------------------------
for s in suggest assign notify enroute arrive complete cancel authorize list; do
	tcase "$s -h" 0 '*' '' sh -c "rs-dispatch $s -h | grep -q '^usage: rs-dispatch $s' && rs-dispatch $s -h | grep -q '^examples:'"
done
