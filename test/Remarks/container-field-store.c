// C23, the multi-level indirection rule itself: the container stays local
// and moves; the object stored into its field through the pointer goes to
// the heap (Go's constptr0, "BAD: i should not escape here").
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct CP {
  int *p;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: x does not escape
NOINLINE int peek(const struct CP *x) { return *x->p; }

int local_container(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(8) does not escape: moved to stack
  struct CP *x = malloc(sizeof *x);
  // CHECK: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(4) escapes to heap: stored through pointer (multi-level indirection)
  x->p = malloc(4);
  *x->p = 7;
  int r = peek(x); // keeps the container a real object
  free(x->p);
  free(x);
  return r;
}
