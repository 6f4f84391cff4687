# 51-report-weekly.sh - rs-report weekly on a hand-built journal
# (tests/cli/data/report/weekly/). As of 2026-11-22 10:00 (W47) the
# default week is the last finished one: 2026-W46 [11-09, 11-16).
#
# Cases: W40 1 (RS-20260929-0001), W45 2, W46 4. Complaints (opened at):
#   CP-20260930-0001 W40 fee, resolved (trend only)
#   CP-20261105-0001 W45 technical/platform, resolved (previous week)
#   CP1 CP-20261110-0001 level 1 late, provider P001 (its own column),
#       contacted +2 h (met), resolved +10 h <= 24 h (met), closed;
#       action due 11-25 still open (not overdue)
#   CP2 CP-20261110-0002 level 2 attitude, no provider column: the case's
#       last assigned P002; case opened by 李雷, amended by 王五 (by_agent
#       counts the opener); contacted 11-12 16:00 = +25 h (missed);
#       escalated to 3: deadline 72 h = 11-13 15:00, resolved 11-13 14:00
#       (met; at level 2 it would have been missed)
#   CP3 CP-20261112-0001 level 2 fee, responsible empty (undetermined),
#       case provider P003; never contacted, due 11-13 09:00 (missed);
#       not resolved, due 11-14 09:00 (missed, overdue); action
#       "=更新报价说明模板" due 11-20 open and overdue; its case has no
#       authorized row: the week's one fee_unauthorized
#   CP4 CP-20261114-0001 level 1 late provider P001; resolved 11-15 08:00
#       without a contact: first contact at the resolution (+10 h, met);
#       reopened 11-16: no resolution, due 11-15 22:00 (missed, overdue);
#       action done 11-15 12:00 (done this week)
# Figures: cases 4, complaints 4, previous 2 cases / 1 complaint, change
#   +3; per 1000 = 4/4*1000 = 1000.0, previous 1/2*1000 = 500.0, change
#   500.0; first contact 2 met 2 missed = 50.0; resolution 2/2 = 50.0;
#   complaint callbacks in W46: CP1 5, CP2 no-answer (not reached) then
#   3, CP4 4 -> 3 reached, 2 with overall >= 4 = 66.7 < 85 (target_met n)
#   by_category late 2 attitude 1 fee 1; by_level 1:2 2:1 3:1 4:0;
#   by_responsible provider 3 undetermined 1; by_provider P001 2 P002 1
#   P003 1; by_agent 张三 2 李雷 1 韩梅梅 1.
#   red_list: late x provider 2 (RS-20261110-0001, RS-20261114-0001),
#   attitude x provider 1, fee x undetermined 1. overdue: CP3, CP4.
#   actions: open 2, done 1, overdue 1 (listed overdue first: CP3's,
#   then CP1's). trend W39..W46: W39 is before the journal's first case
#   (W40): null, no data; 1/1 = 1000.0, 0 x4, 1/2 = 500.0, 4/4 = 1000.0.
# Headline (text, md, html): first contact and resolution are met only
#   when no complaint missed its deadline (2 missed each: missed);
#   satisfaction 66.7 % against 85.0 % (0.85 in the figure's unit): missed.
#   crisis: none (no level 4, no flags). compensation: CP2's resolve with
#   voucher 50.00 on 11-13, the week's one remedy item (responsible
#   provider). No suggestions.

