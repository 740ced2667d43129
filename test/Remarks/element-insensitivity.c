// C34: an array element is not told from another: storing i into a[0] and
// returning a[1] leaks i to the result (Go's foo60/foo61). The array stays
// in memory here (its address goes to a function that may write a[1]), so
// LLVM cannot fold a[1] to NULL first.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: a does not escape
NOINLINE void use_arr(int **a) {
  if (!a[0])
    a[1] = 0;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: i to result ~r0 level=0
NOINLINE int *elem(int *i) {
  int *a[2] = {0};
  a[0] = i;
  use_arr(a);
  return a[1];
}
