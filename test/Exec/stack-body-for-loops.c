// A function whose moved object is inside a loop gets two bodies up to 8
// times max-version-size instructions (docs/design.md, "Two bodies"): with
// guarded slots it would pay a branch and a compare on every iteration.
// Under a limit of 6, `rows` (a loop, more instructions than 6, fewer than
// 48) gets two bodies and `once` (no loop, as large) keeps guarded slots;
// `huge` (a loop, more than 48) keeps them too. All run as without the
// plugin, under ASan, and near the end of the stack, where the check sends
// the loop's objects to the heap.
// RUN: env ESCAPE_OPTIONS=max-version-size=6 %exec_variants --stack 8192 %s %t
// RUN: %clang_escape -O2 -w -mllvm -escape-max-version-size=6 %s -o %t.six
// RUN: nm %t.six | FileCheck --check-prefix=BODIES %s
// RUN: nm %t.six | not grep -E '(once|huge)\.escape'
// RUN: ulimit -s 8192 && %t.six where | FileCheck --check-prefix=WHERE %s
// The default limit (400) gives all three two bodies.
// RUN: %clang_escape -O2 -w %s -o %t.default
// RUN: nm %t.default | FileCheck --check-prefix=DEFAULT %s
// BODIES-DAG: t rows.escape.stack
// BODIES-DAG: t rows.escape.heap
// DEFAULT-DAG: t rows.escape.stack
// DEFAULT-DAG: t once.escape.stack
// DEFAULT-DAG: t huge.escape.stack
#include "Inputs/exec.h"

static int show_where;

// Where an object lies: in the caller's frame (a stack body's slot) or not.
NOINLINE static const char *place(const int *p, const char *frame) {
  long away = (const char *)p - frame;
  return away > -16384 && away < 16384 ? "stack" : "heap";
}

// Each row's temporary, in a loop.
NOINLINE static long rows(int n, const char *label) {
  char frame;
  long total = 0;
  for (int r = 0; r < n; r++) {
    int *row = malloc(40 * sizeof *row);
    fill(row, 40, r);
    total += sum(row, 40);
    if (show_where && r == 0)
      printf("%s: %s\n", label, place(row, &frame));
    free(row);
  }
  return total;
}

// One temporary, no loop around it.
NOINLINE static long once(int seed) {
  int *t = malloc(40 * sizeof *t);
  fill(t, 40, seed);
  long s = sum(t, 40) + opaque(seed) * 3 + opaque(seed + 1) * 5;
  s += opaque((int)s) + opaque(seed + 2);
  free(t);
  return s;
}

// A loop, and more than 8 times the limit of instructions around it.
NOINLINE static long huge(int n) {
  long s = 0;
  for (int r = 0; r < n; r++) {
    int *t = malloc(40 * sizeof *t);
    fill(t, 40, r);
    s += sum(t, 40);
    free(t);
  }
#define TERM(k) s = s * 31 + opaque((int)s + k);
#define TERMS8(k) TERM(k) TERM(k + 1) TERM(k + 2) TERM(k + 3) TERM(k + 4) TERM(k + 5) TERM(k + 6) TERM(k + 7)
  TERMS8(0) TERMS8(8) TERMS8(16) TERMS8(24)
  return s;
}

// Uses 64 KiB of stack per level and moves nothing itself.
NOINLINE static long descend(int levels, const char *label) {
  volatile char pad[65536];
  pad[levels & 1023] = (char)levels;
  if (levels == 0)
    return rows(opaque(1000), label) + pad[0];
  return descend(levels - 1, label) + pad[levels & 1023];
}

int main(int argc, char **argv) {
  show_where = argc > 1;
  printf("rows %ld\n", rows(opaque(1000), "top"));
  // 7 MiB into the 8 MiB stack: less than a quarter is left.
  printf("deep %ld\n", descend(opaque(112), "7 MiB deep"));
  printf("once %ld\n", once(opaque(5)));
  printf("huge %ld\n", huge(opaque(300)));
  return 0;
}
// WHERE: top: stack
// WHERE: rows 20760000
// WHERE: 7 MiB deep: heap
