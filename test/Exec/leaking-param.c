// C8: a callee that stores its parameter in a global leaks it; the caller's
// object stays on the heap and the remark names the callee and parameter.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

int *gp;

NOINLINE void keep(int *p) { gp = p; }

NOINLINE void give(int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to {{.?}}keep{{.?}} (leaking param `{{p|#0}}`)
  int *p = malloc(16);
  fill(p, 4, v);
  keep(p);
}

int main(void) {
  give(opaque(21));
  scribble(8);
  printf("%ld\n", sum(gp, 4));
  free(gp);
  return 0;
}
