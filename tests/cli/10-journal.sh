# 10-journal.sh - rs-journal check, cat, schema and the reader's errors
# (SPEC 3, 3.1-3.3, 4, 5, 6 rs-journal). Journals are written here by hand
# (printf/awk), not through the other tools, so that every byte is known.
#
# data/rsjournal/clean/ is a small valid journal directory: all four event
# journals and providers, September to November 2026, CJK text, an escaped
# newline and backslash, and a row whose ts has a +00:00 offset.

. "$TOP/tests/cli/data/rsjournal/helpers.sh"

# A valid row to append to each clean journal (ts after its last row);
# the check table below breaks one column at a time.
B_cases=(ts=2026-11-21T09:00:00+08:00 at=2026-11-21T09:00:00+08:00 case_id=RS-20261121-0001
	event=amended agent=x call_at=2026-11-21T07:58:00+08:00 channel=phone phone=13800000001
	plate=粤A12345 energy=ice location=here lat=23.1 lon=113.2 road=city service=tow fault=engine
	can_start=y injuries=0 police=n medical=n priority=2 quote=10.00 eta_promised=30 note=ok)
B_dispatch=(ts=2026-11-21T09:00:00+08:00 at=2026-11-21T09:00:00+08:00 case_id=RS-20261121-0002
	event=notified agent=x provider=P001 eta=20 distance_km=3.5 fee=1.50 note=ok)
B_complaints=(ts=2026-11-21T09:00:00+08:00 at=2026-11-21T09:00:00+08:00 complaint_id=CP-20261004-0001
	case_id=RS-20261003-0001 event=action agent=x level=2 category=late responsible=provider
	provider=P002 remedy=voucher amount=5.00 action=fix owner=ops due=2026-12-01 note=ok)
B_callbacks=(ts=2026-11-21T09:00:00+08:00 at=2026-11-21T09:00:00+08:00 case_id=RS-20261003-0001
	complaint_id=CP-20261004-0001 kind=second result=reached overall=3 timeliness=3
	professionalism=3 attitude=3 resolved=n nps=5 agent=x)
B_providers=(provider_id=P004 name=新 phone=13800000010 lat=23 lon=113 services=tow ev=n
	highway=n active=y)

# addrow JOURNAL COL=VALUE...: appends the journal's base row with the
# changes to $RS_DIR/JOURNAL.tsv.
addrow() {
	_a=$1
	shift
	eval "mkrow $_a \"\${B_$_a[@]}\" \"\$@\"" >>"$RS_DIR/$_a.tsv"
}

###########################################################################
# 1. csv-spectrum: every case reads exactly as its JSON says (values and
# column order), with nothing on stderr.

spectrum_py='
import json, subprocess, sys
csvf, want = sys.argv[1], sys.argv[2]
p = subprocess.run(["rs-journal", "cat", csvf, "-f", "json"], capture_output=True)
if p.returncode != 0 or p.stderr:
    sys.exit("exit %d, stderr %r" % (p.returncode, p.stderr))
lines = p.stdout.decode("utf-8").split("\n")
if lines[-1] != "":
    sys.exit("output does not end with a newline")
got = [json.loads(l, object_pairs_hook=list) for l in lines[:-1]]
exp = json.load(open(want, encoding="utf-8"), object_pairs_hook=list)
if got != exp:
    sys.exit("got %r\nwant %r" % (got, exp))
