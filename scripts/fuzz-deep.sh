#!/usr/bin/env bash
# Deeper random search than the lit suite: N escgen seeds (default 3000,
# starting at FIRST, default 1000 so as not to repeat the suite's 1..300) for
# every built LLVM major, each built without the plugin, with it at -O2, with
# it under ASan, without it under ASan (the generator's own check), and with
# it plus -escape-runtime and libescrt; the plugin's builds once for each mode
# of MODES (default "go precise guarded": esc, esc-asan, esc-rt, esc-precise,
# esc-precise-asan, esc-precise-rt, and the same of go mode with every
# function in one body, esc-guarded...: small functions get two bodies, so
# go mode alone would seldom test the guarded slots).
# Programs whose output differs are kept in build/fuzz/keep-N/seed-S.c.
#   scripts/fuzz-deep.sh [N]        env: FIRST, MAJORS ("19 22"), MODES ("go precise guarded"),
#                                   JOBS (nproc), ESCAPE_BUILD (tree prefix, build/llvm-)
set -u
cd "$(dirname "$0")/.." || exit 1
n=${1:-3000}
first=${FIRST:-1000}
jobs=${JOBS:-$(nproc)}
prefix=${ESCAPE_BUILD:-build/llvm-}
modes=${MODES:-go precise guarded}
status=0
for major in ${MAJORS:-19 22}; do
  plugin="$PWD/${prefix}$major/lib/EscapePlugin.so"
  clang=/usr/lib/llvm-$major/bin/clang
  if [ ! -f "$plugin" ] || [ ! -x "$clang" ]; then
    echo "fuzz-deep: LLVM $major: no $plugin or $clang, skipped"; continue
  fi
  work=build/fuzz/run-$$-llvm-$major # private: runs may overlap
  mkdir -p "$work" build/fuzz/keep-$major
  "$clang" -std=c11 -O2 -w test/Fuzz/Inputs/escgen.c -o "$work/escgen" || exit 1
  start=$(date +%s)
  FUZZ_SELF_CHECK=1 ESC_MODES=$modes ESC_CLANG=$clang ESC_PLUGIN=$plugin ESC_MAJOR=$major \
    ESC_LIBESCRT="$PWD/${prefix}$major/lib/libescrt.a" \
    bash test/Fuzz/Inputs/fuzz-batch.sh "$work/escgen" "$work" "$first" "$n" 25 "$jobs" \
    "build/fuzz/keep-$major" | tail -20
  rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 0 ]; then
    echo "fuzz-deep: LLVM $major ($modes): PASS $n seeds from $first in $(($(date +%s) - start)) s"
    rm -rf "$work"
  else
    echo "fuzz-deep: LLVM $major ($modes): DIFF, programs kept in build/fuzz/keep-$major/"; status=1
  fi
done
exit $status
