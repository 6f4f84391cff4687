# 74-privacy.sh - customer data must not leak (SPEC 1, 3.4, 6 rs-report):
# reports mask names and phones unless --show-pii, in every format; new
# journal files and directories, archives and their temporary files carry
# no permission for others whatever the umask; help texts and error
# messages never show a customer's data (an error about case A never
# shows case B's phone or name).

command -v rs-intake >/dev/null 2>&1 || return 0

PA=13712345678 NA='Zhang Sanfeng'	# case A's customer
PB=13698765432 NB='Ouyang Feng'		# case B's customer
jdir
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
export RS_NOW=2026-11-17T09:00:00+08:00
A=$(rs-intake -q --phone "$PA" --customer "$NA" --plate 粤B12345 --location 'Shennan Road 1' --service tow --lat 22.54 --lon 114.06)
B=$(rs-intake -q --phone "$PB" --customer "$NB" --plate 粤B54321 --location 'Binhe Road 9' --service tyre)
setup rs-dispatch -q assign "$A" --provider P001 >/dev/null
setup rs-dispatch -q arrive "$A" >/dev/null
setup rs-dispatch -q complete "$A" --outcome towed >/dev/null
CPA=$(rs-complain -q open --case "$A" --category late --demand 'refund please')
setup rs-dispatch -q assign "$B" --provider P002 >/dev/null
setup rs-dispatch -q arrive "$B" >/dev/null
setup rs-dispatch -q complete "$B" --outcome tyre-changed >/dev/null
CPB=$(rs-complain -q open --case "$B" --category fee --demand 'too expensive')
setup rs-complain -q resolve "$CPB" --remedy refund --amount 20 --note done >/dev/null
RS_NOW=2026-11-17T20:30:00+08:00 setup rs-callback -q record "$B" --kind service --result reached --overall 2 >/dev/null 2>&1
# Free text may carry a phone number or the customer's name as well.
RS_NOW=2026-11-17T09:30:00+08:00 rs-intake -q amend "$A" \
    --note "Zhang Sanfeng asks for a call on 139-0013-9000 or 13900139001; RS-20261117-0002 is his friend's case; come 2026-11-25" >/dev/null
export RS_NOW=2026-11-24T09:00:00+08:00

# no_pii NAME CMD...: CMD exits 0 and its output shows neither customer's
# phone nor name (nor the phone's middle digits on their own).
no_pii() {
	_n=$1
	shift
	"$@" >"$T/pii.out" 2>"$T/pii.err"
	_rc=$?
	if [ "$_rc" != 0 ]; then
		_t_fail "$_n" "exit $_rc" "$(head -3 "$T/pii.err")"
	elif grep -qE "$PA|$PB|Zhang|Sanfeng|Ouyang|Feng|12345678|98765432" "$T/pii.out" "$T/pii.err"; then
		_t_fail "$_n" "customer data shown:" "$(grep -hoE ".{0,30}($PA|$PB|Zhang|Sanfeng|Ouyang|Feng|12345678|98765432).{0,10}" "$T/pii.out" "$T/pii.err" | head -3)"
	else
		_t_pass
	fi
}

FORMATS='text md html json tsv csv'
[ -n "$RS_VALGRIND" ] && FORMATS='text json'
for f in $FORMATS; do
	no_pii "shift report -f $f: masked" rs-report shift --date 2026-11-17 -f "$f"
	no_pii "weekly report -f $f: masked" rs-report weekly --week 2026-W47 -f "$f"
	no_pii "case report -f $f: masked" rs-report case "$A" -f "$f"
	no_pii "kpi report -f $f: masked" rs-report kpi --since 2026-11-10 --until 2026-11-24 -f "$f"
done
no_pii 'shift report --section callbacks_due: masked' rs-report shift --date 2026-11-17 -f tsv --section handover
tcase 'case report: the mask keeps the ends of the phone' 0 '137****5678' '' \
    sh -c "rs-report case '$A' -f json | jq -r .phone"
tcase 'case report: the mask keeps the first letter of the name' 0 'Z************' '' \
    sh -c "rs-report case '$A' -f json | jq -r .customer"
tcase 'case report: phones and the name in free text are masked, ids and dates not' 0 \
    "note=Z************ asks for a call on 139****9000 or 139****9001; RS-20261117-0002 is his friend's case; come 2026-11-25" '' \
    sh -c "rs-report case '$A' -f json | jq -r '.timeline[] | select(.event == \"amended\") | .details'"
