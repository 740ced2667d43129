// Regression (was a miscompile): a pointer stored through a union's pointer
// member and read back through its integer member reaches a global as an
// integer (`gkey = u.i`). The old plugin lost the pointer at the integer
// load and moved the malloc to the stack; it must escape as an integer.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdint.h>
#include <stdlib.h>

uintptr_t gkey;

union U {
  int *p;
  uintptr_t i;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: u does not escape
__attribute__((noinline)) void reset(union U *u, int c) {
  if (c)
    u->i = 0;
}

int punned(int c) {
  union U u;
  // CHECK: {{.*}}.c:[[@LINE+1]]:9: remark: malloc(4) escapes to heap: converted to integer
  u.p = malloc(4);
  *u.p = 1;
  reset(&u, c);
  gkey = u.i;
  return 0;
}