'
tok 'csv-spectrum: the test data is there' test -f "$TESTDATA/csv-spectrum/csvs/simple.csv"
for f in "$TESTDATA"/csv-spectrum/csvs/*.csv; do
	b=$(basename "$f" .csv)
	tok "csv-spectrum: $b" python3 -c "$spectrum_py" "$f" "$TESTDATA/csv-spectrum/json/$b.json"
done

###########################################################################
# 2. Round trips. A schema-less TSV file with every escape of 3.1, CJK and
# emoji: JSON exact, TSV byte-identical, CSV read back by Python's csv
# module and by mlr, and CSV back to TSV byte-identical.

printf '%s\n' 'id	text	more' \
    '1	tab\there	nl\nhere' \
    '2	cr\rhere	back\\slash' \
    '3	中文 测试	😀🚗' \
    '4		\\t not a tab' \
    '5	end\\	q"uote,comma' \
    '6	\t\n\r\\	 spaces  ' >"$T/rt.tsv"
tcase 'roundtrip: schema-less TSV to JSON' 0 '{"id":"1","text":"tab\there","more":"nl\nhere"}
{"id":"2","text":"cr\rhere","more":"back\\slash"}
{"id":"3","text":"中文 测试","more":"😀🚗"}
{"id":"4","text":"","more":"\\t not a tab"}
{"id":"5","text":"end\\","more":"q\"uote,comma"}
{"id":"6","text":"\t\n\r\\","more":" spaces  "}' '' rs-journal cat "$T/rt.tsv" -f json
rs-journal cat "$T/rt.tsv" >"$T/rt.out.tsv" 2>"$T/rt.err"
tsame 'roundtrip: schema-less TSV to TSV is byte-identical' "$T/rt.tsv" "$T/rt.out.tsv"
tfile 'roundtrip: TSV to TSV: no stderr' '' "$T/rt.err"
rs-journal cat "$T/rt.tsv" -f csv --raw >"$T/rt.csv"
tok 'roundtrip: CSV records end with CRLF' python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(not (d.endswith(b"\r\n") and d.count(b"\r\n") == 7))' "$T/rt.csv"

# unescape_py: TSV (3.1) rows, unescaped by an independent implementation.
unescape_py='
import csv, sys
def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "tnr\\":
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[s[i + 1]]); i += 2
        else:
            out.append(s[i]); i += 1
    return "".join(out)
def tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [[unesc(v) for v in l.split("\t")] for l in f.read().split("\n")[:-1]]
'
csv_py=$unescape_py'
want = tsv(sys.argv[1])
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    got = list(csv.reader(f))
if got != want:
    sys.exit("got %r\nwant %r" % (got, want))
'
tok 'roundtrip: CSV read back by python csv' python3 -c "$csv_py" "$T/rt.tsv" "$T/rt.csv"
mlr_py='
import json, sys
a = [json.loads(l, object_pairs_hook=list) for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l, object_pairs_hook=list) for l in open(sys.argv[2], encoding="utf-8")]
if a != b or len(a) != 6:
    sys.exit("mlr %r\nrs %r" % (a, b))
'
if command -v mlr >/dev/null 2>&1; then
	mlr --icsv --ojsonl --infer-none cat "$T/rt.csv" >"$T/rt.mlr.jsonl"
	rs-journal cat "$T/rt.tsv" -f json >"$T/rt.rs.jsonl"
	tok 'roundtrip: CSV read back by mlr' python3 -c "$mlr_py" "$T/rt.mlr.jsonl" "$T/rt.rs.jsonl"
else
	_t_fail 'roundtrip: mlr is not installed (make deps)'
fi
rs-journal cat "$T/rt.csv" >"$T/rt.back.tsv"
tsame 'roundtrip: TSV -> CSV -> TSV is byte-identical' "$T/rt.tsv" "$T/rt.back.tsv"
gzip -c "$T/rt.csv" >"$T/rt.csv.gz"
tcase 'roundtrip: .csv.gz read as CSV' 0 "$(cat "$T/rt.tsv")" '' rs-journal cat "$T/rt.csv.gz"
printf '\357\273\277a,b\r\n"x\r\ny",2\r\n' >"$T/bom.csv"
tcase 'CSV: a UTF-8 BOM is skipped, CRLF inside quotes kept' 0 '{"a":"x\r\ny","b":"2"}' '' \
    rs-journal cat "$T/bom.csv" -f json

# The clean journal, read by name: TSV byte-identical to the file, typed
# JSON (numbers, yn as booleans, empty as null).
jclean
rs-journal cat cases >"$T/cases.out" 2>"$T/cases.err"
tsame 'roundtrip: cat cases is byte-identical to cases.tsv' "$CLEAN/cases.tsv" "$T/cases.out"
tfile 'roundtrip: cat cases: no stderr' '' "$T/cases.err"
for j in dispatch complaints callbacks providers; do
	rs-journal cat $j >"$T/$j.out"
	tsame "roundtrip: cat $j is byte-identical to $j.tsv" "$CLEAN/$j.tsv" "$T/$j.out"
done
tcase 'cat cases -f json: typed values' 0 '{"ts":"2026-09-15T09:00:00+08:00","at":"2026-09-15T08:58:00+08:00","case_id":"RS-20260915-0001","event":"opened","agent":"李娜","call_at":"2026-09-15T08:56:30+08:00","channel":"phone","program":"平安车险","customer":"王伟","phone":"13800000001","plate":"粤A12345","vehicle":"比亚迪 汉","energy":"ev","location":"广州天河路 385 号","lat":23.1322,"lon":113.3270,"road":"city","service":"tow","fault":"ev-system","symptom":"仪表报高压故障","can_start":false,"injuries":0,"police":false,"medical":false,"priority":2,"quote":350.00,"eta_promised":30,"note":null,"scheduled_at":null,"destination":null,"dest_lat":null,"dest_lon":null,"ref":null}' '' \
    sh -c 'rs-journal cat cases -f json | head -1'
tcase 'cat cases -f json: escapes in text' 0 '{"ts":"2026-10-31T16:30:00+00:00","at":"2026-10-31T16:30:00+00:00","case_id":"RS-20261031-0001","event":"amended","agent":"张强","call_at":null,"channel":null,"program":null,"customer":null,"phone":null,"plate":null,"vehicle":null,"energy":null,"location":null,"lat":null,"lon":null,"road":null,"service":null,"fault":null,"symptom":null,"can_start":null,"injuries":null,"police":null,"medical":null,"priority":null,"quote":null,"eta_promised":null,"note":"客户来电催促\\进度","scheduled_at":null,"destination":null,"dest_lat":null,"dest_lon":null,"ref":null}
{"ts":"2026-11-21T08:45:00+08:00","at":"2026-11-21T08:45:00+08:00","case_id":"RS-20261121-0003","event":"opened","agent":"陈敏","call_at":null,"channel":"web","program":null,"customer":null,"phone":"13900000005","plate":null,"vehicle":null,"energy":null,"location":"天河北路 \"东门\"","lat":null,"lon":null,"road":null,"service":"lockout","fault":"lockout","symptom":"钥匙锁在车里\n车窗关着","can_start":null,"injuries":null,"police":null,"medical":null,"priority":4,"quote":null,"eta_promised":null,"note":null,"scheduled_at":null,"destination":null,"dest_lat":null,"dest_lon":null,"ref":null}' '' \
    sh -c 'rs-journal cat cases -f json | sed -n "5p;\$p"'
tcase 'cat providers -f json: list, yn, negative lat/lon' 0 '{"provider_id":"P003","name":"老王修车","phone":null,"region":null,"lat":-23.5,"lon":-113.25,"services":"repair","ev":null,"highway":null,"active":false,"note":"暂停合作"}' '' \
    sh -c 'rs-journal cat providers -f json | tail -1'
tcase 'cat -H: no header' 0 "$(tail -n +2 "$CLEAN/providers.tsv")" '' rs-journal cat providers -H
rs-journal cat cases -f csv --raw >"$T/cases.csv"
tok 'roundtrip: cases CSV (--raw) read back by python csv' python3 -c "$csv_py" "$CLEAN/cases.tsv" "$T/cases.csv"

# The spreadsheet guard (3.2): text values starting with = + - @ tab CR
# get a leading ' in every text-like column (text, phone, plate), not with
# --raw, never in numbers, times or ids; reading the CSV takes it off.
jdir
mkdir -p "$RS_DIR"
{
	head -1 "$CLEAN/cases.tsv"
	mkrow cases ts=2026-11-21T09:00:00+08:00 at=2026-11-21T09:00:00+08:00 case_id=RS-20261121-0001 \
	    event=opened 'phone=+86 139-0000-0002' 'location=\t缩进' service=tow customer=@bob plate==A1+B1 \
	    symptom=-漏油 program=+plus quote=12.50 note==1+1 lat=-23.5 lon=-113.25 injuries=0 \
	    eta_promised=0 vehicle=ok
} >"$RS_DIR/cases.tsv"
tcase 'csv guard: text columns only' 0 "2026-11-21T09:00:00+08:00,2026-11-21T09:00:00+08:00,RS-20261121-0001,opened,,,,'+plus,'@bob,'+86 139-0000-0002,'=A1+B1,ok,,'	缩进,-23.5,-113.25,,tow,,'-漏油,,0,,,,12.50,0,'=1+1,,,,," '' \
    sh -c 'rs-journal cat cases -f csv -H | tr -d "\r"'
tcase 'csv guard: --raw turns it off' 0 '2026-11-21T09:00:00+08:00,2026-11-21T09:00:00+08:00,RS-20261121-0001,opened,,,,+plus,@bob,+86 139-0000-0002,=A1+B1,ok,,	缩进,-23.5,-113.25,,tow,,-漏油,,0,,,,12.50,0,=1+1,,,,,' '' \
    sh -c 'rs-journal cat cases -f csv -H --raw | tr -d "\r"'
tcase 'csv guard: not in JSON' 0 '"=1+1" 12.50' '' sh -c "rs-journal cat cases -f json | sed 's/.*\"quote\":\\([^,]*\\),.*\"note\":\\([^,]*\\),.*}/\\2 \\1/'"
tcase 'csv guard: not in TSV' 0 '=1+1' '' sh -c 'rs-journal cat cases -H | cut -f28'
rs-journal cat cases -f csv >"$T/guarded.csv"
tcase 'csv guard: reading the CSV takes the guard off' 0 "$(rs-journal cat cases -H)" '' rs-journal cat "$T/guarded.csv" -H -f tsv
tcase 'csv guard: --raw keeps it on reading' 0 "'=A1+B1" '' sh -c "rs-journal cat '$T/guarded.csv' -H --raw | cut -f11"
printf 'a\tb\n=1+1\tok\n@x\t\\rcr\n' >"$T/guard.tsv"
tcase 'csv guard: a schema-less file is all text' 0 "a,b
'=1+1,ok
'@x,\"'$(printf '\r')cr\"" '' sh -c "rs-journal cat '$T/guard.tsv' -f csv | sed 's/\r\$//'"
rs-journal cat "$T/rt.tsv" -f csv >"$T/rt.guarded.csv"
tok 'csv guard: a value starting with a tab' python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
sys.exit(rows[6][1] != "\x27\t\n\r\\" or rows[2][1] != "cr\rhere")' "$T/rt.guarded.csv"

###########################################################################
# 3. check: a clean journal passes; every kind of problem is reported as
# FILE:LINE: message on stdout, exit 1, nothing written.

jclean
before=$(snap)
tcase 'check: clean journal' 0 '' "$NOZONE" rs-journal check
tcase 'check: clean journal, named' 0 '' "$NOZONE" rs-journal check cases dispatch complaints callbacks providers rules
tcase 'check: clean journal, -d' 0 '' "$NOZONE" env -u RS_DIR rs-journal -d "$RS_DIR" check
tfile 'check: clean: nothing written' "$before" <(snap)
tcase 'check: a directory that does not exist' 3 '' "rs-journal: $T/no-such-dir: no such journal directory" rs-journal -d "$T/no-such-dir" check
tok 'check: the directory is not created' test ! -e "$T/no-such-dir"
mkdir -p "$T/empty-dir"
tcase 'check: an empty directory' 0 '' "$NOZONE" rs-journal -d "$T/empty-dir" check
tcase 'check: unknown journal name' 2 '' "rs-journal: check: unknown journal 'bogus' (see rs-journal check --help)" \
    rs-journal check cases bogus

# One bad value per row: JOURNAL | COL=VALUE;... | message. The row is the
# journal's base row (B_*) with the changes, appended as the last line.
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	j=${line%% | *}
	rest=${line#* | }
	ov=${rest%% | *}
	msg=${rest#* | }
	IFS=';' read -r -a kv <<<"$ov"
	jclean
	addrow "$j" "${kv[@]}"
	n=$(wc -l <"$RS_DIR/$j.tsv" | tr -d ' ')
	before=$(snap)
	tcase "check: $j $ov" 1 "$j.tsv:$n: $msg" "$NOZONE" rs-journal check
	tfile "check: $j $ov: nothing written" "$before" <(snap)
done <<'EOF'
# ts
cases | ts=2026-13-01T00:00:00+08:00 | column ts: bad time '2026-13-01T00:00:00+08:00'
cases | at=yesterday | column at: bad time 'yesterday'
cases | at=2026-11-21T09:00 | column at: bad time '2026-11-21T09:00'
cases | call_at=2026-11-21 07:58 | column call_at: bad time '2026-11-21 07:58'
# id
cases | case_id=RS-2026112-0001 | column case_id: bad id 'RS-2026112-0001'
cases | case_id=CP-20261121-0001 | column case_id: bad id 'CP-20261121-0001'
cases | case_id= | column case_id: missing value
complaints | complaint_id=CP-1 | column complaint_id: bad id 'CP-1'
callbacks | complaint_id=RS-20261004-0001 | column complaint_id: bad id 'RS-20261004-0001'
dispatch | provider=P 01 | column provider: bad provider id 'P 01'
dispatch | provider=P/1 | column provider: bad provider id 'P/1'
providers | provider_id= | column provider_id: missing value
# enum
cases | event=closed | column event: unknown value 'closed' (want opened|amended)
cases | event= | column event: missing value
cases | channel=fax | column channel: unknown value 'fax' (want phone|app|web|walkin|partner)
cases | energy=diesel | column energy: unknown value 'diesel' (want ice|ev|hybrid)
cases | road=street | column road: unknown value 'street' (want city|highway|rural)
cases | service=taxi | column service: unknown value 'taxi' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)
cases | fault=Engine | column fault: unknown value 'Engine' (want accident|engine|transmission|electrical|battery|tyre|brake|ev-system|fuel|lockout|software|other)
dispatch | outcome=fixed | column outcome: unknown value 'fixed' (want repaired|towed|jumpstarted|tyre-changed|refuelled|unlocked|transported|remote|unresolved)
complaints | category=rude | column category: unknown value 'rude' (want late|no-show|attitude|technical|fee|damage|location|dispatch|agent|other)
complaints | responsible=god | column responsible: unknown value 'god' (want provider|dispatch|platform|agent|customer|third-party|none)
complaints | remedy=cash | column remedy: unknown value 'cash' (want apology|refund|partial-refund|voucher|upgrade|compensation|repair|none)
callbacks | kind=random | column kind: unknown value 'random' (want service|complaint|second|audit)
callbacks | result=busy | column result: unknown value 'busy' (want reached|no-answer|refused|wrong-number)
# list
providers | services=tow,fly | column services: unknown value 'fly' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)
providers | services=tow, | column services: unknown value '' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)
providers | services=Tow | column services: unknown value 'Tow' (want tow|tyre|jumpstart|fuel|lockout|winch|repair|transfer|chauffeur|booking)
providers | services= | column services: missing value
# int (with ranges)
cases | injuries=-1 | column injuries: out of range '-1' (want >= 0)
cases | injuries=1.5 | column injuries: bad integer '1.5'
cases | priority=5 | column priority: out of range '5' (want 1..4)
cases | priority=0 | column priority: out of range '0' (want 1..4)
complaints | level=0 | column level: out of range '0' (want 1..4)
complaints | level=5 | column level: out of range '5' (want 1..4)
callbacks | overall=6 | column overall: out of range '6' (want 1..5)
callbacks | timeliness=0 | column timeliness: out of range '0' (want 1..5)
callbacks | nps=11 | column nps: out of range '11' (want 0..10)
callbacks | nps=-1 | column nps: out of range '-1' (want 0..10)
# num
dispatch | distance_km=-1 | column distance_km: out of range '-1' (want >= 0)
dispatch | distance_km=abc | column distance_km: bad number 'abc'
dispatch | distance_km=1,5 | column distance_km: bad number '1,5'
# money
cases | quote=10.005 | column quote: bad amount '10.005'
cases | quote=-3 | column quote: bad amount '-3'
dispatch | fee=1.5.0 | column fee: bad amount '1.5.0'
complaints | amount=1.234 | column amount: bad amount '1.234'
# minutes
cases | eta_promised=-5 | column eta_promised: bad minutes '-5'
cases | eta_promised=2.5 | column eta_promised: bad minutes '2.5'
dispatch | eta=abc | column eta: bad minutes 'abc'
# phone
cases | phone=12 | column phone: bad phone '12'
cases | phone=138000000001234567890 | column phone: bad phone '138000000001234567890'
cases | phone=+86 (138) 0000 | column phone: bad phone '+86 (138) 0000'
providers | phone=abc | column phone: bad phone 'abc'
# plate
cases | plate=粤A 12345 | column plate: bad plate '粤A 12345'
cases | plate=A | column plate: bad plate 'A'
cases | plate=粤A123456789012 | column plate: bad plate '粤A123456789012'
# yn
cases | can_start=yes | column can_start: bad value 'yes' (want y or n)
cases | police=Y | column police: bad value 'Y' (want y or n)
callbacks | resolved=maybe | column resolved: bad value 'maybe' (want y or n)
providers | ev=1 | column ev: bad value '1' (want y or n)
# lat, lon
cases | lat=91 | column lat: bad latitude '91' (want -90..90)
cases | lat=abc | column lat: bad latitude 'abc' (want -90..90)
cases | lon=-180.5 | column lon: bad longitude '-180.5' (want -180..180)
providers | lon=200 | column lon: bad longitude '200' (want -180..180)
providers | lat= | column lat: missing value
# date
complaints | due=2026-02-30 | column due: bad date '2026-02-30'
complaints | due=2026/12/01 | column due: bad date '2026/12/01'
# text: a CR escape is a control character; required text
cases | note=a\rb | column note: bad text: control character U+000D
providers | name= | column name: missing value
# required by the event
dispatch | event=completed | column outcome: missing value
dispatch | event=assigned;provider= | column provider: missing value
complaints | event=action;action= | column action: missing value
complaints | event=action;due= | column due: missing value
# at > ts + 5 min
cases | at=2026-11-21T09:05:01+08:00 | column at: 2026-11-21T09:05:01+08:00 is more than 5 minutes after ts 2026-11-21T09:00:00+08:00
cases | at=2026-11-21T09:00:00Z | column at: 2026-11-21T09:00:00Z is more than 5 minutes after ts 2026-11-21T09:00:00+08:00
# ts never decreases
cases | ts=2026-11-21T08:44:59+08:00;at=2026-11-21T08:44:59+08:00 | ts goes backwards: 2026-11-21T08:44:59+08:00 after a later row
# ids: duplicate opened, date of the id, amended before opened
cases | event=opened;case_id=RS-20261121-0001 | duplicate opened RS-20261121-0001 (first opened at line 7)
cases | event=opened;case_id=RS-20261120-0003 | RS-20261120-0003: id date does not match the opened row's at 2026-11-21T09:00:00+08:00
cases | case_id=RS-20261121-0009 | RS-20261121-0009: amended before it was opened
complaints | complaint_id=CP-20261004-0001;case_id=RS-20261121-0002;event=opened | duplicate opened CP-20261004-0001 (first opened at line 2)
providers | provider_id=P001 | duplicate provider P001
# dangling references
dispatch | case_id=RS-20261121-0009 | no such case RS-20261121-0009
complaints | complaint_id=CP-20261121-0001;case_id=RS-20261121-0009;event=opened | no such case RS-20261121-0009
complaints | complaint_id=CP-20261004-0009;event=contacted | CP-20261004-0009: contacted before it was opened
callbacks | case_id=RS-20261121-0009 | no such case RS-20261121-0009
callbacks | complaint_id=CP-20261121-0009 | no such complaint CP-20261121-0009
# event order
dispatch | case_id=RS-20261121-0003;event=arrived | RS-20261121-0003: case is open; cannot record arrival
dispatch | case_id=RS-20261121-0003;event=enroute | RS-20261121-0003: case is open; cannot record en route
dispatch | case_id=RS-20261121-0001;event=arrived | RS-20261121-0001: case is cancelled; cannot record arrival
dispatch | case_id=RS-20261121-0002;event=completed;outcome=towed | RS-20261121-0002: case is assigned; cannot record completion before arrival (only --outcome remote)
dispatch | case_id=RS-20260915-0001;event=notified | RS-20260915-0001: case is completed; cannot record a progress call
complaints | event=escalated;level=3 | CP-20261004-0001: complaint is closed; cannot escalate
complaints | event=action-done | CP-20261004-0001: complaint has no open action
complaints | event=closed | CP-20261004-0001: complaint is closed; cannot close
# scores need a reached callback
callbacks | result=no-answer | column overall: a score needs result reached
# a cancellation's reason (SPEC 4.2)
dispatch | case_id=RS-20261121-0003;event=cancelled | RS-20261121-0003: a cancellation needs a reason (customer|duplicate|gone-on-arrival|no-provider|by-phone|other)
dispatch | case_id=RS-20261121-0003;event=cancelled;reason=other;note= | RS-20261121-0003: reason other needs a note saying why
dispatch | case_id=RS-20261121-0003;event=cancelled;reason=gone | column reason: unknown value 'gone' (want customer|duplicate|gone-on-arrival|no-provider|by-phone|other)
dispatch | case_id=RS-20261121-0002;event=enroute;reason=customer | RS-20261121-0002: a reason is only for a cancellation, not enroute
EOF

# Legal rows that look odd: check stays quiet.
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	j=${line%% | *}
	IFS=';' read -r -a kv <<<"${line#* | }"
	jclean
	addrow "$j" "${kv[@]}"
	tcase "check: legal: $j ${line#* | }" 0 '' "$NOZONE" rs-journal check
done <<'EOF'
cases | at=2026-11-21T09:05:00+08:00
cases | event=opened;case_id=RS-20261121-0004
cases | note=a\tb\nc\\d 😀 中文
dispatch | case_id=RS-20261121-0002;event=completed;outcome=remote
dispatch | case_id=RS-20261121-0002;event=enroute
dispatch | case_id=RS-20261121-0002;event=assigned;provider=P002
dispatch | case_id=RS-20261121-0003;event=cancelled;reason=no-provider
dispatch | case_id=RS-20261121-0003;event=authorized;fee=300.00;note=tow
complaints | event=reopened;note=again
callbacks | result=refused;overall=;timeliness=;professionalism=;attitude=;nps=
EOF

# SPEC 4.4: "overall required then" (result reached). The wording of the
# message is not frozen, only that the row and the column are named.
jclean
addrow callbacks result=reached overall=
tcase 'check: reached callback without overall' 1 '*' "$NOZONE" rs-journal check
keep
tok 'check: reached callback without overall: line and column named' grep -q '^callbacks.tsv:5: .*overall' "$T/last.out"

# Two-row stories for the complaint state machine.
jclean
addrow complaints complaint_id=CP-20261121-0001 case_id=RS-20261121-0003 event=opened
addrow complaints complaint_id=CP-20261121-0001 event=closed ts=2026-11-21T09:10:00+08:00 at=2026-11-21T09:10:00+08:00
tcase 'check: complaint closed straight after opened' 1 'complaints.tsv:10: CP-20261121-0001: complaint is open; cannot close' "$NOZONE" rs-journal check
jclean
addrow complaints complaint_id=CP-20261121-0001 case_id=RS-20261121-0003 event=opened
addrow complaints complaint_id=CP-20261121-0001 event=resolved note= ts=2026-11-21T09:10:00+08:00 at=2026-11-21T09:10:00+08:00
tcase 'check: complaint resolved without contact or note' 1 'complaints.tsv:10: CP-20261121-0001: complaint was never contacted; resolving without contact needs --note saying why' "$NOZONE" rs-journal check
jclean
addrow complaints complaint_id=CP-20261121-0001 case_id=RS-20261121-0003 event=opened
addrow complaints complaint_id=CP-20261121-0001 event=resolved note=客户撤诉 ts=2026-11-21T09:10:00+08:00 at=2026-11-21T09:10:00+08:00
tcase 'check: complaint resolved without contact, with a note' 0 '' "$NOZONE" rs-journal check
jclean
addrow complaints complaint_id=CP-20261121-0001 case_id=RS-20261121-0003 event=opened level=2
addrow complaints complaint_id=CP-20261121-0001 event=escalated level=2 ts=2026-11-21T09:10:00+08:00 at=2026-11-21T09:10:00+08:00
tcase 'check: escalation to the same level' 1 'complaints.tsv:10: CP-20261121-0001: complaint is level 2; cannot escalate to level 2 (escalation only raises the level)' "$NOZONE" rs-journal check

# Control characters in text (raw bytes, so not in the table above).
for c in $'\x1b'=001B $'\x01'=0001 $'\x7f'=007F $'\xc2\x85'=0085 $'\xe2\x80\x8b'=200B; do
	jclean
	addrow cases "note=a${c%=*}b"
	case ${c#*=} in
	200B) tcase 'check: text with U+200B (not a control character)' 0 '' "$NOZONE" rs-journal check ;;
	*) tcase "check: text with U+${c#*=}" 1 "cases.tsv:10: column note: bad text: control character U+${c#*=}" "$NOZONE" rs-journal check ;;
	esac
done

# Row shape, bytes and torn lines.
jclean
addrow cases
sed -i '$ s/\t$//' "$RS_DIR/cases.tsv"
tcase 'check: too few fields' 1 'cases.tsv:10: wrong number of fields: 32, want 33' "$NOZONE" rs-journal check
jclean
addrow cases note=$'ok\textra'
tcase 'check: too many fields' 1 'cases.tsv:10: wrong number of fields: 34, want 33' "$NOZONE" rs-journal check
jclean
mkrow cases "${B_cases[@]}" | head -c 60 >>"$RS_DIR/cases.tsv"
tcase 'check: torn last line' 1 'cases.tsv:10: torn last line (no newline at the end)' "$NOZONE" rs-journal check
tcase 'cat: a torn last line is not a row and no warning' 0 "$(cat "$CLEAN/cases.tsv")" '' rs-journal cat cases
jclean
addrow cases note=$'bad\xff\xfe'
tcase 'check: invalid UTF-8' 1 'cases.tsv:10: invalid UTF-8' "$NOZONE" rs-journal check
jclean
addrow cases note=$'cut\xe4\xb8'
tcase 'check: UTF-8 cut in the middle of a character' 1 'cases.tsv:10: invalid UTF-8' "$NOZONE" rs-journal check
jclean
addrow cases note=$'over\xc0\xaflong'
tcase 'check: overlong UTF-8' 1 'cases.tsv:10: invalid UTF-8' "$NOZONE" rs-journal check
jclean
mkrow cases "${B_cases[@]}" | sed 's/\tok\(\t*\)$/\ta\x00b\1/' >>"$RS_DIR/cases.tsv"
tcase 'check: NUL byte' 1 'cases.tsv:10: NUL byte' "$NOZONE" rs-journal check
jclean
{ head -c 2 "$CLEAN/cases.tsv"; printf '\000'; tail -c +3 "$CLEAN/cases.tsv"; } >"$RS_DIR/cases.tsv"
tcase 'check: NUL byte in the header' 1 '*' "$NOZONE" rs-journal check
keep
tok 'check: NUL byte in the header: reported at line 1' grep -q '^cases.tsv:1: ' "$T/last.out"

# Headers.
want_cols='ts at case_id event agent call_at channel program customer phone plate vehicle energy location lat lon road service fault symptom can_start injuries police medical priority quote eta_promised note scheduled_at destination dest_lat dest_lon ref'
jclean
awk -F'\t' -v OFS='\t' '{ t = $1; $1 = $2; $2 = t; print }' "$CLEAN/cases.tsv" >"$RS_DIR/cases.tsv"
tcase 'check: header with columns swapped' 1 "cases.tsv:1: header is not the current one of cases (want: $want_cols); run 'rs-journal migrate cases'" "$NOZONE" rs-journal check
tcase 'cat: columns in another order are mapped by name' 0 "$(cat "$CLEAN/cases.tsv")" '' rs-journal cat cases
jclean
sed -i '1s/\tref$//; 2,$s/\t[^\t]*$//' "$RS_DIR/cases.tsv"
tcase 'check: header missing a column' 1 "cases.tsv:1: header is not the current one of cases (want: $want_cols); run 'rs-journal migrate cases'" "$NOZONE" rs-journal check
jclean
sed -i '1s/\tref$/\tremark/' "$RS_DIR/callbacks.tsv" "$RS_DIR/cases.tsv"
tcase 'check: unknown column in the header' 1 '*' "$NOZONE" rs-journal check
keep
tok 'check: unknown column: reported with file and line 1' grep -qx "cases.tsv:1: unknown column 'remark' for cases" "$T/last.out"
tok 'check: unknown column in callbacks' grep -qx "callbacks.tsv:1: unknown column 'remark' for callbacks" "$T/last.out"
tcase 'cat: unknown column in the header is exit 1' 1 '*' "rs-journal: $RS_DIR/cases.tsv:1: unknown column 'remark' for cases" rs-journal cat cases
jclean
sed -i '1s/\tagent\t/\tts\t/' "$RS_DIR/dispatch.tsv"
tcase 'check: a column twice in the header' 1 "dispatch.tsv:1: column 'ts' appears twice" "$NOZONE" rs-journal check dispatch
printf 'a\tb\ta\n1\t2\t3\n' >"$T/dupnames.tsv"
tcase 'cat: a file naming a column twice is exit 1, nothing printed' 1 '' "rs-journal: $T/dupnames.tsv:1: column 'a' appears twice" rs-journal cat -f json "$T/dupnames.tsv"
printf 'a\tb\tc\n1\t2\t3\n' >"$T/names.tsv"
tcase 'cat: a file of distinct names is fine' 0 '{"a":"1","b":"2","c":"3"}' '' rs-journal cat -f json "$T/names.tsv"

# Several problems in several files: every one, files in journal order.
jclean
addrow cases priority=9
addrow cases ts=2026-11-21T09:01:00+08:00 at=2026-11-21T09:01:00+08:00 plate=x
addrow dispatch case_id=RS-20261121-0009
addrow callbacks nps=99
tcase 'check: every problem reported' 1 "cases.tsv:10: column priority: out of range '9' (want 1..4)
cases.tsv:11: column plate: bad plate 'x'
dispatch.tsv:13: no such case RS-20261121-0009
callbacks.tsv:5: column nps: out of range '99' (want 0..10)" "$NOZONE" rs-journal check
tcase 'check dispatch: only that journal (cases still resolve)' 1 'dispatch.tsv:13: no such case RS-20261121-0009' "$NOZONE" rs-journal check dispatch
tcase 'check callbacks providers' 1 "callbacks.tsv:5: column nps: out of range '99' (want 0..10)" "$NOZONE" rs-journal check callbacks providers

# rules.tsv (SPEC 9): comments and blank lines are fine; an unknown key
# and a bad value are problems with their line. A rules.tsv that cannot
# be read says nothing of the zone: no warning about site.zone then.
jclean
printf '# local rules\n\nsla.dispatch_min\t6\ncallback.max_attempts\t4\n' >"$RS_DIR/rules.tsv"
tcase 'check: good rules.tsv' 0 '' "$NOZONE" rs-journal check
printf '# local rules\n\nsla.file_min\t3\nsla.bogus\t5\n' >"$RS_DIR/rules.tsv"
tcase 'check: rules.tsv unknown key' 1 "rules.tsv:4: unknown rule 'sla.bogus'" '' rs-journal check
tcase 'check rules: only the rules' 1 "rules.tsv:4: unknown rule 'sla.bogus'" '' rs-journal check rules
tcase 'check cases: rules not read' 0 '' '' rs-journal check cases
printf 'sla.file_min\t-3\n' >"$RS_DIR/rules.tsv"
tcase 'check: rules.tsv bad value' 1 "rules.tsv:1: bad value '-3' for sla.file_min (want minutes, 1-10080)" '' rs-journal check
printf 'sla.bogus\t5\n# fine\nsla.file_min\t-3\n' >"$RS_DIR/rules.tsv"
tcase 'check: rules.tsv: every problem' 1 "rules.tsv:1: unknown rule 'sla.bogus'
rules.tsv:3: bad value '-3' for sla.file_min (want minutes, 1-10080)" '' rs-journal check

###########################################################################
# 4. Readers skip bad rows: one warning per file on stderr (count, first line).

jclean
awk -v r1="$(mkrow cases "${B_cases[@]}" priority=9)" 'NR == 3 { print "torn fragment" } NR == 6 { print r1 } { print }' \
    "$CLEAN/cases.tsv" >"$RS_DIR/cases.tsv"
tcase 'cat: bad rows skipped with one warning' 0 "$(cat "$CLEAN/cases.tsv")" \
    "rs-journal: $RS_DIR/cases.tsv: skipped 2 bad rows, the first at line 3" rs-journal cat cases
tcase 'cat -f json: bad rows skipped too' 0 "$(rs-journal -d "$CLEAN" cat cases -f json)" \
    "rs-journal: $RS_DIR/cases.tsv: skipped 2 bad rows, the first at line 3" rs-journal cat cases -f json
tcase 'check: each bad row' 1 "cases.tsv:3: wrong number of fields: 1, want 33
cases.tsv:7: column priority: out of range '9' (want 1..4)" "$NOZONE" rs-journal check
tcase 'cat FILE: a journal file read by path is untyped, bad-column-count rows skipped' 0 '*' \
    "rs-journal: $RS_DIR/cases.tsv: skipped 1 bad row, the first at line 3" rs-journal cat "$RS_DIR/cases.tsv"
# one warning per file: an archive with one bad row, the live file with two
printf '%s\n' "$(head -1 "$CLEAN/cases.tsv")" "$(sed -n 2p "$CLEAN/cases.tsv")" 'junk' | gzip >"$RS_DIR/cases.2026-09.tsv.gz"
tcase 'cat: one warning per file' 0 '*' "rs-journal: $RS_DIR/cases.2026-09.tsv.gz: skipped 1 bad row, the first at line 3
rs-journal: $RS_DIR/cases.tsv: skipped 2 bad rows, the first at line 3" rs-journal cat cases
printf 'a\tb\n1\t2\n3\n4\t5\t6\n7\t8\n' >"$T/cols.tsv"
tcase 'cat FILE: rows with the wrong field count skipped' 0 'a	b
1	2
7	8' "rs-journal: $T/cols.tsv: skipped 2 bad rows, the first at line 3" rs-journal cat "$T/cols.tsv"

###########################################################################
# 5. Errors: files named on the command line, gzip, usage, output.

tcase 'cat: missing file' 3 '' "rs-journal: $T/nope.tsv: cannot open: No such file or directory" rs-journal cat "$T/nope.tsv"
tcase 'cat: missing file after a good one' 3 '*' "rs-journal: $T/nope.tsv: cannot open: No such file or directory" rs-journal cat "$T/rt.tsv" "$T/nope.tsv"
mkdir -p "$T/adir"
tcase 'cat: a directory' 3 '' "rs-journal: $T/adir: is a directory, not a file" rs-journal cat "$T/adir"
jclean
rm "$RS_DIR/cases.tsv"
mkdir "$RS_DIR/cases.tsv"
tcase 'cat: a journal that is a directory' 3 '' "rs-journal: $RS_DIR/cases.tsv: is a directory, not a file" rs-journal cat cases
cp "$T/rt.tsv" "$T/unreadable.tsv"
chmod 000 "$T/unreadable.tsv"
if [ "$(id -u)" = 0 ]; then
	# root reads it anyway
	tcase 'cat: mode 000 file (as root: readable)' 0 "$(cat "$T/rt.tsv")" '' rs-journal cat "$T/unreadable.tsv"
else
	tcase 'cat: unreadable file' 3 '' "rs-journal: $T/unreadable.tsv: cannot open: Permission denied" rs-journal cat "$T/unreadable.tsv"
fi
chmod 600 "$T/unreadable.tsv"

# gzip: gzip -n so that the bytes do not depend on the time.
gzip -nc "$T/rt.tsv" >"$T/rt.tsv.gz"
tcase 'gz: read by suffix' 0 "$(cat "$T/rt.tsv")" '' rs-journal cat "$T/rt.tsv.gz"
cp "$T/rt.tsv.gz" "$T/rt-gz-no-suffix.tsv"
tcase 'gz: recognised by magic without .gz' 0 "$(cat "$T/rt.tsv")" '' rs-journal cat "$T/rt-gz-no-suffix.tsv"
STDIN=$T/rt.tsv.gz
tcase 'gz: on stdin' 0 "$(cat "$T/rt.tsv")" '' rs-journal cat -
STDIN=$T/rt.tsv
tcase 'stdin: plain TSV to JSON' 0 "$(rs-journal cat "$T/rt.tsv" -f json)" '' rs-journal cat - -f json
printf 'id\tv\n1\ta\n' | gzip -n >"$T/m1.gz"
printf '2\tb\n3\tc\n' | gzip -n >"$T/m2.gz"
cat "$T/m1.gz" "$T/m2.gz" >"$T/multi.tsv.gz"
tcase 'gz: multi-member file reads every member' 0 'id	v
1	a
2	b
3	c' '' rs-journal cat "$T/multi.tsv.gz"
size=$(wc -c <"$T/rt.tsv.gz" | tr -d ' ')
for cut in 4 12 $((size / 2)) $((size - 10)); do
	head -c "$cut" "$T/rt.tsv.gz" >"$T/trunc$cut.tsv.gz"
	tcase "gz: truncated to $cut bytes" 3 '*' "rs-journal: $T/trunc$cut.tsv.gz: truncated gzip data" rs-journal cat "$T/trunc$cut.tsv.gz"
done
STDIN=$T/trunc12.tsv.gz
tcase 'gz: truncated on stdin' 3 '*' 'rs-journal: stdin: truncated gzip data' rs-journal cat -
python3 -c '
import sys
d = bytearray(open(sys.argv[1], "rb").read())
m = len(d) // 2
for i in range(m, m + 4):
    d[i] ^= 0xff
open(sys.argv[2], "wb").write(d)
d = bytearray(open(sys.argv[1], "rb").read())
d[-6] ^= 1
open(sys.argv[3], "wb").write(d)
' "$T/rt.tsv.gz" "$T/corrupt.tsv.gz" "$T/crc.tsv.gz"
tcase 'gz: corrupt data' 3 '*' '*' rs-journal cat "$T/corrupt.tsv.gz"
keep
tok 'gz: corrupt data: message names the file' grep -q "^rs-journal: $T/corrupt.tsv.gz: corrupt gzip data" "$T/last.err"
tcase 'gz: bad CRC' 3 '*' "rs-journal: $T/crc.tsv.gz: corrupt gzip data: incorrect data check" rs-journal cat "$T/crc.tsv.gz"
# a broken archive of a journal: exit 3 too, never a silent partial result
jclean
head -c 30 "$T/rt.tsv.gz" >"$RS_DIR/cases.2026-09.tsv.gz"
tcase 'gz: truncated archive of a journal' 3 '*' "rs-journal: $RS_DIR/cases.2026-09.tsv.gz: truncated gzip data" rs-journal cat cases
tcase 'gz: check on a truncated archive' 3 '*' "$NOZONE
rs-journal: $RS_DIR/cases.2026-09.tsv.gz: truncated gzip data" rs-journal check cases

# usage errors: exit 2
tcase 'usage: no command' 2 '' 'rs-journal: missing command (want init, check, cat, archive, migrate, export or schema) (see rs-journal --help)' rs-journal
tcase 'usage: unknown command' 2 '' "rs-journal: unknown command 'bogus' (see rs-journal --help)" rs-journal bogus
tcase 'usage: unknown option' 2 '' '*' rs-journal cat --bogus "$T/rt.tsv"
keep
tok 'usage: unknown option: named on stderr' grep -q -- "--bogus" "$T/last.err"
tcase 'usage: unknown format' 2 '' "rs-journal: cat: --format: unknown value 'xml' (want tsv|csv|json|table) (see rs-journal cat --help)" rs-journal -f xml cat "$T/rt.tsv"
tcase 'usage: cat without an argument' 2 '' 'rs-journal: cat: missing NAME|FILE (see rs-journal cat --help)' rs-journal cat
tcase 'bad --since is a bad value' 1 '' "rs-journal: --since: bad time 'bogus' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" rs-journal cat cases --since bogus
tcase 'bad --until is a bad value' 1 '' "rs-journal: --until: bad time '2026-02-30' (want one of 2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d)" rs-journal cat cases --until 2026-02-30
tcase 'usage: --help' 0 '*' '' rs-journal --help
keep
tok 'usage: --help shows the commands' grep -q '^  archive --before YYYY-MM' "$T/last.out"
tcase 'usage: --version' 0 '*' '' rs-journal -V
keep
tok 'usage: --version names the tool' grep -q '^rs-journal (rs) ' "$T/last.out"
tcase 'cat: inputs with different columns' 1 '*' "rs-journal: $T/multi.tsv.gz: columns differ from the first input's; cat one kind at a time" \
    rs-journal cat "$T/rt.tsv" "$T/multi.tsv.gz"
tcase 'cat: two inputs of the same kind' 0 'id	v
1	a
2	b
3	c
1	a
2	b
3	c' '' rs-journal cat "$T/multi.tsv.gz" "$T/multi.tsv.gz"
tcase 'cat: a journal of a directory that does not exist' 3 '' "rs-journal: $T/no-such-dir: no such journal directory" rs-journal -d "$T/no-such-dir" cat cases
mkdir -p "$T/empty-dir2"
tcase 'cat: a journal of an empty directory is its header' 0 "$(head -1 "$CLEAN/cases.tsv")" '' rs-journal -d "$T/empty-dir2" cat cases
tcase 'cat: a journal of an empty directory, JSON: nothing' 0 '' '' rs-journal -d "$T/empty-dir2" cat cases -f json
tok 'cat: the empty directory is not created' test ! -e "$T/no-such-dir"

# output errors: /dev/full is exit 3; a closed pipe ends quietly
jclean
tcase 'cat to /dev/full' 3 '' 'rs-journal: write error: No space left on device' sh -c 'rs-journal cat cases >/dev/full'
tcase 'cat file to /dev/full' 3 '' 'rs-journal: write error: No space left on device' sh -c "rs-journal cat '$T/rt.tsv' -f csv >/dev/full"
tcase 'schema to /dev/full' 3 '' 'rs-journal: write error: No space left on device' sh -c 'rs-journal schema cases >/dev/full'
addrow cases priority=9
tcase 'check to /dev/full' 3 '' "$NOZONE
rs-journal: write error: No space left on device" sh -c 'rs-journal check cases >/dev/full'
awk 'BEGIN { print "n\tsq"; for (i = 1; i <= 300000; i++) print i "\t" i * i }' >"$T/big.tsv"
tcase 'cat big | head -1: quiet' 0 'n	sq' '' sh -c "rs-journal cat '$T/big.tsv' | head -1"
tcase 'cat big -f json | head -1: quiet' 0 '{"n":"1","sq":"1"}' '' sh -c "rs-journal cat '$T/big.tsv' -f json | head -1"
# with SIGPIPE ignored the tool sees EPIPE: still quiet, exit 0
tcase 'cat big | head -1, SIGPIPE ignored: quiet' 0 'n	sq
0' '' bash -c "trap '' PIPE; rs-journal cat '$T/big.tsv' | head -1; echo \${PIPESTATUS[0]}"
tcase 'cat big -f csv | head -1, SIGPIPE ignored: quiet' 0 'n,sq
0' '' bash -c "trap '' PIPE; rs-journal cat '$T/big.tsv' -f csv | head -1 | tr -d '\r'; echo \${PIPESTATUS[0]}"

rm -f "$T/big.tsv"

###########################################################################
# 6. schema

tcase 'schema: the list' 0 'cases
dispatch
complaints
callbacks
providers' '' rs-journal schema
for s in cases dispatch complaints callbacks providers; do
	rs-journal schema $s >"$T/schema.$s" 2>&1
	tsame "schema $s: same as schemas/$s.tsv" "$TOP/schemas/$s.tsv" "$T/schema.$s"
done
tcase 'schema: unknown name' 1 '' 'rs-journal: nope: no such schema (see rs-journal schema)' rs-journal schema nope
tcase 'schema: two names' 2 '' "rs-journal: schema: unexpected argument 'dispatch' (see rs-journal schema --help)" rs-journal schema cases dispatch
tcase 'schema -H' 0 "$(tail -n +2 "$TOP/schemas/providers.tsv")" '' rs-journal schema providers -H
tcase 'schema -f json' 0 '{"column":"provider_id","type":"id","required":"y","values":"provider","description":"provider id (letters, digits, - and _)"}' '' \
    sh -c 'rs-journal schema providers -f json | head -1'

###########################################################################
# 7. --since/--until filter by at, half-open [since, until).

RS_DIR=$CLEAN
export RS_DIR
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	args=${line%% =>*}
	want=${line#*=>}
	tcase "cat --since/--until: $args" 0 "$(printf '%s\n' $want)" '' sh -c "rs-journal cat cases -H $args | cut -f2"
done <<'EOF'
# at 2026-09-15T08:58 is before ts 09:00: the filter uses at
--since 2026-09-15T08:59 => 2026-09-15T09:10:00+08:00 2026-10-03T14:00:00+08:00 2026-10-31T23:59:00+08:00 2026-10-31T16:30:00+00:00 2026-11-21T07:59:00+08:00 2026-11-21T08:30:00+08:00 2026-11-21T08:45:00+08:00
--until 2026-09-15T08:59 => 2026-09-15T08:58:00+08:00
--since 2026-10-31T23:59 --until 2026-11-21T08:30 => 2026-10-31T23:59:00+08:00 2026-10-31T16:30:00+00:00 2026-11-21T07:59:00+08:00
--since 2026-10-01 --until 2026-11-01 => 2026-10-03T14:00:00+08:00 2026-10-31T23:59:00+08:00
--since 2026-11-01 --until 2026-11-01T00:30:01+08:00 => 2026-10-31T16:30:00+00:00
--since 2026-11-01T00:30:00+08:00 --until 2026-11-01T00:30:00+08:00 =>
--since '2026-10-03 14:00' --until 2026-10-03T14:00:01+08:00 => 2026-10-03T14:00:00+08:00
--since 2026-10-03T06:00:00Z --until 2026-10-03T06:00:01Z => 2026-10-03T14:00:00+08:00
--since -2d => 2026-11-21T07:59:00+08:00 2026-11-21T08:30:00+08:00 2026-11-21T08:45:00+08:00
--since -1d =>
--until 2026-09-15T08:58 =>
--since 2026-11-21 --until 2026-11-01 =>
EOF
tcase 'cat --since on a file by path' 0 "$(tail -n 3 "$CLEAN/cases.tsv" | cut -f2)" '' \
    sh -c "rs-journal cat '$CLEAN/cases.tsv' --since 2026-11-21 -H | cut -f2"
tcase 'cat --since on dispatch -f json' 0 '"RS-20261121-0002" "assigned"
"RS-20261121-0001" "cancelled"' '' sh -c "rs-journal cat dispatch --since 2026-11-21 -f json | sed 's/.*\"case_id\":\\(\"[^\"]*\"\\),\"event\":\\(\"[^\"]*\"\\).*/\\1 \\2/'"
