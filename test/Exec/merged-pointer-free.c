// C68: two allocations merge into one pointer that one free receives; both
// move (two slots) and the free is deleted.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long merged(int c) {
  int *p;
  if (c)
    // CHECK: :[[@LINE+1]]:9: remark: malloc(24) does not escape: moved to stack
    p = malloc(24);
  else
    // CHECK: :[[@LINE+1]]:9: remark: calloc(4,{{ ?}}4) does not escape: moved to stack
    p = calloc(4, sizeof *p);
  fill(p, 4, c * 10);
  long s = sum(p, 4);
  free(p);
  return s;
}

int main(void) {
  for (int i = 0; i < 4; i++)
    printf("%ld\n", merged(opaque(i & 1)));
  return 0;
}
