// C70: realloc needs a heap pointer: the first object stays on the heap
// ("passed to realloc"); the realloc result is not a site of ours.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int grow(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) escapes to heap: passed to realloc
  int *v = malloc(16);
  v[0] = x;
  v = realloc(v, 64);
  if (!v)
    return -1;
  int r = peek(v);
  free(v);
  return r;
}
