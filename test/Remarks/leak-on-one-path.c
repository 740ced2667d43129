// C16: summaries are path-insensitive: a parameter that leaks on one path
// leaks, and a caller that never takes that path still loses its object
// (the callee is not inlined here).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p
NOINLINE void maybe(int *p, int c) {
  if (c)
    g = p;
}

void caller(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to `maybe` (leaking param `p`)
  int *m = malloc(4);
  maybe(m, 0);
  free(m);
}
