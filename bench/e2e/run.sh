#!/usr/bin/env bash
# End to end: allocation-heavy C programs (bench/e2e/*.c) built and run
# several ways, measured in one run, interleaved (every variant of every
# program once per round, in turn forwards and backwards); each ratio is the
# median over RUNS rounds of the ratio within a round:
#   plain            clang-N -O2, glibc malloc
#   plugin           -O2 with EscapePlugin (temporaries moved to the stack)
#   escrt            plain, libescrt linked (static)
#   plugin+rt        plugin + -mllvm -escape-runtime + libescrt (static): what
#                    stays on the heap takes libescrt's size classes inline
#   oracle           -DORACLE: the temporaries written as local arrays by hand
#                    (what a perfect heap-to-stack pass could do), glibc
#   plain+tcmalloc, plain+jemalloc, plain+mimalloc, plugin+tcmalloc, ...
#                    the plain and plugin builds with a peer allocator
#                    preloaded (scripts/setup-debian.sh bench installs them)
# Reported: user+sys CPU seconds, wall seconds, peak RSS (bench/measure.c) and
# instructions under callgrind at a reduced scale (repeatable on a shared
# machine), each as a ratio to plain; then the targets. Every variant must
# print plain's checksum (a mismatch fails the script), and every temporary
# (TEMP in the sources) must be moved to the stack by the plugin; timings
# never fail it.
#   bench/e2e/run.sh [LLVM-MAJOR]        (default 19)
# Environment: RUNS (5), SCALE (percent of the default workload, 100),
# COUNT (1; 0 skips callgrind), COUNT_SCALE (percent for callgrind, 4),
# CG_JOBS (callgrind runs side by side, 2), COUNT_VARIANTS (the variants
# counted, default all; the targets need plain, plugin, escrt, plugin+rt,
# oracle and plugin+<peer>),
# PROGRAMS (names, default every .c here), PIN (the processor every timed run
# is bound to, default the last one; "" = none: on a shared VM the processors
# can differ in speed by half, and a run that moves between them measures
# the move). The report is also written to bench/out/e2e-N.txt.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
major=${1:-19}
runs=${RUNS:-5}
scale=${SCALE:-100}
count=${COUNT:-1}
cscale=${COUNT_SCALE:-4}
pin=${PIN-$(($(nproc) - 1))}
clang=/usr/lib/llvm-$major/bin/clang
tree=${ESCAPE_TREE:-$root/build/llvm-$major}
so=$tree/lib/EscapePlugin.so
rtlib=$tree/lib/libescrt.a
libdir=/usr/lib/x86_64-linux-gnu
work=$root/build/bench-e2e-$major
report=$root/bench/out/e2e-$major.txt
[ -x "$clang" ] || { echo "bench/e2e: no $clang"; exit 2; }
[ -f "$so" ] || { echo "bench/e2e: no $so (make build)"; exit 2; }
plugin="-fpass-plugin=$so"
[ "$major" -lt 22 ] && plugin="$plugin -fplugin=$so" # clang 19-21: for -mllvm options
cflags="-std=c11 -O2"
programs=${PROGRAMS:-$(cd "$here" && ls -- *.c | sed 's/\.c$//' | tr '\n' ' ')}
rm -rf "$work" && mkdir -p "$work" "$root/bench/out"
# CPU and wall time of a run to the microsecond, and its peak RSS (bench/measure.c)
cc -O2 -o "$work/measure" "$root/bench/measure.c" || { echo "bench/e2e: bench/measure.c does not build"; exit 2; }
status=0
failures=()
fail() { echo "bench/e2e: FAILURE: $*"; failures+=("$*"); status=1; }

