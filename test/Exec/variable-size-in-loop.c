// C60 inside a loop: 500,000 variable-size objects, small and large, freed
// every iteration, under an 8 MiB stack; the stack buffer is reused, never
// grown per iteration.
// RUN: %exec_variants --stack 8192 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long loop(int iters) {
  long t = 0;
  for (int i = 0; i < iters; i++) {
    int n = 1 + (i * 37) % 90;
    // CHECK: :[[@LINE+1]]:14: remark: malloc({{.+}}) does not escape: moved to stack when {{.+}} <= 256
    int *p = malloc(n * sizeof *p);
    p[0] = i;
    p[n - 1] = n;
    t += p[0] + p[n - 1] + (n == 1 ? 0 : sum(p, 1));
    free(p);
  }
  return t;
}

int main(void) {
  printf("%ld\n", loop(opaque(500000)));
  return 0;
}
