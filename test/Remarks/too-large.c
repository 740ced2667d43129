// C58: an object that does not escape but is larger than max-object-size
// (1024 by default) stays on the heap; the reason gives both numbers. The
// limit itself is converted.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -mllvm -escape-max-object-size=64 -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=SMALL %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: p does not escape
// SMALL: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int sizes(void) {
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(1048576) does not escape, but stays on heap: too large for stack (1048576 > 1024)
  // SMALL: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(1048576) does not escape, but stays on heap: too large for stack (1048576 > 64)
  char *a = malloc(1 << 20);
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(1024) does not escape: moved to stack
  // SMALL: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(1024) does not escape, but stays on heap: too large for stack (1024 > 64)
  char *b = malloc(1024);
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(64) does not escape: moved to stack
  // SMALL: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(64) does not escape: moved to stack
  char *c = malloc(64);
  a[0] = b[0] = c[0] = 1;
  int r = peek(a) + peek(b) + peek(c);
  free(a);
  free(b);
  free(c);
  return r;
}
