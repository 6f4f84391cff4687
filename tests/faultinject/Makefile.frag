# tests/faultinject/Makefile.frag - the LD_PRELOAD fault-injection shim
# used by tests/cli/71-faults.sh, 70-crash.sh and 74-privacy.sh (test-only).
build/faultinject.so: tests/faultinject/fi.c
	@mkdir -p $(@D)
	$(CC) -O1 -g -Wall -Wextra -fPIC -shared -o $@ tests/faultinject/fi.c -ldl

faultinject: build/faultinject.so

.PHONY: faultinject
