// C52: the printf family neither retains nor frees its arguments (%n only
// writes an int): pointers passed to it, variadic or not, stay local.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdio.h>
#include <stdlib.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: f does not escape
int print(FILE *f) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
  int *m = malloc(sizeof *m);
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(8) does not escape: moved to stack
  char *s = malloc(8);
  *m = 42;
  snprintf(s, 8, "%d", *m);
  printf("%d %p %s\n", *m, (void *)m, s);
  fprintf(f, "%s\n", s);
  int r = *m;
  free(s);
  free(m);
  return r;
}
