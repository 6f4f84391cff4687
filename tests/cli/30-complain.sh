# 30-complain.sh - rs-complain: the level rule (lateness from real dispatch
# rows, the repeat-complainant bump and its cap), every legal and illegal
# transition, deadlines before and after an escalation, list filters,
# rules.tsv overrides and errors.

# Fixture rows are written straight into the journal files (header + rows
# in schema column order), so these tests do not depend on rs-intake or
# rs-dispatch. ts defaults to at; rows go in ts order.
. "$TOP/tests/cli/data/report/rows.sh"
# mkcase ID AT PHONE ROAD [col=value...]
mkcase() {
	local id=$1 at=$2 phone=$3 road=$4
	shift 4
	jrow cases at="$at" case_id="$id" event=opened customer=客户 phone="$phone" \
	    location=深圳 road="$road" service=tyre "$@"
}
# t FIELD|FIELD... prints lines with | turned into tabs.
t() { printf '%s\n' "$@" | tr '|' '\t'; }
# why N TEXT: the level explanation rs-complain open prints for CP-$D-N.
why() { printf 'rs-complain: CP-%s-%s: %s' "$D" "$1" "$2"; }
# opn ARGS: rs-complain open, printing only "id<TAB>level".
opn() { rs-complain -H open "$@" >"$T/.o"; _rc=$?; cut -f3,7 "$T/.o"; return $_rc; }
# state CP: "state level" from the list.
state() { rs-complain -H list | awk -F'\t' -v id="$1" '$1 == id { print $3, $4 }'; }
# ov T: id and level of the complaints overdue at T.
ov() { rs-complain -H list --overdue --as-of "$1" >"$T/.o"; _rc=$?; cut -f1,4 "$T/.o"; return $_rc; }

D=20261122 DT=2026-11-22
H=complaint_id$'\t'case_id$'\t'state$'\t'level$'\t'category$'\t'responsible$'\t'provider$'\t'opened_at$'\t'contact_due$'\t'resolve_due$'\t'overdue$'\t'handler$'\t'compensation

# ---------------------------------------------------------------------------
# The level rule.
jdir

# Earlier complaints for the repeat rule, 90 days before 2026-11-22T10:00
# (2026-08-24T10:00 is inside the window, 09:59 outside).
mkcase RS-20260824-0001 2026-08-24T09:00:00+08:00 13900000001 city
mkcase RS-20260824-0002 2026-08-24T09:00:00+08:00 13900000002 city
tcase "old complaint, phone 2" 0 "CP-20260824-0001" "rs-complain: CP-20260824-0001: level 2: category other" \
    env RS_NOW=2026-08-24T09:59:00+08:00 rs-complain -q open --case RS-20260824-0002 --category other --demand x
tcase "old complaint, phone 1" 0 "CP-20260824-0002" "rs-complain: CP-20260824-0002: level 2: category other" \
    env RS_NOW=2026-08-24T10:00:00+08:00 rs-complain -q open --case RS-20260824-0001 --category other --demand x

# Late cases opened at 08:00: the arrival deadline is 08:30 in the city,
# 09:00 on a highway or rural road.
mkcase RS-$D-0001 ${DT}T08:00:00+08:00 13800000001 city
mkcase RS-$D-0002 ${DT}T08:00:00+08:00 13800000002 city
mkcase RS-$D-0003 ${DT}T08:00:00+08:00 13800000003 city
mkcase RS-$D-0004 ${DT}T08:00:00+08:00 13800000004 city
mkcase RS-$D-0005 ${DT}T08:00:00+08:00 13800000005 highway
mkcase RS-$D-0006 ${DT}T08:00:00+08:00 13800000006 rural
mkcase RS-$D-0007 ${DT}T08:00:00+08:00 13800000007 city
mkcase RS-$D-0008 ${DT}T08:00:00+08:00 13800000008 ""
mkcase RS-$D-0009 ${DT}T08:00:00+08:00 13800000009 city
mkcase RS-$D-0010 ${DT}T08:00:00+08:00 13800000010 city
mkcase RS-$D-0011 ${DT}T08:00:00+08:00 13800000011 city
mkcase RS-$D-0012 ${DT}T08:00:00+08:00 13800000012 city
mkcase RS-$D-0013 ${DT}T08:00:00+08:00 13800000013 highway injuries=2 fault=accident
mkcase RS-$D-0014 ${DT}T08:00:00+08:00 "139 0000 0001" city
mkcase RS-$D-0015 ${DT}T08:00:00+08:00 139-0000-0002 city
mkcase RS-$D-0016 ${DT}T08:00:00+08:00 13800000016 city injuries=0
for i in 0001 0002 0003 0004 0005 0006 0007 0008 0009; do
	jrow dispatch at=${DT}T08:02:00+08:00 case_id=RS-$D-$i event=assigned provider=P$i
