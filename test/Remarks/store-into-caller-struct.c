// C17: attach() stores its parameter into a struct through a pointer: in go
// mode v leaks to the heap, s does not escape, and the caller's object
// escapes though the struct is a local of the caller.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct S {
  int *p;
};

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: s does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: v
NOINLINE void attach(struct S *s, int *v) { s->p = v; }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int caller(void) {
  struct S s;
  // CHECK: {{.*}}.c:[[@LINE+1]]:14: remark: malloc(4) escapes to heap: passed to `attach` (leaking param `v`)
  attach(&s, malloc(4));
  int r = peek(s.p);
  free(s.p);
  return r;
}
