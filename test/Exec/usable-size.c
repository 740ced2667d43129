// An object passed to malloc_usable_size needs a heap pointer: it stays on
// the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <malloc.h>

NOINLINE int usable(int seed) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(20) {{.*}}heap{{.*}}malloc_usable_size
  char *p = malloc(20);
  memset(p, seed, 20);
  int r = malloc_usable_size(p) >= 20 && p[19] == (char)seed;
  free(p);
  return r;
}

int main(void) {
  printf("%d %d\n", usable(opaque(1)), usable(opaque(2)));
  return 0;
}
