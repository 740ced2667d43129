// C1: an object that is returned flows to ~r0 and escapes. After inlining,
// the caller's copy of the same site is decided on its own (one verdict
// per emitted copy, both at the source position of the call).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

int *mk(void) {
  // CHECK: {{.*}}.c:[[#MK:@LINE+1]]:12: remark: malloc(4) escapes to heap: returned
  int *p = malloc(4);
  *p = 1;
  return p;
}

int *mk_interior(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) escapes to heap: returned
  int *p = malloc(16);
  return p + 1;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
__attribute__((noinline)) int peek(const int *p) { return *p; }

// mk is inlined here; its copy only reaches peek and free.
// CHECK: {{.*}}.c:[[#MK]]:12: remark: malloc(4) does not escape: moved to stack
int use_mk(void) {
  int *p = mk();
  int v = peek(p);
  free(p);
  return v;
}
