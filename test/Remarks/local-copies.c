// C5: copies of the object's address in locals, the object leaked at the
// end: nothing escapes, it moves (and the leak disappears).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE void use(int *p) { *p += 1; }

int copies(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *p = malloc(4), *q = p;
  *q = 3;
  use(q);
  return *p;
}
