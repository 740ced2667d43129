#!/usr/bin/env bash
# Compile-time cost of the plugin at -O2 on two real inputs: the SQLite
# amalgamation (sqlite3.c, 250k lines) and lmdb's mdb.c. clang with the
# plugin in each mode of MODES (default "go precise go+rt": -mllvm
# -escape-mode=MODE, MODE+rt adds -escape-runtime; one column each) against
# clang without it, measured in the same run, interleaved, median of RUNS
# rounds for SQLite (5) and LMDB_RUNS for lmdb (4 x RUNS: a compile of
# mdb.c takes 1.5 s against SQLite's 20, and single compiles here swing by
# 20%, so the cheap input buys its precision with rounds); user+sys CPU
# seconds, which the other core's load disturbs less than wall time; each
# ratio is the median of the rounds' ratios. Then the
# instructions of one compile of each under callgrind (repeatable whatever
# the machine does), COUNT_JOBS (2) at a time, of the inputs in COUNT_INPUTS
# and the modes in COUNT_MODES (default: all; SQLite takes several minutes a
# compile). COUNT=0 skips the counts, TIMING=0 the timed runs. Targets: go
# (with or without -escape-runtime) at most 1.02x, precise at most 1.03x.
# PIN: the processor every timed compile is bound to (default the last one;
# "" = none): on a shared VM the processors can differ in speed by half, and
# a compile that moves between them measures the move.
#   bench/compile/run.sh [LLVM-MAJOR] [sqlite] [lmdb]     (default: both)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=scripts/corpus/lib.sh
source "$root/scripts/corpus/lib.sh"
shift || true
inputs=${*:-sqlite lmdb}
runs=${RUNS:-5}
pin=${PIN-$(($(nproc) - 1))}
work=$cache/compile-bench-$major
mkdir -p "$work"
# CPU and wall time of a run to the microsecond, and its peak RSS (bench/measure.c)
cc -O2 -o "$work/measure" "$root/bench/measure.c" || { echo "compile bench: bench/measure.c does not build"; exit 2; }

# Each input: name, source file, extra flags.
declare -A src flags label rounds
for inp in $inputs; do
  case $inp in
  sqlite)
    fetch_sqlite "$work" || { echo "compile bench: no SQLite (download or checksum failed)"; exit 1; }
    src[$inp]=$work/sqlite3.c flags[$inp]="" label[$inp]="sqlite3.c" rounds[$inp]=$runs
    ;;
  lmdb)
    tgz=$(npm_fetch lmdb@3.5.6) || { echo "compile bench: download of lmdb failed"; exit 1; }
    mkdir -p "$work/lmdb"
    tar xzf "$tgz" -C "$work/lmdb" --strip-components=5 package/dependencies/lmdb/libraries/liblmdb
    src[$inp]=$work/lmdb/mdb.c flags[$inp]="-pthread" label[$inp]="lmdb mdb.c"
    rounds[$inp]=${LMDB_RUNS:-$((4 * runs))}
    ;;
  *) echo "compile bench: unknown input $inp (sqlite, lmdb)"; exit 2 ;;
  esac
done

