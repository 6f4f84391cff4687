#!/bin/sh
# figures.sh [DIR] - key figures of a journal directory (archives too) as a
# Markdown table, with awk only: cases per day, service mix, EV share,
# cancellations, remote fixes, reassignments, late arrivals (arrived after
# 30 min in the city, 60 on highway/rural roads, from the opened row's at),
# dispatch within 5 min of the call, complaint rate, CSAT, complainant
# satisfaction. Used for samples/README.md:  tests/gen/figures.sh samples/journal
set -eu
dir=${1:-samples/journal}
cat_j() {	# a journal: archives oldest first, then the live file, no headers
	for f in "$dir/$1".????-??.tsv.gz; do
		[ -f "$f" ] && gzip -dc "$f" | tail -n +2
	done
	tail -n +2 "$dir/$1.tsv"
}
{
	cat_j cases | sed 's/^/C\t/'
	cat_j dispatch | sed 's/^/D\t/'
	cat_j complaints | sed 's/^/P\t/'
	cat_j callbacks | sed 's/^/B\t/'
} | awk -F '\t' '
function ep(s,   y, m, d) {	# seconds of a local time, for differences
	y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
	if (m <= 2) { y--; m += 12 }
	return ((365 * y + int(y / 4) - int(y / 100) + int(y / 400) + \
	    int((153 * (m - 3) + 2) / 5) + d) * 86400 + substr(s, 12, 2) * 3600 + \
	    substr(s, 15, 2) * 60 + substr(s, 18, 2))
}
function pct(a, b) { return b ? sprintf("%.1f %%", 100 * a / b) : "–" }
$1 == "C" && $5 == "opened" {
	n++; day[substr($3, 1, 10)]++; serv[$19]++; road[$18]++
	if ($14 == "ev") ev++
	opened[$4] = ep($3); call[$4] = $7 != "" ? ep($7) : ep($3); rd[$4] = $18
}
$1 == "D" {
	c = $4
	if ($5 == "assigned") { if (c in asg) reas[c] = 1; else { asg[c] = 1; if (ep($3) - call[c] <= 300) dok++; nd++ } }
	if ($5 == "cancelled") canc++
	if ($5 == "completed" && $12 == "remote") remote++
	if ($5 == "arrived" && !(c in arr)) {
		arr[c] = 1; na++
		if (ep($3) - opened[c] > (rd[c] == "city" ? 30 : 60) * 60) late++
	}
}
$1 == "P" && $6 == "opened" { np++; cat[$9]++; lvl[$8]++ }
$1 == "B" && $7 == "reached" {
	if ($6 == "service") { sr++; if ($8 >= 4) sok++ }
	if ($6 == "complaint") { cr++; if ($8 >= 4) cok++ }
}
END {
	mn = 1e9; mx = 0
	for (d in day) { nday++; if (day[d] < mn) mn = day[d]; if (day[d] > mx) mx = day[d]; if (first == "" || d < first) first = d; if (d > last) last = d }
	for (c in reas) nre++
	printf "| figure | value |\n|---|---|\n"
	printf "| period (opened) | %s – %s (%d days) |\n", first, last, nday
	printf "| cases | %d |\n", n
	printf "| cases per day | %.0f (min %d, max %d) |\n", n / nday, mn, mx
	s = ""; split("tow tyre jumpstart fuel lockout winch repair transfer chauffeur booking", k, " ")
	for (i = 1; i <= 10; i++) s = s sprintf("%s%s %.1f", i > 1 ? ", " : "", k[i], 100 * serv[k[i]] / n)
	printf "| service mix (%%) | %s |\n", s
	printf "| road: city / highway / rural | %s / %s / %s |\n", pct(road["city"], n), pct(road["highway"], n), pct(road["rural"], n)
	printf "| EVs | %s |\n", pct(ev, n)
	printf "| dispatched within 5 min of the call | %s |\n", pct(dok, nd)
	printf "| late arrivals (> 30 min city, > 60 min highway/rural) | %s of %d arrivals |\n", pct(late, na), na
	printf "| cancelled | %s |\n", pct(canc, n)
	printf "| remote fixes | %s |\n", pct(remote, n)
	printf "| reassigned | %s |\n", pct(nre, n)
	printf "| complaints | %d (%s of cases, %.1f per 1000) |\n", np, pct(np, n), 1000 * np / n
	s = ""; split("late no-show attitude technical fee damage location dispatch agent other", k, " ")
	for (i = 1; i <= 10; i++) s = s sprintf("%s%s %d", i > 1 ? ", " : "", k[i], cat[k[i]])
	printf "| complaints by category | %s |\n", s
	printf "| complaints by level 1/2/3/4 | %d / %d / %d / %d |\n", lvl[1], lvl[2], lvl[3], lvl[4]
	printf "| CSAT (service callbacks, overall >= 4) | %s of %d reached |\n", pct(sok, sr), sr
	printf "| complainant satisfaction (complaint callbacks) | %s of %d reached |\n", pct(cok, cr), cr
}'