done
jrow dispatch at=${DT}T08:10:00+08:00 case_id=RS-$D-0009 event=arrived
jrow dispatch at=${DT}T08:59:59+08:00 case_id=RS-$D-0001 event=arrived
jrow dispatch at=${DT}T09:00:00+08:00 case_id=RS-$D-0002 event=arrived
jrow dispatch at=${DT}T09:29:00+08:00 case_id=RS-$D-0003 event=arrived
jrow dispatch at=${DT}T09:29:00+08:00 case_id=RS-$D-0005 event=arrived
jrow dispatch at=${DT}T09:30:00+08:00 case_id=RS-$D-0004 event=arrived
jrow dispatch at=${DT}T09:30:00+08:00 case_id=RS-$D-0006 event=arrived
jrow dispatch at=${DT}T09:50:00+08:00 case_id=RS-$D-0007 event=arrived

tcase "late 29:59 city -> 1" 0 "$(t "CP-$D-0001|1")" "$(why 0001 'level 1: arrival 29 min past its deadline')" opn --case RS-$D-0001 --category late --demand 道歉
tcase "late 30:00 city -> 2" 0 "$(t "CP-$D-0002|2")" "$(why 0002 'level 2: arrival 30 min past its deadline')" opn --case RS-$D-0002 --category late --demand 道歉
tcase "late 59 city -> 2" 0 "$(t "CP-$D-0003|2")" "$(why 0003 'level 2: arrival 59 min past its deadline')" opn --case RS-$D-0003 --category late --demand 道歉
tcase "late 60 city -> 3" 0 "$(t "CP-$D-0004|3")" "$(why 0004 'level 3: arrival 60 min past its deadline')" opn --case RS-$D-0004 --category late --demand 道歉
tcase "late 29 highway -> 1" 0 "$(t "CP-$D-0005|1")" "$(why 0005 'level 1: arrival 29 min past its deadline')" opn --case RS-$D-0005 --category late --demand 道歉
tcase "late 30 rural -> 2" 0 "$(t "CP-$D-0006|2")" "$(why 0006 'level 2: arrival 30 min past its deadline')" opn --case RS-$D-0006 --category late --demand 道歉
# Case 7 arrived at 09:50, after the complaint made at 09:15: measured to 09:15.
tcase "late, complaint before arrival -> 2" 0 "$(t "CP-$D-0007|2")" \
    "$(why 0007 'level 2: no arrival yet, 45 min past its deadline')" opn --case RS-$D-0007 --category late --demand 道歉 --at ${DT}T09:15
