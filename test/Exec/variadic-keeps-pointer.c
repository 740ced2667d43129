// C51: a pointer passed as a variadic argument to a defined function that
// stores it in a global stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <stdarg.h>

int *gp;

NOINLINE void vkeep(int n, ...) {
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++)
    gp = va_arg(ap, int *);
  va_end(ap);
}

NOINLINE void give(int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to {{.*}}vkeep
  int *p = malloc(16);
  fill(p, 4, v);
  vkeep(1, p);
}

int main(void) {
  give(opaque(77));
  scribble(10);
  printf("%ld\n", sum(gp, 4));
  free(gp);
  return 0;
}
