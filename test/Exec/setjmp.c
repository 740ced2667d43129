// C78: a local object in a function that calls setjmp moves (longjmp discards
// the frames below, not this one); an object reachable from a global after
// the jump stays on the heap. with_setjmp is static and called from main
// only: it cannot recur, whatever the call to setjmp is taken to do.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <setjmp.h>

static jmp_buf env;
int *gsaved;

NOINLINE void jumper(const int *p) {
  if (p[0] > 5)
    longjmp(env, p[0]);
}

NOINLINE void stash_and_jump(int v) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) escapes to heap: stored to global {{.?}}gsaved
  gsaved = malloc(16);
  gsaved[0] = v;
  longjmp(env, 1);
}

static NOINLINE long with_setjmp(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack while the stack has room
  int *p = malloc(32);
  fill(p, 8, seed);
  volatile long s = 0;
  int r = setjmp(env);
  if (r == 0) {
    jumper(p);
    s = sum(p, 8);
  } else {
    s = r * 1000 + sum(p, 8);
  }
  free(p);
  return s;
}

int main(void) {
  for (int i = 0; i < 10; i += 3)
    printf("%ld\n", with_setjmp(opaque(i)));
  if (setjmp(env) == 0)
    stash_and_jump(opaque(41));
  scribble(4);
  printf("%d\n", gsaved[0]);
  free(gsaved);
  return 0;
}
