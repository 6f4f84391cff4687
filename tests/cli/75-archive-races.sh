# 75-archive-races.sh - archive and migrate against each other, writers
# and readers (SPEC 3, 3.4, 6 archive/migrate, 11): every window is pinned
# with the fault shim (a process stopped at a named call, or killed there),
# never with a sleep. Every assertion is on rows: each acknowledged row is
# present exactly once, a reader gives all rows of one instant or fails.

fi_shim

# holds_open PID FILE: waits until PID has FILE open (it then waits for its lock).
holds_open() {
	for _i in $(seq 1 500); do
		ls -l "/proc/$1/fd" 2>/dev/null | grep -q -- "-> $2" && return 0
		sleep 0.02
	done
	return 1
}

# mkjournal DIR: 3 cases in September, 3 in October, 2 in November (site
# zone Asia/Shanghai), one dispatch row each for the first of each month.
mkjournal() {
	rm -rf "$1"
	mkdir -p "$1"
	cp "$TOP/tests/cli/data/rsjournal/clean/providers.tsv" "$1/"
	for _d in 2026-09-10 2026-10-10 2026-11-20; do
		for _k in 1 2 3; do
			[ "$_d" = 2026-11-20 ] && [ $_k = 3 ] && continue
			_id=$(RS_NOW=${_d}T0$_k:00:00+08:00 rs-intake -d "$1" -q --phone 1380000000$_k \
			    --location "$_d/$_k" --service tow)
		done
		RS_NOW=${_d}T09:00:00+08:00 setup rs-dispatch -d "$1" -q assign "$_id" --provider P001 --eta 30 >/dev/null
	done
}

# rows DIR: every row of the journals of the fixture, sorted (the multiset of rows).
rows() {
	for _j in cases dispatch; do
		rs-journal -d "$1" cat "$_j" -H | sed "s/^/$_j	/"
	done | LC_ALL=C sort
}