# Case 8 (no road: city limits) has no arrival: 08:30 to now (10:00) is 90 min.
tcase "late, no arrival yet -> 3" 0 "$(t "CP-$D-0008|3")" "$(why 0008 'level 3: no arrival yet, 90 min past its deadline')" opn --case RS-$D-0008 --category late --demand 道歉
tcase "late but early arrival -> 1" 0 "$(t "CP-$D-0009|1")" "$(why 0009 'level 1: arrival 20 min before its deadline')" opn --case RS-$D-0009 --category late --demand 道歉
tcase "no-show -> 3" 0 "$(t "CP-$D-0010|3")" "$(why 0010 'level 3: category no-show')" opn --case RS-$D-0010 --category no-show --demand 道歉
tcase "attitude -> 1" 0 "$(t "CP-$D-0011|1")" "$(why 0011 'level 1: category attitude')" opn --case RS-$D-0011 --category attitude --demand 道歉
tcase "fee -> 2" 0 "$(t "CP-$D-0012|2")" "$(why 0012 'level 2: category fee')" opn --case RS-$D-0012 --category fee --demand 退款
# Case 12 now has a complaint: the next ones on it are repeats (+1).
tcase "technical, same case again -> 3" 0 "$(t "CP-$D-0013|3")" "$(why 0013 'level 2: category technical; +1: repeat complainant (CP-20261122-0012)')" opn --case RS-$D-0012 --category technical --demand x
tcase "damage -> 3" 0 "$(t "CP-$D-0014|3")" "$(why 0014 'level 3: category damage')" opn --case RS-$D-0016 --category damage --demand 赔偿
tcase "injuries 0 is no injury: other -> 2" 0 "$(t "CP-$D-0015|2")" \
    "" opn --case RS-$D-0010 --category other --demand x --level 2
tcase "safety -> 3" 0 "$(t "CP-$D-0016|3")" "" opn --case RS-$D-0011 --category attitude --demand x --safety --level 3
tcase "injuries -> 4" 0 "$(t "CP-$D-0017|4")" "$(why 0017 'level 4: 2 injured on the case')" opn --case RS-$D-0013 --category attitude --demand x
tcase "explicit --level wins over injuries" 0 "$(t "CP-$D-0018|1")" \
    "" opn --case RS-$D-0013 --category attitude --demand x --level 1
# Phone 1 ("139 0000 0001" = 13900000001) complained 2026-08-24T10:00, exactly 90 days ago.
tcase "repeat phone: attitude 1 -> 2" 0 "$(t "CP-$D-0019|2")" "$(why 0019 'level 1: category attitude; +1: repeat complainant (CP-20260824-0002)')" opn --case RS-$D-0014 --category attitude --demand x
# Phone 2 complained 2026-08-24T09:59, 90 days and 1 minute ago.
tcase "not a repeat after 90 days: attitude -> 1" 0 "$(t "CP-$D-0020|1")" \
    "$(why 0020 'level 1: category attitude')" opn --case RS-$D-0015 --category attitude --demand x
tcase "repeat: safety 3 -> 4" 0 "$(t "CP-$D-0021|4")" "$(why 0021 'level 3: --safety; +1: repeat complainant (CP-20261122-0019)')" opn --case RS-$D-0014 --category fee --demand x --safety
tcase "repeat: media 4 stays 4" 0 "$(t "CP-$D-0022|4")" "$(why 0022 'level 4: --media; repeat complainant (CP-20261122-0021), already 4')" opn --case RS-$D-0014 --category fee --demand x --media
tcase "legal -> 4" 0 "$(t "CP-$D-0023|4")" "" opn --case RS-$D-0002 --category other --demand x --legal --level 4
# A complaint at an earlier at than one already opened does not count that one.
tcase "back-filled before the first: no repeat" 0 "$(t "CP-$D-0024|3")" \
    "$(why 0024 'level 3: category damage')" opn --case RS-$D-0016 --category damage --demand x --at ${DT}T07:00
tcase "case provider defaults to last assigned" 0 "P0003" \
    "" sh -c "rs-complain -H list | awk -F'\t' '\$1 == \"CP-$D-0003\" { print \$7 }'"
tcase "explicit provider" 0 "$(t "CP-$D-0025|2")" \
    "" opn --case RS-$D-0001 --category late --demand x --provider P9 --level 2
