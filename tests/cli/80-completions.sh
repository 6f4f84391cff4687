# 80-completions.sh - the shell completions in completions/: up to date
# with the option tables and schemas (regenerated into a scratch dir and
# compared), every option they offer accepted by the tool (and every
# option a subcommand's --help names offered), and bash, zsh and fish
# driven through their own completion machinery on a small journal:
# subcommands, options, enum values, and live case, complaint and
# provider ids, open ones first.

C=$TOP/completions

# --- up to date: make completions would write the same files
mkdir -p "$T/gen"
tok "completions-gen runs" "$TOP/tools/completions-gen" -o "$T/gen" --bin "$BINDIR"
for f in rs.bash _rs rs-intake.fish rs-dispatch.fish rs-complain.fish rs-callback.fish \
    rs-report.fish rs-journal.fish functions/__rs_is.fish functions/__rs_state.fish \
    functions/__rs_live.fish; do
	tsame "completions/$f is up to date (make completions)" "$C/$f" "$T/gen/$f"
done
tcase "no other generated file" 0 "$(cd "$C" && find . -type f | sort)" '' \
    sh -c "cd '$T/gen' && find . -type f | sort"

# --- the helper the generator reads: the tables as the tool has them,
# hidden from the help and from the man pages
tab=$(printf '\t')
tcase "helper: rs-dispatch cancel, own options then the globals" 0 \
    "$(printf 'cmd\tcancel\tcase\tn\tcancel a case\n'
    printf 'opt\tcancel\treason\t\t1\twords customer duplicate gone-on-arrival no-provider by-phone other\twhy a case was cancelled\n'
    printf 'opt\tcancel\tnote\t\t1\tnone\tfree note; the reason of a cancellation\n'
    printf 'opt\tcancel\tdir\td\t1\tdir\t\n'
    printf 'opt\tcancel\tformat\tf\t1\twords tsv csv json table\t\n'
    printf 'opt\tcancel\tno-header\tH\t0\tnone\t')" '' \
    sh -c "rs-dispatch --rs-completion-helper | grep '^[a-z]*${tab}cancel${tab}' | head -6"
tcase "helper: a value set given in the table (--ddl)" 0 \
    "$(printf 'opt\tschema\tddl\t\t1\twords duckdb postgres clickhouse\t')" '' \
    sh -c "rs-journal --rs-completion-helper | grep '^opt${tab}schema${tab}ddl'"
tcase "helper: a kind given in the table, an int range from the schema" 0 \
    "$(printf 'cmd\trecord\tcase-due\tn\trecord a call and its scores\n'
    printf 'opt\trecord\tcomplaint\t\t1\tcomplaint-due\tthe complaint, for complaint and second callbacks\n'
    printf 'opt\trecord\tnps\t\t1\twords 0 1 2 3 4 5 6 7 8 9 10\twould recommend, 0 to 10')" '' \
    sh -c "rs-callback --rs-completion-helper | grep -E '^(cmd${tab}record|opt${tab}record${tab}(complaint|nps))${tab}'"
tcase "helper: the default subcommand" 0 "$(printf 'default\tnew')" '' \
    sh -c "rs-intake --rs-completion-helper | grep '^default'"
tcase "helper: alone only" 2 '' \
    "rs-dispatch: list: unknown option '--rs-completion-helper' (see rs-dispatch list --help)" \
    rs-dispatch list --rs-completion-helper
for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do
	tcase "helper: not in $t --help" 1 '' '' \
	    sh -c "$t --help | grep -e completion-helper"
done
tcase "helper: not in the man pages" 1 '' '' grep -rl -e completion-helper "$TOP/man"

