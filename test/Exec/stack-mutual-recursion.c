// Issue 16: two functions that call each other, each with a 256-byte
// temporary live across the call. Neither calls itself, but each recurs
// through the other; both objects used to move, and the chain of frames that
// fits the stack without the plugin overflowed it with the plugin.
// RUN: %exec_variants --stack 65536 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long pong(int d);

NOINLINE long ping(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(256) does not escape, but stays on heap: recursive function (through `pong`)
  int *t = malloc(256);
  fill(t, 64, d);
  long s = d > 0 ? pong(d - 1) % 1000003 : 0;
  s += sum(t, 64);
  free(t);
  return s;
}

NOINLINE long pong(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(256) does not escape, but stays on heap: recursive function (through `ping`)
  int *t = malloc(256);
  fill(t, 64, -d);
  long s = d > 0 ? ping(d - 1) % 1000003 : 0;
  s += 3 * sum(t, 64);
  free(t);
  return s;
}

int main(void) {
  printf("%ld\n", ping(opaque(500000)));
  return 0;
}
