// strtok keeps a pointer into its first argument for the next call with
// NULL: the buffer escapes. strtok_r keeps it in the caller's save pointer
// instead; with the save pointer and the tokens local, the buffer moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#include <string.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
int count_tokens(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(32) escapes to heap: passed to `strtok` (leaking param `str`)
  char *b = malloc(32);
  strncpy(b, s, 31);
  b[31] = 0;
  int n = 0;
  for (char *t = strtok(b, " "); t; t = strtok(0, " "))
    n++;
  return n;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
int count_tokens_r(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(32) does not escape: moved to stack
  char *b = malloc(32);
  strncpy(b, s, 31);
  b[31] = 0;
  int n = 0;
  char *save;
  for (char *t = strtok_r(b, " ", &save); t; t = strtok_r(0, " ", &save))
    n++;
  free(b);
  return n;
}
