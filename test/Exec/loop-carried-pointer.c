// C38: each iteration's object is still live when the next is created (it is
// freed one iteration later): one stack slot would alias them.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long last_wins(int n) {
  int *last = NULL;
  long t = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:14: remark: malloc(16) escapes to heap: outlives loop iteration
    int *p = malloc(16);
    p[0] = i;
    p[1] = last ? last[0] * 2 + last[1] : -1;
    t += sum(p, 2);
    free(last);
    last = p;
  }
  t += last ? sum(last, 2) : 0;
  free(last);
  return t;
}

int main(void) {
  printf("%ld\n", last_wins(opaque(20)));
  return 0;
}
