# shellcheck shell=bash
# Shared by the corpus scripts: which compiler and plugin, the download cache,
# and the verdict line. Source it after `set -u`; $1 of the script is the LLVM
# major (default 19). ESCAPE_MODE (go, precise; default none: the plugin's
# default, go) adds -mllvm -escape-mode=$ESCAPE_MODE to the plugin's flags;
# a mode's work directories and verdict lines carry its name.
major=${1:-19}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=$root/build/corpus
clang=/usr/lib/llvm-$major/bin/clang
plugin_so=${ESCAPE_PLUGIN:-$root/build/llvm-$major/lib/EscapePlugin.so}
[ -x "$clang" ] || { echo "corpus: no $clang" >&2; exit 2; }
[ -f "$plugin_so" ] || { echo "corpus: no $plugin_so (build the tree, or set ESCAPE_PLUGIN)" >&2; exit 2; }
plugin="-fpass-plugin=$plugin_so"
[ "$major" -lt 22 ] && plugin="$plugin -fplugin=$plugin_so"
mode=${ESCAPE_MODE:-}
[ -n "$mode" ] && plugin="$plugin -mllvm -escape-mode=$mode"
# tag: the major, and the mode when one is given (work directories);
# label: what the verdict lines say.
# shellcheck disable=SC2034 # used by the scripts that source this one
tag=$major${mode:+-$mode}
label="LLVM $major${mode:+, mode $mode}"
asan="-fsanitize=address -fsanitize-address-use-after-return=always"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:exitcode=86"
# The builds every corpus compares: name and flags. esc-rt adds
# -escape-runtime, with libescrt linked shared (a link flag, so it works
# wherever the flags stand on the command line; compile-only steps ignore it).
escrt_lib=$(dirname "$plugin_so")
runtime="-mllvm -escape-runtime -Wl,--no-as-needed -L$escrt_lib -Wl,-rpath,$escrt_lib -lescrt"
variants=("ref:-O2" "esc:-O2 $plugin" "esc-asan:-O1 $plugin $asan"
          "esc-rt:-O2 $plugin $runtime")
mkdir -p "$cache"

# npm_fetch PKG@VER -> path of the cached tarball (npm pack runs no scripts).
npm_fetch() {
  local spec=$1 dir=$cache/npm tgz
  tgz="$dir/$(echo "${spec%@*}" | tr -d @ | tr / -)-${spec##*@}.tgz"
  mkdir -p "$dir"
  [ -f "$tgz" ] || (cd "$dir" && npm pack --silent "$spec" >/dev/null) || return 1
  echo "$tgz"
}

# fetch_sqlite DIR: DIR/sqlite3.c, the SQLite 3.53.2 amalgamation from the
# npm tarball of better-sqlite3@12.11.1, sha256-checked; fails otherwise.
fetch_sqlite() {
  local tgz
  tgz=$(npm_fetch better-sqlite3@12.11.1) || return 1
  tar xzf "$tgz" -C "$1" --strip-components=3 package/deps/sqlite3/sqlite3.c || return 1
  echo "60d2f39a3726cd6b9021da6f4e868608d66fbb6528a9f513dc8ffcc640493422  $1/sqlite3.c" |
    sha256sum -c --quiet
}

# verdict NAME WORKDIR: compares WORKDIR/<variant>.out with ref.out, looks for
# sanitizer reports, prints one PASS/DIFF line and returns its status.
verdict() {
  local name=$1 dir=$2 bad="" v
  for v in "${variants[@]}"; do
    v=${v%%:*}
    [ "$v" = ref ] && continue
    cmp -s "$dir/ref.out" "$dir/$v.out" || bad="$bad $v(output)"
    grep -qs Sanitizer "$dir/$v.err" && bad="$bad $v(sanitizer)"
  done
  if [ -z "$bad" ]; then
    echo "PASS $name ($label): $(wc -l <"$dir/ref.out") lines of output identical"
  else
    echo "DIFF $name ($label):$bad; see $dir"
    return 1
  fi
}
