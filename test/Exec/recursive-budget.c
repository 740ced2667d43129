// C64, issue 16: a function that may recur keeps its objects on the heap,
// however small: every level of the recursion (20,000 here, under an 8 MiB
// stack) would hold its own copy. A function that the recursion calls at
// every level but that is not on its cycle has one frame live at a time: its
// objects move, within the whole frame budget (two 600-byte objects).
// RUN: %exec_variants --stack 8192 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long wide(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(600) does not escape: moved to stack while the stack has room
  int *a = malloc(600);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(600) does not escape: moved to stack while the stack has room
  int *b = malloc(600);
  fill(a, 150, d);
  fill(b, 150, -d);
  long s = sum(a, 150) * 3 + sum(b, 150);
  free(b);
  free(a);
  return s;
}

NOINLINE long deep(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) does not escape, but stays on heap: recursive function (through `deep`)
  int *p = malloc(64);
  fill(p, 16, d);
  long s = sum(p, 16) + wide(d) % 1000;
  if (d > 0)
    s += deep(d - 1) % 1000003;
  free(p);
  return s;
}

int main(void) {
  printf("%ld\n", deep(opaque(20000)));
  printf("%ld\n", wide(opaque(300)));
  return 0;
}
