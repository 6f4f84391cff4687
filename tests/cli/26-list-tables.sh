# 26-list-tables.sh - the lists for a person and for programs (SPEC 5, 6):
# rs-dispatch list in urgency order, -f table in 80 columns with short
# times and the overdue rows marked, --wide, --columns (in every format,
# and its mistakes), --due-within on rs-dispatch list and rs-complain
# list, and every list of the sample within 80 columns in English and in
# Chinese. Clock RS_NOW=2026-11-22T10:00:00+08:00, so "today" is 11-22.

# --- a desk at 10:00: cases opened at these times (no call_at, city, so
# dispatch is due at +5 min, notify +8, arrive +30; SPEC 9):
#   RS-20261121-0001  11-21 23:00  open: dispatch due 11-21 23:05 (overdue 655 min)
#   RS-20261122-0001  09:00  open: dispatch due 09:05 (overdue 55 min)
#   RS-20261122-0002  09:50  open: dispatch due 09:55 (overdue 5 min)
#   RS-20261122-0003  09:58  open: dispatch due 10:03
#   RS-20261122-0004  09:20  assigned 09:22, notified 09:25: arrive due 09:50 (overdue 10)
#   RS-20261122-0005  09:40  arrived 09:55: nothing due
#   RS-20261122-0006  09:10  arrived 09:30: nothing due
#   RS-20261122-0007  09:58  open: dispatch due 10:03 (a tie with 0003)
# Urgency order: due first by due_at (so the longest overdue first):
# 1121-0001, 0001, 0004, 0002, then 0003 and 0007 (tie: by id); then
# nothing due, oldest first: 0006 (09:10), 0005 (09:40).
jdir
new() { rs-intake -q --phone "$1" --location "$2" --service tyre --at "$3" >/dev/null 2>&1; }
new 13800000001 福田区深南大道1号 2026-11-21T23:00
new 13800000002 福田区深南大道2号 09:00
new 13800000003 福田区深南大道3号 09:50
new 13800000004 福田区深南大道4号 09:58
new 13800000005 福田区深南大道5号 09:20
new 13800000006 福田区深南大道6号 09:40
new 13800000007 福田区深南大道7号 09:10
new 13800000008 福田区深南大道8号 09:58
cat >"$RS_DIR/providers.tsv" <<'EOF'
provider_id	name	phone	region	lat	lon	services	ev	highway	active	note
P01	近邻救援	0755-1000001	福田	22.543109	114.0579	tyre,tow	n	y	y	
P02	福田拖车	0755-1000002	福田	22.56	114.08	tyre,tow,jumpstart	y	y	y	
P03	南山补胎	0755-1000003	南山	22.56	114.08	tyre	n	n	y	
EOF
d() { rs-dispatch -q "$@" >/dev/null 2>&1; }
d assign RS-20261122-0004 --provider P01 --at 09:22
d notify RS-20261122-0004 --at 09:25
d assign RS-20261122-0005 --provider P02 --at 09:42
d notify RS-20261122-0005 --at 09:43
d arrive RS-20261122-0005 --at 09:55
d assign RS-20261122-0006 --provider P03 --at 09:12
d notify RS-20261122-0006 --at 09:13
d arrive RS-20261122-0006 --at 09:30

