# 32-stories.sh - the two complaint stories of seed 001 (道路救援投诉),
# told through rs-complain and rs-callback.
#
# Story A (Shenzhen): 李先生's tyre burst on the airport highway; the
# platform's GPS drift sent the truck the wrong way, 1 h 20 min late; he
# missed his flight and threatened to go to the media. Recorded by the
# agent, marked 特急A级 by the complaint team within half an hour,
# recordings and tracks checked (dispatch pointed the wrong way, the
# truck detoured), responsibility with dispatch and the platform's map;
# 王经理 called him 16 hours later: apology, full refund of the service
# fee, the air ticket and the hotel, 5 VIP rescues; the dispatcher fined
# and retrained, the positioning bug fixed; callback within 48 h and a
# second one two weeks later: "虽然过程闹心, 但处理结果还能接受".
#
# Story B: 12月5日 afternoon, 京A12345, 张师傅 arrived 50 minutes late
# (he stopped for fuel on the way); 王女士 asked for a refund and an
# apology. Investigated, contacted within 24 h, refunded, callback
# within 48 h; the fleet tightens punctuality checks.

. "$TOP/tests/cli/data/report/rows.sh"
t() { printf '%s\n' "$@" | tr '|' '\t'; }
# when TIME CMD...: run CMD with the clock at TIME (local, +08:00).
when() { local w=$1; shift; RS_NOW=$w:00+08:00 "$@"; }
H=complaint_id$'\t'case_id$'\t'state$'\t'level$'\t'category$'\t'responsible$'\t'provider$'\t'opened_at$'\t'contact_due$'\t'resolve_due$'\t'overdue$'\t'handler$'\t'compensation
HD=kind$'\t'case_id$'\t'complaint_id$'\t'customer$'\t'phone$'\t'due_from$'\t'due_by$'\t'attempts$'\t'overdue

jdir
SA=RS-20261110-0001 SB=RS-20261205-0001
CA=CP-20261110-0001 CB=CP-20261205-0001

# The cases and their dispatch rows, as rs-intake and rs-dispatch write them.
jrow cases at=2026-11-10T13:00:00+08:00 case_id=$SA event=opened agent=客服小陈 call_at=2026-11-10T12:58:00+08:00 \
    channel=phone customer=李先生 phone=13912345678 plate=粤B88888 vehicle="大众 帕萨特" energy=ice \
    location="深圳机场高速 往机场方向 K12" lat=22.6180 lon=113.8510 road=highway service=tyre fault=tyre \
    symptom="爆胎, 赶飞机" can_start=y injuries=0 priority=2 eta_promised=45
jrow cases at=2026-12-05T16:00:00+08:00 case_id=$SB event=opened agent=客服小赵 customer=王女士 \
    phone=13611112222 plate=京A12345 location="北京朝阳区建国路88号" road=city service=jumpstart \
    fault=battery can_start=n priority=3
jrow dispatch at=2026-11-10T13:04:00+08:00 case_id=$SA event=assigned agent=调度小刘 provider=P-SZ07 \
    technician=陈师傅 eta=40 distance_km=18.5
jrow dispatch at=2026-11-10T13:10:00+08:00 case_id=$SA event=notified agent=客服小陈
jrow dispatch at=2026-11-10T13:12:00+08:00 case_id=$SA event=enroute
jrow dispatch at=2026-11-10T15:20:00+08:00 case_id=$SA event=arrived note=平台定位漂移, 绕路
jrow dispatch at=2026-11-10T15:50:00+08:00 case_id=$SA event=completed outcome=tyre-changed fee=350.00
jrow dispatch at=2026-12-05T16:03:00+08:00 case_id=$SB event=assigned provider=P-BJ12 technician=张师傅 eta=25
jrow dispatch at=2026-12-05T17:20:00+08:00 case_id=$SB event=arrived
jrow dispatch at=2026-12-05T17:35:00+08:00 case_id=$SB event=completed outcome=jumpstarted fee=280.00

