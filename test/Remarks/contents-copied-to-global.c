// C25: gcp.p = x->p copies the container's content to a global: the
// container moves, the object it holds escapes (in go mode already by the
// store x->p = ..., multi-level indirection).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct CP {
  int *p;
};
struct CP gcp;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
NOINLINE long count(const struct CP *s) { return s->p != 0; }

long copied(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(8) does not escape: moved to stack
  struct CP *x = malloc(sizeof *x);
  // CHECK: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(4) escapes to heap: stored through pointer (multi-level indirection)
  x->p = malloc(4);
  gcp.p = x->p;
  long r = count(x);
  free(x);
  return r;
}
