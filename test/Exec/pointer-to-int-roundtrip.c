// C73: a pointer turned into an integer, offset, and turned back within the
// function is a derived pointer, not an escape: the object moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long roundtrip(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) does not escape: moved to stack
  int *p = malloc(64);
  uintptr_t bits = (uintptr_t)p;
  int *q = (int *)(bits + 4 * sizeof(int));
  fill(p, 4, seed * 2);
  fill(q, 4, seed);
  long s = sum(p, 8);
  free((void *)bits);
  return s;
}

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("%ld\n", roundtrip(opaque(i + 1)));
  return 0;
}
