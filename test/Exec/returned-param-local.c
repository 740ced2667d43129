// C10: an object flows through a callee that returns its parameter; the
// result stays local, so the object moves and the free through the result is
// deleted.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE int *identity(int *p) { return p; }

NOINLINE long through_identity(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *p = malloc(32);
  int *q = identity(p);
  fill(q, 8, seed);
  long s = sum(p, 8);
  free(q);
  return s;
}

int main(void) {
  printf("%ld\n", through_identity(opaque(30)));
  return 0;
}
