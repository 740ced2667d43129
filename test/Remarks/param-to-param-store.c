// C15: *dst = v stores one parameter through another: Go's tag cannot say
// "v flows into *dst", so v leaks to the heap (leaking param: v, dst does
// not escape), and the caller's object escapes although the receiving slot
// is local (Go's caller2a).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: dst does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: v
NOINLINE void set(int **dst, int *v) { *dst = v; }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int caller(void) {
  int *slot;
  // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) escapes to heap: passed to `set` (leaking param `v`)
  set(&slot, malloc(4));
  int r = peek(slot);
  free(slot);
  return r;
}
