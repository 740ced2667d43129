#!/usr/bin/env bash
# csmith programs (Debian's csmith), built without the plugin, with it, and
# with it under ASan; their checksums must agree. Seeds 1..N (default 40); a
# seed whose reference build does not finish in 10 s is skipped and counted.
#   scripts/corpus/csmith.sh [LLVM-MAJOR [N]]
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/lib.sh"
n=${2:-40}
if ! command -v csmith >/dev/null || [ ! -d /usr/include/csmith ]; then
  apt-get install -y -qq csmith libcsmith-dev >/dev/null || { echo "DIFF csmith: install failed"; exit 1; }
fi
work=$cache/csmith-$tag
rm -rf "$work" && mkdir -p "$work"
skipped=0 bad=0
for seed in $(seq 1 "$n"); do
  d=$work/$seed
  mkdir -p "$d"
  csmith --seed "$seed" -o "$d/p.c" >/dev/null || { echo "DIFF csmith: generator failed on seed $seed"; exit 1; }
  for v in "${variants[@]}"; do
    name=${v%%:*} flags=${v#*:}
    # shellcheck disable=SC2086
    "$clang" -w $flags -I/usr/include/csmith "$d/p.c" -o "$d/$name" 2>"$d/$name.cc.log" ||
      { echo "DIFF csmith: seed $seed: $name build failed"; bad=1; continue 2; }
    timeout 10 "$d/$name" >"$d/$name.out" 2>"$d/$name.err"
    rc=$?
    if [ "$name" = ref ] && [ $rc -eq 124 ]; then skipped=$((skipped + 1)); continue 2; fi
    echo "exit $rc" >>"$d/$name.out"
  done
  if verdict "csmith seed $seed" "$d" >"$d/verdict"; then rm -rf "$d"; else cat "$d/verdict"; bad=1; fi
done
if [ $bad -eq 0 ]; then
  echo "PASS csmith ($label): $((n - skipped)) programs agree, $skipped skipped (reference timed out)"
else
  echo "DIFF csmith ($label): differing seeds kept in $work"
  exit 1
fi
