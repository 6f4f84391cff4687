# kpi.awk - the reference for the full-scan benchmark (tests/bench/run.sh):
# rs-report kpi --by month's cases, dispatch_sla_pct, arrival_sla_pct,
# complaints and per_1000 columns (SPEC 9, 10), computed from the same
# journal files by plain POSIX awk (run with gawk and with mawk):
#
#   awk -v asof=EPOCH -v disp_min=5 -v city_min=30 -v hw_min=60 \
#       -v lead_min=30 -v grace_min=10 -f kpi.awk cases.tsv dispatch.tsv complaints.tsv
#
# A booked job (scheduled_at, SPEC 9) is due for dispatch lead_min before
# its time (or at the desk limit, if later) and for arrival grace_min after.
#
# Written to be a fair, reasonably quick awk program, not a slow one:
# one pass per file, fields by FS, only the columns the table needs,
# integer time arithmetic (no mktime), months read from the time text.
# It trusts the data (no validation: rs-report validates every row) and
# assumes the rows are written in the local offset of the run (the
# generator writes +08:00 and the bench runs with TZ=Asia/Shanghai), as
# a month is the first 7 bytes of the opened row's at.
BEGIN {
	FS = "\t"
	file = 0
}
FNR == 1 {
	file++
	# Columns by name, so that a reordered header still works.
	for (i = 1; i <= NF; i++)
		col[file, $i] = i
	if (file == 1) {
		c_at = col[1, "at"]; c_id = col[1, "case_id"]; c_ev = col[1, "event"]
		c_call = col[1, "call_at"]; c_road = col[1, "road"]
		c_sched = col[1, "scheduled_at"]
	} else if (file == 2) {
		d_at = col[2, "at"]; d_id = col[2, "case_id"]; d_ev = col[2, "event"]
		d_out = col[2, "outcome"]
	} else {
		p_at = col[3, "at"]; p_ev = col[3, "event"]
	}
	next
}
# epoch: seconds since 1970 of "YYYY-MM-DDTHH:MM:SS+HH:MM" (days from civil).
function epoch(s,    y, m, d, days, off) {
	y = substr(s, 1, 4) + 0
	m = substr(s, 6, 2) + 0
	d = substr(s, 9, 2) + 0
	if (m <= 2) {
		y--
		m += 12
	}
	days = 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + \
	    int((153 * (m - 3) + 2) / 5) + d - 719469
	off = 0
	if (length(s) == 25) {
		off = substr(s, 21, 2) * 3600 + substr(s, 24, 2) * 60
		if (substr(s, 20, 1) == "-")
			off = -off
	}
	return days * 86400 + substr(s, 12, 2) * 3600 + substr(s, 15, 2) * 60 + \
	    substr(s, 18, 2) - off
}
file == 1 {
	k = $c_id
	if ($c_ev == "opened" && !(k in opened)) {
		opened[k] = epoch($c_at)
		month[k] = substr($c_at, 1, 7)
	}
	if ($c_call != "")
		call[k] = epoch($c_call)
	if ($c_road != "")
		road[k] = $c_road
	if ($c_sched != "")
		sched[k] = epoch($c_sched)
	next
}
file == 2 {
	k = $d_id
	if (!(k in opened))
		next
	e = $d_ev
	if (e == "assigned") {
		t = epoch($d_at)
		if (!(k in asg) || t < asg[k])
			asg[k] = t
	} else if (e == "arrived") {
		t = epoch($d_at)
		if (!(k in arr) || t < arr[k])
			arr[k] = t
	} else if (e == "completed") {
		remote[k] = $d_out == "remote"
	} else if (e == "cancelled") {
		canc[k] = epoch($d_at)
	}
	next
}
file == 3 {
	if ($p_ev == "opened")
		complaints[substr($p_at, 1, 7)]++
	next
}
# step: 1 met, 2 missed, 0 pending or excluded (SPEC 10), due at due.
function step(due, done, has_done, cancelled, has_canc) {
	if (has_done && (!has_canc || done <= cancelled))
		return done <= due ? 1 : 2
	if (has_canc)
		return 0
	return due < asof ? 2 : 0
}
# ratio: num / den x scale, one decimal, halves away from zero, in integers.
function ratio(num, den, scale,    q) {
	if (den == 0)
		return ""
	q = int((2 * num * scale * 10 + den) / (2 * den))
	return int(q / 10) "." (q % 10)
}
END {
	for (k in opened) {
		m = month[k]
		cases[m]++
		desk = (k in call) ? call[k] : opened[k]
		# "k in a" before a[k]: a reference would create the element.
		hc = k in canc
		ha = k in asg
		hr = k in arr
		lim = (road[k] == "highway" || road[k] == "rural") ? hw_min : city_min
		ddue = desk + disp_min * 60
		adue = opened[k] + lim * 60
		if (k in sched) {
			if (sched[k] - lead_min * 60 > ddue)
				ddue = sched[k] - lead_min * 60
			adue = sched[k] + grace_min * 60
		}
		s = step(ddue, asg[k], ha, canc[k], hc)
		if (s)
			dsla[m, s]++
		# Cancelled whenever (even after an arrival), or helped by phone: excluded.
		if (hc || (!hr && remote[k] == 1))
			s = 0
		else
			s = step(adue, arr[k], hr, canc[k], hc)
		if (s)
			asla[m, s]++
	}
	n = 0
	for (m in cases)
		list[++n] = m
	for (m in complaints)
		if (!(m in cases))
			list[++n] = m
	# insertion sort: a few dozen months
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && list[j - 1] > list[j]; j--) {
			x = list[j]; list[j] = list[j - 1]; list[j - 1] = x
		}
	print "period\tcases\tdispatch_sla_pct\tarrival_sla_pct\tcomplaints\tper_1000"
	for (i = 1; i <= n; i++) {
		m = list[i]
		print m "\t" (cases[m] + 0) "\t" ratio(dsla[m, 1], dsla[m, 1] + dsla[m, 2], 100) "\t" \
		    ratio(asla[m, 1], asla[m, 1] + asla[m, 2], 100) "\t" (complaints[m] + 0) "\t" \
		    ratio(complaints[m], cases[m], 1000)
	}
}
