// C45: a call through an unknown function pointer may keep its arguments:
// passed to indirect call.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: fn does not escape
void app(void (*fn)(int *)) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to indirect call
  int *m = malloc(4);
  fn(m);
  free(m);
}
