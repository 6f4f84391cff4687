# 31-callback.sh - rs-callback: the due list at the edges of each window
# (opening, closing, overdue, dropped, after the last no-answer, after a
# reached call), with the default rules and with a rules.tsv that changes
# the windows; recording calls and their checks; the list of calls.

# Fixture rows are written straight into the journal files (header + rows
# in schema column order); ts defaults to at; rows go in ts order.
. "$TOP/tests/cli/data/report/rows.sh"
t() { printf '%s\n' "$@" | tr '|' '\t'; }
D=20261120 DT=2026-11-20
A=RS-$D-0001 B=RS-$D-0002 C=RS-$D-0003 DD=RS-$D-0004 E=RS-$D-0005
CD=CP-$D-0001 CE=CP-$D-0002
HD=kind$'\t'case_id$'\t'complaint_id$'\t'customer$'\t'phone$'\t'due_from$'\t'due_by$'\t'attempts$'\t'overdue
# at N T: run a command with the clock at 2026-11-20T (or a full time).
at() { local w=$1; shift; case $w in *-*) ;; *) w=${DT}T$w;; esac; RS_NOW=$w:00+08:00 "$@"; }

# The story of one morning: A, B and C completed (B never answers, C
# is reached); D cancelled, with a level 3 complaint; E, still open,
# with a level 2 complaint whose callback is refused.
fixture() {
	jrow cases at=${DT}T08:00:00+08:00 case_id=$A event=opened customer=张三 phone=13800000001 location=x service=tyre
	jrow cases at=${DT}T08:00:00+08:00 case_id=$B event=opened customer=李四 phone=13800000002 location=x service=tyre
	jrow cases at=${DT}T08:00:00+08:00 case_id=$C event=opened customer=王五 phone=13800000003 location=x service=tyre
	jrow cases at=${DT}T08:00:00+08:00 case_id=$DD event=opened customer=赵六 phone="+86 139-0000-0004" location=x service=tow
	jrow cases at=${DT}T08:00:00+08:00 case_id=$E event=opened customer=孙七 phone=13800000005 location=x service=fuel
	jrow cases at=${DT}T08:10:00+08:00 case_id=$B event=amended phone=13800000222
	jrow dispatch at=${DT}T08:05:00+08:00 case_id=$A event=assigned provider=P1
	jrow dispatch at=${DT}T08:05:00+08:00 case_id=$B event=assigned provider=P2
	jrow dispatch at=${DT}T08:05:00+08:00 case_id=$C event=assigned provider=P3
	jrow dispatch at=${DT}T08:05:00+08:00 case_id=$DD event=assigned provider=P4
	jrow dispatch at=${DT}T08:20:00+08:00 case_id=$DD event=cancelled note=客户自行解决
	jrow dispatch at=${DT}T08:30:00+08:00 case_id=$A event=arrived
	jrow dispatch at=${DT}T09:00:00+08:00 case_id=$A event=completed outcome=tyre-changed
	jrow dispatch at=${DT}T09:30:00+08:00 case_id=$B event=arrived
	jrow dispatch at=${DT}T10:00:00+08:00 case_id=$B event=completed outcome=tyre-changed
	jrow dispatch at=${DT}T10:00:00+08:00 case_id=$C event=completed outcome=remote
	setup at 08:30 rs-complain -q open --case $DD --category dispatch --demand 解释 --level 3 >/dev/null
	setup at 08:30 rs-complain -q open --case $E --category fee --demand 退款 >/dev/null
	setup at 09:00 rs-complain -q contact $CD >/dev/null
	setup at 09:00 rs-complain -q contact $CE >/dev/null
	setup at 12:00 rs-complain -q resolve $CD --remedy apology >/dev/null
	setup at 12:00 rs-complain -q resolve $CE --remedy refund --amount 80 >/dev/null
	setup at 11:00 rs-callback -q record $B --kind service --result no-answer >/dev/null
	setup at 11:30 rs-callback -q record $C --kind service --result reached --overall 5 >/dev/null
	setup at 12:00 rs-callback -q record $B --kind service --result no-answer >/dev/null
	setup at 13:00 rs-callback -q record $B --kind service --result no-answer >/dev/null
	setup at 13:00 rs-callback -q record $E --kind complaint --complaint $CE --result refused >/dev/null
}
due() { rs-callback due --as-of "$@"; }

