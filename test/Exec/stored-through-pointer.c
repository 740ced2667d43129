// C23, Go's multi-level indirection rule (the default mode): a container that
// stays local moves, but the object stored into it through a pointer stays on
// the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct Box {
  int *p;
  int n;
};

NOINLINE long box_sum(const struct Box *b) { return sum(b->p, b->n); }

NOINLINE long boxed(int seed) {
  // CHECK: :[[@LINE+1]]:19: remark: malloc(16) does not escape: moved to stack
  struct Box *b = malloc(sizeof *b);
  // CHECK: :[[@LINE+1]]:10: remark: malloc(32) escapes to heap: stored through pointer (multi-level indirection)
  b->p = malloc(8 * sizeof(int));
  b->n = 8;
  fill(b->p, b->n, seed);
  long s = box_sum(b);
  free(b->p);
  free(b);
  return s;
}

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("%ld\n", boxed(opaque(i * 100)));
  return 0;
}