# --- a small journal: 3 cases (0001 completed, 0002 and 0003 open),
# 2 complaints on 0001 (CP 0001 open, handler 王芳; CP 0002 closed, 李静)
jdir "$T/j"
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
{
	rs-intake -q --phone 13800000001 --location A --service tyre --lat 22.55 --lon 114.05 --road city
	rs-intake -q --phone 13800000002 --location B --service tow --lat 22.60 --lon 114.10
	rs-intake -q --phone 13800000003 --location C --service jumpstart --lat 22.5 --lon 114.0
	rs-dispatch assign RS-20261122-0001 --provider P001 -q
	rs-dispatch arrive RS-20261122-0001 -q
	rs-dispatch complete RS-20261122-0001 --outcome tyre-changed -q
	rs-complain -q open --case RS-20261122-0001 --category late --demand sorry
	rs-complain -q open --case RS-20261122-0001 --category fee --demand refund
	rs-complain -q assign CP-20261122-0002 --handler 李静
	rs-complain -q assign CP-20261122-0001 --handler 王芳
	rs-complain resolve CP-20261122-0002 --remedy refund --amount 10 --note ok -q
	rs-complain close CP-20261122-0002 -q
} >"$T/setup.out" 2>"$T/setup.err"
tcase "journal set up" 0 "RS-20261122-0001 RS-20261122-0002 RS-20261122-0003" '' \
    sh -c 'rs-intake list -H | cut -f1 | tr "\n" " " | sed "s/ \$//"'

# --- bash: the function complete -p names, with COMP_WORDS/COMP_CWORD set
cat >"$T/comp.bash" <<'EOF'
# bash comp.bash FILE WORD... - loads FILE, fills COMP_* as bash would for
# the line WORD... (the last word is the one completed) and prints
# COMPREPLY, one a line.
source "$1" || exit 9
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
spec=$(complete -p "${1##*/}" 2>/dev/null) || { echo "no complete -p for ${1##*/}"; exit 8; }
fn=$(printf '%s\n' "$spec" | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}"
exit 0
EOF
bc() { bash --norc --noprofile "$T/comp.bash" "$C/rs.bash" "$@"; }
nl() { printf '%s\n' "$@"; }

# --- the completions follow the tables: a copy of rs-dispatch with two
# rows added to its option table is built against the same library; the
# helper prints them and the completions written from it offer them
case ${BINDIR##*/} in
bin) lib=$TOP/build ;;
*) lib= ;;
esac
if [ -n "$lib" ] && [ -f "$lib/libcommon.a" ] && command -v cc >/dev/null 2>&1; then
	mkdir -p "$T/tbin"
	for t in rs-intake rs-complain rs-callback rs-report rs-journal; do
		ln -s "$BINDIR/$t" "$T/tbin/$t"
	done
	sed '/\.name = "force",/a\
	{ .name = "dry-run", .subs = S_ASSIGN, .off = OFF(force) },\
	{ .name = "shade", .key = '"'"'z'"'"', .has_arg = 1, .subs = S_LIST, .off = OFF(provider),\
	    .complete = "provider" },' "$TOP/cmd/rs-dispatch.c" >"$T/rs-dispatch.c"
	tok "a tool with two more options builds" cc -D_GNU_SOURCE -DRS_VERSION='"t"' \
	    -DLOCALEDIR='"/nowhere"' -I"$TOP/common" -I"$lib/gen" -o "$T/tbin/rs-dispatch" \
	    "$T/rs-dispatch.c" "$lib/libcommon.a" -lcsv -lz -lm -pthread
	tcase "helper: an option added to the table" 0 \
	    "$(printf 'opt\tassign\tdry-run\t\t0\tnone\t\nopt\tlist\tshade\tz\t1\tprovider\t')" '' \
	    sh -c "'$T/tbin/rs-dispatch' --rs-completion-helper | grep -E '${tab}(dry-run|shade)${tab}'"
	tok "completions-gen runs on it" "$TOP/tools/completions-gen" -o "$T/gen2" --bin "$T/tbin"
	tcase "bash: the added flag is offered" 0 "--dry-run" '' \
	    bash --norc --noprofile "$T/comp.bash" "$T/gen2/rs.bash" rs-dispatch assign X --dr
	tcase "bash: the added value option, short form, values from the roster" 0 \
	    "$(printf 'P050\nP051')" '' sh -c "bash --norc --noprofile '$T/comp.bash' '$T/gen2/rs.bash' rs-dispatch list -z P05 | head -2"
