// C39: a list built in a loop has all its nodes live at once: the nodes stay
// on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long build(int n) {
  struct Node *h = NULL;
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:22: remark: malloc(16) escapes to heap: {{outlives loop iteration|stored through pointer \(multi-level indirection\)}}
    struct Node *x = malloc(sizeof *x);
    x->v = i;
    x->next = h;
    h = x;
  }
  long s = walk(h);
  while (h) {
    struct Node *nx = h->next;
    free(h);
    h = nx;
  }
  return s;
}

int main(void) {
  printf("%ld\n", build(opaque(25)));
  return 0;
}
