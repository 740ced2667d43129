// Regression: reallocarray needs a heap pointer and is recognised by name;
// on LLVM 22 the old plugin missed it and reported "passed to unknown
// function `reallocarray`" instead of the realloc reason.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#define _GNU_SOURCE 1
#include <stdlib.h>

int *grow(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to reallocarray [-Rpass-missed=escape]
  int *p = malloc(16);
  p[0] = 1;
  return reallocarray(p, n, sizeof *p);
}
