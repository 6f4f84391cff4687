# make bench: the performance benchmark (tests/bench/README.md). Not part
# of make test: it generates a 1 GB journal once (tests/bench/cache/, or
# $RS_BENCH_DIR) and runs for several minutes (Miller is slow).
bench: all
	tests/bench/run.sh

.PHONY: bench
