// C63: malloc(0) returns NULL or a unique pointer: it is left alone even
// when it does not escape.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int is_null(const char *p) { return p == 0; }

int zero(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(0) does not escape, but stays on heap: zero size
  char *p = malloc(0);
  int r = is_null(p);
  free(p);
  return r;
}
