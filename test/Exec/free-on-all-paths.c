// C65: an object freed on both arms of a branch moves to the stack; both frees
// are deleted.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long both_paths(int c) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) does not escape: moved to stack
  int *p = malloc(64);
  fill(p, 16, c);
  if (c & 1) {
    long s = sum(p, 16);
    free(p);
    return s;
  }
  long s = sum(p, 8);
  free(p);
  return -s;
}

int main(void) {
  long t = 0;
  for (int i = 0; i < 10; i++)
    t += both_paths(i);
  printf("%ld\n", t);
  return 0;
}
