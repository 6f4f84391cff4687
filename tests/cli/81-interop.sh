# 81-interop.sh - our files read by other programs, and theirs by us:
# TSV by Miller (mlr --itsv) and Python's csv module, CSV by Python, by
# Miller and by LibreOffice (when installed), JSON Lines by jq and
# python3 -m json.tool, and a CSV saved by a spreadsheet (BOM, CRLF,
# quoted newlines) taken by rs-intake import.
#
# TSV escapes: Miller 6 decodes \t \n \\ in TSV fields as we write them;
# Python's csv module (delimiter='\t', quoting=csv.QUOTE_NONE: our TSV
# never quotes, so a field may start with ") reads the escaped text as
# it is, so only values without tab, newline or backslash compare equal
# there. CSV has no escapes: every reader gets the exact value.

jdir "$T/j"
TAB=$(printf '\t')
NL='
'
{
	rs-intake -q --phone 13800000001 --location '深南大道 1 号, "东门"' --customer 王小明 \
	    --service tow --note '=1+1' --vehicle '@home' --symptom '+86 说不清'
	rs-intake -q --phone 13800000002 --location "a${TAB}b" --service tyre \
	    --note "line1${NL}line2" --symptom '-5 度' --program 'back\slash'
	rs-intake -q --phone 13800000003 --location 'G4 K23' --customer 李四 --service jumpstart \
	    --program PICC --can-start n --injuries 0
	rs-intake amend RS-20261122-0003 --lat 22.61 --lon 114.03 -q
} >"$T/setup.out" 2>&1
tcase "journal set up" 0 "3" '' sh -c 'rs-intake list -H | wc -l'

# --- TSV -------------------------------------------------------------
rs-intake list >"$T/list.tsv"
# mlr decodes our escapes; jq's @tsv encodes them again the same way
tcase "mlr --itsv reads every value (escapes decoded)" 0 \
    "$(cut -f1,7,8,11,13,14,19,27 "$T/list.tsv" | sed 1d)" '' \
    sh -c "mlr --itsv --ojson cat '$T/list.tsv' | jq -r '.[] | [.case_id, .program, .customer, .vehicle, .location, .lat, .symptom, .note] | map(tostring) | @tsv'"
tcase "mlr sees a real tab and newline" 0 '"a\tb" "line1\nline2"' '' \
    sh -c "mlr --itsv --ojson filter '\$case_id == \"RS-20261122-0002\"' '$T/list.tsv' | jq -r '.[0] | [.location, .note] | map(tojson) | join(\" \")'"
tcase "mlr --itsv: header and counts" 0 "3 32" '' \
    sh -c "mlr --itsv --ojson cat '$T/list.tsv' | jq -r '\"\\(length) \\(.[0] | keys | length)\"'"
tcase "rs-journal cat cases | mlr --tsv count-distinct" 0 "$(printf 'event\tcount\nopened\t3\namended\t1')" '' \
    sh -c "rs-journal cat cases | mlr --tsv count-distinct -f event"

cat >"$T/t_tsv.py" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), delimiter='\t',
                       quoting=csv.QUOTE_NONE))
assert all(len(r) == len(rows[0]) for r in rows), 'ragged rows'
h = rows[0]
byid = {r[0]: dict(zip(h, r)) for r in rows[1:]}
for cid, col in (('RS-20261122-0001', 'location'), ('RS-20261122-0001', 'customer'),
                 ('RS-20261122-0001', 'note'), ('RS-20261122-0002', 'location'),
                 ('RS-20261122-0002', 'note'), ('RS-20261122-0002', 'program'),
                 ('RS-20261122-0003', 'lat')):
    print(col, repr(byid[cid][col]))
print(len(rows), len(h))
EOF
tcase "python csv (tab, QUOTE_NONE) reads our TSV; escapes stay text" 0 \
    "location '深南大道 1 号, \"东门\"'
customer '王小明'
note '=1+1'
location 'a\\\\tb'
note 'line1\\\\nline2'
program 'back\\\\\\\\slash'
lat '22.61'
4 32" '' python3 "$T/t_tsv.py" "$T/list.tsv"

# --- CSV -------------------------------------------------------------
rs-intake list -f csv >"$T/list.csv"
rs-intake list -f csv --raw >"$T/raw.csv"
cat >"$T/t_csv.py" <<'EOF'
import csv, sys
data = open(sys.argv[1], 'rb').read()
recs = data.split(b'\r\n')
assert data.endswith(b'\r\n'), 'no CRLF at the end'
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert all(len(r) == len(rows[0]) for r in rows), 'ragged rows'
h = rows[0]
byid = {r[0]: dict(zip(h, r)) for r in rows[1:]}
for cid, col in (('RS-20261122-0001', 'location'), ('RS-20261122-0001', 'customer'),
                 ('RS-20261122-0001', 'note'), ('RS-20261122-0001', 'vehicle'),
                 ('RS-20261122-0001', 'symptom'), ('RS-20261122-0002', 'location'),
                 ('RS-20261122-0002', 'note'), ('RS-20261122-0002', 'symptom'),
                 ('RS-20261122-0002', 'program'), ('RS-20261122-0003', 'phone')):
    print(col, repr(byid[cid][col]))
print(len(rows), len(h))
EOF
want_csv="location '深南大道 1 号, \"东门\"'
customer '王小明'
note \"'=1+1\"
vehicle \"'@home\"
symptom \"'+86 说不清\"
location 'a\\tb'
note 'line1\\nline2'
symptom \"'-5 度\"
program 'back\\\\slash'
phone '13800000003'
4 32"
tcase "python csv reads our CSV: exact values, formula guard" 0 "$want_csv" '' python3 "$T/t_csv.py" "$T/list.csv"
tcase "python csv reads --raw CSV: no guard" 0 \
    "$(printf '%s\n' "$want_csv" | sed "s/\"'\\(.*\\)\"\$/'\\1'/")" '' python3 "$T/t_csv.py" "$T/raw.csv"
