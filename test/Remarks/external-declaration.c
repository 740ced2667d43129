// C48: a function declared but not defined in this module, with no
// attributes that promise anything: passed to unknown function.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

extern void ext(char *);

void call_ext(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to unknown function `ext`
  char *m = malloc(16);
  ext(m);
  free(m);
}
