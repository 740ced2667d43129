// C16: a callee that leaks its parameter on one path leaks it on all (summaries
// are path-insensitive): the object stays on the heap, and here the leaking
// path is taken.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

int *gp;

NOINLINE void maybe_keep(int *p, int c) {
  if (c)
    gp = p;
}

NOINLINE void offer(int seed, int c) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to {{.?}}maybe_keep{{.?}} (leaking param `{{p|#0}}`)
  int *p = malloc(16);
  fill(p, 4, seed);
  maybe_keep(p, c);
  if (!c)
    free(p);
}

int main(void) {
  offer(opaque(1), opaque(0));
  offer(opaque(2), opaque(1));
  scribble(14);
  printf("%ld\n", sum(gp, 4));
  free(gp);
  return 0;
}
