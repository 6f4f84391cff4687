# 53-report-s10.sh - the report definitions of SPEC 10 (revision 2), each
# on a journal built here by hand, with every expected figure worked out
# in the comments from the rules and the rows. The rows are written
# through the columns `rs-journal schema NAME` lists, by name, so that a
# schema that gains columns still takes them. TZ is Asia/Shanghai
# (lib.sh); every run gives --as-of.
#
# Limits (SPEC 9): file 3, dispatch 5, notify 8 min from call_at (else
# the case's at); arrive 30 min (city) / 60 min (highway) from the case's
# at; complaint first contact 24 h, resolution 24/48/72/24 h by level.

# header, row and ev (rows through the schema's columns, by name).
. "$TOP/tests/cli/data/report/rows.sh"

# t HH:MM [DAY]: a time of 2026-11-DAY (default 10) in +08:00.
t() { printf '2026-11-%sT%s:00+08:00' "${2:-10}" "$1"; }

# opened DIR... helpers write into $J (a journal directory).
opened() {
	local id=$1 at=$2
	shift 2
	ev cases "$at" case_id="$id" event=opened phone=13800000000 location=深南大道 \
	    service=tow "$@" >>"$J/cases.tsv"
}
disp() { local id=$1 at=$2 e=$3; shift 3; ev dispatch "$at" case_id="$id" event="$e" "$@" >>"$J/dispatch.tsv"; }
cb() { ev callbacks "$@" >>"$J/callbacks.tsv"; }
cpev() {
	local id=$1 at=$2 e=$3
	shift 3
	ev complaints "$at" complaint_id="$id" event="$e" "$@" >>"$J/complaints.tsv"
}
newdir() {
	J=$1
	mkdir -p "$J"
	for j in cases dispatch complaints callbacks; do header "$j" >"$J/$j.tsv"; done
}

# ---------------------------------------------------------------------
# A. Cancellation, "first" events and the desk steps: shift, kpi, case,
# dispatch list. The day shift of 2026-11-10 [08:00, 20:00), as of
# 2026-11-11 10:00. Roads are city (arrive 30 min) unless said.
#   C1 -0001 call 08:58, opened 09:00; assigned 09:03 P001 (5.0 min from
#      the call: exactly at the limit, met); arrived 09:20; cancelled
#      09:40, after the arrival: arrive EXCLUDED (it counted as met
#      before revision 2); notify never done, cancelled: excluded.
#   C2 -0002 opened 10:00; assigned 10:10 P002 (10.0 missed, done before
#      the cancellation: counts); arrived 11:00 (60 min, late); cancelled
#      11:30: arrive EXCLUDED, so P002 is not a late provider; notify
#      excluded.
#   C3 -0003 opened 11:00, cancelled 11:02: dispatch, notify, arrive
#      excluded.
#   C4 -0004 opened 12:00; assigned 12:10 P004, then a back-filled
#      assigned row (written 12:20) at 12:04: the first is 12:04 (4.0,
#      met); notified 12:07 (7.0 met); arrived 12:40, then a back-filled
#      arrived row (written 12:50) at 12:25: first arrival 12:25 (25.0
#      met); completed 13:00.
#   C5 -0005 opened 13:00; assigned 13:02 P005 (2.0 met), notified 13:05
#      (5.0 met), completed remote 13:10 without arrival: arrive excluded.
#   C6 -0006 opened 14:00; assigned 14:03 P006 (3.0 met); cancelled
#      14:20: notify and arrive excluded, dispatch counts.
#   C7 -0007 highway, opened 15:00; assigned 15:06 P007 (6.0 missed),
#      notified 15:10 (10.0 missed), arrived 16:10 (70.0 > 60 missed),
#      completed 16:30: P007 late.
#   C8 -0008 opened 19:00, nothing else: dispatch due 19:05, notify
#      19:08, arrive 19:30, all before --as-of: missed.
#   C9 -0009 opened 16:00; assigned 16:02 P009 (2.0 met), arrived 16:20,
#      cancelled 2026-11-10 21:00 (after the shift, before --as-of):
#      arrive and notify excluded.
# file: 9 met (C1 120 s, the others 0 s): 100.0; sorted 0 x8, 120:
#   median rank ceil(4.5) = 5 -> 0.0, p90 rank ceil(8.1) = 9 -> 2.0.
# dispatch: met C1 C4 C5 C6 C9, missed C2 C7 C8: 5/8 = 62.5; done
#   120 120 180 240 300 360 600 s: median rank 4 = 4.0, p90 rank 7 = 10.0.
# notify: met C4 C5, missed C7 C8: 2/4 = 50.0; done 300 420 600 s:
#   median rank 2 = 7.0, p90 rank 3 = 10.0.
# arrive: met C4, missed C7 C8: 1/3 = 33.3; done 1500 4200 s: median
#   rank 1 = 25.0, p90 rank 2 = 70.0. (Before: C1 met and C2 missed too,
#   2/5 = 40.0, and P002 late.)
# late providers: P007 1 (C8 has no provider).
# cancellations: 4 (C1 C2 C3 C6 in the shift's cases; C9 after it).
newdir "$T/a"
opened RS-20261110-0001 "$(t 09:00)" call_at="$(t 08:58)"
opened RS-20261110-0002 "$(t 10:00)"
opened RS-20261110-0003 "$(t 11:00)"
opened RS-20261110-0004 "$(t 12:00)"
opened RS-20261110-0005 "$(t 13:00)"
opened RS-20261110-0006 "$(t 14:00)"
opened RS-20261110-0007 "$(t 15:00)" road=highway
opened RS-20261110-0009 "$(t 16:00)"
opened RS-20261110-0008 "$(t 19:00)"
disp RS-20261110-0001 "$(t 09:03)" assigned provider=P001
disp RS-20261110-0001 "$(t 09:20)" arrived
disp RS-20261110-0001 "$(t 09:40)" cancelled note=客户自行修好
disp RS-20261110-0002 "$(t 10:10)" assigned provider=P002
disp RS-20261110-0002 "$(t 11:00)" arrived
disp RS-20261110-0003 "$(t 11:02)" cancelled
disp RS-20261110-0002 "$(t 11:30)" cancelled
disp RS-20261110-0004 "$(t 12:07)" notified
disp RS-20261110-0004 "$(t 12:10)" assigned provider=P004
row dispatch ts="$(t 12:20)" at="$(t 12:04)" case_id=RS-20261110-0004 event=assigned \
    provider=P004 >>"$J/dispatch.tsv"
