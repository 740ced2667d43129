// mode=precise: C's local data structures stay on the stack — a list built
// and freed in one function, a struct of buffers, a calloc table of
// pointers, a struct copied with memcpy that carries a pointer — and run the
// same with and without the plugin and under ASan. A node kept past its
// loop iteration or stored where the caller sees it stays on the heap.
// RUN: env ESCAPE_OPTIONS=mode=precise %exec_variants %s %t
// RUN: %if escape-rewrite %{ env ESCAPE_OPTIONS=mode=precise %escape_expect %}
#include "Inputs/exec.h"

struct node {
  struct node *next;
  int v;
};

static NOINLINE long list(int seed) {
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  struct node *a = malloc(sizeof *a);
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  struct node *b = malloc(sizeof *b);
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack while the stack has room [-Rpass=escape]
  struct node *c = malloc(sizeof *c);
  c->next = b;
  b->next = a;
  a->next = NULL;
  a->v = seed;
  b->v = seed * 2;
  c->v = seed * 3;
  scribble(seed);
  long s = 0;
  for (struct node *n = c; n; n = n->next)
    s = s * 7 + n->v;
  free(a);
  free(b);
  free(c);
  return s;
}

struct buffers {
  char *name;
  int *values;
  int count;
};

static NOINLINE long buffers(int seed) {
  // LLVM splits the struct into its fields: the buffers' holder is gone.
  // CHECK: :[[@LINE+1]]:23: remark: malloc(24) does not escape: removed by the optimizer
  struct buffers *b = malloc(sizeof *b);
  // CHECK: :[[@LINE+1]]:13: remark: malloc(32) does not escape: moved to stack while the stack has room
  b->name = malloc(32);
  // CHECK: :[[@LINE+1]]:15: remark: malloc(40) does not escape: moved to stack while the stack has room
  b->values = malloc(10 * sizeof(int));
  b->count = 10;
  snprintf(b->name, 32, "buffers-%d", seed);
  fill(b->values, b->count, seed);
  scribble(seed);
  long s = sum(b->values, b->count) + (long)strlen(b->name);
  free(b->values);
  free(b->name);
  free(b);
  return s;
}

static NOINLINE long table(int seed) {
  // LLVM unrolls the loops and keeps the table in registers: four copies.
  // CHECK: :[[@LINE+1]]:13: remark: calloc(4, 8) does not escape: removed by the optimizer
  int **t = calloc(4, sizeof *t);
  for (int i = 0; i < 4; i++) {
    // CHECK-COUNT-4: :[[@LINE+1]]:12: remark: malloc(12) does not escape: moved to stack
    t[i] = malloc(3 * sizeof(int));
    fill(t[i], 3, seed + i);
  }
  long s = 0;
  for (int i = 0; i < 4; i++) {
    s += sum(t[i], 3);
    free(t[i]);
  }
  free(t);
  return s;
}

struct pair {
  int *p;
  int n;
};

static NOINLINE long copied(int seed) {
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack while the stack has room [-Rpass=escape]
  struct pair *x = malloc(sizeof *x);
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) does not escape: moved to stack while the stack has room [-Rpass=escape]
  struct pair *y = malloc(sizeof *y);
  // CHECK: :[[@LINE+1]]:10: remark: malloc(20) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  x->p = malloc(5 * sizeof(int));
  x->n = 5;
  fill(x->p, 5, seed);
  memcpy(y, x, sizeof *x);
  scribble(seed);
  long s = sum(y->p, y->n);
  free(x->p);
  free(x);
  free(y);
  return s;
}

struct node *kept;
static NOINLINE long kept_list(int seed) {
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) escapes to heap: stored to global `kept`
  struct node *a = malloc(sizeof *a);
  // CHECK: :[[@LINE+1]]:20: remark: malloc(16) escapes to heap: stored into escaping object
  struct node *b = malloc(sizeof *b);
  a->next = b;
  b->next = NULL;
  a->v = seed;
  b->v = seed + 1;
  kept = a;
  return a->v + a->next->v;
}

int main(void) {
  printf("%ld\n", list(opaque(3)));
  printf("%ld\n", buffers(opaque(4)));
  printf("%ld\n", table(opaque(5)));
  printf("%ld\n", copied(opaque(6)));
  printf("%ld\n", kept_list(opaque(7)));
  scribble(1);
  printf("%d %d\n", kept->v, kept->next->v);
  free(kept->next);
  free(kept);
  return 0;
}
