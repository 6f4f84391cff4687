# 20-intake.sh - rs-intake: new (priority rule, warnings, validation,
# ids, times), amend, import, list, concurrency, text round trips.
# The clock is RS_NOW=2026-11-22T10:00:00+08:00, TZ=Asia/Shanghai.

W_MED='warning: injuries reported and medical (120) not informed: coordinate 120 now'
W_POL='warning: accident and police (110/122) not informed: coordinate 110/122 now'
W_EV='warning: EV with a battery/electrical/ev-system fault: needs an EV-capable provider'
BASE="--phone 13800000000 --location 深南大道1号"

# --- the priority rule and the warnings: one case per branch ----------------
#
#   icase NAME PRIORITY WARNINGS [OPTIONS...]
# opens the next case with -q (stdout = its id), checks stderr holds
# exactly the warnings named by the letters in WARNINGS (M medical,
# P police, E EV; - none), and remembers the priority for the list
# check below.
jdir
n=0
prios=
icase() {
	_n=$1 _p=$2 _w=$3
	shift 3
	n=$((n + 1))
	_id=$(printf 'RS-20261122-%04d' "$n")
	_e=
	case $_w in *M*) _e="$_e${_e:+
}rs-intake: $_id: $W_MED" ;; esac
	case $_w in *P*) _e="$_e${_e:+
}rs-intake: $_id: $W_POL" ;; esac
	case $_w in *E*) _e="$_e${_e:+
}rs-intake: $_id: $W_EV" ;; esac
	# A phone of its own: the same phone again would be a possible duplicate call.
	# shellcheck disable=SC2086
	tcase "priority: $_n" 0 "$_id" "$_e" rs-intake -q $BASE --phone "1381000$(printf %04d "$n")" "$@"
	prios="$prios${prios:+
}$_id	$_p"
}

#     name                                   prio warn options
icase "injured, medical informed"              1 -   --service tow --injuries 1 --medical y
icase "injured, medical not informed"          1 M   --service tyre --injuries 2
icase "injured, medical n"                     1 M   --service fuel --injuries 1 --medical n
icase "no injuries (0) is not injured"         4 -   --service tyre --injuries 0
icase "accident on highway, police"            1 -   --service tow --road highway --fault accident --police y
icase "accident on highway, no police"         1 P   --service tow --road highway --fault accident
icase "accident in the city"                   2 -   --service tow --road city --fault accident --police y
icase "accident on a rural road, police n"     2 P   --service tyre --road rural --fault accident --police n
icase "accident, no road given"                2 -   --service repair --fault accident --police y
icase "highway, tyre"                          2 -   --service tyre --road highway --can-start y
icase "brake fault in the city"                2 -   --service repair --road city --fault brake
icase "brake beats tow"                        2 -   --service tow --road rural --fault brake --can-start n
icase "cannot start"                           3 -   --service tyre --can-start n
icase "tow"                                    3 -   --service tow --road city
icase "winch"                                  3 -   --service winch --road rural
icase "can start, jumpstart"                   4 -   --service jumpstart --can-start y
icase "rural is not highway"                   4 -   --service fuel --road rural
icase "lockout in the city"                    4 -   --service lockout --road city --fault lockout
icase "EV battery"                             4 E   --service jumpstart --energy ev --fault battery
icase "EV electrical, cannot start"            3 E   --service repair --energy ev --fault electrical --can-start n
icase "EV ev-system on a highway"              2 E   --service tow --energy ev --fault ev-system --road highway
icase "hybrid battery: no EV warning"          4 -   --service jumpstart --energy hybrid --fault battery
icase "ICE electrical: no EV warning"          4 -   --service repair --energy ice --fault electrical
icase "EV tyre: no EV warning"                 4 -   --service tyre --energy ev --fault tyre
icase "--priority overrides, still warns"      4 M   --service tyre --injuries 3 --priority 4
icase "--priority 1 on a comfort case"         1 -   --service booking --priority 1
icase "injured accident on highway: M and P"   1 MP  --service tow --road highway --fault accident --injuries 1
icase "injured EV accident: M and P, no EV"   1 MP  --service tow --energy ev --fault accident --injuries 2
icase "EV accident: police warning only"       2 P   --service tow --energy ev --fault accident
icase "transfer, nothing special"              4 -   --service transfer --channel app
tcase "priorities as listed" 0 "$prios" '' sh -c 'rs-intake list -H | cut -f1,24'

