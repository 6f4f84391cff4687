# 58-duckdb.sh - the SQL of sql/ (SPEC 12) run by DuckDB itself, from
# its official npm package @duckdb/node-api (make deps, or make
# node-deps, installs it into build/node; make test installs nothing, so
# without it this file fails and says so).
#
# The exports (rs-journal export -f csv) of the sample (SZ) and of a
# second site made by the generator (GZ, with its own SLA limits) are
# loaded with the DDL of rs-journal schema --ddl duckdb, and the kpi
# views must print what rs-report kpi -f tsv prints, byte for byte: the
# network (-d SZ -d GZ), --by-site, and each site alone, by day, ISO week
# and month, as of an instant after the last row and as of one in the
# middle of the data (pending steps, rows not yet written). The expected
# figures are rs-report's, which 52, 53 and 55 check by hand against
# SPEC 10; here the same rows go through a second, independent
# implementation. A copy of the SQL with one rule changed must differ,
# so that the comparison is shown to see a figure.

command -v rs-report >/dev/null 2>&1 || return 0

RUN=$TOP/tests/duckdb/run.mjs
if ! command -v node >/dev/null 2>&1; then
	_t_fail 'duckdb: node' 'node is not installed (make deps installs nodejs)'
	return 0
fi
if [ ! -d "$TOP/build/node/node_modules/@duckdb/node-api" ]; then
	_t_fail 'duckdb: @duckdb/node-api' \
	    "not installed in $TOP/build/node (run make node-deps, or make deps)"
	return 0
fi
GEN=$TOP/build/gen-tool/rs-gen
if [ ! -x "$GEN" ]; then
	_t_fail 'duckdb: the generator' "$GEN is missing (make all builds it)"
	return 0
fi

tcase 'run.mjs: without the package: exit 3, what to run' 3 '' \
    "run.mjs: @duckdb/node-api is not installed in $T/none (make node-deps, or make deps, installs it)" \
    env RS_NODE_DIR="$T/none" node "$RUN" /dev/null
printf 'SELECT nope;\n' >"$T/bad.sql"
tcase 'run.mjs: an SQL error: exit 1' 1 '' '*' node "$RUN" "$T/bad.sql"

