# 55-network.sh - several sites read as one network (SPEC 12): -d given
# more than once, or RS_DIR as a ':' list; every site needs its own
# site.code; kpi sums the sites' counts and computes its ratios again
# from the sums, each site measured by its own rules; --by-site gives a
# row per period and site; --zone moves the periods.
#
# Two small sites, as of 2026-11-22 12:00 (+08:00), every case on a city
# road (no road: the 30 min arrival limit):
#   AA (defaults): A1 opened 09:00, assigned 09:03 (3 <= 5: met), arrived
#      09:20 (met); A2 opened 09:10, assigned 09:17 (7 > 5: missed), no
#      arrival by 09:40 (missed); a complaint on A1; A1 completed and its
#      service callback reached, overall 5, nps 10.
#   BB (sla.dispatch_min 10): B1 opened 09:00, assigned 09:07 (7 <= 10:
#      met under BB's own rule, though it would miss AA's), arrived 09:45
#      (missed); B1 completed, its callback reached, overall 3, nps 5.
# 2026-11-22, by day:
#   AA: cases 2, dispatch 1/2 = 50.0, arrival 1/2 = 50.0, complaints 1,
#       1/2*1000 = 500.0, CSAT 1/1 = 100.0, NPS (1-0)/1 = 100
#   BB: cases 1, dispatch 1/1 = 100.0, arrival 0/1 = 0.0, complaints 0,
#       0.0, CSAT 0/1 = 0.0, NPS (0-1)/1 = -100
#   network: cases 3, dispatch 2/3 = 66.7 (not the mean 75.0 of the two
#       percentages), arrival 1/3 = 33.3, complaints 1, 1/3*1000 = 333.3,
#       CSAT 1/2 = 50.0, NPS round(100*(1-1)/2) = 0; no complaint
#       callbacks: complainant satisfaction empty everywhere.

command -v rs-report >/dev/null 2>&1 || return 0

A=$T/aa B=$T/bb N=$T/nocode M=$T/nocode2
rs-journal init -d "$A" --zone Asia/Shanghai --site AA >/dev/null
rs-journal init -d "$B" --zone Asia/Shanghai --site BB >/dev/null
printf 'sla.dispatch_min\t10\n' >>"$B/rules.tsv"
for d in "$A" "$B"; do cp "$SAMPLES/providers.tsv" "$d/"; done
site() {
	_d=$1 _now=$2
	shift 2
	RS_NOW=$_now "$@" -d "$_d" >/dev/null 2>&1
}
intake() { RS_NOW=$2 rs-intake -q -d "$1" --phone 13800000001 --location X --service tow; }
A1=$(intake "$A" 2026-11-22T09:00:00+08:00)
A2=$(intake "$A" 2026-11-22T09:10:00+08:00)
B1=$(intake "$B" 2026-11-22T09:00:00+08:00)
site "$A" 2026-11-22T09:03:00+08:00 rs-dispatch assign "$A1" --provider P001 --force
site "$A" 2026-11-22T09:20:00+08:00 rs-dispatch arrive "$A1"
site "$A" 2026-11-22T09:17:00+08:00 rs-dispatch assign "$A2" --provider P001 --force
site "$A" 2026-11-22T09:30:00+08:00 rs-dispatch complete "$A1" --outcome towed
site "$A" 2026-11-22T09:40:00+08:00 rs-complain open --case "$A1" --category fee --demand x
site "$A" 2026-11-22T10:00:00+08:00 rs-callback record "$A1" --kind service --result reached --overall 5 --nps 10
site "$B" 2026-11-22T09:07:00+08:00 rs-dispatch assign "$B1" --provider P001 --force
site "$B" 2026-11-22T09:45:00+08:00 rs-dispatch arrive "$B1"
site "$B" 2026-11-22T09:50:00+08:00 rs-dispatch complete "$B1" --outcome towed
site "$B" 2026-11-22T10:00:00+08:00 rs-callback record "$B1" --kind service --result reached --overall 3 --nps 5

