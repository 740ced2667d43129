#!/usr/bin/env bash
# Builds one C program eight ways and checks that they all behave the same:
#   ref      clang -O0                      (the reference output)
#   o2       clang -O2
#   asan     clang -O1 + ASan               (the program itself is clean)
#   esc-O0   clang -O0 + plugin
#   esc-O2   clang -O2 + plugin             (compiled twice: objects identical)
#   esc-asan clang -O2 + plugin + ASan with use-after-return=always
#   esc-rt   clang -O2 + plugin + -escape-runtime, libescrt linked statically
#            (what is left on the heap goes to libescrt's size classes)
#   precise-O2, precise-asan   esc-O2 and esc-asan with -escape-mode=precise
# Output (stdout) and exit code must equal the reference; every ASan build must
# stay silent. Usage:
#   run-variants.sh [--stack KB] [--cflags "..."] [--args "..."] SRC TMPBASE
# --stack runs every binary under `ulimit -s KB`; --cflags go to every build;
# --args are the program's arguments. ESC_PLUGIN_FLAGS, when set, replaces the
# plugin flags (to check that the net catches another heap-to-stack rewrite;
# esc-rt is then skipped). ESC_LIBESCRT is libescrt.a.
set -u
: "${ESC_CLANG:?}" "${ESC_PLUGIN:?}" "${ESC_MAJOR:?}" "${ESC_LIBESCRT:?}"
stack="" cflags="" args=""
while [ $# -gt 2 ]; do
  case $1 in
    --stack) stack=$2; shift 2 ;;
    --cflags) cflags=$2; shift 2 ;;
    --args) args=$2; shift 2 ;;
    *) echo "run-variants: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: run-variants.sh [opts] SRC TMPBASE" >&2; exit 2; }
src=$1 dir=$2.d
rm -rf "$dir" && mkdir -p "$dir"

plugin="-fpass-plugin=$ESC_PLUGIN"
[ "$ESC_MAJOR" -lt 22 ] && plugin="$plugin -fplugin=$ESC_PLUGIN"
plugin=${ESC_PLUGIN_FLAGS:-$plugin}
asan="-fsanitize=address -fsanitize-address-use-after-return=always -fno-omit-frame-pointer"
common="-std=gnu11 -w -g0 $cflags"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:detect_stack_use_after_return=1:exitcode=86"

fail=0
build() { # name flags...
  local name=$1 libs=""; shift
  [ "$name" = esc-rt ] && libs="$ESC_LIBESCRT -pthread"
  # shellcheck disable=SC2086
  if ! "$ESC_CLANG" $common "$@" -c "$src" -o "$dir/$name.o" 2>"$dir/$name.cc.log" ||
     ! "$ESC_CLANG" $common "$@" "$dir/$name.o" $libs -o "$dir/$name" 2>>"$dir/$name.cc.log"; then
    echo "run-variants: build '$name' failed:"; cat "$dir/$name.cc.log"; fail=1; return 1
  fi
}
run() { # name -> $dir/name.out, name.err, name.rc
  local name=$1
  (
    [ -n "$stack" ] && ulimit -s "$stack"
    # shellcheck disable=SC2086
    exec "$dir/$name" $args
  ) >"$dir/$name.out" 2>"$dir/$name.err" </dev/null
  echo $? >"$dir/$name.rc"
}

precise="-mllvm -escape-mode=precise"
variants=(o2:-O2 asan:"-O1 $asan" esc-O0:"-O0 $plugin" esc-O2:"-O2 $plugin"
          esc-asan:"-O2 $plugin $asan")
[ -z "${ESC_PLUGIN_FLAGS:-}" ] &&
  variants+=(precise-O2:"-O2 $plugin $precise"
             precise-asan:"-O2 $plugin $precise $asan")
[ -z "${ESC_PLUGIN_FLAGS:-}" ] &&
  variants+=(esc-rt:"-O2 $plugin -mllvm -escape-runtime")
build ref -O0 && run ref || exit 1
for v in "${variants[@]}"; do
  name=${v%%:*}
  # shellcheck disable=SC2086
  build "$name" ${v#*:} || continue
  run "$name"
  if ! diff -u "$dir/ref.out" "$dir/$name.out" >"$dir/$name.diff"; then
    echo "run-variants: DIFF stdout ref vs $name"; head -40 "$dir/$name.diff"; fail=1
  fi
  if ! cmp -s "$dir/ref.rc" "$dir/$name.rc"; then
    echo "run-variants: DIFF exit code ref=$(cat "$dir/ref.rc") $name=$(cat "$dir/$name.rc")"
    head -20 "$dir/$name.err"; fail=1
  fi
  if grep -q 'Sanitizer' "$dir/$name.err"; then
    echo "run-variants: ASan report in $name:"; head -40 "$dir/$name.err"; fail=1
  fi
done
# Same input, same object: the rewrite is deterministic.
if [ -f "$dir/esc-O2.o" ]; then
  # shellcheck disable=SC2086
  "$ESC_CLANG" $common -O2 $plugin -c "$src" -o "$dir/esc-O2.again.o" 2>/dev/null
  cmp -s "$dir/esc-O2.o" "$dir/esc-O2.again.o" ||
    { echo "run-variants: esc-O2 object differs between two builds"; fail=1; }
fi
[ $fail -eq 0 ] && echo "run-variants: PASS $(basename "$src") (exit $(cat "$dir/ref.rc"))"
exit $fail
