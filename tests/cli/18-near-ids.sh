# 18-near-ids.sh - "did you mean" for ids (SPEC 5): a case or complaint id
# no journal has, given to any command that looks it up, names the one
# known id nearest to it (at most two edits, and nearer than every other
# id), exit 1 and nothing written; no suggestion when none is near or two
# are equally near.

jdir
mkdir -p "$RS_DIR"
cp "$SAMPLES/providers.tsv" "$RS_DIR/"
# Cases 0001..0003 (0001 completed), complaint CP 0001 on case 0001.
{
	for i in 1 2 3; do
		rs-intake -q --phone 1370000000$i --location L$i --service tow --lat 22.5 --lon 114.0
	done
	rs-dispatch assign RS-20261122-0001 --provider P001 -q
	rs-dispatch arrive RS-20261122-0001 -q
	rs-dispatch complete RS-20261122-0001 --outcome towed -q
	rs-complain -q open --case RS-20261122-0001 --category late --demand sorry
} >"$T/setup.out" 2>"$T/setup.err"
tcase "journal set up" 0 "$(printf '%s\n' RS-20261122-0001 RS-20261122-0002 RS-20261122-0003 CP-20261122-0001)" '' \
    sh -c 'rs-intake list -H | cut -f1; rs-complain list -H | cut -f1'
cp "$RS_DIR/dispatch.tsv" "$T/dispatch.before"
cp "$RS_DIR/complaints.tsv" "$T/complaints.before"

# id typed, the one meant ("" none); the distances to the three cases:
#   RS-20261122-0030  0003 by a swap (1); 0001, 0002 by 2
#   RS-20261123-0002  0002 by one digit of the date (1); the others by 2
#   RS-20261122-1003  0003 by one digit (1); the others by 2
#   RS-20261122-0004  1 from each of 0001..0003: a tie, none named
#   RS-20261122-0999  3 or more from each: none
NEAR=(
	"RS-20261122-0030 RS-20261122-0003"
	"RS-20261123-0002 RS-20261122-0002"
	"RS-20261122-1003 RS-20261122-0003"
	"RS-20261122-0004 -"
	"RS-20261122-0999 -"
)
for row in "${NEAR[@]}"; do
	read -r typed meant <<<"$row"
	if [ "$meant" = - ]; then dym=; else dym="; did you mean '$meant'?"; fi
	tcase "rs-dispatch arrive $typed" 1 '' "rs-dispatch: $typed: no such case$dym" \
	    rs-dispatch arrive "$typed"
done

# the same lookup from every command that takes a case id
typed=RS-20261122-0030
dym="no such case; did you mean 'RS-20261122-0003'?"
tcase "rs-dispatch suggest" 1 '' "rs-dispatch: $typed: $dym" rs-dispatch suggest $typed
tcase "rs-dispatch assign" 1 '' "rs-dispatch: $typed: $dym" rs-dispatch assign $typed --provider P001
tcase "rs-intake amend" 1 '' "rs-intake: $typed: $dym" rs-intake amend $typed --note x
tcase "rs-complain open --case" 1 '' "rs-complain: $typed: $dym" \
    rs-complain open --case $typed --category late --demand x
tcase "rs-callback record" 1 '' "rs-callback: $typed: $dym" \
    rs-callback record $typed --kind service --result no-answer
tcase "rs-report case" 1 '' "rs-report: $typed: $dym" rs-report case $typed
tcase "rs-report case --cases FILE: the file is not searched" 1 '' "rs-report: $typed: no such case" \
    rs-report case $typed --cases "$RS_DIR/cases.tsv"

# complaint ids
tcase "rs-complain contact" 1 '' \
    "rs-complain: CP-20261122-0010: no such complaint; did you mean 'CP-20261122-0001'?" \
    rs-complain contact CP-20261122-0010 --note x
tcase "rs-callback record --complaint" 1 '' \
    "rs-callback: CP-20261121-0001: no such complaint; did you mean 'CP-20261122-0001'?" \
    rs-callback record RS-20261122-0001 --kind complaint --complaint CP-20261121-0001 \
    --result no-answer
tcase "no complaint near" 1 '' "rs-complain: CP-20261122-0555: no such complaint" \
    rs-complain close CP-20261122-0555

tsame "nothing written to dispatch.tsv" "$T/dispatch.before" "$RS_DIR/dispatch.tsv"
tsame "nothing written to complaints.tsv" "$T/complaints.before" "$RS_DIR/complaints.tsv"
tcase "in Chinese" 1 '' "rs-dispatch: $typed: 没有该案件；是否要用“RS-20261122-0003”？" \
    env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 rs-dispatch arrive $typed