# Rows of the due list.
RA="service|$A||张三|13800000001|2026-11-20T09:00:00+08:00|2026-11-21T09:00:00+08:00|0"
RB="service|$B||李四|13800000222|2026-11-20T10:00:00+08:00|2026-11-21T10:00:00+08:00"
RC="service|$C||王五|13800000003|2026-11-20T10:00:00+08:00|2026-11-21T10:00:00+08:00|0"
RD="complaint|$DD|$CD|赵六|+86 139-0000-0004|2026-11-20T12:00:00+08:00|2026-11-22T12:00:00+08:00|0"
RE="complaint|$E|$CE|孙七|13800000005|2026-11-20T12:00:00+08:00|2026-11-22T12:00:00+08:00|0"
R2="second|$DD|$CD|赵六|+86 139-0000-0004|2026-11-27T12:00:00+08:00|2026-12-05T12:00:00+08:00|0"

# ---------------------------------------------------------------------------
# Default rules: service 24 h, complaint 48 h, second 7-15 d, 3 attempts,
# dropped 7 d after due_by.
jdir
tok "fixture" fixture
tcase "before the first completion" 0 "$HD" "" due ${DT}T08:59
tcase "service window opens at completion" 0 "$(t "$HD" "$RA|n")" "" due ${DT}T09:00
tcase "ordered by due_by, then case" 0 "$(t "$HD" "$RA|n" "$RB|0|n" "$RC|n")" "" due ${DT}T10:00
tcase "two no-answers: still due; reached: done" 0 "$(t "$HD" "$RA|n" "$RB|2|n" "$RD|n" "$RE|n")" "" \
    due ${DT}T12:30
tcase "third no-answer and a refusal: done" 0 "$(t "$HD" "$RA|n" "$RD|n")" "" due ${DT}T13:00
tcase "service at due_by: not overdue" 0 "$(t "$HD" "$RA|n" "$RD|n")" "" due 2026-11-21T09:00
tcase "service just after due_by: overdue" 0 "$(t "$HD" "$RA|y" "$RD|n")" "" due 2026-11-21T09:01
tcase "complaint at due_by (48 h)" 0 "$(t "$HD" "$RA|y" "$RD|n")" "" due 2026-11-22T12:00
tcase "complaint just after 48 h" 0 "$(t "$HD" "$RA|y" "$RD|y")" "" due 2026-11-22T12:01
tcase "second not yet open" 0 "$(t "$HD" "$RA|y" "$RD|y")" "" due 2026-11-27T11:59
tcase "second opens at resolution + 7 d" 0 "$(t "$HD" "$RA|y" "$RD|y" "$R2|n")" "" due 2026-11-27T12:00
tcase "service dropped 7 d after due_by" 0 "$(t "$HD" "$RD|y" "$R2|n")" "" due 2026-11-28T09:00
tcase "complaint kept until 7 d after due_by" 0 "$(t "$HD" "$RD|y" "$R2|n")" "" due 2026-11-29T11:59
tcase "complaint dropped" 0 "$(t "$HD" "$R2|n")" "" due 2026-11-29T12:00
tcase "second at resolution + 15 d" 0 "$(t "$HD" "$R2|n")" "" due 2026-12-05T12:00
tcase "second overdue after + 15 d" 0 "$(t "$HD" "$R2|y")" "" due 2026-12-05T12:01
tcase "second kept until 7 d later" 0 "$(t "$HD" "$R2|y")" "" due 2026-12-12T11:59
tcase "second dropped" 0 "$HD" "" due 2026-12-12T12:00
tcase "--kind second" 0 "$(t "$HD" "$R2|n")" "" due 2026-11-27T12:00 --kind second
tcase "--kind service" 0 "$(t "$RA|y")" "" rs-callback due -H --as-of 2026-11-27T12:00 --kind service
tcase "--kind audit is never scheduled" 0 "" "" rs-callback due -H --as-of 2026-11-27T12:00 --kind audit
tcase "bad --kind" 1 "" "rs-callback: --kind: unknown value 'sms' (want service|complaint|second|audit)" \
    rs-callback due --kind sms
