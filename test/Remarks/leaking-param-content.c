// C12: "leaking param content": what the parameter points to reaches the
// heap, the parameter's own object does not. In go mode the inner object
// already escapes by the store b->ptr = ... (multi-level indirection); the
// box itself moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct Box {
  int *ptr;
};
int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: b
NOINLINE void pub(struct Box *b) { g = b->ptr; }

void caller(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(8) does not escape: moved to stack
  struct Box *b = malloc(sizeof *b);
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: stored through pointer (multi-level indirection)
  b->ptr = malloc(4);
  pub(b);
  free(b);
}

// A local slot whose content is published: the object in the slot escapes
// through the summary (level 1 from &slot).
void caller_slot(void) {
  struct Box box;
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(8) escapes to heap: passed to `pub` (leaking param `b`)
  box.ptr = malloc(8);
  pub(&box);
}
