// C37: malloc/free in every iteration of a 2,000,000-iteration loop, the
// pointer passed to a non-inlined reader, under an 8 MiB stack. One reused
// slot is fine; an alloca per iteration (LLVM's Attributor) overflows it.
// RUN: %exec_variants --stack 8192 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long reader(const int *p) { return p[0] + p[15]; }

NOINLINE long churn(int n) {
  long t = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:14: remark: malloc(64) does not escape: moved to stack
    int *p = malloc(64);
    p[0] = i;
    p[15] = i & 7;
    t += reader(p);
    free(p);
  }
  return t;
}

int main(void) {
  printf("%ld\n", churn(opaque(2000000)));
  return 0;
}
