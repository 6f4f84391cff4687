# 22-bookings.sh - booked jobs (SPEC 4.1 scheduled_at, 9, 10), the
# destination, rs-dispatch authorize and cancel --reason (SPEC 4.2, 6),
# the shift report's cancellations, the weekly fee_unauthorized, and old
# journals migrated (SPEC 3.4). Every row is written by the tools with the
# clock (RS_NOW) at the event, so ts never goes back.
#
# The day 2026-11-22 (day shift 08:00-20:00; defaults: dispatch 5 min,
# notify 8, arrive city 30, booking lead 30, booking grace 10):
#   0001 transfer booked at 08:50 for 09:00 the same day: dispatch due
#        max(09:00 - 30, 08:50 + 5) = 08:55; notify 08:55 + 8 = 09:03;
#        arrive 09:00 + 10 = 09:10. Assigned 08:54 (4.0, met), notified
#        09:02 (12.0, met), arrived 09:12 (12.0 from 09:00: missed).
#   0002 city tow opened 10:00: assigned 10:03 (3.0 met), notified 10:06
#        (6.0 met), arrived 10:25 (25.0 met).
#   0003-0011 cancelled: 0003, 0004 customer; 0005 duplicate; 0006
#        gone-on-arrival (assigned after 2 min: 2.0 met; arrived, then
#        cancelled: notify and arrive excluded); 0007-0009 no-provider;
#        0010 by-phone; 0011 other. Each cancelled a minute after its
#        opening, before any desk deadline: dispatch, notify and arrive
#        excluded.
#   0012, 0013 transfers booked at 18:00 for 09:00 on 11-23: dispatch due
#        08:30, notify 08:38, arrive 09:10. 0012 assigned 08:20, notified
#        08:25, arrived 09:05 (5.0: met). 0013 assigned 08:40, notified
#        08:45 (both late), arrived 09:15 (15.0: missed).
#   Desk minutes count from the call (SPEC 9: only the arrival of a booked
#   job counts from scheduled_at): 0012 dispatch 18:00 -> 08:20 = 860.0,
#   0013 880.0; notify 865.0, 885.0.
# The day's figures (as of 2026-11-23 12:00):
#   file     13 met (no call_at: 0 min)
#   dispatch met 0001 0002 0006 0012, missed 0013 = 4/5 = 80.0;
#            minutes 2 3 4 860 880: median (3rd of 5) 4.0, p90 (5th) 880.0
#   notify   met 0001 0002 0012, missed 0013 = 3/4 = 75.0; minutes
#            6 12 865 885: median (2nd of 4) 12.0, p90 (4th) 885.0
#   arrive   met 0002 0012, missed 0001 0013 = 2/4 = 50.0; minutes
#            5 12 15 25: median 12.0, p90 25.0
# kpi of the day: 13 cases, dispatch 80.0, arrival 50.0: the shift's.

P='--phone 13800000000 --location 深南大道1号'
B='--lat 22.5431 --lon 114.0579 --service transfer --destination 宝安机场T3 --dest-lat 22.6253 --dest-lon 113.8108'
jdir
mkdir -p "$RS_DIR"
cat >"$RS_DIR/providers.tsv" <<'EOF'
provider_id	name	phone	region	lat	lon	services	ev	highway	active	note
P01	机场专车	0755-1000001	福田	22.543109	114.0579	transfer,tow	n	y	y	
EOF
# at HH:MM [DATE] CMD...: runs CMD with the clock at that minute of 11-22 (or DATE).
at() {
	_t=$1; shift
	case $1 in 2026-*) _d=$1; shift ;; *) _d=2026-11-22 ;; esac
	RS_NOW=${_d}T$_t:00+08:00 "$@" >/dev/null
}
at 08:50 rs-intake -q $P $B --scheduled-at 09:00
tcase "list: a booking made 10 min ahead is dispatched by the desk limit" 0 \
	"RS-20261122-0001	open	4			2026-11-22T08:50:00+08:00	2	dispatch	2026-11-22T08:55:00+08:00	n" '' \
	env RS_NOW=2026-11-22T08:52:00+08:00 rs-dispatch list -H
