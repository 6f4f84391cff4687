# 86-package.sh - the Debian package (debian/): dpkg-buildpackage -us -uc
# -b builds rs-desk_VERSION_ARCH.deb in a copy of the tree (the build
# writes into its tree and the parent directory, so the repository is not
# touched); lintian finds no error and no warning; dpkg -c lists exactly
# the tools, manual pages, completions for bash, zsh and fish, the
# catalogue and the example systemd units; unpacked with dpkg -x into a
# scratch root, the installed tools run, find the installed catalogue, and
# the packaged units pass systemd-analyze verify with the root's tools.
# Takes a few minutes (a full build and lintian), so it runs in the run on
# bin/ only. Skipped where dpkg-buildpackage is missing; make deps installs
# it with debhelper and lintian.

pkg_test() {
	local src=$T/pkg/src root=$T/root arch deb changes
	local version
	version=$(sed -n 's/^VERSION = //p' "$TOP/config.mk")
	arch=$(dpkg --print-architecture)
	tcase "debian/changelog's version is config.mk's VERSION" 0 "$version" '' \
	    dpkg-parsechangelog -l "$TOP/debian/changelog" -S Version

	# the tree as git sees it (tracked and new files, not the ignored
	# build output), else everything but the build directories
	mkdir -p "$src"
	if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$TOP" status --porcelain >"$T/status.before"
		(cd "$TOP" && git ls-files -co --exclude-standard | while IFS= read -r f; do
			[ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T -) | tar -C "$src" -xf -
	else
		tar -C "$TOP" --exclude=./bin --exclude='./bin-*' --exclude=./build \
		    --exclude='./build-*' --exclude=./tests/out -cf - . | tar -C "$src" -xf -
	fi
	tok "the copy has debian/rules" test -x "$src/debian/rules"

	tcase "dpkg-buildpackage -us -uc -b" 0 '' '*' sh -c \
	    "cd '$src' && dpkg-buildpackage -us -uc -b -j2 >'$T/build.log' 2>&1 || { tail -40 '$T/build.log' >&2; exit 1; }"
	deb=$T/pkg/rs-desk_${version}_$arch.deb
	changes=$T/pkg/rs-desk_${version}_$arch.changes
	tok "the .deb is built: ${deb##*/}" test -f "$deb"
	tok "the package build ran the unit tests" grep -Eq '^unit: [1-9][0-9]* passed, 0 failed$' "$T/build.log"
	if [ -f "$T/status.before" ]; then
		git -C "$TOP" status --porcelain >"$T/status.after"
		tsame "the repository is untouched by the build" "$T/status.before" "$T/status.after"
	fi

	# lintian on the .changes: the .deb and the .buildinfo
	tcase "lintian --fail-on error,warning: no E: or W: line" 0 '' '' sh -c \
	    "lintian --fail-on error,warning '$changes' >'$T/lintian.out' 2>&1; rc=\$?; grep -E '^[EW]: ' '$T/lintian.out'; exit \$rc"

	want=$(
		for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "-rwxr-xr-x ./usr/bin/$t"; done
		for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "-rw-r--r-- ./usr/share/bash-completion/completions/$t"; done
		for f in README.md.gz changelog.gz copyright; do echo "-rw-r--r-- ./usr/share/doc/rs-desk/$f"; done
		for f in rs-archive.service rs-archive.timer rs-check.service rs-check.timer rs-shift-day.timer \
		    rs-shift-night.timer rs-shift@.service rs-weekly.service rs-weekly.timer rs.default; do
			echo "-rw-r--r-- ./usr/share/doc/rs-desk/examples/systemd/$f"; done
		for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "-rw-r--r-- ./usr/share/fish/vendor_completions.d/$t.fish"; done
		for f in __rs_is __rs_live __rs_state; do echo "-rw-r--r-- ./usr/share/fish/vendor_functions.d/$f.fish"; done
		echo "-rw-r--r-- ./usr/share/locale/zh_CN/LC_MESSAGES/rs.mo"
		for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "-rw-r--r-- ./usr/share/man/man1/$t.1.gz"; done
		echo "-rw-r--r-- ./usr/share/man/man7/rs.7.gz"
		echo "-rw-r--r-- ./usr/share/zsh/vendor-completions/_rs"
	)
	tcase "dpkg -c: the files of the package, exactly" 0 "$want" '' sh -c \
	    "dpkg -c '$deb' | awk '\$1 !~ /^d/ { print \$1, \$6 }' | sort -k2"
	tcase "Depends: from the shared libraries (libcsv, zlib, libc)" 0 '' '' sh -c \
	    "dpkg -f '$deb' Depends | grep -q 'libcsv3' && dpkg -f '$deb' Depends | grep -q 'zlib1g' && dpkg -f '$deb' Depends | grep -q 'libc6'"
	if command -v zsh >/dev/null 2>&1; then
		tok "Debian's zsh looks in /usr/share/zsh/vendor-completions" \
		    sh -c "zsh -fc 'print -l \$fpath' | grep -qx /usr/share/zsh/vendor-completions"
	fi

	# installed into a scratch root
	tok "dpkg -x" dpkg -x "$deb" "$root"
	tcase "the installed rs-report --version" 0 "rs-report (rs) $version" '' "$root/usr/bin/rs-report" --version
	# The samples end late on 2026-11-22: checked at the tests' clock (10:00 that day) their last rows would be in the future.
	tcase "the installed rs-journal checks the samples" 0 '' '' env RS_NOW=2026-11-23T08:00:00+08:00 "$root/usr/bin/rs-journal" -d "$SAMPLES/journal" check
	tcase "the installed catalogue is Chinese" 0 '用法：rs-report shift [--date D [--shift day|night] | --since T --until T]' '' \
	    sh -c "env -u LC_ALL -u LANGUAGE LANG=zh_CN.UTF-8 RS_LOCALEDIR='$root/usr/share/locale' '$root/usr/bin/rs-report' --help | head -1"
	tsame "the packaged rs.7 is the source's" "$TOP/man/rs.7" <(gzip -dc "$root/usr/share/man/man7/rs.7.gz")
	tsame "the packaged rs-weekly.service is contrib's" "$TOP/contrib/systemd/rs-weekly.service" \
	    "$root/usr/share/doc/rs-desk/examples/systemd/rs-weekly.service"

	if command -v systemd-analyze >/dev/null 2>&1; then
		mkdir "$T/units"
		for f in "$root"/usr/share/doc/rs-desk/examples/systemd/rs-*; do
			sed "s|/usr/bin/|$root/usr/bin/|g" "$f" >"$T/units/${f##*/}"
		done
		for u in rs-weekly.service rs-weekly.timer rs-shift@day.service rs-shift@night.service \
		    rs-shift-day.timer rs-shift-night.timer rs-archive.service rs-archive.timer \
		    rs-check.service rs-check.timer; do
			tcase "systemd-analyze verify the packaged $u, the root's tools" 0 '' '' \
			    systemd-analyze verify --man=no "$T/units/$u"
		done
	fi
}

# The package compiles its own tools: it is built once, in the run on
# bin/, not again in the run on the sanitizer build.
if [ "${BINDIR##*/}" = bin-asan ]; then
	echo "SKIP: $TFILE: the package builds its own tools; tested in the run on bin/"
elif command -v dpkg-buildpackage >/dev/null 2>&1; then
	pkg_test
else
	echo "SKIP: $TFILE: dpkg-buildpackage not installed (make deps installs dpkg-dev, debhelper and lintian)"
fi
