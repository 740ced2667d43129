// C15 in Go mode: a callee stores its second parameter through its first; the
// summary cannot say "into *dst", so the object stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE void set(int **dst, int *v) { *dst = v; }

NOINLINE long through_slot(int seed) {
  int *slot;
  // CHECK: :[[@LINE+1]]:14: remark: malloc(16) escapes to heap: passed to {{.?}}set{{.?}} (leaking param `{{v|#1}}`)
  set(&slot, malloc(16));
  fill(slot, 4, seed);
  long s = sum(slot, 4);
  free(slot);
  return s;
}

int main(void) {
  printf("%ld\n", through_slot(opaque(6)));
  return 0;
}
