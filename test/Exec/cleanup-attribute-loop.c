// C43: a scope-exit cleanup that frees, inside a loop, is a free at the end
// of every iteration once inlined: the object moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

static void freep(int **pp) { free(*pp); }

NOINLINE long cleanup_loop(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:46: remark: malloc(32) does not escape: moved to stack
    __attribute__((cleanup(freep))) int *p = malloc(32);
    fill(p, 8, i);
    s += sum(p, 8);
  }
  return s;
}

int main(void) {
  printf("%ld\n", cleanup_loop(opaque(100)));
  return 0;
}
