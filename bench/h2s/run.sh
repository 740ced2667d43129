#!/usr/bin/env bash
# Heap-to-stack conversions, Escape next to LLVM's Attributor, measured in one
# run on the same code: the execution suite (test/Exec/*.c) and lmdb's mdb.c.
#   bench/h2s/run.sh [LLVM-MAJOR]       (default 19; table also in bench/out/)
# Columns:
#   sites     malloc/calloc/aligned_alloc calls left in the -O2 IR
#   escape    MovedToStack remarks of the plugin at -O2
#   attr-128  allocations the Attributor turns into allocas
#             (opt -passes='inferattrs,attributor' on the -O2 IR; default limit)
#   attr-1024 the same with -max-heap-to-stack-size=1024 (Escape's limit)
#   wrong     programs whose output or exit code differs from clang -O0
#             without any heap-to-stack (crashes counted apart)
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/../../scripts/corpus/lib.sh"
work=$root/build/bench-h2s-$major
rm -rf "$work" && mkdir -p "$work" "$root/bench/out"
opt=/usr/lib/llvm-$major/bin/opt
h2s_count() { grep -c '\.h2s = alloca' "$1"; }
site_count() { grep -cE '(call|invoke) .*@(malloc|calloc|aligned_alloc)\(' "$1"; }

# run_cmp BIN STACK ARGS REF -> "ok", "wrong" or "crash"
run_cmp() {
  local out rc
  # shellcheck disable=SC2086
  out=$( (ulimit -s "${2:-8192}"; exec "$1" $3) 2>/dev/null </dev/null)
  rc=$?
  if [ "$out"$'\n'"exit $rc" = "$4" ]; then echo ok
  elif [ $rc -ge 128 ]; then echo crash
  else echo wrong; fi
}

