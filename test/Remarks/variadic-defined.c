// C50, C51: pointers passed as variadic arguments to a function defined in
// this module escape (va_arg reads them from a save area the graph does not
// model), whether or not the callee keeps them. Its fixed parameters get
// ordinary summaries.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdarg.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;

NOINLINE void vkeep(int n, ...) {
  va_list ap;
  va_start(ap, n);
  g = va_arg(ap, int *);
  va_end(ap);
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: tag does not escape
NOINLINE int vfirst(const char *tag, ...) {
  va_list ap;
  va_start(ap, tag);
  int *p = va_arg(ap, int *);
  va_end(ap);
  return *p + *tag;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:29: remark: malloc(4) escapes to heap: passed to `vkeep` (leaking param `...`)
void keeps(void) { vkeep(1, malloc(4)); }

int reads(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(2) does not escape: moved to stack
  char *tag = malloc(2);
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to `vfirst` (leaking param `...`)
  int *m = malloc(4);
  tag[0] = 'a';
  *m = 1;
  int r = vfirst(tag, m);
  free(m);
  free(tag);
  return r;
}
