// Issue 16: recursion through a function pointer: the walker calls a visitor
// callback, and the visitor re-enters the walker. The walker's 256-byte
// temporary is live across the indirect call; the call graph has no cycle, so
// the object used to move and the deep walk overflowed the stack.
// RUN: %exec_variants --stack 65536 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

typedef long (*visit_fn)(int d, int seed);
static visit_fn visitor;

NOINLINE long walker(int d, int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(256) does not escape, but stays on heap: recursive function (through indirect call)
  int *t = malloc(256);
  fill(t, 64, d + seed);
  long s = d > 0 ? visitor(d - 1, seed) % 1000003 : 0;
  s += sum(t, 64);
  free(t);
  return s;
}

static long visit_plain(int d, int seed) { return walker(d, seed); }
static long visit_odd(int d, int seed) { return 2 * walker(d, seed + 1); }

int main(void) {
  visitor = opaque(1) ? visit_plain : visit_odd;
  printf("%ld\n", walker(opaque(400000), 7));
  return 0;
}
