// C1: a returned object stays on the heap; once the allocating function is
// inlined into a caller that keeps the object local, that copy moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE int *make(int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: returned
  int *p = malloc(16);
  fill(p, 4, v);
  return p;
}

static inline __attribute__((always_inline)) int *make_inline(int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *p = malloc(32);
  fill(p, 8, v);
  return p;
}

NOINLINE long local_user(int v) {
  int *p = make_inline(v);
  long s = sum(p, 8);
  free(p);
  return s;
}

int main(void) {
  int *p = make(opaque(3));
  scribble(2);
  printf("%ld %ld\n", sum(p, 4), local_user(opaque(4)));
  free(p);
  return 0;
}