# --- the printed row ----------------------------------------------------------
jdir
H='ts	at	case_id	event	agent	call_at	channel	program	customer	phone	plate	vehicle	energy	location	lat	lon	road	service	fault	symptom	can_start	injuries	police	medical	priority	quote	eta_promised	note	scheduled_at	destination	dest_lat	dest_lon	ref'
tcase "new prints the row with header" 0 "$H
2026-11-22T10:00:00+08:00	2026-11-22T10:00:00+08:00	RS-20261122-0001	opened	tester	2026-11-22T09:58:00+08:00	phone	平安保险	王小明	13800000000	粤B12345	比亚迪 汉	ev	G4 K23 北行	22.5431	114.0579	highway	tyre	tyre	左前轮爆胎	n	0	n	n	2	200.00	45						" '' \
	rs-intake new --phone 13800000000 --location "G4 K23 北行" --service tyre \
	--customer 王小明 --plate 粤B12345 --vehicle "比亚迪 汉" --energy ev --lat 22.5431 \
	--lon 114.0579 --road highway --fault tyre --symptom 左前轮爆胎 --can-start n \
	--injuries 0 --police n --medical n --program 平安保险 --call-at 09:58 --quote 200.00 \
	--eta 45
tcase "-H drops the header" 0 "2026-11-22T10:00:00+08:00	2026-11-22T10:00:00+08:00	RS-20261122-0002	opened	tester		web			13800000001				x				fuel							4								" '' \
	rs-intake -H --phone 13800000001 --location x --service fuel --channel web
tcase "--agent and -f json" 0 '{"ts":"2026-11-22T10:00:00+08:00","at":"2026-11-22T10:00:00+08:00","case_id":"RS-20261122-0003","event":"opened","agent":"李娜","call_at":null,"channel":"phone","program":null,"customer":null,"phone":"+86 138-0000-0002","plate":null,"vehicle":null,"energy":null,"location":"x","lat":-33.5,"lon":151.25,"road":null,"service":"lockout","fault":null,"symptom":null,"can_start":true,"injuries":null,"police":null,"medical":null,"priority":4,"quote":null,"eta_promised":null,"note":null,"scheduled_at":null,"destination":null,"dest_lat":null,"dest_lon":null,"ref":null}' '' \
	rs-intake --agent 李娜 -f json --phone "+86 138-0000-0002" --location x --service lockout --lat -33.5 --lon 151.25 --can-start y
tcase "global options before the subcommand" 0 "RS-20261122-0004" '' \
	rs-intake -d "$RS_DIR" -q new --phone 13800000003 --location x --service tow

# --- validation: a bad value is exit 1, a missing option exit 2 ---------------
jdir
tcase "missing --phone" 2 '' 'rs-intake: new: --phone is required (see rs-intake new --help)' \
	rs-intake --location x --service tow
tcase "missing --location" 2 '' 'rs-intake: new: --location is required (see rs-intake new --help)' \
	rs-intake --phone 13800000000 --service tow
tcase "missing --service" 2 '' 'rs-intake: new: --service is required (see rs-intake new --help)' \
	rs-intake new --phone 13800000000 --location x
tcase "unknown option" 2 '' "rs-intake: new: unknown option '--colour' (see rs-intake new --help)" \
	rs-intake $BASE --service tow --colour red
tcase "option without its value" 2 '' "rs-intake: new: option '--lat' needs a value (see rs-intake new --help)" \
	rs-intake $BASE --service tow --lat
tcase "unknown subcommand" 2 '' "rs-intake: unknown command 'open' (see rs-intake --help)" \
	rs-intake open $BASE --service tow
tcase "stray argument" 2 '' "rs-intake: new: unexpected argument 'extra' (see rs-intake new --help)" \
	rs-intake $BASE --service tow extra
tcase "bad --format" 2 '' "rs-intake: new: --format: unknown value 'xml' (want tsv|csv|json|table) (see rs-intake new --help)" \
	rs-intake -f xml $BASE --service tow
tcase "latitude 91" 1 '' "rs-intake: --lat: bad latitude '91' (want -90..90)" \
	rs-intake $BASE --service tow --lat 91
tcase "longitude -180.5" 1 '' "rs-intake: --lon: bad longitude '-180.5' (want -180..180)" \
	rs-intake $BASE --service tow --lon -180.5
tcase "unknown service" 1 '' "rs-intake: --service: unknown value 'boat' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)" \
	rs-intake $BASE --service boat
tcase "can-start maybe" 1 '' "rs-intake: --can-start: bad value 'maybe' (want y or n)" \
	rs-intake $BASE --service tow --can-start maybe
