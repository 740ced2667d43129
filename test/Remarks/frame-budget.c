// Converted objects of one function share max-frame-size (4096 bytes by
// default): sites are taken in order, the ones over the budget stay.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int five_kib(void) {
  // CHECK: {{.*}}.c:[[@LINE+3]]:13: remark: malloc(1024) does not escape: moved to stack
  // CHECK: {{.*}}.c:[[@LINE+2]]:32: remark: malloc(1024) does not escape: moved to stack
  // CHECK: {{.*}}.c:[[@LINE+1]]:51: remark: malloc(1024) does not escape: moved to stack
  char *a = malloc(1024), *b = malloc(1024), *c = malloc(1024);
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(1024) does not escape: moved to stack
  // CHECK: {{.*}}.c:[[@LINE+1]]:32: remark: malloc(1024) does not escape, but stays on heap: frame budget exceeded (4096)
  char *d = malloc(1024), *e = malloc(1024);
  a[0] = b[0] = c[0] = d[0] = e[0] = 1;
  int r = peek(a) + peek(b) + peek(c) + peek(d) + peek(e);
  free(a);
  free(b);
  free(c);
  free(d);
  free(e);
  return r;
}
