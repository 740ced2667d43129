// C75, C76: comparing pointers moves nothing: compared with a global
// pointer, or checked for NULL with abort(), the object moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *last_seen;
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int compared(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *m = malloc(sizeof *m);
  if (!m)
    abort();
  *m = x;
  int r = peek(m) + (m == last_seen);
  free(m);
  return r;
}
