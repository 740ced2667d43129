#!/usr/bin/env bash
# escape-report over a build's worth of remarks: 10,000 record files (one per
# translation unit, 8 allocation verdicts and 2 other remarks each), timed per
# format and against baselines measured in the same run:
#   cat            reading the same files, nothing parsed
#   remarkutil     llvm-remarkutil-N count over the same remarks in one file
#                  (LLVM's own parser, one process, no per-file cost)
# Then the same records inside 10,000 objects (their .escape.records
# sections, zlib blobs as the plugin writes them, and plain blobs) against
# the 10,000 .opt.yaml files: the same JSON report, and the time it takes.
# Best of 3 runs each; the machine is shared, so compare ratios, not seconds.
# Usage: bench/report/run.sh <llvm-major> [files]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-19}
files=${2:-10000}
tree=${ESCAPE_TREE:-build/llvm-$n}
report=$tree/bin/escape-report
[ -x "$report" ] || { echo "bench/report: $report not built (make build)" >&2; exit 1; }
remarkutil=$(llvm-config-"$n" --bindir)/llvm-remarkutil
out=bench/out/report-$n
rm -rf "$out" && mkdir -p "$out/records"
# The three sets are written side by side (nothing is timed yet).
python3 bench/report/gen_records.py "$out/records" "$files" &
python3 bench/report/gen_records.py "$out/objects" "$files" zlib &
python3 bench/report/gen_records.py "$out/objects-plain" "$files" plain &
for job in $(jobs -p); do wait "$job"; done
find "$out/records" -name '*.opt.yaml' -print0 | sort -z | xargs -0 cat > "$out/all.yaml"
"$report" --format json "$out/records" -o "$out/baseline.json"

best_of_3() {   # prints the best wall time of three runs of "$@", in seconds
  local best="" t TIMEFORMAT=%R
  for _ in 1 2 3; do
    t=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}
cat_all() { find "$out/records" -name '*.opt.yaml' -print0 | xargs -0 cat; }
export -f cat_all; export out

rows=(
  "cat the files|bash -c cat_all"
  "llvm-remarkutil-$n count (one file)|$remarkutil count --parser=yaml $out/all.yaml"
  "escape-report --format text|$report $out/records"
  "escape-report --format json|$report --format json $out/records"
  "escape-report --format sarif|$report --format sarif $out/records"
  "escape-report --format summary|$report --format summary $out/records"
  "escape-report gate (--baseline)|$report --baseline $out/baseline.json --fail-on-new-escapes $out/records"
  "escape-report, one concatenated file|$report --format json $out/all.yaml"
)
remarks=$(grep -c '^Pass: *escape' "$out/all.yaml")
printf 'escape-report, LLVM %s: %s record files, %s escape remarks, %s MB\n' \
  "$n" "$files" "$remarks" "$(du -sm "$out/records" | cut -f1)"
ratio() {   # t b [decimals]
  awk -v t="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b > 0) printf "%." d "fx", t / b; else print "-" }'
}
printf '%-40s %8s %8s %14s\n' "what" "seconds" "vs cat" "vs remarkutil"
cat_time="" remarkutil_time=""
for row in "${rows[@]}"; do
  name=${row%%|*}; cmd=${row#*|}
  # shellcheck disable=SC2086 # cmd is a word list built above
  t=$(best_of_3 $cmd)
  # The first two rows are the baselines the others are divided by.
  if [ -z "$cat_time" ]; then cat_time=$t
  elif [ -z "$remarkutil_time" ]; then remarkutil_time=$t; fi
  printf '%-40s %8.2f %8s %14s\n' "$name" "$t" "$(ratio "$t" "$cat_time")" "$(ratio "$t" "$remarkutil_time")"
done

# The objects must give the report the record files give, or the times
# below compare different work.
for objects in objects objects-plain; do
  "$report" --format json "$out/$objects" -o "$out/$objects.json"
  cmp -s "$out/baseline.json" "$out/$objects.json" ||
    { echo "bench/report: $out/$objects does not report what $out/records does" >&2; exit 1; }
done
printf '\n%-40s %8s %8s\n' "the same records, --format json" "seconds" "vs yaml"
yaml_time=$(best_of_3 "$report" --format json "$out/records")
printf '%-40s %8.2f %8s\n' "in $files .opt.yaml files" "$yaml_time" "1.00x"
for row in "in $files objects, zlib blobs|objects" "in $files objects, plain blobs|objects-plain"; do
  t=$(best_of_3 "$report" --format json "$out/${row#*|}")
  printf '%-40s %8.2f %8s\n' "${row%%|*}" "$t" "$(ratio "$t" "$yaml_time" 2)"
done
