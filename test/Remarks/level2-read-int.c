// C13: reading an int two levels down leaks nothing (the loaded values are
// not pointers): "pp does not escape", the caller's object moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int gi;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: pp does not escape
NOINLINE void rd(int **pp) { gi = **pp; }

void caller(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(4) does not escape: moved to stack
  int *slot = malloc(sizeof *slot);
  *slot = x;
  rd(&slot);
  free(slot);
}
