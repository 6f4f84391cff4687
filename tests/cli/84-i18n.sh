# 84-i18n.sh - messages in Chinese (gettext, domain "rs"): the tools of
# the build tree find build/locale beside them, RS_LOCALEDIR overrides; with
# LANG=zh_CN.UTF-8 and RS_LOCALEDIR=build/locale, help, errors and the
# labels of text, md and html reports are Chinese; tsv, csv and json are
# byte-identical to LANG=C; po/zh_CN.po is complete and po/rs.pot
# matches the sources. Needs the zh_CN.UTF-8 locale (make deps makes it).

export RS_LOCALEDIR=$TOP/build/locale
zh() { env -u LC_ALL -u LANGUAGE LANG=zh_CN.UTF-8 "$@"; }
en() { env -u LANGUAGE LC_ALL=C.UTF-8 "$@"; }
W="weekly --as-of 2026-11-23 -d $SAMPLES/journal"

tok "the zh_CN.UTF-8 locale exists (make deps)" sh -c "locale -a | grep -qix 'zh_CN.utf-\\?8'"
tok "the catalogue is built (make)" test -f "$RS_LOCALEDIR/zh_CN/LC_MESSAGES/rs.mo"

# --- the catalogue is found without RS_LOCALEDIR: beside the binary in
# the build tree (bin/../build/locale), followed through a symlink; a copy
# of the binary in a scratch tree falls back to LOCALEDIR
# (/usr/local/share/locale: English unless rs is installed there) until
# the scratch tree gets a build/locale of its own.
nodir() { env -u RS_LOCALEDIR -u LC_ALL -u LANGUAGE LANG=zh_CN.UTF-8 "$@"; }
bin=$(dirname "$(command -v rs-report)")
[ -x "$bin/rs-report" ] && [ "$(head -c2 "$bin/rs-report")" = "#!" ] && bin=$TOP/bin	# valgrind wrappers
tok "bin/rs-report --help is Chinese with no RS_LOCALEDIR" sh -c "$(declare -f nodir); nodir '$bin/rs-report' --help | head -1 | grep -q '^用法：rs-report '"
tok "rs-journal from the build tree, an error in Chinese" sh -c "$(declare -f nodir); nodir '$bin/rs-journal' --frobnicate 2>&1 | grep -qx 'rs-journal: 未知选项“--frobnicate”（参见 rs-journal --help）'"
ln -s "$bin/rs-report" "$T/rs-report-link"
tok "a symlink to bin/rs-report finds the build tree" sh -c "$(declare -f nodir); nodir '$T/rs-report-link' --help | head -1 | grep -q '^用法：'"
mkdir -p "$T/tree/bin" "$T/tree/build/locale/zh_CN/LC_MESSAGES"
cp "$bin/rs-report" "$T/tree/bin/"
tok "a tree without the catalogue: English" sh -c "$(declare -f nodir); nodir '$T/tree/bin/rs-report' --help | head -1 | grep -q '^usage: ' || test -f /usr/local/share/locale/zh_CN/LC_MESSAGES/rs.mo"
cp "$RS_LOCALEDIR/zh_CN/LC_MESSAGES/rs.mo" "$T/tree/build/locale/zh_CN/LC_MESSAGES/"
tok "the same tree with build/locale beside bin/: Chinese" sh -c "$(declare -f nodir); nodir '$T/tree/bin/rs-report' --help | head -1 | grep -q '^用法：'"
tok "RS_LOCALEDIR still overrides the build tree" sh -c "$(declare -f nodir); nodir env RS_LOCALEDIR='$T/none' '$bin/rs-report' --help | head -1 | grep -q '^usage: '"

# --- help and errors
tok "rs-intake --help is Chinese" sh -c "$(declare -f zh); zh rs-intake --help | grep -q '^用法：rs-intake .*选项' "
for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do
	tok "$t --help is Chinese" sh -c "$(declare -f zh); zh $t --help | head -1 | grep -q '^用法：'"
	tok "$t --help is English under C.UTF-8" sh -c "$(declare -f en); en $t --help | head -1 | grep -q '^usage: '"
done
tcase "an error is Chinese, same exit code (2)" 2 '' \
    "rs-intake: new:必须给出 --phone（电话）（参见 rs-intake new --help）" zh rs-intake --location X --service tow
tcase "the same error in English" 2 '' \
    "rs-intake: new: --phone is required (see rs-intake new --help)" en rs-intake --location X --service tow
tcase "a data error keeps WHERE, exit 1" 1 '' "rs-report: RS-20990101-0001: 没有该案件" \
    zh rs-report case RS-20990101-0001 -d "$SAMPLES/journal"
tcase "a library error (bad time), exit 1" 1 '' "rs-report: --as-of: 时间“yesterday”无效（应为以下形式之一：2026-11-22T08:15[:03][+08:00], '2026-11-22 08:15[:03]', 2026-11-22, 08:15 (today), now, -15m, -2h, -3d）" \
    zh rs-report weekly --as-of yesterday -d "$SAMPLES/journal"
tcase "an unknown option" 2 '' "rs-journal: 未知选项“--frobnicate”（参见 rs-journal --help）" \
    zh rs-journal --frobnicate
