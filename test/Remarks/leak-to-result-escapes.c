// C11: the same identity function; this caller stores the result to a
// global, so the object escapes - the reason is the store, found through
// the result flow.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p to result ~r0 level=0
NOINLINE int *id(int *p) { return p; }

// CHECK: {{.*}}.c:[[@LINE+1]]:28: remark: malloc(4) escapes to heap: stored to global `g`
void caller(void) { g = id(malloc(4)); }

// CHECK: {{.*}}.c:[[@LINE+1]]:39: remark: malloc(8) escapes to heap: returned
int *caller_returns(void) { return id(malloc(8)); }