disp RS-20261110-0004 "$(t 12:40)" arrived
row dispatch ts="$(t 12:50)" at="$(t 12:25)" case_id=RS-20261110-0004 event=arrived \
    >>"$J/dispatch.tsv"
disp RS-20261110-0004 "$(t 13:00)" completed outcome=repaired
disp RS-20261110-0005 "$(t 13:02)" assigned provider=P005
disp RS-20261110-0005 "$(t 13:05)" notified
disp RS-20261110-0005 "$(t 13:10)" completed outcome=remote
disp RS-20261110-0006 "$(t 14:03)" assigned provider=P006
disp RS-20261110-0006 "$(t 14:20)" cancelled
disp RS-20261110-0007 "$(t 15:06)" assigned provider=P007
disp RS-20261110-0007 "$(t 15:10)" notified
disp RS-20261110-0009 "$(t 16:02)" assigned provider=P009
disp RS-20261110-0007 "$(t 16:10)" arrived
disp RS-20261110-0009 "$(t 16:20)" arrived
disp RS-20261110-0007 "$(t 16:30)" completed outcome=towed
disp RS-20261110-0009 "$(t 21:00)" cancelled
A_AS_OF=2026-11-11T10:00:00+08:00
A=(rs-report -d "$T/a" --as-of $A_AS_OF)

SLA_TSV=$(cat <<'EOF'
step	met	missed	pending	pct	median_min	p90_min
file	9	0	0	100.0	0.0	2.0
dispatch	5	3	0	62.5	4.0	10.0
notify	2	2	0	50.0	7.0	10.0
arrive	1	2	0	33.3	25.0	70.0
EOF
)
tcase "A shift: sla (tsv)" 0 "$SLA_TSV" "" "${A[@]}" shift --date 2026-11-10 --section sla -f tsv
tcase "A shift: sla (json)" 0 '{"met":1,"missed":2,"pending":0,"pct":33.3,"median_min":25,"p90_min":70}
{"met":2,"missed":2,"pending":0,"pct":50,"median_min":7,"p90_min":10}' "" \
    sh -c "${A[*]} shift --date 2026-11-10 -f json | jq -c '.sla.arrive, .sla.notify'"
tcase "A shift: sla (text)" 0 "step      met  missed  pending  pct    median_min  p90_min
file        9       0        0  100.0         0.0      2.0
dispatch    5       3        0   62.5         4.0     10.0
notify      2       2        0   50.0         7.0     10.0
arrive      1       2        0   33.3        25.0     70.0" "" \
    sh -c "${A[*]} shift --date 2026-11-10 --section sla"
tcase "A shift: late providers (tsv): P007 only, not the cancelled P002" 0 "provider	name	late	cases
P007		1	RS-20261110-0007" "" "${A[@]}" shift --date 2026-11-10 --section late_providers -f tsv
tcase "A shift: late providers (json)" 0 '[{"provider":"P007","name":null,"late":1,"cases":["RS-20261110-0007"]}]' "" \
    sh -c "${A[*]} shift --date 2026-11-10 -f json | jq -c '.late_providers'"
tcase "A shift: late providers (text, the cases in json)" 0 "provider  name  late
P007      –        1" "" \
    sh -c "${A[*]} shift --date 2026-11-10 --section late_providers | tail -2"

# Handover at the shift's end (20:00): C9 was not cancelled yet (arrived,
# notify due 16:08 overdue), C8 open (dispatch due 19:05 overdue); earliest
# deadline first. rs-dispatch list as of 20:00 shows the same two.
tcase "A shift: handover (tsv)" 0 "RS-20261110-0009	arrived	notify	2026-11-10T16:08:00+08:00	y
RS-20261110-0008	open	dispatch	2026-11-10T19:05:00+08:00	y" "" \
    sh -c "${A[*]} shift --date 2026-11-10 --section handover -f tsv -H | cut -f1,2,11-13"
tcase "A dispatch list at the shift's end" 0 "RS-20261110-0009	arrived	P009	notify	2026-11-10T16:08:00+08:00	y
RS-20261110-0008	open		dispatch	2026-11-10T19:05:00+08:00	y" "" \
    sh -c "rs-dispatch -d '$T/a' list --as-of 2026-11-10T20:00:00+08:00 -f tsv -H | cut -f1,2,5,8-10"

