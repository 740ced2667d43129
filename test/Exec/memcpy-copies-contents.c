// C71/C72: memcpy out of an object copies its contents, not its address: the
// source object moves, while the object it points to is stored through a
// pointer (Go's rule) and stays on the heap, and here is read from a global.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct Pair {
  int *p;
  int n;
};

struct Pair gpair;

NOINLINE long pair_sum(const struct Pair *q) { return sum(q->p, q->n); }

NOINLINE long copy_out(int seed) {
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack
  struct Pair *o = malloc(sizeof *o);
  // CHECK: :[[@LINE+1]]:10: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
  o->p = malloc(4 * sizeof(int));
  o->n = 4;
  fill(o->p, 4, seed);
  memcpy(&gpair, o, sizeof gpair);
  long s = pair_sum(o);
  free(o);
  return s;
}

int main(void) {
  long s = copy_out(opaque(40));
  scribble(11);
  printf("%ld %ld\n", s, pair_sum(&gpair));
  free(gpair.p);
  return 0;
}