tcase 'case report --show-pii: free text as written' 0 \
    "note=Zhang Sanfeng asks for a call on 139-0013-9000 or 13900139001; RS-20261117-0002 is his friend's case; come 2026-11-25" '' \
    sh -c "rs-report case '$A' --show-pii -f json | jq -r '.timeline[] | select(.event == \"amended\") | .details'"
# --show-pii shows them (so the checks above are not vacuous)
tcase 'case report --show-pii: phone and name' 0 "$PA|$NA" '' \
    sh -c "rs-report case '$A' --show-pii -f json | jq -r '.phone + \"|\" + .customer'"
tcase 'case report --show-pii -f text: phone shown' 0 1 '' \
    sh -c "rs-report case '$A' --show-pii | grep -c 'phone *$PA'"
tcase 'shift report --show-pii: the callback list shows the phone' 0 '*' '' \
    sh -c "rs-report shift --date 2026-11-17 --show-pii | grep -- '$PB'"
no_pii 'case report of B: nothing of A' sh -c "rs-report case '$B' --show-pii | grep -v -- '$PB' | grep -v '$NB'"

# Help texts and schema listings read no journal data.
for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do
	no_pii "$t --help: no customer data" $t --help
done
for s in 'rs-intake new' 'rs-intake amend' 'rs-intake import' 'rs-intake list' 'rs-dispatch assign' 'rs-dispatch suggest' \
    'rs-dispatch list' 'rs-complain open' 'rs-complain list' 'rs-callback due' 'rs-callback record' 'rs-report case'; do
	no_pii "$s --help: no customer data" $s --help
done
no_pii 'rs-journal schema: no customer data' rs-journal schema cases