H='period	cases	dispatch_sla_pct	arrival_sla_pct	complaints	per_1000	csat_pct	nps	complainant_satisfaction_pct'
AA='2026-11-22	2	50.0	50.0	1	500.0	100.0	100	'
BB='2026-11-22	1	100.0	0.0	0	0.0	0.0	-100	'
NET='2026-11-22	3	66.7	33.3	1	333.3	50.0	0	'
export RS_NOW=2026-11-22T12:00:00+08:00
K='kpi -f tsv --since 2026-11-22'
tcase 'kpi: site AA alone' 0 "$H
$AA" '' rs-report $K -d "$A"
tcase 'kpi: site BB alone, by its own rules' 0 "$H
$BB" '' rs-report $K -d "$B"
tcase 'kpi: the network: sums, ratios of the sums' 0 "$H
$NET" '' rs-report $K -d "$A" -d "$B"
tcase 'kpi: the network from RS_DIR=A:B' 0 "$H
$NET" '' env RS_DIR="$A:$B" rs-report $K
tcase 'kpi --by-site: a row per period and site, by code' 0 "site	$H
AA	$AA
BB	$BB" '' rs-report $K -d "$B" -d "$A" --by-site
tcase 'kpi --by-site: one site' 0 "site	$H
AA	$AA" '' rs-report $K -d "$A" --by-site
# The network's weekly and monthly figures add up the same way.
tcase 'kpi --by week: the network' 0 "$H
2026-W47	3	66.7	33.3	1	333.3	50.0	0	" '' rs-report kpi -f tsv --by week --since 2026-11-22 -d "$A" -d "$B"
tcase 'kpi --by month: the network' 0 "$H
2026-11	3	66.7	33.3	1	333.3	50.0	0	" '' rs-report kpi -f tsv --by month --since 2026-11-22 -d "$A" -d "$B"

# --zone: the periods of another zone. In UTC, 2026-11-22 09:00 +08:00
# is 01:00 of the same day, so the figures stay; at -12:00 the cases are
# on the day before (2026-11-21 13:00), which --as-of (11-21 16:00 there)
# ends.
tcase 'kpi --zone UTC' 0 "$H
2026-11-22	3	66.7	33.3	1	333.3	50.0	0	" '' rs-report $K -d "$A" -d "$B" --zone UTC
tcase 'kpi --zone Etc/GMT+12: the day before' 0 "$H
2026-11-21	3	66.7	33.3	1	333.3	50.0	0	" '' rs-report kpi -f tsv --since 2026-11-21 -d "$A" -d "$B" --zone Etc/GMT+12
tcase 'kpi --zone: an unknown zone: exit 1' 1 '' "rs-report: --zone: unknown zone 'Mars/Base'" \
    rs-report $K -d "$A" --zone Mars/Base

# Every site its own code: else exit 1 naming the directories.
rs-journal init -d "$N" --zone Asia/Shanghai >/dev/null
rs-journal init -d "$M" --zone Asia/Shanghai >/dev/null
tcase 'two sites without codes: exit 1 naming both' 1 '' \
    "rs-report: $N, $M: no site.code: several sites are read as one only when each has its own (rs-journal init --site CODE)" \
    rs-report $K -d "$N" -d "$M"
tcase 'one site without a code: exit 1 naming it' 1 '' \
    "rs-report: $N: no site.code: several sites are read as one only when each has its own (rs-journal init --site CODE)" \
    rs-report $K -d "$A" -d "$N"
tcase 'one code twice: exit 1 naming both' 1 '' \
    "rs-report: $A, $T/aa/.: two sites with the code AA: each site needs its own site.code" \
    rs-report $K -d "$A" -d "$T/aa/."
tcase 'a missing site: exit 3' 3 '' "rs-report: $T/none: no such journal directory" \
    rs-report $K -d "$A" -d "$T/none"
tcase 'RS_DIR with an empty name: exit 2' 2 '' \
    "rs-report: kpi: RS_DIR: an empty directory name in the list (see rs-report kpi --help)" \
    env RS_DIR="$A::$B" rs-report $K

# Write commands (and the reads not yet networked) take one directory.
tcase 'a write command with two -d: exit 2' 2 '' \
    "rs-intake: new: --dir: this command takes one journal directory (several are read as one network by the reports) (see rs-intake new --help)" \
    rs-intake -q -d "$A" -d "$B" --phone 13800000001 --location X --service tow
tcase 'a write command with an RS_DIR list: exit 2' 2 '' \
    "rs-dispatch: notify: --dir: this command takes one journal directory (several are read as one network by the reports) (see rs-dispatch notify --help)" \
    env RS_DIR="$A:$B" rs-dispatch -q notify "$A1"
tfile 'refused writes: no case added' 2 <(tail -n +2 "$A/cases.tsv" | wc -l)
tfile 'refused writes: no dispatch row added' 4 <(tail -n +2 "$A/dispatch.tsv" | wc -l)

