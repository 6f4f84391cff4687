# config.mk - build settings; override on the command line (make CC=clang).
VERSION = 0.1.0
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share
LOCALEDIR = $(DATADIR)/locale

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -D_GNU_SOURCE -DRS_VERSION=\"$(VERSION)\" -DLOCALEDIR=\"$(LOCALEDIR)\"
LDLIBS = -lcsv -lz -lm -pthread

# make SAN=1: AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/ and bin-asan/
ifeq ($(SAN),1)
BUILD = build-asan
BIN = bin-asan
CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
else
BUILD = build
BIN = bin
endif

# Debian packages the build and the tests need (make deps installs the
# missing ones; make test installs nothing). The second line is for the
# package test (tests/cli/86-package.sh): building the .deb, lintian, and
# systemd-analyze verify on the example units. The third is for the
# layout check of the html reports (a headless browser and a CJK font);
# nodejs runs DuckDB for the check of sql/ (make node-deps; make deps
# adds Debian's npm when no npm comes with the nodejs installed).
DEPS_PKGS = libcsv-dev zlib1g-dev gcc make clang libclang-rt-14-dev gawk mawk python3 jq miller valgrind mandoc \
	zsh fish bash-completion gettext locales \
	git dpkg-dev debhelper fakeroot lintian systemd \
	chromium fonts-wqy-zenhei nodejs