else
	echo "SKIP: $TFILE: the table test builds against build/libcommon.a (bin/ only)"
fi


tcase "bash: complete -p for every tool" 0 \
    "$(for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do echo "complete -F _rs $t"; done)" '' \
    bash --norc --noprofile -c ". '$C/rs.bash'; for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do complete -p \$t; done"
tcase "bash: subcommands" 0 "$(nl suggest assign notify enroute arrive complete cancel authorize list)" '' \
    bc rs-dispatch ''
tcase "bash: subcommands by prefix" 0 "$(nl action action-done)" '' bc rs-complain ac
tcase "bash: subcommand after a global option and its value" 0 "$(nl list)" '' \
    bc rs-dispatch -d "$RS_DIR" -f json li
tcase "bash: options of a subcommand" 0 "$(nl --provider)" '' bc rs-dispatch assign X --pro
tcase "bash: short option of one subcommand" 0 "$(nl -n)" '' bc rs-dispatch suggest -n
tcase "bash: no -n outside suggest" 0 "" '' bc rs-dispatch assign -n
tcase "bash: rs-intake defaults to new" 0 "$(nl --customer --can-start --channel --call-at)" '' bc rs-intake --c
tcase "bash: rs-intake subcommands" 0 "$(nl new amend import list)" '' bc rs-intake ''
tcase "bash: enum from the schema" 0 "$(nl towed tyre-changed transported)" '' \
    bc rs-dispatch complete X --outcome t
tcase "bash: --opt=value, split at =" 0 "$(nl refund repair)" '' \
    bc rs-complain resolve X --remedy = r
tcase "bash: --opt=value, whole word" 0 "$(nl --category=fee)" '' bc rs-complain list --category=f
tcase "bash: yn column" 0 "$(nl y n)" '' bc rs-intake new --can-start ''
tcase "bash: handlers from the journal, of open complaints first" 0 "$(nl 王芳 李静)" '' \
    bc rs-complain list --handler ''
tcase "bash: handlers by prefix" 0 "$(nl 李静)" '' bc rs-complain assign X --handler 李
tcase "bash: int range column" 0 "$(nl 1 2 3 4)" '' bc rs-complain escalate X --level ''
tcase "bash: nps 0..10" 0 "$(nl 0 1 2 3 4 5 6 7 8 9 10)" '' bc rs-callback record X --nps ''
tcase "bash: list values from the usage text" 0 "$(nl day week month)" '' bc rs-report kpi --by ''
# the names rformat_names gives; "table", which rs-report also takes as
# the lists' name for text, is not offered twice
tcase "bash: report formats" 0 "$(nl text md html json tsv csv)" '' bc rs-report weekly -f ''
tcase "bash: list formats" 0 "$(nl tsv csv json table)" '' bc rs-journal cat -f ''
tcase "bash: report sections per report" 0 "$(nl red_list)" '' bc rs-report weekly --section r
tcase "bash: report sections of case" 0 "$(nl summary sla timeline)" '' bc rs-report case X --section ''
tcase "bash: options of another report are not offered" 0 "" '' bc rs-report kpi --wee
tcase "bash: journal names" 0 "$(nl callbacks cases complaints dispatch providers rules)" '' \
    bc rs-journal check ''
tcase "bash: schema takes one name" 0 "" '' bc rs-journal schema cases ''
tcase "bash: case ids, open first" 0 "$(nl RS-20261122-0002 RS-20261122-0003 RS-20261122-0001)" '' \
    bc rs-dispatch arrive ''
tcase "bash: case ids by prefix" 0 "$(nl RS-20261122-0003)" '' bc rs-intake amend RS-20261122-0003
tcase "bash: one operand only" 0 "" '' bc rs-dispatch arrive RS-20261122-0002 ''
tcase "bash: complaint ids, open first" 0 "$(nl CP-20261122-0001 CP-20261122-0002)" '' \
    bc rs-complain contact ''
tcase "bash: --case of rs-complain open" 0 "$(nl RS-20261122-0002 RS-20261122-0003 RS-20261122-0001)" '' \
    bc rs-complain open --case ''