# Case 5 has complaint 5 already: fee 2 + 1.
tcase "the complaint row" 0 "$(t \
    "ts|at|complaint_id|case_id|event|agent|level|category|responsible|provider|demand|remedy|amount|action|owner|due|note|handler|flags|ref" \
    "2026-11-22T10:00:00+08:00|2026-11-22T10:00:00+08:00|CP-$D-0026|RS-$D-0005|opened|客服小李|3|fee|provider|P0005|退还拖车费||||||客户很生气||repeat|")" \
    "$(why 0026 'level 2: category fee; +1: repeat complainant (CP-20261122-0005)')" rs-complain open --case RS-$D-0005 --category fee --demand 退还拖车费 --responsible provider \
    --note 客户很生气 --agent 客服小李

# Errors on open.
tcase "unknown case" 1 "" "rs-complain: RS-$D-0099: no such case; did you mean 'RS-$D-0009'?" \
    rs-complain open --case RS-$D-0099 --category late --demand x
tcase "malformed case" 1 "" "rs-complain: RS-1: not a case id (RS-YYYYMMDD-NNNN)" \
    rs-complain open --case RS-1 --category late --demand x
tcase "missing --case" 2 "" "rs-complain: open: --case is required (see rs-complain open --help)" \
    rs-complain open --category late --demand x
tcase "missing --category" 2 "" "rs-complain: open: --category is required (see rs-complain open --help)" \
    rs-complain open --case RS-$D-0001 --demand x
tcase "missing --demand" 2 "" "rs-complain: open: --demand is required (see rs-complain open --help)" \
    rs-complain open --case RS-$D-0001 --category late
tcase "bad category" 1 "" \
    "rs-complain: --category: unknown value 'slow' (want late|no-show|attitude|technical|fee|damage|location|dispatch|agent|other)" \
    rs-complain open --case RS-$D-0001 --category slow --demand x
tcase "bad level" 1 "" "rs-complain: --level: bad level '5' (want 1-4)" \
    rs-complain open --case RS-$D-0001 --category late --demand x --level 5
tcase "option of another command" 2 "" "rs-complain: open: unknown option '--remedy' (see rs-complain open --help)" \
    rs-complain open --case RS-$D-0001 --category late --demand x --remedy refund
tcase "escape in text" 1 "" "rs-complain: --demand: bad text: control character U+001B" \
    rs-complain open --case RS-$D-0001 --category late --demand $'\e[31mx'
tcase "at too far ahead" 1 "" "rs-complain: --at: 2026-11-22T10:06:00+08:00 is more than 5 minutes in the future" \
    rs-complain open --case RS-$D-0001 --category late --demand x --at ${DT}T10:06
tcase "nothing written by the errors (header, 2 + 26 rows)" 0 "29" "" sh -c 'wc -l <"$RS_DIR/complaints.tsv"'

# ---------------------------------------------------------------------------
# Transitions: every legal one, and every illegal one naming the state.
jdir
mkcase RS-$D-0001 ${DT}T08:00:00+08:00 13800000001 city
for i in 1 2 3 4 5 6; do
	tcase "open $i" 0 "CP-$D-000$i" "" rs-complain -q open --case RS-$D-0001 --category fee --demand x --level 1
done
A=CP-$D-0001 B=CP-$D-0002 C=CP-$D-0003 E=CP-$D-0004 F=CP-$D-0005 G=CP-$D-0006
ill() { # ill NAME STATE VERB CMD ARGS...
	local name=$1 st=$2 verb=$3
	shift 3
	tcase "$name" 1 "" "rs-complain: $2: complaint is $st; cannot $verb" rs-complain "$@"
}
# open: close and reopen are illegal; the others legal.
ill "open: close" open close close $A
ill "open: reopen" open reopen reopen $A --note x
tcase "open: resolve without contact needs a note" 1 "" \
    "rs-complain: $A: complaint was never contacted; resolving without contact needs --note saying why" \
    rs-complain resolve $A --remedy apology
