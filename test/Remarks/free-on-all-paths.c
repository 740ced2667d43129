// C65: freed on every path: the object moves and every free of it goes.
// all_paths is small, so it gets two bodies (docs/design.md, "Two bodies"):
// it checks the stack and jumps to the stack body, whose slot is part of its
// frame and whose frees of the slot are gone, or to the heap body, which is
// the function as written with malloc marked as the fallback (here -O2 has
// merged its two frees into one).
// IR-LABEL: define {{.*}} @all_paths(
// IR:       %escape.room.fast = icmp ult
// IR:       musttail call i32 @all_paths.escape.stack(
// IR:       musttail call i32 @all_paths.escape.heap(
// IR-LABEL: define internal i32 @all_paths.escape.stack(
// IR-NEXT:  entry:
// IR-NEXT:  %escape.slot = alloca [16 x i8], align 16
// IR-NOT:   @malloc(
// IR-NOT:   @free(
// IR:       ret i32
// IR-LABEL: define internal i32 @all_paths.escape.heap(
// IR:       call i1 @__escape_stack_room_slow(
// IR:       musttail call i32 @all_paths.escape.stack(
// IR:       call {{.*}}@malloc(i64 noundef 16){{.*}}, !escape.fallback
// IR:       call void @free(
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
