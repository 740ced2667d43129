// C28 (and C40): local nodes that point to each other. Go-style: a node
// stored into another node's field goes to the heap; a node nothing is
// stored into moves (Go #13493).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct N {
  struct N *next;
  int v;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: n does not escape
NOINLINE int walk(const struct N *n) {
  int s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}

int two_nodes(void) {
  // CHECK: {{.*}}.c:[[@LINE+2]]:17: remark: malloc(16) does not escape: moved to stack
  // CHECK: {{.*}}.c:[[@LINE+1]]:41: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
  struct N *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  a->next = b;
  a->v = 1;
  b->next = 0;
  b->v = 2;
  int s = walk(a);
  free(b);
  free(a);
  return s;
}

int three_nodes(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(16) does not escape: moved to stack
  struct N *a = malloc(sizeof *a);
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
  struct N *b = malloc(sizeof *b);
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
  struct N *c = malloc(sizeof *c);
  a->next = b;
  b->next = c;
  c->next = 0;
  a->v = b->v = c->v = 1;
  int s = walk(a);
  free(c);
  free(b);
  free(a);
  return s;
}
