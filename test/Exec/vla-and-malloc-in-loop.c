// A converted object next to a variable-length array in the same loop: the
// VLA's stacksave/stackrestore must not release or move the object's slot.
// 300,000 iterations under an 8 MiB stack.
// RUN: %exec_variants --stack 8192 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long vla_loop(int iters) {
  long t = 0;
  for (int i = 0; i < iters; i++) {
    int n = 1 + i % 17;
    int vla[n];
    // CHECK: :[[@LINE+1]]:14: remark: malloc(24) does not escape: moved to stack
    int *p = malloc(24);
    fill(vla, n, i);
    fill(p, 6, n);
    t += sum(vla, n) + sum(p, 6);
    free(p);
  }
  return t;
}

int main(void) {
  printf("%ld\n", vla_loop(opaque(300000)));
  return 0;
}
