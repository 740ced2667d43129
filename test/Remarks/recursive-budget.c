// C64, issue 16: a function that may recur keeps every object on the heap,
// however small: each level of the recursion would hold its own copy. A
// function that the recursion calls but that is not on its cycle has one
// frame live at a time: its objects move, within the whole frame budget
// (2048 bytes, more than the quarter that recursive code used to get).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

NOINLINE int wide(int d) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(1024) does not escape: moved to stack while the stack has room
  char *a = malloc(1024);
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(1024) does not escape: moved to stack while the stack has room
  char *b = malloc(1024);
  a[0] = b[0] = (char)d;
  int r = peek(a) + peek(b);
  free(b);
  free(a);
  return r;
}

int deep(int d) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(64) does not escape, but stays on heap: recursive function (through `deep`)
  char *small = malloc(64);
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(1024) does not escape, but stays on heap: recursive function (through `deep`)
  char *big = malloc(1024);
  small[0] = big[0] = (char)d;
  int r = peek(small) + peek(big) + wide(d);
  if (d > 0)
    r += deep(d - 1);
  free(big);
  free(small);
  return r;
}
