// C26: copying a pointer out of a parameter into a local heap object is a
// store through a pointer in go mode: the parameter's content leaks (Go's
// constptr6, "leaking param content: p"), the local object itself moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct CP {
  int *p;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: t does not escape
NOINLINE int peek_cp(const struct CP *t) { return *t->p; }

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: p
NOINLINE int snap(const struct CP *p) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(8) does not escape: moved to stack
  struct CP *t = malloc(sizeof *t);
  t->p = p->p;
  int r = peek_cp(t);
  free(t);
  return r;
}