if [ -n "$FI_SO" ]; then
	base=$T/base
	mkjournal "$base"
	rows "$base" >"$T/base.rows"
	tcase 'fixture: 8 cases, 3 dispatch rows' 0 11 '' sh -c "wc -l <'$T/base.rows'"

	###################################################################
	# Two archives and a writer, in the order of the issue: archive A
	# stops before it replaces the live file (lock held); archive B opens
	# the live file and waits for the lock; A finishes; B gets the lock
	# of the file A replaced and stops at its first read; a writer
	# appends. B must see that the path names another file now and
	# take that one: the writer's row is kept, and nothing is doubled.
	d=$T/two
	rm -rf "$d" && cp -a "$base" "$d"
	env FI_FUNC=rename FI_NTH=1 FI_ACTION=stop FI_MATCH="$d/cases.tsv" LD_PRELOAD="$FI_SO" \
	    rs-journal -d "$d" -q archive --before 2026-11 >"$T/a.out" 2>&1 &
	a=$!
	tok 'two archives: A stopped before replacing cases.tsv' stopped "$a"
	env RS_LOCK_TIMEOUT=30 FI_FUNC=read FI_NTH=1 FI_ACTION=stop FI_MATCH="$d/cases.tsv" LD_PRELOAD="$FI_SO" \
	    rs-journal -d "$d" -q archive --before 2026-11 >"$T/b.out" 2>&1 &
	b=$!
	tok 'two archives: B opened cases.tsv and waits for its lock' holds_open "$b" "$d/cases.tsv"
	kill -CONT "$a"
	wait "$a"
	tcase 'two archives: A done' 0 '' '' sh -c "exit $?"
	tok 'two archives: B has the lock and stopped at its read' stopped "$b"
	env RS_LOCK_TIMEOUT=30 rs-intake -d "$d" -q --phone 13900000000 --location writer --service tow \
	    >"$T/w.out" 2>&1 &
	w=$!
	kill -CONT "$b"
	wait "$b"
	tcase 'two archives: B done' 0 '' '' sh -c "exit $?"
	wait "$w"
	tcase 'two archives: the writer was acknowledged' 0 'RS-20261122-0001' '' sh -c "rc=$?; cat '$T/w.out'; exit \$rc"
	{ cat "$T/base.rows"; rs-journal -d "$d" cat cases -H | grep 'RS-20261122-0001' | sed 's/^/cases	/'; } |
	    LC_ALL=C sort >"$T/want.rows"
	tcase 'two archives: the writer row is there once' 0 1 '' sh -c "rs-journal -d '$d' cat cases -H | grep -c RS-20261122-0001"
	tsame 'two archives: every row exactly once' "$T/want.rows" <(rows "$d")
	tcase 'two archives: check clean' 0 '' "$NOZONE" rs-journal -d "$d" check

	###################################################################
	# A reader and an archive that replaces the live file: the reader is
	# stopped between opening the live file and listing the archives
	# (opendir), and between listing and reading the archives (its first
	# open of an archive); the whole archive runs in the window. The
	# reader gives every row once, or fails: never a month short, exit 0.
	for win in opendir open; do
		d=$T/reader-$win
		rm -rf "$d" && cp -a "$base" "$d"
		[ $win = open ] && rs-journal -d "$d" -q archive --before 2026-10
		match=$d
		[ $win = open ] && match=$d/cases.2026-09
		env FI_FUNC=$win FI_NTH=1 FI_ACTION=stop FI_MATCH="$match" LD_PRELOAD="$FI_SO" \
		    rs-journal -d "$d" cat cases -H >"$T/r.out" 2>"$T/r.err" &
		r=$!
		tok "reader ($win): stopped" stopped "$r"
		tcase "reader ($win): archive meanwhile" 0 '' '' rs-journal -d "$d" -q archive --before 2026-11
		kill -CONT "$r"
		wait "$r"
		rc=$?
		if [ $rc = 0 ]; then
			tcase "reader ($win): all 8 cases, each once" 0 "$(grep '^cases' "$T/base.rows" | cut -f2- | LC_ALL=C sort)" '' \
			    sh -c "LC_ALL=C sort '$T/r.out'"
		else
			tcase "reader ($win): failed loudly" 0 '' '' sh -c "test -s '$T/r.err'"
		fi
		tcase "reader ($win): a reader after it sees every case once" 0 8 '' \
		    sh -c "rs-journal -d '$d' cat cases -H | wc -l"
	done

	###################################################################
	# rs-journal check reads through the same snapshot as the readers:
	# an archive that runs while check is stopped between opening the
	# live file and listing the archives (opendir), between the listing
	# and the first archive it reads (open of cases.2026-09), or before
	# the live file's first read, never makes it see an October row
	# twice or not at all (a missing case would be "unknown case" for
	# its dispatch row, a doubled one "opened twice").
	for win in opendir open read; do
		d=$T/check-$win
		rm -rf "$d" && cp -a "$base" "$d"
		rs-journal -d "$d" -q archive --before 2026-10
		case $win in
		opendir) match=$d ;;
		open) match=$d/cases.2026-09 ;;
		read) match=$d/cases.tsv ;;
		esac
		env FI_FUNC=$win FI_NTH=1 FI_ACTION=stop FI_MATCH="$match" LD_PRELOAD="$FI_SO" \
		    rs-journal -d "$d" check >"$T/c.out" 2>"$T/c.err" &
		r=$!
		tok "check ($win): stopped" stopped "$r"
		tcase "check ($win): archive meanwhile" 0 '' '' rs-journal -d "$d" -q archive --before 2026-11
		tok "check ($win): the archive moved October" test -s "$d/cases.2026-10.tsv.gz"
		kill -CONT "$r"
		wait "$r"
		tcase "check ($win): clean, no row missed or doubled" 0 '' "$NOZONE" \
		    sh -c "cat '$T/c.out'; cat '$T/c.err' >&2; exit $?"
	done

	# A live file replaced at every try: check gives up with exit 4
	# (busy, try again) after its 20 snapshots, and reports no problem.
	d=$T/check-busy
	rm -rf "$d" && cp -a "$base" "$d"
	env FI_FUNC=opendir FI_NTH=1+ FI_ACTION=stop FI_MATCH="$d" LD_PRELOAD="$FI_SO" \
	    rs-journal -d "$d" check >"$T/c.out" 2>"$T/c.err" &
	r=$!
	replaced=0
	for i in $(seq 1 20); do
		stopped "$r" || break
		cp "$d/cases.tsv" "$d/cases.new" && mv "$d/cases.new" "$d/cases.tsv"
		replaced=$((replaced + 1))
		kill -CONT "$r"
	done
	tcase 'check busy: the live file replaced 20 times' 0 20 '' echo "$replaced"
	wait "$r"
	tcase 'check busy: exit 4, one message' 4 '' \
	    "$NOZONE"$'\n'"rs-journal: $d/cases.tsv: the journal keeps being replaced while it is read; try again" \
	    sh -c "cat '$T/c.out'; cat '$T/c.err' >&2; exit $?"

	###################################################################
	# kill -9 at each step of archive: at every write, fsync and rename
	# it makes (counted on a run without faults), before and after the
	# call. Readers in between see each row once; a re-run finishes the
	# job; the rows are the same multiset as before.
	d=$T/count
	rm -rf "$d" && cp -a "$base" "$d"
	rm -f "$T/counts"
	for f in write fsync rename; do
		env FI_FUNC=$f FI_COUNT="$T/counts" FI_MATCH="$d" LD_PRELOAD="$FI_SO" \
		    rs-journal -d "$d" -q archive --before 2026-11
		rm -rf "$d" && cp -a "$base" "$d"
	done
	tcase 'kill -9 in archive: it renames 2 archives of cases, 2 of dispatch and 2 live files' 0 'rename 6' '' \
	    grep rename "$T/counts"
	steps=0
	while read -r f n; do
		for i in $(seq 1 "$n"); do
			for act in kill kill-after; do
				d=$T/k
				rm -rf "$d" && cp -a "$base" "$d"
				# (sh -c: the dying command is not one of this shell's jobs, no "Killed" line)
				k=$(sh -c '"$@" >/dev/null 2>&1; echo $?' sh env FI_FUNC=$f FI_NTH=$i FI_ACTION=$act \
				    FI_MATCH="$d" LD_PRELOAD="$FI_SO" rs-journal -d "$d" -q archive --before 2026-11)
				steps=$((steps + 1))
				tcase "archive killed at $f #$i ($act): it died" 0 137 '' echo "$k"
				tsame "archive killed at $f #$i ($act): readers see each row once" "$T/base.rows" <(rows "$d")
				tcase "archive killed at $f #$i ($act): re-run" 0 '' '' rs-journal -d "$d" -q archive --before 2026-11
				tsame "archive killed at $f #$i ($act): rows after the re-run" "$T/base.rows" <(rows "$d")
				tcase "archive killed at $f #$i ($act): check clean" 0 '' "$NOZONE" rs-journal -d "$d" check
				tcase "archive killed at $f #$i ($act): no temporary file left" 0 '' '' \
				    sh -c "ls '$d' | grep tmp; true"
			done
		done
	done <"$T/counts"
	tcase 'kill -9 in archive: every step tried' 0 yes '' sh -c "[ $steps -ge 24 ] && echo yes"

	# The same for migrate, on a cases.tsv with its columns in another order.
	mig=$T/mig-base
	rm -rf "$mig" && cp -a "$base" "$mig"
	awk -F'\t' 'BEGIN { OFS = "\t" } { t = $3; $3 = $1; $1 = t; print }' "$base/cases.tsv" >"$mig/cases.tsv"
	tcase 'kill -9 in migrate: a writer refuses the other order' 1 '' \
	    "rs-intake: $mig/cases.tsv: the header is not the current one of cases; run 'rs-journal migrate cases' first" \
	    rs-intake -d "$mig" -q --phone 13900000000 --location x --service tow
	tsame 'kill -9 in migrate: readers map the order' "$T/base.rows" <(rows "$mig")
	rm -f "$T/counts"
	for f in write fsync rename; do
		d=$T/count
		rm -rf "$d" && cp -a "$mig" "$d"
		env FI_FUNC=$f FI_COUNT="$T/counts" FI_MATCH="$d" LD_PRELOAD="$FI_SO" rs-journal -d "$d" -q migrate
	done
	tcase 'kill -9 in migrate: one rename' 0 'rename 1' '' grep rename "$T/counts"
	while read -r f n; do
		for i in $(seq 1 "$n"); do
			for act in kill kill-after; do
				d=$T/k
				rm -rf "$d" && cp -a "$mig" "$d"
				k=$(sh -c '"$@" >/dev/null 2>&1; echo $?' sh env FI_FUNC=$f FI_NTH=$i FI_ACTION=$act \
				    FI_MATCH="$d" LD_PRELOAD="$FI_SO" rs-journal -d "$d" -q migrate)
				tcase "migrate killed at $f #$i ($act): it died" 0 137 '' echo "$k"
				tsame "migrate killed at $f #$i ($act): readers see each row once" "$T/base.rows" <(rows "$d")
				tcase "migrate killed at $f #$i ($act): re-run" 0 '' '' rs-journal -d "$d" -q migrate
				tsame "migrate killed at $f #$i ($act): rows after the re-run" "$T/base.rows" <(rows "$d")
				tsame "migrate killed at $f #$i ($act): the live file is the writers' one" \
				    "$base/cases.tsv" "$d/cases.tsv"
			done
		done
	done <"$T/counts"
