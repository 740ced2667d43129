// C22: a returned container and the object stored into it both stay on the
// heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct Box {
  int *p;
  int n;
};

NOINLINE struct Box *make_box(int seed) {
  // CHECK: :[[@LINE+1]]:19: remark: malloc(16) escapes to heap: returned
  struct Box *x = malloc(sizeof *x);
  // CHECK: :[[@LINE+1]]:10: remark: malloc(12) escapes to heap: {{stored through pointer|stored into escaping object}}
  x->p = malloc(3 * sizeof(int));
  x->n = 3;
  fill(x->p, 3, seed);
  return x;
}

int main(void) {
  struct Box *b = make_box(opaque(17));
  scribble(13);
  printf("%ld\n", sum(b->p, b->n));
  free(b->p);
  free(b);
  return 0;
}
