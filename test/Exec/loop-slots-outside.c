// C57: objects created in a loop and kept in an array declared outside it
// outlive their iteration: they stay on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long slots(int seed) {
  int *slot[8];
  for (int i = 0; i < 8; i++) {
    // CHECK: :[[@LINE+1]]:15: remark: malloc(8) escapes to heap: outlives loop iteration
    slot[i] = malloc(2 * sizeof(int));
    fill(slot[i], 2, seed + i);
  }
  long s = 0;
  for (int i = 0; i < 8; i++) {
    s = s * 7 + sum(slot[i], 2);
    free(slot[i]);
  }
  return s;
}

int main(void) {
  printf("%ld\n", slots(opaque(3)));
  return 0;
}
