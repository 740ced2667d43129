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
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK-LABEL: define void @fill(
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [256 x i8], align 16
; CHECK:         [[FITS:%.*]] = icmp ule i64 %n, 256
; CHECK-NEXT:    [[STACK:%.*]] = and i1 %escape.room, [[FITS]]
; CHECK-NEXT:    br i1 [[STACK]], label %[[ON:.*]], label %[[HEAP:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    [[H:%.*]] = call ptr @malloc(i64 %n), !escape.fallback
; CHECK:         [[P:%.*]] = phi ptr [ %escape.slot.p, %[[ON]] ], [ [[H]], %[[HEAP]] ]
; CHECK-NEXT:    call void @use(ptr [[P]])
; CHECK-NEXT:    [[NE:%.*]] = icmp ne ptr [[P]], %escape.slot.p
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
