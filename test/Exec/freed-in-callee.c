// C67: a free inside a shared callee cannot be deleted for one caller, so the
// object stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long consume(int *p, int n) {
  long s = sum(p, n);
  free(p);
  return s;
}

NOINLINE long caller(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(40) {{.*}}heap: freed in callee {{.?}}consume
  int *p = malloc(40);
  fill(p, 10, seed);
  return consume(p, 10);
}

int main(void) {
  long t = 0;
  for (int i = 0; i < 5; i++)
    t += caller(i);
  printf("%ld\n", t);
  return 0;
}
