#!/usr/bin/env bash
# libescrt against glibc, jemalloc, tcmalloc (gperftools) and mimalloc, all
# measured in this run (each preloaded into the same programs):
#   micro   alloc-bench.c patterns, ns per operation (medians of MICRO_ROUNDS
#           interleaved runs, 3, each the best of 5 passes): pairs,
#           batches, ring, realloc growth, calloc, larson, cross-thread frees
#   classes one live object in each of K size classes, K = 1, 2, 4, 8, 32
#           (medians of interleaved runs)
#   sweep   malloc+free cycling through K size classes, K = 1..64
#   instr   instructions per operation on hot paths (callgrind; loop included):
#           malloc(64)+free, calloc(1, 64)+free, 4 live classes, an add-16
#           realloc; for escrt also through its compiler entry points
#   footprint peak RSS (KB) of programs holding 2, 8 (small) and 256 MB (large),
#           medians of interleaved runs
#   rss     burst of ~800 MB then light traffic: RSS after 1, 5, 10 s
#   idle    the same burst, then no allocator call at all: RSS after 1, 5, 10 s
#   macro   clang-N -O2 compiling the SQLite amalgamation: time and peak RSS
#           (median of 3 runs, the allocators taking turns)
# Every row names the best peer and gives escrt / best peer (< 1 means escrt
# is ahead); footprint rows of small programs compare with glibc instead.
# ESCRT_BENCH_BEFORE=<libescrt.so> adds a column "before" (an earlier build,
# measured in the same run, not a peer). Never fails on timing; a missing
# peer library is reported and skipped.
#   bench/runtime/run.sh <llvm-major> [micro classes sweep instr footprint rss idle macro]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-19}
shift || true
parts=${*:-micro classes sweep instr footprint rss idle macro}
tree=${ESCRT_BENCH_TREE:-$root/build/llvm-$n}
out=$root/bench/out/runtime
mkdir -p "$out"
clang=/usr/lib/llvm-$n/bin/clang
libdir=/usr/lib/x86_64-linux-gnu

[ -f "$tree/lib/libescrt.so" ] || { echo "bench/runtime: $tree/lib/libescrt.so not built"; exit 1; }
"$clang" -O2 -fno-builtin -pthread "$here/alloc-bench.c" -o "$out/alloc-bench" || exit 1
bench=$out/alloc-bench

