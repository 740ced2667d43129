// C27: storing the pointer through a local alias of a local variable is not
// an escape once the alias resolves to the variable: the object moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long alias(int seed) {
  int *p;
  int **y = &p;
  // CHECK: :[[@LINE+1]]:8: remark: malloc(16) does not escape: moved to stack
  *y = malloc(16);
  fill(p, 4, seed);
  long s = sum(*y, 4);
  free(p);
  return s;
}

int main(void) {
  printf("%ld\n", alias(opaque(13)));
  return 0;
}
