// Regression (was a miscompile): strtok_r returns a pointer into its first
// argument; kept in a global (`g = strtok_r(b, " ", &save)`), the buffer
// escapes. The old plugin did not model strtok_r's result and moved the
// buffer to the stack, so main printed a token from a dead frame. Both the
// first call and a continuation call (`strtok_r(NULL, ...)`, whose result
// points into the buffer through `save`) must keep the buffer on the heap
// (stored to global `g`).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

char *g;

NOINLINE void first_token(const char *s) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(32) escapes to heap: stored to global {{.?}}g
  char *b = malloc(32);
  strncpy(b, s, 31);
  b[31] = 0;
  char *save;
  g = strtok_r(b, " ", &save);
}

NOINLINE void second_token(const char *s) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(32) escapes to heap: stored to global {{.?}}g
  char *b = malloc(32);
  strncpy(b, s, 31);
  b[31] = 0;
  char *save;
  strtok_r(b, " ", &save);
  g = strtok_r(NULL, " ", &save);
}

int main(void) {
  first_token("alpha beta gamma");
  scribble(1);
  printf("%s\n", g);
  free(g);
  second_token("delta epsilon zeta");
  scribble(2);
  printf("%s\n", g);
  return 0;
}
