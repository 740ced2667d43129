// C62: aligned_alloc moves to a stack slot with the requested alignment.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE int is_aligned(const void *p, uintptr_t a) {
  return ((uintptr_t)p & (a - 1)) == 0;
}

NOINLINE long aligned(int seed) {
  char pad[3] = {1, 2, 3};
  // CHECK: :[[@LINE+1]]:12: remark: aligned_alloc(64,{{ ?}}256) does not escape: moved to stack
  int *p = aligned_alloc(64, 256);
  // CHECK: :[[@LINE+1]]:12: remark: aligned_alloc(128,{{ ?}}128) does not escape: moved to stack
  int *q = aligned_alloc(128, 128);
  fill(p, 64, seed);
  fill(q, 32, pad[seed % 3]);
  long ok = is_aligned(p, 64) * 10 + is_aligned(q, 128);
  long s = sum(p, 64) + sum(q, 32);
  free(q);
  free(p);
  return ok * 1000000 + s;
}

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("%ld\n", aligned(opaque(i)));
  return 0;
}
