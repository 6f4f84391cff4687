# 82-install.sh - make install and make uninstall into a scratch DESTDIR:
# exactly the tools, the man pages (man1, man7) and the completions, in
# the standard places under PREFIX, with their modes; the installed
# completions (and the fish helper functions) are found by
# bash-completion, zsh and fish from there;
# uninstall leaves nothing but empty directories. The tools are the ones
# under test ($BINDIR); "all" is not remade.

D=$T/dest
mi() { make -s -C "$TOP" -o all "$@" BIN="$BINDIR" >"$T/make.out" 2>&1 || { cat "$T/make.out"; return 1; }; }
listing() { (cd "$1" && find . ! -type d -printf '%m %p\n' | sort -k2); }

tok "make install DESTDIR PREFIX=/usr" mi install DESTDIR="$D" PREFIX=/usr

want=$(
	for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "755 ./usr/bin/$t"; done
	for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "644 ./usr/share/bash-completion/completions/$t"; done
	for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "644 ./usr/share/fish/vendor_completions.d/$t.fish"; done
	for f in __rs_is __rs_live __rs_state; do echo "644 ./usr/share/fish/vendor_functions.d/$f.fish"; done
	echo "644 ./usr/share/locale/zh_CN/LC_MESSAGES/rs.mo"
	for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do echo "644 ./usr/share/man/man1/$t.1"; done
	echo "644 ./usr/share/man/man7/rs.7"
	echo "644 ./usr/share/zsh/site-functions/_rs"
)
tcase "installed files, exactly" 0 "$want" '' listing "$D"
for t in rs-callback rs-complain rs-dispatch rs-intake rs-journal rs-report; do
	tsame "$t installed as built" "$BINDIR/$t" "$D/usr/bin/$t"
	tsame "bash completion for $t" "$TOP/completions/rs.bash" "$D/usr/share/bash-completion/completions/$t"
	tsame "fish completion for $t" "$TOP/completions/$t.fish" "$D/usr/share/fish/vendor_completions.d/$t.fish"
	tsame "man page of $t" "$TOP/man/$t.1" "$D/usr/share/man/man1/$t.1"
done
for f in __rs_is __rs_live __rs_state; do
	tsame "fish function $f" "$TOP/completions/functions/$f.fish" "$D/usr/share/fish/vendor_functions.d/$f.fish"
done
tsame "zsh completion" "$TOP/completions/_rs" "$D/usr/share/zsh/site-functions/_rs"
tsame "man page rs(7)" "$TOP/man/rs.7" "$D/usr/share/man/man7/rs.7"
tsame "Chinese messages" "$TOP/build/locale/zh_CN/LC_MESSAGES/rs.mo" "$D/usr/share/locale/zh_CN/LC_MESSAGES/rs.mo"
tcase "installed tool runs" 0 "rs-journal (rs) 0.1.0" '' "$D/usr/bin/rs-journal" --version

# the installed pages and completions are found where they were put
if command -v man >/dev/null 2>&1; then
	tcase "man finds rs(7)" 0 "$D/usr/share/man/man7/rs.7" '' man -M "$D/usr/share/man" -w 7 rs
	tcase "man finds rs-dispatch(1)" 0 "$D/usr/share/man/man1/rs-dispatch.1" '' \
	    man -M "$D/usr/share/man" -w rs-dispatch
fi
if [ -f /usr/share/bash-completion/bash_completion ]; then
	# bash-completion loads TOOL's file from DIR/bash-completion/completions
	# for each DIR of XDG_DATA_DIRS
	tcase "bash-completion loads the installed file on demand" 0 "complete -F _rs rs-dispatch" '' \
	    env XDG_DATA_DIRS="$D/usr/share" bash --norc --noprofile -c \
	    '. /usr/share/bash-completion/bash_completion; complete -r rs-dispatch 2>/dev/null; __load_completion rs-dispatch && complete -p rs-dispatch'
else
	echo "SKIP: $TFILE: bash-completion not installed (make deps installs it)"
fi
if command -v zsh >/dev/null 2>&1; then
	tcase "zsh compinit finds _rs in site-functions" 0 "$(printf '%s\n' _rs _rs _rs _rs _rs _rs)" '' \
	    zsh -fc "fpath=('$D/usr/share/zsh/site-functions' \$fpath); autoload -Uz compinit; compinit -u -D; for t in rs-intake rs-dispatch rs-complain rs-callback rs-report rs-journal; do print -r -- \$_comps[\$t]; done"
fi
if command -v fish >/dev/null 2>&1; then
	tcase "fish finds the vendor completions" 0 "$(printf '%s\n' case check list new)" '' \
	    sh -c "fish --no-config -c \"set fish_complete_path '$D/usr/share/fish/vendor_completions.d'; set fish_function_path '$D/usr/share/fish/vendor_functions.d' \\\$fish_function_path; complete -C 'rs-report ca'; complete -C 'rs-journal ch'; complete -C 'rs-intake l'; complete -C 'rs-intake n'\" | cut -f1"
	# a fish started as usual puts DIR/fish/vendor_*.d of each XDG_DATA_DIRS in its paths
	tcase "fish loads the vendor completions and functions from XDG_DATA_DIRS" 0 \
	    "$(printf '%s\n' amend import list new)" '' \
	    sh -c "HOME='$T' XDG_CONFIG_HOME='$T/config' XDG_DATA_HOME='$T/data' XDG_DATA_DIRS='$D/usr/share' fish -c \"complete -C 'rs-intake '\" </dev/null | cut -f1"
fi

tok "make uninstall" mi uninstall DESTDIR="$D" PREFIX=/usr
tcase "uninstall leaves nothing but empty directories" 0 "" '' listing "$D"
tok "directories are left" test -d "$D/usr/share/man/man7"

# the default PREFIX is /usr/local
tok "make install, default PREFIX" mi install DESTDIR="$T/dest2"
tcase "installed under /usr/local" 0 "30" '' sh -c "find '$T/dest2/usr/local' ! -type d | wc -l"
tok "make uninstall, default PREFIX" mi uninstall DESTDIR="$T/dest2"
tcase "uninstall, default PREFIX" 0 "" '' listing "$T/dest2"
