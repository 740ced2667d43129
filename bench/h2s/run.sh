#!/usr/bin/env bash
# Heap-to-stack conversions, Escape's two modes next to LLVM's Attributor,
# measured in one run on the same code: the execution suite (test/Exec/*.c),
# lmdb (mdb.c, midl.c, with mtest..mtest5), Lua 5.4, SQLite (the amalgamation
# and sqlite-driver.c running sqlite-workload.sql) and escgen's random programs
# (seeds 1..GEN_SEEDS, default 300, GEN_PER (20) to a program).
#   bench/h2s/run.sh [LLVM-MAJOR]       (default 19; tables also in bench/out/)
# H2S_CORPORA="exec gen" measures only those (exec gen lmdb lua sqlite);
# JOBS (2) programs are built at a time.
# Builds of every program (all at -O2 but ref):
#   go, precise   the plugin in that mode (-mllvm -escape-mode=...), file by file
#   go-lto, precise-lto  every file compiled with -flto, lld runs the plugin at
#                 the link on the whole program (ESCAPE_OPTIONS=mode=...)
#   attr-128      the -O2 IR of each file through opt -passes='inferattrs,attributor'
#                 (the Attributor's default heap-to-stack limit), then -O2
#   attr-1024     the same with -max-heap-to-stack-size=1024 (Escape's limit)
#   ref           clang -O0, no heap-to-stack: the reference output
# Tables:
#   sites         malloc/calloc/aligned_alloc calls left in the -O2 IR
#   moved         the plugin's MovedToStack + StartsOnStack remarks; the
#                 Attributor's allocas (`.h2s = alloca`)
#   correctness   programs whose output and exit codes equal ref's (ok), differ
#                 (wrong), or that died of a signal or timed out (crash)
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/../../scripts/corpus/lib.sh"
self=$root/bench/h2s/run.sh
work=$root/build/bench-h2s-$major
opt=/usr/lib/llvm-$major/bin/opt
builds="go precise go-lto precise-lto a128 a1024"
plugin_builds="go precise go-lto precise-lto"
corpora=${H2S_CORPORA:-exec gen lmdb lua sqlite}
export GEN_SEEDS=${GEN_SEEDS:-300} GEN_PER=${GEN_PER:-20}

h2s_count() { cat "$@" 2>/dev/null | grep -c '\.h2s = alloca'; }
site_count() { cat "$@" 2>/dev/null | grep -cE '(call|invoke) .*@(malloc|calloc|aligned_alloc)\('; }
# count_remarks moved|starts FILE... -> the plugin's MovedToStack or
# StartsOnStack remarks in clang's -Rpass=escape output or a YAML record file
# (an LTO link's --opt-remarks-filename).
count_remarks() {
  local re='remark: .*moved to stack|^Name: +MovedToStack$'
  [ "$1" = starts ] && re='remark: .*starts on stack|^Name: +StartsOnStack$'
  shift
  cat "$@" 2>/dev/null | grep -cE "$re"
}

# compile BUILD DIR "CFLAGS" SRC... -> DIR/BUILD/<src>.o (and the remarks, IR)
# BUILD: ref, go, precise, lto (bitcode for both -lto builds), ir, a128, a1024
compile() {
  local b=$1 d=$2 cf=$3 s o
  shift 3
  mkdir -p "$d/$b"
  for s in "$@"; do
    o=$d/$b/$(basename "$s" .c)
    # shellcheck disable=SC2086
    case $b in
    ref) "$clang" -w -O0 $cf -c "$s" -o "$o.o" ;;
    go | precise)
      "$clang" -w -O2 $cf $plugin -mllvm -escape-mode="$b" -Rpass=escape -c "$s" -o "$o.o" 2>"$o.remarks" ;;
    lto) "$clang" -w -O2 -flto $cf -c "$s" -o "$o.o" ;;
    ir) "$clang" -w -O2 $cf -S -emit-llvm -fno-discard-value-names "$s" -o "$o.ll" ;;
    a128 | a1024)
      timeout "${ATTR_TIMEOUT:-900}" "$opt" -S -passes='inferattrs,attributor' -max-heap-to-stack-size="${b#a}" \
        "$d/ir/$(basename "$s" .c).ll" -o "$o.ll" &&
        "$clang" -w -O2 $cf -c "$o.ll" -o "$o.o" ;;
    esac || { echo "  $b: compile of $(basename "$s") failed" >>"$d/notes"; return 1; }
  done
}

