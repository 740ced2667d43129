#!/usr/bin/env bash
# Growable buffers on a string-builder workload (growable.c): a record
# formatter and a line reader whose buffers start as malloc(64) and double
# with realloc, 80% of the strings fitting the first 64 bytes. With the
# plugin those buffers start on the stack; what that buys, in one run:
#   (1) malloc, realloc, free and calloc calls of each build, counted by an
#       LD_PRELOAD library (count-allocs.c), at the full workload
#   (2) user+sys CPU and wall seconds, median of RUNS interleaved rounds
#       (every variant of every mode once per round, one at a time)
#   (3) instructions under callgrind at COUNT_ITEMS records/lines
# Variants: plain (clang-N -O2, glibc), plugin (-O2 + EscapePlugin),
# plugin+rt (escape-cc --escape-runtime: the plugin + libescrt), and the
# allocators a user would pick instead of the plugin, preloaded into the
# plain build: plain+tcmalloc, plain+jemalloc, plain+mimalloc (those
# installed; scripts/setup-debian.sh bench installs them). Every variant
# must print plain's checksum, and the plugin must start both buffers
# (the GROWABLE lines of growable.c) on the stack, else the script fails;
# timings never fail it.
#   bench/growable/run.sh [LLVM-MAJOR]        (default 19)
# Environment: RUNS (5), RECORDS and LINES (the workload, default the
# program's: 10,000,000 records, 15,000,000 lines, about a second each),
# COUNT (1; 0 skips callgrind), COUNT_ITEMS (200000). The report is also
# written to bench/out/growable-N.txt.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
major=${1:-19}
runs=${RUNS:-5}
count=${COUNT:-1}
count_items=${COUNT_ITEMS:-200000}
clang=/usr/lib/llvm-$major/bin/clang
tree=${ESCAPE_TREE:-$root/build/llvm-$major}
so=$tree/lib/EscapePlugin.so
escape_cc=$tree/bin/escape-cc
libdir=/usr/lib/x86_64-linux-gnu
work=$root/build/bench-growable-$major
report=$root/bench/out/growable-$major.txt
[ -x "$clang" ] || { echo "bench/growable: no $clang"; exit 2; }
[ -f "$so" ] || { echo "bench/growable: no $so (make build)"; exit 2; }
plugin="-fpass-plugin=$so"
[ "$major" -lt 22 ] && plugin="$plugin -fplugin=$so" # clang 19-21: for -mllvm options
cflags="-std=c11 -O2"
src=$here/growable.c
modes="records lines"
declare -A items=([records]=${RECORDS:-} [lines]=${LINES:-}) # empty: the program's default
rm -rf "$work" && mkdir -p "$work" "$root/bench/out"
# CPU and wall time of a run to the microsecond, and its peak RSS (bench/measure.c)
cc -O2 -o "$work/measure" "$root/bench/measure.c" || { echo "bench/growable: bench/measure.c does not build"; exit 2; }
status=0
failures=()
notes=()
fail() { echo "bench/growable: FAILURE: $*"; failures+=("$*"); status=1; }

# ---- builds ----
"$clang" $cflags "$src" -o "$work/plain" 2>>"$work/build.log" ||
  { echo "bench/growable: growable.c does not build; see $work/build.log"; exit 1; }
"$clang" $cflags $plugin -Rpass=escape -Rpass-missed=escape "$src" -o "$work/plugin" 2>"$work/plugin.remarks" ||
  { cat "$work/plugin.remarks"; echo "bench/growable: the plugin build failed"; exit 1; }
"$clang" -std=c11 -O2 -shared -fPIC "$here/count-allocs.c" -o "$work/count-allocs.so" -ldl 2>>"$work/build.log" ||
  { echo "bench/growable: count-allocs.c does not build; see $work/build.log"; exit 1; }
rt_built=
if [ -x "$escape_cc" ] && ESCAPE_CLANG=$clang ESCAPE_PLUGIN=$so "$escape_cc" --escape-runtime $cflags -Rpass=escape \
  "$src" -o "$work/plugin+rt" 2>"$work/rt.remarks"; then
  rt_built=1
else
  notes+=("plugin+rt not built (${escape_cc}: see $work/rt.remarks); its column is -")
fi

