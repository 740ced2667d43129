// C44: a C local declared inside the loop lives one iteration (its
// lifetime starts in the loop, though its slot sits in the entry block):
// storing the iteration's object into it keeps the object per iteration.
// A slot declared before the loop does not.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: slot does not escape
NOINLINE void fill(int **slot, int v) { **slot = v; }

long inside(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) does not escape: moved to stack
    int *p = malloc(sizeof *p);
    fill(&p, i);
    s += *p;
    free(p);
  }
  return s;
}

long outside(int n) {
  long s = 0;
  int *p;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:9: remark: malloc(4) escapes to heap: outlives loop iteration
    p = malloc(sizeof *p);
    fill(&p, i);
    s += *p;
    free(p);
  }
  return s;
}