tcase "open: escalate" 0 "$A" "" rs-complain -q escalate $A --level 2
tcase "escalate to the same level" 1 "" \
    "rs-complain: $A: complaint is level 2; cannot escalate to level 2 (escalation only raises the level)" \
    rs-complain escalate $A --level 2
tcase "escalate down" 1 "" \
    "rs-complain: $A: complaint is level 2; cannot escalate to level 1 (escalation only raises the level)" \
    rs-complain escalate $A --level 1
tcase "open: action" 0 "$A" "" rs-complain -q action $A --action 培训 --owner 质检 --due 2026-12-01
tcase "open: contact" 0 "$A" "" rs-complain -q contact $A --note 已致歉
tcase "state contacted" 0 "contacted 2" "" state $A
ill "contacted: close" contacted close close $A
ill "contacted: reopen" contacted reopen reopen $A --note x
tcase "contacted: contact again" 0 "$A" "" rs-complain -q contact $A
tcase "still contacted" 0 "contacted 2" "" state $A
tcase "contacted: escalate" 0 "$A" "" rs-complain -q escalate $A --level 3
tcase "contacted: investigate" 0 "$A" "" rs-complain -q investigate $A --responsible provider --note 轨迹显示绕路
tcase "state investigating" 0 "investigating 3" "" state $A
ill "investigating: close" investigating close close $A
ill "investigating: reopen" investigating reopen reopen $A --note x
tcase "investigating: contact keeps investigating" 0 "$A" "" rs-complain -q contact $A
tcase "investigating: investigate again" 0 "$A" "" rs-complain -q investigate $A --responsible dispatch
tcase "investigating: escalate" 0 "$A" "" rs-complain -q escalate $A --level 4
tcase "state investigating 4" 0 "investigating 4" "" state $A
tcase "investigating: resolve" 0 "$A" "" rs-complain -q resolve $A --remedy refund --amount 120.50
tcase "state resolved" 0 "resolved 4" "" state $A
ill "resolved: escalate" resolved escalate escalate $A --level 4
ill "resolved: contact" resolved contact contact $A
ill "resolved: investigate" resolved investigate investigate $A --responsible none
ill "resolved: resolve" resolved resolve resolve $A --remedy none --note x
tcase "resolved: action" 0 "$A" "" rs-complain -q action $A --action 罚款 --owner 车队 --due 2026-12-02
tcase "resolved: close" 0 "$A" "" rs-complain -q close $A
tcase "state closed" 0 "closed 4" "" state $A
ill "closed: escalate" closed escalate escalate $A --level 4
ill "closed: contact" closed contact contact $A
ill "closed: investigate" closed investigate investigate $A --responsible none
ill "closed: resolve" closed resolve resolve $A --remedy none
ill "closed: close" closed close close $A
tcase "closed: action" 0 "$A" "" rs-complain -q action $A --action 复盘 --owner 投诉组 --due 2026-12-03
tcase "action-done closes the latest open action" 0 "$(t "action-done|复盘|投诉组")" \
    "" sh -c "rs-complain -H action-done $A | cut -f5,14,15"
tcase "then the one before" 0 "$(t "action-done|罚款|车队")" \
    "" sh -c "rs-complain -H action-done $A --note 已罚款 | cut -f5,14,15"
tcase "then the first" 0 "$(t "action-done|培训|质检")" \
    "" sh -c "rs-complain -H action-done $A | cut -f5,14,15"
tcase "action-done with none open" 1 "" "rs-complain: $A: complaint has no open action" \
    rs-complain action-done $A
tcase "closed: reopen" 0 "$A" "" rs-complain -q reopen $A --note 客户仍不满意
tcase "state open again" 0 "open 4" "" state $A
tcase "reopened, contacted before: resolve without note" 0 "$A" "" rs-complain -q resolve $A --remedy voucher
tcase "resolved: reopen" 0 "$A" "" rs-complain -q reopen $A --note 二次投诉
tcase "resolve again" 0 "$A" "" rs-complain -q resolve $A --remedy compensation --amount 500
# B: open -> investigate (the seed investigates before calling back).
tcase "open: investigate" 0 "$B" "" rs-complain -q investigate $B --responsible platform --provider P7
tcase "investigated complaint names the provider" 0 "P7" \
    "" sh -c "rs-complain -H list | awk -F'\t' '\$1 == \"$B\" { print \$7 }'"