# --- Story A ---------------------------------------------------------------
# The agent records it: late, arrival 15:20 against a 14:00 highway
# deadline = 80 min late: level 3; provider from the last assignment.
tcase "A: recorded by the agent" 0 "$(t \
    "ts|at|complaint_id|case_id|event|agent|level|category|responsible|provider|demand|remedy|amount|action|owner|due|note|handler|flags|ref" \
    "2026-11-10T15:40:00+08:00|2026-11-10T15:40:00+08:00|$CA|$SA|opened|客服小陈|3|late||P-SZ07|赔偿机票和酒店损失, 否则找媒体曝光||||||错过航班 CZ3456, 机票 1980 元, 酒店 450 元, 截图已存|||")" \
    "rs-complain: $CA: level 3: arrival 80 min past its deadline" \
    when 2026-11-10T15:40 rs-complain open --case $SA --category late \
    --demand "赔偿机票和酒店损失, 否则找媒体曝光" --note "错过航班 CZ3456, 机票 1980 元, 酒店 450 元, 截图已存" --agent 客服小陈
tcase "A: 72 h to resolve at level 3" 0 "$(t "$H" \
    "$CA|$SA|open|3|late||P-SZ07|2026-11-10T15:40:00+08:00|2026-11-11T15:40:00+08:00|2026-11-13T15:40:00+08:00|n||")" "" \
    rs-complain list --as-of 2026-11-10T15:45
# Within half an hour the team marks it 特急A级: media threat, level 4.
tcase "A: escalated to crisis" 0 "$CA" "" when 2026-11-10T16:10 rs-complain -q escalate $CA --level 4 \
    --note "客户扬言上媒体曝光, 特急A级" --agent 投诉组
tcase "A: 24 h to resolve at level 4" 0 "$(t "$H" \
    "$CA|$SA|open|4|late||P-SZ07|2026-11-10T15:40:00+08:00|2026-11-11T15:40:00+08:00|2026-11-11T15:40:00+08:00|n||")" "" \
    rs-complain list --as-of 2026-11-10T16:15
tcase "A: recordings and tracks" 0 "$CA" "" when 2026-11-10T16:30 rs-complain -q investigate $CA \
    --responsible platform --note "录音: 调度指错方向; 轨迹: 救援车绕路; 原因: 平台地图定位漂移" --agent 投诉组
# The service callback that evening: he will not talk; no callback hint
# either, since his complaint is open.
tcase "A: service callback refused" 0 "$SA" "" when 2026-11-10T18:00 rs-callback -q record $SA \
    --kind service --result refused --agent 回访组
# 16 hours after the complaint, within the 24 h contact deadline.
tcase "A: 王经理 calls" 0 "$CA" "" when 2026-11-11T07:40 rs-complain -q contact $CA \
    --note "代表公司诚恳道歉, 承认定位不准" --agent 王经理
tcase "A: remedy accepted" 0 "$CA" "" when 2026-11-11T08:00 rs-complain -q resolve $CA \
    --remedy compensation --amount 2780.00 \
    --note "全赔服务费 350 + 机票 1980 + 酒店 450, 赠送 5 次 VIP 专属救援服务" --agent 王经理
tcase "A: dispatcher fined and retrained" 0 "$CA" "" when 2026-11-11T08:10 rs-complain -q action $CA \
    --action "调度员罚款, 重新培训调度核查" --owner 调度部 --due 2026-11-17 --agent 投诉组
tcase "A: fix the positioning bug" 0 "$CA" "" when 2026-11-11T08:10 rs-complain -q action $CA \
    --action "限时修复平台定位漂移 BUG" --owner 技术部 --due 2026-11-20 --agent 投诉组
tcase "A: closed" 0 "$CA" "" when 2026-11-11T08:30 rs-complain -q close $CA --agent 王经理
tcase "A: contacted and resolved in time" 0 "$(t "$H" \
    "$CA|$SA|closed|4|late|platform|P-SZ07|2026-11-10T15:40:00+08:00|2026-11-11T15:40:00+08:00|2026-11-11T15:40:00+08:00|n||2780.00")" "" \
    rs-complain list --as-of 2026-11-11T16:00
tcase "A: complaint callback due for 48 h" 0 "$(t "$HD" \
    "complaint|$SA|$CA|李先生|13912345678|2026-11-11T08:00:00+08:00|2026-11-13T08:00:00+08:00|0|n")" "" \
    rs-callback due --as-of 2026-11-11T09:00
