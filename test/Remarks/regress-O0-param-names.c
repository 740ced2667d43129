// Regression: at -O0 -g parameters live in clang's argument slots; their
// remarks must use the debug-info names (`p`), not the positional `#0` the
// old plugin printed.
// RUN: %clang_escape -O0 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

int *g;

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
int peek(const int *p) { return *p; }

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: p
void keep(int *p) { g = p; }

// CHECK-DAG: {{.*}}.c:[[@LINE+2]]:1: remark: first does not escape
// CHECK-DAG: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: second
void keep_second(int *first, int *second) { g = second; }
