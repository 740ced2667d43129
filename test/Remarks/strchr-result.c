// strchr returns a pointer into its argument: the result carries the
// object. Used locally it moves; stored to a global it escapes.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#include <string.h>

char *gpos;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
int local_search(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: moved to stack
  char *b = malloc(16);
  strncpy(b, s, 15);
  b[15] = 0;
  char *p = strchr(b, ',');
  int r = p ? (int)(p - b) : -1;
  free(b);
  return r;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
void published_search(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: stored to global `gpos`
  char *b = malloc(16);
  strncpy(b, s, 15);
  b[15] = 0;
  gpos = strchr(b, ',');
}