# sql_load DIR SITE_DIR... writes DIR/load.sql: the tables from the DDL,
# each site's exports (DIR/CODE.NAME.csv) loaded through one glob, and
# each site's sla.* overrides from its rules.tsv into rs_sites.
sql_load() {
	_o=$1
	shift
	: >"$_o/load.sql"
	for _n in cases dispatch complaints callbacks; do
		rs-journal schema "$_n" --ddl duckdb >>"$_o/load.sql"
	done
	for _d in "$@"; do
		_c=$(awk -F'\t' '$1 == "site.code" { print $2 }' "$_d/rules.tsv")
		for _n in cases dispatch complaints callbacks; do
			rs-journal -d "$_d" export "$_n" -f csv >"$_o/$_c.$_n.csv"
		done
	done
	for _n in cases dispatch complaints callbacks; do
		printf "COPY %s FROM '%s/*.%s.csv' (FORMAT csv, HEADER, QUOTE '\"', ESCAPE '\"');\n" "$_n" "$_o" "$_n" >>"$_o/load.sql"
	done
	cat "$TOP"/sql/*.sql >>"$_o/load.sql"
	for _d in "$@"; do
		awk -F'\t' '$1 == "site.code" { c = $2 }
		    $1 ~ /^sla\.(file|dispatch|notify|arrive_city|arrive_highway|booking_dispatch_lead|booking_arrive_grace)_min$/ {
			k = substr($1, 5); v[k] = $2; o[++n] = k }
		    END { if (n == 0) exit
			printf "INSERT INTO rs_sites (site"; for (i = 1; i <= n; i++) printf ", %s", o[i]
			printf ") VALUES ('\''%s'\''", c; for (i = 1; i <= n; i++) printf ", %s", v[o[i]]
			print ");" }' "$_d/rules.tsv" >>"$_o/load.sql"
	done
}

# The kpi views, tagged so that one run gives every table: what (network
# or site), per, site, then the columns of rs-report kpi -f tsv.
KQ="SELECT 'network' AS what, per, '' AS site, * EXCLUDE (per) FROM kpi_network
UNION ALL SELECT 'site', per, site, * EXCLUDE (per, site) FROM kpi_by_site
ORDER BY what, per, period, site;"

# kpi_split OUT DIR: the tables of OUT (the result of KQ) as rs-report
# prints them, in DIR/net.PER, DIR/by-site.PER and DIR/CODE.PER.
kpi_split() {
	mkdir -p "$2"
	awk -F'\t' -v d="$2" 'NR == 1 { split($0, h, "\t"); next }
	    function rest(from,   s, i) { s = $from; for (i = from + 1; i <= NF; i++) s = s "\t" $i; return s }
	    function head(from,   s, i) { s = h[from]; for (i = from + 1; i <= NF; i++) s = s "\t" h[i]; return s }
	    {
		if ($1 == "network") f[d "/net." $2] = f[d "/net." $2] rest(4) "\n"
		else {
			f[d "/by-site." $2] = f[d "/by-site." $2] rest(3) "\n"
			f[d "/" $3 "." $2] = f[d "/" $3 "." $2] rest(4) "\n"
			s[$3] = 1
		}
		per[$2] = 1
	    }
	    END {
		for (p in per) {
			printf "%s\n%s", head(4), f[d "/net." p] >(d "/net." p)
			printf "%s\n%s", head(3), f[d "/by-site." p] >(d "/by-site." p)
			for (c in s) printf "%s\n%s", head(4), f[d "/" c "." p] >(d "/" c "." p)
		}
	    }' "$1"
}

S=$SAMPLES/journal G=$T/gz
# GZ: 40 cases a day from 2026-10-20 for 3 weeks, October archived, and
# SLA limits of its own (dispatch 10 min, city arrival 25 min).
"$GEN" -n 40 -D 21 -s 5 --start 2026-10-20 -p 12 --archive-before 2026-11 --site GZ -d "$G" >/dev/null
printf 'sla.dispatch_min\t10\nsla.arrive_city_min\t25\n' >>"$G/rules.tsv"
tok 'GZ: October is archived' test -f "$G/cases.2026-10.tsv.gz"
L=$T/load
mkdir -p "$L"
sql_load "$L" "$S" "$G"

# as_of: after the last row of either site (11-23 10:00: an empty last
# day), and in the middle (11-15 14:30: later rows do not exist yet,
# steps still pending).
for asof in 2026-11-23T10:00:00+08:00 2026-11-15T14:30:00+08:00; do
	a=${asof%%T*}
	printf "INSERT INTO rs_params VALUES ('%s', 'Asia/Shanghai');\n%s\n" "$asof" "$KQ" >"$T/q.$a.sql"
	tok "duckdb as of $asof: the kpi views run" sh -c "node '$RUN' '$L/load.sql' '$T/q.$a.sql' >'$T/kpi.$a'"
	kpi_split "$T/kpi.$a" "$T/sql.$a"
	# The first period of the views is the first day holding a counted row.
	since=$(awk -F'\t' 'NR == 2 { print $4 }' "$T/kpi.$a")
	tok "duckdb as of $asof: periods from GZ's first day" test "$since" = 2026-10-20
	for per in day week month; do
		K="kpi -f tsv --by $per --since $since --as-of $asof"
		rs-report $K -d "$S" -d "$G" >"$T/want.net"
		tsame "as of $a, by $per: the network = rs-report -d SZ -d GZ" "$T/want.net" "$T/sql.$a/net.$per"
		rs-report $K -d "$G" -d "$S" --by-site >"$T/want.by"
		tsame "as of $a, by $per: by site = rs-report --by-site" "$T/want.by" "$T/sql.$a/by-site.$per"
		for c in SZ GZ; do
			[ $c = SZ ] && d=$S || d=$G
			rs-report $K -d "$d" >"$T/want.$c"
			tsame "as of $a, by $per: $c = rs-report -d $c alone" "$T/want.$c" "$T/sql.$a/$c.$per"
		done
	done
done
# 10-20 .. 11-23: 35 days, each a row (SZ's first 6 empty), and the header.
tok 'the tables hold rows: 35 days of SZ as of 11-23' test "$(grep -c '' "$T/sql.2026-11-23/SZ.day")" = 36

# The comparison sees a figure that differs: GZ measured by the default
# limits (no rs_sites row) changes its dispatch and arrival figures, and
# a rounding that truncates (1.25 as 1.2) changes some ratio of the
# network; both must make the tables differ from rs-report's.
a=2026-11-23
grep -v '^INSERT INTO rs_sites' "$L/load.sql" >"$T/norules.sql"
node "$RUN" "$T/norules.sql" "$T/q.$a.sql" >"$T/kpi.norules"
kpi_split "$T/kpi.norules" "$T/norules"
rs-report kpi -f tsv --since 2026-10-20 --as-of ${a}T10:00:00+08:00 -d "$G" >"$T/want.gz"
tok 'GZ without its own limits: the comparison fails' sh -c "! cmp -s '$T/want.gz' '$T/norules/GZ.day'"
tsame 'GZ without its own limits: SZ still the same' \
    "$T/sql.$a/SZ.day" "$T/norules/SZ.day"
sed 's|THEN (2 \* num + den) // (2 \* den)|THEN num // den|' "$L/load.sql" >"$T/trunc.sql"
tok 'the mutated copy truncates' sh -c "! cmp -s '$L/load.sql' '$T/trunc.sql'"
node "$RUN" "$T/trunc.sql" "$T/q.$a.sql" >"$T/kpi.trunc"
kpi_split "$T/kpi.trunc" "$T/trunc"
rs-report kpi -f tsv --by day --since 2026-10-20 --as-of ${a}T10:00:00+08:00 -d "$S" -d "$G" >"$T/want.net"
tok 'a truncating rounding: the comparison fails' sh -c "! cmp -s '$T/want.net' '$T/trunc/net.day'"

# The current state (SPEC 3): rows that share a ts fold in seq order,
# the last non-empty value of each column wins, and the same case id at
# two sites is two cases.
st() { RS_NOW=2026-11-22T10:00:00+08:00 "$@" >/dev/null 2>&1; }
for c in AA BB; do
	rs-journal init -d "$T/$c" --zone Asia/Shanghai --site $c >/dev/null
	st rs-intake -q -d "$T/$c" --phone 13800000001 --location "first $c" --service tow
done
st rs-intake -q -d "$T/AA" amend RS-AA-20261122-0001 --location second --note 'a	tab'
st rs-intake -q -d "$T/AA" amend RS-AA-20261122-0001 --service tyre
st rs-complain -q -d "$T/AA" open --case RS-AA-20261122-0001 --category fee --demand refund
st rs-complain -q -d "$T/AA" assign CP-AA-20261122-0001 --handler 王芳
M=$T/state
mkdir -p "$M"
sql_load "$M" "$T/AA" "$T/BB"
printf '%s\n' "SELECT site, case_id, rows, event, phone, location, service, note FROM case_state ORDER BY site;" >"$T/cs.sql"
tcase 'case_state: the fold in seq order, per site' 0 "site	case_id	rows	event	phone	location	service	note
AA	RS-AA-20261122-0001	3	amended	13800000001	second	tyre	a\\ttab
BB	RS-BB-20261122-0001	1	opened	13800000001	first BB	tow	" '' \
    node "$RUN" "$M/load.sql" "$T/cs.sql"
printf '%s\n' "SELECT site, complaint_id, case_id, rows, event, category, demand, handler FROM complaint_state;" >"$T/ps.sql"
tcase 'complaint_state: the fold' 0 "site	complaint_id	case_id	rows	event	category	demand	handler
AA	CP-AA-20261122-0001	RS-AA-20261122-0001	2	assigned	fee	refund	王芳" '' \
    node "$RUN" "$M/load.sql" "$T/ps.sql"
