// C19: mutually recursive functions are analysed as one batch; the
// parameters reaching the cycle's results still leak to the heap (Go's
// leakrecursive1/2), so the caller's objects escape.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *r1(int *p, int *q);

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: p
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: q
NOINLINE int *r2(int *p, int *q) { return *p > *q ? r1(q, p) : p; }

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: p
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: q
NOINLINE int *r1(int *p, int *q) { return *p == *q ? q : r2(p, q); }

int caller(int a, int b) {
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(4) escapes to heap: passed to `r1` (leaking param `p`)
  // CHECK: {{.*}}.c:[[@LINE+1]]:30: remark: malloc(4) escapes to heap: passed to `r1` (leaking param `q`)
  int *m1 = malloc(4), *m2 = malloc(4);
  *m1 = a;
  *m2 = b;
  int *x = r1(m1, m2);
  *x = 0;
  return *m1 + *m2;
}