# The point of the bench: each GROWABLE allocation starts on the stack.
starts=()
growable_lines=$(grep -n '/\* GROWABLE \*/' "$src" | cut -d: -f1)
[ -n "$growable_lines" ] || fail "growable.c marks no allocation /* GROWABLE */: nothing to check"
for line in $growable_lines; do
  for remarks in "$work/plugin.remarks" ${rt_built:+"$work/rt.remarks"}; do
    remark=$(grep -m1 -E "growable\.c:$line:[0-9]+: remark: " "$remarks")
    if [[ "$remark" != *"starts on stack"* ]]; then
      fail "growable.c:$line: the plugin did not start the buffer on the stack ($(basename "$remarks")): ${remark:-no remark}"
    fi
  done
  remark=$(grep -m1 -E "growable\.c:$line:[0-9]+: remark: " "$work/plugin.remarks")
  remark=${remark#*remark: }
  starts+=("growable.c:$line ${remark% \[-Rpass=escape\]}")
done

# ---- variants: name, binary, preloaded library ----
vnames=() vbins=() vlibs=()
variant() { vnames+=("$1"); vbins+=("$2"); vlibs+=("${3:-}"); }
variant plain plain
variant plugin plugin
[ -n "$rt_built" ] && variant plugin+rt plugin+rt
for peer in tcmalloc:libtcmalloc_minimal.so.4 jemalloc:libjemalloc.so.2 mimalloc:libmimalloc.so.2; do
  if [ -f "$libdir/${peer#*:}" ]; then
    variant "plain+${peer%%:*}" plain "$libdir/${peer#*:}"
  else
    notes+=("${peer%%:*} not installed ($libdir/${peer#*:}): its column is skipped; scripts/setup-debian.sh bench installs it")
  fi
done

# ---- runs ----
declare -A reference
check_output() { # variant mode items output-file
  local key=$2.$3
  if [ -z "${reference[$key]:-}" ]; then reference[$key]=$(cat "$4"); return; fi
  [ "$(cat "$4")" = "${reference[$key]}" ] ||
    fail "$1 $2 ($3) printed '$(cat "$4")', plain printed '${reference[$key]}'"
}
raw=$work/raw
: >"$raw"

# (1) heap calls. The peers run the plain binary, so they make plain's calls;
# plugin+rt's malloc is libescrt's, linked in, which a preload cannot see.
for mode in $modes; do
  for build in plain plugin; do
    rm -f "$work/counts"
    ALLOC_COUNTS_FILE=$work/counts LD_PRELOAD=$work/count-allocs.so "$work/$build" $mode ${items[$mode]:+"${items[$mode]}"} >"$work/out" ||
      fail "$build $mode exited with an error under count-allocs.so"
    check_output "$build" $mode "${items[$mode]:-default}" "$work/out"
    awk -v m=$mode -v b=$build '/^alloc-counts:/ { print "calls", m, b, $3, $5, $7, $9 }' "$work/counts" >>"$raw"
  done
done

# (2) time: one variant at a time (the machine is shared, 2 cores)
for ((r = 0; r < runs; r++)); do
  for mode in $modes; do
    for i in "${!vnames[@]}"; do
      cmd=()
      [ -n "${vlibs[$i]}" ] && cmd=(env LD_PRELOAD="${vlibs[$i]}")
      cmd+=("$work/${vbins[$i]}" "$mode" ${items[$mode]:+"${items[$mode]}"})
      if "$work/measure" -o "$work/time" "${cmd[@]}" >"$work/out" 2>"$work/err"; then
        awk -v m=$mode -v v="${vnames[$i]}" '{ printf "cpu %s %s %.4f\nwall %s %s %.4f\n", m, v, $1 + $2, m, v, $3 }' \
          "$work/time" >>"$raw"
        check_output "${vnames[$i]}" $mode "${items[$mode]:-default}" "$work/out"
      else
        fail "${vnames[$i]} $mode exited with an error: $(head -c 300 "$work/err")"
      fi
    done
  done
done

# (3) instructions, at a reduced scale: repeatable where times are not
if [ "$count" != 0 ] && command -v valgrind >/dev/null; then
  for mode in $modes; do
    for i in "${!vnames[@]}"; do
      # valgrind adds its own preload to LD_PRELOAD: the variable goes around it
      LD_PRELOAD=${vlibs[$i]} valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
        "$work/${vbins[$i]}" $mode "$count_items" >"$work/out" 2>"$work/err" ||
        { fail "${vnames[$i]} $mode under callgrind: $(tail -c 300 "$work/err")"; continue; }
      check_output "${vnames[$i]}" $mode "$count_items" "$work/out"
      awk -v m=$mode -v v="${vnames[$i]}" '/^(summary|totals):/ { print "instr", m, v, $2; exit }' "$work/cg.out" >>"$raw"
    done
  done
elif [ "$count" != 0 ]; then
  notes+=("valgrind not installed: no instruction counts")
fi

# ---- report ----
{
  printf 'growable: LLVM %s, %d cores; records %s, lines %s; median of %d interleaved runs; callgrind at %s of each\n' \
    "$major" "$(nproc)" "${items[records]:-10000000}" "${items[lines]:-15000000}" "$runs" "$count_items"
  for s in "${starts[@]}"; do echo "  plugin: $s"; done
  echo "  plugin+rt: escape-cc --escape-runtime, the plugin + libescrt (whose malloc, linked in, no preload counts)"
  echo "  plain+<peer>: the plain build with LD_PRELOAD=<peer>, making plain's heap calls"
  for n in "${notes[@]}"; do echo "  note: $n"; done
  awk -v modes="$modes" -v variants="${vnames[*]}" -v cscale="$count_items" '
  function median(key,   n, i, j, t, a) {
    n = split(vals[key], a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n ? a[int((n + 1) / 2)] : ""
  }
  function has(f, m, v) { return (f SUBSEP m SUBSEP v) in med }
  $1 == "calls" { calls[$2, $3] = $4 " " $5 " " $6 " " $7; next }
  { vals[$1, $2, $3] = vals[$1, $2, $3] " " $4 }
  END {
    nm = split(modes, M, " "); nv = split(variants, V, " ")
    for (k in vals) med[k] = median(k)
    printf "\n## heap calls (count-allocs.so, full workload)\n%-8s %-13s %11s %11s %11s %8s\n", "mode", "build", "malloc", "realloc", "free", "calloc"
    for (i = 1; i <= nm; i++) {
      for (b = 0; b < 2; b++) {
        build = b ? "plugin" : "plain"
        if (!((M[i], build) in calls)) continue
        split(calls[M[i], build], c, " "); cnt[b, 1] = c[1]; cnt[b, 2] = c[2]; cnt[b, 3] = c[3]; cnt[b, 4] = c[4]
        printf "%-8s %-13s %11d %11d %11d %8d\n", M[i], build, c[1], c[3], c[4], c[2]
      }
      if ((M[i], "plain") in calls && (M[i], "plugin") in calls) {
        printf "%-8s %-13s", M[i], "plugin/plain"
        split("1 3 4", order, " ")
        for (k = 1; k <= 3; k++) printf " %11s", cnt[0, order[k]] ? sprintf("%.3f", cnt[1, order[k]] / cnt[0, order[k]]) : "-"
        printf "\n"
      }
    }
    printf "\n## time and instructions (median; best: the lowest, with its ratio to plain)\n%-8s %-10s", "mode", "figure"
    for (j = 1; j <= nv; j++) printf " %*s", (length(V[j]) > 9 ? length(V[j]) : 9), V[j]
    printf " %12s  %s\n", "plugin/plain", "best"
    split("cpu wall instr", F, " "); split("cpu s|wall s|instr M", unit, "|")
    for (i = 1; i <= nm; i++) for (f = 1; f <= 3; f++) {
      if (!has(F[f], M[i], "plain")) continue
      div = F[f] == "instr" ? 1e6 : 1
      printf "%-8s %-10s", M[i], unit[f]
      best = ""
      for (j = 1; j <= nv; j++) {
        w = length(V[j]) > 9 ? length(V[j]) : 9
        if (!has(F[f], M[i], V[j])) { printf " %*s", w, "-"; continue }
        printf " %*s", w, sprintf(div > 1 ? "%.1f" : "%.3f", med[F[f], M[i], V[j]] / div)
        if (best == "" || med[F[f], M[i], V[j]] < med[F[f], M[i], best]) best = V[j]
      }
      printf " %12s  %s %.3f\n", has(F[f], M[i], "plugin") ? sprintf("%.3f", med[F[f], M[i], "plugin"] / med[F[f], M[i], "plain"]) : "-",
        best, med[F[f], M[i], best] / med[F[f], M[i], "plain"]
    }
  }' "$raw"
  if [ $status = 0 ]; then
    echo "checks: every variant printed plain's checksum; the plugin started every GROWABLE buffer on the stack"
  else
    for f in "${failures[@]}"; do echo "FAILURE: $f"; done
  fi
} | tee "$report"
exit $status