tcase "LANGUAGE picks Chinese under C.UTF-8 too" 2 '' \
    "rs-intake: new:必须给出 --phone（电话）（参见 rs-intake new --help）" \
    env LC_ALL=C.UTF-8 LANGUAGE=zh_CN rs-intake --location X --service tow
tcase "LANGUAGE is ignored under LC_ALL=C" 2 '' \
    "rs-intake: new: --phone is required (see rs-intake new --help)" \
    env LC_ALL=C LANGUAGE=zh_CN rs-intake --location X --service tow

# --- the weekly report, text: reviewed golden file
zh rs-report $W >"$T/weekly.txt"
tsame "weekly text in Chinese (tests/cli/data/i18n/weekly.zh.txt)" \
    "$TOP/tests/cli/data/i18n/weekly.zh.txt" "$T/weekly.txt"
tok "weekly text starts with its Chinese title" sh -c "head -1 '$T/weekly.txt' | grep -qx '投诉周报 2026-W47'"
# No English label left: headings, row labels and enum words of the samples.
for w in Summary Trend Complaints 'Red list' Overdue Corrective week complaints per_1000 \
    first_contact resolved_in_time complainant target category responsible provider \
    agent count cases level state opened_at resolve_due complaint_id case_id action \
    owner due overdue open done late attitude undetermined investigating contacted \
    '(none)' ' y$' ' n$' 'as of' ' to '; do
	tok "weekly text has no English '$w'" sh -c "! sed 's/^== [a-z_]*: /== /' '$T/weekly.txt' | grep -v '^[A-Z][A-Z]-[0-9]' | grep -q -- '$w'"
done
# Aligned: within a table every row's value column starts at the same display column.
tok "summary labels aligned (display width)" sh -c "sed -n '/^== summary/,/^\$/p' '$T/weekly.txt' | sed '1d;/^\$/d' | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in s)
cols = set()
for l in sys.stdin:
    i = l.rstrip(\"\\n\").rfind(\"  \")
    cols.add(w(l[:i + 2]))
sys.exit(len(cols) != 1)'"

# --- md and html are Chinese too
zh rs-report $W -f md >"$T/weekly.md"
tok "md title and headings Chinese" sh -c "grep -qx '# 投诉周报 2026-W47' '$T/weekly.md' && grep -q '^## 概要 (\`summary\`)' '$T/weekly.md' && grep -q '^| 指标 | 数值 |' '$T/weekly.md'"
zh rs-report $W -f html >"$T/weekly.html"
tok "html has Chinese labels" sh -c "grep -q '<h1>投诉周报 2026-W47</h1>' '$T/weekly.html' && grep -q '<th>投诉类别</th>' '$T/weekly.html' && grep -q '>服务态度<' '$T/weekly.html'"
tok "html has no English column heading" sh -c "! grep -q '<th>[a-z_]*</th>' '$T/weekly.html'"

tok "html in Chinese declares lang zh-CN" grep -q '<html lang="zh-CN">' "$T/weekly.html"
tok "html in English declares lang en" sh -c "$(declare -f en); en rs-report $W -f html | grep -q '<html lang=\"en\">'"

# --- a Chinese locale that cannot get Chinese says why, once, on stderr
mkdir -p "$T/nolocale"
tcase "no catalogue where the tool looks: said, and English" 0 "rs-report (rs) $(rs-report --version | sed 's/.* //')" \
    "rs-report: $T/nolocale: no catalogue zh_CN/LC_MESSAGES/rs.mo here (make builds it, make install installs it; RS_LOCALEDIR names another place): messages stay in English" \
    zh env RS_LOCALEDIR="$T/nolocale" rs-report --version
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.gb18030'; then
	tcase "a Chinese locale not installed: said, and English" 0 "*" \
	    "rs-report: LANG: locale zh_CN.GB18030 is not installed (see locale -a): messages stay in English" \
	    env -u LC_ALL -u LANGUAGE LANG=zh_CN.GB18030 rs-report --version
fi
tcase "the build tree's catalogue: nothing said" 0 "*" "" zh rs-report --version

# --- the shift at volume in Chinese: 白班, 80 columns, Chinese punctuation
S="-d $SAMPLES/journal"
zh rs-report shift --date 2026-11-22 --as-of 2026-11-23 $S >"$T/shift.txt"
tcase "shift: the day shift is 白班, full-width punctuation" 0 \
    "2026-11-22 白班：2026-11-22 08:00 至 2026-11-22 20:00，截至 2026-11-23 00:00" "" \
    sed -n 2p "$T/shift.txt"
tcase "shift in Chinese: no line over 80 columns" 0 "" "" wider 80 "$T/shift.txt"
tok "shift in Chinese: under 150 lines" test "$(wc -l <"$T/shift.txt")" -lt 150
tcase "shift in Chinese: more callbacks said in Chinese" 0 "1" "" \
    sh -c "grep -c '^……另有 [0-9]* 条未列出（json、tsv 和 csv 含全部记录）\$' '$T/shift.txt'"
# Every Chinese sentence of the catalogue uses full-width ，；：？！（） next to Chinese
# characters (SPEC 5); "HH:MM", "a,b" and option syntax between ASCII stay ASCII.
tcase "po/zh_CN.po: no ASCII punctuation beside Chinese" 0 "" "" python3 -c '
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r"^msgstr ((?:\".*\"\n?)+)", s, re.M):
    t = "".join(re.findall(r"\"(.*)\"", m.group(1)))
    if re.search(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]", t):
        print(t)' "$TOP/po/zh_CN.po"

