// C33: a struct returned by value carries its pointers to the caller: in
// registers (the result) or through the sret pointer (a store through a
// pointer the caller provides; that hidden parameter has no source name,
// so it is #0).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

struct W {
  int *p[1];
};
struct Big {
  int *p[8];
};

struct W small(void) {
  struct W w = {0};
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: returned
  w.p[0] = malloc(4);
  return w;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: #0 does not escape
struct Big big(void) {
  struct Big b = {0};
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(8) escapes to heap: stored through pointer (multi-level indirection)
  b.p[3] = malloc(8);
  return b;
}
