// C41: a backward goto makes a cycle (CycleInfo), exactly like a loop: the
// object carried around it outlives the iteration. A forward goto does not
// make a cycle.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int backward(int n) {
  int *keep = 0;
  int i = 0;
again:;
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: outlives loop iteration
  int *p = malloc(sizeof *p);
  *p = i;
  if (keep)
    *p += peek(keep);
  keep = p;
  if (++i < n)
    goto again;
  return peek(keep);
}

int forward(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *p = malloc(sizeof *p);
  *p = c;
  if (c)
    goto out;
  *p += 1;
out:;
  int r = peek(p);
  free(p);
  return r;
}
