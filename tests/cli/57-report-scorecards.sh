# 57-report-scorecards.sh - rs-report providers and agents (SPEC 6, SPEC
# 10 "Scorecards") on a journal built here by hand; every expected figure
# is worked out below from the rules and the rows. TZ is Asia/Shanghai
# (lib.sh); every run gives --as-of 2026-11-20T10:00 (in W47), so the
# default period is the last finished ISO week, 2026-W46 = [11-09, 11-16).
#
# Limits (SPEC 9): file 3, dispatch 5, notify 8 min from call_at (else
# the case's at); arrive 30 min (city) from the case's at.
. "$TOP/tests/cli/data/report/rows.sh"

newdir "$T/sc"
printf '%s\n' "provider_id	name	phone	region	lat	lon	services	ev	highway	active	note" \
    "P001	顺达救援	0755-1234567	福田区	22.54	114.05	tow	n	n	y	" \
    "P002	安途汽车	0755-7654321	南山区	22.53	113.93	tow	n	n	y	" >"$J/providers.tsv"
d() { printf '2026-11-%sT%s:00+08:00' "$1" "$2"; }	# d DAY HH:MM

# Cases. 李雷 opens C1 C2 C5, 韩梅梅 C3 C4 C7 (and C8 of the week before),
# nobody (agent empty: "unknown") C6; C9 is of the week after.
opened RS-20261105-0001 "$(d 05 09:00)" agent=韩梅梅			# C8, W45
opened RS-20261110-0001 "$(d 10 09:00)" agent=李雷 call_at="$(d 10 08:58)"	# C1
opened RS-20261110-0002 "$(d 10 10:00)" agent=李雷 call_at="$(d 10 09:55)"	# C2
opened RS-20261110-0003 "$(d 10 11:00)" agent=韩梅梅			# C3
opened RS-20261110-0004 "$(d 10 12:00)" agent=韩梅梅			# C4
opened RS-20261110-0005 "$(d 10 13:00)" agent=李雷			# C5
opened RS-20261110-0006 "$(d 10 14:00)"					# C6
opened RS-20261110-0007 "$(d 10 15:00)" agent=韩梅梅			# C7
opened RS-20261117-0001 "$(d 17 09:00)" agent=李雷			# C9, W47

disp RS-20261105-0001 "$(d 05 09:02)" assigned provider=P003
disp RS-20261105-0001 "$(d 05 09:20)" arrived
disp RS-20261105-0001 "$(d 05 09:50)" completed outcome=towed
disp RS-20261110-0001 "$(d 10 09:02)" assigned provider=P001
disp RS-20261110-0001 "$(d 10 09:05)" notified
disp RS-20261110-0001 "$(d 10 09:20)" arrived
disp RS-20261110-0001 "$(d 10 09:50)" completed outcome=towed
disp RS-20261110-0002 "$(d 10 10:03)" assigned provider=P001
disp RS-20261110-0002 "$(d 10 10:10)" notified
disp RS-20261110-0002 "$(d 10 10:45)" arrived
disp RS-20261110-0002 "$(d 10 11:20)" completed outcome=towed
disp RS-20261110-0003 "$(d 10 11:04)" assigned provider=P002
disp RS-20261110-0003 "$(d 10 11:06)" notified
disp RS-20261110-0003 "$(d 10 11:25)" arrived
disp RS-20261110-0003 "$(d 10 11:50)" completed outcome=towed
disp RS-20261110-0004 "$(d 10 12:02)" assigned provider=P001
disp RS-20261110-0004 "$(d 10 12:10)" cancelled reason=customer
disp RS-20261110-0005 "$(d 10 13:01)" assigned provider=P002
disp RS-20261110-0005 "$(d 10 13:03)" assigned provider=P001
disp RS-20261110-0005 "$(d 10 13:05)" notified
disp RS-20261110-0005 "$(d 10 13:40)" arrived
disp RS-20261110-0005 "$(d 10 14:05)" completed outcome=towed
disp RS-20261110-0006 "$(d 10 14:06)" assigned provider=P002
disp RS-20261110-0006 "$(d 10 14:30)" completed outcome=remote
disp RS-20261117-0001 "$(d 17 09:02)" assigned provider=P001

