// C64: a recursive function gets a quarter of the frame budget (1024 of 4096
// bytes): its first 600-byte object moves, the second stays on the heap. A
// small object moves even at recursion depth 20,000.
// RUN: %exec_variants --stack 8192 %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long deep(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) does not escape: moved to stack
  int *p = malloc(64);
  fill(p, 16, d);
  long s = sum(p, 16);
  if (d > 0)
    s += deep(d - 1) % 1000003;
  free(p);
  return s;
}

NOINLINE long wide(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(600) does not escape: moved to stack
  int *a = malloc(600);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(600) does not escape, but stays on heap: {{frame budget exceeded|recursive function}}
  int *b = malloc(600);
  fill(a, 150, d);
  fill(b, 150, -d);
  long s = sum(a, 150) * 3 + sum(b, 150);
  if (d > 0)
    s += wide(d - 1);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("%ld\n", deep(opaque(20000)));
  printf("%ld\n", wide(opaque(300)));
  return 0;
}
