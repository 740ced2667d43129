// Regression (was a miscompile): strtok_r returns a pointer into its first
// argument (or, on a continuation call, into the buffer saved in *saveptr).
// Kept in a global, the buffer escapes. The old plugin did not model the
// result and moved both buffers to the stack.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#include <string.h>

char *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
void first_token(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(32) escapes to heap: stored to global `g`
  char *b = malloc(32);
  strncpy(b, s, 31);
  b[31] = 0;
  char *save;
  g = strtok_r(b, " ", &save);
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
void second_token(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(32) escapes to heap: stored to global `g`
  char *b = malloc(32);
  strncpy(b, s, 31);
  b[31] = 0;
  char *save;
  strtok_r(b, " ", &save);
  g = strtok_r(NULL, " ", &save);
}
