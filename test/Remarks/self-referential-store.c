// C30: t->next = t stores the parameter through itself: Go says "leaking
// param: t"; the caller's node escapes by the callee's leak.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct N {
  struct N *next;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: t
NOINLINE void self(struct N *t) { t->next = t; }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: t does not escape
NOINLINE int is_self(const struct N *t) { return t->next == t; }

int caller(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(8) escapes to heap: passed to `self` (leaking param `t`)
  struct N *n = malloc(sizeof *n);
  self(n);
  int r = is_self(n);
  free(n);
  return r;
}