# Complaints. K1 on C2 names no provider (the case's last: P001); K2 on
# C5 names P002 (the case's last is P001: the complaint's wins); K3 on
# C8 (a W45 case of P003); K4 on C7 (no provider); K6 on C6 (P002);
# K5 on C1 is of W47 and counts nowhere.
cpev CP-20261110-0001 "$(d 10 12:00)" opened case_id=RS-20261110-0002 level=2 category=late
cpev CP-20261110-0002 "$(d 10 14:00)" opened case_id=RS-20261110-0005 level=1 category=attitude provider=P002
cpev CP-20261110-0003 "$(d 10 16:00)" opened case_id=RS-20261110-0006 level=2 category=agent
cpev CP-20261110-0001 "$(d 10 17:00)" investigated case_id=RS-20261110-0002 responsible=provider
cpev CP-20261110-0002 "$(d 10 17:10)" investigated case_id=RS-20261110-0005 responsible=agent
cpev CP-20261110-0003 "$(d 10 17:20)" investigated case_id=RS-20261110-0006 responsible=agent
cpev CP-20261111-0001 "$(d 11 09:00)" opened case_id=RS-20261105-0001 level=2 category=damage responsible=provider
cpev CP-20261110-0001 "$(d 11 10:00)" contacted case_id=RS-20261110-0002
cpev CP-20261110-0001 "$(d 11 10:30)" resolved case_id=RS-20261110-0002 remedy=refund amount=100.00
cpev CP-20261110-0002 "$(d 11 11:00)" remedy case_id=RS-20261110-0005 remedy=voucher amount=30
cpev CP-20261111-0001 "$(d 11 12:00)" remedy case_id=RS-20261105-0001 remedy=repair amount=200.00
cpev CP-20261112-0001 "$(d 12 09:00)" opened case_id=RS-20261110-0007 level=2 category=dispatch responsible=dispatch
cpev CP-20261110-0001 "$(d 17 09:00)" remedy case_id=RS-20261110-0002 remedy=compensation amount=50.50
cpev CP-20261117-0001 "$(d 17 10:00)" opened case_id=RS-20261110-0001 level=2 category=other responsible=provider
cpev CP-20261117-0001 "$(d 17 10:30)" remedy case_id=RS-20261110-0001 remedy=compensation amount=999.00

# Callbacks (service unless said; by their own at).
cb "$(d 10 10:00)" case_id=RS-20261105-0001 kind=service result=reached overall=5 nps=10	# B6
cb "$(d 10 12:00)" case_id=RS-20261110-0001 kind=service result=reached overall=5 nps=10	# B1
cb "$(d 10 13:00)" case_id=RS-20261110-0002 kind=service result=reached overall=2 nps=3	# B2
cb "$(d 10 13:00)" case_id=RS-20261110-0004 kind=service result=no-answer			# B4
cb "$(d 11 10:00)" case_id=RS-20261110-0005 kind=service result=reached overall=4 nps=8	# B3
cb "$(d 11 10:00)" case_id=RS-20261110-0003 kind=service result=reached overall=3 nps=9	# B5
cb "$(d 11 11:00)" case_id=RS-20261110-0002 complaint_id=CP-20261110-0001 kind=complaint result=reached overall=1	# not service
cb "$(d 17 10:00)" case_id=RS-20261110-0001 kind=service result=reached overall=1 nps=0	# B7, W47

AS="--as-of 2026-11-20T10:00"

