# 83-readme.sh - the runnable examples of the README work.
#
# A runnable example is a ```sh fenced block whose fence follows the line
# <!-- test --> (blank lines between are allowed). The runnable blocks of
# one file are joined in order into one script, run by bash -e (so that
# variables set in one block are seen by the next) in a fresh scratch
# directory holding a link to the repository's samples/, with the real
# clock (RS_NOW unset) and no journal directory set; every command must
# exit 0. Files: $RS_README (space-separated) if set, else README.md;
# each must have at least one runnable block.

extract() {
	awk '
	/^<!-- test -->[[:space:]]*$/ { armed = 1; next }
	armed && /^```sh[[:space:]]*$/ { inb = 1; armed = 0; n++; printf "\n# --- block %d (line %d)\n", n, NR; next }
	inb && /^```[[:space:]]*$/ { inb = 0; next }
	inb { print; next }
	!/^[[:space:]]*$/ { armed = 0 }
	END { if (inb) { print "unterminated block" > "/dev/stderr"; exit 1 } }
	' "$1"
}

files=${RS_README:-$TOP/README.md}

for f in $files; do
	case $f in /*) ;; *) f=$TOP/$f ;; esac
	name=$(basename "$f")
	d=$T/run.$name
	mkdir -p "$d"
	ln -s "$TOP/samples" "$d/samples"
	tok "$name: blocks extracted" sh -c "extract() { $(declare -f extract | sed 1,2d | sed '$d'); }; extract '$f' > '$d/blocks.sh'"
	n=$(grep -c '^# --- block ' "$d/blocks.sh")
	tcase "$name: has runnable blocks" 0 "y" '' sh -c "[ $n -gt 0 ] && echo y"
	[ "$n" -gt 0 ] || continue
	# the blocks as a reader runs them: fresh directory, real clock
	tcase "$name: the $n runnable blocks exit 0" 0 '*' '' \
	    env -u RS_NOW -u RS_DIR -u RS_AGENT sh -c "cd '$d' && bash -e blocks.sh >out.txt 2>err.txt || { tail -5 err.txt >&2; exit 1; }"
done
