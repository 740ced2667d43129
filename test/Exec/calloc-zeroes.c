// C61: calloc becomes a zero-filled stack slot. The slot is dirty from the
// previous call, so a missing memset shows in the output.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long zeroed(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: calloc(16,{{ ?}}4) does not escape: moved to stack
  int *v = calloc(16, sizeof *v);
  long before = sum(v, 16);
  fill(v, 16, seed);
  long after = sum(v, 16);
  free(v);
  return before * 100000 + after;
}

int main(void) {
  for (int i = 1; i <= 4; i++)
    printf("%ld\n", zeroed(i * 1000));
  return 0;
}
