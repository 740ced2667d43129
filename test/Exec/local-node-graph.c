// C28 in Go mode: two nodes linked to each other, all local. The head moves;
// the node stored through the head's pointer stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long graph(int seed) {
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack
  struct Node *a = malloc(sizeof *a);
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
  struct Node *b = malloc(sizeof *b);
  a->v = seed;
  a->next = b;
  b->v = seed + 1;
  b->next = NULL;
  long s = walk(a);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("%ld\n", graph(opaque(4)));
  return 0;
}
