// Regression (was a miscompile): a pointer written through one union member
// and read back through its integer member (`gkey = u.i`) reaches a global as
// an integer. The old plugin lost the pointer at the integer load and moved
// the malloc to the stack, so main read a dead frame through gkey. The object
// must stay on the heap (converted to integer).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

uintptr_t gkey;

union U {
  int *p;
  uintptr_t i;
};

NOINLINE void reset(union U *u, int c) {
  if (c)
    u->i = 0;
}

NOINLINE int punned(int c, int v) {
  union U u;
  // CHECK: :[[@LINE+1]]:9: remark: malloc(4) escapes to heap: converted to integer
  u.p = malloc(4);
  *u.p = v;
  reset(&u, c);
  gkey = u.i;
  return 0;
}

int main(void) {
  punned(opaque(0), opaque(42));
  scribble(5);
  int *p = (int *)gkey;
  printf("%d\n", *p);
  free(p);
  return 0;
}
