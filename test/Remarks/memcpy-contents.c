// C71, C72: memcpy copies the pointers held in the source memory, not the
// source's address. Into a local struct they stay in the graph; into a
// global they escape ("stored to global"), while the source object moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#include <string.h>
#define NOINLINE __attribute__((noinline))

struct S {
  int *p;
  long n;
};
struct S gS;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int into_local(int x) {
  struct S src, tmp;
  // CHECK: {{.*}}.c:[[@LINE+1]]:11: remark: malloc(4) does not escape: moved to stack
  src.p = malloc(sizeof(int));
  src.n = 1;
  *src.p = x;
  memcpy(&tmp, &src, sizeof tmp);
  int r = peek(tmp.p);
  free(src.p);
  return r;
}

void into_global(void) {
  struct S local;
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(4) escapes to heap: stored to global `gS`
  local.p = malloc(sizeof(int));
  local.n = 2;
  memcpy(&gS, &local, sizeof gS);
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
NOINLINE long count(const struct S *s) { return s->n; }

// The source is a heap object: its contents go to the global, its own
// address does not.
long heap_source(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(16) does not escape: moved to stack
  struct S *obj = malloc(sizeof *obj);
  obj->p = 0;
  obj->n = 3;
  memcpy(&gS, obj, sizeof gS);
  long r = count(obj);
  free(obj);
  return r;
}
