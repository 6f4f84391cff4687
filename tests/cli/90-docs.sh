# 90-docs.sh - the manual pages are clean for mandoc, and every tool's
# --help and --version work and name the tool.

for m in "$TOP"/man/*.[17]; do
	tcase "mandoc lint $(basename "$m")" 0 '' '' mandoc -T lint -W warning "$m"
done

for t in rs-journal rs-intake rs-dispatch rs-complain rs-callback rs-report; do
	command -v "$t" >/dev/null 2>&1 || continue
	tcase "$t --version" 0 "$t (rs) 0.1.0" '' "$t" --version
	tcase "$t --help exits 0" 0 '*' '' "$t" --help
	tcase "$t bad option exits 2" 2 '' '*' "$t" --no-such-option
done

# rs(7) COLUMNS lists each journal's columns as rs-journal schema does
# (schemas/*.tsv are their source: the page must follow them)
for j in cases dispatch complaints callbacks providers; do
	tcase "rs(7) COLUMNS: $j.tsv" 0 "$(rs-journal schema "$j" | sed 1d | cut -f1 | tr '\n' ' ' | sed 's/ $//')" '' \
	    sh -c "sed -n '/^\\.Sh COLUMNS/,/^\\.El/p' '$TOP/man/rs.7' | sed -n '/^\\.It Pa $j\\.tsv\$/,/^\\.It\\|^\\.El/{/^\\.Cm /s/^\\.Cm //p}' | tr '\\n' ' ' | sed 's/ \$//'"
done

# Every test file has a number of its own: a failure names one file.
tcase "tests/cli: no number used twice" 0 '' '' sh -c \
    "ls '$TOP/tests/cli' | sed -n 's/^\\([0-9][0-9]*\\)-.*\\.sh\$/\\1/p' | sort | uniq -d"

# The repository stands alone: nothing cites the team's notes beside it
# (the shared folder one level up) or build fragments that were merged
# into the Makefile. The pattern is spelled so that this file does not
# match itself.
tcase "no reference outside the repository" 0 '' '' sh -c \
    "cd '$TOP' && grep -rIlE '[.][.]/s[h]ared|/work/s[h]ared|Makefile[.]frag' \
	README.md Makefile config.mk cmd common man schemas sql tools tests debian contrib |
	grep -v '^tests/out/'; true"

# One naming scheme in the six tools: a subcommand's handler is
# cmd_SUB(void *), its help text help_SUB, the tool's own help help_main.
tcase "cmd/: handlers are cmd_SUB" 0 '' '' sh -c \
    "grep -nE '^[a-z_]+\\(void \\*p\\)' '$TOP'/cmd/rs-*.c | grep -v ':cmd_[a-z_]*(void'; true"
tcase "cmd/: help texts are help_SUB" 0 '' '' sh -c \
    "grep -nE '^static const char [a-z_]+\\[\\] =' '$TOP'/cmd/rs-*.c | grep -v ' help_[a-z_]*\\[\\]'; true"
tcase "cmd/: each tool has help_main" 0 '' '' sh -c \
    "for f in '$TOP'/cmd/rs-*.c; do grep -q '^static const char help_main\\[\\] =' \"\$f\" || echo \"\$f\"; done"

# Every test file belongs to a family that tests/README.md describes.
tcase "tests/cli: each number in a family of tests/README.md" 0 '' '' sh -c \
    "cd '$TOP/tests/cli' && for f in [0-9]*.sh; do n=\${f%%-*}; d=\${n%?}; grep -q \"^| \${d}0-\${d}9 |\" ../README.md || echo \"\$f\"; done"
