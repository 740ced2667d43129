# Front door. Everything real lives in CMake and scripts/.
#   make demo    set up, build, compile examples/ with the plugin, print the escape report
#   make check   set up, build, run every test suite for every LLVM major
#   make bench   set up, build, run the benchmarks in bench/
#   make install PREFIX=P   install the first major's build into P
MAJORS ?= 19 22
JOBS ?= $(shell nproc)
export ESCAPE_LLVM_MAJORS := $(MAJORS)

PREFIX ?= /usr/local

.PHONY: all setup build demo check bench install clean
all: build

setup:
	scripts/setup-debian.sh base tools

build: setup
	@set -e; for n in $(MAJORS); do \
	  cmake -S . -B build/llvm-$$n -DESCAPE_LLVM_MAJOR=$$n >/dev/null; \
	  cmake --build build/llvm-$$n -j $(JOBS); \
	done

# The demo prints the example's report and numbers only: the set-up and the
# build go to build/demo-build.log, shown if they fail.
demo:
	@mkdir -p build
	@$(MAKE) -s --no-print-directory build >build/demo-build.log 2>&1 || \
	  { cat build/demo-build.log; echo "make demo: the build failed (build/demo-build.log)"; exit 1; }
	@examples/run-demo.sh $(firstword $(MAJORS))

check: build
	scripts/run-tests.sh $(MAJORS)

bench: build
	scripts/setup-debian.sh bench
	bench/run-all.sh $(firstword $(MAJORS))

# One prefix per LLVM major (the first of MAJORS): PREFIX/bin/escape-cc ...
install: build
	cmake --install build/llvm-$(firstword $(MAJORS)) --prefix $(PREFIX)

clean:
	rm -rf build
