// C20: a recursive tree walk that only reads its nodes: the parameter does
// not escape, and a caller's locally built node moves. A walk that stores
// what its parameter points to back through it leaks the parameter's
// content (Go's walk(np **Node)).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct Node {
  struct Node *left, *right;
  int v;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: n does not escape
NOINLINE int sum(const struct Node *n) {
  return n ? n->v + sum(n->left) + sum(n->right) : 0;
}

// Unlinks the leftmost node: what *np points to is stored back through np.
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param content: np
NOINLINE void unlink_leftmost(struct Node **np) {
  if ((*np)->left)
    unlink_leftmost(&(*np)->left);
  else
    *np = (*np)->right;
}

int caller(int v) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:20: remark: malloc(24) does not escape: moved to stack
  struct Node *n = malloc(sizeof *n);
  n->left = n->right = 0;
  n->v = v;
  int s = sum(n);
  free(n);
  return s;
}
