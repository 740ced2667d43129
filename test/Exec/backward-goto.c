// C41: a cycle built with goto is a loop like any other: an object freed
// before the backward jump moves, one still live across it stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long goto_freed(int n) {
  long s = 0;
  int i = 0;
again:;
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) does not escape: moved to stack
  int *p = malloc(16);
  fill(p, 4, i);
  s += sum(p, 4);
  free(p);
  if (++i < n)
    goto again;
  return s;
}

NOINLINE long goto_carried(int n) {
  int *keep = NULL;
  long s = 0;
  int i = 0;
again:;
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: outlives loop iteration
  int *p = malloc(16);
  fill(p, 4, i + (keep ? keep[3] : 0));
  s += sum(p, 4);
  free(keep);
  keep = p;
  if (++i < n)
    goto again;
  free(keep);
  return s;
}

int main(void) {
  printf("%ld %ld\n", goto_freed(opaque(30)), goto_carried(opaque(30)));
  return 0;
}
