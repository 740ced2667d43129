// -escape-explain for the multi-level indirection rule: the object's
// address reaches {heap} directly through the store, and the record carries
// each line as a Flow argument of an EscapeFlow (!Analysis) remark.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -mllvm -escape-explain -fno-caret-diagnostics -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// Compiled as a short relative path, so that YAML never wraps DebugLoc.
// RUN: rm -rf %t && mkdir %t && cp %s %t/x.c && cd %t
// RUN: %clang_escape -O2 -g -mllvm -escape-explain -fsave-optimization-record -foptimization-record-passes=escape -foptimization-record-file=x.yaml -c x.c -o /dev/null
// RUN: FileCheck --check-prefix=YAML %s < x.yaml
#include <stdlib.h>

struct B {
  int *p;
};

// CHECK:      {{.*}}.c:[[@LINE+1]]:1: remark: b does not escape
void through(struct B *b) {
  // CHECK-NEXT: {{.*}}.c:[[#L:@LINE+7]]:10: remark: malloc(12) escapes to heap: stored through pointer (multi-level indirection)
  // CHECK-NEXT: {{.*}}.c:[[#L]]:10: remark: flow: {heap} = &{storage for malloc(12)}:
  // CHECK-NEXT: {{.*}}.c:[[#L]]:10: remark:   from malloc({{.*}}) (spill) at {{.*}}.c:[[#L]]:10
  // CHECK-NEXT: {{.*}}.c:[[#L]]:10: remark:   from {{.*}} (assign) at {{.*}}.c:[[#L]]:8
  // CHECK-NOT:  remark
  // YAML:      Name: EscapesToHeap
  // YAML-NEXT: DebugLoc: { File: x.c, Line: [[#L:@LINE+1]], Column: 10 }
  b->p = malloc(12);
}

// YAML:      --- !Analysis
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: EscapeFlow
// YAML-NEXT: DebugLoc: { File: x.c, Line: [[#L]], Column: 10 }
// YAML-NEXT: Function: through
// YAML-NEXT: Args:
// YAML-NEXT:   - Flow: 'flow: {heap} = &{storage for malloc(12)}:'
// YAML:      Name: EscapeFlow
// YAML:        - Flow: '  from malloc({{.*}}) (spill) at x.c:[[#L]]:10'
// YAML:      Name: EscapeFlow
// YAML:        - Flow: '  from {{.*}} (assign) at x.c:[[#L]]:8'
