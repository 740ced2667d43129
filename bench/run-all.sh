#!/usr/bin/env bash
# `make bench`: every benchmark (bench/*/run.sh) for one LLVM major's tree,
# then ONE summary table of their headline lines. Each part also runs alone
# (bench/<part>/run.sh MAJOR) and prints its full tables; ratios everywhere
# are against baselines measured in the same run, and none fails on timing
# (a wrong checksum or a failed build does fail).
#   bench/run-all.sh [LLVM-MAJOR]     (default 19; logs in bench/out/all-N/)
# The defaults keep the whole run near 18 minutes on a 2-core machine at its
# usual speed (18.5 at night, 2026-12-08; 20.5 on the slowest evening seen,
# 2026-12-07, before e2e counted only the variants its targets read);
# each part alone runs its full size:
#   compile   sqlite3.c and lmdb's mdb.c, go and go+rt (COMPILE_MODES),
#             COMPILE_RUNS=3 interleaved runs of sqlite3.c (12 of the
#             cheap mdb.c: bench/compile/run.sh), and the callgrind counts of
#             mdb.c's compile with and without go+rt, side by side
#             (COMPILE_COUNT_INPUTS=lmdb, COMPILE_COUNT_MODES=go+rt; SQLite's
#             take ~25 minutes each; COMPILE_COUNT=0 skips them)
#   e2e       E2E_RUNS=9 at E2E_SCALE=50%, callgrind at 4% (E2E_COUNT=0
#             skips it) of the variants the targets read (E2E_COUNT_VARIANTS;
#             "" counts all): nine half-length rounds take the time of five
#             full ones, and the median of their ratios moves less when the
#             machine changes speed for a few seconds (format's lead of 2.4%
#             over the best peer read 1.013 in one median of five)
#   growable  GROWABLE_RUNS=3, 10M records and 15M lines, callgrind at
#             200,000 (GROWABLE_COUNT=0 skips it)
#   h2s       the execution suite and escgen seeds 1-20 (H2S_CORPORA,
#             GEN_SEEDS; alone: seeds 1-300 and lmdb, Lua and SQLite, whose
#             rows are zeros but lmdb's 2 under LTO)
#   runtime   RUNTIME_PARTS="micro sweep instr rss" (macro, clang compiling
#             SQLite under each allocator, adds ~5 minutes)
# BENCH_PARTS="e2e compile" runs only those parts; SUMMARY_ONLY=1 prints the
# summary again from the logs of the last run.
set -uo pipefail
cd "$(dirname "$0")/.."
n=${1:-19}
log=bench/out/all-$n
mkdir -p "$log"
status=0
start=$(date +%s)
declare -A took