fi

###########################################################################
# Links planted at every temporary and final name archive and migrate
# use: no file outside the directory changes; a link at a temporary name
# is removed, not followed; a link at an archive's final name is refused.
outside=$T/outside
for name in cases.2026-09.tsv.gz.tmp cases.2026-10.tsv.gz.tmp cases.tsv.tmp \
    dispatch.2026-09.tsv.gz.tmp cases.2026-09.tsv.gz cases.2026-10.tsv.gz; do
	d=$T/links
	rm -rf "$d" "$outside"
	[ -d "$T/base" ] && cp -a "$T/base" "$d" || mkjournal "$d"
	mkdir -p "$outside"
	printf 'victim\n' >"$outside/victim"
	chmod 644 "$outside/victim"
	ln -s "$outside/victim" "$d/$name"
	case $name in
	*.tmp)	tcase "link at $name: archive works" 0 '' '' rs-journal -d "$d" -q archive --before 2026-11
		tcase "link at $name: the link is gone" 0 '' '' sh -c "ls '$d' | grep tmp; true" ;;
	*)	tcase "link at $name: archive refuses it" 3 '' "rs-journal: $d/$name: cannot open: Too many levels of symbolic links" \
		    rs-journal -d "$d" -q archive --before 2026-11 ;;
	esac
	tfile "link at $name: the file outside is unchanged" 'victim' "$outside/victim"
	tcase "link at $name: its mode too" 0 644 '' stat -c %a "$outside/victim"
	tcase "link at $name: nothing new outside" 0 victim '' ls "$outside"
