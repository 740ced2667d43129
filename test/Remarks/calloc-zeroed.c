// C61: calloc with a constant, non-overflowing product moves (the slot is
// zero-filled); an overflowing product or one over the limit stays.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdint.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int small(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: calloc(8, 4) does not escape: moved to stack
  int *v = calloc(8, sizeof *v);
  int r = peek(v);
  free(v);
  return r;
}

int overflowing(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: calloc(9223372036854775807, 4) does not escape, but stays on heap: too large for stack (count * size overflows)
  int *v = calloc(SIZE_MAX / 2, 4);
  int r = v ? peek(v) : -1;
  free(v);
  return r;
}

int over_limit(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: calloc(512, 4) does not escape, but stays on heap: too large for stack (2048 > 1024)
  int *v = calloc(512, sizeof *v);
  int r = peek(v);
  free(v);
  return r;
}