at 08:54 rs-dispatch assign RS-20261122-0001 --provider P01 2>/dev/null
at 09:02 rs-dispatch notify RS-20261122-0001
at 09:12 rs-dispatch arrive RS-20261122-0001
at 09:40 rs-dispatch complete RS-20261122-0001 --outcome transported
at 10:00 rs-intake -q $P --service tow --road city
at 10:03 rs-dispatch assign RS-20261122-0002 --provider P01
at 10:06 rs-dispatch notify RS-20261122-0002
at 10:25 rs-dispatch arrive RS-20261122-0002
at 11:00 rs-dispatch complete RS-20261122-0002 --outcome towed
# cancelled HH:MM REASON [--note TEXT]: a case opened at HH:MM, cancelled a minute later.
n=2
cancelled() {
	n=$((n + 1))
	at "$1" rs-intake -q $P --service tow
	_m=$((10#${1#*:} + 1))
	_id=$(printf 'RS-20261122-%04d' $n)
	_c=${1%:*}:$(printf '%02d' $_m)
	shift
	if [ "$1" = gone-on-arrival ]; then
		at "$_c" rs-dispatch assign "$_id" --provider P01
		at "${_c%:*}:20" rs-dispatch arrive "$_id"
		_c=${_c%:*}:30
	fi
	tcase "cancel $_id --reason $*" 0 "$_id" '' env RS_NOW=2026-11-22T$_c:00+08:00 \
		rs-dispatch -q cancel "$_id" --reason "$@"
}
cancelled 12:00 customer
cancelled 12:02 customer
cancelled 12:04 duplicate --note RS-20261122-0003
cancelled 13:06 gone-on-arrival
cancelled 14:00 no-provider
cancelled 14:02 no-provider
cancelled 14:04 no-provider
cancelled 14:06 by-phone
at 14:08 rs-intake -q $P --service tow
tcase "cancel without --reason: usage" 2 '' \
	'rs-dispatch: cancel: --reason is required (see rs-dispatch cancel --help)' \
	rs-dispatch cancel RS-20261122-0011
tcase "cancel --reason other without --note" 1 '' \
	'rs-dispatch: --reason: reason other needs a note saying why' \
	env RS_NOW=2026-11-22T14:09:00+08:00 rs-dispatch cancel RS-20261122-0011 --reason other
tcase "cancel --reason with an unknown code" 1 '' \
	"rs-dispatch: --reason: unknown value 'gone' (want customer|duplicate|gone-on-arrival|no-provider|by-phone|other)" \
	env RS_NOW=2026-11-22T14:09:00+08:00 rs-dispatch cancel RS-20261122-0011 --reason gone
tcase "refused cancels wrote nothing" 0 0 '' \
	sh -c 'grep -c "RS-20261122-0011	cancelled" "$RS_DIR/dispatch.tsv"; :'
tcase "cancel --reason other --note" 0 "RS-20261122-0011" '' \
	env RS_NOW=2026-11-22T14:09:00+08:00 rs-dispatch -q cancel RS-20261122-0011 --reason other \
	--note '车辆已被交警拖走'
tcase "the cancellation row: reason and note" 0 "cancelled		车辆已被交警拖走	other" '' \
	sh -c 'tail -1 "$RS_DIR/dispatch.tsv" | cut -f4,11-13'

at 18:00 rs-intake -q $P $B --scheduled-at 2026-11-23T09:00
at 18:00 rs-intake -q $P $B --scheduled-at 2026-11-23T09:00
# Without the booking rule both would be overdue at 18:10 (dispatch due 18:05).
LIST_1810="RS-20261122-0012	open	4			2026-11-22T18:00:00+08:00	10	dispatch	2026-11-23T08:30:00+08:00	n
RS-20261122-0013	open	4			2026-11-22T18:00:00+08:00	10	dispatch	2026-11-23T08:30:00+08:00	n"
tcase "list at 18:10: next dispatch due 08:30 tomorrow" 0 "$LIST_1810" '' \
	env RS_NOW=2026-11-22T18:10:00+08:00 rs-dispatch list -H
tcase "list --overdue at 18:10: nothing" 0 '' '' \
	env RS_NOW=2026-11-22T18:10:00+08:00 rs-dispatch list -H --overdue
tcase "suggest shows the booked time and the destination" 0 \
	"1	P01	机场专车	0.0	5	n	transfer,tow" \
	"rs-dispatch: RS-20261122-0012: booked for 2026-11-23T09:00:00+08:00
rs-dispatch: RS-20261122-0012: destination: 宝安机场T3 (22.6253, 113.8108)" \
	env RS_NOW=2026-11-22T18:10:00+08:00 rs-dispatch suggest RS-20261122-0012 -H
at 08:20 2026-11-23 rs-dispatch assign RS-20261122-0012 --provider P01 2>/dev/null
at 08:25 2026-11-23 rs-dispatch notify RS-20261122-0012
tcase "list at 08:31: 0013 overdue for dispatch, 0012 next arrives by 09:10" 0 \
	"RS-20261122-0013	dispatch	2026-11-23T08:30:00+08:00	y
RS-20261122-0012	arrive	2026-11-23T09:10:00+08:00	n" '' \
	sh -c 'RS_NOW=2026-11-23T08:31:00+08:00 rs-dispatch list -H | cut -f1,8-10 | sort -t "	" -k4r'
# P01 still has case 0012 (assigned, not arrived): assign warns it is busy.
tcase "assign shows the destination" 0 "RS-20261122-0013" \
	"rs-dispatch: P01: provider is busy with another case
rs-dispatch: RS-20261122-0013: booked for 2026-11-23T09:00:00+08:00
rs-dispatch: RS-20261122-0013: destination: 宝安机场T3 (22.6253, 113.8108)" \
	env RS_NOW=2026-11-23T08:40:00+08:00 rs-dispatch -q assign RS-20261122-0013 --provider P01
at 08:45 2026-11-23 rs-dispatch notify RS-20261122-0013
at 09:05 2026-11-23 rs-dispatch arrive RS-20261122-0012
at 09:15 2026-11-23 rs-dispatch arrive RS-20261122-0013
at 10:00 2026-11-23 rs-dispatch complete RS-20261122-0012 --outcome transported
at 10:00 2026-11-23 rs-dispatch complete RS-20261122-0013 --outcome transported
export RS_NOW=2026-11-23T12:00:00+08:00

tcase "case 0012: arrival 09:05 met (5.0 from 09:00)" 0 \
	"step	status	due_at	done_at	minutes
file	met	2026-11-22T18:03:00+08:00	2026-11-22T18:00:00+08:00	0.0
dispatch	met	2026-11-23T08:30:00+08:00	2026-11-23T08:20:00+08:00	860.0
notify	met	2026-11-23T08:38:00+08:00	2026-11-23T08:25:00+08:00	865.0
arrive	met	2026-11-23T09:10:00+08:00	2026-11-23T09:05:00+08:00	5.0" '' \
	rs-report case RS-20261122-0012 -f tsv --section sla
tcase "case 0013: arrival 09:15 missed (15.0)" 0 \
	"arrive	missed	2026-11-23T09:10:00+08:00	2026-11-23T09:15:00+08:00	15.0" '' \
	sh -c 'rs-report case RS-20261122-0013 -f tsv --section sla | grep ^arrive'
tcase "case timeline: the cancellation's reason" 0 \
	"2026-11-22T12:05:00+08:00	dispatch	cancelled	tester	note=RS-20261122-0003; reason=duplicate" '' \
	sh -c 'rs-report case RS-20261122-0005 -f tsv --section timeline -H | grep cancelled'

SLA="step	met	missed	pending	pct	median_min	p90_min
file	13	0	0	100.0	0.0	0.0
dispatch	4	1	0	80.0	4.0	880.0
notify	3	1	0	75.0	12.0	885.0
arrive	2	2	0	50.0	12.0	25.0"
tcase "shift: the desk SLAs with the booking clocks" 0 "$SLA" '' \
	rs-report shift --date 2026-11-22 -f tsv --section sla
CANCEL="reason	cases
customer	2
duplicate	1
gone-on-arrival	1
no-provider	3
by-phone	1
other	1"
tcase "shift: cancellations by reason" 0 "$CANCEL" '' \
	rs-report shift --date 2026-11-22 -f tsv --section cancellations
tcase "shift json: cancellations" 0 \
	'  "cancellations": {"customer": 2, "duplicate": 1, "gone-on-arrival": 1, "no-provider": 3, "by-phone": 1, "other": 1}' '' \
	sh -c 'rs-report shift --date 2026-11-22 -f json | grep cancellations'
tcase "kpi of the day agrees with the shift" 0 \
	"2026-11-22	13	80.0	50.0	0	0.0			" '' \
	sh -c 'rs-report kpi --since 2026-11-22 --until 2026-11-23 -f tsv -H'
tcase "the night shift has no cancellations" 0 "0" '' \
	sh -c 'rs-report shift --date 2026-11-22 --shift night -f tsv --section cancellations -H | cut -f2 | sort -u'

# The complaint level reads the booked arrival deadline: 0013 arrived 5 min
# past 09:10, so a late complaint is level 1 (< 30 min past; it would be 3
# with the call's deadline, 18:30).
tcase "complaint on a late booking: level from the booked deadline" 0 "CP-20261123-0001	1" \
	'*' sh -c "rs-complain open --case RS-20261122-0013 --category late --demand '迟到' -H | cut -f3,7"
tcase "check: the bookings' journals are clean" 0 '' "$NOZONE" rs-journal check

# --- amend and import ---------------------------------------------------------
tcase "amend: move the booking, add a destination" 0 \
	"2026-11-23T10:00:00+08:00	福田站	" '' \
	sh -c 'rs-intake amend RS-20261122-0013 --scheduled-at 2026-11-23T10:00 --destination 福田站 -H -f tsv | cut -f29,30,32'
tcase "amend: a bad --scheduled-at" 1 '' "rs-intake: --scheduled-at: bad time 'tomorrow' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" \
	rs-intake amend RS-20261122-0013 --scheduled-at tomorrow
tcase "amend: a bad --dest-lat" 1 '' '*' rs-intake amend RS-20261122-0013 --dest-lat 91
STDIN=$T/feed.csv
printf 'phone,location,service,scheduled_at,destination,dest_lat,dest_lon\n13900000001,T3,transfer,2026-11-24T07:30:00+08:00,福田香格里拉,22.54,114.05\n' >"$T/feed.csv"
tcase "import: a booking with its destination" 0 \
	"2026-11-24T07:30:00+08:00	福田香格里拉	22.54	114.05" '' \
	sh -c 'rs-intake import -H -f tsv | cut -f29-32'
STDIN=$T/bad.csv
printf 'phone,location,service,scheduled_at\n13900000001,T3,transfer,soon\n' >"$T/bad.csv"
tcase "import: a bad scheduled_at, nothing appended" 1 '' '*' rs-intake import
tcase "import wrote one row" 0 1 '' sh -c 'grep -c "福田香格里拉" "$RS_DIR/cases.tsv"'

# --- authorize and fee_unauthorized ---------------------------------------------
# Week 2026-W48 (11-23 to 11-30). Four cases opened 11-24:
#   0001 authorized 10:05, fee complaint 12:00: agreed before: not listed
#   0002 never authorized, fee complaint 12:10: listed
#   0003 fee complaint 12:20, authorized only at 12:30: listed
#   0004 authorized 10:35, late complaint 12:40: not a fee complaint
jdir
W='2026-11-24'
at 10:00 $W rs-intake -q --phone 13900000001 --location X --service tow
tcase "authorize: the row" 0 \
	"2026-11-24T10:05:00+08:00	2026-11-24T10:05:00+08:00	RS-20261124-0001	authorized	tester					300.00		拖车 25 公里		" '' \
	env RS_NOW=${W}T10:05:00+08:00 rs-dispatch authorize RS-20261124-0001 --fee 300.00 --note '拖车 25 公里' -H
tcase "authorize without --fee: usage" 2 '' \
	'rs-dispatch: authorize: --fee is required (see rs-dispatch authorize --help)' \
	rs-dispatch authorize RS-20261124-0001
tcase "authorize: a bad fee" 1 '' '*' \
	env RS_NOW=${W}T10:06:00+08:00 rs-dispatch authorize RS-20261124-0001 --fee 3x
# Each its own customer: no repeat complainant raises a level.
at 10:10 $W rs-intake -q --phone 13900000002 --location X --service tow
at 10:20 $W rs-intake -q --phone 13900000003 --location X --service tow
at 10:30 $W rs-intake -q --phone 13900000004 --location X --service tow
at 10:35 $W rs-dispatch authorize RS-20261124-0004 --fee 80
complain() {
	at "$1" $W sh -c "rs-complain -q open --case RS-20261124-$2 --category $3 --demand 退费 2>/dev/null"
}
complain 12:00 0001 fee
complain 12:10 0002 fee
complain 12:20 0003 fee
at 12:30 $W rs-dispatch authorize RS-20261124-0003 --fee 120
complain 12:40 0004 late
export RS_NOW=2026-11-30T10:00:00+08:00
tcase "weekly fee_unauthorized: 0002 and 0003 (agreed after the complaint)" 0 \
	"complaint_id	case_id	level	state	opened_at
CP-20261124-0002	RS-20261124-0002	2	open	2026-11-24T12:10:00+08:00
CP-20261124-0003	RS-20261124-0003	2	open	2026-11-24T12:20:00+08:00" '' \
	rs-report weekly --week 2026-W48 -f tsv --section fee_unauthorized
tcase "weekly json: fee_unauthorized ids" 0 \
	'  "fee_unauthorized": ["CP-20261124-0002", "CP-20261124-0003"]' '' \
	sh -c 'rs-report weekly --week 2026-W48 -f json | grep fee_unauthorized | sed "s/,$//"'
tcase "case timeline: the agreement" 0 \
	"2026-11-24T10:05:00+08:00	dispatch	authorized	tester	fee=300.00; note=拖车 25 公里" '' \
	sh -c 'rs-report case RS-20261124-0001 -f tsv --section timeline -H | grep authorized'
tcase "case timeline in Chinese: the agreement" 0 1 '' \
	sh -c "LANGUAGE=zh_CN rs-report case RS-20261124-0001 | grep -c 客户确认费用"

# --- old journals, migrated ----------------------------------------------------
# The report fixture of 50-report.sh cut to the columns of the first
# revision (cases without scheduled_at..dest_lon and ref, dispatch
# without reason and ref): read as it is, then migrated, it gives the
# figures of the fixture; its cancellation (note 客户自行解决, no reason
# column) is read as other, which migrate writes.
D=$TOP/tests/cli/data/report/shift
old=$T/old
mkdir -p "$old"
cp "$D"/*.tsv "$old/"
cut -f1-28 "$D/cases.tsv" >"$old/cases.tsv"
cut -f1-12 "$D/dispatch.tsv" >"$old/dispatch.tsv"
A='--as-of 2026-11-22T10:00'
for what in "kpi -f tsv" "shift --date 2026-11-21 --shift night -f tsv --section sla" \
    "weekly --week 2026-W47 -f tsv --section summary"; do
	tcase "old journal, read as it is: $what" 0 "$(rs-report -d "$D" $what $A)" '' \
		rs-report -d "$old" $what $A
done
tcase "old journal: its cancellation read as other" 0 "other	1" '' \
	sh -c "rs-report -d '$old' shift --date 2026-11-21 --shift night $A -f tsv --section cancellations -H | grep -v '	0$'"
tcase "migrate the old journal" 0 '*' '*' rs-journal -d "$old" migrate
tcase "migrated: the cancellation has reason other" 0 "cancelled	客户自行解决	other" '' \
	sh -c "grep cancelled '$old/dispatch.tsv' | cut -f4,12,13"
for what in "kpi -f tsv" "shift --date 2026-11-21 --shift night -f tsv" \
    "weekly --week 2026-W47 -f tsv --section summary"; do
	tcase "old journal migrated: $what" 0 "$(rs-report -d "$D" $what $A | sed 's/^customer	1$/customer	0/; s/^other	0$/other	1/')" '' \
		rs-report -d "$old" $what $A
done
