// An object that is never freed but stays local moves: the leak disappears.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long leaky(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(40) does not escape: moved to stack
  int *p = malloc(40);
  fill(p, 10, seed);
  return sum(p, 10);
}

int main(void) {
  long t = 0;
  for (int i = 0; i < 1000; i++)
    t += leaky(opaque(i));
  printf("%ld\n", t);
  return 0;
}