# Errors about case A show nothing of case B (nor of A's customer).
# err_clean NAME RC CMD...: exit RC, nothing on stdout, no customer data on stderr.
err_clean() {
	_n=$1 _want=$2
	shift 2
	_before=$(cd "$RS_DIR" && cat ./*.tsv | cksum)
	"$@" >"$T/e.out" 2>"$T/e.err"
	_rc=$?
	if [ "$_rc" != "$_want" ]; then
		_t_fail "$_n" "exit $_rc, want $_want" "$(head -3 "$T/e.err")"
	elif [ -s "$T/e.out" ]; then
		_t_fail "$_n" "printed on stdout: $(head -c 200 "$T/e.out")"
	elif grep -qE "$PA|$PB|Zhang|Sanfeng|Ouyang|Feng" "$T/e.err"; then
		_t_fail "$_n" "customer data in the error:" "$(head -c 300 "$T/e.err")"
	elif [ "$(cd "$RS_DIR" && cat ./*.tsv | cksum)" != "$_before" ]; then
		_t_fail "$_n" "the journal changed"
	else
		_t_pass
	fi
}
err_clean 'error: arrive on a completed case' 1 rs-dispatch arrive "$A"
err_clean 'error: cancel a completed case' 1 rs-dispatch cancel "$A" --reason customer
err_clean 'error: unknown provider' 1 rs-dispatch assign "$A" --provider P999
err_clean 'error: suggest without a position' 1 rs-dispatch suggest "$B"
err_clean 'error: complaint level out of range' 1 rs-complain open --case "$A" --category late --demand x --level 9
err_clean 'error: a callback on A for the complaint of B' 1 rs-callback record "$A" --kind complaint --complaint "$CPB" --result refused
err_clean 'error: reached without --overall' 2 rs-callback record "$A" --kind service --result reached
err_clean 'error: amend A with a bad phone' 1 rs-intake amend "$A" --phone x
err_clean 'error: amend A with a bad value' 1 rs-intake amend "$A" --lat 99
err_clean 'error: close a complaint that is open' 1 rs-complain close "$CPA"
err_clean 'error: reopen an open complaint' 1 rs-complain reopen "$CPA" --note x
err_clean 'error: escalate a resolved complaint' 1 rs-complain escalate "$CPB" --level 4
err_clean 'error: no such case' 1 rs-report case RS-20261117-0099
# a bad value is echoed as typed, nothing more
tcase 'error: the typed value is echoed, nothing more' 1 '' "rs-intake: --phone: bad phone 'x$PB'" \
    rs-intake --phone "x$PB" --location y --service tow
printf 'phone\tlocation\tservice\n13800000001\tok\ttow\n1\tbad\ttow\n' >"$T/imp.tsv"
err_clean 'error: a bad import row shows no journal data' 1 rs-intake import "$T/imp.tsv"
# the low-score hint names the case, not the customer
RS_NOW=2026-11-17T21:00:00+08:00 rs-callback record "$A" --kind service --result reached --overall 1 >/dev/null 2>"$T/hint.err"
tcase 'callback hint: names no customer' 0 '' '' sh -c "grep -E '$PA|Zhang' '$T/hint.err'; true"

###########################################################################
# Permissions: new journal directories 0700 and files 0600 whatever the
# umask, through every writing tool; archives and the replaced live file
# never give others any permission.

unset RS_NOW
export RS_NOW=2026-11-22T10:00:00+08:00
perm_case() {	# UMASK TOOL
	_d=$T/perm-$1-$2
	rm -rf "$_d"
	case $2 in
	intake) _cmd="rs-intake -q --phone 13800000001 --location x --service tow" _j=cases ;;
	dispatch)
		mkdir -p "$_d" && chmod 700 "$_d" && cp "$SAMPLES/providers.tsv" "$_d/"
		_id=$(rs-intake -d "$_d" -q --phone 13800000001 --location x --service tow)
		_cmd="rs-dispatch -q notify $_id" _j=dispatch ;;
	complain)
		mkdir -p "$_d" && chmod 700 "$_d"
		_id=$(rs-intake -d "$_d" -q --phone 13800000001 --location x --service tow)
		_cmd="rs-complain -q open --case $_id --category fee --demand x --level 2" _j=complaints ;;
	callback)
		mkdir -p "$_d" && chmod 700 "$_d"
		_id=$(rs-intake -d "$_d" -q --phone 13800000001 --location x --service tow)
		# audit: a service callback would need a completed case.
		_cmd="rs-callback -q record $_id --kind audit --result refused" _j=callbacks ;;
	esac
	tcase "umask $1: rs-$2 appends" 0 '*' '' sh -c "umask $1; exec $_cmd -d '$_d'"
	if [ "$2" = intake ]; then	# the directory is new only here
		tcase "umask $1: rs-$2: directory 700, $_j.tsv 600" 0 $'700\n600' '' stat -c %a "$_d" "$_d/$_j.tsv"
	else
		tcase "umask $1: rs-$2: $_j.tsv 600" 0 600 '' stat -c %a "$_d/$_j.tsv"
	fi
}
for um in 000 022 002; do
	for tool in intake dispatch complain callback; do perm_case $um $tool; done
done

# archive under umask 000: the archives and the new live file keep the
# live file's mode without the bits for others.
for live in 600 640 666; do
	d=$T/arch-$live
	rm -rf "$d"
	RS_NOW=2026-10-10T10:00:00+08:00 setup rs-intake -d "$d" -q --phone 13800000001 --location x --service tow >/dev/null
	setup rs-intake -d "$d" -q --phone 13800000002 --location y --service tow >/dev/null
	chmod "$live" "$d/cases.tsv"
	tcase "archive, live file $live, umask 000: works" 0 '' '*' sh -c "umask 000; exec rs-journal -d '$d' archive --before 2026-11"
	want=$(printf '%o' $((0$live & 0770)))
	tcase "archive, live file $live: archive and live file $want" 0 "$want"$'\n'"$want" '' \
	    stat -c %a "$d/cases.2026-10.tsv.gz" "$d/cases.tsv"
done

# Temporary files of an archive, caught at each rename (the fault shim
# stops the process there): none is readable by others.
fi_shim
if [ -n "$FI_SO" ]; then
	for live in 600 666; do
		d=$T/tmp-$live
		rm -rf "$d"
		RS_NOW=2026-09-10T10:00:00+08:00 setup rs-intake -d "$d" -q --phone 13800000001 --location x --service tow >/dev/null
		RS_NOW=2026-10-10T10:00:00+08:00 setup rs-intake -d "$d" -q --phone 13800000001 --location x --service tow >/dev/null
		setup rs-intake -d "$d" -q --phone 13800000002 --location y --service tow >/dev/null
		chmod "$live" "$d/cases.tsv"
		cp -a "$d" "$d.base"
		for n in 1 2 3; do	# September archive, October archive, the live file
			rm -rf "$d" && cp -a "$d.base" "$d"
			( umask 000; exec env FI_FUNC=rename FI_NTH=$n FI_ACTION=stop FI_MATCH="$d" LD_PRELOAD="$FI_SO" \
			    rs-journal -d "$d" archive --before 2026-11 >/dev/null 2>&1 ) &
			pid=$!
			tok "archive (live $live) stopped at rename $n" stopped "$pid"
			tcase "archive (live $live) at rename $n: one temporary file" 0 1 '' sh -c "ls '$d' | grep -c '\\.tmp\$'"
			tcase "archive (live $live) at rename $n: no permission for others on it" 0 '' '' \
			    find "$d" -name '*.tmp' -perm /007
			kill -9 "$pid"
			wait "$pid" 2>/dev/null
		done
	done
fi
