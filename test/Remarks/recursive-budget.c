// C64: a recursive function holds a copy of each converted object per
// level: it gets a quarter of the frame budget (1024 bytes by default).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int rec(int d) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(64) does not escape: moved to stack
  char *small = malloc(64);
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(1024) does not escape, but stays on heap: recursive function (frame budget 1024)
  char *big = malloc(1024);
  small[0] = big[0] = (char)d;
  int r = peek(small) + peek(big);
  if (d > 0)
    r += rec(d - 1);
  free(big);
  free(small);
  return r;
}
