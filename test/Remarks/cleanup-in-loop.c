// C43: __attribute__((cleanup)) with a free wrapper in a loop: after
// inlining the wrapper is a plain free per iteration, and the object moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

static void freep(char **p) { free(*p); }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int scoped(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:47: remark: malloc(32) does not escape: moved to stack
    __attribute__((cleanup(freep))) char *b = malloc(32);
    b[0] = (char)i;
    s += peek(b);
  }
  return s;
}
