// C74: a pointer converted to an integer that leaves the function can be
// turned back into a pointer anywhere: the object stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

uintptr_t gkey;

NOINLINE void remember(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: converted to integer
  int *p = malloc(16);
  fill(p, 4, seed);
  gkey = (uintptr_t)p;
}

NOINLINE long recall(void) { return sum((const int *)gkey, 4); }

int main(void) {
  remember(opaque(9));
  scribble(3);
  printf("%ld\n", recall());
  free((void *)gkey);
  return 0;
}