# rs-report case: C1's steps (dispatch 09:03 - call 08:58 = 5.0 min, at
# the limit: met; notify and arrive excluded by the cancellation at
# 09:40, though it arrived at 09:20); C4's first assignment and arrival
# are the back-filled rows' (12:04 = 4.0, 12:25 = 25.0).
C1_SLA=$(cat <<'EOF'
step	status	due_at	done_at	minutes
file	met	2026-11-10T09:01:00+08:00	2026-11-10T09:00:00+08:00	2.0
dispatch	met	2026-11-10T09:03:00+08:00	2026-11-10T09:03:00+08:00	5.0
notify	excluded			
arrive	excluded			
EOF
)
tcase "A case C1: sla (tsv)" 0 "$C1_SLA" "" "${A[@]}" case RS-20261110-0001 --section sla -f tsv
tcase "A case C1: sla (json)" 0 '["met","met","excluded","excluded"]
{"status":"excluded","due_at":null,"done_at":null,"minutes":null}' "" \
    sh -c "${A[*]} case RS-20261110-0001 -f json | jq -c '[.sla[].status], .sla.arrive'"
tcase "A case C1: sla (text)" 0 "notify    excluded  –                 –                       –
arrive    excluded  –                 –                       –" "" \
    sh -c "${A[*]} case RS-20261110-0001 --section sla | tail -2"
tcase "A case C4: the first rows are the earliest at (tsv)" 0 "dispatch	met	2026-11-10T12:04:00+08:00	4.0
notify	met	2026-11-10T12:07:00+08:00	7.0
arrive	met	2026-11-10T12:25:00+08:00	25.0" "" \
    sh -c "${A[*]} case RS-20261110-0004 --section sla -f tsv -H | cut -f1,2,4,5 | tail -3"
tcase "A case C4: (json)" 0 '[4,7,25]' "" \
    sh -c "${A[*]} case RS-20261110-0004 -f json | jq -c '[.sla.dispatch.minutes, .sla.notify.minutes, .sla.arrive.minutes]'"
tcase "A case C4: (text)" 0 "arrive    met     2026-11-10 12:30  2026-11-10 12:25     25.0" "" \
    sh -c "${A[*]} case RS-20261110-0004 --section sla | tail -1"

# kpi over the day: the same 9 cases, dispatch 5/8 = 62.5, arrival 1/3 =
# 33.3 (C1, C2, C9 excluded though they arrived); no complaint: 0/9 x
# 1000 = 0.0; no callbacks: empty.
tcase "A kpi: the day (tsv)" 0 "2026-11-10	9	62.5	33.3	0	0.0			" "" \
    "${A[@]}" kpi --since 2026-11-10 --until 2026-11-11 -f tsv -H
tcase "A kpi: the day (json)" 0 '{"period":"2026-11-10","cases":9,"dispatch_sla_pct":62.5,"arrival_sla_pct":33.3,"complaints":0,"per_1000":0,"csat_pct":null,"nps":null,"complainant_satisfaction_pct":null}' "" \
    sh -c "${A[*]} kpi --since 2026-11-10 --until 2026-11-11 -f json | jq -c '.periods[0]'"
tcase "A kpi: the day (text)" 0 "2026-11-10      9              62.5             33.3           0       0.0         –    –                             –" "" \
    sh -c "${A[*]} kpi --since 2026-11-10 --until 2026-11-11 | tail -1"

# ---------------------------------------------------------------------
# kpi period selection (SPEC 10), as of Wednesday 2026-11-11 10:00:
#   none: the 7 days ending with 11-11: 11-05 .. 11-11;
#   --since 11-09: from the day holding it to the day holding --as-of:
#     11-09 .. 11-11;
#   --until 11-10 (00:00): 7 days ending with the one holding the last
#     instant before it (11-09 23:59:59): 11-03 .. 11-09;
#   --until 11-10T00:00:01: that instant is 11-10 00:00: 11-04 .. 11-10;
#   --since 11-09T12:00 --until 11-10T00:00:01: the days overlapping
#     [since, until): 11-09, 11-10; --since 11-09 --until 11-10: 11-09;
#   --since 11-10T12:00 --until 11-10T13:00: the whole day 11-10, every
#     case of it (9), not only those opened between 12:00 and 13:00;
#   --by week --until 11-16 (Monday): the 7 weeks ending with W46: W40 ..
#     W46; --by week alone: ending with W46 (holding 11-11) too;
#   --by month --since 2026-10-15: 2026-10, 2026-11; --by month alone:
#     2026-05 .. 2026-11;
#   --since after --as-of, --until not after --since: usage errors.
periods() { "${A[@]}" kpi -f tsv -H "$@" | cut -f1 | paste -sd ' '; }
tcase "kpi periods: default" 0 "2026-11-05 2026-11-06 2026-11-07 2026-11-08 2026-11-09 2026-11-10 2026-11-11" "" periods
tcase "kpi periods: --since alone" 0 "2026-11-09 2026-11-10 2026-11-11" "" periods --since 2026-11-09
tcase "kpi periods: --until alone" 0 "2026-11-03 2026-11-04 2026-11-05 2026-11-06 2026-11-07 2026-11-08 2026-11-09" "" periods --until 2026-11-10
tcase "kpi periods: --until one second into a day" 0 "2026-11-04 2026-11-05 2026-11-06 2026-11-07 2026-11-08 2026-11-09 2026-11-10" "" periods --until 2026-11-10T00:00:01+08:00
tcase "kpi periods: both, overlapping" 0 "2026-11-09 2026-11-10" "" periods --since 2026-11-09T12:00 --until 2026-11-10T00:00:01+08:00
tcase "kpi periods: both, one day" 0 "2026-11-09" "" periods --since 2026-11-09 --until 2026-11-10
tcase "kpi periods: whole periods" 0 "2026-11-10	9	62.5	33.3" "" \
    sh -c "${A[*]} kpi -f tsv -H --since 2026-11-10T12:00 --until 2026-11-10T13:00 | cut -f1-4"
