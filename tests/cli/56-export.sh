# 56-export.sh - rs-journal export (SPEC 12): every row of a journal,
# archives and live file as one stream, after site (the site code) and
# seq (its place in the site's journal, from 1); --since/--until select
# by ts without changing seq; CSV without the formula guard, empty for
# no value. rs-journal schema --ddl: the CREATE TABLE of an export for
# DuckDB, PostgreSQL and ClickHouse, made from the schema.

command -v rs-journal >/dev/null 2>&1 || return 0

jdir
rs-journal init --zone Asia/Shanghai --site SZ >/dev/null
RS_NOW=2026-10-31T20:00:00+08:00 rs-intake -q --phone 13800000001 --location '=A,"b"' --service tow >/dev/null
RS_NOW=2026-11-01T09:00:00+08:00 rs-intake -q --phone 13800000002 --location B --service tyre --ref K >/dev/null
RS_NOW=2026-11-02T09:00:00+08:00 rs-intake -q amend RS-SZ-20261101-0001 --note 'two
lines' >/dev/null
rs-journal archive --before 2026-11 >/dev/null 2>&1
tok 'export: October is archived' test -f "$RS_DIR/cases.2026-10.tsv.gz"

H='site	seq	ts	at	case_id	event	agent	call_at	channel	program	customer	phone	plate	vehicle	energy	location	lat	lon	road	service	fault	symptom	can_start	injuries	police	medical	priority	quote	eta_promised	note	scheduled_at	destination	dest_lat	dest_lon	ref'
R1='SZ	1	2026-10-31T20:00:00+08:00	2026-10-31T20:00:00+08:00	RS-SZ-20261031-0001	opened	tester		phone			13800000001				=A,"b"				tow							3								'
R2='SZ	2	2026-11-01T09:00:00+08:00	2026-11-01T09:00:00+08:00	RS-SZ-20261101-0001	opened	tester		phone			13800000002				B				tyre							4								K'
R3='SZ	3	2026-11-02T09:00:00+08:00	2026-11-02T09:00:00+08:00	RS-SZ-20261101-0001	amended	tester																							two\nlines					'
tcase 'export: archive and live file, site and seq' 0 "$H
$R1
$R2
$R3" '' rs-journal export cases
tcase 'export --since: seq stays the place in the journal' 0 "$H
$R3" '' rs-journal export cases --since 2026-11-02
tcase 'export --until: rows written before it' 0 "$H
$R1" '' rs-journal export cases --until 2026-11-01
tcase 'export -f csv: RFC 4180, no formula guard' 0 "$(printf '%s\r\n' \
    'site,seq,ts,at,case_id,event,agent,call_at,channel,program,customer,phone,plate,vehicle,energy,location,lat,lon,road,service,fault,symptom,can_start,injuries,police,medical,priority,quote,eta_promised,note,scheduled_at,destination,dest_lat,dest_lon,ref' \
    'SZ,1,2026-10-31T20:00:00+08:00,2026-10-31T20:00:00+08:00,RS-SZ-20261031-0001,opened,tester,,phone,,,13800000001,,,,"=A,""b""",,,,tow,,,,,,,3,,,,,,,,')" '' \
    sh -c 'rs-journal export cases -f csv | head -2'
tcase 'export -f json: seq a number' 0 '{"site":"SZ","seq":3,"case_id":"RS-SZ-20261101-0001","note":"two\nlines"}' '' \
    sh -c 'rs-journal export cases -f json | tail -1 | jq -c "{site, seq, case_id, note}"'
tcase 'export: a site without a code has an empty site' 0 'site	seq	ts
	1	2026-11-22T10:00:00+08:00' '' \
    sh -c "d=$T/nc; rs-intake -q -d \$d --phone 13800000001 --location X --service tow >/dev/null; rs-journal export cases -d \$d | cut -f1-3"
tcase 'export: an empty journal: the header' 0 'site	seq	ts	at	case_id	event	agent	provider	technician	eta	distance_km	fee	outcome	note	reason	ref' '' \
    rs-journal export dispatch
tcase 'export: no name: exit 2' 2 '' "rs-journal: export: name a journal (see rs-journal export --help)" rs-journal export
tcase 'export: an unknown journal: exit 1' 1 '' "rs-journal: nope: no such journal (see rs-journal schema)" rs-journal export nope
tcase 'export: a missing directory: exit 3' 3 '' "rs-journal: $T/none: no such journal directory" rs-journal export cases -d "$T/none"

# --ddl, from the schema: site and seq first, the types SPEC 12 names.
tcase 'schema --ddl duckdb' 0 "-- rs-journal export callbacks -f csv > callbacks.csv; then in duckdb:
--   COPY callbacks FROM 'callbacks.csv' (FORMAT csv, HEADER, QUOTE '\"', ESCAPE '\"');
CREATE TABLE callbacks (
    \"site\" VARCHAR NOT NULL,
    \"seq\" BIGINT NOT NULL,
    \"ts\" TIMESTAMPTZ NOT NULL,
    \"at\" TIMESTAMPTZ NOT NULL,
    \"case_id\" VARCHAR NOT NULL,
    \"complaint_id\" VARCHAR,
    \"kind\" VARCHAR NOT NULL,
    \"result\" VARCHAR NOT NULL,
    \"overall\" INTEGER,
    \"timeliness\" INTEGER,
    \"professionalism\" INTEGER,
    \"attitude\" INTEGER,
    \"resolved\" VARCHAR,
    \"nps\" INTEGER,
    \"comment\" VARCHAR,
    \"suggestion\" VARCHAR,
    \"agent\" VARCHAR,
    \"ref\" VARCHAR,
    PRIMARY KEY (site, seq)
);" '' rs-journal schema callbacks --ddl duckdb
tcase 'schema --ddl postgres: money, numbers, dates' 0 "    eta integer,
    distance_km double precision,
    fee numeric(12,2)," '' \
    sh -c 'rs-journal schema dispatch --ddl postgres | grep -E "^    (fee|eta|distance_km) "'
tcase 'schema --ddl clickhouse: Nullable where a value may be empty' 0 ") ENGINE = MergeTree;
    due Nullable(Date32),
    amount Nullable(Decimal(12, 2))," '' \
    sh -c 'rs-journal schema complaints --ddl clickhouse | grep -E "^    (due|amount) |ENGINE" | sort -r'
tcase 'schema --ddl: an unknown engine: exit 2' 2 '' \
    "rs-journal: schema: --ddl: want duckdb, postgres or clickhouse, not 'sqlite' (see rs-journal schema --help)" \
    rs-journal schema cases --ddl sqlite
# Every column of every schema, in its order, after site and seq.
for s in cases dispatch complaints callbacks providers; do
	tfile "schema --ddl: every column of $s" "site seq $(rs-journal schema "$s" -H | cut -f1 | tr '\n' ' ')" \
	    <(rs-journal schema "$s" --ddl postgres | awk '/^    [a-z_]+ / && !/PRIMARY/ { printf "%s ", $1 }')
done

# The DDL loads into PostgreSQL and an export of the sample loads into it
# (when a server can be started here: initdb and pg_ctl of Debian's
# postgresql, as an unprivileged user).
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && command -v psql >/dev/null 2>&1 && [ -z "$RS_VALGRIND" ]; then
	# (in /tmp: the unprivileged user may not reach the scratch directory)
	PG=$(mktemp -d /tmp/rs-pg.XXXXXX)
	RUN=
	[ "$(id -u)" = 0 ] && chown nobody "$PG" && RUN="runuser -u nobody --"
	if $RUN "$PGBIN/initdb" -D "$PG/data" -A trust -U rs >/dev/null 2>&1 &&
	    $RUN "$PGBIN/pg_ctl" -D "$PG/data" -o "-k $PG -c listen_addresses=''" -l "$PG/log" -w start >/dev/null 2>&1; then
		for s in cases dispatch complaints callbacks providers; do
			rs-journal schema "$s" --ddl postgres >"$T/$s.sql"
			rs-journal export "$s" -d "$SAMPLES/journal" -f csv --as-of 2026-11-23T10:00:00+08:00 >"$T/$s.csv"
			tcase "postgres: $s: the DDL and the sample's export load" 0 \
			    "$(tail -n +2 "$T/$s.csv" | grep -c '^SZ,')" '' \
			    sh -c "psql -h '$PG' -U rs -d postgres -q -v ON_ERROR_STOP=1 -f '$T/$s.sql' &&
			    psql -h '$PG' -U rs -d postgres -q -v ON_ERROR_STOP=1 -c \"\\\\copy $s FROM '$T/$s.csv' WITH (FORMAT csv, HEADER true)\" &&
			    psql -h '$PG' -U rs -d postgres -Atq -c 'SELECT count(*) FROM $s'"
		done
		$RUN "$PGBIN/pg_ctl" -D "$PG/data" -m immediate stop >/dev/null 2>&1
	else
		_t_fail 'postgres: initdb and pg_ctl start' "$(tail -3 "$PG/log" 2>/dev/null)"
	fi
	rm -rf "$PG"
fi
