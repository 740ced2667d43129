// C67: an object freed inside a callee cannot lose that free for one
// caller: it stays a heap object ("freed in callee"). The callee's
// parameters are reported as leaking to {free}.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct S {
  char *buf;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: s to {free} level=0
NOINLINE void destroy(struct S *s) {
  free(s->buf);
  free(s);
}

void lifecycle(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(8) escapes to heap: freed in callee `destroy`
  struct S *s = malloc(sizeof *s);
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
  s->buf = malloc(16);
  destroy(s);
}
