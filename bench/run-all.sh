#!/usr/bin/env bash
# `make bench`: runs every benchmark directory's run.sh (bench/*/run.sh) for one
# LLVM major's tree. Each prints its own table of ratios against baselines
# measured in the same run; none of them fails on timing.
set -uo pipefail
cd "$(dirname "$0")/.."
n=${1:-19}
status=0
for b in bench/*/run.sh; do
  [ -x "$b" ] || continue
  echo "=== $b (LLVM $n)"
  "$b" "$n" || { echo "bench: $b failed"; status=1; }
done
exit $status