tcase "priority 5" 1 '' "rs-intake: --priority: out of range '5' (want 1..4)" \
	rs-intake $BASE --service tow --priority 5
tcase "injuries -1" 1 '' "rs-intake: --injuries: out of range '-1' (want >= 0)" \
	rs-intake $BASE --service tow --injuries -1
tcase "phone abc" 1 '' "rs-intake: --phone: bad phone 'abc'" \
	rs-intake --phone abc --location x --service tow
tcase "quote with 3 decimals" 1 '' "rs-intake: --quote: bad amount '12.345'" \
	rs-intake $BASE --service tow --quote 12.345
tcase "negative eta" 1 '' "rs-intake: --eta: bad minutes '-5'" \
	rs-intake $BASE --service tow --eta -5
tcase "bad energy" 1 '' "rs-intake: --energy: unknown value 'diesel' (want ice|ev|hybrid)" \
	rs-intake $BASE --service tow --energy diesel
tcase "bad road" 1 '' "rs-intake: --road: unknown value 'motorway' (want city|highway|rural)" \
	rs-intake $BASE --service tow --road motorway
tcase "bad channel" 1 '' "rs-intake: --channel: unknown value 'fax' (want phone|app|web|walkin|partner)" \
	rs-intake $BASE --service tow --channel fax
tcase "bad call-at" 1 '' "rs-intake: --call-at: bad time '25:00' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" \
	rs-intake $BASE --service tow --call-at 25:00
tcase "call-at after the case" 1 '' "rs-intake: --call-at: the call cannot start after the case (2026-11-22T10:01:00+08:00)" \
	rs-intake $BASE --service tow --call-at 10:01
tcase "--at 6 minutes ahead" 1 '' "rs-intake: --at: 2026-11-22T10:06:00+08:00 is more than 5 minutes in the future" \
	rs-intake $BASE --service tow --at 10:06
tcase "--at bad" 1 '' "rs-intake: --at: bad time 'yesterday' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" \
	rs-intake $BASE --service tow --at yesterday
tcase "ANSI escape in --note" 1 '' "rs-intake: --note: bad text: control character U+001B" \
	rs-intake $BASE --service tow --note "$(printf 'red \033[31mALERT')"
tcase "invalid UTF-8 in --customer" 1 '' "rs-intake: --customer: bad text: invalid UTF-8" \
	rs-intake $BASE --service tow --customer "$(printf 'Wang\377')"
tcase "CR in --symptom" 1 '' "rs-intake: --symptom: bad text: control character U+000D" \
	rs-intake $BASE --service tow --symptom "$(printf 'a\rb')"
tcase "nothing was written by the failures" 0 '' '' test ! -e "$RS_DIR/cases.tsv"

# --- --at, --call-at: every input form of SPEC 5 -------------------------------
jdir
# Each call a phone of its own (the same phone again is a possible duplicate call).
at() {
	_k=$((${_k:-0} + 1))
	rs-intake -H $BASE --phone "1382000$(printf %04d "$_k")" --service tow "$@" | cut -f2,3,6
}
tcase "--at HH:MM" 0 "2026-11-22T09:50:00+08:00	RS-20261122-0001	" '' at --at 09:50
tcase "--at -15m" 0 "2026-11-22T09:45:00+08:00	RS-20261122-0002	" '' at --at -15m
tcase "--at 'YYYY-MM-DD HH:MM:SS'" 0 "2026-11-22T08:15:03+08:00	RS-20261122-0003	" '' at --at "2026-11-22 08:15:03"
tcase "--at ISO with offset" 0 "2026-11-22T09:30:00+08:00	RS-20261122-0004	" '' at --at 2026-11-22T01:30:00Z
tcase "--at now" 0 "2026-11-22T10:00:00+08:00	RS-20261122-0005	" '' at --at now
tcase "--at exactly 5 minutes ahead" 0 "2026-11-22T10:05:00+08:00	RS-20261122-0006	" '' at --at 10:05
tcase "--at yesterday: the id takes at's date" 0 "2026-11-21T23:59:00+08:00	RS-20261121-0001	" '' at --at 2026-11-21T23:59
tcase "--at -2h --call-at -2h5m" 0 "2026-11-22T08:00:00+08:00	RS-20261122-0007	2026-11-22T07:55:00+08:00" '' at --at -2h --call-at 07:55
tcase "--at date only (00:00)" 0 "2026-11-21T00:00:00+08:00	RS-20261121-0002	" '' at --at 2026-11-21
tcase "--at -3d" 0 "2026-11-19T10:00:00+08:00	RS-20261119-0001	" '' at --at -3d

