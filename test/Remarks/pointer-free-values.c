// C29: copying ints through pointers moves no pointer: the objects move,
// the parameters do not escape.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: dst does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: src does not escape
NOINLINE void copy_int(int *dst, const int *src) { *dst = *src; }

int caller(int x) {
  // CHECK: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(4) does not escape: moved to stack
  // CHECK: {{.*}}.c:[[@LINE+1]]:28: remark: malloc(4) does not escape: moved to stack
  int *a = malloc(4), *b = malloc(4);
  *a = x;
  copy_int(b, a);
  int r = *b;
  free(a);
  free(b);
  return r;
}
