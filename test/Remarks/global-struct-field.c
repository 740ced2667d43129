// C3: a field of a global struct, an element of a global array: global
// storage is the heap.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
__attribute__((noinline)) int peek(const int *p) { return *p; }

struct S {
  int n;
  int *p;
} G;
int *arr[4];

// CHECK: {{.*}}.c:[[@LINE+1]]:26: remark: malloc(4) escapes to heap: stored to global `G`
void field(void) { G.p = malloc(4); }

// CHECK: {{.*}}.c:[[@LINE+1]]:36: remark: malloc(8) escapes to heap: stored to global `arr`
void element(int i) { arr[i & 3] = malloc(8); }

// Storing only an int read from the object moves nothing.
void int_field(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *p = malloc(4);
  *p = 5;
  G.n = peek(p);
  free(p);
}