D=$TOP/tests/cli/data/report/weekly
WEEK_TEXT=$(cat <<'EOF'
Weekly complaint review 2026-W46
2026-11-09 00:00 to 2026-11-16 00:00, as of 2026-11-22 10:00

== Headline ==
Complaints                      4   +3 vs 1 the week before
Complaints per 1000 cases  1000.0   +500.0 vs 500.0 the week before
First contact in time      50.0 %   ✗ missed (target: all within 24 h)
                                    2 of 4 in time, 2 late, 0 pending
Resolved in time           50.0 %   ✗ missed (target: all by their deadline)
                                    2 of 4 in time, 2 late, 0 pending
Complainant satisfaction   66.7 %   ✗ missed (target: 85.0 %)
                                    2 of 3 reached complainants satisfied

== summary: Summary ==
week                          2026-W46
cases                         4
complaints                    4
previous_cases                2
previous_complaints           1
complaints_change             3
per_1000                      1000.0
previous_per_1000             500.0
per_1000_change               500.0
first_contact_met             2
first_contact_missed          2
first_contact_pending         0
first_contact_pct             50.0
resolved_in_time_met          2
resolved_in_time_missed       2
resolved_in_time_pending      0
resolved_in_time_pct          50.0
complainant_callbacks         3
complainant_satisfied         2
complainant_satisfaction_pct  66.7
target_met                    n

== trend: Trend: complaints per week ==
– = no data: the journal starts later.
week      complaints  cases  per_1000
2026-W39           –      –         –
2026-W40           1      1    1000.0
2026-W41           0      0         –
2026-W42           0      0         –
2026-W43           0      0         –
2026-W44           0      0         –
2026-W45           1      2     500.0
2026-W46           4      4    1000.0

== by_category: Complaints by category ==
category  complaints
late               2
attitude           1
fee                1

== by_level: Complaints by level ==
level  complaints
1               2
2               1
3               1
4               0

== by_responsible: Complaints by responsible party ==
responsible   complaints
provider               3
undetermined           1

== by_provider: Complaints by provider ==
provider  name  complaints
P001      –              2
P002      –              1
P003      –              1

== by_agent: Complaints by agent who opened the case ==
agent   complaints
张三             2
李雷             1
韩梅梅           1

== red_list: Red list: most frequent category x responsible ==
category  responsible   count  cases
late      provider          2  RS-20261110-0001,RS-20261114-0001
attitude  provider          1  RS-20261110-0002
fee       undetermined      1  RS-20261112-0001

== overdue: Overdue open complaints (any week) ==
complaint_id      level  category  state  resolve_due
CP-20261112-0001      2  fee       open   11-14 09:00
CP-20261114-0001      1  late      open   11-15 22:00

== actions: Corrective actions (open and overdue: any week; done: this week) ==
open     2
done     1
overdue  1

== open_actions: Open corrective actions, overdue first ==
complaint_id      action             owner   due         overdue
CP-20261112-0001  =更新报价说明模板  客服部  2026-11-20  y
CP-20261110-0001  司机服务话术培训   救援部  2026-11-25  n

== fee_unauthorized: Fee complaints without an agreed price ==
complaint_id      case_id           level  state  opened_at
CP-20261112-0001  RS-20261112-0001      2  open   11-12 09:00

== crisis: Crisis complaints (level 4, media, legal, safety) ==
(none)

== compensation: Compensation given this week ==
total  50.00
items  1

== compensation_by_remedy: Compensation by remedy ==
remedy   amount
voucher   50.00

== compensation_by_responsible: Compensation by responsible party ==
responsible  amount
provider      50.00

== compensation_items: Remedy items given this week ==
complaint_id      at           remedy   amount  responsible
CP-20261110-0002  11-13 14:00  voucher   50.00  provider

== suggestions: Suggestions of the week's callbacks ==
(none)
EOF
)
tcase "weekly: text, default week" 0 "$WEEK_TEXT" "" rs-report -d "$D" weekly
tcase "weekly: --week" 0 "$WEEK_TEXT" "" rs-report -d "$D" weekly --week 2026-W46
tok "weekly: json parses (python)" sh -c "rs-report -d '$D' weekly -f json | python3 -m json.tool"
tok "weekly: json parses (jq)" sh -c "rs-report -d '$D' weekly -f json | jq -e ."
WEEK_JQ=$(cat <<'EOF'
["2026-W46",4,4,1,1000,50,50,66.7,0.85,["CP-20261112-0001","CP-20261114-0001"],{"open":2,"done":1,"overdue":1},{"1":2,"2":1,"3":1,"4":0},{"P001":2,"P002":1,"P003":1},{"category":"late","responsible":"provider","count":2,"cases":["RS-20261110-0001","RS-20261114-0001"]},8,{"week":"2026-W39","complaints":null,"cases":null,"per_1000":null},{"week":"2026-W46","complaints":4,"cases":4,"per_1000":1000}]
EOF
)
WEEK_RED=$(cat <<'EOF'
category	responsible	count	cases
late	provider	2	RS-20261110-0001,RS-20261114-0001
attitude	provider	1	RS-20261110-0002
fee	undetermined	1	RS-20261112-0001
EOF
)
WEEK_ACT=$(cat <<'EOF'
complaint_id,action,owner,due,overdue
CP-20261112-0001,'=更新报价说明模板,客服部,2026-11-20,y
CP-20261110-0001,司机服务话术培训,救援部,2026-11-25,n
EOF
)
WEEK_LVL=$(cat <<'EOF'
| level | complaints |
|---|---:|
| 1 | 2 |
| 2 | 1 |
| 3 | 1 |
| 4 | 0 |
EOF
)
tcase "weekly: json figures" 0 "$WEEK_JQ" "" \
	sh -c "rs-report -d '$D' weekly -f json | jq -c '[.week,.cases,.complaints,.previous_complaints,.per_1000,.first_contact_pct,.resolved_in_time_pct,.complainant_satisfaction_pct,.target,.overdue,.actions,.by_level,.by_provider,.red_list[0],(.trend|length),.trend[0],.trend[7]]'"
tcase "weekly: red_list tsv" 0 "$WEEK_RED" "" rs-report -d "$D" weekly --section red_list -f tsv
tcase "weekly: red_list parses with mlr" 0 "late provider 2" "" \
	sh -c "rs-report -d '$D' weekly --section red_list -f tsv | mlr --itsv --onidx --ofs ' ' head -n 1 then cut -o -f category,responsible,count"
