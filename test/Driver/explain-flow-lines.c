// -escape-explain prints Go's -m=2 explanation after each escape: one
// EscapeFlow remark per line, at the allocation, naming each step and its
// source position.
// RUN: %clang_escape -O2 -g -mllvm -escape-explain -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: env ESCAPE_OPTIONS=explain %clang_escape -O2 -g -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s
// Without the option there is no flow line.
// RUN: %clang_escape -O2 -g -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=QUIET %s
// QUIET-NOT: flow:
#include <stdlib.h>

int *g;

void direct(void) {
  int *p = malloc(16);
  g = p;
}
// CHECK: explain-flow-lines.c:[[@LINE-3]]:12: remark: malloc(16) escapes to heap: stored to global `g`
// CHECK-NEXT: explain-flow-lines.c:[[@LINE-4]]:12: remark: flow: p = &{storage for malloc(16)}:
// CHECK-NEXT: explain-flow-lines.c:[[@LINE-5]]:12: remark: {{ *}}from malloc(16) (spill) at {{.*}}explain-flow-lines.c:[[@LINE-5]]:12
// CHECK-NEXT: explain-flow-lines.c:[[@LINE-6]]:12: remark: flow: {heap} = p:
// CHECK-NEXT: explain-flow-lines.c:[[@LINE-7]]:12: remark: {{ *}}from g = p (assign) at {{.*}}explain-flow-lines.c:[[@LINE-6]]:5

struct S {
  int *p;
};

void through(struct S *s) {
  int *p = malloc(16);
  s->p = p;
}
// CHECK: explain-flow-lines.c:[[@LINE-3]]:12: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
// CHECK: remark: {{ *}}from *s = p (assign) at {{.*}}explain-flow-lines.c:[[@LINE-3]]:8
