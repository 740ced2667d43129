// opt pipelines: escape-record-sites records every allocation site (with
// its debug location) before anything can delete it; escape then reports
// the recorded sites that vanished as Eliminated. Without the recording
// pass a deleted site is simply gone. (inferattrs gives the -O0 declaration
// of malloc the allocation attributes InstCombine needs to delete it.)
// RUN: %clang -g -O0 -Xclang -disable-O0-optnone -S -emit-llvm %s -o %t.ll
// RUN: %opt_escape -passes='escape-record-sites,inferattrs,mem2reg,instcombine,escape' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %t.ll 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %opt_escape -passes='inferattrs,mem2reg,instcombine,escape' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %t.ll 2>&1 | FileCheck --check-prefix=NORECORD %s --implicit-check-not=remark:
#include <stdlib.h>

int *g;

void dead(void) {
  // CHECK-DAG: remark: {{.*}}.c:[[@LINE+1]]:12: malloc(4) does not escape: removed by the optimizer
  int *p = malloc(4);
  *p = 1;
  free(p);
}

// CHECK-DAG: remark: {{.*}}.c:[[@LINE+2]]:23: malloc(8) escapes to heap: stored to global `g`
// NORECORD: remark: {{.*}}.c:[[@LINE+1]]:23: malloc(8) escapes to heap: stored to global `g`
void live(void) { g = malloc(8); }
