// C45: an object passed through an unknown function pointer stays on the heap
// (here one of the targets keeps it in a global).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

int *gp;
static void peek(int *p) { p[1] = p[0] + 1; }
static void keep(int *p) { gp = p; }
void (*volatile hooks[2])(int *) = {peek, keep};

NOINLINE int run_hook(int i, int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to indirect call
  int *p = malloc(16);
  p[0] = v;
  p[1] = 0;
  hooks[i](p);
  int r = p[1];
  if (i == 0)
    free(p);
  return r;
}

int main(void) {
  int a = run_hook(opaque(0), 10);
  int b = run_hook(opaque(1), 20);
  scribble(7);
  printf("%d %d %d\n", a, b, gp[0]);
  free(gp);
  return 0;
}
