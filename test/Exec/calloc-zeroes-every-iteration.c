// C61 in a loop: the slot is reused by each iteration and must be zeroed
// again every time, not once at function entry.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long iterations(int n) {
  long t = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:14: remark: calloc(8,{{ ?}}4) does not escape: moved to stack
    int *v = calloc(8, sizeof *v);
    t += sum(v, 8);
    fill(v, 8, i + 1);
    t += sum(v, 8) * (i + 1);
    free(v);
  }
  return t;
}

int main(void) {
  printf("%ld\n", iterations(opaque(1000)));
  return 0;
}