tcase "json" 0 '{"kind":"complaint","case_id":"RS-20261120-0004","complaint_id":"CP-20261120-0001","customer":"赵六","phone":"+86 139-0000-0004","due_from":"2026-11-20T12:00:00+08:00","due_by":"2026-11-22T12:00:00+08:00","attempts":0,"overdue":false}' "" \
    rs-callback due --as-of 2026-11-21T12:00 --kind complaint -f json
# A call before the window opened answers nothing (the complaint was still open).
tcase "reached the complaint callback" 0 "$DD" "" at 2026-11-21T10:00 rs-callback -q record $DD --kind complaint \
    --complaint $CD --result reached --overall 4 --resolved y --comment 满意
tcase "a reached call ends the window" 0 "$(t "$HD" "$RA|y")" "" due 2026-11-21T10:00
tcase "as of before the call it was due" 0 "$(t "$HD" "$RA|n" "$RD|n")" "" due 2026-11-21T08:00

# ---------------------------------------------------------------------------
# rules.tsv: service 12 h, complaint 24 h, second 3-5 d, 2 attempts,
# dropped 1 d after due_by.
jdir
mkdir -p "$RS_DIR"
printf '# a faster desk\ncallback.service_h\t12\ncallback.complaint_h\t24\n\ncallback.second_from_d\t3\ncallback.second_to_d\t5\ncallback.max_attempts\t2\ncallback.expire_d\t1\n' \
    >"$RS_DIR/rules.tsv"
tok "fixture with rules" fixture
RA="service|$A||张三|13800000001|2026-11-20T09:00:00+08:00|2026-11-20T21:00:00+08:00|0"
RB="service|$B||李四|13800000222|2026-11-20T10:00:00+08:00|2026-11-20T22:00:00+08:00"
RD="complaint|$DD|$CD|赵六|+86 139-0000-0004|2026-11-20T12:00:00+08:00|2026-11-21T12:00:00+08:00|0"
RE="complaint|$E|$CE|孙七|13800000005|2026-11-20T12:00:00+08:00|2026-11-21T12:00:00+08:00|0"
R2="second|$DD|$CD|赵六|+86 139-0000-0004|2026-11-23T12:00:00+08:00|2026-11-25T12:00:00+08:00|0"
tcase "rules: one no-answer" 0 "$(t "$HD" "$RA|n" "$RB|1|n")" "" due ${DT}T11:59
tcase "rules: 2 no-answers are done" 0 "$(t "$HD" "$RA|n" "$RD|n" "$RE|n")" "" due ${DT}T12:00
tcase "rules: service at + 12 h" 0 "$(t "$HD" "$RA|n" "$RD|n")" "" due ${DT}T21:00
tcase "rules: service after + 12 h" 0 "$(t "$HD" "$RA|y" "$RD|n")" "" due ${DT}T21:01
tcase "rules: complaint after + 24 h" 0 "$(t "$HD" "$RA|y" "$RD|y")" "" due 2026-11-21T12:01
tcase "rules: service dropped after 1 d" 0 "$(t "$HD" "$RD|y")" "" due 2026-11-21T21:00
tcase "rules: complaint dropped after 1 d" 0 "$HD" "" due 2026-11-22T12:00
tcase "rules: second not before + 3 d" 0 "$HD" "" due 2026-11-23T11:59
tcase "rules: second from + 3 d" 0 "$(t "$HD" "$R2|n")" "" due 2026-11-23T12:00
tcase "rules: second overdue after + 5 d" 0 "$(t "$HD" "$R2|y")" "" due 2026-11-25T12:01
tcase "rules: second dropped" 0 "$HD" "" due 2026-11-26T12:00
printf 'callback.max_attempts\t0\n' >"$RS_DIR/rules.tsv"
tcase "rules: bad value" 1 "" \
    "rs-callback: $RS_DIR/rules.tsv:1: bad value '0' for callback.max_attempts (want a count, 1-100)" \
    rs-callback due
