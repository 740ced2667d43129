// C39: a list built in a loop. In go mode x->next = h already sends the
// previous node to the heap (multi-level indirection). Without the store,
// a node carried into the next iteration by a local pointer outlives the
// iteration.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct N {
  struct N *next;
  int v;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: n does not escape
NOINLINE int walk(const struct N *n) {
  int s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}

int build(int n) {
  struct N *h = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
    struct N *x = malloc(sizeof *x);
    x->v = i;
    x->next = h;
    h = x;
  }
  return walk(h);
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: n does not escape
NOINLINE int peek(const struct N *n) { return n->v; }

int previous_kept(int n) {
  struct N *prev = 0;
  int s = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(16) escapes to heap: outlives loop iteration
    struct N *x = malloc(sizeof *x);
    x->v = i;
    if (prev)
      s += peek(prev);
    prev = x;
  }
  return s;
}
