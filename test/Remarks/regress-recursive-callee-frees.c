// Regression (was a miscompile): a self-recursive function frees its
// parameter at the bottom and passes its own allocation to the recursive
// call (`rec(m, d - 1)`). The old plugin did not replay the free of a
// callee in the same SCC and moved m to the stack ("free(): invalid size"
// at run time); m must stay on the heap, freed in callee `rec`.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

extern void note(int);

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p to {free} level=0
__attribute__((noinline)) void rec(int *p, int d) {
  if (d > 0) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) escapes to heap: freed in callee `rec`
    int *m = malloc(4);
    *m = d;
    rec(m, d - 1);
    note(d);
  } else {
    free(p);
  }
}
