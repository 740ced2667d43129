// Regression (was a miscompile): -O2 copies an 8-byte struct holding one
// pointer as an i64 load/store (`gcp = *p`). The old plugin did not follow
// the pointer through the integer copy: it reported "p does not escape" and
// moved the malloc to the stack. pub's parameter content leaks, and the
// caller's object escapes through it.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct CP {
  int *p;
};
struct CP gcp;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: p
NOINLINE void pub(const struct CP *p) { gcp = *p; }

void caller(void) {
  struct CP c;
  // CHECK: {{.*}}.c:[[@LINE+1]]:9: remark: malloc(4) escapes to heap: passed to `pub` (leaking param `p`)
  c.p = malloc(4);
  *c.p = 7;
  pub(&c);
}
