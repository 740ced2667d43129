// -escape-transform=false: diagnose only. Sites that would move say why they
// stay; the analysis and its other verdicts are unchanged.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -mllvm -escape-transform=false -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -mllvm -escape-transform=false -S -emit-llvm %s -o - | FileCheck --check-prefix=IR %s
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int local(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) does not escape, but stays on heap: transform disabled (-escape-transform=false)
  int *p = malloc(16);
  *p = 1;
  int r = peek(p);
  free(p);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:25: remark: malloc(4) escapes to heap: stored to global `g`
void global(void) { g = malloc(4); }

// IR-LABEL: define {{.*}} @local(
// IR: call {{.*}} @malloc(i64 noundef 16)
// IR: call void @free(
