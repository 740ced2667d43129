// C78: setjmp/longjmp: a non-escaping object can move (the frame is
// discarded); one stored in a global next to the jmp_buf escapes like any
// global store. guarded is static and called from main only: it cannot
// recur, whatever the call to setjmp is taken to do.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <setjmp.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

jmp_buf env;
char *pending;

NOINLINE void fail(int c) {
  if (c)
    longjmp(env, 1);
}
// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

int registered(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: stored to global `pending`
  pending = malloc(16);
  if (setjmp(env))
    return -1;
  fail(c);
  return 0;
}

static NOINLINE int guarded(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *p = malloc(16);
  p[0] = 1;
  if (setjmp(env)) {
    free(p);
    return -1;
  }
  fail(c);
  int r = peek(p);
  free(p);
  return r;
}

int mode;

int main(void) { return guarded(mode) + registered(mode); }
