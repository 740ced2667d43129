// C66: an object freed on one path and leaked on the other still moves; the
// leak disappears with it.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long some_paths(int c) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack
  int *p = malloc(32);
  fill(p, 8, c);
  long s = sum(p, 8);
  if (c % 3 == 0)
    free(p);
  return s;
}

int main(void) {
  long t = 0;
  for (int i = 0; i < 12; i++)
    t = t * 3 + some_paths(i);
  printf("%ld\n", t);
  return 0;
}
