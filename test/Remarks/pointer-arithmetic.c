// C73: derived pointers - m + 2, (char *)((uintptr_t)p + 4) - are copies of
// the object's address: used locally the object moves, returned it escapes.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdint.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int local_derived(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) does not escape: moved to stack
  int *m = malloc(16);
  int *q = m + 2;
  int *r = (int *)((uintptr_t)m + 4);
  *q = x;
  *r = x;
  int s = peek(q) + peek(r);
  free(m);
  return s;
}

int *returned_derived(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) escapes to heap: returned
  int *m = malloc(16);
  return m + 1;
}
