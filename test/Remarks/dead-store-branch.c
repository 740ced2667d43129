// C7: a store in a branch that is never taken is gone before the pass runs
// (SimplifyCFG, SCCP): only the live use decides.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

int *g;
// leaf: consume does not call back into this file, so no function here can
// recur through it (one that may keeps its objects on the heap).
extern void consume(int) __attribute__((leaf));
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
__attribute__((noinline)) int peek(const int *p) { return *p; }

void dead_branch(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *m = malloc(4);
  *m = 3;
  if (0)
    g = m;
  consume(peek(m));
  free(m);
}

void live_branch(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: stored to global `g`
  int *m = malloc(4);
  *m = 3;
  if (c)
    g = m;
  consume(peek(m));
}
