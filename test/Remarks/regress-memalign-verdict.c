// Regression: memalign is an allocation site like aligned_alloc and gets a
// verdict; the old plugin gave it none (the call was not recognised, so the
// site was silently skipped).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <malloc.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int with_memalign(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: memalign(32, 64) does not escape: moved to stack
  char *p = memalign(32, 64);
  p[0] = 1;
  int r = peek(p);
  free(p);
  return r;
}

char *gm;

void memalign_escapes(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:8: remark: memalign(16, 32) escapes to heap: stored to global `gm`
  gm = memalign(16, 32);
}
