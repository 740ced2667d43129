// C21: *gpp = m: the target is reached through a global, not a local slot:
// stored through pointer (multi-level indirection).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>

int **gpp;

// CHECK: {{.*}}.c:[[@LINE+1]]:36: remark: malloc(4) escapes to heap: stored through pointer (multi-level indirection)
void through_global(void) { *gpp = malloc(4); }