names=() libs=()
add() { # name library ("" = no preload)
  if [ -n "$2" ] && [ ! -f "$2" ]; then
    echo "bench/runtime: $1 not installed ($2); scripts/setup-debian.sh bench installs it"
    return
  fi
  names+=("$1"); libs+=("$2")
}
add glibc ""
add jemalloc "$libdir/libjemalloc.so.2"
add tcmalloc "$libdir/libtcmalloc_minimal.so.4"
add mimalloc "$libdir/libmimalloc.so.2"
npeers=${#names[@]}
[ -n "${ESCRT_BENCH_BEFORE:-}" ] && add before "$ESCRT_BENCH_BEFORE"
add escrt "$tree/lib/libescrt.so"
last=$((${#names[@]} - 1))

run() { # index ("none": no preload) command...
  local lib=""
  [ "$1" = none ] || lib=${libs[$1]}
  shift
  if [ -n "$lib" ]; then LD_PRELOAD=$lib "$@"; else "$@"; fi
}

header() {
  printf '%-14s' "$1"
  for nm in "${names[@]}"; do printf '%10s' "$nm"; done
  printf '%10s%12s\n' best "escrt/best"
}

# Prints one row: label, then values (smaller is better), the best peer's
# name and the ratio of the last value (escrt) to it. Only the peers count
# (not "before"); PEERS=glibc compares with glibc alone.
row() {
  local label=$1; shift
  printf '%-14s' "$label"
  for v in "$@"; do printf '%10s' "$v"; done
  echo "${names[*]}" "|" "$@" | awk -v np="$npeers" -v only="${PEERS:-}" '
    { for (i = 1; $i != "|"; i++) nm[i] = $i; o = i
      best = ""; bn = "-"
      for (i = 1; i <= np; i++) { v = $(o + i)
        if (v != "-" && (only == "" || nm[i] == only) && (best == "" || v + 0 < best)) { best = v + 0; bn = nm[i] } }
      if (best > 0 && $NF != "-") printf "%10s%12.2f\n", bn, $NF / best; else printf "%10s%12s\n", bn, "-" }'
}

# One row of alloc-bench runs under every allocator: label, then its args.
bench_row() {
  local label=$1 vals=() i v; shift
  for i in "${!names[@]}"; do
    v=$(run "$i" "$bench" "$@" | awk '{ print $2 }')
    vals+=("${v:--}")
  done
  row "$label" "${vals[@]}"
}

# One row of medians of $2 interleaved rounds (every allocator once per
# round): label, rounds, then alloc-bench's args. For figures that depend
# on where a process's memory lands, which one process cannot sample.
median_row() {
  local label=$1 rounds=$2 i r; shift 2
  local -a runs=()
  for ((r = 0; r < rounds; r++)); do
    for i in "${!names[@]}"; do
      runs[i]+=" $(run "$i" "$bench" "$@" | awk '{ print $2 }')"
    done
  done
  local vals=()
  for i in "${!names[@]}"; do
    vals+=("$(echo "${runs[i]}" | tr ' ' '\n' | sort -n | awk 'NF { v[n++] = $1 }
      END { print n ? v[int((n - 1) / 2)] : "-" }')")
  done
  row "$label" "${vals[@]}"
}

# Medians of MICRO_ROUNDS (3) processes, interleaved: this VM switches
# between two speeds some 40% apart, and one process per allocator (its best
# of 5 passes) read realloc2x anywhere from 1.04 to 1.24 of glibc on the
# same code.
micro() {
  local rounds=${MICRO_ROUNDS:-3}
  echo "## micro: ns per operation (median of $rounds runs, interleaved, each the best of 5 passes)"
  header pattern
  for p in pair pair64 batch ring realloc16 realloc2x calloc callocfresh larson prodcons falseshare; do
    median_row "$p" "$rounds" "$p"
  done
}

# A program's figure here depends on where its stacks and objects land
# (K = 2 moved from 0.97 to 1.6 of the best peer between single runs of the
# same code), so each row is the median of 5 processes.
classes() {
  echo "## classes: ns per malloc+free, one live object in each of K size classes"
  echo "## (median of 5 runs, interleaved, each the best of 5 passes)"
  header K
  for k in 1 2 4 8 32; do
    median_row "K=$k" 5 classes "$k"
  done
}

sweep() {
  echo "## sweep: ns per malloc+free cycling through K size classes"
  header K
  for k in 1 2 4 8 12 16 24 32 48 64; do
    bench_row "K=$k" sweep "$k"
  done
}

# Instructions per pair: the difference of two runs of N and 2N pairs, so
# start-up and exit cancel out.
pair_instructions() { # index command...
  local i=$1 t=() cnt; shift
  for cnt in 200000 400000; do
    run "$i" valgrind --tool=callgrind --callgrind-out-file="$out/cg.$i.$cnt" \
      "$@" "$cnt" >/dev/null 2>&1
    t+=("$(awk '/^totals:/ { print $2 }' "$out/cg.$i.$cnt")")
  done
  echo "$(( (t[1] - t[0]) / 200000 ))"
}

instr() {
  command -v valgrind >/dev/null || { echo "## instr: valgrind not installed"; return; }
  echo "## instr: instructions per operation on hot paths (callgrind; loop and calls included)"
  header op
  local mode label
  for mode in hot:malloc+free hotcalloc:calloc+free hotclasses:"4 classes" hotrealloc:"realloc +16"; do
    label=${mode#*:} vals=()
    for i in "${!names[@]}"; do
      vals+=("$(pair_instructions "$i" "$bench" "${mode%%:*}")")
    done
    row "$label" "${vals[@]}"
  done
  # escrt only (linked, not preloaded): a constant class from the compiler.
  "$clang" -O2 -I"$root/runtime/include" "$here/hot-class.c" -o "$out/hot-class" \
    -L"$tree/lib" -Wl,-rpath,"$tree/lib" -lescrt || return
  local dashes=()
  for ((i = 0; i < last; i++)); do dashes+=(-); done
  row "class calls" "${dashes[@]}" "$(pair_instructions none "$out/hot-class" class)"
  row "class inline" "${dashes[@]}" "$(pair_instructions none "$out/hot-class" inline)"
  # The compiler's path: plain C malloc(64)+free built with the plugin and
  # -escape-runtime (its lowering emits the inline paths), linked with
  # libescrt; "malloc+free" above is the plain path in the same run.
  local plugin="$tree/lib/EscapePlugin.so" fplugin=""
  [ "$n" -lt 22 ] && fplugin="-fplugin=$plugin"
  # shellcheck disable=SC2086
  "$clang" -O2 -fpass-plugin="$plugin" $fplugin -mllvm -escape-runtime \
    "$here/hot-lowered.c" "$tree/lib/libescrt.a" -pthread -o "$out/hot-lowered" || return
  row "-escape-runtime" "${dashes[@]}" "$(pair_instructions none "$out/hot-lowered")"
}

# A small program's peak RSS moves by up to 6% from run to run with where
# the C library lands (the kernel maps its pages 64 KiB around each one
# touched): medians.
footprint() {
  echo "## footprint: peak RSS (KB) of a program holding MB of small objects"
  echo "## (median of 5 runs, interleaved; small programs: escrt / glibc;"
  echo "## large: escrt / best peer)"
  header MB
  local mb
  for mb in 2 8; do PEERS=glibc median_row "${mb} MB" 5 footprint "$mb"; done
  median_row "256 MB" 3 footprint 256
}

# The allocators' runs go side by side (resident memory, not time, is
# measured; each holds ~850 MB at its peak), then print in order.
resident() { # alloc-bench mode
  printf '%-10s%8s%8s%8s%8s%8s%10s\n' allocator peak freed 1s 5s 10s "10s/peak"
  for i in "${!names[@]}"; do run "$i" "$bench" "$1" >"$out/resident.$i" & done
  wait
  for i in "${!names[@]}"; do
    awk -v nm="${names[$i]}" '
      /^rss peak/ { peak = $3 } /^rss freed/ { fr = $3 }
      /^rss 1s/ { a = $3 } /^rss 5s/ { b = $3 } /^rss 10s/ { c = $3 }
      END { printf "%-10s%8d%8d%8d%8d%8d%9.0f%%\n", nm, peak, fr, a, b, c, peak ? 100 * c / peak : 0 }' "$out/resident.$i"
  done
}

rss() {
  echo "## rss: MB resident; burst of 3M objects (16..512 B) freed, then light traffic, no call"
  resident rss
}

idle() {
  echo "## idle: MB resident; the same burst freed, then no allocator call at all"
  resident idle
}

macro() {
  local dir=$out/sqlite src=$out/sqlite/package/deps/sqlite3/sqlite3.c
  local sum=60d2f39a3726cd6b9021da6f4e868608d66fbb6528a9f513dc8ffcc640493422
  if [ ! -f "$src" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack better-sqlite3@12.11.1 >/dev/null 2>&1 &&
      tar xzf better-sqlite3-12.11.1.tgz package/deps/sqlite3/sqlite3.c) ||
      { echo "## macro: could not fetch the SQLite amalgamation (npm pack better-sqlite3@12.11.1)"; return; }
  fi
  if [ "$(sha256sum "$src" | cut -d' ' -f1)" != "$sum" ]; then
    echo "## macro: sqlite3.c checksum mismatch; skipped"; return
  fi
  echo "## macro: clang-$n -O2 -c sqlite3.c (median of 3 runs each)"
  header ""
  local runs=3 mid=2 r i k
  for i in "${!names[@]}"; do rm -f "$out/macro.$i"; done
  for ((k = 0; k < runs; k++)); do
    for i in "${!names[@]}"; do
      r=$(run "$i" /usr/bin/time -f "%e %M" "$clang" -O2 -c "$src" -o "$out/sqlite3.o" 2>&1 | tail -1)
      echo "$r" >> "$out/macro.$i"
    done
  done
  secs=() mem=()
  for i in "${!names[@]}"; do
    secs+=("$(sort -n "$out/macro.$i" | awk '{ print $1 }' | sed -n ${mid}p)")
    mem+=("$(( $(sort -k2 -n "$out/macro.$i" | awk '{ print $2 }' | sed -n ${mid}p) / 1024 ))")
    rm -f "$out/macro.$i"
  done
  row "seconds" "${secs[@]}"
  row "peak RSS MB" "${mem[@]}"
}

echo "libescrt benchmarks ($(nproc) cores; LLVM $n tree: $tree)"
for part in $parts; do
  "$part"
  echo
done
