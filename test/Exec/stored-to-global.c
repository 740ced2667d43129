// C2: an object whose address is stored in a global stays on the heap; a
// later function reads it after the allocating frame is gone.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

int *gp;

NOINLINE void publish(int v) {
  // CHECK: :[[@LINE+1]]:8: remark: malloc(16) escapes to heap: stored to global {{.?}}gp
  gp = malloc(16);
  gp[0] = v;
  gp[3] = v * 2;
}

NOINLINE int later(void) { return gp[0] + gp[3]; }

int main(void) {
  publish(opaque(5));
  scribble(1);
  printf("%d\n", later());
  free(gp);
  return 0;
}