# ---- variants: name, build, preloaded library ----
vnames=() vbuilds=() vlibs=() notes=()
variant() { vnames+=("$1"); vbuilds+=("$2"); vlibs+=("${3:-}"); }
variant plain plain
variant plugin plugin
variant escrt escrt
variant plugin+rt rt
variant oracle oracle
peers=()
for peer in tcmalloc:libtcmalloc_minimal.so.4 jemalloc:libjemalloc.so.2 mimalloc:libmimalloc.so.2; do
  if [ -f "$libdir/${peer#*:}" ]; then
    peers+=("$peer")
  else
    notes+=("${peer%%:*} not installed ($libdir/${peer#*:}): its columns are skipped; scripts/setup-debian.sh bench installs it")
  fi
done
for b in plain plugin; do
  for peer in "${peers[@]}"; do variant "$b+${peer%%:*}" "$b" "$libdir/${peer#*:}"; done
done

# ---- builds ----
build() { # program kind
  local src=$here/$1.c out=$work/$1.$2
  case $2 in
  plain) "$clang" $cflags "$src" -o "$out" ;;
  plugin) "$clang" $cflags $plugin -Rpass=escape -Rpass-missed=escape "$src" -o "$out" 2>"$work/$1.remarks" ;;
  escrt) [ -f "$rtlib" ] && "$clang" $cflags "$src" "$rtlib" -pthread -o "$out" ;;
  rt) [ -f "$rtlib" ] && "$clang" $cflags $plugin -mllvm -escape-runtime -Rpass=escape "$src" "$rtlib" -pthread \
        -o "$out" 2>"$work/$1.rt.remarks" ;;
  oracle) "$clang" $cflags -DORACLE "$src" -o "$out" ;;
  esac
}
declare -A built
for p in $programs; do
  for k in plain plugin escrt rt oracle; do
    if build "$p" "$k" >>"$work/build.log" 2>&1; then built[$p.$k]=1; fi
  done
  [ -n "${built[$p.plain]:-}" ] || { echo "bench/e2e: $p does not build; see $work/build.log"; exit 1; }
done
for p in $programs; do
  if [ -z "${built[$p.rt]:-}" ]; then
    why=$(grep -m1 -iE 'unknown|error|not implemented|refused' "$work/$p.rt.remarks" 2>/dev/null)
    [ -f "$rtlib" ] || why="no $rtlib"
    notes+=("plugin+rt: $p not built with -escape-runtime (${why:-see $work/build.log}); its column is -")
  fi
done

# Every TEMP/TEMPN/TEMPZ line of a source must get "moved to stack".
verdicts=""
for p in $programs; do
  [ -n "${built[$p.plugin]:-}" ] || continue
  temps=$(grep -nE '^\s*TEMP[NZ]?\(' "$here/$p.c" | cut -d: -f1)
  moved=0 total=0 missing=""
  for l in $temps; do
    total=$((total + 1))
    if grep -qE "^[^ ]*$p\.c:$l:[0-9]+: remark: .*moved to stack" "$work/$p.remarks"; then
      moved=$((moved + 1))
    else
      missing="$missing $l"
    fi
  done
  heap=$(grep -cE "remark: .*(escapes to heap|stays on heap)" "$work/$p.remarks")
  verdicts="$verdicts $p $moved/$total,"
  if [ -n "$missing" ]; then
    fail "$p: temporaries not moved to the stack at line(s)$missing (see $work/$p.remarks)"
  fi
  echo "$p $moved $total $heap" >>"$work/verdicts"
done