printf '# x\ncallback.second_d\t7\n' >"$RS_DIR/rules.tsv"
tcase "rules: unknown key" 1 "" "rs-callback: $RS_DIR/rules.tsv:2: unknown rule 'callback.second_d'" \
    rs-callback record $A --kind service --result no-answer
rm "$RS_DIR/rules.tsv"

# ---------------------------------------------------------------------------
# record: checks.
jdir
tok "fixture again" fixture
HR=ts$'\t'at$'\t'case_id$'\t'complaint_id$'\t'kind$'\t'result$'\t'overall$'\t'timeliness$'\t'professionalism$'\t'attitude$'\t'resolved$'\t'nps$'\t'comment$'\t'suggestion$'\t'agent$'\t'ref
tcase "record a reached service call" 0 "$(t "$HR" \
    "2026-11-22T10:00:00+08:00|2026-11-22T09:58:00+08:00|$A||service|reached|5|4|5|5|y|9|师傅很专业|早点到就好了|回访组|")" "" \
    rs-callback record $A --kind service --result reached --overall 5 --timeliness 4 \
    --professionalism 5 --attitude 5 --resolved y --nps 9 --comment 师傅很专业 \
    --suggestion 早点到就好了 --agent 回访组 --at 09:58
tcase "low overall: hint" 0 "$A" \
    "rs-callback: $A: hint: overall 2 is low; no complaint is open for the case: rs-complain open --case $A --category C --demand TEXT" \
    rs-callback -q record $A --kind audit --result reached --overall 2
tcase "low nps: hint" 0 "$A" \
    "rs-callback: $A: hint: nps 6 is low; no complaint is open for the case: rs-complain open --case $A --category C --demand TEXT" \
    rs-callback -q record $A --kind audit --result reached --overall 4 --nps 6
tcase "overall 3 and nps 7: no hint" 0 "$A" "" rs-callback -q record $A --kind audit --result reached --overall 3 --nps 7
tcase "open a complaint" 0 "CP-20261122-0001" "rs-complain: CP-20261122-0001: level 1: category attitude" rs-complain -q open --case $A --category attitude --demand x
tcase "low score with a complaint open: no hint" 0 "$A" "" \
    rs-callback -q record $A --kind service --result reached --overall 1 --nps 0
tcase "score 6" 1 "" "rs-callback: --overall: bad score '6' (want 1-5)" \
    rs-callback record $A --kind service --result reached --overall 6
tcase "score 0" 1 "" "rs-callback: --attitude: bad score '0' (want 1-5)" \
    rs-callback record $A --kind service --result reached --overall 3 --attitude 0
tcase "nps 11" 1 "" "rs-callback: --nps: bad score '11' (want 0-10)" \
    rs-callback record $A --kind service --result reached --overall 3 --nps 11
tcase "score not a number" 1 "" "rs-callback: --timeliness: bad score '4.5' (want 1-5)" \
    rs-callback record $A --kind service --result reached --overall 3 --timeliness 4.5
tcase "scores only when reached" 1 "" "rs-callback: --overall: scores are recorded only with --result reached" \
    rs-callback record $A --kind service --result no-answer --overall 3
tcase "nps only when reached" 1 "" "rs-callback: --nps: scores are recorded only with --result reached" \
    rs-callback record $A --kind service --result refused --nps 3
tcase "resolved only when reached" 1 "" "rs-callback: --resolved: recorded only with --result reached" \
    rs-callback record $A --kind service --result wrong-number --resolved n
