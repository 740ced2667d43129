// C75: comparing a pointer with another is not an escape: the object moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

int *last_seen;

NOINLINE long compare(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) does not escape: moved to stack
  int *p = malloc(16);
  fill(p, 4, seed);
  int same = p == last_seen;
  int before = p < p + 2;
  long s = sum(p, 4) + same * 1000 + before * 100;
  free(p);
  return s;
}

int main(void) {
  // CHECK: :[[@LINE+1]]:15: remark: malloc(4) escapes to heap: stored to global {{.?}}last_seen
  last_seen = malloc(sizeof(int));
  printf("%ld %ld\n", compare(opaque(1)), compare(opaque(2)));
  free(last_seen);
  return 0;
}
