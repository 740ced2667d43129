// C37: an object allocated, used and freed within one iteration moves: one
// slot reused by every iteration.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

long per_iteration(int n) {
  long sum = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) does not escape: moved to stack
    int *t = malloc(sizeof *t);
    *t = i;
    sum += peek(t);
    free(t);
  }
  return sum;
}
