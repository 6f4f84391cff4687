# 17-dialect.sh - one command-line dialect (SPEC 5): the same five
# mistakes (unknown option, missing value, bad enum value, unknown
# subcommand, extra argument) through all six tools give the same message
# shape and exit code; near misses say "did you mean"; every subcommand has
# its own -h; --at is checked once for every write tool.

jdir
rs-journal init --zone Asia/Shanghai >/dev/null 2>&1 || echo "FAIL: 17-dialect.sh: setup: rs-journal init"

# tool, a subcommand without operands, the -f choices, a near miss of a
# subcommand and the one meant, a typo of one of that subcommand's options
# and the option meant.
L='tsv|csv|json|table'
R='text|md|html|json|tsv|csv'
TOOLS=(
	"rs-intake list $L lst list --opne open"
	"rs-dispatch list $L lsit list --ovrdue overdue"
	"rs-complain list $L lis list --overdeu overdue"
	"rs-callback due $L deu due --kidn kind"
	"rs-report kpi $R kip kpi --bz by"
	"rs-journal archive $L archve archive --bfore before"
)

for row in "${TOOLS[@]}"; do
	read -r tool sub choices near meant typo opt <<<"$row"
	see="(see $tool $sub --help)"
	tcase "$tool: unknown option" 2 '' "$tool: $sub: unknown option '--bogus' $see" \
		$tool $sub --bogus
	tcase "$tool: missing value" 2 '' "$tool: $sub: option '--format' needs a value $see" \
		$tool $sub --format
	tcase "$tool: bad enum value" 2 '' "$tool: $sub: --format: unknown value 'xml' (want $choices) $see" \
		$tool $sub -f xml
	tcase "$tool: unknown subcommand" 2 '' "$tool: unknown command 'bogus' (see $tool --help)" \
		$tool bogus
	tcase "$tool: extra argument" 2 '' "$tool: $sub: unexpected argument 'extra' $see" \
		$tool $sub extra
	# Options may come before the subcommand too: the same words, the same message.
	tcase "$tool: unknown option before the subcommand" 2 '' \
		"$tool: $sub: unknown option '--bogus' $see" $tool -f json $sub --bogus
	# Near misses.
	tcase "$tool: near subcommand" 2 '' \
		"$tool: unknown command '$near'; did you mean '$meant'? (see $tool --help)" $tool $near
	tcase "$tool: near option" 2 '' \
		"$tool: $sub: unknown option '$typo'; did you mean '--$opt'? $see" $tool $sub $typo
	tcase "$tool: near -f value" 2 '' \
		"$tool: $sub: --format: unknown value 'jsn' (want $choices); did you mean 'json'? $see" \
		$tool $sub -f jsn
	[ $tool = rs-intake ] && continue	# its default subcommand is new
	tcase "$tool: missing subcommand" 2 '' '*' $tool
	cp "$T/.err" "$T/err"	# tok writes .out and .err
	tok "$tool: missing subcommand: names them" grep -q "^$tool: missing command (want .*$meant" "$T/err"
done

# rs-intake's default subcommand is new: a mistake without a subcommand word is new's.
tcase "rs-intake: unknown option, no subcommand" 2 '' \
	"rs-intake: new: unknown option '--bogus' (see rs-intake new --help)" rs-intake --bogus
tcase "rs-intake: a stray word after options" 2 '' \
	"rs-intake: new: unexpected argument 'extra' (see rs-intake new --help)" \
	rs-intake --phone 13800000000 --location x --service tow extra

# A missing operand names it, in every tool that takes one.
tcase "rs-intake amend: missing CASE" 2 '' "rs-intake: amend: missing CASE (see rs-intake amend --help)" \
	rs-intake amend --lat 22
tcase "rs-dispatch arrive: missing CASE" 2 '' "rs-dispatch: arrive: missing CASE (see rs-dispatch arrive --help)" \
	rs-dispatch arrive
tcase "rs-complain contact: missing CP" 2 '' "rs-complain: contact: missing CP (see rs-complain contact --help)" \
	rs-complain contact
tcase "rs-callback record: missing CASE" 2 '' "rs-callback: record: missing CASE (see rs-callback record --help)" \
	rs-callback record --kind service --result refused
tcase "rs-report case: missing CASE" 2 '' "rs-report: case: missing CASE (see rs-report case --help)" \
	rs-report case
tcase "rs-journal cat: missing NAME|FILE" 2 '' "rs-journal: cat: missing NAME|FILE (see rs-journal cat --help)" \
	rs-journal cat

# Every subcommand has its own help, after the subcommand; -h before it is the tool's.
SUBS=(
	"rs-intake new amend import list"
	"rs-dispatch suggest assign notify enroute arrive complete cancel list"
	"rs-complain open escalate contact investigate resolve close reopen action action-done list"
	"rs-callback due record list"
	"rs-report shift weekly kpi case"
	"rs-journal init check cat archive migrate schema"
)
for row in "${SUBS[@]}"; do
	read -r tool subs <<<"$row"
	for sub in $subs; do
		tcase "$tool $sub -h" 0 '*' '' $tool $sub -h
		cp "$T/.out" "$T/help"	# tok writes .out
		tok "$tool $sub -h: its own usage" grep -Eq "^usage: $tool \[?$sub\b" "$T/help"
		tcase "$tool $sub --help after an option" 0 '*' '' $tool -d "$RS_DIR" $sub --help
		cp "$T/.out" "$T/help"
		tok "$tool $sub --help after an option: its own usage" grep -Eq "^usage: $tool \[?$sub\b" "$T/help"
	done
	tcase "$tool -h before a subcommand" 0 '*' '' $tool -h ${subs%% *}
	cp "$T/.out" "$T/help"
	tok "$tool -h: the tool's help names every subcommand" \
		bash -c 'for s in $1; do grep -q -- "$s" "$2" || exit 1; done' - "$subs" "$T/help"
done

# --at: one check, one message, in every write tool (SPEC 3.3: at most 5 minutes ahead).
rs-intake -q --phone 13800000000 --location x --service tow >/dev/null ||
	echo "FAIL: 17-dialect.sh: setup: rs-intake"
C=RS-20261122-0001
AHEAD="--at: 2026-11-22T10:06:00+08:00 is more than 5 minutes in the future"
tcase "--at ahead: rs-intake" 1 '' "rs-intake: $AHEAD" \
	rs-intake --phone 13800000000 --location x --service tow --at 10:06
tcase "--at ahead: rs-dispatch" 1 '' "rs-dispatch: $AHEAD" rs-dispatch notify $C --at 10:06
tcase "--at ahead: rs-complain" 1 '' "rs-complain: $AHEAD" \
	rs-complain open --case $C --category late --demand x --at 10:06
tcase "--at ahead: rs-callback" 1 '' "rs-callback: $AHEAD" \
	rs-callback record $C --kind service --result refused --at 10:06
# 5 minutes ahead is still allowed.
tcase "--at 5 minutes ahead: rs-dispatch" 0 '*' '' rs-dispatch notify -q $C --at 10:05