tcase "kpi periods: --by week --until" 0 "2026-W40 2026-W41 2026-W42 2026-W43 2026-W44 2026-W45 2026-W46" "" periods --by week --until 2026-11-16
tcase "kpi periods: --by week" 0 "2026-W40 2026-W41 2026-W42 2026-W43 2026-W44 2026-W45 2026-W46" "" periods --by week
tcase "kpi periods: --by month --since" 0 "2026-10 2026-11" "" periods --by month --since 2026-10-15
tcase "kpi periods: --by month" 0 "2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11" "" periods --by month
tcase "kpi periods: --since after --as-of" 2 "" "rs-report: kpi: --since must not be after --as-of (see rs-report kpi --help)" "${A[@]}" kpi --since 2026-11-12
tcase "kpi periods: --until not after --since" 2 "" "rs-report: kpi: --until must be after --since (see rs-report kpi --help)" "${A[@]}" kpi --since 2026-11-10 --until 2026-11-10

# ---------------------------------------------------------------------
# B. Complaints and the weekly review of 2026-W46 [11-09, 11-16), as of
# 2026-11-18 10:00. rules.tsv sets the complainant satisfaction target
# to 0.667.
# Cases: W45 3 (RS-20261103-0001..0003), W46 12 (RS-20261109-0001..0004
# and the 8 complained about below). Opening agents: 张三 for -1110-0001,
# -1110-0002, -1113-0001; 李雷 for -1110-0003, -1112-0001; 王五 for
# -1115-0001; none for -1111-0001, -1114-0001 (unknown).
# Complaints opened in W46 (category / responsible / level at --as-of):
#   K1 CP-20261110-0001 on RS-20261110-0001, late/provider/2, provider
#      P001, opened 11-10 10:00; contacted 12:00 (2 h, met); resolved
#      11-11 09:00 (23 h <= 48, met); closed 10:00. Action "复盘" due
#      11-20: open, not overdue.
#   K2 CP-20261110-0002 on RS-20261110-0002 (assigned P002), late/
#      provider/1, opened 11:00; contacted 11-11 12:00 (25 h), then a
#      back-filled contact written 12:30 at 11-11 10:00: the first contact
#      is the earliest, 23 h: met (by file order it was missed); resolved
#      11-11 13:00 (26 h > 24: missed). Action "培训" due 11-12: open,
#      overdue.
#   K3 CP-20261110-0003 on RS-20261110-0003, late/provider/2, provider
#      P001, back-filled: written 11-10 12:30 at 09:30, the week's
#      earliest opened complaint; contacted 13:00 (met); resolved 11-11
#      10:00 (24.5 h <= 48, met).
#   K4 CP-20261111-0001 on RS-20261111-0001, attitude/agent/2, opened
#      11-11 09:00; resolved 15:00 without contact (the first contact, 6
#      h: met); reopened 11-12 09:00, contacted 10:00: first contact stays
#      15:00; no resolution since: due 11-13 09:00 < --as-of: missed,
#      overdue.
#   K5 CP-20261112-0001 on RS-20261112-0001, fee/(unset: undetermined)/2,
#      no provider anywhere (none), opened 11-12 10:00, never contacted
#      (due 11-13 10:00: missed), not resolved (due 11-14 10:00: missed,
#      overdue).
#   K6 CP-20261113-0001 on RS-20261113-0001, late/provider, provider
#      P003, opened 11-13 10:00 at level 1, escalated to 3 at 12:00;
#      contacted 11:00 (met); resolved 11-15 09:00: 47 h, within the 72 h
#      of level 3, the level in force at --as-of (level 1's 24 h would be
#      missed): met. Action "换车" due 11-14, done 11-15 10:00 (in the week).
#   K7 CP-20261114-0001 on RS-20261114-0001, attitude/dispatch/1, opened
#      11-14 09:00; contacted 10:00, resolved 12:00 (met, met). Action
#      "流程" due 11-16; its action-done row is written 11-18 09:58 with
#      at 10:02, after --as-of: not done at --as-of: open, overdue.
#   K8 CP-20261115-0001 on RS-20261115-0001, late/provider/3, provider
#      P001, opened 11-15 20:00; contacted 11-16 09:00 (13 h, met); not
#      resolved, due 11-18 20:00 > --as-of: pending.
# W45: CP-20261104-0001 on RS-20261103-0001, other/none/2, resolved; its
#   action due 11-06 done 11-17 09:00 (after the week): neither open nor
#   done this week.
# Figures:
#   complaints 8, previous 1: change 7. per_1000 8/12 x 1000 = 666.67 ->
#   666.7; previous 1/3 x 1000 = 333.33 -> 333.3; per_1000_change = the
#   figures as shown: 666.7 - 333.3 = 333.4 (the unrounded difference
#   333.33 would show 333.3).
#   first contact: met K1 K2 K3 K4 K6 K7 K8, missed K5: 7/8 = 87.5.
#   resolved in time: met K1 K3 K6 K7, missed K2 K4 K5, pending K8:
#   4/7 = 57.14 -> 57.1.
#   complainant callbacks in W46: reached overall 5, 4, 2 (and one not
#   reached): 2/3 = 66.67 -> 66.7 shown, which equals the target 66.7 %,
#   but the unrounded 66.67 % is below 0.667: target_met n. A target of
#   0.6666 is met.
#   by_category late 5, attitude 2, fee 1; by_level 1:2 2:4 3:2 4:0;
#   by_responsible provider 5, agent 1, dispatch 1, undetermined 1;
#   by_provider P001 3, none 3 (K4 K5 K7), P002 1, P003 1; by_agent 张三
#   3, unknown 2, 李雷 2, 王五 1 (count, then name by bytes).
#   red_list: late x provider 5 (examples: the cases of K3, K1, K2, the
#   three earliest opened, in that order), attitude x agent 1 (K4's case),
#   attitude x dispatch 1 (K7's), fee x undetermined 1 (K5's): count,
#   then category, then responsible.
#   overdue: K4, K5. actions: open 3 (K1, K2, K7), done 1 (K6), overdue 2
#   (K2 due 11-12, K7 due 11-16; K1's 11-20 is not).
newdir "$T/b"
printf 'target.complainant_satisfaction\t0.667\n' >"$J/rules.tsv"
for n in 1 2 3; do opened RS-20261103-000$n "$(t 09:0$n 03)" agent=张三; done
for n in 1 2 3 4; do opened RS-20261109-000$n "$(t 09:0$n 09)" agent=张三; done
opened RS-20261110-0001 "$(t 08:00)" agent=张三
opened RS-20261110-0002 "$(t 08:10)" agent=张三
opened RS-20261110-0003 "$(t 08:20)" agent=李雷
opened RS-20261111-0001 "$(t 08:00 11)"
opened RS-20261112-0001 "$(t 08:00 12)" agent=李雷
opened RS-20261113-0001 "$(t 08:00 13)" agent=张三
opened RS-20261114-0001 "$(t 08:00 14)"
opened RS-20261115-0001 "$(t 08:00 15)" agent=王五
disp RS-20261110-0002 "$(t 08:12)" assigned provider=P002
cpo() {
	local id=$1 case=$2 at=$3
	shift 3
	cpev "$id" "$at" opened case_id="$case" "$@"
}
cpo CP-20261104-0001 RS-20261103-0001 "$(t 10:00 04)" level=2 category=other responsible=none
cpev CP-20261104-0001 "$(t 11:00 04)" contacted
cpev CP-20261104-0001 "$(t 12:00 04)" action action=回访 owner=质检 due=2026-11-06
cpev CP-20261104-0001 "$(t 09:00 05)" resolved
cpo CP-20261110-0001 RS-20261110-0001 "$(t 10:00)" level=2 category=late responsible=provider provider=P001
cpo CP-20261110-0002 RS-20261110-0002 "$(t 11:00)" level=1 category=late responsible=provider
cpev CP-20261110-0001 "$(t 12:00)" contacted
row complaints ts="$(t 12:30)" at="$(t 09:30)" complaint_id=CP-20261110-0003 event=opened \
    case_id=RS-20261110-0003 level=2 category=late responsible=provider provider=P001 \
    >>"$J/complaints.tsv"