tcase "bash: callback record: due callbacks first" 0 "$(nl RS-20261122-0001 RS-20261122-0002 RS-20261122-0003)" '' \
    bc rs-callback record ''
tcase "bash: --complaint: due first" 0 "$(nl CP-20261122-0002 CP-20261122-0001)" '' \
    bc rs-callback record RS-20261122-0001 --complaint ''
tcase "bash: providers from the roster" 0 "$(nl P050 P051 P052 P053 P054 P055 P056 P057 P058 P059)" '' \
    bc rs-dispatch list --provider P05
tcase "bash: assign --provider: the ranking of suggest first" 0 "$(nl P059 P001 P053)" '' \
    sh -c "bash --norc --noprofile '$T/comp.bash' '$C/rs.bash' rs-dispatch assign RS-20261122-0001 --provider '' | head -3"
tcase "bash: -d DIR on the line is used" 0 "" '' bc rs-dispatch -d "$T" arrive ''
tcase "bash: --dir=DIR on the line is used" 0 "$(nl RS-20261122-0002)" '' \
    env -u RS_DIR bash --norc --noprofile "$T/comp.bash" "$C/rs.bash" rs-dispatch --dir="$RS_DIR" arrive RS-20261122-0002
tcase "bash: the tools next to the command are run" 0 "$(nl RS-20261122-0003)" '' \
    env PATH=/usr/bin:/bin bash --norc --noprofile "$T/comp.bash" "$C/rs.bash" "$BINDIR/rs-dispatch" cancel RS-20261122-0003
mkdir -p "$T/dirs/sub1" "$T/dirs/sub2"
tcase "bash: directories for --dir" 0 "$(nl "$T/dirs/sub1" "$T/dirs/sub2")" '' \
    sh -c "bash --norc --noprofile '$T/comp.bash' '$C/rs.bash' rs-journal --dir '$T/dirs/s' | sort"
tcase "bash: free text is not completed" 0 "" '' bc rs-complain contact X --note ''
tcase "bash: no completion for other commands" 8 "no complete -p for rs-nothing" '' bc rs-nothing ''

# --- every option the completion offers is one the tool takes, with or
# without a value as offered; every option of a subcommand's --help is offered
cat >"$T/opts.bash" <<'EOF'
# bash opts.bash FILE TOOL - for every subcommand: "SUB arg OPTION VALUE" or
# "SUB flag OPTION" lines
source "$1"
spec=_rs_spec_${2//-/_}
args=" $($spec argopts) "
for s in $($spec subs); do
	for o in $($spec opts "$s"); do
		case $o in --*) ;; *) continue ;; esac
		case $args in
		*" $o "*)
			set -- $($spec value "$s" "$o")
			[ "$1" = words ] && echo "$s arg $o $2" || echo "$s arg $o x" ;;
		*) echo "$s flag $o" ;;
		esac
	done
done
EOF
for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do
	bash --norc --noprofile "$T/opts.bash" "$C/rs.bash" "$t" >"$T/opts.$t"
	bad=
	while read -r s k o v; do
		case $o in --help | --version) continue ;; esac
		if [ "$k" = arg ]; then set -- "$o=$v"; else set -- "$o"; fi
		"$t" "$s" "$@" -h >/dev/null 2>"$T/.opterr" || bad="$bad $s:$o($(head -c 200 "$T/.opterr"))"
	done <"$T/opts.$t"
	tcase "$t: every offered option is taken as offered" 0 '' '' echo -n "$bad"
	bad=
	for s in $(cut -d' ' -f1 "$T/opts.$t" | uniq); do
		# a tool with one help for every subcommand: nothing per subcommand
		[ "$("$t" "$s" --help 2>&1)" = "$("$t" --help 2>&1)" ] && continue
		# the usage and option lines, not the examples
		for o in $("$t" "$s" --help 2>/dev/null | grep -E '^(usage:|[[:space:]]+[-[])' |
		    grep -o -- '--[a-z][a-z-]*' | sort -u); do
			grep -q -- "^$s [a-z]* $o\( \|\$\)" "$T/opts.$t" || bad="$bad $s:$o"
		done
	done
	tcase "$t: every option of the help is offered" 0 '' '' echo -n "$bad"
