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
