// -escape-explain prints Go's -m=2 explanation after each EscapesToHeap
// remark: one "flow: DST = &SRC:" line per hop of the path from the object
// to the root that outlives it, each followed by "from EXPR (WHY) at POS".
// Objects that do not escape get no explanation.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -mllvm -escape-explain -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=QUIET %s
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p
NOINLINE void keep(int *p) { g = p; }
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

void to_global(void) {
  // CHECK:      {{.*}}.c:[[#L:@LINE+6]]:12: remark: malloc(16) escapes to heap: stored to global `g`
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark: flow: p = &{storage for malloc(16)}:
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark:   from malloc({{.*}}) (spill) at {{.*}}.c:[[#L]]:12
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark: flow: {heap} = p:
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark:   from g = p (assign) at {{.*}}.c:[[#L+2]]:5
  // QUIET-NOT: flow:
  int *p = malloc(16);
  int *q = p;
  g = q;
}

void to_leaking_param(void) {
  // CHECK:      {{.*}}.c:[[#L:@LINE+5]]:12: remark: malloc(4) escapes to heap: passed to `keep` (leaking param `p`)
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark: flow: m = &{storage for malloc(4)}:
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark:   from malloc({{.*}}) (spill) at {{.*}}.c:[[#L]]:12
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark: flow: {heap} = m:
  // CHECK-NEXT: {{.*}}.c:[[#L]]:12: remark:   from keep(m) (call parameter) at {{.*}}.c:[[#L+1]]:3
  int *m = malloc(4);
  keep(m);
}

// A hop through an unnamed temporary is folded into the next named one.
// CHECK:      {{.*}}.c:[[#L:@LINE+5]]:30: remark: malloc(8) escapes to heap: returned
// CHECK-NEXT: {{.*}}.c:[[#L]]:30: remark: flow: ~r0 = &{storage for malloc(8)}:
// CHECK-NEXT: {{.*}}.c:[[#L]]:30: remark:   from malloc({{.*}}) (spill) at {{.*}}.c:[[#L]]:30
// CHECK-NEXT: {{.*}}.c:[[#L]]:30: remark:   from return {{.*}} (return) at {{.*}}.c:[[#L]]:23
// CHECK-NOT:  flow:
int *returned(void) { return malloc(8); }

// CHECK: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(4) does not escape: moved to stack
int local(void) {
  int *m = malloc(4);
  *m = 1;
  int r = peek(m);
  free(m);
  return r;
}