done
d=$T/links
rm -rf "$d" "$outside"
mkjournal "$d"
mkdir -p "$outside"
printf 'victim\n' >"$outside/victim"
awk -F'\t' 'BEGIN { OFS = "\t" } { t = $3; $3 = $1; $1 = t; print }' "$d/dispatch.tsv" >"$d/x" && mv "$d/x" "$d/dispatch.tsv"
ln -s "$outside/victim" "$d/dispatch.tsv.tmp"
tcase 'link at dispatch.tsv.tmp: migrate works' 0 '' '' rs-journal -d "$d" -q migrate
tfile 'link at dispatch.tsv.tmp: the file outside is unchanged' 'victim' "$outside/victim"
tcase 'link at dispatch.tsv.tmp: migrated' 0 '' "$NOZONE" rs-journal -d "$d" check

###########################################################################
# Root archives and migrates a journal owned by another user (nobody):
# the files keep their owner, group and mode, and that user still reads
# and writes the journal.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	u=$(mktemp -d /tmp/rs-owner.XXXXXX)
	chmod 755 "$u"
	mkjournal "$u/j"
	awk -F'\t' 'BEGIN { OFS = "\t" } { t = $3; $3 = $1; $1 = t; print }' "$u/j/dispatch.tsv" >"$u/x" && mv "$u/x" "$u/j/dispatch.tsv"
	chmod 640 "$u/j/cases.tsv"
	chown -R 65534:65534 "$u/j"
	as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	tcase 'owned by nobody: root archives' 0 '' '' rs-journal -d "$u/j" -q archive --before 2026-11
	tcase 'owned by nobody: root migrates' 0 '' '' rs-journal -d "$u/j" -q migrate
	tcase 'owned by nobody: every file still nobody'"'"'s' 0 '' '' \
	    sh -c "find '$u/j' ! -user 65534 -o ! -group 65534"
	tcase 'owned by nobody: modes kept (without bits for others)' 0 $'640 cases.tsv\n640 dispatch.tsv\n640 cases.2026-10.tsv.gz' '' \
	    sh -c "cd '$u/j' && stat -c '%a %n' cases.tsv dispatch.tsv cases.2026-10.tsv.gz"
	tcase 'owned by nobody: nobody reads every case' 0 8 '' \
	    sh -c "setpriv --reuid=65534 --regid=65534 --clear-groups rs-journal -d '$u/j' cat cases -H | wc -l"
	tcase 'owned by nobody: nobody writes' 0 'RS-20261122-0001' '' \
	    as_nobody "$(command -v rs-intake)" -d "$u/j" -q --phone 13900000000 --location x --service tow
	# P001, the only tow provider, still has the 2026-11-20 case: busy.
	tcase 'owned by nobody: nobody dispatches' 0 '*' 'rs-dispatch: P001: provider is busy with another case' \
	    as_nobody "$(command -v rs-dispatch)" -d "$u/j" -q assign RS-20261122-0001 --provider P001 --eta 20
	tcase 'owned by nobody: check clean as nobody' 0 '' "$NOZONE" as_nobody "$(command -v rs-journal)" -d "$u/j" check
	rm -rf "$u"
fi
