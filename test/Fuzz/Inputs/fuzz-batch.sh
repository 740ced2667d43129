#!/usr/bin/env bash
# Differential runs of escgen programs: seeds FIRST..FIRST+COUNT-1, PER seeds
# to a program, JOBS programs at a time. Each program is built these ways:
#   ref       clang -O2                    (the reference output)
#   esc       clang -O2 + plugin
#   esc-asan  clang -O1 + plugin + ASan with use-after-return=always
#   asan      clang -O1 + ASan, only with FUZZ_SELF_CHECK=1 (the generator's
#             programs are clean)
# and every output must equal ref, with no sanitizer report. For every seed
# that differs, its one-seed program is written to KEEP/seed-N.c (for a build
# that fails, every seed of the batch whose program fails to compile alone).
# ESC_MODES (default "go") lists the plugin's modes: the plugin builds (esc,
# esc-asan, esc-rt) run once per mode, those of a mode other than go with
# -mllvm -escape-mode=MODE and the mode in their names (esc-precise,
# esc-precise-asan, esc-precise-rt); go's builds keep the plain names.
# "guarded" is go mode with max-version-size=0: every function keeps one
# body with guarded slots (docs/design.md, "Two bodies").
# Usage: fuzz-batch.sh ESCGEN WORKDIR FIRST COUNT PER [JOBS [KEEP]]
# Environment: ESC_CLANG, ESC_PLUGIN, ESC_MAJOR (as run-variants.sh),
# ESC_PLUGIN_FLAGS to replace the plugin flags, and ESC_LIBESCRT (libescrt.a)
# to add the esc-rt build: plugin + -escape-runtime + libescrt.
set -u
: "${ESC_CLANG:?}" "${ESC_PLUGIN:?}" "${ESC_MAJOR:?}"
[ $# -ge 5 ] || { echo "usage: fuzz-batch.sh ESCGEN WORKDIR FIRST COUNT PER [JOBS [KEEP]]" >&2; exit 2; }
gen=$1 work=$2 first=$3 count=$4 per=$5 jobs=${6:-2} keep=${7:-$2/keep}
mkdir -p "$work" "$keep"
plugin="-fpass-plugin=$ESC_PLUGIN"
[ "$ESC_MAJOR" -lt 22 ] && plugin="$plugin -fplugin=$ESC_PLUGIN"
plugin=${ESC_PLUGIN_FLAGS:-$plugin}
asan="-fsanitize=address -fsanitize-address-use-after-return=always"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:exitcode=86"
runtime=""
[ -n "${ESC_LIBESCRT:-}" ] && [ -z "${ESC_PLUGIN_FLAGS:-}" ] && runtime=1
# The builds, in order: ref, then per mode esc, esc-asan (and esc-rt).
variants="ref"
for mode in ${ESC_MODES:-go}; do
  case $mode in
    go) m="" ;;
    [a-z]*) m="-$mode" ;;
    *) echo "fuzz-batch.sh: bad mode '$mode' in ESC_MODES" >&2; exit 2 ;;
  esac
  variants="$variants esc$m esc$m-asan${runtime:+ esc$m-rt}"
done
export gen work keep plugin asan variants ESC_CLANG ESC_LIBESCRT

batch() { # first seed of the batch, number of seeds
  local s=$1 n=$2 d="$work/b$1" bad=0 bisected=0
  mkdir -p "$d"
  "$gen" "$s" "$n" >"$d/p.c" || { echo "fuzz: escgen $s $n failed"; return 1; }
  local v flags libs mode
  for v in $variants ${FUZZ_SELF_CHECK:+asan}; do
    # esc[-MODE][-asan|-rt]: the mode's flag (none for go), then the kind's.
    mode=""
    case $v in
      esc-*) mode=${v#esc-}; mode=${mode%-asan}; mode=${mode%-rt}
             case $mode in
               asan | rt) mode="" ;;
               guarded) mode="-mllvm -escape-max-version-size=0" ;; # go, one body each
               *) mode="-mllvm -escape-mode=$mode" ;;
             esac ;;
    esac
    case $v in
      ref) flags="-O2" ;;
      asan) flags="-O1 $asan" ;;
      *-asan) flags="-O1 $plugin $mode $asan" ;;
      *-rt) flags="-O2 $plugin $mode -mllvm -escape-runtime" ;;
      *) flags="-O2 $plugin $mode" ;;
    esac
    libs=""
    [ "${v%-rt}" != "$v" ] && libs="$ESC_LIBESCRT -pthread" # after the program
    # shellcheck disable=SC2086
    if ! "$ESC_CLANG" -std=gnu11 -w $flags "$d/p.c" $libs -o "$d/$v" 2>"$d/$v.cc.log"; then
      echo "fuzz: seeds $s..$((s + n - 1)): build '$v' failed"; head -5 "$d/$v.cc.log"
      # The first failed build of a batch: which seeds fail alone (compile only).
      if [ $bisected -eq 0 ]; then
        bisected=1
        local k
        for ((k = s; k < s + n; k++)); do
          "$gen" "$k" 1 >"$d/one.c"
          # shellcheck disable=SC2086
          "$ESC_CLANG" -std=gnu11 -w $flags -c "$d/one.c" -o /dev/null 2>/dev/null && continue
          echo "fuzz: DIFF seed $k (build '$v' fails alone; batch $s..$((s + n - 1)), $d)"
          cp "$d/one.c" "$keep/seed-$k.c"
        done
      fi
      bad=1; continue
    fi
    (ulimit -s 8192; timeout 60 "$d/$v") >"$d/$v.out" 2>"$d/$v.err"
    echo $? >>"$d/$v.out"
    if [ "$v" != ref ] && ! cmp -s "$d/ref.out" "$d/$v.out" || grep -q Sanitizer "$d/$v.err"; then
      bad=1
      # The first seed whose checksum line differs (or is missing).
      local seed
      seed=$(diff "$d/ref.out" "$d/$v.out" | sed -n 's/^< seed \([0-9]*\):.*/\1/p' | head -1)
      [ -n "$seed" ] || seed=$(sed -n 's/^seed \([0-9]*\):.*/\1/p' "$d/$v.out" | tail -1)
      [ -n "$seed" ] || seed=$s
      echo "fuzz: DIFF seed $seed ($v vs ref; batch $s..$((s + n - 1)), $d)"
      grep -m3 -E 'ERROR|SUMMARY' "$d/$v.err"
      "$gen" "$seed" 1 >"$keep/seed-$seed.c"
    fi
  done
  [ $bad -eq 0 ] && rm -rf "$d"
  return $bad
}
export -f batch

seq "$first" "$per" $((first + count - 1)) |
  xargs -P "$jobs" -I{} bash -c 'batch {} $(( '"$first + $count"' - {} < '"$per"' ? '"$first + $count"' - {} : '"$per"' ))' >"$work/log" 2>&1
status=$?
cat "$work/log"
ndiff=$(grep -c '^fuzz: ' "$work/log")
echo "fuzz: $count seeds from $first, $ndiff differences"
[ $status -eq 0 ] && [ "$ndiff" -eq 0 ]
