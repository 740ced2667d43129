// C49: a declaration whose attributes promise not to capture (noescape,
// lowered to nocapture) and not to free or write (pure: reads memory only):
// the object moves. noescape alone promises only that no pointer survives
// the call; the callee could still free the object, unless the caller goes
// on to use it on every path (then freeing it would be a use after free).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

// leaf: these do not call back into this file, so their callers cannot
// recur through them (a function that may recur keeps its objects on the
// heap).
extern int ext_pure(const char *p __attribute__((noescape)))
    __attribute__((pure, leaf));
extern void ext_noescape(char *p __attribute__((noescape))) __attribute__((leaf));
extern void ext_noescape_callback(char *p __attribute__((noescape)));

int call_pure(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *m = malloc(16);
  m[0] = 1;
  int r = ext_pure(m);
  free(m);
  return r;
}

// Freed after the call: the callee cannot have freed it.
void call_noescape_then_free(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape(m);
  free(m);
}

// Read after the call.
int call_noescape_then_read(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape(m);
  return m[0];
}

// Nothing of the object is used after the call: the callee may free it.
void call_noescape_last_use(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to unknown function `ext_noescape`
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape(m);
}

// Used after the call on one path only.
int call_noescape_one_path(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to unknown function `ext_noescape`
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape(m);
  if (c)
    return m[0];
  return 0;
}

// Used after the call on both branches of a diamond.
int call_noescape_both_paths(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape(m);
  int r;
  if (c)
    r = m[0];
  else
    r = m[1];
  free(m);
  return r;
}

// Not leaf: the callee may call back into this exported function, which then
// may recur, and keeps its objects on the heap whatever the callee promises.
void call_noescape_may_recur(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape, but stays on heap: recursive function (through `ext_noescape_callback`)
  char *m = malloc(16);
  m[0] = 1;
  ext_noescape_callback(m);
  free(m);
}
