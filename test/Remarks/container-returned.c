// C22: a container that is returned escapes, and so does what was stored
// into it (through a pointer).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

struct CP {
  int *p;
};

struct CP *make(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(8) escapes to heap: returned
  struct CP *x = malloc(sizeof *x);
  // CHECK: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(4) escapes to heap: stored through pointer (multi-level indirection)
  x->p = malloc(4);
  return x;
}
