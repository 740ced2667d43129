; Go 1.25 style: malloc(n) of a local object uses a fixed stack buffer when n
; fits and the original malloc otherwise; every free of it is guarded.
; dynamic-stack-size=0 turns this off.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output
; RUN: %opt_escape -passes='escape<dynamic-stack-size=0>' -S %s | FileCheck --check-prefix=OFF %s
; A second run leaves the heap fallback alone (the pass is idempotent).
; RUN: %opt_escape -passes=escape -S %s > %t.once.ll
; RUN: %opt_escape -passes=escape,escape -S %s > %t.twice.ll
; RUN: diff %t.once.ll %t.twice.ll
; RUN: grep -c 'alloca \[256 x i8\]' %t.twice.ll | FileCheck --check-prefix=ONE %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree

; CHECK-LABEL: define void @fill(
; CHECK-NEXT:    [[BUF:%.*]] = alloca [256 x i8], align 16
; CHECK-NEXT:    [[BIG:%.*]] = icmp ugt i64 %n, 256
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr [[BUF]])
; CHECK-NEXT:    br i1 [[BIG]], label %[[HEAP:.*]], label %[[JOIN:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    [[H:%.*]] = call ptr @malloc(i64 %n), !escape.fallback
; CHECK:       [[JOIN]]:
; CHECK-NEXT:    [[P:%.*]] = phi ptr [ [[BUF]], %{{.*}} ], [ [[H]], %[[HEAP]] ]
; CHECK-NEXT:    call void @use(ptr [[P]])
; CHECK-NEXT:    [[NE:%.*]] = icmp ne ptr [[P]], [[BUF]]
; CHECK-NEXT:    br i1 [[NE]]
; CHECK:         call void @free(ptr [[P]])
; OFF-LABEL: define void @fill(
; OFF-NEXT:    %p = call ptr @malloc(i64 %n)
; ONE: 1
define void @fill(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
