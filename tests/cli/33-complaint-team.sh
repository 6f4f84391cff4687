# 33-complaint-team.sh - the complaint team (SPEC 4.3, 6 rs-complain,
# 10 weekly): handlers (assign, list --handler), remedy items (remedy,
# resolve --amount, the compensation column), flags stored on open and
# accumulated by escalate, the level explanation, and the weekly
# review's crisis, compensation and suggestions sections; then the
# samples: 王芳's open complaints and the seed's crisis story.
. "$TOP/tests/cli/data/report/rows.sh"

newdir "$T/team"
export RS_DIR=$J
opened RS-20261120-0001 2026-11-20T09:00:00+08:00 customer=张三丰 phone=13912345678
opened RS-20261120-0002 2026-11-20T09:05:00+08:00 injuries=1
opened RS-20261120-0003 2026-11-20T09:10:00+08:00 phone=13700000003
# A reached service callback with a suggestion that names the customer
# and gives his phone; one of the week before, not in W47's review.
cb 2026-11-14T10:00:00+08:00 case_id=RS-20261120-0003 kind=audit result=reached overall=4 suggestion=上周的建议
cb 2026-11-21T10:00:00+08:00 case_id=RS-20261120-0001 kind=service result=reached overall=4 \
    suggestion="张三丰建议: 到场前打 13912345678 确认位置"
C1=CP-20261120-0001 C2=CP-20261120-0002 C3=CP-20261120-0003 C4=CP-20261120-0004
why() { printf 'rs-complain: %s: %s' "$1" "$2"; }
# ev3 ARGS: rs-complain ARGS, printing event, level, handler and flags of the row.
ev3() { rs-complain -H "$@" >"$T/.r"; _rc=$?; cut -f5,7,18,19 "$T/.r"; return $_rc; }

# --- flags on open; the level explained -------------------------------
tcase "media: level 4, flag media" 0 "opened	4		media" "$(why $C1 'level 4: --media')" \
    ev3 open --case RS-20261120-0001 --category fee --demand 退款 --media --at 2026-11-20T10:00
# An explicit level is taken as it is, explained by nobody; the case's
# injuries are stored all the same.
tcase "explicit level: flags stored" 0 "opened	2		injuries" "" \
    ev3 open --case RS-20261120-0002 --category late --demand 道歉 --level 2 --at 2026-11-20T10:05
# Case 1 has C1: a repeat complainant, attitude 1 + 1.
tcase "repeat: named in the explanation" 0 "opened	2		repeat" \
    "$(why $C3 'level 1: category attitude; +1: repeat complainant (CP-20261120-0001)')" \
    ev3 open --case RS-20261120-0001 --category attitude --demand 道歉 --at 2026-11-20T10:10
tcase "no flags" 0 "opened	2		" "$(why $C4 'level 2: category other')" \
    ev3 open --case RS-20261120-0003 --category other --demand x --at 2026-11-20T10:15
# C4 is on case 3 already: C5 is a repeat (damage 3 + 1).
# -q trims stdout to the id; the explanation is a warning and stays on stderr.
tcase "-q: only the id, the explanation on stderr" 0 "CP-20261120-0005" \
    "rs-complain: CP-20261120-0005: level 3: --safety, category damage; +1: repeat complainant (CP-20261120-0004)" \
    rs-complain -q open --case RS-20261120-0003 --category damage --demand x --safety --at 2026-11-20T10:20

# --- escalate adds flags, never removes them -----------------------------
tcase "escalate --legal: with the old ones" 0 "escalated	3		legal,repeat" "" \
    ev3 escalate $C3 --level 3 --legal
tcase "escalate without flags: none written" 0 "escalated	3		" "" ev3 escalate $C2 --level 3
tcase "escalate --safety keeps injuries" 0 "escalated	4		safety,injuries" "" \
    ev3 escalate $C2 --level 4 --safety
tcase "open --help names the flags" 0 "are stored in flags, with --level too. --provider defaults to the case's" "" \
    sh -c "rs-complain open --help | grep -F 'stored in flags'"

# --- assign -----------------------------------------------------------------
tcase "assign" 0 "assigned		王芳	" "" ev3 assign $C1 --handler 王芳
tcase "assign another" 0 "assigned		李静	" "" ev3 assign $C3 --handler 李静 --note 王芳休假
tcase "assign needs --handler" 2 "" "rs-complain: assign: --handler is required (see rs-complain assign --help)" \
    rs-complain assign $C1
tcase "assign an empty handler" 1 "" "rs-complain: --handler: empty name" rs-complain assign $C1 --handler ''
tcase "assign: no such complaint" 1 "" "rs-complain: CP-20261120-0099: no such complaint" \
    rs-complain assign CP-20261120-0099 --handler 王芳

