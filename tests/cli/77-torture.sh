# 77-torture.sh - a short run of tests/torture.sh (make torture runs it for
# minutes): 3 archives, 8 writers of four tools and 4 readers at once on one
# journal directory; every acknowledged row exactly once, ids unique, every
# reader's count that of some instant or a non-zero exit, check clean.
# The deterministic windows are pinned in 75-archive-races.sh; this one
# checks the same promises under whatever interleaving the machine gives.
case $(command -v rs-intake) in
*/vg-bin.*) ;;	# minutes under valgrind; the sanitized and plain runs cover it
*)	tcase 'torture: a short run' 0 '*' '' env TORTURE_WRITES=5 "$TOP/tests/torture.sh" "$(dirname "$(command -v rs-intake)")" 1
	cp "$T/.out" "$T/torture.out"
	tok 'torture: no problem' grep -q ', 0 problems$' "$T/torture.out" ;;
esac
