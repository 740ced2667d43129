// LLVM bug #58744: a converted object passed to a call marked `tail` must lose
// the marker, or the callee runs after the frame is gone (here it overwrites
// the stack before reading) and stores into the object look dead.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long late_reader(const int *p) {
  scribble(p[0]);
  return sum(p, 16);
}

NOINLINE long tail_caller(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) does not escape: moved to stack
  int *p = malloc(64);
  fill(p, 16, seed);
  p[0] = seed * 3;
  p[15] = 7;
  return late_reader(p);
}

int main(void) {
  for (int i = 0; i < 4; i++)
    printf("%ld\n", tail_caller(opaque(i * 11)));
  return 0;
}
