#!/usr/bin/env bash
# What the stack check costs a moved object (docs/design.md, "Stack safety"),
# measured in one run on one function called 10^6 times:
#   malloc       clang -O2, no plugin: malloc + free per call (glibc)
#   escape       clang -O2 + plugin: a small function gets two bodies, the
#                check jumps to the stack body (docs/design.md, "Two bodies")
#   guarded      clang -O2 + plugin with max-version-size=0: one body, the
#                check at entry, a dynamic slot, the guarded free (what a
#                function too large for two bodies gets)
#   local array  clang -O2, the temporary written as a local array: a static
#                slot, no check (the cost of a moved object before the check)
# Instructions per call from callgrind (repeatable on a shared machine), and
# the median of 5 wall-clock runs of 10^8 calls, taking turns.
#   bench/stack-guard/run.sh [LLVM-MAJOR]
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
major=${1:-19}
clang=/usr/lib/llvm-$major/bin/clang
so=$root/build/llvm-$major/lib/EscapePlugin.so
plugin="-fpass-plugin=$so"
[ "$major" -lt 22 ] && plugin="$plugin -fplugin=$so"
work=$root/build/bench-stack-guard-$major
rm -rf "$work" && mkdir -p "$work"
# shellcheck disable=SC2086
"$clang" -O2 -w "$here/pair.c" -o "$work/malloc" &&
  "$clang" -O2 -w $plugin -Rpass=escape "$here/pair.c" -o "$work/escape" 2>"$work/remarks" &&
  "$clang" -O2 -w $plugin -mllvm -escape-max-version-size=0 "$here/pair.c" -o "$work/guarded" &&
  "$clang" -O2 -w -DLOCAL_ARRAY "$here/pair.c" -o "$work/local" || { echo "stack-guard bench: build failed"; exit 1; }
grep -q 'moved to stack while the stack has room' "$work/remarks" ||
  { echo "stack-guard bench: the plugin did not move the object"; cat "$work/remarks"; exit 1; }

calls=1000000
per_call() { # binary -> instructions per call (the run minus a run of 0 calls)
  local full empty
  full=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" $calls 2>&1 >/dev/null |
           awk '/Collected/ { print $NF }')
  empty=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" 0 2>&1 >/dev/null |
            awk '/Collected/ { print $NF }')
  awk -v f="$full" -v e="$empty" -v n=$calls 'BEGIN { printf "%.1f\n", (f - e) / n }'
}
seconds() { # binary -> wall seconds of 10^8 calls
  local t0 t1
  t0=$(date +%s.%N); "$1" 100000000 >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A instr secs
for v in malloc escape guarded local; do instr[$v]=$(per_call "$work/$v"); done
for v in malloc escape guarded local; do : >"$work/$v.times"; done
for _ in 1 2 3 4 5; do
  for v in malloc escape guarded local; do seconds "$work/$v" >>"$work/$v.times"; done
done
for v in malloc escape guarded local; do secs[$v]=$(median <"$work/$v.times"); done

printf 'stack-guard: one 64-byte temporary per call, LLVM %s, measured in one run\n' "$major"
printf '  %-12s %12s %14s %16s %18s\n' variant instr/call "ns/call (med)" "vs malloc" "vs local array"
for v in malloc escape guarded local; do
  name=$v; [ $v = local ] && name="local array"
  awk -v n="$name" -v i="${instr[$v]}" -v s="${secs[$v]}" -v mi="${instr[malloc]}" -v ms="${secs[malloc]}" \
      -v li="${instr[local]}" -v ls="${secs[local]}" 'BEGIN {
    printf "  %-12s %12.1f %14.2f   %5.2fx / %5.2fx   %5.2fx / %5.2fx\n", n, i, s * 10, i / mi, s / ms, i / li, s / ls }'
done
best=$(for v in malloc escape guarded local; do echo "${secs[$v]} $v"; done | sort -n | head -1 | cut -d' ' -f2)
[ "$best" = local ] && best="local array"
echo "  best (time): $best; ratios are instructions / time"
echo "  the check costs instr(escape) - instr(local array) per call"