LH='case_id	state	priority	road	provider	opened_at	age_min	next	due_at	overdue'
tcase "list: urgency order, every column in tsv with full times" 0 "$LH
RS-20261121-0001	open	4			2026-11-21T23:00:00+08:00	660	dispatch	2026-11-21T23:05:00+08:00	y
RS-20261122-0001	open	4			2026-11-22T09:00:00+08:00	60	dispatch	2026-11-22T09:05:00+08:00	y
RS-20261122-0004	assigned	4		P01	2026-11-22T09:20:00+08:00	40	arrive	2026-11-22T09:50:00+08:00	y
RS-20261122-0002	open	4			2026-11-22T09:50:00+08:00	10	dispatch	2026-11-22T09:55:00+08:00	y
RS-20261122-0003	open	4			2026-11-22T09:58:00+08:00	2	dispatch	2026-11-22T10:03:00+08:00	n
RS-20261122-0007	open	4			2026-11-22T09:58:00+08:00	2	dispatch	2026-11-22T10:03:00+08:00	n
RS-20261122-0006	arrived	4		P03	2026-11-22T09:10:00+08:00	50			n
RS-20261122-0005	arrived	4		P02	2026-11-22T09:40:00+08:00	20			n" '' rs-dispatch list
tcase "list -f json: the same order, every column" 0 "RS-20261121-0001 2026-11-21T23:05:00+08:00 true
RS-20261122-0001 2026-11-22T09:05:00+08:00 true
RS-20261122-0004 2026-11-22T09:50:00+08:00 true
RS-20261122-0002 2026-11-22T09:55:00+08:00 true
RS-20261122-0003 2026-11-22T10:03:00+08:00 false
RS-20261122-0007 2026-11-22T10:03:00+08:00 false
RS-20261122-0006 null false
RS-20261122-0005 null false" '' \
	sh -c 'rs-dispatch list -f json | python3 -c "
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    assert len(r) == 10, r
    print(r[\"case_id\"], r[\"due_at\"] or \"null\", str(r[\"overdue\"]).lower())"'
# At 10:04 the dispatch of 0003 and 0007 (due 10:03) is overdue too; they
# stay after 0002 (overdue since 09:55), the longer overdue first.
tcase "list --as-of 10:04: the longest overdue first" 0 "RS-20261121-0001	y
RS-20261122-0001	y
RS-20261122-0004	y
RS-20261122-0002	y
RS-20261122-0003	y
RS-20261122-0007	y
RS-20261122-0006	n
RS-20261122-0005	n" '' sh -c 'rs-dispatch list --as-of 10:04 -H | cut -f1,10'

# --- -f table: the default columns, short times (11-21 is not today),
# the overdue rows marked "!".
TH='  case_id           state     priority  provider  next      due_at'
tcase "table: default columns, short times, overdue marked" 0 "$TH
! RS-20261121-0001  open      4                   dispatch  11-21 23:05
! RS-20261122-0001  open      4                   dispatch  09:05
! RS-20261122-0004  assigned  4         P01       arrive    09:50
! RS-20261122-0002  open      4                   dispatch  09:55
  RS-20261122-0003  open      4                   dispatch  10:03
  RS-20261122-0007  open      4                   dispatch  10:03
  RS-20261122-0006  arrived   4         P03
  RS-20261122-0005  arrived   4         P02" '' rs-dispatch list -f table
# Without the header the columns are as wide as their values.
tcase "table -H: no header, still marked" 0 "! RS-20261121-0001  open      4       dispatch  11-21 23:05" '' \
	sh -c 'rs-dispatch list -f table -H | head -1'
tcase "table --wide: every column" 0 "  case_id           state     priority  road  provider  opened_at    age_min  next      due_at       overdue
! RS-20261121-0001  open      4                         11-21 23:00  660      dispatch  11-21 23:05  y" '' \
	sh -c 'rs-dispatch list -f table --wide | head -2'
tcase "table --as-of 2026-11-23: nothing is today any more" 0 "! RS-20261122-0001  open      4                   dispatch  11-22 09:05" '' \
	sh -c 'rs-dispatch list -f table --as-of 2026-11-23 | sed -n 3p'
# Colour only on a terminal, and not with NO_COLOR (no-color.org).
if command -v script >/dev/null 2>&1; then
	tok "table on a terminal: the overdue rows in colour" sh -c \
		"script -qec 'rs-dispatch list -f table' /dev/null | grep -q \"\$(printf '\\033')\\[1;31m! RS-20261122-0001\""
	tok "table on a terminal with NO_COLOR: no escape" sh -c \
		"NO_COLOR=1 script -qec 'rs-dispatch list -f table' /dev/null >out.tty && grep -q '! RS-20261122-0001' out.tty && ! grep -q \"\$(printf '\\033')\" out.tty"
fi
tok "table into a pipe: no escape" sh -c "rs-dispatch list -f table | grep -q '^! RS' && ! rs-dispatch list -f table | grep -q \"\$(printf '\\033')\""

# --- --due-within D: next deadline at or before 10:00 + D, overdue included.
tcase "--due-within 3m: up to 10:03, the ties included" 0 "RS-20261121-0001
RS-20261122-0001
RS-20261122-0004
RS-20261122-0002
RS-20261122-0003
RS-20261122-0007" '' sh -c 'rs-dispatch list --due-within 3m -H | cut -f1'
tcase "--due-within 2m: 10:03 is after 10:02" 0 "RS-20261121-0001
RS-20261122-0001
RS-20261122-0004
RS-20261122-0002" '' sh -c 'rs-dispatch list --due-within 2m -H | cut -f1'
tcase "--due-within 0m: the overdue ones" 0 "$(rs-dispatch list --overdue)" '' rs-dispatch list --due-within 0m
tcase "--due-within 0m --as-of 10:04: the six overdue" 0 "6" '' \
	sh -c 'rs-dispatch list --due-within 0m --as-of 10:04 -H | wc -l'
tcase "--due-within 1h with --overdue: the overdue ones" 0 "4" '' \
	sh -c 'rs-dispatch list --due-within 1h --overdue -H | wc -l'
tcase "--due-within 1d: every row with a deadline" 0 "6" '' sh -c 'rs-dispatch list --due-within 1d -H | wc -l'
for bad in 3 3x m -3m 1w 1.5h ''; do
	tcase "--due-within '$bad': exit 1" 1 '' "rs-dispatch: --due-within: bad duration '$bad' (want N followed by m, h or d: 30m, 2h, 1d)" \
		rs-dispatch list --due-within "$bad"
done
tcase "--due-within on assign: usage" 2 '' '*' rs-dispatch assign RS-20261122-0001 --provider P01 --due-within 1h

# --- --columns: those columns, in that order, in every format.
tcase "--columns in tsv" 0 "due_at	case_id
2026-11-21T23:05:00+08:00	RS-20261121-0001
2026-11-22T09:05:00+08:00	RS-20261122-0001" '' sh -c 'rs-dispatch list --columns due_at,case_id | head -3'
tcase "--columns in csv" 0 "case_id,overdue
RS-20261121-0001,y" '' sh -c 'rs-dispatch list --columns case_id,overdue -f csv | head -2 | tr -d "\r"'
tcase "--columns in json" 0 '{"next":"dispatch","case_id":"RS-20261121-0001"}' '' \
	sh -c 'rs-dispatch list --columns next,case_id -f json | head -1'
tcase "--columns in a table: short times, still marked without the overdue column" 0 "  case_id           opened_at    age_min
! RS-20261121-0001  11-21 23:00  660" '' \
	sh -c 'rs-dispatch list --columns case_id,opened_at,age_min -f table | head -2'
KNOWN='case_id|state|priority|road|provider|opened_at|age_min|next|due_at|overdue'
tcase "--columns: unknown name, did you mean" 2 '' \
	"rs-dispatch: list: --columns: unknown value 'dueat' (want $KNOWN); did you mean 'due_at'? (see rs-dispatch list --help)" \
	rs-dispatch list --columns case_id,dueat
tcase "--columns: unknown name, nothing near" 2 '' \
	"rs-dispatch: list: --columns: unknown value 'colour' (want $KNOWN) (see rs-dispatch list --help)" \
	rs-dispatch list --columns colour
tcase "--columns: a name twice" 2 '' \
	"rs-dispatch: list: --columns: column 'state' named twice (see rs-dispatch list --help)" \
	rs-dispatch list --columns state,case_id,state
tcase "--columns: an empty name" 2 '' \
	"rs-dispatch: list: --columns: an empty column name in 'case_id,' (see rs-dispatch list --help)" \
	rs-dispatch list --columns case_id,
tcase "--columns '': an empty name" 2 '' \
	"rs-dispatch: list: --columns: an empty column name in '' (see rs-dispatch list --help)" \
	rs-dispatch list --columns ''
tcase "--columns of rs-intake list" 0 "case_id	phone
RS-20261121-0001	13800000001" '' sh -c 'rs-intake list --columns case_id,phone | head -2'
tcase "--columns of rs-intake list: unknown" 2 '' '*' rs-intake list --columns case_id,fone
tcase "--columns of rs-callback due: unknown" 2 '' '*' rs-callback due --columns kind,dueby
tcase "--columns of rs-callback list" 0 "case_id	result" '' rs-callback list --columns case_id,result
tcase "--columns of rs-complain list: unknown" 2 '' '*' rs-complain list --columns levle

# --- a value too long for its column is cut with "…" (by display width):
# case_id 16 + state 8 + opened_at 11 + priority 8 + service 7, with
# 2 between columns, leave 80 - 60 = 20 columns for the location: nine
# CJK characters (18) and the ellipsis (1); a tenth would make 21.
rs-intake -q --phone 13800000009 --service tyre --at 09:59 \
	--location '深圳市福田区深南大道与彩田路交叉口往东约三百米的公交站旁边' >/dev/null 2>&1
tcase "rs-intake list -f table: a long location cut to fit 80 columns" 0 "RS-20261122-0008  open      09:59        4         tyre     深圳市福田区深南大…" '' \
	sh -c 'rs-intake list -f table | tail -1'
tcase "rs-intake list -f table --wide: nothing cut" 0 "1" '' \
	sh -c 'rs-intake list -f table --wide | grep -c 公交站旁边'
tcase "rs-intake list tsv: the location whole" 0 "深圳市福田区深南大道与彩田路交叉口往东约三百米的公交站旁边" '' \
	sh -c 'rs-intake list --columns location | tail -1'

# --- rs-complain list --due-within: the next deadline is contact_due until
# the complaint is contacted, then resolve_due until it is resolved.
#   CP-20261121-0001  opened 11-21 10:30, level 1: contact due 11-22 10:30
#   CP-20261121-0002  opened 11-21 09:00, level 2, contacted 12:00: resolve due 11-23 09:00
#   CP-20261120-0001  opened 11-20 08:00, level 1, not contacted: due 11-21 08:00 (overdue)
#   CP-20261120-0002  resolved: nothing due
jdir
rs-intake -q --phone 13900000001 --location 罗湖区1号 --service tyre --at 2026-11-20T07:00 >/dev/null 2>&1
rs-intake -q --phone 13900000002 --location 罗湖区2号 --service tyre --at 2026-11-20T07:10 >/dev/null 2>&1
c() { rs-complain -q "$@" >/dev/null 2>&1; }
c open --case RS-20261120-0001 --category attitude --demand 道歉 --at 2026-11-21T10:30
c open --case RS-20261120-0002 --category late --level 2 --demand 退款 --at 2026-11-21T09:00
c contact CP-20261121-0002 --at 2026-11-21T12:00
c open --case RS-20261120-0001 --category fee --level 1 --demand 退款 --at 2026-11-20T08:00
c open --case RS-20261120-0002 --category fee --level 1 --demand 退款 --at 2026-11-20T08:30
c resolve CP-20261120-0002 --remedy apology --note 已道歉 --at 2026-11-20T09:00
tcase "complain --due-within 30m: the overdue one and 10:30" 0 "CP-20261121-0001
CP-20261120-0001" '' sh -c 'rs-complain list --due-within 30m -H | cut -f1'
tcase "complain --due-within 29m: 10:30 is after 10:29" 0 "CP-20261120-0001" '' \
	sh -c 'rs-complain list --due-within 29m -H | cut -f1'
tcase "complain --due-within 23h: resolve due 11-23 09:00 in" 0 "CP-20261121-0001
CP-20261121-0002
CP-20261120-0001" '' sh -c 'rs-complain list --due-within 23h -H | cut -f1'
tcase "complain --due-within 22h: 11-23 09:00 is after 11-23 08:00" 0 "CP-20261121-0001
CP-20261120-0001" '' sh -c 'rs-complain list --due-within 22h -H | cut -f1'
tcase "complain --due-within bad: exit 1" 1 '' "rs-complain: --due-within: bad duration '2 h' (want N followed by m, h or d: 30m, 2h, 1d)" \
	rs-complain list --due-within '2 h'
tcase "complain list -f table: default columns, overdue marked" 0 "  complaint_id      state      level  category  contact_due  resolve_due
  CP-20261121-0001  open       1      attitude  10:30        10:30
  CP-20261121-0002  contacted  2      late      09:00        11-23 09:00
! CP-20261120-0001  open       1      fee       11-21 08:00  11-21 08:00
  CP-20261120-0002  resolved   1      fee       11-21 08:30  11-21 08:30" '' rs-complain list -f table
tcase "complain list tsv: every column" 0 "13" '' sh -c 'rs-complain list | head -1 | awk -F"\t" "{ print NF }"'

# --- the sample's volume: no line of any list's table wider than 80
# display columns, in English and in Chinese; --wide is wider.
S="-d $SAMPLES/journal --as-of 2026-11-22T18:00"
export RS_LOCALEDIR=$TOP/build/locale
for l in "rs-intake list" "rs-dispatch list" "rs-dispatch list --all" "rs-complain list" \
    "rs-callback due" "rs-callback list"; do
	$l $S -f table >"$T/en.txt"
	env -u LC_ALL LANG=zh_CN.UTF-8 $l $S -f table >"$T/zh.txt"
	tcase "$l -f table at volume: 80 columns" 0 '' '' wider 80 "$T/en.txt"
	tcase "$l -f table at volume, Chinese: 80 columns" 0 '' '' wider 80 "$T/zh.txt"
	tok "$l -f table at volume: one line per row" sh -c "[ \$(wc -l <'$T/en.txt') -eq \$($l $S | wc -l) ]"
done
rs-intake list $S -f table --wide >"$T/wide.txt"
tok "rs-intake list --wide at volume is wider" test "$(wider 80 "$T/wide.txt" | wc -l)" -gt 0
tok "rs-dispatch list at volume: overdue rows first" sh -c \
	"rs-dispatch list $S -H | cut -f10 | uniq | tr '\n' ' ' | grep -qx 'y n '"
unset RS_LOCALEDIR
