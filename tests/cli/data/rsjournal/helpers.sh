# helpers.sh - shared by tests/cli/10-journal.sh and 11-archive.sh
# (sourced after tests/lib.sh).

DATA=$TOP/tests/cli/data/rsjournal
CLEAN=$DATA/clean

# jclean: a fresh journal directory (RS_DIR) holding the clean fixture.
jclean() {
	jdir
	mkdir -p "$RS_DIR"
	cp "$CLEAN"/*.tsv "$RS_DIR"/
}

# mkrow JOURNAL COL=VALUE...: one TSV row of JOURNAL in schema order; later
# assignments win; VALUEs are written as they are (already TSV-escaped).
mkrow() {
	_j=$1
	shift
	KV=$(printf '%s\n' "$@") LC_ALL=C awk -F'\t' '
		BEGIN { n = split(ENVIRON["KV"], a, "\n")
			for (i = 1; i <= n; i++) { p = index(a[i], "="); m[substr(a[i], 1, p - 1)] = substr(a[i], p + 1) } }
		NR > 1 { o = o (NR > 2 ? "\t" : "") (($1 in m) ? m[$1] : "") }
		END { print o }' "$TOP/schemas/$_j.tsv"
}

# keep: keeps the output of the tcase just before in $T/last.out and
# $T/last.err, for tok checks (tok itself overwrites $T/.out).
keep() {
	cp "$T/.out" "$T/last.out"
	cp "$T/.err" "$T/last.err"
}

# snap: every file of the journal directory with its checksum (to show
# that a command wrote nothing).
snap() { (cd "$RS_DIR" && find . -type f -exec md5sum {} + | sort -k2); }
