// C74: a pointer turned into an integer that leaves the function's sight
// (stored to a global, passed to a call) escapes: "converted to integer".
// Go's rule (uintptr does not keep the object) is unsound for C.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdint.h>
#include <stdlib.h>

uintptr_t gkey;
extern void record(uintptr_t);

void to_global(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: converted to integer
  int *m = malloc(4);
  gkey = (uintptr_t)m;
}

void to_call(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: converted to integer
  int *m = malloc(4);
  record((uintptr_t)m >> 4);
}