done

# --- zsh: compinit + the _rs file, driven in a pseudo-terminal (zpty)
cat >"$T/comp.zsh" <<'EOF'
# zsh -f comp.zsh FPATHDIR LINE - types LINE and a tab in an interactive
# zsh under zpty and prints every match the completion system adds.
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "PS1= PROMPT= RPROMPT=; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false; bindkey "^I" complete-word'
zpty -w z 'null-line() { echo -E - $'"'"'\0'"'"' }; compprefuncs=( null-line ); comppostfuncs=( null-line exit )'
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -rl -- "${__hits[@]}"; builtin compadd "$@" }'
zpty -w z 'echo ready-$((6*7))'
while zpty -r z l; do [[ $l == *ready-42* ]] && break; done
zpty -w -n z "$2"$'\t'
n=0
while zpty -r z l; do
	l=${l//$'\r'/}; l=${l%$'\n'}
	if [[ $l == *$'\0'* ]]; then (( ++n >= 2 )) && break; continue; fi
	(( n == 1 )) && print -r -- "$l"
done
zpty -d z
EOF
if command -v zsh >/dev/null 2>&1 && zsh -fc 'zmodload zsh/zpty' 2>/dev/null; then
	zc() { timeout 120 zsh -f "$T/comp.zsh" "$C" "$1"; }
	zcs() { zc "$1" | sort; }
	tcase "zsh: subcommands" 0 "$(nl arrive assign authorize cancel complete enroute list notify suggest)" '' \
	    zcs 'rs-dispatch '
	tcase "zsh: options" 0 "$(nl --provider)" '' zc 'rs-dispatch assign X --pro'
	tcase "zsh: rs-intake defaults to new" 0 "$(nl --call-at --can-start --channel --customer)" '' zcs 'rs-intake --c'
	tcase "zsh: enum from the schema" 0 "$(nl towed transported tyre-changed)" '' zcs 'rs-dispatch complete X --outcome t'
	tcase "zsh: --opt=value" 0 "$(nl fee)" '' zc 'rs-complain list --category=f'
	tcase "zsh: report sections" 0 "$(nl red_list)" '' zc 'rs-report weekly --section r'
	tcase "zsh: journal names" 0 "$(nl callbacks cases complaints dispatch providers rules)" '' zcs 'rs-journal check '
	tcase "zsh: case ids, open first" 0 "$(nl RS-20261122-0002 RS-20261122-0003 RS-20261122-0001)" '' \
	    zc 'rs-dispatch arrive RS-'
	tcase "zsh: complaint ids, open first" 0 "$(nl CP-20261122-0001 CP-20261122-0002)" '' zc 'rs-complain contact CP-'
	tcase "zsh: providers, the ranking of suggest first" 0 "$(nl P059 P001 P053)" '' \
	    sh -c "timeout 120 zsh -f '$T/comp.zsh' '$C' 'rs-dispatch assign RS-20261122-0001 --provider P0' | head -3"
	tcase "zsh: -d DIR on the line is used" 0 "" '' zc "rs-dispatch -d $T arrive RS-"
else
	echo "SKIP: $TFILE: zsh with zsh/zpty not installed (make deps installs it)"
fi

# --- fish: complete -C with the completions directory first, and the
# helper functions they share autoloaded from completions/functions
if command -v fish >/dev/null 2>&1; then
	fc() { fish --no-config -c "set fish_complete_path '$C' \$fish_complete_path; set fish_function_path '$C/functions' \$fish_function_path; complete -C '$1'" | cut -f1; }
	tcase "fish: subcommands" 0 "$(nl arrive assign authorize cancel complete enroute list notify suggest)" '' fc 'rs-dispatch '
	tcase "fish: options" 0 "$(nl --provider)" '' fc 'rs-dispatch assign X --pro'
	tcase "fish: rs-intake defaults to new" 0 "$(nl --call-at --can-start --channel --customer)" '' fc 'rs-intake --c'
	tcase "fish: rs-intake subcommands" 0 "$(nl amend import list new)" '' fc 'rs-intake '
	tcase "fish: enum from the schema" 0 "$(nl towed transported tyre-changed)" '' fc 'rs-dispatch complete X --outcome t'
	tcase "fish: --opt=value" 0 "$(nl --category=fee)" '' fc 'rs-complain list --category=f'
	tcase "fish: report sections" 0 "$(nl red_list)" '' fc 'rs-report weekly --section r'
	tcase "fish: journal names" 0 "$(nl callbacks cases complaints dispatch providers rules)" '' fc 'rs-journal check '
	tcase "fish: case ids, open first" 0 "$(nl RS-20261122-0002 RS-20261122-0003 RS-20261122-0001)" '' \
	    fc 'rs-dispatch arrive RS-'
	tcase "fish: case ids with their state" 0 "RS-20261122-0002	open" '' \
	    sh -c "fish --no-config -c \"set fish_complete_path '$C' \\\$fish_complete_path; set fish_function_path '$C/functions' \\\$fish_function_path; complete -C 'rs-dispatch arrive RS-20261122-0002'\""
	tcase "fish: complaint ids, open first" 0 "$(nl CP-20261122-0001 CP-20261122-0002)" '' fc 'rs-complain contact CP-'
	tcase "fish: providers, the ranking of suggest first" 0 "$(nl P059 P001 P053)" '' \
	    sh -c "fish --no-config -c \"set fish_complete_path '$C' \\\$fish_complete_path; set fish_function_path '$C/functions' \\\$fish_function_path; complete -C 'rs-dispatch assign RS-20261122-0001 --provider P0'\" | cut -f1 | head -3"
	tcase "fish: -d DIR on the line is used" 0 "" '' fc "rs-dispatch -d $T arrive RS-"
else
	echo "SKIP: $TFILE: fish not installed (make deps installs it)"
fi

# --- what assign can take (issue 17): a journal of its own, RS_NOW 10:00,
# SPEC 10 limits from the call (else the opening): dispatch 5 min,
# notify 8 min.
#   0001 open, opened 10:00        next: dispatch due 10:05
#   0002 open, called 09:50        next: dispatch due 09:55 (overdue)
#   0003 assigned to P001 at 10:00 next: notify due 10:08
#   0004 completed, 0005 cancelled: final; 0006 arrived: assign no more
# so assign offers 0002, 0001, 0003, most urgent first.
jdir "$T/q"
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
{
	for i in 1 2 3 4 5 6; do
		set -- --phone 1390000000$i --location L$i --service tow --lat 22.5$i --lon 114.0$i
		[ $i = 2 ] && set -- "$@" --call-at 09:50
		rs-intake -q "$@"
	done
	rs-dispatch assign RS-20261122-0003 --provider P001 -q
	rs-dispatch assign RS-20261122-0004 --provider P002 -q
	rs-dispatch assign RS-20261122-0006 --provider P004 -q
	for i in 4 6; do rs-dispatch arrive RS-20261122-000$i -q; done
	rs-dispatch complete RS-20261122-0004 --outcome towed -q
	rs-dispatch cancel RS-20261122-0005 --reason customer -q
} >"$T/q.out" 2>"$T/q.err"
tcase "journal q set up" 0 "$(printf '%s\n' 0001.open 0002.open 0003.assigned 0004.completed \
    0005.cancelled 0006.arrived)" '' \
    sh -c "rs-dispatch list --all -H | cut -f1,2 | sed 's/^RS-20261122-//; s/\t/./' | sort"
tcase "query: the cases assign takes, most urgent first" 0 \
    "$(printf 'RS-20261122-0002\topen, dispatch due 2026-11-22 09:55\n'
    printf 'RS-20261122-0001\topen, dispatch due 2026-11-22 10:05\n'
    printf 'RS-20261122-0003\tassigned, notify due 2026-11-22 10:08')" '' \
    rs-dispatch __complete cases
