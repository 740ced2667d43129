// C53: qsort hands pointers into the array to the comparator: with a known
// comparator whose parameters do not escape, the objects in the array
// stay; an unknown comparator is an indirect call, and what the array holds
// is stored into an escaping object.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: a does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: b does not escape
__attribute__((noinline)) int cmp(const void *a, const void *b) {
  int x = **(int *const *)a, y = **(int *const *)b;
  return (x > y) - (x < y);
}

int sorted_min(int a, int b) {
  int *arr[2];
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  arr[0] = malloc(sizeof(int));
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  arr[1] = malloc(sizeof(int));
  *arr[0] = a;
  *arr[1] = b;
  qsort(arr, 2, sizeof arr[0], cmp);
  int r = *arr[0];
  free(arr[0]);
  free(arr[1]);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: c does not escape
int sorted_with(int (*c)(const void *, const void *), int a) {
  int *arr[1];
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: stored into escaping object
  arr[0] = malloc(sizeof(int));
  *arr[0] = a;
  qsort(arr, 1, sizeof arr[0], c);
  int r = *arr[0];
  free(arr[0]);
  return r;
}
