#!/usr/bin/env bash
# How many allocation sites of the escgen programs each plugin mode moves to
# the stack: seeds FIRST..LAST (default 1..300, the lit Fuzz tests' seeds),
# PER seeds to a program (default 20, as in lit), compiled at -O2 with the
# plugin and -Rpass=escape for every built LLVM major and every mode. Counts
# the remarks "moved to stack" (MovedToStack; docs/remarks.md), among them
# those that add "(Go's rule would keep it on the heap)" (what precise mode
# bought), and "starts on stack" (StartsOnStack, growable buffers). A program
# whose compile fails still has its remarks counted (they come before code
# generation) and is counted under "failed".
#   scripts/fuzz-sites.sh [FIRST [LAST]]   env: MAJORS ("19 22"), MODES ("go precise"),
#                                          PER (20), ESCAPE_BUILD (tree prefix, build/llvm-)
set -u
cd "$(dirname "$0")/.." || exit 1
first=${1:-1}
last=${2:-300}
per=${PER:-20}
prefix=${ESCAPE_BUILD:-build/llvm-}
work=build/fuzz/sites-$$
mkdir -p "$work"
printf '%-6s %-8s %8s %18s %16s %7s\n' major mode moved "Go's rule: heap" starts-on-stack failed
for major in ${MAJORS:-19 22}; do
  plugin_so="$PWD/${prefix}$major/lib/EscapePlugin.so"
  clang=/usr/lib/llvm-$major/bin/clang
  if [ ! -f "$plugin_so" ] || [ ! -x "$clang" ]; then
    echo "fuzz-sites: LLVM $major: no $plugin_so or $clang, skipped"; continue
  fi
  plugin="-fpass-plugin=$plugin_so"
  [ "$major" -lt 22 ] && plugin="$plugin -fplugin=$plugin_so"
  "$clang" -std=c11 -O2 -w test/Fuzz/Inputs/escgen.c -o "$work/escgen" || exit 1
  for mode in ${MODES:-go precise}; do
    moved=0 bought=0 starts=0 failed=0
    for ((s = first; s <= last; s += per)); do
      n=$((last - s + 1 < per ? last - s + 1 : per))
      "$work/escgen" "$s" "$n" >"$work/p.c"
      # shellcheck disable=SC2086
      "$clang" -std=gnu11 -w -O2 $plugin -mllvm -escape-mode="$mode" -Rpass=escape \
        -c "$work/p.c" -o /dev/null 2>"$work/remarks" || failed=$((failed + 1))
      moved=$((moved + $(grep -c 'moved to stack' "$work/remarks")))
      bought=$((bought + $(grep -c "Go's rule would keep it" "$work/remarks")))
      starts=$((starts + $(grep -c 'starts on stack' "$work/remarks")))
    done
    printf '%-6s %-8s %8d %18d %16d %7d\n' "$major" "$mode" "$moved" "$bought" "$starts" "$failed"
  done
done
echo "fuzz-sites: seeds $first..$last, $per to a program"
rm -rf "$work"
