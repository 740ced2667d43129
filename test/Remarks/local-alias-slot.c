// C27: int **y = &p; *y = m: the store goes through a local alias of a
// local slot - a known slot after mem2reg/SROA - and the object moves (Go
// moves it to the heap; #76488 proposes this fix).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int alias(void) {
  int *p;
  int **y = &p;
  // CHECK: {{.*}}.c:[[@LINE+1]]:8: remark: malloc(4) does not escape: moved to stack
  *y = malloc(4);
  **y = 1;
  int r = peek(p);
  free(p);
  return r;
}
