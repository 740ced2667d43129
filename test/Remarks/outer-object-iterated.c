// C42: iterating over an object allocated before the loop copies its
// address inside the loop, but the object itself is not per iteration: it
// moves (Go's foo145-foo149, "l does not escape").
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct N {
  struct N *next;
  int v;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: l does not escape
NOINLINE void init(struct N *l) {
  l->next = 0;
  l->v = 1;
}

int iterate(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(16) does not escape: moved to stack
  struct N *l = malloc(sizeof *l);
  init(l);
  int s = 0;
  for (struct N *p = l; p; p = p->next)
    s += p->v;
  free(l);
  return s;
}
