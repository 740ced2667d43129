// C3/C21: a global container and everything stored into it stay on the heap;
// they are read after the allocating frame is gone.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct Box {
  int *p;
  int n;
};

struct Box *gbox;

NOINLINE void build(int seed) {
  // CHECK: :[[@LINE+1]]:19: remark: malloc(16) escapes to heap: stored to global {{.?}}gbox
  struct Box *b = malloc(sizeof *b);
  // CHECK: :[[@LINE+1]]:10: remark: malloc(20) escapes to heap: {{stored into escaping object|stored through pointer}}
  b->p = malloc(5 * sizeof(int));
  b->n = 5;
  fill(b->p, 5, seed);
  gbox = b;
}

int main(void) {
  build(opaque(12));
  scribble(5);
  printf("%ld\n", sum(gbox->p, gbox->n));
  free(gbox->p);
  free(gbox);
  return 0;
}