# ---- runs ----
binary() { echo "$work/$1.${vbuilds[$2]}"; }
counted() { [[ " ${COUNT_VARIANTS:-${vnames[*]}} " == *" ${vnames[$1]} "* ]]; }
available() { [ -n "${built[$1.${vbuilds[$2]}]:-}" ]; }
command_of() { # program variant-index: the command line, preload first
  cmd=()
  [ -n "$pin" ] && cmd=(taskset -c "$pin")
  [ -n "${vlibs[$2]}" ] && cmd+=(env LD_PRELOAD="${vlibs[$2]}")
  cmd+=("$(binary "$1" "$2")")
}
declare -A ref
check_output() { # program variant-index scale output-file
  local key=$1.$3
  if [ -z "${ref[$key]:-}" ]; then ref[$key]=$(cat "$4"); return; fi
  [ "$(cat "$4")" = "${ref[$key]}" ] ||
    fail "$1 ${vnames[$2]} (scale $3%) printed '$(cat "$4")', plain printed '${ref[$key]}'"
}
raw=$work/raw
: >"$raw"
# A round runs every variant of a program back to back, forwards in even
# rounds and backwards in odd ones, so that a machine slowing down or
# speeding up during a round does not favour the variants that come first.
nv=${#vnames[@]}
for ((r = 0; r < runs; r++)); do
  for p in $programs; do
    for ((k = 0; k < nv; k++)); do
      i=$((r % 2 ? nv - 1 - k : k))
      available "$p" "$i" || continue
      command_of "$p" "$i"
      if "$work/measure" -o "$work/time" "${cmd[@]}" "$scale" >"$work/out" 2>"$work/err"; then
        awk -v p="$p" -v v="${vnames[$i]}" -v r="$r" '{ printf "cpu %s %s %.4f %d\nwall %s %s %.4f %d\nrss %s %s %d %d\n",
          p, v, $1 + $2, r, p, v, $3, r, p, v, $4, r }' "$work/time" >>"$raw"
        check_output "$p" "$i" "$scale" "$work/out"
      else
        fail "$p ${vnames[$i]} exited with an error: $(head -c 300 "$work/err")"
      fi
    done
  done
done

if [ "$count" != 0 ] && command -v valgrind >/dev/null; then
  # The counts do not depend on the machine's load: CG_JOBS (2) programs run
  # under callgrind side by side, then their outputs are checked in order.
  cg=$work/cg
  mkdir -p "$cg"
  for p in $programs; do
    for i in "${!vnames[@]}"; do
      available "$p" "$i" && counted "$i" || continue
      while [ "$(jobs -rp | wc -l)" -ge "${CG_JOBS:-2}" ]; do wait -n; done
      command_of "$p" "$i"
      # valgrind adds its own preload to LD_PRELOAD: the variable goes around it
      LD_PRELOAD=${vlibs[$i]} valgrind --tool=callgrind --callgrind-out-file="$cg/$p.$i.cg" "${cmd[-1]}" "$cscale" \
        >"$cg/$p.$i.out" 2>/dev/null &
    done
  done
  wait
  for p in $programs; do
    for i in "${!vnames[@]}"; do
      available "$p" "$i" && counted "$i" || continue
      check_output "$p" "$i" "$cscale" "$cg/$p.$i.out"
      awk -v p="$p" -v v="${vnames[$i]}" '/^(summary|totals):/ { print "instr", p, v, $2, 0; exit }' "$cg/$p.$i.cg" >>"$raw"
    done
  done
elif [ "$count" != 0 ]; then
  notes+=("valgrind not installed: no instruction counts")
fi

