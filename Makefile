# Makefile for rs - see README.md.  make; make test; make install PREFIX=...
include config.mk

COMMON_SRCS = \
	common/append.c common/assignable.c common/archive.c common/buf.c common/callback.c \
	common/callback_list.c common/callback_write.c common/case_list.c \
	common/cases.c common/check.c common/check_rows.c common/cli.c \
	common/cmdtable.c common/colmap.c common/complaint.c common/complaint_list.c common/complaint_set.c \
	common/complaint_write.c common/cpu.c common/csvio.c common/dispatch.c \
	common/dispatch_list.c common/dispatch_write.c common/err.c common/fold.c \
	common/gz.c common/i18n.c common/idnear.c common/idmap.c common/ids.c common/import.c \
	common/intake.c common/journal.c common/jfile.c common/jreader.c common/kindex.c common/migrate.c common/near.c \
	common/linescan.c common/listview.c common/out.c common/providers.c common/reader.c common/rscan.c \
	common/render.c common/render_data.c common/render_html.c common/report.c \
	common/ref.c common/ddl.c \
	common/reports.c common/reports_case.c common/reports_kpi.c \
	common/reports_scorecard.c \
	common/reports_shift.c common/reports_shift_sections.c \
	common/reports_weekly.c common/reports_weekly_team.c common/rowbuild.c common/rowcheck.c common/rules.c \
	common/rules_parse.c common/schema.c common/schema_value.c common/site.c common/timecal.c \
	common/timefmt.c common/timelocal.c common/timeparse.c common/tsv.c \
	common/utf8.c common/utf8_text.c common/utf8_width.c common/weekly_load.c
SCHEMAS = schemas/cases.tsv schemas/dispatch.tsv schemas/complaints.tsv \
	schemas/callbacks.tsv schemas/providers.tsv
