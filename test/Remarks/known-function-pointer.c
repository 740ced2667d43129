// C46: a function pointer with a single known target becomes a direct call
// (SCCP, inlining) before the pass runs: the callee's summary decides.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int direct_through_pointer(int x) {
  int (*fp)(const int *) = peek;
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *m = malloc(4);
  *m = x;
  int r = fp(m);
  free(m);
  return r;
}