# --- amend ---------------------------------------------------------------------
jdir
rs-intake -q $BASE --service tyre >/dev/null
tcase "amend prints the amended row" 0 "2026-11-22T10:00:00+08:00	2026-11-22T10:00:00+08:00	RS-20261122-0001	amended	tester										22.5	114.1			accident			3											" '' \
	rs-intake amend RS-20261122-0001 -H --lat 22.5 --lon 114.1 --fault accident --injuries 3
tcase "amend does not recompute the priority" 0 "RS-20261122-0001	4	3	accident" '' \
	sh -c 'rs-intake list -H | cut -f1,24,21,18 | awk -F"\t" "{print \$1\"\t\"\$4\"\t\"\$3\"\t\"\$2}"'
tcase "amend --priority sets it" 0 "RS-20261122-0001" '' rs-intake amend -q RS-20261122-0001 --priority 1
tcase "list shows the folded state" 0 "RS-20261122-0001	open	1	22.5	114.1	13800000000" '' \
	sh -c 'rs-intake list -H | cut -f1,2,24,14,15,9 | awk -F"\t" "{print \$1\"\t\"\$2\"\t\"\$6\"\t\"\$4\"\t\"\$5\"\t\"\$3}"'
tcase "amend an unknown case" 1 '' "rs-intake: RS-20261122-0099: no such case; did you mean 'RS-20261122-0001'?" \
	rs-intake amend RS-20261122-0099 --note x
tcase "amend a malformed id" 1 '' 'rs-intake: RS-2026-1: not a case id (RS-YYYYMMDD-NNNN)' \
	rs-intake amend RS-2026-1 --note x
tcase "amend with nothing to change" 2 '' 'rs-intake: amend: nothing to change (give at least one case option) (see rs-intake amend --help)' \
	rs-intake amend RS-20261122-0001
tcase "amend without a case" 2 '' 'rs-intake: amend: missing CASE (see rs-intake amend --help)' \
	rs-intake amend --note x
tcase "amend validates like new" 1 '' "rs-intake: --lat: bad latitude '-91' (want -90..90)" \
	rs-intake amend RS-20261122-0001 --lat -91
tcase "amend wrote 2 rows, the failures none" 0 4 '' sh -c 'wc -l <"$RS_DIR/cases.tsv"'

# --- text round trip: tab, newline, quote, backslash, CJK -----------------------
jdir
note=$(printf 'tab\there\nnew line "quoted" back\\slash 中文 ，标点')
tcase "odd text is accepted" 0 RS-20261122-0001 '' rs-intake -q $BASE --service tow --note "$note" --customer "O'Brien \"Bob\""
tcase "journal escapes tab and newline" 0 1 '' grep -c -F 'tab\there\nnew line "quoted" back\\slash 中文 ，标点' "$RS_DIR/cases.tsv"
tcase "list -f json round-trips the note" 0 "$note" '' sh -c 'rs-intake list -f json | jq -j .note'
tcase "list -f json round-trips the customer" 0 "O'Brien \"Bob\"" '' sh -c 'rs-intake list -f json | jq -j .customer'
tcase "list -f csv quotes" 0 "\"tab	here
new line \"\"quoted\"\" back\\slash 中文 ，标点\"" '' sh -c 'rs-intake list -f csv -H | tr -d "\\r" | sed "s/,,,,,\$//" | cut -d, -f27-'

# --- import ------------------------------------------------------------------------
jdir
cat >in.csv <<'EOF'
phone,location,service,road,fault,injuries,priority,note,at,call_at
13800000010,"G4 K23, 北行",tyre,highway,,,,"said ""hurry""",09:30,09:28
13800000011,深南大道,tow,city,accident,1,,,,
13800000012,科技园,jumpstart,,,,3,,2026-11-21 22:00,
EOF
tcase "import a CSV: ids by at's date, priority where empty" 0 "RS-20261122-0001	2026-11-22T09:30:00+08:00	2026-11-22T09:28:00+08:00	2
RS-20261122-0002	2026-11-22T10:00:00+08:00		1
RS-20261121-0001	2026-11-21T22:00:00+08:00		3" \
	"rs-intake: RS-20261122-0002: $W_MED
