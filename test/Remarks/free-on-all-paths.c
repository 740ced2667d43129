// C65: freed on every path: the object moves and both frees go.
// IR-LABEL: define {{.*}} @all_paths(
// IR:       alloca [16 x i8], align 16
// IR-NOT:   @malloc(
// IR-NOT:   @free(
// IR:       ret i32
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -S -emit-llvm %s -o - | FileCheck --check-prefix=IR %s
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int all_paths(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) does not escape: moved to stack
  int *p = malloc(16);
  *p = c;
  if (c) {
    int r = peek(p);
    free(p);
    return r;
  }
  free(p);
  return 0;
}