tcase "A: no answer" 0 "$SA" "" when 2026-11-12T10:00 rs-callback -q record $SA --kind complaint \
    --complaint $CA --result no-answer --agent 回访组
tcase "A: one attempt" 0 "$(t \
    "complaint|$SA|$CA|李先生|13912345678|2026-11-11T08:00:00+08:00|2026-11-13T08:00:00+08:00|1|n")" "" \
    rs-callback due -H --as-of 2026-11-12T10:00
tcase "A: reached" 0 "$SA" "" when 2026-11-12T15:00 rs-callback -q record $SA --kind complaint \
    --complaint $CA --result reached --overall 3 --resolved y --comment "赔偿已收到, 还是耽误了事" --agent 回访组
tcase "A: nothing due until the second callback" 0 "" "" rs-callback due -H --as-of 2026-11-18T07:59
tcase "A: dispatch training done" 0 "$CA" "" when 2026-11-16T17:00 rs-complain -q action-done $CA \
    --note 已罚款并完成培训 --agent 调度部
tcase "A: positioning bug fixed" 0 "$CA" "" when 2026-11-16T18:00 rs-complain -q action-done $CA \
    --note 定位漂移已修复上线 --agent 技术部
# Level 4: a second callback 7 to 15 days after the resolution.
tcase "A: second callback window opens" 0 "$(t \
    "second|$SA|$CA|李先生|13912345678|2026-11-18T08:00:00+08:00|2026-11-26T08:00:00+08:00|0|n")" "" \
    rs-callback due -H --as-of 2026-11-18T08:00
tcase "A: two weeks later" 0 "$SA" "" when 2026-11-25T10:00 rs-callback -q record $SA --kind second \
    --complaint $CA --result reached --overall 4 --nps 7 --resolved y \
    --comment "虽然过程闹心, 但处理结果还能接受, 下次可能还会考虑用" --agent 回访组
tcase "A: done" 0 "" "" rs-callback due -H --as-of 2026-11-25T10:00
tcase "A: the calls" 0 "$(t \
    "2026-11-10T18:00:00+08:00|2026-11-10T18:00:00+08:00|$SA||service|refused|||||||||回访组|" \
    "2026-11-12T10:00:00+08:00|2026-11-12T10:00:00+08:00|$SA|$CA|complaint|no-answer|||||||||回访组|" \
    "2026-11-12T15:00:00+08:00|2026-11-12T15:00:00+08:00|$SA|$CA|complaint|reached|3||||y||赔偿已收到, 还是耽误了事||回访组|" \
    "2026-11-25T10:00:00+08:00|2026-11-25T10:00:00+08:00|$SA|$CA|second|reached|4||||y|7|虽然过程闹心, 但处理结果还能接受, 下次可能还会考虑用||回访组|")" "" \
    rs-callback list -H --as-of 2026-11-30

# --- Story B ---------------------------------------------------------------
# Arrival 17:20 against a 16:30 city deadline: 50 min late, level 2.
tcase "B: recorded" 0 "$CB" "rs-complain: $CB: level 2: arrival 50 min past its deadline" when 2026-12-05T17:40 rs-complain -q open --case $SB --category late \
    --demand 要求退款并道歉 --note "12月5日下午4点半, 京A12345, 救援司机张师傅迟到50分钟" --agent 客服小赵
tcase "B: level 2, provider P-BJ12" 0 "$(t \
    "$CB|$SB|open|2|late||P-BJ12|2026-12-05T17:40:00+08:00|2026-12-06T17:40:00+08:00|2026-12-07T17:40:00+08:00|n||")" "" \
    rs-complain -H list --as-of 2026-12-05T17:40 --since 2026-12-01
# The service callback reaches her, unhappy: no hint, the complaint is open.
tcase "B: service callback, low scores" 0 "$SB" "" when 2026-12-05T18:00 rs-callback -q record $SB \
    --kind service --result reached --overall 1 --timeliness 1 --nps 2 --comment 等了太久
