# 52-report-kpi.sh - rs-report kpi on the shift journal (see
# 50-report.sh for its cases). Default: by day, the 7 days ending with
# 2026-11-22 (as of 10:00).
#   11-20: C0, never dispatched: dispatch and arrival missed -> 0.0, 0.0;
#          no complaint: 0/1 -> 0.0
#   11-21: C1 met/met, C2 missed/missed, C3 cancelled (excluded) -> 50.0,
#          50.0; CP-20261121-0001: 1/3*1000 = 333.3; one reached service
#          callback (C0's, 12:00) overall 2, nps 3: CSAT 0/1 = 0.0, NPS
#          round(100*(0-1)/1) = -100
#   11-22: C4 met/met, C5 met/excluded (remote) -> 100.0, 100.0; C2's
#          callback overall 5 nps 10: 100.0, 100; C1's no-answer counts
#          nowhere
#   other days: no cases: every ratio empty; no complaint callbacks at
#   all: complainant satisfaction always empty.
# --by week, W41..W47: W46 holds RS-20261110-0001 (never dispatched:
#   0.0, 0.0); W47 6 cases: dispatch C0 x, C1 v, C2 x, C4 v, C5 v = 3/5
#   = 60.0; arrival C0 x, C1 v, C2 x, C4 v = 2/4 = 50.0; 1/6*1000 =
#   166.7; CSAT 1/2 = 50.0; NPS (1 - 1)/2 = 0.
# --by month: 2026-11 7 cases: 3/6 = 50.0, 2/5 = 40.0, 1/7*1000 = 142.9.

D=$TOP/tests/cli/data/report/shift
KPI_TSV=$(cat <<'EOF'
period	cases	dispatch_sla_pct	arrival_sla_pct	complaints	per_1000	csat_pct	nps	complainant_satisfaction_pct
2026-11-16	0			0				
2026-11-17	0			0				
2026-11-18	0			0				
2026-11-19	0			0				
2026-11-20	1	0.0	0.0	0	0.0			
2026-11-21	3	50.0	50.0	1	333.3	0.0	-100	
2026-11-22	2	100.0	100.0	0	0.0	100.0	100	
EOF
)
KPI_TEXT=$(cat <<'EOF'
KPIs
by day, 2026-11-16 00:00 to 2026-11-23 00:00, as of 2026-11-22 10:00

== summary: Summary ==
from   2026-11-16 00:00
to     2026-11-23 00:00
by     day
as_of  2026-11-22 10:00

== periods: KPIs by period ==
SLA % = met / (met + missed); per_1000 = complaints / cases x 1000; CSAT % =
reached service callbacks with overall >= 4; NPS = % 9-10 minus % 0-6
period      cases  dispatch_sla_pct  arrival_sla_pct  complaints  per_1000  csat_pct  nps   complainant_satisfaction_pct
2026-11-16      0                 –                –           0         –         –     –                             –
2026-11-17      0                 –                –           0         –         –     –                             –
2026-11-18      0                 –                –           0         –         –     –                             –
2026-11-19      0                 –                –           0         –         –     –                             –
2026-11-20      1               0.0              0.0           0       0.0         –     –                             –
2026-11-21      3              50.0             50.0           1     333.3       0.0  -100                             –
2026-11-22      2             100.0            100.0           0       0.0     100.0   100                             –
EOF
)
KPI_WEEK=$(cat <<'EOF'
period	cases	dispatch_sla_pct	arrival_sla_pct	complaints	per_1000	csat_pct	nps	complainant_satisfaction_pct
2026-W41	0			0				
2026-W42	0			0				
2026-W43	0			0				
2026-W44	0			0				
2026-W45	0			0				
2026-W46	1	0.0	0.0	0	0.0			
2026-W47	6	60.0	50.0	1	166.7	50.0	0	
EOF
)
KPI_MONTH=$(cat <<'EOF'
2026-10	0			0				
2026-11	7	50.0	40.0	1	142.9	50.0	0	
EOF
)
KPI_JQ=$(cat <<'EOF'
["2026-11-16T00:00:00+08:00","2026-11-23T00:00:00+08:00","day",7,{"period":"2026-11-21","cases":3,"dispatch_sla_pct":50,"arrival_sla_pct":50,"complaints":1,"per_1000":333.3,"csat_pct":0,"nps":-100,"complainant_satisfaction_pct":null},{"period":"2026-11-16","cases":0,"dispatch_sla_pct":null,"arrival_sla_pct":null,"complaints":0,"per_1000":null,"csat_pct":null,"nps":null,"complainant_satisfaction_pct":null}]
EOF
)
KPI_MD=$(cat <<'EOF'
| 2026-11-20 | 1 | 0.0 | 0.0 | 0 | 0.0 | – | – | – |
| 2026-11-21 | 3 | 50.0 | 50.0 | 1 | 333.3 | 0.0 | -100 | – |
| 2026-11-22 | 2 | 100.0 | 100.0 | 0 | 0.0 | 100.0 | 100 | – |
EOF
)
tcase "kpi: tsv" 0 "$KPI_TSV" "" rs-report -d "$D" kpi -f tsv
tcase "kpi: text" 0 "$KPI_TEXT" "" rs-report -d "$D" kpi
tcase "kpi: csv is the same table" 0 "$KPI_TSV" "" sh -c "rs-report -d '$D' kpi -f csv | tr -d '\r' | tr ',' '\t'"
tcase "kpi: --by week" 0 "$KPI_WEEK" "" rs-report -d "$D" kpi -f tsv --by week
tcase "kpi: --by month" 0 "$KPI_MONTH" "" sh -c "rs-report -d '$D' kpi -f tsv --by month | tail -2"
tcase "kpi: json" 0 "$KPI_JQ" "" sh -c "rs-report -d '$D' kpi -f json | jq -c '[.from,.to,.by,(.periods|length),.periods[5],.periods[0]]'"
tcase "kpi: md" 0 "$KPI_MD" "" sh -c "rs-report -d '$D' kpi -f md | tail -3"
tcase "kpi: --since/--until" 0 "2026-11-21	3
2026-11-22	2" "" sh -c "rs-report -d '$D' kpi -f tsv -H --since 2026-11-21 --until 2026-11-23 | cut -f1,2"
tcase "kpi: tsv parses with mlr" 0 "333.3" "" \
	sh -c "rs-report -d '$D' kpi -f tsv | mlr --itsv --onidx filter '\$period == \"2026-11-21\"' then cut -f per_1000"
rs-report -d "$D" kpi -f html >"$T/k.html"
tok "kpi: html is well-formed XML" xmllint --noout "$T/k.html"
tcase "kpi: html references nothing outside" 1 "" "" grep -E 'http:|https:|src=|<script|url\(' "$T/k.html"
tcase "kpi: bad --by" 2 "" "*" rs-report -d "$D" kpi --by year