part_args() { # part -> env and arguments of its run.sh
  case $1 in
  runtime) echo "$n ${RUNTIME_PARTS:-micro sweep instr rss}" ;;
  *) echo "$n" ;;
  esac
}
parts=${BENCH_PARTS:-$(for b in bench/*/run.sh; do basename "$(dirname "$b")"; done | tr '\n' ' ')}
for p in $parts; do
  [ -n "${SUMMARY_ONLY:-}" ] && break
  b=bench/$p/run.sh
  [ -x "$b" ] || { echo "bench: no $b"; status=1; continue; }
  echo "=== $b $(part_args "$p")"
  t0=$(date +%s)
  # shellcheck disable=SC2046 # part_args is a word list
  case $p in
  compile)
    RUNS=${COMPILE_RUNS:-3} MODES=${COMPILE_MODES:-go go+rt} COUNT=${COMPILE_COUNT:-1} \
      COUNT_INPUTS=${COMPILE_COUNT_INPUTS:-lmdb} COUNT_MODES=${COMPILE_COUNT_MODES:-go+rt} "$b" $(part_args "$p") ;;
  h2s) H2S_CORPORA=${H2S_CORPORA:-exec gen} GEN_SEEDS=${GEN_SEEDS:-20} "$b" $(part_args "$p") ;;
  e2e) RUNS=${E2E_RUNS:-9} SCALE=${E2E_SCALE:-50} COUNT=${E2E_COUNT:-1} \
      COUNT_VARIANTS=${E2E_COUNT_VARIANTS-plain plugin escrt plugin+rt oracle plugin+tcmalloc plugin+jemalloc plugin+mimalloc} \
      "$b" $(part_args "$p") ;;
  growable) RUNS=${GROWABLE_RUNS:-3} COUNT=${GROWABLE_COUNT:-1} "$b" $(part_args "$p") ;;
  *) "$b" $(part_args "$p") ;;
  esac 2>&1 | tee "$log/$p.txt"
  rc=${PIPESTATUS[0]}
  took[$p]=$(($(date +%s) - t0))
  [ "$rc" = 0 ] || { echo "bench: $b failed (exit $rc)"; status=1; }
  echo "=== $p: ${took[$p]} s"
  echo
done
total=$(($(date +%s) - start))

# ---- the summary: headline lines picked from each part's log ----
have() { [ -s "$log/$1.txt" ] && [[ " $parts " == *" $1 "* ]]; }
row() { printf '  %-34s %s\n' "$1" "$2"; }
echo "================================================================================"
[ -n "${SUMMARY_ONLY:-}" ] && total="(summary only)"
echo "summary: make bench, LLVM $n, $(nproc) cores, $total s in all ($(for p in $parts; do printf '%s %s s, ' "$p" "${took[$p]:-?}"; done | sed 's/, $//'))"
echo "ratios are to a baseline measured in the same run; < 1 is better unless said otherwise"
echo
if have compile; then
  echo "compile time at -O2, clang + EscapePlugin in each mode / clang (targets: go and go+rt <= 1.02x, precise <= 1.03x)"
  awk '/^compile:/ { sec = "CPU s" } /^instructions/ { sec = "instructions" }
       /^  input / { m = (NF - 2) / 2; for (i = 1; i <= m; i++) mode[i] = $(i + 2); next }
       /^  (sqlite3\.c|lmdb mdb\.c) / && m > 0 {
         n = split(substr($0, 15), v, " "); if (n != 2 * m + 1) next
         line = ""; vals = ""
         for (i = 1; i <= m; i++) { line = line sprintf("%s %s  ", mode[i], v[m + 1 + i]); vals = vals sprintf(", %s %s", mode[i], v[i + 1]) }
         printf "  %-34s %s(%s: clang %s%s)\n", substr($0, 3, 12), line, sec, v[1], vals }' "$log/compile.txt"
  echo
fi
if have h2s; then
  echo "heap-to-stack sites moved at -O2 (Escape file by file and under LTO, LLVM's Attributor; ok/wrong/crash vs -O0)"
  awk '/^## sites moved/ { sec = "sites"; next } /^## correctness/ { sec = "runs"; next } /^##/ || /^failures/ { sec = ""; next }
       /^corpus / { for (i = 2; i <= NF; i++) col[i - 1] = $i; next }
       sec != "" && NF > 2 {
         name = substr($0, 1, 30); sub(/ +$/, "", name); n = split(substr($0, 31), v, " ")
         if (!(name in seen)) { seen[name] = 1; order[++k] = name }
         for (i = 1; i <= n; i++) val[sec, name, col[i]] = v[i] }
       END { for (j = 1; j <= k; j++) { name = order[j]
               line = sprintf("  %-34s %s sites:", name, val["sites", name, "sites"])
               split("go precise go-lto precise-lto attr-128 attr-1024", b, " ")
               for (i = 1; i <= 6; i++) line = line sprintf(" %s %s (%s)%s", b[i], val["sites", name, b[i]], val["runs", name, b[i]], i < 6 ? "," : "")
               print line } }' "$log/h2s.txt"
  echo
fi
if have runtime; then
  echo "libescrt vs each allocator (geomean of libescrt/peer; < 1: libescrt ahead)"
  # Every table of bench/runtime has the columns: name, the four peers,
  # escrt, the best peer's name, escrt/best.
  awk '/^## micro/ { sec = "micro" } /^## sweep/ { sec = "sweep" } /^## instr/ { sec = "instr" } /^## rss/ { sec = "rss" }
       /^##/ { next }
       $NF == "escrt/best" { for (i = 2; i <= NF; i++) { nm[i] = $i; if ($i == "escrt") e = i }; ncol = NF; next }
       (sec == "micro" || sec == "sweep") && NF == ncol && e {
         for (i = 2; i < e; i++) if ($i > 0 && $e > 0) { s[sec, nm[i]] += log($e / $i); c[sec, nm[i]]++ } }
       sec == "instr" && /^malloc\+free / && NF == ncol { for (i = 2; i <= e; i++) iv[i] = $i }
       sec == "rss" && $1 != "allocator" && NF >= 7 { rss[$1] = $NF }
       END {
         for (k = 0; k < 2; k++) {
           sec = k ? "sweep" : "micro"; line = ""
           for (i = 2; i < e; i++) if (c[sec, nm[i]]) line = line sprintf("  %s %.2f", nm[i], exp(s[sec, nm[i]] / c[sec, nm[i]]))
           if (line != "") printf "  %-34s%s\n", (k ? "sweep, ns/op (K = 1..64)" : "micro, ns/op (every pattern)"), line
         }
         if (iv[e] > 0) { line = ""; for (i = 2; i < e; i++) if (iv[i] > 0) line = line sprintf("  %s %.2f", nm[i], iv[e] / iv[i])
                          printf "  %-34s%s  (escrt %s instr)\n", "instructions per hot malloc+free", line, iv[e] }
         line = ""; split("glibc jemalloc tcmalloc mimalloc escrt", order, " ")
         for (i = 1; i <= 5; i++) if (order[i] in rss) line = line sprintf("  %s %s", order[i], rss[order[i]])
         if (line != "") printf "  %-34s%s\n", "RSS 10 s after a burst, % of peak", line
       }' "$log/runtime.txt"
  echo
fi
if have report; then
  echo "escape-report on 10,000 record files (vs llvm-remarkutil count on the same remarks)"
  awk '/^escape-report --format (text|json|sarif)/ { printf "  %-34s %s s  (%s)\n", $2 " " $3, $(NF - 2), $NF }' "$log/report.txt"
  awk '/^in [0-9]+ objects, zlib blobs/ { printf "  %-34s %s s  (%s the .opt.yaml files)\n", "json from objects", $(NF - 1), $NF }' "$log/report.txt"
  echo
fi
if have stack-guard; then
  echo "stack check of a moved object (instructions per call; 64-byte temporary)"
  awk '/^  (malloc|escape|guarded|local array) / { name = $1 ($1 == "local" ? " array" : ""); off = ($1 == "local") ? 1 : 0
       printf "  %-34s %s instr, %s ns\n", name, $(2 + off), $(3 + off) }' "$log/stack-guard.txt"
  echo
fi
if have e2e; then
  echo "end to end (bench/e2e): CPU time, ratio to plain (clang -O2, glibc): median of the rounds' ratios"
  awk '/^## CPU time/ { on = 1; next } on && /^$/ { on = 0 } on { print "  " $0 }' "$log/e2e.txt"
  awk '/^## instructions/ { on = 1; next } on && /^$/ { on = 0 } on && /^(variant|plugin\+rt|plugin |oracle|plain )/ { print "  instr  " $0 }' "$log/e2e.txt"
  awk '/^targets, by/ { on = 1 } /^(checks:|FAILURE)/ { on = 0; print "  " $0 } on && !/^$/ { print "  " $0 }' "$log/e2e.txt"
  echo
fi
if have growable; then
  echo "growable buffers (bench/growable): plugin / plain (clang -O2, glibc); the best of every variant"
  awk '/^## heap calls/ { sec = "calls" } /^## time/ { sec = "time" }
       sec == "calls" && $2 == "plugin/plain" { printf "  %-34s malloc %s, realloc %s, free %s\n", $1 " heap calls", $3, $4, $5 }
       sec == "time" && ($2 == "cpu" || $2 == "instr") {
         printf "  %-34s %s  (best: %s %s)\n", $1 " " ($2 == "cpu" ? "CPU time" : "instructions"), $(NF - 2), $(NF - 1), $NF }
       /^(checks:|FAILURE)/ { print "  " $0 }' "$log/growable.txt"
  echo
fi
[ $status = 0 ] || echo "bench: some parts failed (see above and $log/)"
exit $status