cpev CP-20261110-0003 "$(t 13:00)" contacted
cpo CP-20261111-0001 RS-20261111-0001 "$(t 09:00 11)" level=2 category=attitude responsible=agent
cpev CP-20261110-0001 "$(t 09:00 11)" resolved remedy=apology
cpev CP-20261110-0001 "$(t 09:30 11)" action action=复盘 owner=质检 due=2026-11-20
cpev CP-20261110-0001 "$(t 10:00 11)" closed
cpev CP-20261110-0003 "$(t 10:00 11)" resolved
cpev CP-20261110-0002 "$(t 12:00 11)" contacted
row complaints ts="$(t 12:30 11)" at="$(t 10:00 11)" complaint_id=CP-20261110-0002 \
    event=contacted note=补记 >>"$J/complaints.tsv"
cpev CP-20261110-0002 "$(t 13:00 11)" resolved
cpev CP-20261110-0002 "$(t 14:00 11)" action action=培训 owner=调度 due=2026-11-12
cpev CP-20261111-0001 "$(t 15:00 11)" resolved note=客户未接电话
cpev CP-20261111-0001 "$(t 09:00 12)" reopened
cpev CP-20261111-0001 "$(t 10:00 12)" contacted
cpo CP-20261112-0001 RS-20261112-0001 "$(t 10:00 12)" level=2 category=fee
cpo CP-20261113-0001 RS-20261113-0001 "$(t 10:00 13)" level=1 category=late responsible=provider provider=P003
cpev CP-20261113-0001 "$(t 11:00 13)" contacted
cpev CP-20261113-0001 "$(t 12:00 13)" escalated level=3
cpev CP-20261113-0001 "$(t 13:00 13)" action action=换车 owner=车队 due=2026-11-14
cpo CP-20261114-0001 RS-20261114-0001 "$(t 09:00 14)" level=1 category=attitude responsible=dispatch
cpev CP-20261114-0001 "$(t 10:00 14)" contacted
cpev CP-20261114-0001 "$(t 12:00 14)" resolved
cpev CP-20261114-0001 "$(t 13:00 14)" action action=流程 owner=调度 due=2026-11-16
cpev CP-20261113-0001 "$(t 09:00 15)" resolved
cpev CP-20261113-0001 "$(t 10:00 15)" action-done
cpo CP-20261115-0001 RS-20261115-0001 "$(t 20:00 15)" level=3 category=late responsible=provider provider=P001
cpev CP-20261115-0001 "$(t 09:00 16)" contacted
cpev CP-20261104-0001 "$(t 09:00 17)" action-done
row complaints ts="$(t 09:58 18)" at="$(t 10:02 18)" complaint_id=CP-20261114-0001 \
    event=action-done >>"$J/complaints.tsv"