# link BUILD DIR OUT "FLAGS" "LIBS" [MAIN.c...]: DIR/BUILD's objects (lto's for
# the -lto builds, whose link writes the plugin's remarks to OUT.yaml) and the
# MAIN sources, compiled as that build compiles, into OUT.
link() {
  local b=$1 d=$2 out=$3 cf=$4 libs=$5 od=$2/$1 lf=-O2
  shift 5
  mkdir -p "$(dirname "$out")"
  case $b in
  ref) lf=-O0 ;;
  go | precise) lf="-O2 $plugin -mllvm -escape-mode=$b" ;;
  *-lto)
    od=$d/lto
    lf="-O2 -flto -fuse-ld=lld -Wl,--load-pass-plugin=$plugin_so -Wl,--opt-remarks-filename,$out.yaml"
    lf="$lf -Wl,--opt-remarks-passes,escape" ;;
  esac
  # shellcheck disable=SC2086
  ESCAPE_OPTIONS="mode=${b%-lto}" "$clang" -w $cf $lf "$@" "$od"/*.o $libs -o "$out" ||
    { echo "  $b: link of $(basename "$out") failed" >>"$d/notes"; return 1; }
}

# every_build DIR "CFLAGS" SRC...: compiles the sources every way.
every_build() {
  local d=$1 cf=$2 b
  shift 2
  for b in ref go precise lto ir a128 a1024; do compile "$b" "$d" "$cf" "$@"; done
}

# tally DIR: the counts of one program into DIR/result ("key value" lines);
# the sites in DIR/ir, the remarks of go and precise in DIR/<build>, those of
# the -lto builds in DIR/<build>/*.yaml, the Attributor's in DIR/a*/*.ll.
tally() {
  local d=$1 b
  {
    echo "programs 1"
    echo "sites $(site_count "$d"/ir/*.ll)"
    for b in go precise; do
      echo "$b.moved $(count_remarks moved "$d/$b"/*.remarks)"
      echo "$b.starts $(count_remarks starts "$d/$b"/*.remarks)"
    done
    for b in go-lto precise-lto; do
      echo "$b.moved $(count_remarks moved "$d/$b"/*.yaml)"
      echo "$b.starts $(count_remarks starts "$d/$b"/*.yaml)"
    done
    for b in a128 a1024; do echo "$b.moved $(h2s_count "$d/$b"/*.ll)"; done
  } >"$d/result"
}

# judge DIR: each build's output against ref's, into DIR/result.
judge() {
  local d=$1 b r
  for b in $builds; do
    if cmp -s "$d/ref.out" "$d/$b.out"; then r=ok
    elif grep -qE '^exit (12[4-9]|1[3-9][0-9]|2[0-9][0-9])$' "$d/$b.out"; then r=crash
    else r=wrong; fi
    echo "$b.$r 1" >>"$d/result"
    [ $r = ok ] || echo "  $b on $(basename "$d"): $r (see $d)" >>"$d/notes"
  done
}

# run_each DIR STACK PROGRAM ARGS...: runs DIR/<build>/PROGRAM for ref and
# every build, with a stack of STACK KiB, output and exit code to DIR/<build>.out.
run_each() {
  local d=$1 stack=$2 prog=$3 b
  shift 3
  for b in ref $builds; do
    (ulimit -s "$stack"; timeout "${RUN_TIMEOUT:-120}" "$d/$b/$prog" "$@"; echo "exit $?") \
      >>"$d/$b.out" 2>/dev/null </dev/null
  done
}