# --- remedy items -------------------------------------------------------------
# rs-complain -H remedy prints the row: remedy, amount, note.
rem() { rs-complain -H remedy "$@" >"$T/.r"; _rc=$?; cut -f5,12,13,17 "$T/.r"; return $_rc; }
tcase "remedy: the service fee" 0 "remedy	refund	380	服务费" "" rem $C1 --remedy refund --amount 380 --note 服务费
tcase "remedy: the ticket" 0 "remedy	compensation	1280.5	机票" "" \
    rem $C1 --remedy compensation --amount 1280.5 --note 机票
tcase "remedy needs --amount" 2 "" "rs-complain: remedy: --amount is required (see rs-complain remedy --help)" \
    rs-complain remedy $C1 --remedy refund
tcase "remedy needs --remedy" 2 "" "rs-complain: remedy: --remedy is required (see rs-complain remedy --help)" \
    rs-complain remedy $C1 --amount 1
tcase "remedy: bad amount" 1 "" "rs-complain: $C1: column amount: bad amount '1.234'" \
    rs-complain remedy $C1 --remedy refund --amount 1.234
tcase "remedy: unknown remedy" 1 "" \
    "rs-complain: --remedy: unknown value 'cash' (want apology|refund|partial-refund|voucher|upgrade|compensation|repair|none)" \
    rs-complain remedy $C1 --remedy cash --amount 1
tcase "remedy on an undetermined complaint" 0 "$C3" "" rs-complain -q remedy $C3 --remedy voucher --amount 50
tcase "investigate C1" 0 "$C1" "" rs-complain -q investigate $C1 --responsible platform
tcase "contact C1" 0 "$C1" "" rs-complain -q contact $C1
tcase "resolve with an amount: an item too" 0 "$C1" "" rs-complain -q resolve $C1 --remedy compensation --amount 100
tcase "close C1" 0 "$C1" "" rs-complain -q close $C1
tcase "closed: no remedy" 1 "" "rs-complain: $C1: complaint is closed; cannot record a remedy" \
    rs-complain remedy $C1 --remedy voucher --amount 10
tcase "closed: no assign" 1 "" "rs-complain: $C1: complaint is closed; cannot assign" \
    rs-complain assign $C1 --handler 李静
tcase "rs-journal check: the team's rows are good" 0 "" "*" rs-journal check

# --- list: handler, compensation, --handler ----------------------------------
# C1's items: 380 + 1280.50 + 100 (the resolve) = 1760.50; C3's 50.00.
tcase "list: handler and compensation" 0 "$(printf '%s\n' \
    "$C1	closed	王芳	1760.50" "$C2	open		" "$C3	open	李静	50.00" "$C4	open		" \
    "CP-20261120-0005	open		")" "" \
    sh -c "rs-complain list -H | cut -f1,3,12,13"
tcase "list --handler" 0 "$C1" "" sh -c "rs-complain list -H --handler 王芳 | cut -f1"
tcase "list --handler --open: none of hers is open" 0 "" "" rs-complain list -H --handler 王芳 --open
tcase "list --handler --open" 0 "$C3" "" sh -c "rs-complain list -H --handler 李静 --open | cut -f1"
tcase "list json: compensation is a number" 0 '"handler":"王芳","compensation":1760.50}' "" \
    sh -c "rs-complain list -f json --handler 王芳 | grep -o '\"handler.*'"

# --- the weekly review of W47 [11-16, 11-23) ---------------------------------
# crisis: level 4 at --as-of (C1 media, C2 escalated, safety) or a media,
#   legal or safety flag (C3 legal at level 3); C5 (safety; damage 3 + 1
#   as a repeat: C4 is on the same case); not C4 (level 2, no flag).
# compensation: the 4 items given this week: refund 380.00, compensation
#   1280.50 + 100.00 = 1380.50, voucher 50.00; total 1810.50; by
#   responsible: C1's platform 1760.50, C3's undetermined 50.00.
# suggestions: the W47 reached callback's, name and phone masked.
W="rs-report weekly --as-of 2026-11-23T00:00"
tcase "weekly: crisis" 0 "$C1 $C2 $C3 CP-20261120-0005" "" \
    sh -c "$W -f json | jq -r '.crisis | join(\" \")'"
tcase "weekly: crisis table" 0 "$(printf '%s\n' \
    "complaint_id	case_id	level	flags	category	state	handler	compensation" \
    "$C1	RS-20261120-0001	4	media	fee	closed	王芳	1760.50" \
    "$C2	RS-20261120-0002	4	safety,injuries	late	open		" \
    "$C3	RS-20261120-0001	3	legal,repeat	attitude	open	李静	50.00" \
    "CP-20261120-0005	RS-20261120-0003	4	safety,repeat	damage	open		")" "" \
    $W -f tsv --section crisis