tcase "weekly: csv guards text, not ids" 0 "$WEEK_ACT" "" \
	sh -c "rs-report -d '$D' weekly --section open_actions -f csv | tr -d '\r'"
tcase "weekly: --raw drops the guard" 0 "CP-20261112-0001,=更新报价说明模板,客服部,2026-11-20,y" "" \
	sh -c "rs-report -d '$D' weekly --section open_actions -f csv --raw -H | tr -d '\r' | head -1"
tcase "weekly: by_level md" 0 "$WEEK_LVL" "" rs-report -d "$D" weekly --section by_level -f md
tcase "weekly: every section in tsv" 0 "18" "" sh -c "rs-report -d '$D' weekly -f tsv | grep -c '^# '"
rs-report -d "$D" weekly -f html >"$T/w.html"
tok "weekly: html is well-formed XML" xmllint --noout "$T/w.html"
tok "weekly: html parses (python)" python3 -c "import html.parser,sys; html.parser.HTMLParser().feed(open(sys.argv[1]).read())" "$T/w.html"
tcase "weekly: html references nothing outside" 1 "" "" grep -E 'http:|https:|src=|<script|url\(' "$T/w.html"
# Bars for category, responsible, provider, agent; the trend's counts and its rate
# per 1000; compensation by remedy and by responsible party.
tok "weekly: html draws charts" sh -c "grep -c '<svg' '$T/w.html' | grep -qx 8"
tcase "weekly: html headline marks by colour and word" 0 '<div class="hl missed"><div class="k">First contact in time</div><div class="v">50.0 %</div><div class="t"><span class="w">✗ missed</span> &#183; target: all within 24 h</div>' "" \
	sh -c "grep -o '<div class=\"hl missed\"><div class=\"k\">First contact.*24 h</div>' '$T/w.html'"
tcase "weekly: html in English says so" 1 "" "" grep -q 'lang="zh-CN"' "$T/w.html"
tok "weekly: html lang en" grep -q '<html lang="en">' "$T/w.html"
# At the sample's volume (400 cases a day): the text fits 80 columns;
# the 4 weeks before the sample's first week (W44) have no data.
rs-report -d "$SAMPLES/journal" weekly --week 2026-W47 --as-of 2026-11-23 >"$T/vol.txt"
tcase "weekly at volume: no text line over 80 columns" 0 "" "" wider 80 "$T/vol.txt"
tcase "weekly at volume: no phantom zero weeks" 0 "[null,null,null,null]" "" \
	sh -c "rs-report -d '$SAMPLES/journal' weekly --week 2026-W47 --as-of 2026-11-23 -f json | jq -c '[.trend[] | .cases][:4]'"
tok "weekly at volume: html says what a chart leaves out" \
	sh -c "rs-report -d '$SAMPLES/journal' weekly --week 2026-W47 --as-of 2026-11-23 -f html | grep -q 'Top 15 of [0-9]* shown; the table lists all.'"
tcase "weekly at volume: provider names beside ids" 0 "P059  深圳市福田区易修汽车快修店" "" \
	sh -c "sed -n '/== by_provider/{n;n;p;}' '$T/vol.txt' | awk '{print \$1 \"  \" \$2}'"
# The review in a real browser: at 1024 and 1280 px, English and Chinese,
# nothing wider than its card (the check itself is proven in 50-report.sh).
if have_chromium; then
	rs-report -d "$SAMPLES/journal" weekly --week 2026-W47 --as-of 2026-11-23 -f html >"$T/vol.en.html"
	env -u LC_ALL LANG=zh_CN.UTF-8 rs-report -d "$SAMPLES/journal" weekly --week 2026-W47 \
	    --as-of 2026-11-23 -f html >"$T/vol.zh.html"
	for w in 1024 1280; do
		for l in en zh; do
			tcase "weekly html ($l) fits ${w} px" 0 "ok" "" html_layout "$w" "$T/vol.$l.html"
		done
	done
fi
STDIN=$D/complaints.tsv
tcase "weekly: --complaints - (stdin)" 0 "$WEEK_TEXT" "" rs-report -d "$D" weekly --complaints -
# The week before: W45 has 2 cases and 1 complaint (technical/platform),
# contacted +1 h and resolved +22 h: both 100.0; no complaint callbacks:
# satisfaction null; the overdue list is the same (any week).
tcase "weekly: W45 and an empty denominator" 0 '[2,1,0,500,100,100,null,null,["CP-20261112-0001","CP-20261114-0001"]]' "" \
	sh -c "rs-report -d '$D' weekly --week 2026-W45 -f json | jq -c '[.cases,.complaints,.previous_complaints,.per_1000,.first_contact_pct,.resolved_in_time_pct,.complainant_satisfaction_pct,.target_met,.overdue]'"
tcase "weekly: bad week" 1 "" "*" rs-report -d "$D" weekly --week 2026-W60
