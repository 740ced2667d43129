// C46: a function pointer with a single known target becomes a direct call;
// the object passed to it moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

static void twice(int *p, int n) {
  for (int i = 0; i < n; i++)
    p[i] *= 2;
}

NOINLINE long via_pointer(int seed) {
  void (*fp)(int *, int) = twice;
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *p = malloc(32);
  fill(p, 8, seed);
  fp(p, 8);
  long s = sum(p, 8);
  free(p);
  return s;
}

int main(void) {
  printf("%ld %ld\n", via_pointer(opaque(1)), via_pointer(opaque(50)));
  return 0;
}
