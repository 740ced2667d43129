// The same verdicts at -O1, -O2, -O3, -Os and -Oz: the pass runs at
// OptimizerEarly in every pipeline, after inlining, and reports every site
// at its source position.
// RUN: %clang_escape -O1 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O3 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -Os -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -Oz -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p
NOINLINE void keep(int *p) { g = p; }

int *make(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: returned
  int *p = malloc(4);
  *p = 1;
  return p;
}

int local(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(8) does not escape: moved to stack
  int *m = malloc(8);
  *m = x;
  int r = peek(m);
  free(m);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:24: remark: malloc(12) escapes to heap: passed to `keep` (leaking param `p`)
void kept(void) { keep(malloc(12)); }

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: dst does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:33: remark: malloc(20) escapes to heap: stored through pointer (multi-level indirection)
void stored(int **dst) { *dst = malloc(20); }
