// Regression (was a miscompile): an 8-byte struct holding one pointer is
// copied by -O2 as an i64 load/store (`gcp = *p` in pub). The old plugin did
// not follow the pointer through the integer copy, reported pub's `p` as not
// escaping and moved the malloc to the stack, so main read a dead frame
// through gcp.p. The object must stay on the heap (passed to `pub`, whose
// parameter content leaks).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct CP {
  int *p;
};
struct CP gcp;

NOINLINE void pub(const struct CP *p) { gcp = *p; }

NOINLINE void caller(int v) {
  struct CP c;
  // CHECK: :[[@LINE+1]]:9: remark: malloc(4) escapes to heap: passed to {{.?}}pub{{.?}} (leaking param {{.?}}p{{.?}})
  c.p = malloc(4);
  *c.p = v;
  pub(&c);
}

int main(void) {
  caller(opaque(7));
  scribble(3);
  printf("%d\n", *gcp.p);
  free(gcp.p);
  return 0;
}
