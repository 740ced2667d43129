// Sites LLVM deletes before the pass runs (InstCombine removes a malloc
// whose only uses are stores and a free) still get a verdict at their
// source position: "removed by the optimizer" (Eliminated), reported after
// the verdicts of the sites that remain. A site whose function was inlined
// and deleted names that function in the record (InlinedFrom). At -O0
// nothing is deleted and nothing is Eliminated.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: rm -rf %t && mkdir %t && cp %s %t/e.c && cd %t
// RUN: %clang_escape -O2 -g -fsave-optimization-record -foptimization-record-passes=escape -foptimization-record-file=e.yaml -c e.c -o /dev/null
// RUN: FileCheck --check-prefix=YAML %s < e.yaml
// RUN: %clang_escape -O0 -g -Rpass=escape -Rpass-missed=escape -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=O0 %s --implicit-check-not=remark:
#include <stdlib.h>

int *g;

void dead(void) {
  // CHECK-DAG: {{.*}}.c:[[@LINE+3]]:12: remark: malloc(4) does not escape: removed by the optimizer
  // O0: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(4) does not escape, but stays on heap: transform disabled (optnone)
  // YAML: Name: Eliminated
  int *p = malloc(4);
  *p = 1;
  free(p);
}
// YAML-NEXT: DebugLoc: { File: e.c, Line: [[#@LINE-4]], Column: 12 }
// YAML-NEXT: Function: dead
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee: malloc
// YAML-NEXT:   - String: '('
// YAML-NEXT:   - Size: '4'
// YAML-NEXT:   - String: ') does not escape: removed by the optimizer'
// YAML-NEXT: ...

static void scratch(void) {
  // CHECK-DAG: {{.*}}.c:[[@LINE+3]]:13: remark: malloc(32) does not escape: removed by the optimizer
  // O0: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(32) does not escape, but stays on heap: transform disabled (optnone)
  // YAML: Name: Eliminated
  char *b = malloc(32);
  b[0] = 0;
  free(b);
}
// YAML-NEXT: DebugLoc: { File: e.c, Line: [[#@LINE-4]], Column: 13 }
// YAML-NEXT: Function: {{.*}}
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee: malloc
// YAML-NEXT:   - String: '('
// YAML-NEXT:   - Size: '32'
// YAML-NEXT:   - String: ') does not escape: removed by the optimizer'
// YAML-NEXT:   - InlinedFrom: scratch

void uses_scratch(void) { scratch(); }

// CHECK-DAG: {{.*}}.c:[[@LINE+2]]:23: remark: malloc(8) escapes to heap: stored to global `g`
// O0: {{.*}}.c:[[@LINE+1]]:23: remark: malloc(8) escapes to heap: stored to global `g`
void live(void) { g = malloc(8); }
