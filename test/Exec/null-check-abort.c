// C76: the usual `if (!p) abort();` after malloc does not keep the object on
// the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long checked(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(48) does not escape: moved to stack
  int *p = malloc(12 * sizeof *p);
  if (!p)
    abort();
  fill(p, 12, seed);
  long s = sum(p, 12);
  free(p);
  return s;
}

int main(void) {
  printf("%ld\n", checked(opaque(8)));
  return 0;
}
