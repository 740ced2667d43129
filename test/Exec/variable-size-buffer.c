// C60: a variable size uses a fixed stack buffer when it fits (Go 1.25 style)
// and malloc otherwise; the free is guarded. Sizes around the 256-byte buffer.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long varsize(int n) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc({{.+}}) does not escape: moved to stack when {{.+}} <= 256
  int *p = malloc(n * sizeof *p);
  fill(p, n, n);
  long s = sum(p, n);
  free(p);
  return s;
}

int main(void) {
  static const int sizes[] = {1, 10, 63, 64, 65, 100, 1000, 64, 2};
  for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++)
    printf("%d %ld\n", sizes[i], varsize(opaque(sizes[i])));
  return 0;
}
