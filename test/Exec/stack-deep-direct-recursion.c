// Issue 16: a recursive walk whose 256-byte temporary is live across the
// recursive call. It used to move (a recursive function had a quarter of the
// frame budget), so every level grew by 256 bytes and a depth that fits the
// stack without the plugin overflowed it with the plugin.
// RUN: %exec_variants --stack 65536 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long descend(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(256) does not escape, but stays on heap: recursive function (through `descend`)
  int *t = malloc(256);
  fill(t, 64, d);
  long s = 0;
  if (d > 0)
    s = descend(d - 1) % 1000003;
  s += sum(t, 64);
  free(t);
  return s;
}

int main(void) {
  printf("%ld\n", descend(opaque(500000)));
  return 0;
}
