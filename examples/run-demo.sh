#!/usr/bin/env bash
# `make demo`: compile examples/demo.c with the plugin, run it, print its
# escape report (the remarks of pass `escape`), then what Escape changes at
# run time: the demo built without Escape, with the plugin, and with the
# plugin + -escape-runtime + libescrt; run time, heap allocations and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-19}
tree=build/llvm-$n
clang=$(llvm-config-$n --bindir)/clang
plugin=$tree/lib/EscapePlugin.so
escrt=$tree/lib/libescrt
out=$tree/demo
mkdir -p "$out"
fplugin=""
[ "$n" -ge 22 ] || fplugin="-fplugin=$plugin"   # clang 19-21 need it for -mllvm options

echo "== clang-$n -O2 -fpass-plugin=$plugin examples/demo.c"
"$clang" -O2 -g -fpass-plugin="$plugin" $fplugin \
  -fsave-optimization-record -foptimization-record-file="$out/demo.opt.yaml" \
  -foptimization-record-passes=escape \
  -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape \
  examples/demo.c -o "$out/demo" 2>"$out/remarks.txt"
echo "== the program runs:"
"$out/demo"
echo "== escape report:"
if [ -x "$tree/bin/escape-report" ]; then
  "$tree/bin/escape-report" --format text "$out/demo.opt.yaml"
else
  grep -E 'remark:' "$out/remarks.txt" | sed 's/ \[-Rpass[^]]*\]$//' | sort -u || echo '(no escape remarks)'
fi

# ---- run time: three builds of the same program ----
"$clang" -O2 examples/demo.c -o "$out/demo.plain"
"$clang" -O2 -fpass-plugin="$plugin" $fplugin examples/demo.c -o "$out/demo.plugin"
rt=1
"$clang" -O2 -fpass-plugin="$plugin" $fplugin -mllvm -escape-runtime examples/demo.c "$escrt.a" -pthread \
  -o "$out/demo.rt" 2>"$out/rt.log" || rt=0

# median of 3 runs, taking turns: user+sys seconds and peak RSS
runs=3 records=16000000
for v in plain plugin rt; do : >"$out/$v.times"; done
for ((i = 0; i < runs; i++)); do
  for v in plain plugin rt; do
    [ $v = rt ] && [ $rt = 0 ] && continue
    /usr/bin/time -f '%U %S %M' -o "$out/time" "$out/demo.$v" $records >/dev/null
    awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$out/time" >>"$out/$v.times"
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Heap allocations, counted by libescrt (ESCRT_STATS=1; preloaded into the
# glibc builds for this run only, linked into the third).
mallocs() {
  if [ "$1" = rt ]; then ESCRT_STATS=1 "$out/demo.rt" $records 2>&1 >/dev/null
  else ESCRT_STATS=1 LD_PRELOAD=$escrt.so "$out/demo.$1" $records 2>&1 >/dev/null; fi |
    awk '/^ *Mallocs/ { print $2 }'
}
echo "== what it changes at run time (the whole program, ${records} records; CPU time: median of $runs runs):"
printf '  %-42s %10s %9s %18s %10s\n' build "CPU time" speed-up "heap allocations" "peak RSS"
for v in plain plugin rt; do
  case $v in
  plain) label="clang -O2 (without Escape)" ;;
  plugin) label="+ EscapePlugin" ;;
  rt) label="+ EscapePlugin -escape-runtime, libescrt" ;;
  esac
  if [ $v = rt ] && [ $rt = 0 ]; then
    printf '  %-42s %10s %9s %18s %10s\n' "$label" - - - -
    continue
  fi
  secs=$(awk '{ print $1 }' "$out/$v.times" | median)
  rss=$(awk '{ print $2 }' "$out/$v.times" | median)
  [ $v = plain ] && base=$secs
  printf '  %-42s %8s s %8sx %18s %7.1f MB\n' "$label" "$secs" "$(awk -v b="$base" -v s="$secs" 'BEGIN { printf "%.2f", (s > 0 ? b / s : 0) }')" \
    "$(mallocs $v)" "$(echo "$rss" | awk '{ print $1 / 1024 }')"
done
[ $rt = 1 ] || echo "  (-escape-runtime is not available in this tree: $(head -1 "$out/rt.log"))"
