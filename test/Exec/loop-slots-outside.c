// C57: objects created in a loop and kept in an array declared outside it
// outlive their iteration: they stay on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long slots(int seed, int n) {
  int *slot[8];
  // n is opaque to the compiler, so the loop stays a loop (a fully unrolled
  // one would have eight sites, each of which may move).
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:15: remark: malloc(8) escapes to heap: outlives loop iteration
    slot[i] = malloc(2 * sizeof(int));
    fill(slot[i], 2, seed + i);
  }
  long s = 0;
  for (int i = 0; i < n; i++) {
    s = s * 7 + sum(slot[i], 2);
    free(slot[i]);
  }
  return s;
}

int main(void) {
  printf("%ld\n", slots(opaque(3), opaque(8)));
  return 0;
}