tcase "bash: assign offers those, in that order" 0 \
    "$(nl RS-20261122-0002 RS-20261122-0001 RS-20261122-0003)" '' bc rs-dispatch assign ''
tcase "bash: the order is kept (nosort)" 0 "nosort" '' \
    sh -c "grep -A3 '^	\*)\$' '$C/rs.bash' | grep -o 'compopt -o nosort' | cut -d' ' -f3"
# The other steps offer every case in rs-dispatch list --all's order:
# urgency (0002 overdue, 0001, 0003 due), then the rest.
tcase "bash: other steps still offer every case" 0 \
    "$(nl RS-20261122-0002 RS-20261122-0001 RS-20261122-0003 RS-20261122-0006 RS-20261122-0004 RS-20261122-0005)" '' \
    bc rs-dispatch arrive ''
# The providers for 0002: those suggest ranks, then the busy ones
# (P001 and P004 are on the road with 0003 and 0006; P002's case is
# completed), which --include-busy ranks among them.
rs-dispatch suggest RS-20261122-0002 -n 1000 -H 2>/dev/null | cut -f2,3 >"$T/free"
rs-dispatch suggest RS-20261122-0002 -n 1000 -H --include-busy 2>/dev/null |
    awk -F'\t' '$6 == "y" { print $2 "\t" $3 }' >"$T/busy"
