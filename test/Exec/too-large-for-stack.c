// C58: the per-object limit (1024 bytes): 1024 moves, 1025 and 65536 stay on
// the heap with the sizes in the remark.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long sizes(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1024) does not escape: moved to stack
  int *a = malloc(1024);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1025) does not escape, but stays on heap: too large for stack (1025 > 1024)
  int *b = malloc(1025);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(65536) does not escape, but stays on heap: too large for stack (65536 > 1024)
  int *c = malloc(65536);
  fill(a, 256, seed);
  fill(b, 256, seed + 1);
  fill(c, 16384, seed + 2);
  long s = sum(a, 256) + sum(b, 256) * 3 + sum(c, 16384) * 5;
  free(c);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("%ld\n", sizes(opaque(1)));
  return 0;
}