cpu_seconds() { # command... -> user+sys seconds
  local bind=()
  [ -n "$pin" ] && bind=(taskset -c "$pin")
  "$work/measure" -o "$work/time" "${bind[@]}" "$@" >/dev/null 2>&1 || return 1
  awk '{ printf "%.4f\n", $1 + $2 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

modes=${MODES:-go precise go+rt}
target() { case $1 in go | go+rt) echo 1.020 ;; *) echo 1.030 ;; esac; }
builds="base $modes"
build_flags() { # base | MODE | MODE+rt -> the flags besides the input's
  case $1 in
  base) ;;
  *+rt) echo "$plugin -mllvm -escape-mode=${1%+rt} -mllvm -escape-runtime" ;;
  *) echo "$plugin -mllvm -escape-mode=$1" ;;
  esac
}
# One table: a row per input, a column per build, then each mode's ratio to
# the base build; the targets under it.
table() { # title, format of a value, file suffix, inputs, modes
  local modes=$5
  printf '%s\n' "$1"
  printf '  %-12s %16s' input "clang-$major"
  for m in $modes; do printf ' %16s' "$m"; done
  for m in $modes; do printf ' %10s' "$m/clang"; done
  echo
  for inp in $4; do
    printf '  %-12s' "${label[$inp]}"
    b=$(median <"$work/$inp.base.$3")
    printf " %16$2" "$b"
    for m in $modes; do printf " %16$2" "$(median <"$work/$inp.$m.$3")"; done
    # The median of the rounds' ratios: a round's compiles run one after the
    # other, so a machine that changes speed between rounds moves both sides
    # of a round's ratio (one compile under callgrind: the plain ratio).
    for m in $modes; do
      paste "$work/$inp.$m.$3" "$work/$inp.base.$3" | awk '{ print $1 / $2 }' | median |
        awk '{ printf " %9.3fx", $1 }'
    done
    echo
  done
  printf '  (target:'
  for m in $modes; do printf ' %s <= %sx' "$m" "$(target "$m")"; done
  echo ')'
}

if [ "${TIMING:-1}" != 0 ]; then
  for inp in $inputs; do for b in $builds; do : >"$work/$inp.$b.cpu"; done; done
  read -ra order <<<"$builds"
  most=0
  for inp in $inputs; do ((rounds[$inp] > most)) && most=${rounds[$inp]}; done
  for ((i = 0; i < most; i++)); do
    for inp in $inputs; do
      ((i < rounds[$inp])) || continue
      # Each round starts with the next build: a build that always ran
      # first (or right after another) would carry what that position costs.
      for ((j = 0; j < ${#order[@]}; j++)); do
        b=${order[(i + j) % ${#order[@]}]}
        # shellcheck disable=SC2046,SC2086 # word lists
        cpu_seconds "$clang" -O2 -w ${flags[$inp]} $(build_flags "$b") -c "${src[$inp]}" -o "$work/$b.o" >>"$work/$inp.$b.cpu"
      done
    done
  done
  counts=$(for inp in $inputs; do printf '%s %s, ' "${label[$inp]}" "${rounds[$inp]}"; done)
  table "compile: -O2, LLVM $major, medians of interleaved runs (${counts%, })${pin:+ on processor $pin} (CPU s)" .2f cpu "$inputs" "$modes"
fi

[ "${COUNT:-1}" = 0 ] && exit 0
# clang runs cc1 in its own process: count the whole tree of processes.
# The counts do not depend on the machine's load, so COUNT_JOBS (2) compiles
# run under callgrind side by side.
instructions() { # name command... -> instructions executed
  local cg=$work/cg-$1
  shift
  rm -rf "$cg" && mkdir -p "$cg"
  valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$cg/out.%p" \
    "$@" >/dev/null 2>&1 || return 1
  cat "$cg"/out.* | awk '/^summary:/ { s += $2 } END { printf "%.0f\n", s }'
}
counted=""
for inp in ${COUNT_INPUTS:-$inputs}; do
  if [[ " $inputs " == *" $inp "* ]]; then counted="$counted $inp"; else echo "compile bench: COUNT_INPUTS: $inp is not an input here"; fi
done
count_modes=${COUNT_MODES:-$modes}
count_builds="base $count_modes"
for inp in $counted; do
  for b in $count_builds; do
    while [ "$(jobs -rp | wc -l)" -ge "${COUNT_JOBS:-2}" ]; do wait -n; done
    # shellcheck disable=SC2046,SC2086 # word lists
    instructions "$inp-$b" "$clang" -O2 -w ${flags[$inp]} $(build_flags "$b") -c "${src[$inp]}" \
      -o "$work/cg-$inp-$b.o" >"$work/$inp.$b.instr" &
  done
done
wait
table "instructions (callgrind, one compile each)" .0f instr "$counted" "$count_modes"
