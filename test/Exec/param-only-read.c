// C9: objects passed to callees that only read them (through a struct and
// through a pointer parameter) move.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct View {
  const int *data;
  int len;
};

NOINLINE long view_sum(struct View v) { return sum(v.data, v.len); }
NOINLINE int peek(const int *p, int i) { return p[i]; }

NOINLINE long readers(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(80) does not escape: moved to stack
  int *p = malloc(20 * sizeof *p);
  fill(p, 20, seed);
  struct View v = {p, 20};
  long s = view_sum(v) * 100 + peek(p, 7);
  free(p);
  return s;
}

int main(void) {
  printf("%ld %ld\n", readers(opaque(0)), readers(opaque(-9)));
  return 0;
}