rs-intake: RS-20261122-0002: $W_POL" \
	sh -c 'rs-intake import -H in.csv | cut -f3,2,6,25 | awk -F"\t" "{print \$2\"\t\"\$1\"\t\"\$3\"\t\"\$4}"'
tcase "import kept quotes and commas" 0 'G4 K23, 北行|said "hurry"' '' \
	sh -c 'rs-intake list -f json | head -1 | jq -j ".location + \"|\" + .note"'
printf 'phone\tlocation\tservice\tcustomer\n13800000020\tx\\ty\ttow\t张三\n' >in.tsv
tcase "import TSV from stdin with -q" 0 "RS-20261122-0003" '' sh -c 'rs-intake import -q - <in.tsv'
tcase "import TSV unescapes" 0 "x	y" '' sh -c 'rs-intake list -f json | tail -1 | jq -j .location'
printf 'phone,location,service\n13800000021,x,fuel\n' >feed.txt
tcase "import CSV from stdin (sniffed)" 0 "RS-20261122-0004" '' sh -c 'rs-intake import -q <feed.txt'
printf 'ts,case_id,event,phone,location,service\nX,Y,Z,13800000022,x,lockout\n' >export.csv
tcase "ts, case_id, event columns are the tool's" 0 "RS-20261122-0005	opened" '' \
	sh -c 'rs-intake import -H export.csv | cut -f3,4'
printf 'phone,location,service,colour\n13800000000,x,tow,red\n' >bad1.csv
tcase "import: unknown column" 1 '' "rs-intake: bad1.csv:1: unknown column 'colour'" rs-intake import bad1.csv
cat >bad2.csv <<'EOF'
phone,location,service,lat,priority,note
13800000030,ok,tow,,,fine
abc,x,tow,,,
13800000031,x,boat,,,
13800000032,x,tow,95,,
13800000033,,tow,,,
13800000034,x,tow,,9,
13800000035,x,tow
13800000036,ok,tyre,,,fine too
EOF
printf '13800000037,x,tow,,,\033[2J\n' >>bad2.csv
tcase "import: every bad row reported, nothing appended" 1 '' "rs-intake: bad2.csv:3: column phone: bad phone 'abc'
rs-intake: bad2.csv:4: column service: unknown value 'boat' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)
rs-intake: bad2.csv:5: column lat: bad latitude '95' (want -90..90)
rs-intake: bad2.csv:6: column location: missing (phone, location and service are required)
rs-intake: bad2.csv:7: column priority: out of range '9' (want 1..4)
rs-intake: bad2.csv:8: 3 fields, the header has 6
rs-intake: bad2.csv:10: column note: control character U+001B" rs-intake import bad2.csv
tcase "import: the journal is unchanged" 0 7 '' sh -c 'wc -l <"$RS_DIR/cases.tsv"'
tcase "import: missing file" 3 '' '*' rs-intake import nope.csv
printf 'phone,location,service,at\n13800000040,x,tow,10:06\n' >future.csv
tcase "import: at in the future" 1 '' "rs-intake: future.csv:2: column at: more than 5 minutes in the future" rs-intake import future.csv

# A 1000-row import is one append: consecutive ids, one ts, in file order.
jdir
rs-intake -q $BASE --service tow >/dev/null
awk 'BEGIN { print "phone,location,service"; for (i = 1; i <= 1000; i++) printf "138%08d,row %d,tyre\n", i, i }' >big.csv
tcase "1000-row import" 0 "1000 RS-20261122-0002 RS-20261122-1001" '' \
	sh -c 'rs-intake import -q big.csv | awk "NR==1{f=\$1} {l=\$1} END{print NR, f, l}"'
tcase "1000-row import: ids match the rows" 0 "1001 0" '' \
	sh -c 'tail -n +2 "$RS_DIR/cases.tsv" | awk -F"\t" "\$14 != \"row \" (NR-1) && NR>1 {bad++} END{print NR, bad+0}"'
tcase "10000th case of a day gets 5 digits" 0 "RS-20261122-1002" '' \
	rs-intake -q $BASE --phone 13900000000 --service tow

# --- concurrency: 16 writers at once never share an id ---------------------------
jdir
for i in $(seq 1 16); do
	rs-intake -q --phone 1380000$(printf %04d "$i") --location "p$i" --service tow >"$T/c.$i" 2>&1 &
done
wait
tcase "16 concurrent intakes: 16 distinct ids 0001..0016" 0 "$(seq -f 'RS-20261122-%04g' 1 16)" '' \
	sh -c "cat $T/c.* | sort -u"