# ---- one program of a corpus (run by xargs: $self MAJOR --unit CORPUS ARG) ----
unit_exec() { # test/Exec/NAME.c
  local p=$1 d stack="" args="" cflags="" b
  d=$work/exec/$(basename "$p" .c)
  mkdir -p "$d"
  eval "set -- $(sed -n 's/.*%exec_variants \(.*\)%s %t$/\1/p' "$p" | head -1)"
  while [ $# -gt 0 ]; do
    case $1 in --stack) stack=$2 ;; --args) args=$2 ;; --cflags) cflags=$2 ;; esac
    shift 2
  done
  # A test that links a second file of its own (%t.lib.o) is not one program.
  [[ "$cflags" == *%t* ]] && { rm -rf "$d"; return 0; }
  every_build "$d" "-std=gnu11 $cflags" "$p"
  for b in ref $builds; do link "$b" "$d" "$d/$b/prog" "-std=gnu11 $cflags" ""; done
  tally "$d"
  # shellcheck disable=SC2086
  run_each "$d" "${stack:-8192}" prog $args
  judge "$d"
}

unit_gen() { # FIRST seed of GEN_PER
  local s=$1 n=$GEN_PER d=$work/gen/$1 b
  [ $((s + n - 1)) -gt "$GEN_SEEDS" ] && n=$((GEN_SEEDS - s + 1))
  mkdir -p "$d"
  "$work/escgen" "$s" "$n" >"$d/p$s.c"
  every_build "$d" -std=gnu11 "$d/p$s.c"
  for b in ref $builds; do link "$b" "$d" "$d/$b/prog" -std=gnu11 ""; done
  tally "$d"
  run_each "$d" 8192 prog
  judge "$d"
  # The seeds whose checksum line differs from ref's.
  for b in $builds; do
    diff "$d/ref.out" "$d/$b.out" | sed -n "s/^< seed \([0-9]*\):.*/  $b differs on escgen seed \1/p" >>"$d/notes"
  done
}

unit_lmdb() {
  local d=$work/lmdb/lmdb src=$work/lmdb/src tgz b t
  tgz=$(npm_fetch lmdb@3.5.6) || { echo "  lmdb: download failed" >>"$work/notes"; return 1; }
  mkdir -p "$d" "$src"
  tar xzf "$tgz" -C "$src" --strip-components=5 package/dependencies/lmdb/libraries/liblmdb
  # The tests seed rand() with the time; pin it so that runs compare.
  printf '#include <time.h>\n#define time(p) ((time_t)20240101)\n' >"$src/fixed-time.h"
  every_build "$d" -pthread "$src/mdb.c" "$src/midl.c"
  for b in ref $builds; do
    for t in mtest mtest2 mtest3 mtest4 mtest5; do
      link "$b" "$d" "$d/$b/$t" "-pthread -include $src/fixed-time.h" "" "$src/$t.c"
    done
    # Under LTO the remarks of one link (mtest) count, as the library's.
    rm -f "$d/$b"/mtest[2-5].yaml
  done
  tally "$d"
  for b in ref $builds; do
    (cd "$d/$b" && for t in mtest mtest2 mtest3 mtest4 mtest5; do
       rm -rf testdb && mkdir testdb && timeout "${RUN_TIMEOUT:-120}" ./$t; echo "exit $?"; done) 2>&1 |
      sed 's/0x[0-9a-f]*/0xADDR/g' >"$d/$b.out"
  done
  judge "$d"
}