cb "$(t 12:00 11)" case_id=RS-20261110-0001 complaint_id=CP-20261110-0001 kind=complaint result=reached overall=5
cb "$(t 14:00 11)" case_id=RS-20261110-0002 complaint_id=CP-20261110-0002 kind=complaint result=no-answer
cb "$(t 15:00 11)" case_id=RS-20261110-0002 complaint_id=CP-20261110-0002 kind=complaint result=reached overall=4
cb "$(t 16:00 14)" case_id=RS-20261114-0001 complaint_id=CP-20261114-0001 kind=complaint result=reached overall=2
B_AS_OF=2026-11-18T10:00:00+08:00
B=(rs-report -d "$T/b" --as-of $B_AS_OF)
W=("${B[@]}" weekly --week 2026-W46)

tcase "B weekly: summary (json)" 0 '{"complaints":8,"previous_complaints":1,"complaints_change":7,"per_1000":666.7,"previous_per_1000":333.3,"per_1000_change":333.4,"first_contact_met":7,"first_contact_missed":1,"first_contact_pending":0,"first_contact_pct":87.5,"resolved_in_time_met":4,"resolved_in_time_missed":3,"resolved_in_time_pending":1,"resolved_in_time_pct":57.1,"complainant_satisfaction_pct":66.7,"target":0.667,"target_met":false}' "" \
    sh -c "${W[*]} -f json | jq -c '{complaints, previous_complaints, complaints_change, per_1000, previous_per_1000, per_1000_change, first_contact_met, first_contact_missed, first_contact_pending, first_contact_pct, resolved_in_time_met, resolved_in_time_missed, resolved_in_time_pending, resolved_in_time_pct, complainant_satisfaction_pct, target, target_met}'"
tcase "B weekly: summary (tsv)" 0 "12	8	3	1	7	666.7	333.3	333.4	7	1	0	87.5	4	3	1	57.1	3	2	66.7	0.667	n" "" \
    sh -c "${W[*]} --section summary -f tsv -H | cut -f5-"
tcase "B weekly: summary (text)" 0 "per_1000                      666.7
previous_per_1000             333.3
per_1000_change               333.4
first_contact_pct             87.5
resolved_in_time_pct          57.1
complainant_satisfaction_pct  66.7
target_met                    n" "" \
    sh -c "${W[*]} --section summary | grep -E '^(per_1000|previous_per_1000|per_1000_change|first_contact_pct|resolved_in_time_pct|complainant_satisfaction_pct|target_met) '"
cp -r "$T/b" "$T/b2"
printf 'target.complainant_satisfaction\t0.6666\n' >"$T/b2/rules.tsv"
tcase "B weekly: 66.67 % meets a target of 0.6666 (json)" 0 "true" "" \
    sh -c "rs-report -d '$T/b2' --as-of $B_AS_OF weekly --week 2026-W46 -f json | jq .target_met"
tcase "B weekly: (tsv)" 0 "0.6666	y" "" \
    sh -c "rs-report -d '$T/b2' --as-of $B_AS_OF weekly --week 2026-W46 --section summary -f tsv -H | cut -f24,25"

tcase "B weekly: labels (json)" 0 '{"P001":3,"none":3,"P002":1,"P003":1}
{"张三":3,"unknown":2,"李雷":2,"王五":1}
{"provider":5,"agent":1,"dispatch":1,"undetermined":1}' "" \
    sh -c "${W[*]} -f json | jq -c '.by_provider, .by_agent, .by_responsible'"
tcase "B weekly: labels (tsv)" 0 "P001	3	
none	3	
P002	1	
P003	1	
张三	3
unknown	2
李雷	2
王五	1
provider	5
agent	1
dispatch	1
undetermined	1" "" \
    sh -c "for s in by_provider by_agent by_responsible; do ${W[*]} --section \$s -f tsv -H; done"
tcase "B weekly: labels (text)" 0 "none      –              3
unknown           2
undetermined           1" "" \
    sh -c "for s in by_provider by_agent by_responsible; do ${W[*]} --section \$s; done | grep -E '^(none|unknown|undetermined) '"

