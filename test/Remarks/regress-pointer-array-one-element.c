// Regression (was a miscompile): a one-element pointer array is copied by
// -O2 as a single i64 load/store (a struct wrapping it by assignment, a bare
// array by memcpy). The old plugin lost the pointer in the integer copy: it
// reported "x does not escape" and moved the mallocs to the stack. Both
// parameters' contents leak, and the callers' objects escape.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct A {
  int *a[1];
};
struct A ga;
int *garr[1];

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: x
NOINLINE void pub(const struct A *x) { ga = *x; }

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: x
NOINLINE void puba(int *const *x) { __builtin_memcpy(garr, x, sizeof garr); }

void in_struct(void) {
  struct A x;
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to `pub` (leaking param `x`)
  x.a[0] = malloc(4);
  *x.a[0] = 7;
  pub(&x);
}

void bare_array(void) {
  int *arr[1];
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to `puba` (leaking param `x`)
  arr[0] = malloc(4);
  *arr[0] = 7;
  puba(arr);
}
