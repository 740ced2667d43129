// Objects live at the same time get distinct slots; objects whose lifetimes
// do not overlap may share one. Either way every value read back is its own.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long overlapping(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *a = malloc(32);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *b = malloc(32);
  fill(a, 8, seed);
  fill(b, 8, -seed);
  long s = sum(a, 8) * 1000 + sum(b, 8);
  free(a);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *c = malloc(32);
  fill(c, 8, seed * 3);
  s = s * 7 + sum(b, 8) + sum(c, 8) * 10;
  free(b);
  free(c);
  return s;
}

int main(void) {
  printf("%ld %ld\n", overlapping(opaque(5)), overlapping(opaque(9)));
  return 0;
}