tcase "weekly: compensation json" 0 \
    '  "compensation": {"total": 1810.50, "items": 4, "by_remedy": {"compensation": 1380.50, "refund": 380.00, "voucher": 50.00}, "by_responsible": {"platform": 1760.50, "undetermined": 50.00}},' "" \
    sh -c "$W -f json | grep '^  \"compensation\"'"
tcase "weekly: compensation by remedy tsv" 0 "$(printf '%s\n' "remedy	amount" \
    "compensation	1380.50" "refund	380.00" "voucher	50.00")" "" \
    $W -f tsv --section compensation_by_remedy
tcase "weekly: compensation items" 0 "$(printf '%s\n' \
    "$C1	refund	380.00	platform" "$C1	compensation	1280.50	platform" \
    "$C1	compensation	100.00	platform" "$C3	voucher	50.00	undetermined")" "" \
    sh -c "$W -f tsv -H --section compensation_items | cut -f1,4,5,6"
tcase "weekly: suggestions masked" 0 "RS-20261120-0001	2026-11-21T10:00:00+08:00	张**建议: 到场前打 139****5678 确认位置" "" \
    $W -f tsv -H --section suggestions
tcase "weekly: suggestions --show-pii" 0 "张三丰建议: 到场前打 13912345678 确认位置" "" \
    sh -c "$W -f json --show-pii | jq -r '.suggestions[].suggestion'"

# --- the samples -------------------------------------------------------------------
# 王芳's desk at the end of the samples: her complaints not resolved or closed.
tcase "samples: list --handler 王芳 --open" 0 "$(printf '%s\n' \
    "complaint_id	case_id	state	level	category	responsible	provider	opened_at	contact_due	resolve_due	overdue	handler	compensation" \
    "CP-SZ-20261108-0003	RS-SZ-20261108-0138	contacted	1	attitude		P027	2026-11-08T11:58:38+08:00	2026-11-09T11:58:38+08:00	2026-11-09T11:58:38+08:00	y	王芳	" \
    "CP-SZ-20261121-0006	RS-SZ-20261121-0026	investigating	1	attitude	provider	P004	2026-11-21T15:52:01+08:00	2026-11-22T15:52:01+08:00	2026-11-22T15:52:01+08:00	y	王芳	" \
    "CP-SZ-20261122-0004	RS-SZ-20261122-0085	investigating	2	agent	agent	P035	2026-11-22T10:18:03+08:00	2026-11-23T10:18:03+08:00	2026-11-24T10:18:03+08:00	n	王芳	" \
    "CP-SZ-20261122-0007	RS-SZ-20261122-0052	open	2	fee		P036	2026-11-22T16:06:02+08:00	2026-11-23T16:06:02+08:00	2026-11-24T16:06:02+08:00	n	王芳	")" "" \
    rs-complain -d "$SAMPLES/journal" list --handler 王芳 --open --as-of 2026-11-23
# The seed's second story (李先生, RS-SZ-20261103-0195): escalated to 4 with
# the media flag, kept by 王经理, compensated item by item on 11-04: the
# service fee 380.00, the ticket 1280.00, the hotel 460.00, five VIP
# rescues 0.00 = 2120.00. It is a crisis of W45 and its items are in W45's
# compensation.
SW="rs-report -d $SAMPLES/journal weekly --week 2026-W45 --as-of 2026-11-23"
tcase "samples: the story is a crisis of W45" 0 \
    "CP-SZ-20261103-0009	RS-SZ-20261103-0195	4	media	late	closed	王经理	2120.00" "" \
    sh -c "$SW -f tsv -H --section crisis | grep -F CP-SZ-20261103-0009"
tcase "samples: its items in W45's compensation" 0 "$(printf '%s\n' \
    "2026-11-04T10:44:00+08:00	refund	380.00" \
    "2026-11-04T10:46:00+08:00	compensation	1280.00" \
    "2026-11-04T10:48:00+08:00	compensation	460.00" \
    "2026-11-04T10:50:00+08:00	upgrade	0.00")" "" \
    sh -c "$SW -f tsv -H --section compensation_items | grep -F CP-SZ-20261103-0009 | cut -f3-5"
tcase "samples: the story's items, item by item in the journal" 0 \
    "全额退还服务费;机票损失(18:05航班,截图为证);酒店损失一晚;赠送5次VIP专属救援服务" "" \
    sh -c "awk -F'\t' '\$3 == \"CP-SZ-20261103-0009\" && \$5 == \"remedy\" { print \$17 }' '$SAMPLES/journal/complaints.tsv' | paste -sd ';'"
