// The per-function budget (4096 bytes): four 1000-byte objects move, the
// fifth stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long budget(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape: moved to stack
  int *a = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape: moved to stack
  int *b = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape: moved to stack
  int *c = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape: moved to stack
  int *d = malloc(1000);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape, but stays on heap: frame budget exceeded
  int *e = malloc(1000);
  int *all[5] = {a, b, c, d, e};
  long s = 0;
  for (int i = 0; i < 5; i++)
    fill(all[i], 250, seed * i);
  for (int i = 0; i < 5; i++)
    s = s * 3 + sum(all[i], 250);
  free(e);
  free(d);
  free(c);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("%ld\n", budget(opaque(2)));
  return 0;
}