RED_TSV=$(cat <<'EOF'
category	responsible	count	cases
late	provider	5	RS-20261110-0003,RS-20261110-0001,RS-20261110-0002
attitude	agent	1	RS-20261111-0001
attitude	dispatch	1	RS-20261114-0001
fee	undetermined	1	RS-20261112-0001
EOF
)
tcase "B weekly: red list (tsv)" 0 "$RED_TSV" "" "${W[@]}" --section red_list -f tsv
tcase "B weekly: red list (json)" 0 '[{"category":"late","responsible":"provider","count":5,"cases":["RS-20261110-0003","RS-20261110-0001","RS-20261110-0002"]},{"category":"attitude","responsible":"agent","count":1,"cases":["RS-20261111-0001"]},{"category":"attitude","responsible":"dispatch","count":1,"cases":["RS-20261114-0001"]},{"category":"fee","responsible":"undetermined","count":1,"cases":["RS-20261112-0001"]}]' "" \
    sh -c "${W[*]} -f json | jq -c .red_list"
tcase "B weekly: red list (text, cut to 80 columns)" 0 "category  responsible   count  cases
late      provider          5  RS-20261110-0003,RS-20261110-0001,RS-20261110-00…
attitude  agent             1  RS-20261111-0001
attitude  dispatch          1  RS-20261114-0001
fee       undetermined      1  RS-20261112-0001" "" "${W[@]}" --section red_list

tcase "B weekly: overdue and actions (json)" 0 '["CP-20261111-0001","CP-20261112-0001"]
{"open":3,"done":1,"overdue":2}' "" \
    sh -c "${W[*]} -f json | jq -c '.overdue, .actions'"
tcase "B weekly: actions (tsv)" 0 "open	done	overdue
3	1	2" "" "${W[@]}" --section actions -f tsv
tcase "B weekly: actions (text)" 0 "open     3
done     1
overdue  2" "" "${W[@]}" --section actions
tcase "B weekly: open actions (tsv), overdue first, then by due" 0 "CP-20261110-0002	培训	调度	2026-11-12	y
CP-20261114-0001	流程	调度	2026-11-16	y
CP-20261110-0001	复盘	质检	2026-11-20	n" "" "${W[@]}" --section open_actions -f tsv -H
# One minute later the action-done row of K7 (at 10:02) has happened.
tcase "B weekly: as of 10:03 K7's action is done (after the week)" 0 '{"open":2,"done":1,"overdue":1}' "" \
    sh -c "rs-report -d '$T/b' --as-of 2026-11-18T10:03:00+08:00 weekly --week 2026-W46 -f json | jq -c .actions"

# ---------------------------------------------------------------------
# C. Rounding: half away from zero on the exact value (SPEC 10), and the
# bad-row warning (SPEC 3.1). 400 cases on 2026-11-08 (W45, never
# dispatched), then 800 on 2026-11-10 (W46), one complaint on 11-10,
# and two bad lines among the 11-10 rows. As of 2026-11-11 10:00:
#   kpi 11-10: 1 / 800 x 1000 = 1.25 per mille -> 1.3 (binary floating
#   point would make it 1.2); weekly W46 the same 1.3, previous week 0 /
#   400 = 0.0, change 1.3.
#   The file is over 64 KB, so a report of 11-10 starts reading at a
#   bisected offset, not knowing its line numbers: the warning still
#   names the first bad line, counted from the file's start.
newdir "$T/c"
TMPL=$(row cases ts=@T@ at=@T@ case_id=@ID@ event=opened phone=13800000000 location=深南大道 service=tow)
awk -v tmpl="$TMPL" 'function put(day, n, sec,    l, id) {
		l = tmpl
		id = sprintf("RS-202611%02d-%04d", day, n)
		ts = sprintf("2026-11-%02dT%02d:%02d:%02d+08:00", day, 8 + int(sec / 3600), int(sec % 3600 / 60), sec % 60)
		gsub(/@T@/, ts, l)
		sub(/@ID@/, id, l)
		print l
	}
	BEGIN {
		for (n = 1; n <= 400; n++) put(8, n, n * 30)
		for (n = 1; n <= 800; n++) {
			put(10, n, n * 30)
			if (n == 500 || n == 600) print "a torn\tfragment"
		}
	}' >>"$J/cases.tsv"
cpev CP-20261110-0001 "$(t 20:00)" opened case_id=RS-20261110-0001 level=1 category=late
C=(rs-report -d "$T/c" --as-of 2026-11-11T10:00:00+08:00)
FIRST_BAD=$(grep -n 'a torn' "$J/cases.tsv" | head -1 | cut -d: -f1)
WARN="rs-report: $T/c/cases.tsv: skipped 2 bad rows, the first at line $FIRST_BAD"
tok "C: the first bad line is line 902 (header, 400 + 500 rows, then it)" test "$FIRST_BAD" = 902
tok "C: the journal is long enough to be bisected" test "$(wc -c <"$J/cases.tsv")" -gt 65536
tcase "C kpi: 1.25 per mille is 1.3 (tsv)" 0 "2026-11-10	800	1	1.3" "$WARN" \
    sh -c "${C[*]} kpi --since 2026-11-10 --until 2026-11-11 -f tsv -H | cut -f1,2,5,6"
tcase "C kpi: (json)" 0 "1.3" "$WARN" \
    sh -c "${C[*]} kpi --since 2026-11-10 --until 2026-11-11 -f json | jq '.periods[0].per_1000'"