tcase "investigating, never contacted: resolve needs a note" 1 "" \
    "rs-complain: $B: complaint was never contacted; resolving without contact needs --note saying why" \
    rs-complain resolve $B --remedy apology
# C: open -> resolve with a note skips contact.
tcase "open: resolve with a note" 0 "$C" "" rs-complain -q resolve $C --remedy none --note '客户撤诉, 无法联系'
tcase "resolved: reopen (C)" 0 "$C" "" rs-complain -q reopen $C --note x
tcase "resolution counts as contact (SPEC 10)" 0 "$C" "" rs-complain -q resolve $C --remedy apology
# E: action in open; action-done in open.
tcase "open: action-done with none" 1 "" "rs-complain: $E: complaint has no open action" rs-complain action-done $E
tcase "open: action (E)" 0 "$E" "" rs-complain -q action $E --action x --owner y --due 2026-12-01
tcase "open: action-done" 0 "$E" "" rs-complain -q action-done $E
# F: contacted -> resolve; G: close after resolve then reopen from closed covered above.
tcase "F contact" 0 "$F" "" rs-complain -q contact $F
tcase "contacted: resolve" 0 "$F" "" rs-complain -q resolve $F --remedy apology
tcase "G escalate beyond 4" 1 "" "rs-complain: --level: bad level '9' (want 1-4)" rs-complain escalate $G --level 9

tcase "states" 0 "$(t "$H" \
    "$A|RS-$D-0001|resolved|4|fee|dispatch||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||620.50" \
    "$B|RS-$D-0001|investigating|1|fee|platform|P7|2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "$C|RS-$D-0001|resolved|1|fee|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "$E|RS-$D-0001|open|1|fee|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "$F|RS-$D-0001|resolved|1|fee|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "$G|RS-$D-0001|open|1|fee|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||")" \
    "" rs-complain list

tcase "no such complaint" 1 "" "rs-complain: CP-$D-0099: no such complaint" rs-complain contact CP-$D-0099
tcase "not a complaint id" 1 "" "rs-complain: RS-$D-0001: not a complaint id (CP-YYYYMMDD-NNNN)" \
    rs-complain contact RS-$D-0001
tcase "missing id" 2 "" "rs-complain: contact: missing CP (see rs-complain contact --help)" rs-complain contact
tcase "escalate without --level" 2 "" "rs-complain: escalate: --level is required (see rs-complain escalate --help)" \
    rs-complain escalate $G
tcase "investigate without --responsible" 2 "" \
    "rs-complain: investigate: --responsible is required (see rs-complain investigate --help)" rs-complain investigate $G
tcase "resolve without --remedy" 2 "" "rs-complain: resolve: --remedy is required (see rs-complain resolve --help)" \
    rs-complain resolve $G
tcase "reopen without --note" 2 "" \
    "rs-complain: reopen: --note is required (why it is reopened) (see rs-complain reopen --help)" rs-complain reopen $A
tcase "action without --due" 2 "" "rs-complain: action: --due is required (see rs-complain action --help)" \
    rs-complain action $G --action x --owner y
tcase "action with a bad due date" 1 "" "rs-complain: --due: bad date '2026-02-30' (want YYYY-MM-DD)" \
    rs-complain action $G --action x --owner y --due 2026-02-30
tcase "bad remedy" 1 "" \
    "rs-complain: --remedy: unknown value 'cash' (want apology|refund|partial-refund|voucher|upgrade|compensation|repair|none)" \
    rs-complain resolve $G --remedy cash