# The sample (SZ) and a second site made by the generator (GZ): --by-site
# is each site's own table, row for row, and the network's counts are
# their sums, its per_1000 the ratio of the sums (rounded half away
# from zero, in integers as SPEC 10 asks).
GEN=$TOP/build/gen-tool/rs-gen
if [ -x "$GEN" ]; then
	G=$T/gz
	"$GEN" -n 40 -D 14 -s 3 --start 2026-11-09 -p 12 --site GZ -d "$G" >/dev/null
	S=$SAMPLES/journal
	for by in day week month; do
		K="kpi -f tsv -H --by $by --as-of 2026-11-23T10:00:00+08:00"
		rs-report $K -d "$S" | sed 's/^/SZ\t/' >"$T/sz"
		rs-report $K -d "$G" | sed 's/^/GZ\t/' >"$T/gz.k"
		rs-report $K -d "$S" -d "$G" --by-site >"$T/both"
		tfile "sample + generated, by $by: --by-site is each site's own" \
		    "$(sort -s -k2,2 -k1,1 "$T/gz.k" "$T/sz")" "$T/both"
		rs-report $K -d "$G" -d "$S" >"$T/net"
		tfile "sample + generated, by $by: the network's cases, complaints and per_1000" \
		    "$(awk -F'\t' '{ c[$2] += $3; p[$2] += $6; if (!($2 in o)) o[$2] = n++ }
		    END { for (k in o) r[o[k]] = k
		    for (i = 0; i < n; i++) { k = r[i]; pm = ""
		    if (c[k] > 0) { x = int((p[k] * 10000 + int(c[k] / 2)) / c[k]); pm = sprintf("%d.%d", int(x / 10), x % 10) }
		    print k "\t" c[k] "\t" p[k] "\t" pm } }' "$T/both")" \
		    <(cut -f1,2,5,6 "$T/net")
	done
fi

# rs-journal check and cat read several sites (SPEC 12). check takes
# each directory on its own and names it before each file; cat prints a
# journal of every site, site after site in the order given, under one
# header (the ids, RS-AA-... and RS-BB-..., tell the sites apart).
tcase 'check, two clean sites: exit 0' 0 '' '' rs-journal -d "$A" -d "$B" check
tcase 'cat cases, two sites: A then B, one header' 0 'case_id	event
RS-AA-20261122-0001	opened
RS-AA-20261122-0002	opened
RS-BB-20261122-0001	opened' '' sh -c "rs-journal -d '$A' -d '$B' cat cases | cut -f3,4"
tcase 'cat cases, RS_DIR=B:A: B first' 0 'RS-BB-20261122-0001
RS-AA-20261122-0001
RS-AA-20261122-0002' '' sh -c "RS_DIR='$B:$A' rs-journal cat cases -H | cut -f3"
tcase 'cat -f json --since, two sites: each filtered' 0 '{"case_id":"RS-AA-20261122-0002"}' '' \
    sh -c "rs-journal -d '$A' -d '$B' cat cases -f json --since 2026-11-22T09:05 | jq -c '{case_id}'"
printf 'a\tb\n1\t2\n' >"$T/plain.tsv"
tcase 'cat of a file with two -d: printed once' 0 'a	b
1	2' '' rs-journal -d "$A" -d "$B" cat "$T/plain.tsv"
tcase 'cat, a site without a code: exit 1 naming it' 1 '' \
    "rs-journal: $N: no site.code: several sites are read as one only when each has its own (rs-journal init --site CODE)" \
    rs-journal -d "$A" -d "$N" cat cases
tcase 'export still takes one directory: exit 2' 2 '' \
    "rs-journal: export: --dir: this command takes one journal directory (several are read as one network by the reports) (see rs-journal export --help)" \
    rs-journal -d "$A" -d "$B" export cases
printf 'garbage\n' >>"$B/callbacks.tsv"
tcase 'check, a bad row at the second site: named with its directory' 1 \
    "$B/callbacks.tsv:3: wrong number of fields: 1, want 16" '' rs-journal -d "$A" -d "$B" check
tcase 'check from RS_DIR=A:B: the same' 1 \
    "$B/callbacks.tsv:3: wrong number of fields: 1, want 16" '' env RS_DIR="$A:$B" rs-journal check
tcase 'check, one site: the file alone, as before' 1 \
    "callbacks.tsv:3: wrong number of fields: 1, want 16" '' rs-journal -d "$B" check
tcase 'check, a missing site: exit 3, nothing checked' 3 '' "rs-journal: $T/none: no such journal directory" \
    rs-journal -d "$B" -d "$T/none" check
tcase 'check, sites without codes: each checked (no ids are joined)' 0 '' '' \
    rs-journal -d "$N" -d "$M" check
