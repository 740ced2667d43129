// C62: aligned_alloc keeps its alignment on the stack (Go
// refuses "too aligned for stack"; C need not); a non-constant alignment
// stays on the heap.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int aligned64(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: aligned_alloc(64, 256) does not escape: moved to stack
  char *p = aligned_alloc(64, 256);
  p[0] = 1;
  int r = peek(p);
  free(p);
  return r;
}

int variable_alignment(size_t a) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: aligned_alloc(a, 256) does not escape, but stays on heap: alignment not a constant power of two
  char *p = aligned_alloc(a, 256);
  p[0] = 1;
  int r = peek(p);
  free(p);
  return r;
}
