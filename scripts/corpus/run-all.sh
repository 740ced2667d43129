#!/usr/bin/env bash
# Every corpus for one LLVM major, once per plugin mode; one PASS/DIFF line
# each, then a summary line per mode.
#   scripts/corpus/run-all.sh [LLVM-MAJOR [MODE...]]
# MODE: go, precise (passed as ESCAPE_MODE: -mllvm -escape-mode=MODE); none:
# one run in the plugin's default mode (go).
set -u
here=$(dirname "$0")
major=${1:-19}
[ $# -gt 0 ] && shift
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=("")
status=0
for mode in "${modes[@]}"; do
  mstatus=0
  for c in lmdb lua sqlite csmith; do
    ESCAPE_MODE=$mode "$here/$c.sh" "$major" | grep -E '^(PASS|DIFF)'
    [ "${PIPESTATUS[0]}" -eq 0 ] || mstatus=1
  done
  name="LLVM $major, mode ${mode:-go}"
  [ -z "$mode" ] && name="$name (default)"
  if [ $mstatus -eq 0 ]; then echo "corpus ($name): all PASS"; else echo "corpus ($name): DIFF"; status=1; fi
done
exit $status
