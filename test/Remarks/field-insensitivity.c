// C35: a struct's fields are not told apart: a callee that publishes x->p2
// leaks its parameter's content, and the object stored in x.p1 escapes
// (Go's fieldFlowTracking, BAD there too).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct X {
  int *p1, *p2;
};
int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: x
NOINLINE void publish_p2(struct X *x) { g = x->p2; }

void fields(void) {
  struct X x = {0};
  // CHECK: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(4) escapes to heap: passed to `publish_p2` (leaking param `x`)
  x.p1 = malloc(4);
  publish_p2(&x);
  free(x.p1);
}
