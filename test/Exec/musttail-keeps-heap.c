// A pointer passed to a `musttail` call keeps its object on the heap: the
// caller's frame is gone before the callee runs.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long mt_reader(long seed, int *p) {
  scribble((int)seed);
  return sum(p, 16) + seed;
}

NOINLINE long mt_caller(long seed, int *unused) {
  (void)unused;
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) {{.*}}heap
  int *p = malloc(64);
  fill(p, 16, (int)seed);
  __attribute__((musttail)) return mt_reader(seed, p);
}

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("%ld\n", mt_caller(opaque(i * 5), NULL));
  return 0;
}
