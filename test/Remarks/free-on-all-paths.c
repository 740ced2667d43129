// C65: freed on every path: the object moves (its slot is taken while the
// stack has room, malloc stays as the fallback) and every free is guarded: it
// frees only what is not the slot (here -O2 has merged the two into one).
// IR-LABEL: define {{.*}} @all_paths(
// IR:       call i1 @__escape_stack_room_slow(
// IR:       %escape.slot = alloca [16 x i8], align 16
// IR:       %escape.slot.p = phi ptr
// IR:       call {{.*}}@malloc(i64 noundef 16){{.*}}, !escape.fallback
// IR-NOT:   @free(
// IR:       icmp {{eq|ne}} ptr %escape.p, %escape.slot.p
// IR-NEXT:  br i1
// IR-NOT:   {{^}}}
// IR:       call void @free(ptr {{.*}}%escape.p)
// IR-NOT:   @free(
// IR:       ret i32
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %clang_escape -O2 -S -emit-llvm -fno-discard-value-names %s -o - | FileCheck --check-prefix=IR %s
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const int *p) { return *p; }

int all_paths(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) does not escape: moved to stack
  int *p = malloc(16);
  *p = c;
  if (c) {
    int r = peek(p);
    free(p);
    return r;
  }
  free(p);
  return 0;
}
