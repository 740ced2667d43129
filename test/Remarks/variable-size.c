// C60: a variable size gets Go 1.25's treatment: a fixed stack buffer of
// dynamic-stack-size bytes (256) when n fits, malloc(n) otherwise, every
// free guarded. With -escape-dynamic-stack-size=0 it stays on the heap.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -mllvm -escape-dynamic-stack-size=0 -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=OFF %s --implicit-check-not=remark:
#include <stdlib.h>
#include <string.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: p does not escape
// OFF: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int sum(const char *p, size_t n) {
  int s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}

int variable(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(n) does not escape: moved to stack when n <= 256
  // OFF: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(n) does not escape, but stays on heap: non-constant size
  char *b = malloc(n);
  memset(b, 1, n);
  int r = sum(b, n);
  free(b);
  return r;
}

// calloc and aligned_alloc with a variable size are not given a buffer.
int variable_calloc(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+2]]:13: remark: calloc(n, 1) does not escape, but stays on heap: non-constant size
  // OFF: {{.*}}.c:[[@LINE+1]]:13: remark: calloc(n, 1) does not escape, but stays on heap: non-constant size
  char *b = calloc(n, 1);
  int r = sum(b, n);
  free(b);
  return r;
}