tcase "16 concurrent intakes: 16 rows" 0 17 '' sh -c 'wc -l <"$RS_DIR/cases.tsv"'

# --- list ------------------------------------------------------------------------
jdir
RS_NOW=2026-11-21T15:00:00+08:00 rs-intake -q $BASE --service tow >/dev/null
RS_NOW=2026-11-22T08:00:00+08:00 rs-intake -q $BASE --service tyre --road highway >/dev/null
RS_NOW=2026-11-22T09:00:00+08:00 rs-intake -q $BASE --service tow --injuries 1 --medical y >/dev/null
RS_NOW=2026-11-22T09:30:00+08:00 rs-intake -q $BASE --service fuel >/dev/null
mkdir -p "$RS_DIR"
printf 'ts\tat\tcase_id\tevent\tagent\tprovider\ttechnician\teta\tdistance_km\tfee\toutcome\tnote\n' >"$RS_DIR/dispatch.tsv"
printf '2026-11-22T09:40:00+08:00\t2026-11-22T09:40:00+08:00\tRS-20261122-0001\tcancelled\tt\t\t\t\t\t\t\tdup\n' >>"$RS_DIR/dispatch.tsv"
printf '2026-11-22T09:41:00+08:00\t2026-11-22T09:41:00+08:00\tRS-20261122-0002\tassigned\tt\tP01\t\t\t\t\t\t\n' >>"$RS_DIR/dispatch.tsv"
L='case_id	state	opened_at	agent	call_at	channel	program	customer	phone	plate	vehicle	energy	location	lat	lon	road	service	fault	symptom	can_start	injuries	police	medical	priority	quote	eta_promised	note	scheduled_at	destination	dest_lat	dest_lon	ref'
tcase "list header" 0 "$L" '' sh -c 'rs-intake list | head -1'
tcase "list: states from dispatch" 0 "RS-20261121-0001	open
RS-20261122-0001	cancelled
RS-20261122-0002	assigned
RS-20261122-0003	open" '' sh -c 'rs-intake list -H | cut -f1,2'
tcase "list --open" 0 "RS-20261121-0001
RS-20261122-0002
RS-20261122-0003" '' sh -c 'rs-intake list --open -H | cut -f1'
tcase "list --service tow" 0 "RS-20261121-0001
RS-20261122-0002" '' sh -c 'rs-intake list --service tow -H | cut -f1'
tcase "list --priority 1" 0 "RS-20261122-0002" '' sh -c 'rs-intake list --priority 1 -H | cut -f1'
tcase "list --since --until (half-open)" 0 "RS-20261122-0001
RS-20261122-0002" '' sh -c 'rs-intake list --since 2026-11-22 --until 09:30 -H | cut -f1'
tcase "list --since relative to --as-of" 0 "RS-20261122-0002" '' \
	sh -c 'rs-intake list --as-of 2026-11-22T09:10 --since -1h -H | cut -f1'
tcase "list --as-of: later rows do not exist yet" 0 "RS-20261121-0001	open
RS-20261122-0001	open
RS-20261122-0002	open
RS-20261122-0003	open" '' sh -c 'rs-intake list --as-of 2026-11-22T09:35 -H | cut -f1,2'
tcase "list --as-of is reproducible" 0 "$(rs-intake list --as-of 2026-11-22T09:35 -f json)" '' \
	rs-intake list --as-of 2026-11-22T09:35 -f json
tcase "list -f table starts with the aligned header" 0 "case_id           state      opened_at    pri" '' \
	sh -c 'rs-intake list -f table | head -1 | cut -c1-45 | sed "s/ *\$//"'
tcase "list --service bad" 1 '' "rs-intake: --service: unknown value 'boat' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)" \
	rs-intake list --service boat
tcase "list --priority 0" 1 '' "rs-intake: --priority: out of range '0' (want 1..4)" rs-intake list --priority 0
tcase "list --since bad" 1 '' "rs-intake: --since: bad time 'soon' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" rs-intake list --since soon
tcase "list on a directory that does not exist" 3 '' "rs-intake: $T/empty: no such journal directory" rs-intake -d "$T/empty" list
mkdir -p "$T/empty2"
tcase "list on an empty directory: header only" 0 "$L" '' rs-intake -d "$T/empty2" list

# --- help --------------------------------------------------------------------------
for s in new amend import list; do
	tcase "$s -h" 0 '*' '' sh -c "rs-intake $s -h | grep -q '^usage: rs-intake' && rs-intake $s -h | grep -q '^examples:'"
done
