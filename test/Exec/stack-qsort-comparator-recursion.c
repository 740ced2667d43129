// Issue 16: recursion through qsort: the comparator calls back into the
// function that called qsort, whose four 1000-byte temporaries are live across
// qsort. No call in the module leads back, so they used to move (the full
// frame budget) and the deep nesting overflowed the stack. (Large objects:
// the ASan build already needs ~2.4 KiB of stack per level through qsort.)
// RUN: %exec_variants --stack 51200 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long nest(int d);

// The depth the next comparison descends to (-1: none); taken once per level.
static int pending = -1;
static long nested;

static int cmp_int(const void *a, const void *b) {
  if (pending >= 0) {
    int d = pending;
    pending = -1;
    nested = (nested + nest(d)) % 1000003;
  }
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

NOINLINE long nest(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape, but stays on heap: recursive function (through `qsort`)
  int *a = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape, but stays on heap: recursive function (through `qsort`)
  int *b = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape, but stays on heap: recursive function (through `qsort`)
  int *c = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape, but stays on heap: recursive function (through `qsort`)
  int *e = malloc(1000);
  fill(a, 250, d);
  fill(b, 250, 2 * d);
  fill(c, 250, 3 * d);
  fill(e, 250, -d);
  int pair[2] = {d, -d};
  pending = d - 1;
  qsort(pair, 2, sizeof *pair, cmp_int);
  long s = sum(a, 250) + sum(b, 250) * 3 + sum(c, 250) * 5 + sum(e, 250) + pair[0];
  free(e);
  free(c);
  free(b);
  free(a);
  return s % 1000003;
}

int main(void) {
  long s = nest(opaque(16000));
  printf("%ld %ld\n", s, nested);
  return 0;
}
