#!/usr/bin/env bash
# Every corpus for one LLVM major; one PASS/DIFF line each, then a summary.
#   scripts/corpus/run-all.sh [LLVM-MAJOR]
set -u
here=$(dirname "$0")
major=${1:-19}
status=0
for c in lmdb lua sqlite csmith; do
  "$here/$c.sh" "$major" | grep -E '^(PASS|DIFF)'
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
[ $status -eq 0 ] && echo "corpus (LLVM $major): all PASS" || echo "corpus (LLVM $major): DIFF"
exit $status