unit_lua() {
  local d=$work/lua/lua src=$work/lua/src b s
  # The source tarball comes from scripts/corpus/lua.sh (apt-get source, a
  # private apt configuration), which also runs its own differential check.
  ls "$cache"/lua-src/lua5.4_*.orig.tar.gz >/dev/null 2>&1 || "$root/scripts/corpus/lua.sh" "$major" >/dev/null
  ls "$cache"/lua-src/lua5.4_*.orig.tar.gz >/dev/null 2>&1 || { echo "  lua: no source" >>"$work/notes"; return 1; }
  mkdir -p "$d" "$src"
  tar xzf "$cache"/lua-src/lua5.4_*.orig.tar.gz -C "$src" --strip-components=1
  # shellcheck disable=SC2046
  every_build "$d" "-std=gnu99 -DLUA_USE_LINUX" $(find "$src/src" -name '*.c' ! -name luac.c | sort)
  for b in ref $builds; do link "$b" "$d" "$d/$b/lua" "" "-lm -ldl"; done
  tally "$d"
  for s in "$root"/scripts/corpus/lua/*.lua; do run_each "$d" 8192 lua "$s"; done
  judge "$d"
}

unit_sqlite() {
  local d=$work/sqlite/sqlite src=$work/sqlite/src b tgz
  mkdir -p "$d" "$src"
  if ! tgz=$(npm_fetch better-sqlite3@12.11.1) || ! fetch_sqlite "$src" ||
    ! tar xzf "$tgz" -C "$src" --strip-components=3 package/deps/sqlite3/sqlite3.h; then
    echo "  sqlite: download failed" >>"$work/notes"
    return 1
  fi
  every_build "$d" "-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DEFAULT_MEMSTATUS=0 -I$src" \
    "$src/sqlite3.c" "$root/scripts/corpus/sqlite-driver.c"
  for b in ref $builds; do link "$b" "$d" "$d/$b/sqlite" "" -lm; done
  tally "$d"
  run_each "$d" 8192 sqlite "$root/scripts/corpus/sqlite-workload.sql"
  judge "$d"
}

if [ "${2:-}" = --unit ]; then
  "unit_$3" "${4:-}"
  exit 0
fi

rm -rf "$work" && mkdir -p "$work" "$root/bench/out"
"$clang" -std=c11 -O2 -w "$root/test/Fuzz/Inputs/escgen.c" -o "$work/escgen" || exit 1
# The long ones first: SQLite's builds take minutes.
for c in sqlite lua lmdb gen exec; do
  [[ " $corpora " == *" $c "* ]] || continue
  case $c in
  exec) grep -l '%exec_variants' "$root"/test/Exec/*.c | sed 's/^/exec /' ;;
  gen) seq 1 "$GEN_PER" "$GEN_SEEDS" | sed 's/^/gen /' ;;
  *) echo "$c x" ;;
  esac
done | xargs -P "${JOBS:-2}" -L 1 "$self" "$major" --unit

# ---- the tables: sums over each corpus's programs ----
declare -A tot
for c in $corpora; do
  while read -r k v; do tot[$c.$k]=$((${tot[$c.$k]:-0} + v)); done < <(cat "$work/$c"/*/result 2>/dev/null)
done
label() {
  case $1 in
  exec) echo "test/Exec (${tot[exec.programs]:-0} programs)" ;;
  gen) echo "escgen 1-$GEN_SEEDS (${tot[gen.programs]:-0} programs)" ;;
  lmdb) echo "lmdb (mtest1-5)" ;;
  lua) echo "Lua 5.4 (2 scripts)" ;;
  sqlite) echo "SQLite 3.53.2 workload" ;;
  esac
}
row() { printf '%-30s' "$1"; shift; printf ' %12s' "$@"; echo; }
# shellcheck disable=SC2046 # the columns are word lists of numbers
{
  printf 'h2s: heap-to-stack conversions at -O2, LLVM %s, %s, measured in one run\n' "$major" "$(date -u +%F)"
  echo "## sites moved (plugin: moved to stack + starts on stack remarks; Attributor: allocas)"
  row corpus sites go precise go-lto precise-lto attr-128 attr-1024
  for c in $corpora; do
    row "$(label "$c")" "${tot[$c.sites]:-0}" \
      $(for b in $plugin_builds; do echo $((${tot[$c.$b.moved]:-0} + ${tot[$c.$b.starts]:-0})); done) \
      "${tot[$c.a128.moved]:-0}" "${tot[$c.a1024.moved]:-0}"
  done
  echo
  echo "## of which starts on stack (growable buffers)"
  row corpus go precise go-lto precise-lto
  for c in $corpora; do
    row "$(label "$c")" $(for b in $plugin_builds; do echo "${tot[$c.$b.starts]:-0}"; done)
  done
  echo
  echo "## correctness against clang -O0: programs ok/wrong/crash"
  row corpus go precise go-lto precise-lto attr-128 attr-1024
  for c in $corpora; do
    row "$(label "$c")" $(for b in $builds; do echo "${tot[$c.$b.ok]:-0}/${tot[$c.$b.wrong]:-0}/${tot[$c.$b.crash]:-0}"; done)
  done
  notes=$(cat "$work/notes" "$work"/*/*/notes 2>/dev/null)
  [ -n "$notes" ] && { echo; echo "failures and differences:"; echo "$notes"; }
} | tee "$root/bench/out/h2s-$major.txt"
