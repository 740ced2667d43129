#!/usr/bin/env bash
# lmdb's mdb.c and its test programs (mtest..mtest5, from the npm tarball of
# lmdb@3.5.6), built without the plugin, with it, and with it under ASan; each
# test runs on a fresh database, whose full dump follows its output (the
# tests print mmap addresses: they are masked).
#   scripts/corpus/lmdb.sh [LLVM-MAJOR]
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/lib.sh"
tgz=$(npm_fetch lmdb@3.5.6) || { echo "DIFF lmdb: download failed"; exit 1; }
work=$cache/lmdb-$tag
rm -rf "$work" && mkdir -p "$work/src"
tar xzf "$tgz" -C "$work/src" --strip-components=5 package/dependencies/lmdb/libraries/liblmdb
src=$work/src
# The tests seed rand() with the time; pin it so that runs compare.
printf '#include <time.h>\n#define time(p) ((time_t)20240101)\n' >"$src/fixed-time.h"
tests="mtest mtest2 mtest3 mtest4 mtest5"
for v in "${variants[@]}"; do
  name=${v%%:*} flags=${v#*:} d=$work/$name
  mkdir -p "$d"
  # shellcheck disable=SC2086
  for f in mdb midl; do
    "$clang" -w -pthread $flags -c "$src/$f.c" -o "$d/$f.o" || { echo "DIFF lmdb: $name build failed"; exit 1; }
  done
  for t in $tests mdb_dump; do
    extra=""
    [ $t = mdb_dump ] && extra="$src/module.c -ldl"
    # shellcheck disable=SC2086
    "$clang" -w -pthread $flags -include "$src/fixed-time.h" "$src/$t.c" "$d/mdb.o" "$d/midl.o" \
      $extra -o "$d/$t" || { echo "DIFF lmdb: $name build of $t failed"; exit 1; }
  done
  (
    cd "$d" || exit 1
    for t in $tests; do
      rm -rf testdb && mkdir testdb
      echo "== $t"; ./$t; echo "exit $?"
      ./mdb_dump -a testdb 2>/dev/null || ./mdb_dump testdb; echo "dump exit $?"
    done
  ) 2>"$work/$name.err" | sed 's/0x[0-9a-f]*/0xADDR/g' >"$work/$name.out"
done
verdict "lmdb mdb.c + $tests" "$work"
