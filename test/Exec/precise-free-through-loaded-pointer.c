// Regression (escgen, mode=precise): a free of a pointer loaded out of a moved
// object must be guarded against the slots of the sites stored into that
// object. The origin walk once kept only the fewest dereferences per location
// and lost an object's contents when it also reached the object's address;
// origins are now points-to sets (plugin/Origins.h).
// RUN: %exec_variants %s %t | FileCheck %s
// CHECK: run-variants: PASS precise-free-through-loaded-pointer.c
// Precise mode moves both nodes (and their buffers) to the stack, but the
// frees through pointers loaded out of the nodes (p->buf, and p = a->next)
// are not guarded: free() of a stack address. Go mode keeps them on the heap.
//   clang-19 -O1 -fpass-plugin=P -fplugin=P -mllvm -escape-mode=precise \
//     -fsanitize=address repro.c && ./a.out   -> bad-free (stack address)
//   clang-19 -O2 ... (no ASan): free() of a stack address, abort or corruption
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pn { struct pn *next; unsigned char *buf; };
__attribute__((noinline)) unsigned long sum(const struct pn *n) {
  unsigned long s = 0;
  for (; n; n = n->next) s = s * 7 + (n->buf ? n->buf[0] : 1);
  return s;
}
int main(void) {
  struct pn *a0 = malloc(sizeof *a0), *a1 = malloc(sizeof *a1);
  if (!a0 || !a1) return 1;
  a0->buf = malloc(16); if (a0->buf) memset(a0->buf, 1, 16);
  a1->buf = malloc(16); if (a1->buf) memset(a1->buf, 2, 16);
  a0->next = a1;
  a1->next = NULL;
  printf("%lu\n", sum(a0));
  for (struct pn *p = a0, *nx; p; p = nx) { nx = p->next; free(p->buf); free(p); }
  return 0;
}