TOOLS = rs-journal rs-intake rs-dispatch rs-complain rs-callback rs-report
# Unit suites: tests/unit/t_NAME.c defines t_NAME(); the list of suites
# (unit_suites.h, for unit.h and main.c) is made from the files, so a new
# suite is a new file and nothing else.
UNIT_SUITES = $(sort $(patsubst tests/unit/t_%.c,%,$(wildcard tests/unit/t_*.c)))
UNIT_SRCS = tests/unit/main.c $(UNIT_SUITES:%=tests/unit/t_%.c)
GEN = $(BUILD)/gen
COMMON_OBJS = $(COMMON_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/gen/schema_tables.o
UNIT_OBJS = $(UNIT_SRCS:%.c=$(BUILD)/%.o)
BINS = $(TOOLS:%=$(BIN)/%)
ALL_CPPFLAGS = $(CPPFLAGS) -Icommon -I$(GEN)

# rs-gen, the sample-journal generator (tests/gen/): built for tests and
# benchmarks, never installed. It links only libc, libm and zlib.
GEN_TOOL = $(BUILD)/gen-tool/rs-gen
GEN_SRCS = tests/gen/callback.c tests/gen/cplt.c tests/gen/dispatch.c \
	tests/gen/out.c tests/gen/rs-gen.c tests/gen/sim.c tests/gen/story.c \
	tests/gen/tables.c tests/gen/texts.c tests/gen/util.c

# Messages in Chinese (gettext, domain "rs"): po/rs.pot is extracted from
# the sources by make pot (committed), po/zh_CN.po translates it (make po
# merges new strings in), and the catalogue is built into build/locale/,
# where the tools of bin/ and bin-asan/ find it without installing: i18n.c
# looks in RS_BUILD_LOCALEDIR relative to the directory of the running
# binary, then in LOCALEDIR (config.mk); RS_LOCALEDIR overrides both.
LOCALE_BUILD = build/locale
LINGUAS = zh_CN
MO = $(LINGUAS:%=$(LOCALE_BUILD)/%/LC_MESSAGES/rs.mo)
$(BUILD)/common/i18n.o: ALL_CPPFLAGS += -DRS_BUILD_LOCALEDIR=\"../$(LOCALE_BUILD)\"

all: $(BINS) $(GEN_TOOL) $(MO)
XGETTEXT_OPTS = --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=err_set:4 --keyword=err_warn:2 \
	--keyword=cli_error:2 --keyword=cli_usage:1 --keyword=problem:3 --keyword=bad:3 \
	--keyword=report_section:3 --keyword=report_subtitle:2 \
	--flag=err_set:4:c-format --flag=err_warn:2:c-format --flag=cli_error:2:c-format \
	--flag=cli_usage:1:c-format --flag=report_subtitle:2:c-format --flag=problem:3:c-format \
	--package-name=rs --package-version=$(VERSION) --no-location --sort-output \
	--add-comments=TRANSLATORS:

$(LOCALE_BUILD)/%/LC_MESSAGES/rs.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

POT = po/rs.pot
pot:
	xgettext $(XGETTEXT_OPTS) -o $(POT) cmd/*.c common/*.c

po: pot
	for l in $(LINGUAS); do msgmerge -q --update --backup=none --no-location \
		--sort-output po/$$l.po po/rs.pot; done

$(GEN_TOOL): $(GEN_SRCS) tests/gen/gen.h
	@mkdir -p $(@D)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $(GEN_SRCS) -lz -lm

# make torture: archives, writers and readers at once for minutes (ROUNDS=N); not in make test.
torture: all
	tests/torture.sh bin $${ROUNDS:-20}

# make samples: regenerate samples/journal exactly (arguments in tests/gen/samples.args).
samples: $(GEN_TOOL)
	rm -rf samples/journal
	$(GEN_TOOL) $$(cat tests/gen/samples.args) --dir samples/journal
	cp samples/journal/providers.tsv samples/providers.tsv

$(GEN)/schema_tables.c $(GEN)/schema_tables.h: tools/schemagen.awk $(SCHEMAS)
	@mkdir -p $(GEN)
	awk -f tools/schemagen.awk -v out=$(GEN)/schema_tables $(SCHEMAS)

$(BUILD)/%.o: %.c $(GEN)/schema_tables.h $(wildcard common/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(BUILD)/gen/schema_tables.o: $(GEN)/schema_tables.c common/schema.h
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(BUILD)/libcommon.a: $(COMMON_OBJS)
	rm -f $@
	ar rcs $@ $(COMMON_OBJS)

# The tools' objects are made by a chain of pattern rules; keep them, or
# make deletes them as intermediate files and the next build compiles again.
.SECONDARY: $(TOOLS:%=$(BUILD)/cmd/%.o)

$(BIN)/%: $(BUILD)/cmd/%.o $(BUILD)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libcommon.a $(LDLIBS)

# Rewritten only when the list changes (a suite added or removed).
$(GEN)/unit_suites.h: FORCE
	@mkdir -p $(@D)
	@printf 'UNIT_SUITE(%s)\n' $(UNIT_SUITES) >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

FORCE:

$(UNIT_OBJS): $(GEN)/unit_suites.h tests/unit/unit.h

$(BIN)/unit: $(UNIT_OBJS) $(BUILD)/libcommon.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJS) $(BUILD)/libcommon.a $(LDLIBS)

unit: $(BIN)/unit

# The whole suite: unit and CLI tests on the normal build, then again on
# the ASan+UBSan build. Ends with "N passed, N failed". It installs
# nothing: make deps (the README's first command) does that.
test:
	$(MAKE) all unit faultinject
	$(MAKE) SAN=1 all unit
	$(MAKE) fuzz-build
	tests/run-all.sh

# CLI tests under valgrind (leaks and errors fail).
valgrind: all unit
	RS_VALGRIND=1 tests/run-all.sh --only-normal

# The LD_PRELOAD fault-injection shim (tests/faultinject/fi.c), test-only:
# the CLI tests that pin failures and races find it with fi_shim (tests/lib.sh).
build/faultinject.so: tests/faultinject/fi.c
	@mkdir -p $(@D)
	$(CC) -O1 -g -Wall -Wextra -fPIC -shared -o $@ tests/faultinject/fi.c -ldl

faultinject: build/faultinject.so

.PHONY: faultinject

# The libFuzzer harnesses (tests/fuzz/fuzz_*.c); these rules need
# COMMON_SRCS and GEN, set above.
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

# make bench: the performance benchmark (tests/bench/README.md). Not part
# of make test: it generates a 1 GB journal once (tests/bench/cache/, or
# $RS_BENCH_DIR) and runs for several minutes (Miller is slow).
bench: all bench-deps
	tests/bench/run.sh

# What make bench needs beyond make deps: DuckDB, its reference engine,
# from the official npm package (the same pinned install as node-deps;
# a no-op once make deps has run).
bench-deps: node-deps

.PHONY: bench bench-deps

deps:
	@missing=""; for p in $(DEPS_PKGS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
	@# The Chinese tests run under LANG=zh_CN.UTF-8: generate that locale if missing.
	@if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then \
		echo "generating locale zh_CN.UTF-8"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo sed -i 's/^# *\(zh_CN\.UTF-8 UTF-8\)/\1/' /etc/locale.gen && \
		$$sudo locale-gen >/dev/null; \
	fi
	@# A nodejs from elsewhere may bring its own npm: Debian's only if none.
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "installing: npm"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq npm >/dev/null; \
	fi
	@$(MAKE) --no-print-directory node-deps

# DuckDB, from its official npm package @duckdb/node-api, for the check
# of sql/ (tests/cli/58-duckdb.sh) and anything else that drives DuckDB
# from node: the versions pinned by tests/duckdb/package-lock.json go
# into $(NODE_DIR)/node_modules (npm ci: exactly the lock, nothing
# newer). Node and npm themselves come from DEPS_PKGS. Redone only when
# the lock changes.
NODE_DIR = build/node

node-deps: $(NODE_DIR)/node_modules/.package-lock.json

$(NODE_DIR)/node_modules/.package-lock.json: tests/duckdb/package.json tests/duckdb/package-lock.json
	@mkdir -p $(NODE_DIR)
	cp tests/duckdb/package.json tests/duckdb/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error

.PHONY: node-deps

# Shell completions, written by tools/completions-gen (python3) from what
# the built tools print for the hidden --rs-completion-helper (their
# command tables, value sets from the tables and schemas) and committed; tests/cli/80-completions.sh checks
# that they are up to date. Installed where bash-completion, zsh and fish
# look for them: bash one file per tool (the same file), zsh one _rs, fish
# one file per tool plus the helper functions they share, which fish
# autoloads from its vendor functions directory.
BASHCOMPDIR = $(DATADIR)/bash-completion/completions
ZSHCOMPDIR = $(DATADIR)/zsh/site-functions
FISHCOMPDIR = $(DATADIR)/fish/vendor_completions.d
FISHFUNCDIR = $(DATADIR)/fish/vendor_functions.d
FISHFUNCS = __rs_is __rs_state __rs_live

completions: $(BINS)
	tools/completions-gen -o completions --bin $(BIN)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) \
		$(DESTDIR)$(FISHFUNCDIR)
	for t in $(TOOLS); do install -m 755 $(BIN)/$$t $(DESTDIR)$(BINDIR)/$$t; done
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.7 $(DESTDIR)$(MANDIR)/man7/
	for t in $(TOOLS); do install -m 644 completions/rs.bash $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	install -m 644 completions/_rs $(DESTDIR)$(ZSHCOMPDIR)/_rs
	for t in $(TOOLS); do install -m 644 completions/$$t.fish $(DESTDIR)$(FISHCOMPDIR)/$$t.fish; done
	for f in $(FISHFUNCS); do install -m 644 completions/functions/$$f.fish $(DESTDIR)$(FISHFUNCDIR)/$$f.fish; done
	for l in $(LINGUAS); do mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(LOCALE_BUILD)/$$l/LC_MESSAGES/rs.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rs.mo; done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(BASHCOMPDIR)/$$t \
		$(DESTDIR)$(FISHCOMPDIR)/$$t.fish; done
	for f in $(FISHFUNCS); do rm -f $(DESTDIR)$(FISHFUNCDIR)/$$f.fish; done
	for m in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	for m in man/*.7; do rm -f $(DESTDIR)$(MANDIR)/man7/$${m#man/}; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_rs
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rs.mo; done

clean:
	rm -rf build build-asan bin bin-asan tests/out

.PHONY: FORCE all unit test valgrind deps install uninstall clean samples torture completions pot po
