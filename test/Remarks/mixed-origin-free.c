// C69, C77: a free that may receive our object or one libc allocated
// (strdup): our object still moves and the free is guarded; strdup's result
// is not a site of ours and gets no verdict. In the stack body the guard
// compares the freed pointer with the slot; the heap body frees as written.
// IR-LABEL: define internal {{.*}} @mixed.escape.stack(
// IR:       %escape.slot = alloca [16 x i8], align 16
// IR-NOT:   @malloc(
// IR:       call {{.*}}@strdup(
// IR:       [[P:%[a-z0-9.]+]] = phi ptr {{.*}}%escape.slot
// IR-NOT:   @free(
// IR:       icmp {{eq|ne}} ptr [[P]], %escape.slot
// IR-NEXT:  br i1
// IR:       call void @free(ptr {{.*}}[[P]])
// IR-LABEL: define internal {{.*}} @mixed.escape.heap(
// IR-DAG:   call {{.*}}@malloc(i64 noundef 16){{.*}}, !escape.fallback
// IR-DAG:   call {{.*}}@strdup(
// IR:       call void @free(
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -S -emit-llvm -fno-discard-value-names %s -o - | FileCheck --check-prefix=IR %s
#include <stdlib.h>
#include <string.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
int mixed(int c, const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(16) does not escape: moved to stack
  char *p = c ? malloc(16) : strdup(s);
  p[0] = 'x';
  int r = peek(p);
  free(p);
  return r;
}