tcase "bad resolved" 1 "" "rs-callback: --resolved: bad value 'yes' (want y or n)" \
    rs-callback record $A --kind service --result reached --overall 3 --resolved yes
tcase "reached needs --overall" 2 "" \
    "rs-callback: record: --overall is required with --result reached (see rs-callback record --help)" \
    rs-callback record $A --kind service --result reached --nps 9
tcase "complaint kind needs --complaint" 2 "" \
    "rs-callback: record: --complaint is required with --kind complaint (see rs-callback record --help)" \
    rs-callback record $DD --kind complaint --result no-answer
tcase "second kind needs --complaint" 2 "" \
    "rs-callback: record: --complaint is required with --kind second (see rs-callback record --help)" \
    rs-callback record $DD --kind second --result no-answer
tcase "complaint of another case" 1 "" "rs-callback: $CE: complaint is about $E, not $DD" \
    rs-callback record $DD --kind complaint --complaint $CE --result no-answer
tcase "no such complaint" 1 "" "rs-callback: CP-$D-0009: no such complaint" \
    rs-callback record $DD --kind complaint --complaint CP-$D-0009 --result no-answer
tcase "not a complaint id" 1 "" "rs-callback: CP-1: not a complaint id (CP-YYYYMMDD-NNNN)" \
    rs-callback record $DD --kind second --complaint CP-1 --result no-answer
tcase "no such case" 1 "" "rs-callback: RS-$D-0099: no such case" \
    rs-callback record RS-$D-0099 --kind service --result no-answer
tcase "bad kind" 1 "" "rs-callback: --kind: unknown value 'email' (want service|complaint|second|audit)" \
    rs-callback record $A --kind email --result no-answer
tcase "bad result" 1 "" "rs-callback: --result: unknown value 'busy' (want reached|no-answer|refused|wrong-number)" \
    rs-callback record $A --kind service --result busy
tcase "missing --kind" 2 "" "rs-callback: record: --kind is required (see rs-callback record --help)" \
    rs-callback record $A --result busy
tcase "missing --result" 2 "" "rs-callback: record: --result is required (see rs-callback record --help)" \
    rs-callback record $A --kind service
tcase "missing case" 2 "" "rs-callback: record: missing CASE (see rs-callback record --help)" \
    rs-callback record --kind service --result no-answer
tcase "bad comment" 1 "" "rs-callback: --comment: bad text: control character U+0007" \
    rs-callback record $A --kind service --result reached --overall 3 --comment $'ding\a'
tcase "unknown option" 2 "" "rs-callback: record: unknown option '--level' (see rs-callback record --help)" \
    rs-callback record $A --kind service --result no-answer --level 2
tcase "unknown command" 2 "" "rs-callback: unknown command 'call' (see rs-callback --help)" rs-callback call
tcase "help" 0 "*" "" rs-callback --help
tcase "help of record" 0 "*" "" rs-callback record -h

# ---------------------------------------------------------------------------
# list: the calls.
tcase "list by at, [since, until)" 0 "$(t "$HR" \
    "2026-11-20T11:30:00+08:00|2026-11-20T11:30:00+08:00|$C||service|reached|5||||||||tester|" \
    "2026-11-20T12:00:00+08:00|2026-11-20T12:00:00+08:00|$B||service|no-answer|||||||||tester|")" "" \
    rs-callback list --since ${DT}T11:30 --until ${DT}T13:00
tcase "list --kind" 0 "$(t \
    "2026-11-20T13:00:00+08:00|2026-11-20T13:00:00+08:00|$E|$CE|complaint|refused|||||||||tester|")" "" \
    rs-callback list -H --kind complaint
tcase "list --as-of" 0 "$(t \
    "2026-11-20T11:00:00+08:00|2026-11-20T11:00:00+08:00|$B||service|no-answer|||||||||tester|")" "" \
    rs-callback list -H --as-of ${DT}T11:29
tcase "list: everything" 0 "10" "" sh -c 'rs-callback list -H | wc -l'
tcase "list table" 0 "*" "" rs-callback list -f table
