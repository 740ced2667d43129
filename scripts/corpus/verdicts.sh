#!/usr/bin/env bash
# Every allocation site of a real C file gets a verdict at -O2, and the module
# the plugin leaves behind verifies.
#   scripts/corpus/verdicts.sh [LLVM-MAJOR] sqlite|lmdb
# The sites are the verdict positions at -O0 (nothing is deleted there); at
# -O2 the same positions must carry a verdict (Eliminated for the ones LLVM
# deleted), and nothing else may.
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/lib.sh"
corpus=${2:?usage: verdicts.sh MAJOR sqlite|lmdb}
work=$cache/verdicts-$corpus-$tag
rm -rf "$work" && mkdir -p "$work"
case $corpus in
  sqlite)
    fetch_sqlite "$work" || { echo "FAIL verdicts $corpus: download or checksum failed"; exit 1; }
    src=$work/sqlite3.c ;;
  lmdb)
    tgz=$(npm_fetch lmdb@3.5.6) || { echo "FAIL verdicts $corpus: download failed"; exit 1; }
    tar xzf "$tgz" -C "$work" --strip-components=5 package/dependencies/lmdb/libraries/liblmdb/mdb.c \
      package/dependencies/lmdb/libraries/liblmdb/midl.h package/dependencies/lmdb/libraries/liblmdb/lmdb.h
    src=$work/mdb.c ;;
  *) echo "verdicts.sh: unknown corpus '$corpus'" >&2; exit 2 ;;
esac

# Verdict positions of one remark file, one "line:col" per line.
positions() {
  awk 'BEGIN { RS = "\n--- " }
       /Pass: *escape/ && /Name: *(MovedToStack|Eliminated|StaysOnHeap|EscapesToHeap)/ {
         gsub(/\n */, " ")
         if (match($0, /Line: [0-9]+, *Column: [0-9]+/)) {
           s = substr($0, RSTART, RLENGTH); gsub(/[^0-9,]/, "", s); sub(/,/, ":", s); print s } }' "$1" | sort -u
}

for o in 0 2; do
  # shellcheck disable=SC2086
  "$clang" -w -O$o -gline-tables-only $plugin -fsave-optimization-record \
    -foptimization-record-file="$work/O$o.yaml" -foptimization-record-passes=escape \
    -emit-llvm -c "$src" -o "$work/O$o.bc" || { echo "FAIL verdicts $corpus: -O$o build failed"; exit 1; }
  positions "$work/O$o.yaml" >"$work/O$o.sites"
done
"$(dirname "$clang")/opt" -passes=verify -disable-output "$work/O2.bc" ||
  { echo "FAIL verdicts $corpus: the -O2 module does not verify"; exit 1; }
n=$(wc -l <"$work/O0.sites")
if [ "$n" -eq 0 ] || ! diff "$work/O0.sites" "$work/O2.sites" >"$work/sites.diff"; then
  echo "FAIL verdicts $corpus ($label): sites at -O0 ($n) and verdicts at -O2 differ:"
  head -20 "$work/sites.diff"
  exit 1
fi
echo "PASS verdicts $corpus ($label): $n sites, each with a verdict at -O0 and -O2; the module verifies"
