// C8: a parameter stored to a global is a leaking param; a caller's object
// passed to it escapes, and the reason names the callee and the parameter.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p
NOINLINE void keep(int *p) { g = p; }

// CHECK: {{.*}}.c:[[@LINE+1]]:26: remark: malloc(4) escapes to heap: passed to `keep` (leaking param `p`)
void caller(void) { keep(malloc(4)); }