declare -A tot
exec_suite() {
  local p base stack args cflags ref
  for p in "$root"/test/Exec/*.c; do
    # Only the differential programs: a test that prints where its objects
    # went differs with the plugin by design.
    grep -q '%exec_variants' "$p" || continue
    base=$work/$(basename "$p" .c)
    stack="" args="" cflags=""
    eval "set -- $(sed -n 's/.*%exec_variants \(.*\)%s %t$/\1/p' "$p" | head -1)"
    while [ $# -gt 0 ]; do
      case $1 in --stack) stack=$2 ;; --args) args=$2 ;; --cflags) cflags=$2 ;; esac
      shift 2
    done
    # shellcheck disable=SC2086
    "$clang" -std=gnu11 -w -O0 $cflags "$p" -o "$base.ref" || continue
    ref=$( (ulimit -s "${stack:-8192}"; exec "$base.ref" $args) 2>/dev/null </dev/null; echo "exit $?")
    tot[exec.programs]=$((${tot[exec.programs]:-0} + 1))
    # shellcheck disable=SC2086
    "$clang" -std=gnu11 -w -O2 $plugin -Rpass=escape $cflags "$p" -o "$base.esc" 2>"$base.remarks"
    tot[exec.escape]=$((${tot[exec.escape]:-0} + $(grep -c 'moved to stack' "$base.remarks")))
    r=$(run_cmp "$base.esc" "$stack" "$args" "$ref")
    tot[exec.escape.$r]=$((${tot[exec.escape.$r]:-0} + 1))
    # shellcheck disable=SC2086
    "$clang" -std=gnu11 -w -O2 -S -emit-llvm -fno-discard-value-names $cflags "$p" -o "$base.ll"
    tot[exec.sites]=$((${tot[exec.sites]:-0} + $(site_count "$base.ll")))
    for lim in 128 1024; do
      "$opt" -S -passes='inferattrs,attributor' -max-heap-to-stack-size=$lim "$base.ll" -o "$base.a$lim.ll"
      tot[exec.a$lim]=$((${tot[exec.a$lim]:-0} + $(h2s_count "$base.a$lim.ll")))
      # shellcheck disable=SC2086
      "$clang" -w -O2 $cflags "$base.a$lim.ll" -o "$base.a$lim"
      r=$(run_cmp "$base.a$lim" "$stack" "$args" "$ref")
      tot[exec.a$lim.$r]=$((${tot[exec.a$lim.$r]:-0} + 1))
      [ "$r" = ok ] || echo "  attributor(max $lim) on $(basename "$p"): $r" >>"$work/notes"
    done
  done
}

# lmdb: counts on mdb.c; mtest..mtest5 run against an mdb.c built each way.
lmdb() {
  local tgz src d v ref
  tgz=$(npm_fetch lmdb@3.5.6) || return 1
  src=$work/lmdb && mkdir -p "$src"
  tar xzf "$tgz" -C "$src" --strip-components=5 package/dependencies/lmdb/libraries/liblmdb
  printf '#include <time.h>\n#define time(p) ((time_t)20240101)\n' >"$src/fixed-time.h"
  "$clang" -w -O2 -pthread -S -emit-llvm -fno-discard-value-names "$src/mdb.c" -o "$src/mdb.ll"
  tot[lmdb.sites]=$(site_count "$src/mdb.ll")
  "$clang" -w -O2 -pthread "$src/mdb.ll" -c -o "$src/mdb.ref.o"
  # shellcheck disable=SC2086
  "$clang" -w -O2 -pthread $plugin -Rpass=escape -c "$src/mdb.c" -o "$src/mdb.escape.o" 2>"$src/remarks"
  tot[lmdb.escape]=$(grep -c 'moved to stack' "$src/remarks")
  for lim in 128 1024; do
    "$opt" -S -passes='inferattrs,attributor' -max-heap-to-stack-size=$lim "$src/mdb.ll" -o "$src/mdb.a$lim.ll"
    tot[lmdb.a$lim]=$(h2s_count "$src/mdb.a$lim.ll")
    "$clang" -w -O2 -pthread "$src/mdb.a$lim.ll" -c -o "$src/mdb.a$lim.o"
  done
  "$clang" -w -O2 -pthread -c "$src/midl.c" -o "$src/midl.o"
  for v in ref escape a128 a1024; do
    d=$src/run-$v && mkdir -p "$d"
    for t in mtest mtest2 mtest3 mtest4 mtest5; do
      "$clang" -w -O2 -pthread -include "$src/fixed-time.h" "$src/$t.c" "$src/mdb.$v.o" "$src/midl.o" -o "$d/$t"
    done
    (cd "$d" && for t in mtest mtest2 mtest3 mtest4 mtest5; do
       rm -rf testdb && mkdir testdb && ./$t; echo "$t exit $?"; done) 2>&1 |
      sed 's/0x[0-9a-f]*/0xADDR/g' >"$d.out"
    if [ $v != ref ]; then
      if cmp -s "$src/run-ref.out" "$d.out"; then tot[lmdb.$v.ok]=1
      elif grep -qE 'exit (1[3-9][0-9])' "$d.out"; then tot[lmdb.$v.crash]=1
      else tot[lmdb.$v.wrong]=1; fi
    fi
  done
}

exec_suite
lmdb
{
  printf 'h2s: heap-to-stack conversions, LLVM %s, measured in one run\n' "$major"
  printf '%-22s %6s %7s %9s %10s   %-24s %-24s %-24s\n' corpus sites escape attr-128 attr-1024 \
    "escape ok/wrong/crash" "attr-128 ok/wrong/crash" "attr-1024 ok/wrong/crash"
  for c in exec lmdb; do
    label="test/Exec (${tot[$c.programs]:-0} programs)"
    [ $c = lmdb ] && label="lmdb mdb.c (mtest1-5)"
    col() { echo "${tot[$c.$1.ok]:-0}/${tot[$c.$1.wrong]:-0}/${tot[$c.$1.crash]:-0}"; }
    esc=$(col escape)
    printf '%-22s %6s %7s %9s %10s   %-24s %-24s %-24s\n' "$label" "${tot[$c.sites]:-0}" \
      "${tot[$c.escape]:-0}" "${tot[$c.a128]:-0}" "${tot[$c.a1024]:-0}" "$esc" "$(col a128)" "$(col a1024)"
  done
  [ -f "$work/notes" ] && { echo "Attributor failures:"; cat "$work/notes"; }
} | tee "$root/bench/out/h2s-$major.txt"
