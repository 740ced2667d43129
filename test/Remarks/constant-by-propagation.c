// C59: a size held in a local that is constant is folded before the pass
// runs: the site has a constant size and moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int propagated(void) {
  size_t n = 128;
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(128) does not escape: moved to stack
  char *b = malloc(n);
  b[0] = 1;
  int r = peek(b);
  free(b);
  return r;
}
