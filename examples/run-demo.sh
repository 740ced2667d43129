#!/usr/bin/env bash
# `make demo`: compile examples/demo.c with the plugin, run it, and print its
# escape report (the remarks of pass `escape`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-19}
tree=build/llvm-$n
clang=$(llvm-config-$n --bindir)/clang
plugin=$tree/lib/EscapePlugin.so
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
