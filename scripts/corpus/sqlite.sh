#!/usr/bin/env bash
# The SQLite amalgamation (3.53.2, from the npm tarball of better-sqlite3@12.11.1,
# sha256-checked) with sqlite-driver.c running sqlite-workload.sql, built
# without the plugin, with it, and with it under ASan.
#   scripts/corpus/sqlite.sh [LLVM-MAJOR]
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
sha=60d2f39a3726cd6b9021da6f4e868608d66fbb6528a9f513dc8ffcc640493422
tgz=$(npm_fetch better-sqlite3@12.11.1) || { echo "DIFF sqlite: download failed"; exit 1; }
work=$cache/sqlite-$tag
rm -rf "$work" && mkdir -p "$work/src"
tar xzf "$tgz" -C "$work/src" --strip-components=3 package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h
echo "$sha  $work/src/sqlite3.c" | sha256sum -c --quiet || { echo "DIFF sqlite: sqlite3.c checksum mismatch"; exit 1; }
# A build that takes longer than this (default 20 min; -O2 alone takes ~20 s)
# is a compile-time failure of the plugin.
limit=${SQLITE_BUILD_TIMEOUT:-1200}
defs="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DEFAULT_MEMSTATUS=0"
for v in "${variants[@]}"; do
  name=${v%%:*} flags=${v#*:}
  # shellcheck disable=SC2086
  start=$(date +%s)
  timeout "$limit" "$clang" -w $defs $flags -I"$work/src" "$work/src/sqlite3.c" "$here/sqlite-driver.c" -lm \
    -o "$work/$name" || { echo "DIFF sqlite: $name build failed or took over $limit s"; exit 1; }
  echo "sqlite: $name built in $(($(date +%s) - start)) s"
  "$work/$name" "$here/sqlite-workload.sql" >"$work/$name.out" 2>"$work/$name.err"
  echo "exit $?" >>"$work/$name.out"
done
verdict "sqlite 3.53.2 workload" "$work"
