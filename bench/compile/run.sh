#!/usr/bin/env bash
# Compile-time cost of the plugin at -O2 on two real inputs: the SQLite
# amalgamation (sqlite3.c, 250k lines) and lmdb's mdb.c. clang with the plugin
# against clang without it, measured in the same run, interleaved, median of
# RUNS (5; user+sys CPU seconds, which the other core's load disturbs less
# than wall time), and the instruction counts of one compile of each under
# callgrind (repeatable whatever the machine does; COUNT=0 skips them, they
# take a few minutes for SQLite). Target: at most 1.02x.
#   bench/compile/run.sh [LLVM-MAJOR] [sqlite] [lmdb]     (default: both)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=scripts/corpus/lib.sh
source "$root/scripts/corpus/lib.sh"
shift || true
inputs=${*:-sqlite lmdb}
runs=${RUNS:-5}
work=$cache/compile-bench-$major
mkdir -p "$work"

# Each input: name, source file, extra flags.
declare -A src flags label
for inp in $inputs; do
  case $inp in
  sqlite)
    fetch_sqlite "$work" || { echo "compile bench: no SQLite (download or checksum failed)"; exit 1; }
    src[$inp]=$work/sqlite3.c flags[$inp]="" label[$inp]="sqlite3.c"
    ;;
  lmdb)
    tgz=$(npm_fetch lmdb@3.5.6) || { echo "compile bench: download of lmdb failed"; exit 1; }
    mkdir -p "$work/lmdb"
    tar xzf "$tgz" -C "$work/lmdb" --strip-components=5 package/dependencies/lmdb/libraries/liblmdb
    src[$inp]=$work/lmdb/mdb.c flags[$inp]="-pthread" label[$inp]="lmdb mdb.c"
    ;;
  *) echo "compile bench: unknown input $inp (sqlite, lmdb)"; exit 2 ;;
  esac
done

cpu_seconds() { # command... -> user+sys seconds
  /usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1 || return 1
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for inp in $inputs; do : >"$work/$inp.base" && : >"$work/$inp.plugin"; done
for ((i = 0; i < runs; i++)); do
  for inp in $inputs; do
    # shellcheck disable=SC2086
    cpu_seconds "$clang" -O2 -w ${flags[$inp]} -c "${src[$inp]}" -o "$work/base.o" >>"$work/$inp.base"
    # shellcheck disable=SC2086
    cpu_seconds "$clang" -O2 -w ${flags[$inp]} $plugin -c "${src[$inp]}" -o "$work/plugin.o" >>"$work/$inp.plugin"
  done
done
printf 'compile: -O2, LLVM %s, median of %d interleaved runs (CPU s)\n' "$major" "$runs"
printf '  %-12s %10s %16s %9s\n' input "clang-$major" "+ EscapePlugin" ratio
for inp in $inputs; do
  b=$(median <"$work/$inp.base") p=$(median <"$work/$inp.plugin")
  awk -v n="${label[$inp]}" -v b="$b" -v p="$p" \
    'BEGIN { printf "  %-12s %10.2f %16.2f %8.3fx  (target <= 1.020x)\n", n, b, p, p / b }'
done

[ "${COUNT:-1}" = 0 ] && exit 0
# clang runs cc1 in its own process: count the whole tree of processes.
instructions() { # command... -> instructions executed
  rm -f "$work"/cg.out.*
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$work/cg.out.%p" \
    "$@" >/dev/null 2>&1 || return 1
  cat "$work"/cg.out.* | awk '/^summary:/ { s += $2 } END { printf "%.0f\n", s }'
}
printf 'instructions (callgrind, one compile each)\n'
printf '  %-12s %16s %16s %9s\n' input "clang-$major" "+ EscapePlugin" ratio
for inp in $inputs; do
  # shellcheck disable=SC2086
  bi=$(instructions "$clang" -O2 -w ${flags[$inp]} -c "${src[$inp]}" -o "$work/base.o")
  # shellcheck disable=SC2086
  pi=$(instructions "$clang" -O2 -w ${flags[$inp]} $plugin -c "${src[$inp]}" -o "$work/plugin.o")
  awk -v n="${label[$inp]}" -v b="$bi" -v p="$pi" \
    'BEGIN { printf "  %-12s %16s %16s %8.4fx  (target <= 1.020x)\n", n, b, p, p / b }'
done
