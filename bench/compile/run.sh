#!/usr/bin/env bash
# Compile-time cost of the plugin on the SQLite amalgamation at -O2: clang with
# the plugin against clang without it, measured in the same run, interleaved,
# median of 5 (user+sys CPU seconds, which the other core's load disturbs
# less than wall time), and the instruction counts of one compile of each
# under callgrind (repeatable whatever the machine does; COUNT=0 skips them,
# they take a few minutes). Target: at most 1.02x.
#   bench/compile/run.sh [LLVM-MAJOR]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=scripts/corpus/lib.sh
source "$root/scripts/corpus/lib.sh"
runs=${RUNS:-5}
tgz=$(npm_fetch better-sqlite3@12.11.1) || { echo "compile bench: download failed"; exit 1; }
work=$cache/compile-bench-$major
mkdir -p "$work"
tar xzf "$tgz" -C "$work" --strip-components=3 package/deps/sqlite3/sqlite3.c
echo "60d2f39a3726cd6b9021da6f4e868608d66fbb6528a9f513dc8ffcc640493422  $work/sqlite3.c" |
  sha256sum -c --quiet || { echo "compile bench: checksum mismatch"; exit 1; }

cpu_seconds() { # command... -> user+sys seconds
  /usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1 || return 1
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$work/base" && : >"$work/plugin"
for ((i = 0; i < runs; i++)); do
  cpu_seconds "$clang" -O2 -w -c "$work/sqlite3.c" -o "$work/base.o" >>"$work/base"
  # shellcheck disable=SC2086
  cpu_seconds "$clang" -O2 -w $plugin -c "$work/sqlite3.c" -o "$work/plugin.o" >>"$work/plugin"
done
b=$(median <"$work/base") p=$(median <"$work/plugin")
printf 'compile: sqlite3.c -O2, LLVM %s, median of %d (CPU s)\n' "$major" "$runs"
printf '  %-28s %8s\n' "clang-$major" "$b" "clang-$major + EscapePlugin" "$p"
awk -v b="$b" -v p="$p" 'BEGIN { printf "  ratio plugin/baseline       %8.3fx  (target <= 1.020x)\n", p / b }'

[ "${COUNT:-1}" = 0 ] && exit 0
# clang runs cc1 in its own process: count the whole tree of processes.
instructions() { # command... -> instructions executed
  rm -f "$work"/cg.out.*
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$work/cg.out.%p" \
    "$@" >/dev/null 2>&1 || return 1
  cat "$work"/cg.out.* | awk '/^summary:/ { s += $2 } END { printf "%.0f\n", s }'
}
bi=$(instructions "$clang" -O2 -w -c "$work/sqlite3.c" -o "$work/base.o")
# shellcheck disable=SC2086
pi=$(instructions "$clang" -O2 -w $plugin -c "$work/sqlite3.c" -o "$work/plugin.o")
printf '  instructions (callgrind)      %14s %14s\n' "$bi" "$pi"
awk -v b="$bi" -v p="$pi" 'BEGIN { printf "  ratio plugin/baseline       %8.4fx  (target <= 1.020x)\n", p / b }'