tcase "bad amount" 1 "" "rs-complain: $E: column amount: bad amount '1.234'" \
    rs-complain resolve $E --remedy refund --amount 1.234 --note x
tcase "unknown command" 2 "" "rs-complain: unknown command 'frobnicate' (see rs-complain --help)" rs-complain frobnicate
tcase "no command" 2 "" "rs-complain: missing command (want open, escalate, contact, investigate, resolve, close, reopen, action, action-done, assign, remedy or list) (see rs-complain --help)" rs-complain
tcase "help" 0 "*" "" rs-complain --help
tcase "help of a command" 0 "*" "" rs-complain list --help
tcase "version" 0 "rs-complain (rs) 0.1.0" "" rs-complain -V

# ---------------------------------------------------------------------------
# Deadlines: contact 24 h; resolution 24/48/72/24 h by the level in force.
jdir
mkcase RS-$D-0001 ${DT}T08:00:00+08:00 13800000001 city
for l in 1 2 3 4; do
	tcase "open level $l" 0 "CP-$D-000$l" "" rs-complain -q open --case RS-$D-0001 --category other --demand x --level $l
	tcase "contact level $l" 0 "CP-$D-000$l" "" rs-complain -q contact CP-$D-000$l
done
tcase "uncontacted" 0 "CP-$D-0005" "" rs-complain -q open --case RS-$D-0001 --category other --demand x --level 2
tcase "to escalate" 0 "CP-$D-0006" "" rs-complain -q open --case RS-$D-0001 --category other --demand x --level 2
tcase "contact 6" 0 "CP-$D-0006" "" rs-complain -q contact CP-$D-0006
tcase "escalate at 12:00" 0 "CP-$D-0006" "" env RS_NOW=${DT}T12:00:00+08:00 rs-complain -q escalate CP-$D-0006 --level 4

tcase "list before the escalation" 0 "$(t "$H" \
    "CP-$D-0001|RS-$D-0001|contacted|1|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "CP-$D-0002|RS-$D-0001|contacted|2|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-24T10:00:00+08:00|n||" \
    "CP-$D-0003|RS-$D-0001|contacted|3|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-25T10:00:00+08:00|n||" \
    "CP-$D-0004|RS-$D-0001|contacted|4|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "CP-$D-0005|RS-$D-0001|open|2|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-24T10:00:00+08:00|n||" \
    "CP-$D-0006|RS-$D-0001|contacted|2|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-24T10:00:00+08:00|n||")" \
    "" rs-complain list --as-of ${DT}T11:59
tcase "escalation moved the deadline" 0 "$(t \
    "CP-$D-0004|RS-$D-0001|contacted|4|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||" \
    "CP-$D-0006|RS-$D-0001|contacted|4|other|||2026-11-22T10:00:00+08:00|2026-11-23T10:00:00+08:00|2026-11-23T10:00:00+08:00|n||")" \
    "" rs-complain -H list --as-of ${DT}T12:00 --level 4 --open --since ${DT}T10:00 --until ${DT}T10:01 --category other
tcase "overdue just before 24 h" 0 "" "" ov 2026-11-23T09:59:59
tcase "overdue at 24 h (not yet past)" 0 "" "" ov 2026-11-23T10:00:00
tcase "overdue just after 24 h" 0 "$(t "CP-$D-0001|1" "CP-$D-0004|4" "CP-$D-0005|2" "CP-$D-0006|4")" \
    "" ov 2026-11-23T10:00:01
tcase "overdue just before 48 h" 0 "$(t "CP-$D-0001|1" "CP-$D-0004|4" "CP-$D-0005|2" "CP-$D-0006|4")" \
    "" ov 2026-11-24T09:59
tcase "overdue just after 48 h" 0 "$(t "CP-$D-0001|1" "CP-$D-0002|2" "CP-$D-0004|4" "CP-$D-0005|2" "CP-$D-0006|4")" \
    "" ov 2026-11-24T10:01
