// An object registered with on_exit is read after main returns: it stays on
// the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

static void report(int status, void *arg) {
  printf("at exit %d: %ld\n", status, sum(arg, 4));
}

NOINLINE void register_report(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to {{.*}}on_exit
  int *p = malloc(16);
  fill(p, 4, seed);
  on_exit(report, p);
}

int main(void) {
  register_report(opaque(6));
  scribble(6);
  printf("main done\n");
  return 3;
}
