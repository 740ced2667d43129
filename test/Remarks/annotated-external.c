// C49: a declaration whose attributes promise not to capture (noescape,
// lowered to nocapture) and not to free or write (pure: reads memory only):
// the object moves. noescape alone does not: the callee could free it.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

// leaf: ext_pure does not call back into this file, so call_pure cannot
// recur through it (a function that may recur keeps its objects on the heap).
extern int ext_pure(const char *p __attribute__((noescape)))
    __attribute__((pure, leaf));
extern void ext_noescape(char *p __attribute__((noescape)));

int call_pure(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *m = malloc(16);
  m[0] = 1;
  int r = ext_pure(m);
  free(m);
  return r;
}

void call_noescape(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to unknown function `ext_noescape`
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape(m);
  free(m);
}