tcase "query: suggest's providers for the case, the busy ones last" 0 \
    "$(cat "$T/free" "$T/busy")" '' rs-dispatch __complete providers RS-20261122-0002
tcase "query: two busy providers among them" 0 "$(printf 'P001\nP004')" '' \
    sh -c "cut -f1 '$T/busy' | sort"
tcase "query: without a case, the active providers (57 of 60)" 0 57 '' \
    sh -c "rs-dispatch __complete providers | awk -F'\t' '\$2 != \"\"' | wc -l | tr -d ' '"
tcase "bash: assign --provider in that order" 0 "$(cut -f1 "$T/free" "$T/busy")" '' \
    bc rs-dispatch assign RS-20261122-0002 --provider ''
tcase "query: an unknown kind" 2 '' \
    "rs-dispatch: __complete: unknown value 'open' (want cases|providers) (see rs-dispatch __complete --help)" \
    rs-dispatch __complete open
tcase "query: not named among the subcommands" 2 '' \
    "rs-dispatch: missing command (want suggest, assign, notify, enroute, arrive, complete, cancel, authorize or list) (see rs-dispatch --help)" \
    rs-dispatch
tcase "query: not in the helper's subcommands" 1 '' '' \
    sh -c "rs-dispatch --rs-completion-helper | grep __complete"
if command -v zsh >/dev/null 2>&1 && zsh -fc 'zmodload zsh/zpty' 2>/dev/null; then
	tcase "zsh: assign, most urgent first, unsorted" 0 \
	    "$(nl RS-20261122-0002 RS-20261122-0001 RS-20261122-0003)" '' zc 'rs-dispatch assign RS-'
	tcase "zsh: assign --provider in that order" 0 "$(cut -f1 "$T/free" "$T/busy" | head -5)" '' \
	    sh -c "timeout 120 zsh -f '$T/comp.zsh' '$C' 'rs-dispatch assign RS-20261122-0002 --provider P' | head -5"
fi
if command -v fish >/dev/null 2>&1; then
	tcase "fish: assign, most urgent first, with the next deadline" 0 \
	    "$(rs-dispatch __complete cases)" '' \
	    fish --no-config -c "set fish_complete_path '$C' \$fish_complete_path; set fish_function_path '$C/functions' \$fish_function_path; complete -C 'rs-dispatch assign RS-'"
	tcase "fish: assign --provider with the providers' names" 0 "$(cat "$T/free" "$T/busy")" '' \
	    fish --no-config -c "set fish_complete_path '$C' \$fish_complete_path; set fish_function_path '$C/functions' \$fish_function_path; complete -C 'rs-dispatch assign RS-20261122-0002 --provider P'"
fi