tcase "C kpi: (text)" 0 "2026-11-10    800               0.0              0.0           1       1.3         –    –                             –" "$WARN" \
    sh -c "${C[*]} kpi --since 2026-11-10 --until 2026-11-11 | tail -1"
tcase "C weekly: per_1000 1.3, change 1.3 (json)" 0 '[800,1,1.3,400,0,1.3]' "$WARN" \
    sh -c "${C[*]} weekly --week 2026-W46 -f json | jq -c '[.cases, .complaints, .per_1000, .previous_cases, .previous_per_1000, .per_1000_change]'"
tcase "C weekly: (tsv)" 0 "1.3	0.0	1.3" "$WARN" \
    sh -c "${C[*]} weekly --week 2026-W46 --section summary -f tsv -H | cut -f10-12"
tcase "C weekly: (text)" 0 "per_1000                      1.3" "$WARN" \
    sh -c "${C[*]} weekly --week 2026-W46 --section summary | grep '^per_1000 '"
tcase "C shift: the warning of a bisected read" 0 "800" "$WARN" \
    sh -c "${C[*]} shift --date 2026-11-10 -f json | jq .cases"
tcase "C case: the warning of a lookup" 0 "RS-20261110-0700" "$WARN" \
    sh -c "${C[*]} case RS-20261110-0700 -f json | jq -r .case_id"
tcase "C rs-dispatch list: the same warning" 0 "*" "rs-dispatch: $T/c/cases.tsv: skipped 2 bad rows, the first at line $FIRST_BAD" \
    rs-dispatch -d "$T/c" list --as-of 2026-11-11T10:00:00+08:00
tcase "C rs-journal check: every bad line, exit 1" 0 "cases.tsv:902
cases.tsv:1003
1" "$NOZONE" sh -c "rs-journal -d '$T/c' check >'$T/check.out'; rc=\$?; cut -d: -f1,2 '$T/check.out'; echo \$rc"

# D. Rounding of percentages, medians and NPS: 16 cases opened on
# 2026-11-10 from 09:00, one a minute. RS-20261110-0001 is assigned 7 min
# 15 s after it opened (435 s = 7.25 min -> 7.3, not 7.2: missed) and
# arrives after 20 min (met); the 15 others are never dispatched
# (missed). 16 reached service callbacks that day, one with overall 5
# (the others 3); 8 give an nps: one 3 (detractor), seven 8 (passive).
#   dispatch 0/16 = 0.0, median and p90 7.3; arrive 1/16 = 6.25 -> 6.3,
#   median 20.0; CSAT 1/16 = 6.25 -> 6.3; NPS 100 x (0 - 1) / 8 = -12.5
#   -> -13 (half away from zero; half up would give -12).
newdir "$T/d"
for n in $(seq 1 16); do
	opened "RS-20261110-$(printf %04d "$n")" "$(t "09:$(printf %02d $((n - 1)))")"
done
row dispatch ts="2026-11-10T09:07:15+08:00" at="2026-11-10T09:07:15+08:00" \
    case_id=RS-20261110-0001 event=assigned provider=P001 >>"$J/dispatch.tsv"
disp RS-20261110-0001 "$(t 09:20)" arrived
for n in $(seq 1 16); do
	nps=""
	[ "$n" -le 8 ] && nps=8
	[ "$n" = 2 ] && nps=3
	ov=3
	[ "$n" = 1 ] && ov=5
	cb "$(t "15:$(printf %02d "$n")")" case_id="RS-20261110-$(printf %04d "$n")" kind=service \
	    result=reached overall=$ov nps=$nps
done
D=(rs-report -d "$T/d" --as-of 2026-11-11T10:00:00+08:00)
tcase "D shift: 6.25 % is 6.3, 7.25 min is 7.3 (tsv)" 0 "dispatch	0	16	0	0.0	7.3	7.3
notify	0	16	0	0.0		
arrive	1	15	0	6.3	20.0	20.0" "" \
    sh -c "${D[*]} shift --date 2026-11-10 --section sla -f tsv -H | tail -3"
tcase "D shift: (json)" 0 '[0,7.3,6.3,20]' "" \
    sh -c "${D[*]} shift --date 2026-11-10 -f json | jq -c '[.sla.dispatch.pct, .sla.dispatch.median_min, .sla.arrive.pct, .sla.arrive.median_min]'"
tcase "D shift: (text)" 0 "arrive      1      15        0    6.3        20.0     20.0" "" \
    sh -c "${D[*]} shift --date 2026-11-10 --section sla | tail -1"
tcase "D kpi: CSAT 6.3, NPS -13 (tsv)" 0 "2026-11-10	16	0.0	6.3	0	0.0	6.3	-13	" "" \
    "${D[@]}" kpi --since 2026-11-10 --until 2026-11-11 -f tsv -H
tcase "D kpi: (json)" 0 '[6.3,6.3,-13]' "" \
    sh -c "${D[*]} kpi --since 2026-11-10 --until 2026-11-11 -f json | jq -c '.periods[0] | [.arrival_sla_pct, .csat_pct, .nps]'"
tcase "D kpi: (text)" 0 "2026-11-10     16               0.0              6.3           0       0.0       6.3  -13                             –" "" \
    sh -c "${D[*]} kpi --since 2026-11-10 --until 2026-11-11 | tail -1"
