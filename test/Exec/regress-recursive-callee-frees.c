// Regression (was a miscompile): a self-recursive function frees its
// parameter at the bottom of the recursion, and passes its own allocation to
// the recursive call (`rec(m, d - 1)`). The old plugin did not replay the
// free of a same-SCC callee and moved m to the stack, so the recursive call
// freed a stack slot ("free(): invalid size"). The object must stay on the
// heap (freed in callee `rec`).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE void note(int d) { printf("note %d\n", d); }

NOINLINE void rec(int *p, int d) {
  if (d > 0) {
    // CHECK: :[[@LINE+1]]:14: remark: malloc(4) escapes to heap: freed in callee {{.?}}rec
    int *m = malloc(4);
    *m = d;
    rec(m, d - 1);
    note(d);
  } else {
    printf("bottom %d\n", *p);
    free(p);
  }
}

int main(void) {
  // CHECK: :[[@LINE+1]]:16: remark: malloc(4) escapes to heap: freed in callee {{.?}}rec
  int *first = malloc(4);
  *first = 0;
  rec(first, 0);
  rec(NULL, opaque(3));
  puts("ok");
  return 0;
}
