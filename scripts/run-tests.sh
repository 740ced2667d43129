#!/usr/bin/env bash
# Runs every lit suite for each LLVM major given and ends with one line
#   N passed, N failed[, N skipped]
# summed over all majors. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 19 22
passed=0 failed=0 skipped=0
for n in "$@"; do
  log=build/llvm-$n/lit.log
  echo "=== LLVM $n: lit ==="
  cmake --build "build/llvm-$n" --target check-escape 2>&1 | tee "$log"
  count() { awk -v k="$1" '$0 ~ "^ *"k": *[0-9]+" { sub(".*"k": *", ""); s += $1 } END { print s + 0 }' "$log"; }
  p=$(count "Passed"); x=$(count "Expectedly Failed")
  f=$(( $(count "Failed") + $(count "Unresolved") + $(count "Timed Out") + $(count "Unexpectedly Passed") ))
  s=$(( $(count "Unsupported") + $(count "Skipped") + $(count "Excluded") ))
  total=$(awk '/^Total Discovered Tests:/ { print $4 }' "$log")
  if [ -z "$total" ]; then
    echo "LLVM $n: lit did not run (see $log)"; f=$((f + 1))
  fi
  echo "LLVM $n: $((p + x)) passed, $f failed, $s skipped"
  passed=$((passed + p + x)) failed=$((failed + f)) skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
