#!/usr/bin/env bash
# Lua 5.4 from Debian's source package (apt-get source with a private apt
# configuration: the system's apt state is not touched), built without the
# plugin, with it, and with it under ASan, running lua/*.lua.
#   scripts/corpus/lua.sh [LLVM-MAJOR]
set -u
# shellcheck source=scripts/corpus/lib.sh
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
apt_dir=$cache/apt
if ! ls "$cache"/lua-src/lua5.4_*.orig.tar.gz >/dev/null 2>&1; then
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/parts" "$cache/lua-src"
  # deb-src for the Debian mirror the system already uses.
  uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  [ -n "$uri" ] || uri=$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list)
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" >"$apt_dir/parts/src.sources"
  opts=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/parts"
        -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
  apt-get "${opts[@]}" -qq update >/dev/null &&
    (cd "$cache/lua-src" && apt-get "${opts[@]}" -qq source --download-only lua5.4 >/dev/null) ||
    { echo "DIFF lua: apt-get source lua5.4 failed"; exit 1; }
fi
work=$cache/lua-$tag
rm -rf "$work" && mkdir -p "$work/src"
tar xzf "$cache"/lua-src/lua5.4_*.orig.tar.gz -C "$work/src" --strip-components=1
version=$(basename "$cache"/lua-src/lua5.4_*.orig.tar.gz | sed 's/lua5.4_\(.*\)\.orig.*/\1/')
srcs=$(find "$work/src/src" -name '*.c' ! -name luac.c | sort)
for v in "${variants[@]}"; do
  name=${v%%:*} flags=${v#*:}
  # shellcheck disable=SC2086
  "$clang" -w -std=gnu99 -DLUA_USE_LINUX $flags $srcs -lm -ldl -o "$work/$name" ||
    { echo "DIFF lua: $name build failed"; exit 1; }
  for script in "$here"/lua/*.lua; do
    echo "== $(basename "$script")"
    "$work/$name" "$script"; echo "exit $?"
  done >"$work/$name.out" 2>"$work/$name.err"
done
verdict "lua $version scripts" "$work"
