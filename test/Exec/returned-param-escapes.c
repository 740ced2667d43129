// C11: the same identity callee, but its result is stored in a global: the
// object stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

int *gp;

NOINLINE int *identity(int *p) { return p; }

NOINLINE void publish(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: {{stored to global .?gp|passed to .?identity}}
  int *p = malloc(16);
  fill(p, 4, seed);
  gp = identity(p);
}

int main(void) {
  publish(opaque(2));
  scribble(9);
  printf("%ld\n", sum(gp, 4));
  free(gp);
  return 0;
}