# --- providers ---------------------------------------------------------
# Jobs = W46 cases by their last assigned provider:
#   P001: C1 C2 C4 C5 (C5 reassigned from P002) = 4; completed C1 C2 C5 = 3;
#     cancelled C4 = 1. Arrive (30 min from the case's at): C1 20 met, C2 45
#     missed, C5 40 missed, C4 excluded (cancelled) -> 1 met 2 missed, 33.3;
#     median of 20, 40, 45 (nearest rank, ceil(50 % x 3) = 2nd) = 40.0.
#   P002: C3 C6 = 2, both completed (C6 remote); arrive C3 25 met, C6
#     excluded (remote, no arrival) -> 1/1 = 100.0, median 25.0.
#   P003: no W46 job (C8 is of W45) but a complaint: a row (SPEC 10).
# Complaints of W46 by the complaint's provider, else the case's:
#   P001: K1 -> 1, per 1000 jobs 1/4 x 1000 = 250.0; responsible provider 1;
#     compensation: K1's items, all of them (resolve 100.00 on 11-11 and
#     remedy 50.50 on 11-17, after the week) = 150.50.
#   P002: K2 (named), K6 (C6's) -> 2, 2/2 x 1000 = 1000.0; responsible
#     provider 0 (both agent); compensation K2 30.00.
#   P003: K3 -> 1, per 1000 none (no jobs); responsible 1; 200.00.
#   K4 (C7, no provider) counts for no provider; K5 is of W47.
# Service callbacks of W46 by their case's provider:
#   P001: B1 5/10, B2 2/3, B3 4/8 (B4 no answer): CSAT 2/3 = 66.7;
#     NPS promoters 1 (10), detractors 1 (3), of 3 = 0.
#   P002: B5 3/9: CSAT 0/1 = 0.0, NPS 1 promoter of 1 = 100.
#   P003: B6 5/10 (on C8, the week before): 100.0, 100.
# Order: jobs descending, then id.
tcase "providers: tsv" 0 "$(printf '%s\n' \
    "provider_id	name	jobs	completed	cancelled	arrive_met	arrive_missed	arrive_pct	arrive_median_min	complaints	per_1000_jobs	responsible_complaints	compensation	csat_pct	nps" \
    "P001	顺达救援	4	3	1	1	2	33.3	40.0	1	250.0	1	150.50	66.7	0" \
    "P002	安途汽车	2	2	0	1	0	100.0	25.0	2	1000.0	0	30.00	0.0	100" \
    "P003		0	0	0	0	0			1		1	200.00	100.0	100")" "" \
    rs-report -d "$J" providers $AS -f tsv
tcase "providers: json" 0 '{
  "providers": [
    {"provider_id": "P001", "name": "顺达救援", "jobs": 4, "completed": 3, "cancelled": 1, "arrive_met": 1, "arrive_missed": 2, "arrive_pct": 33.3, "arrive_median_min": 40.0, "complaints": 1, "per_1000_jobs": 250.0, "responsible_complaints": 1, "compensation": 150.50, "csat_pct": 66.7, "nps": 0},
    {"provider_id": "P002", "name": "安途汽车", "jobs": 2, "completed": 2, "cancelled": 0, "arrive_met": 1, "arrive_missed": 0, "arrive_pct": 100.0, "arrive_median_min": 25.0, "complaints": 2, "per_1000_jobs": 1000.0, "responsible_complaints": 0, "compensation": 30.00, "csat_pct": 0.0, "nps": 100},
    {"provider_id": "P003", "name": null, "jobs": 0, "completed": 0, "cancelled": 0, "arrive_met": 0, "arrive_missed": 0, "arrive_pct": null, "arrive_median_min": null, "complaints": 1, "per_1000_jobs": null, "responsible_complaints": 1, "compensation": 200.00, "csat_pct": 100.0, "nps": 100}
  ]
}' "" rs-report -d "$J" providers $AS -f json
tcase "providers: --section providers is the table" 0 \
    "$(rs-report -d "$J" providers $AS -f tsv)" "" rs-report -d "$J" providers $AS -f tsv --section providers
tcase "providers: csv" 0 "$(printf '%s\r\n' \
    "provider_id,name,jobs,completed,cancelled,arrive_met,arrive_missed,arrive_pct,arrive_median_min,complaints,per_1000_jobs,responsible_complaints,compensation,csat_pct,nps" \
    "P001,顺达救援,4,3,1,1,2,33.3,40.0,1,250.0,1,150.50,66.7,0")" "" \
    sh -c "rs-report -d '$J' providers $AS -f csv | head -2"

# An explicit period [11-10 11:00, 13:00): C3 (P002) and C4 (P001) are
# its cases; K1 (12:00) its complaint; B1 (12:00) its callback (on C1,
# P001's job of an earlier hour: a provider with a row gets its
# callbacks); B2 and B4 at 13:00 are outside (half-open).
#   P001: 1 job (C4, cancelled), arrive none -> empty; K1: 1, 1000.0, 1,
#     150.50; B1 5/10: 100.0, 100.
#   P002: 1 job (C3) completed, arrive 1 met 100.0, 25.0; no complaint:
#     0, per 1000 0.0, compensation 0.00; no callback: CSAT, NPS empty.
tcase "providers: --since --until" 0 "$(printf '%s\n' \
    "P001	顺达救援	1	0	1	0	0			1	1000.0	1	150.50	100.0	100" \
    "P002	安途汽车	1	1	0	1	0	100.0	25.0	0	0.0	0	0.00		")" "" \
    rs-report -d "$J" providers $AS -f tsv -H --since 2026-11-10T11:00 --until 2026-11-10T13:00

