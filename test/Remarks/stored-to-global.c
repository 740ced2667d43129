// C2, C6: an object stored to a global escapes, directly or through a chain
// of local copies; the reason names the global.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

int *g;
static int *sg;

// CHECK: {{.*}}.c:[[@LINE+1]]:25: remark: malloc(4) escapes to heap: stored to global `g`
void direct(void) { g = malloc(4); }

void copy_chain(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(8) escapes to heap: stored to global `g`
  int *p = malloc(8), *q = p;
  g = q;
}

// CHECK: {{.*}}.c:[[@LINE+1]]:31: remark: malloc(12) escapes to heap: stored to global `sg`
void file_static(void) { sg = malloc(12); }
int *get_sg(void) { return sg; }
