// C10: "leaking param: p to result ~r0 level=0"; the caller keeps the result
// local, so its object moves and the free of the result is the object's.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p to result ~r0 level=0
NOINLINE int *id(int *p) { return p; }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int caller(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(4) does not escape: moved to stack
  int *q = id(malloc(4));
  *q = 5;
  int r = peek(q);
  free(q);
  return r;
}
