// C55-C57, closures as an environment struct plus a function pointer:
// returned closure -> its environment escapes; called in place with a known
// function -> it moves; registered in a loop into slots declared outside ->
// it outlives the iteration.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct env {
  int x;
};
struct clo {
  int (*fn)(struct env *);
  struct env *e;
};

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: e does not escape
NOINLINE int get(struct env *e) { return e->x; }

struct clo make(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(4) escapes to heap: returned
  struct env *e = malloc(sizeof *e);
  e->x = x;
  return (struct clo){get, e};
}

int in_place(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(4) does not escape: moved to stack
  struct env *e = malloc(sizeof *e);
  e->x = x;
  int r = get(e);
  free(e);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: slots does not escape
NOINLINE int run_all(struct clo *slots, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += get(slots[i].e);
  return s;
}

int registered(int n) {
  struct clo slots[4];
  if (n > 4)
    n = 4;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:21: remark: malloc(4) escapes to heap: outlives loop iteration
    struct env *e = malloc(sizeof *e);
    e->x = i;
    slots[i].fn = get;
    slots[i].e = e;
  }
  return run_all(slots, n);
}
