#!/usr/bin/env bash
# Checks that libescrt's layers only call downward: every escrt_ symbol
# that a runtime source file uses and does not define itself must come from
# a file listed before it in the layer list of the header comment of
# internal.h (bottom up, one " *   file.c  concept" line per file). Each
# file is compiled on its own at -O0, so that every reference the source
# makes is in the object (an optimiser could drop a dead one), and nm lists
# what each object defines and what it needs. Prints one line and exits 0
# when the order holds; else names each file, symbol and defining file, and
# exits 1.
#
# usage: check-runtime-layers.sh [--src DIR] [--order "a.c b.c ..."]
#   --src DIR     the sources and internal.h (default: runtime/src of this
#                 tree); the public header is in DIR/../include, the
#                 tables shared with the plugin in this tree's include/
#   --order LIST  the layers bottom up, instead of internal.h's list
# environment: CC (default cc), NM (default nm), CFLAGS (added)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/runtime/src"
order=""
while [ $# -gt 0 ]; do
  case "$1" in
    --src) src="$2"; shift 2 ;;
    --order) order="$2"; shift 2 ;;
    *) echo "usage: $0 [--src DIR] [--order \"a.c b.c ...\"]" >&2; exit 2 ;;
  esac
done
cc="${CC:-cc}" nm="${NM:-nm}"
fail() { echo "check-runtime-layers: $*" >&2; exit 1; }

if [ -z "$order" ]; then
  order=$(awk '/Layers, bottom up/ { on = 1; next }
               on && /\*\// { exit }
               on && /^ \*   +[A-Za-z0-9_]+\.c( |$)/ { print $2 }' \
    "$src/internal.h")
fi
[ -n "$order" ] || fail "no layer list in $src/internal.h"

declare -A rank
n=0
for f in $order; do
  [ -z "${rank[$f]:-}" ] || fail "$f is listed twice"
  [ -f "$src/$f" ] || fail "$f is listed but $src/$f does not exist"
  rank[$f]=$n
  n=$((n + 1))
done
for path in "$src"/*.c; do
  f=$(basename "$path")
  [ -n "${rank[$f]:-}" ] ||
    fail "$f is not in the layer list of internal.h: add it where it belongs"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A definer
for f in $order; do
  # shellcheck disable=SC2086 # CFLAGS is a list of flags
  "$cc" -std=gnu11 -O0 -w -c -I"$src" -I"$src/../include" -I"$root/include" ${CFLAGS:-} \
    "$src/$f" -o "$tmp/$f.o" || fail "$f does not compile"
  for sym in $("$nm" -P -g --defined-only "$tmp/$f.o" |
               awk '$1 ~ /^escrt_/ { print $1 }'); do
    definer[$sym]=$f
  done
done

bad=0
for f in $order; do
  for sym in $("$nm" -P -u "$tmp/$f.o" | awk '$1 ~ /^escrt_/ { print $1 }'); do
    d="${definer[$sym]:-}"
    if [ -z "$d" ]; then
      echo "check-runtime-layers: $f uses $sym, which no runtime file defines" >&2
      bad=1
    elif [ "${rank[$d]}" -gt "${rank[$f]}" ]; then
      echo "check-runtime-layers: $f uses $sym, defined in $d, a layer above it" >&2
      bad=1
    fi
  done
done
[ "$bad" -eq 0 ] || fail "upward calls (internal.h lists the layers bottom up)"
echo "check-runtime-layers: $n files, every call goes downward"
