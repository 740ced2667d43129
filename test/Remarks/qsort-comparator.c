// C53: qsort hands pointers into the array to the comparator: with a known
// comparator whose parameters do not escape, the objects in the array
// stay; an unknown comparator is an indirect call, and what the array holds
// is stored into an escaping object. A comparator that sorts again makes
// its sorter recur through qsort: the sorter's own object does not escape,
// but stays on the heap.
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

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
__attribute__((noinline)) int peek(const int *p) { return *p; }

// The comparator sorts again while depth lasts (depth is external, so the
// optimizer cannot fold the recursion away; noinline keeps it going through
// qsort).
int depth;
static int cmp_nesting(const void *a, const void *b);

__attribute__((noinline)) int sorted_nested(int d) {
  int v[2] = {d, -d};
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape, but stays on heap: recursive function (through `qsort`)
  int *t = malloc(sizeof(int));
  *t = d;
  qsort(v, 2, sizeof v[0], cmp_nesting);
  int r = v[0] + peek(t);
  free(t);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: a does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: b does not escape
static int cmp_nesting(const void *a, const void *b) {
  if (depth > 0)
    sorted_nested(--depth);
  return *(const int *)a - *(const int *)b;
}
