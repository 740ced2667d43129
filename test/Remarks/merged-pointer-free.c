// C68: a free of a pointer merged from two sites (a phi): both move, the
// free receives only converted objects and goes. (Each branch does its own
// work with its object, so LLVM does not merge the two calls into one
// malloc of a selected size first.)
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE void fill(int *p, int n) {
  for (int i = 0; i < n; i++)
    p[i] = i;
}

int merged(int c) {
  int *p;
  if (c) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:9: remark: malloc(8) does not escape: moved to stack
    p = malloc(8);
    p[0] = peek(&c);
  } else {
    // CHECK: {{.*}}.c:[[@LINE+1]]:9: remark: malloc(16) does not escape: moved to stack
    p = malloc(16);
    fill(p, 4);
  }
  int r = peek(p);
  free(p);
  return r;
}
