// Regression (was a miscompile): a callee returns its pointer parameter as
// an integer, and the caller stores the result to a global
// (`gkey = addr(m)`). The old plugin dropped the integer call result (it
// followed only pointer-typed results) and moved the malloc to the stack;
// the summary "p to result" must be replayed into the integer.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdint.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

uintptr_t gkey;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p to result ~r0 level=0
NOINLINE uintptr_t addr(int *p) { return (uintptr_t)p; }

void f(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: converted to integer
  int *m = malloc(4);
  *m = 1;
  gkey = addr(m);
}