# ---- report ----
{
  printf 'e2e: %d programs, LLVM %s, %d cores, scale %s%%, %d interleaved rounds%s; ratios to plain, medians of the per-round ratios (< 1 is better)\n' \
    "$(echo $programs | wc -w)" "$major" "$(nproc)" "$scale" "$runs" "${pin:+, every run on processor $pin}"
  for n in "${notes[@]}"; do echo "  note: $n"; done
  printf '  temporaries moved to the stack by the plugin (TEMP sites):%s\n' "${verdicts%,}"
  awk -v programs="$programs" -v variants="${vnames[*]}" -v cscale="$cscale" '
  function median(list,   n, i, j, t, a) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n ? a[int((n + 1) / 2)] : ""
  }
  function has(m, p, v) { return (m SUBSEP p SUBSEP v) in med }
  # The median over the rounds of a / b, a and b of the same round: a
  # ratio of runs seconds apart, which a machine that changes speed between
  # rounds moves less than a ratio of two medians.
  function pair(m, p, a, b,   r, l) {
    l = ""
    for (r = 0; r < rounds[m]; r++)
      if ((m SUBSEP p SUBSEP a SUBSEP r) in at && (m SUBSEP p SUBSEP b SUBSEP r) in at && at[m, p, b, r] > 0)
        l = l " " at[m, p, a, r] / at[m, p, b, r]
    return median(l)
  }
  function ratio(m, p, v) { return pair(m, p, v, "plain") }
  # geometric mean of the ratios over all programs ("" if one is missing)
  function geo(m, v,   i, s) {
    s = 0
    for (i = 1; i <= np; i++) { if (!has(m, P[i], v) || !has(m, P[i], "plain")) return ""; s += log(ratio(m, P[i], v)) }
    return exp(s / np)
  }
  function fmt(x) { return x == "" ? "-" : sprintf("%.2f", x) }
  function table(m, title, unit, div,   i, j, g) {
    printf "\n## %s\n%-17s", title, "variant"
    for (i = 1; i <= np; i++) printf "%9s", P[i]
    printf "%9s\n%-17s", "geomean", "plain (" unit ")"
    for (i = 1; i <= np; i++) printf "%9s", (has(m, P[i], "plain") ? sprintf((div >= 1e6 ? "%.1f" : "%.2f"), med[m, P[i], "plain"] / div) : "-")
    printf "\n"
    for (j = 1; j <= nv; j++) {
      printf "%-17s", V[j]
      for (i = 1; i <= np; i++) printf "%9s", (has(m, P[i], V[j]) && has(m, P[i], "plain") ? fmt(ratio(m, P[i], V[j])) : "-")
      printf "%9s\n", fmt(geo(m, V[j]))
    }
  }
  # the fastest of the variants named prefix+<peer> for program p, by metric m
  function best_peer(m, p, prefix,   j, b) {
    b = ""
    for (j = 1; j <= nv; j++)
      if (index(V[j], prefix "+") == 1 && V[j] != "plugin+rt" && has(m, p, V[j]) && (b == "" || ratio(m, p, V[j]) < ratio(m, p, b))) b = V[j]
    return b
  }
  function targets(m, what,   i, p, so, sp, ok, line, g, worst, wv, wp, r, j, b, bg, n, okall, s, rt) {
    printf "\ntargets, by %s:\n", what
    # 1. plugin >= 95% of the oracle speedup, every program
    ok = 1; line = ""
    for (i = 1; i <= np; i++) {
      p = P[i]
      if (!has(m, p, "plugin") || !has(m, p, "oracle")) { ok = -1; continue }
      # the plugin speedup over the oracle speedup is oracle / plugin, per round
      sp = 1 / ratio(m, p, "plugin"); so = 1 / ratio(m, p, "oracle"); r = 1 / pair(m, p, "plugin", "oracle")
      if (r < 0.95) ok = 0
      s = (so > 1) ? sprintf(", %.0f%% of the time saved", 100 * (1 - 1 / sp) / (1 - 1 / so)) : ""
      line = line sprintf("\n      %-9s plugin %.2fx, oracle %.2fx: %.0f%% of the oracle speedup%s", p, sp, so, 100 * r, s)
    }
    printf "  [%s] plugin >= 95%% of the oracle speedup on each program%s\n", (ok < 0 ? "n/a" : (ok ? "met" : "MISSED")), line
    # 2. plugin+rt >= 1.55x faster than plain, geomean
    g = geo(m, "plugin+rt")
    printf "  [%s] plugin+rt >= 1.55x faster than plain (geomean): %s\n", (g == "" ? "n/a" : (1 / g >= 1.55 ? "met" : "MISSED")),
      (g == "" ? "-" : sprintf("%.2fx (ratio %.3f)", 1 / g, g))
    # 3. no program slower than plain by more than 3%, Escape variants; peers for information
    worst = 0; line = ""
    for (j = 1; j <= nv; j++) for (i = 1; i <= np; i++) {
      if (!has(m, P[i], V[j])) continue
      r = ratio(m, P[i], V[j])
      if (V[j] == "plugin" || V[j] == "escrt" || V[j] == "plugin+rt") { if (r > worst) { worst = r; wv = V[j]; wp = P[i] } }
      else if (r > 1.03) line = line sprintf(" %s/%s %.2f", V[j], P[i], r)
    }
    printf "  [%s] no program slower than plain by more than 3%% in any Escape variant (plugin, escrt, plugin+rt): worst %s\n",
      (worst <= 1.03 ? "met" : "MISSED"), (worst ? sprintf("%.3f (%s, %s)", worst, wv, wp) : "-")
    if (line != "") printf "        (peers over 1.03, for information:%s)\n", line
    # 4. plugin+rt faster than plugin + the best peer, geomean and every program
    okall = 1; line = ""; bg = 0; n = 0
    for (i = 1; i <= np; i++) {
      p = P[i]; b = best_peer(m, p, "plugin")
      if (b == "" || !has(m, p, "plugin+rt")) { okall = -1; continue }
      rt = pair(m, p, "plugin+rt", b)
      if (rt >= 1) okall = 0
      bg += log(ratio(m, p, b)); n++
      line = line sprintf("\n      %-9s plugin+rt %.2f, %s %.2f: plugin+rt/best = %.3f", p, ratio(m, p, "plugin+rt"), b, ratio(m, p, b), rt)
    }
    g = geo(m, "plugin+rt")
    if (okall >= 0 && g != "" && n) { bg = exp(bg / n); if (g >= bg) okall = 0 }
    printf "  [%s] plugin+rt faster than plugin + best peer allocator (geomean and every program): %s%s\n",
      (okall < 0 ? "n/a" : (okall ? "met" : "MISSED")), (okall < 0 ? "-" : sprintf("geomean %.3f vs %.3f (best peer per program)", g, bg)), line
  }
  $1 == "cpu" || $1 == "wall" || $1 == "rss" || $1 == "instr" {
    vals[$1, $2, $3] = vals[$1, $2, $3] " " $4; at[$1, $2, $3, $5] = $4
    if ($5 + 1 > rounds[$1]) rounds[$1] = $5 + 1
  }
  END {
    np = split(programs, P, " "); nv = split(variants, V, " ")
    for (k in vals) { med[k] = median(vals[k]) }
    table("cpu", "CPU time, user+sys", "s", 1)
    table("wall", "wall time", "s", 1)
    table("rss", "peak RSS", "MB", 1024)
    if (has("instr", P[1], "plain")) table("instr", "instructions (callgrind, scale " cscale "%)", "M", 1e6)
    printf "\nsummary (CPU time):\n  geomean ratio to plain:"
    for (j = 2; j <= nv; j++) printf " %s %s", V[j], fmt(geo("cpu", V[j]))
    printf "\n  best peer per program (fastest of tcmalloc/jemalloc/mimalloc, with and without the plugin):\n"
    for (i = 1; i <= np; i++) {
      b = best_peer("cpu", P[i], "plain"); c = best_peer("cpu", P[i], "plugin")
      printf "      %-9s %s %s, %s %s; plugin+rt %s\n", P[i], (b == "" ? "-" : b), (b == "" ? "" : fmt(ratio("cpu", P[i], b))),
        (c == "" ? "-" : c), (c == "" ? "" : fmt(ratio("cpu", P[i], c))), (has("cpu", P[i], "plugin+rt") ? fmt(ratio("cpu", P[i], "plugin+rt")) : "-")
    }
    targets("cpu", "CPU time (median; the machine is shared, timings move by several %)")
    if (has("instr", P[1], "plain")) targets("instr", "instructions (callgrind, repeatable)")
  }' "$raw"
  if [ $status = 0 ]; then
    echo "checks: every variant printed plain's checksum; every temporary was moved to the stack"
  else
    for f in "${failures[@]}"; do echo "FAILURE: $f"; done
  fi
} | tee "$report"
exit $status
