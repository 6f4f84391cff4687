# tests/fuzz/Makefile.frag - the libFuzzer harnesses (tests/fuzz/fuzz_*.c),
# included by the top Makefile after COMMON_SRCS and GEN are set.
#
#   make fuzz          each harness for FUZZ_SECONDS (default 60) from its
#                      committed corpus; new inputs go to build-fuzz/corpus/,
#                      crashes to build-fuzz/artifacts/
#   make fuzz-replay   every committed corpus file once through its harness
#                      under ASan+UBSan (part of make test)
#
# The library is compiled again here with the fuzzer flags (clang only).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_BUILD = build-fuzz
FUZZ_NAMES = tsv csv gz time schema rules
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJS = $(COMMON_SRCS:%.c=$(FUZZ_BUILD)/%.o) $(FUZZ_BUILD)/gen/schema_tables.o
FUZZ_BINS = $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)

$(FUZZ_BUILD)/common/%.o: common/%.c $(GEN)/schema_tables.h $(wildcard common/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/gen/schema_tables.o: $(GEN)/schema_tables.c common/schema.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/libfuzzcommon.a: $(FUZZ_LIB_OBJS)
	rm -f $@
	ar rcs $@ $(FUZZ_LIB_OBJS)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libfuzzcommon.a
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_BUILD)/libfuzzcommon.a -lcsv -lz -lm -lpthread

fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-replay: $(FUZZ_BINS)
	tests/fuzz/run.sh replay $(FUZZ_NAMES)

.PHONY: fuzz fuzz-build fuzz-replay
