// C36: an array declared outside the loop, filled with one allocation per
// iteration: eight objects are live at once, one slot would alias them -
// the site outlives the loop iteration.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: a does not escape
NOINLINE long sum(int *const *a, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += *a[i];
  return s;
}

// A variable trip count keeps the loop (a constant one is unrolled into
// eight sites, each of which moves).
long fill(int n) {
  int *arr[8];
  if (n > 8)
    n = 8;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) escapes to heap: outlives loop iteration
    arr[i] = malloc(4);
    *arr[i] = i;
  }
  long s = sum(arr, n);
  for (int i = 0; i < n; i++)
    free(arr[i]);
  return s;
}