# html: a chart of on-time arrival, worst first (P001 33.3, P002 100.0,
# P003 none last), beside the table.
rs-report -d "$J" providers $AS -f html >"$T/p.html"
tok "providers: html is well-formed" xmllint --noout "$T/p.html"
tcase "providers: html chart worst first" 0 "P001
P002
P003" "" sh -c "sed -n '/<svg/,/<\/svg>/p' '$T/p.html' | grep -o 'text-anchor=\"end\">P00[0-9]' | cut -d'>' -f2"
tcase "providers: text" 0 "Provider scorecard
2026-11-09 00:00 to 2026-11-16 00:00, as of 2026-11-20 10:00" "" \
    sh -c "rs-report -d '$J' providers $AS | head -2"

# --- agents -------------------------------------------------------------
# Cases of W46 by the agent of the opened row:
#   李雷: C1 C2 C5 = 3. file (opened at - call_at): C1 2 met, C2 5 missed,
#     C5 0 (no call_at) met -> 2/3 66.7; dispatch (first assigned - call_at):
#     C1 4 met, C2 8 missed, C5 1 met -> 66.7; notify: C1 7 met, C2 15
#     missed, C5 5 met -> 66.7. Complaints of W46 on his cases: K1 (C2), K2
#     (C5) = 2; responsible agent: K2 = 1. CSAT: B1 5, B2 2, B3 4 -> 66.7.
#   韩梅梅: C3 C4 C7 = 3. file: all 0 -> 100.0; dispatch: C3 4 met, C4 2
#     met, C7 never (due 15:05, before --as-of) missed -> 66.7; notify: C3
#     6 met, C4 excluded (cancelled 12:10 before any notify), C7 missed ->
#     1/2 50.0. Complaints: K4 (C7) and K3 (C8, her W45 case) = 2;
#     responsible agent none = 0. CSAT: B5 3 (C3), B6 5 (C8) -> 1/2 50.0.
#   unknown: C6 = 1. file 0 met 100.0; dispatch 6 missed 0.0; notify never,
#     missed (a remote completion does not excuse it) 0.0. K6: 1, agent 1.
#     No callback: CSAT empty.
# Order: cases descending, then name by bytes (李 E6.. before 韩 E9..).
tcase "agents: tsv" 0 "$(printf '%s\n' \
    "agent	cases	file_pct	dispatch_pct	notify_pct	complaints	responsible_complaints	csat_pct" \
    "李雷	3	66.7	66.7	66.7	2	1	66.7" \
    "韩梅梅	3	100.0	66.7	50.0	2	0	50.0" \
    "unknown	1	100.0	0.0	0.0	1	1	")" "" \
    rs-report -d "$J" agents $AS -f tsv
tcase "agents: json" 0 '{
  "agents": [
    {"agent": "李雷", "cases": 3, "file_pct": 66.7, "dispatch_pct": 66.7, "notify_pct": 66.7, "complaints": 2, "responsible_complaints": 1, "csat_pct": 66.7},
    {"agent": "韩梅梅", "cases": 3, "file_pct": 100.0, "dispatch_pct": 66.7, "notify_pct": 50.0, "complaints": 2, "responsible_complaints": 0, "csat_pct": 50.0},
    {"agent": "unknown", "cases": 1, "file_pct": 100.0, "dispatch_pct": 0.0, "notify_pct": 0.0, "complaints": 1, "responsible_complaints": 1, "csat_pct": null}
  ]
}' "" rs-report -d "$J" agents $AS -f json
tcase "agents: md has its table" 0 "| 坐席 | 案件 |" "" sh -c \
    "env -u LC_ALL LANG=zh_CN.UTF-8 rs-report -d '$J' agents $AS -f md | grep -o '^| 坐席 | [^|]* |' | head -1"

# --- usage ----------------------------------------------------------------
tcase "--since without --until" 2 "" \
    "rs-report: providers: --since and --until go together (see rs-report providers --help)" \
    rs-report -d "$J" providers $AS --since 2026-11-10
tcase "--until before --since" 2 "" \
    "rs-report: agents: --until must be after --since (see rs-report agents --help)" \
    rs-report -d "$J" agents $AS --since 2026-11-10 --until 2026-11-09
tcase "no such section" 2 "" \
    "rs-report: providers: --section: no section 'trend' in the providers report (have: providers) (see rs-report providers --help)" \
    rs-report -d "$J" providers $AS --section trend
tcase "--week is not a scorecard option" 2 "" "*" rs-report -d "$J" providers $AS --week 2026-W46