tcase "B: tracks show a fuel stop" 0 "$CB" "" when 2026-12-05T19:00 rs-complain -q investigate $CB \
    --responsible provider --note "轨迹: 张师傅途中去加油, 迟到50分钟" --agent 投诉组
tcase "B: not yet overdue before 24 h" 0 "" "" rs-complain -H list --overdue --as-of 2026-12-06T17:40
tcase "B: contact overdue after 24 h without a call" 0 "$(t \
    "$CB|$SB|investigating|2|late|provider|P-BJ12|2026-12-05T17:40:00+08:00|2026-12-06T17:40:00+08:00|2026-12-07T17:40:00+08:00|y||")" "" \
    rs-complain -H list --overdue --as-of 2026-12-06T17:41
tcase "B: called the next morning" 0 "$CB" "" when 2026-12-06T10:00 rs-complain -q contact $CB \
    --note "致歉, 说明原因, 提出全额退款" --agent 投诉组
tcase "B: refund" 0 "$CB" "" when 2026-12-06T10:05 rs-complain -q resolve $CB --remedy refund --amount 280.00 \
    --note 客户接受退款和道歉 --agent 投诉组
tcase "B: punctuality checks" 0 "$CB" "" when 2026-12-06T10:10 rs-complain -q action $CB \
    --action "加强司机准时考核, 抽查轨迹; 严禁救援途中加油" --owner 救援部 --due 2026-12-12 --agent 投诉组
tcase "B: closed" 0 "$CB" "" when 2026-12-06T10:15 rs-complain -q close $CB --agent 投诉组
tcase "B: complaint callback within 48 h, no second one at level 2" 0 "$(t \
    "complaint|$SB|$CB|王女士|13611112222|2026-12-06T10:05:00+08:00|2026-12-08T10:05:00+08:00|0|n")" "" \
    rs-callback due -H --as-of 2026-12-07T09:00
tcase "B: callback" 0 "$SB" "" when 2026-12-07T10:00 rs-callback -q record $SB --kind complaint \
    --complaint $CB --result reached --overall 5 --resolved y --comment '满意, 张师傅也打电话道歉了'
tcase "B: nothing due" 0 "" "" rs-callback due -H --as-of 2026-12-07T10:00
tcase "B: nothing due a week later either" 0 "" "" rs-callback due -H --as-of 2026-12-14T10:00

# --- Both, for the weekly review ------------------------------------------
tcase "the complaints" 0 "$(t "$H" \
    "$CA|$SA|closed|4|late|platform|P-SZ07|2026-11-10T15:40:00+08:00|2026-11-11T15:40:00+08:00|2026-11-11T15:40:00+08:00|n||2780.00" \
    "$CB|$SB|closed|2|late|provider|P-BJ12|2026-12-05T17:40:00+08:00|2026-12-06T17:40:00+08:00|2026-12-07T17:40:00+08:00|n||280.00")" "" \
    rs-complain list --as-of 2026-12-14T10:00
tcase "none open" 0 "$H" "" rs-complain list --open --as-of 2026-12-14T10:00
# The table for a person: its default columns, dates as MM-DD HH:MM
# (none is on 12-14), no row overdue so no "!"; --wide has them all.
tcase "the table" 0 "$(cat <<'EOF'
  complaint_id      state   level  category  contact_due  resolve_due
  CP-20261110-0001  closed  4      late      11-11 15:40  11-11 15:40
  CP-20261205-0001  closed  2      late      12-06 17:40  12-07 17:40
EOF
)" "" rs-complain list -f table --as-of 2026-12-14T10:00
tcase "the table --wide" 0 "$(cat <<'EOF'
  complaint_id      case_id           state   level  category  responsible  provider  opened_at    contact_due  resolve_due  overdue  handler  compensation
  CP-20261110-0001  RS-20261110-0001  closed  4      late      platform     P-SZ07    11-10 15:40  11-11 15:40  11-11 15:40  n                 2780.00
  CP-20261205-0001  RS-20261205-0001  closed  2      late      provider     P-BJ12    12-05 17:40  12-06 17:40  12-07 17:40  n                 280.00
EOF
)" "" rs-complain list -f table --wide --as-of 2026-12-14T10:00
