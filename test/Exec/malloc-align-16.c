// Converted malloc objects are aligned to 16 (the malloc guarantee on
// x86-64), whatever their size and however the frame is laid out.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE int is_aligned16(const void *p) { return ((uintptr_t)p & 15) == 0; }

NOINLINE int alignments(void) {
  char tag = (char)opaque(7);
  // CHECK: :[[@LINE+1]]:13: remark: malloc(1) does not escape: moved to stack
  char *a = malloc(1);
  // CHECK: :[[@LINE+1]]:13: remark: malloc(24) does not escape: moved to stack
  char *b = malloc(24);
  // CHECK: :[[@LINE+1]]:13: remark: malloc(8) does not escape: moved to stack
  char *c = malloc(8);
  // CHECK: :[[@LINE+1]]:20: remark: malloc(40) does not escape: moved to stack
  long double *d = malloc(40);
  a[0] = tag;
  b[23] = tag;
  c[7] = tag;
  d[1] = tag;
  int r = is_aligned16(a) + is_aligned16(b) * 2 + is_aligned16(c) * 4 +
          is_aligned16(d) * 8 + (a[0] + b[23] + c[7] + (int)d[1]) * 100;
  free(d);
  free(c);
  free(b);
  free(a);
  return r;
}

int main(void) {
  printf("%d\n", alignments());
  return 0;
}
