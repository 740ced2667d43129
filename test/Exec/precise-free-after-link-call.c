// Regression (escgen, mode=precise): a free of a pointer loaded out of a moved
// object must be guarded against the slots of the sites stored into that
// object. The origin walk once kept only the fewest dereferences per location
// and lost an object's contents when it also reached the object's address;
// origins are now points-to sets (plugin/Origins.h).
// RUN: %exec_variants %s %t | FileCheck %s
// CHECK: run-variants: PASS precise-free-after-link-call.c
// LLVM 22, -escape-mode=precise: free() of a stack address (go mode and
// LLVM 19 are fine).
//   clang-22 -O2 -fpass-plugin=P -mllvm -escape-mode=precise THIS.c && ./a.out
//   -> free(): invalid pointer (abort); with -fsanitize=address: bad-free
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pn { struct pn *next; unsigned char *buf; };
__attribute__((noinline)) void link_ni(struct pn *a, struct pn *b) { a->next = b; }
int main(void) {
  struct pn *a1 = calloc(1, sizeof *a1), *a2 = malloc(sizeof *a2);
  if (!a1 || !a2) { free(a1); free(a2); return 1; }
  a1->buf = malloc(1024);
  if (a1->buf) memset(a1->buf, 1, 1024);
  link_ni(a1, a2);
  printf("%d\n", a1->buf ? a1->buf[5] : 0);
  free(a1->buf);
  free(a1);
  return 0;
}
