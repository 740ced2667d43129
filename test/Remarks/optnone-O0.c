// At -O0 the pass runs for diagnostics only: optnone functions are never
// rewritten ("transform disabled (optnone)"), escapes are still reported.
// RUN: %clang_escape -O0 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O0 -S -emit-llvm %s -o - | FileCheck --check-prefix=IR %s
#include <stdlib.h>

int *g;

int local(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) does not escape, but stays on heap: transform disabled (optnone)
  int *p = malloc(16);
  *p = 1;
  int r = *p;
  free(p);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:25: remark: malloc(4) escapes to heap: stored to global `g`
void global(void) { g = malloc(4); }

// CHECK: {{.*}}.c:[[@LINE+1]]:30: remark: malloc(8) escapes to heap: returned
int *returned(void) { return malloc(8); }

// IR-LABEL: define {{.*}} @local(
// IR: call {{.*}} @malloc(i64 noundef 16)
// IR: call void @free(
