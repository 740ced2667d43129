// One verdict per emitted copy: a helper inlined into two callers gives
// three copies of its site - its own, which is returned, and one per
// caller, each decided by what that caller does with it - all reported at
// the helper's source position.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int *fresh(int v) {
  // In module order: fresh's own copy, the copy in reads, the copy in
  // publishes.
  // CHECK: {{.*}}.c:[[@LINE+3]]:12: remark: malloc(4) escapes to heap: returned
  // CHECK: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(4) does not escape: moved to stack
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: stored to global `g`
  int *p = malloc(sizeof *p);
  *p = v;
  return p;
}

int reads(int v) {
  int *p = fresh(v);
  int r = peek(p);
  free(p);
  return r;
}

void publishes(int v) { g = fresh(v); }