tcase "overdue just before 72 h" 0 "$(t "CP-$D-0001|1" "CP-$D-0002|2" "CP-$D-0004|4" "CP-$D-0005|2" "CP-$D-0006|4")" \
    "" ov 2026-11-25T09:59
tcase "overdue just after 72 h" 0 "$(t "CP-$D-0001|1" "CP-$D-0002|2" "CP-$D-0003|3" "CP-$D-0004|4" "CP-$D-0005|2" "CP-$D-0006|4")" \
    "" ov 2026-11-25T10:01
# Before the escalation was written (--as-of 11:59) complaint 6 was level 2.
tcase "as of before the escalation" 0 "$(t "CP-$D-0006|2")" \
    "" sh -c "rs-complain -H list --as-of ${DT}T11:59 | cut -f1,4 | grep 0006"
tcase "resolved ones are not overdue" 0 "CP-$D-0001" "" env RS_NOW=${DT}T13:00:00+08:00 rs-complain -q resolve CP-$D-0001 --remedy apology
tcase "contacted late is no longer overdue for contact" 0 "CP-$D-0005" \
    "" env RS_NOW=2026-11-23T11:00:00+08:00 rs-complain -q contact CP-$D-0005
tcase "after resolving and contacting" 0 "$(t "CP-$D-0004|4" "CP-$D-0006|4")" "" ov 2026-11-23T12:00
tcase "json" 0 '{"complaint_id":"CP-20261122-0004","case_id":"RS-20261122-0001","state":"contacted","level":4,"category":"other","responsible":null,"provider":null,"opened_at":"2026-11-22T10:00:00+08:00","contact_due":"2026-11-23T10:00:00+08:00","resolve_due":"2026-11-23T10:00:00+08:00","overdue":true,"handler":null,"compensation":null}
{"complaint_id":"CP-20261122-0006","case_id":"RS-20261122-0001","state":"contacted","level":4,"category":"other","responsible":null,"provider":null,"opened_at":"2026-11-22T10:00:00+08:00","contact_due":"2026-11-23T10:00:00+08:00","resolve_due":"2026-11-23T10:00:00+08:00","overdue":true,"handler":null,"compensation":null}' \
    "" rs-complain list --as-of 2026-11-23T12:00 --overdue --level 4 --until ${DT}T10:00:01 -f json --since ${DT}T10:00 --category other

# rules.tsv changes the deadlines.
printf '# shorter for the test\ncomplaint.contact_h\t2\ncomplaint.resolve_h.4\t4\n' >"$RS_DIR/rules.tsv"
# Complaint 5 was contacted only the next day: past its 2 h contact deadline.
tcase "rules: just before 4 h" 0 "$(t "CP-$D-0005|2")" "" ov 2026-11-22T13:59
tcase "rules: just after 4 h" 0 "$(t "CP-$D-0004|4" "CP-$D-0005|2" "CP-$D-0006|4")" "" ov 2026-11-22T14:01
tcase "rules: contact deadline not yet past" 0 "" "" ov 2026-11-22T12:00
printf 'complaint.resolve_h.5\t4\n' >"$RS_DIR/rules.tsv"
tcase "rules: unknown key" 1 "" "rs-complain: $RS_DIR/rules.tsv:1: unknown rule 'complaint.resolve_h.5'" \
    rs-complain list
printf '\n# x\ncomplaint.contact_h\tsoon\n' >"$RS_DIR/rules.tsv"
tcase "rules: bad value" 1 "" \
    "rs-complain: $RS_DIR/rules.tsv:3: bad value 'soon' for complaint.contact_h (want hours, 1-8760)" \
    rs-complain contact CP-$D-0002
rm -f "$RS_DIR/rules.tsv"

# Bad rows in the journal are skipped with a warning.
printf 'garbage\n' >>"$RS_DIR/complaints.tsv"
tcase "bad row skipped" 0 "CP-$D-0002" "*" rs-complain -q contact CP-$D-0002
