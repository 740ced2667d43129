// C61: calloc(n, s) whose product overflows returns NULL and must stay a
// heap call; only a constant, non-overflowing product may move.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long overflowing(void) {
  // CHECK: :[[@LINE+1]]:12: remark: calloc({{.*}}) does not escape, but stays on heap: {{too large for stack|non-constant size}}
  int *v = calloc((size_t)1 << 62, 8);
  if (!v)
    return -1;
  long s = sum(v, 4);
  free(v);
  return s;
}

int main(void) {
  printf("%ld\n", overflowing());
  return 0;
}
