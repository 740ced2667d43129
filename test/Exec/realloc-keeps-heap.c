// C70: an object passed to realloc needs a heap pointer: it stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long grow(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to realloc
  int *v = malloc(4 * sizeof *v);
  fill(v, 4, seed);
  int *w = realloc(v, 64 * sizeof *w);
  fill(w + 4, 60, seed);
  long s = sum(w, 64);
  free(w);
  return s;
}

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("%ld\n", grow(i * 7));
  return 0;
}
