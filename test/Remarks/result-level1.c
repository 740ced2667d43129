// C14: "leaking param: b to result ~r0 level=1". Reading through the result
// keeps everything local; storing the result to a global sends the object
// stored in the box - not the box - to the heap.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct Box {
  int *ptr;
};
int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: b to result ~r0 level=1
NOINLINE int *first(struct Box *b) { return b->ptr; }

int reads(int x) {
  struct Box bx;
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  bx.ptr = malloc(4);
  *bx.ptr = x;
  int v = *first(&bx);
  free(bx.ptr);
  return v;
}

void publishes(void) {
  struct Box bx;
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: stored to global `g`
  bx.ptr = malloc(4);
  g = first(&bx);
}
