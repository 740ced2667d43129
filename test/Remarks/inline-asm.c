// Inline asm that receives a pointer may do anything with it: captured by
// inline asm.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

void barrier(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(32) escapes to heap: captured by inline asm
  char *p = malloc(32);
  __asm__ volatile("" : : "r"(p) : "memory");
  free(p);
}
