// Regression (escgen seed 7, mode=precise): a realloc is guarded against the
// slots its operand may be, with the first size of each; a variable-size site
// defined after the realloc is none of them. A net that guarded every realloc
// against every slot used that size before its definition: IR that failed the
// verifier, and clang crashed (plugin/Origins.h made the net unnecessary).
// RUN: %exec_variants %s %t | FileCheck %s
// CHECK: run-variants: PASS precise-realloc-before-variable-site.c
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static volatile unsigned vseed = 3;
__attribute__((noinline)) unsigned long rd(const unsigned char *p, size_t n) {
  unsigned long s = 0;
  for (size_t i = 0; i < n; i++) s = s * 31 + p[i];
  return s;
}
int main(void) {
  unsigned long sum = 0;
  unsigned char *v = malloc(64);
  if (v) {
    memset(v, 1, 64);
    unsigned char *w = realloc(v, 200);
    if (!w) free(v);
    else { memset(w + 64, 2, 136); sum += rd(w, 200); free(w); }
  }
  size_t m = 8 + vseed;
  unsigned char *t = malloc(m);
  if (t) { memset(t, 3, m); sum += rd(t, m); free(t); }
  printf("%lu\n", sum);
  return 0;
}
