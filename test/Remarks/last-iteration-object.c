// C38: each iteration overwrites last; only the last instance is used after
// the loop. Go reports "escapes to heap" (loop depth). After mem2reg no
// older instance is reachable when the next is created (no header phi and
// no outer slot receives it), so one reused slot is sound: the C
// improvement go-escape.md describes (allocation-site liveness).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int last_kept(int n) {
  int *last = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack
    last = malloc(sizeof *last);
    *last = i;
    peek(last);
  }
  return last ? peek(last) : -1;
}
