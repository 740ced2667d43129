#!/usr/bin/env bash
# Differential runs of escgen programs: seeds FIRST..FIRST+COUNT-1, PER seeds
# to a program, JOBS programs at a time. Each program is built these ways:
#   ref       clang -O2                    (the reference output)
#   esc       clang -O2 + plugin
#   esc-asan  clang -O1 + plugin + ASan with use-after-return=always
#   asan      clang -O1 + ASan, only with FUZZ_SELF_CHECK=1 (the generator's
#             programs are clean)
# and every output must equal ref, with no sanitizer report. For every seed
# that differs, its one-seed program is written to KEEP/seed-N.c.
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
[ -n "${ESC_LIBESCRT:-}" ] && [ -z "${ESC_PLUGIN_FLAGS:-}" ] && runtime=esc-rt
export gen work keep plugin asan runtime ESC_CLANG ESC_LIBESCRT

batch() { # first seed of the batch, number of seeds
  local s=$1 n=$2 d="$work/b$1" bad=0
  mkdir -p "$d"
  "$gen" "$s" "$n" >"$d/p.c" || { echo "fuzz: escgen $s $n failed"; return 1; }
  local v flags libs
  for v in ref esc esc-asan ${FUZZ_SELF_CHECK:+asan} $runtime; do
    case $v in
      ref) flags="-O2" ;;
      asan) flags="-O1 $asan" ;;
      esc) flags="-O2 $plugin" ;;
      esc-asan) flags="-O1 $plugin $asan" ;;
      esc-rt) flags="-O2 $plugin -mllvm -escape-runtime" ;;
    esac
    libs=""
    [ "$v" = esc-rt ] && libs="$ESC_LIBESCRT -pthread" # after the program
    # shellcheck disable=SC2086
    if ! "$ESC_CLANG" -std=gnu11 -w $flags "$d/p.c" $libs -o "$d/$v" 2>"$d/$v.cc.log"; then
      echo "fuzz: seeds $s..$((s + n - 1)): build '$v' failed"; head -5 "$d/$v.cc.log"
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
