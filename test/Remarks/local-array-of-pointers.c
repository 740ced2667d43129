// C32: a store into a local array or struct targets a slot of this frame
// (a GEP of an alloca): the object moves even in go mode.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct S {
  int *p;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: pp does not escape
NOINLINE int peek(int *const *pp) { return **pp; }

int array_slot(int x) {
  int *a[4];
  // CHECK: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(4) does not escape: moved to stack
  a[0] = malloc(4);
  *a[0] = x;
  int r = peek(a);
  free(a[0]);
  return r;
}

int struct_slot(int x) {
  struct S s;
  // CHECK: {{.*}}.c:[[@LINE+1]]:9: remark: malloc(8) does not escape: moved to stack
  s.p = malloc(8);
  *s.p = x;
  int r = peek(&s.p);
  free(s.p);
  return r;
}
