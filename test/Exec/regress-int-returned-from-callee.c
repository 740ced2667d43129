// Regression (was a miscompile): a pointer returned as an integer by a callee
// (`uintptr_t addr(int *p) { return (uintptr_t)p; }`) and stored to a global
// (`gkey = addr(m)`). The old plugin dropped the call result, as it is not a
// pointer, and moved the malloc to the stack, so main read a dead frame
// through gkey. The object must stay on the heap (converted to integer).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

uintptr_t gkey;

NOINLINE uintptr_t addr(int *p) { return (uintptr_t)p; }

NOINLINE void f(int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(4) escapes to heap: converted to integer
  int *m = malloc(4);
  *m = v;
  gkey = addr(m);
}

int main(void) {
  f(opaque(11));
  scribble(9);
  int *p = (int *)gkey;
  printf("%d\n", *p);
  free(p);
  return 0;
}