tcase "mlr --icsv reads our CSV" 0 \
    "$(printf '%s\n' '"深南大道 1 号, \"东门\"" "王小明" "'"'"'=1+1" "'"'"'@home"' '"a\tb" null "line1\nline2" null')" '' \
    sh -c "mlr --icsv --ojson cat '$T/list.csv' | jq -r '.[0:2][] | [.location, .customer, .note, .vehicle] | map(if . == \"\" then null else . end) | map(tojson) | join(\" \")'"
tcase "mlr --icsv: CRLF CSV, 3 rows of 32" 0 "3 32" '' \
    sh -c "mlr --icsv --ojson cat '$T/list.csv' | jq -r '\"\\(length) \\(.[0] | keys | length)\"'"
tcase "our CSV read back by rs-journal cat" 0 "$(cut -f1,13,27 "$T/list.tsv")" '' \
    sh -c "rs-journal cat '$T/raw.csv' | cut -f1,13,27"

# --- JSON Lines -------------------------------------------------------
rs-intake list -f json >"$T/list.jsonl"
tcase "jq reads every line" 0 "3" '' sh -c "jq -c . '$T/list.jsonl' | wc -l"
tcase "JSON types: numbers, booleans, null, strings" 0 \
    '["RS-20261122-0003","number","number","boolean",false,"null","string"]' '' \
    jq -c 'select(.case_id == "RS-20261122-0003") | [.case_id, (.lat|type), (.priority|type), (.can_start|type), .can_start, (.note|type), (.customer|type)]' "$T/list.jsonl"
tcase "jq gets the exact text" 0 '"a\tb" "line1\nline2" "back\\slash"' '' \
    jq -r 'select(.case_id == "RS-20261122-0002") | [.location, .note, .program] | map(tojson) | join(" ")' "$T/list.jsonl"
tok "python3 -m json.tool --json-lines" python3 -m json.tool --json-lines "$T/list.jsonl"
rs-journal cat cases -f json >"$T/cat.jsonl"
tok "python3 -m json.tool: rs-journal cat -f json" python3 -m json.tool --json-lines "$T/cat.jsonl"
tcase "rs-journal cat -f json: 4 rows" 0 "4" '' sh -c "jq -c . '$T/cat.jsonl' | wc -l"

# --- a CSV saved by a spreadsheet: BOM, CRLF records, a line break in a
# cell (LF, as spreadsheets write it), quoted comma and quote ---------
printf '\357\273\277phone,location,service,customer,note\r\n13900000001,"S3 K10, 北行","tow",张三,"第一行\n第二行"\r\n13900000002,深南大道,tyre,"O""Neil",\r\n' >"$T/sheet.csv"
tcase "rs-intake import takes a spreadsheet CSV" 0 "RS-20261122-0004
RS-20261122-0005" '' rs-intake import -q "$T/sheet.csv"
tcase "imported values" 0 "$(printf 'RS-20261122-0004\t张三\tS3 K10, 北行\t第一行\\n第二行\nRS-20261122-0005\tO"Neil\t深南大道\t')" '' \
    sh -c "rs-intake list -H | sed -n '4,5p' | cut -f1,8,13,27"
STDIN=$T/sheet.csv
tcase "the same CSV on stdin" 0 "RS-20261122-0006
RS-20261122-0007" '' rs-intake import -q -
printf '\357\273\277phone,location,service\r\n"13900000003","x\r\ny",tow\r\n' >"$T/cr.csv"
tcase "a CR inside a cell is a control character: rejected" 1 "" \
    "rs-intake: $T/cr.csv:2: column location: control character U+000D" rs-intake import -q "$T/cr.csv"

# --- LibreOffice: CSV -> ODS -> CSV ----------------------------------
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$T/lo/back" "$T/lohome"
	cp "$T/list.csv" "$T/lo/guarded.csv"
	cp "$T/raw.csv" "$T/lo/raw.csv"
	lo() { HOME=$T/lohome timeout 180 soffice --headless "$@" >>"$T/lo.log" 2>&1; }
	(cd "$T/lo" && lo --infilter=CSV:44,34,76,1 --convert-to ods guarded.csv raw.csv &&
	    cd back && lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' ../guarded.ods ../raw.ods)
	cat >"$T/t_lo.py" <<'EOF'
import csv, sys
ours = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
back = list(csv.reader(open(sys.argv[2], newline='', encoding='utf-8')))
assert len(ours) == len(back), (len(ours), len(back))
diff = []
for r1, r2 in zip(ours, back):
    for h, a, b in zip(ours[0], r1, r2):
        if a != b and not (h == 'location' and '\t' in a):
            diff.append('%s: %r -> %r' % (h, a, b))
print('\n'.join(diff) if diff else 'same')
EOF
	tcase "LibreOffice: guarded CSV round trip keeps every value (CJK, quotes, newlines)" 0 "same" '' \
	    python3 "$T/t_lo.py" "$T/list.csv" "$T/lo/back/guarded.csv"
	tcase "LibreOffice: the guard stops the formula" 0 "'=1+1" '' \
	    python3 -c "import csv; print(list(csv.reader(open('$T/lo/back/guarded.csv', encoding='utf-8')))[1][26])"
	tcase "LibreOffice: without the guard (--raw) it is evaluated" 0 "2" '' \
	    python3 -c "import csv; print(list(csv.reader(open('$T/lo/back/raw.csv', encoding='utf-8')))[1][26])"
else
	echo "SKIP: $TFILE: LibreOffice (soffice) not installed: apt-get install libreoffice-calc-nogui"
fi
