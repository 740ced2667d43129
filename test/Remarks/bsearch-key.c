// bsearch hands the key and the array's elements to the comparator: with a
// known comparator that only reads, the key object moves; the result points
// into the array.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: a does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: b does not escape
NOINLINE int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: arr does not escape
int contains(const int *arr, size_t n, int v) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) does not escape: moved to stack
  int *key = malloc(sizeof *key);
  *key = v;
  int *hit = bsearch(key, arr, n, sizeof *arr, cmp_int);
  free(key);
  return hit != 0;
}