# --- the lists agents work from: headings, states and steps in Chinese
zh rs-dispatch list --as-of 2026-11-23 $S -f table --wide >"$T/dlist.txt"
tok "rs-dispatch list: Chinese headings" sh -c "head -1 '$T/dlist.txt' | grep -q '^  案件号 .*状态' && ! head -1 '$T/dlist.txt' | grep -q '[a-z_]\{3,\}'"
tok "rs-dispatch list: states and steps Chinese" sh -c "grep -q ' 已派单 ' '$T/dlist.txt' && ! sed 1d '$T/dlist.txt' | grep -qE ' (open|assigned|enroute|arrived|dispatch|notify|arrive) '"
tok "rs-dispatch list: overdue is 是/否" sh -c "sed 1d '$T/dlist.txt' | grep -qE '(是|否)\$' && ! sed 1d '$T/dlist.txt' | grep -qE ' (y|n)\$'"
zh rs-callback due --as-of 2026-11-23 $S -f table >"$T/due.txt"
tok "rs-callback due: Chinese headings and kinds" sh -c "head -1 '$T/due.txt' | grep -q '^  类型 ' && ! head -1 '$T/due.txt' | grep -q '[a-z_]\{3,\}' && sed -n 2p '$T/due.txt' | grep -q '^[! ] 服务回访 '"
zh rs-callback due --as-of 2026-11-23 $S >"$T/due.zh"
en rs-callback due --as-of 2026-11-23 $S >"$T/due.en"
tsame "rs-callback due: tsv the same in every language" "$T/due.en" "$T/due.zh"
zh rs-report case RS-SZ-20261122-0012 --as-of 2026-11-23 $S >"$T/case.txt"
tcase "rs-report case: details in Chinese" 0 \
    "2026-11-22 03:22  调度  已完成      朱建国  费用：0.00；结果：已拖车" "" \
    grep '已拖车' "$T/case.txt"
tok "rs-report case: no key=value left" sh -c "! grep -q '[a-z_]=' '$T/case.txt'"

# --- machine formats never change with the language
for r in "$W" "shift --as-of 2026-11-23T09:00 -d $SAMPLES/journal" \
    "kpi --as-of 2026-11-23 -d $SAMPLES/journal" \
    "case RS-SZ-20261116-0106 --as-of 2026-11-23 -d $SAMPLES/journal"; do
	for f in json tsv csv; do
		en rs-report $r -f $f >"$T/en.out"
		zh rs-report $r -f $f >"$T/zh.out"
		tsame "rs-report ${r%% *} -f $f: same bytes in zh_CN and C" "$T/en.out" "$T/zh.out"
	done
done
en rs-journal cat cases -d "$SAMPLES/journal" -f json >"$T/en.out"
zh rs-journal cat cases -d "$SAMPLES/journal" -f json >"$T/zh.out"
tsame "rs-journal cat -f json: same bytes" "$T/en.out" "$T/zh.out"
en rs-report $W -f tsv --section by_category >"$T/en.out"
zh rs-report $W -f tsv --section by_category >"$T/zh.out"
tsame "--section tsv: same bytes" "$T/en.out" "$T/zh.out"
tok "numbers keep '.' under zh_CN" sh -c "$(declare -f zh); zh rs-report $W | grep -q '^每千单投诉  *30\\.1\$'"

# --- the catalogue: complete, checked, and in step with the sources
tok "po/zh_CN.po passes msgfmt -c" msgfmt -c -o /dev/null "$TOP/po/zh_CN.po"
tcase "po/zh_CN.po: nothing untranslated or fuzzy" 0 '' '' sh -c \
    "msgfmt --statistics -o /dev/null '$TOP/po/zh_CN.po' 2>&1 | grep -E 'untranslated|fuzzy' >&2; true"
msgids() { msgcat --no-location --sort-output --no-wrap "$1" | grep -E '^(msgctxt|msgid) ' ; }
make -s -C "$TOP" pot POT="$T/rs.pot" >/dev/null 2>&1
tok "xgettext ran" test -s "$T/rs.pot"
msgids "$T/rs.pot" >"$T/new.ids"
msgids "$TOP/po/rs.pot" >"$T/old.ids"
tsame "po/rs.pot is up to date with the sources (make pot)" "$T/new.ids" "$T/old.ids"
msgids "$TOP/po/zh_CN.po" | sed 1,1d >"$T/po.ids"
sed 1,1d "$T/old.ids" >"$T/pot.ids"
tsame "po/zh_CN.po has exactly the msgids of po/rs.pot (make po)" "$T/pot.ids" "$T/po.ids"
