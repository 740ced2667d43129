// An object whose address is an inline asm operand may be captured by the
// asm: it stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long asm_sees(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: captured by inline asm
  int *p = malloc(16);
  fill(p, 4, seed);
  __asm__ volatile("" : : "r"(p) : "memory");
  long s = sum(p, 4);
  free(p);
  return s;
}

int main(void) {
  printf("%ld\n", asm_sees(opaque(5)));
  return 0;
}
