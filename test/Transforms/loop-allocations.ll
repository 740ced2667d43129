; An allocation inside a loop moves only when no instance can be live when the
; next one is created: its slot is allocated once per call, before the loop
; (the stack does not grow per iteration), and every iteration reuses it. An
; instance carried into the next iteration (a header phi) stays on the heap.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK-LABEL: define void @per_iteration(
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK:         %escape.slot.p = phi ptr [ %escape.slot, %escape.slots ], [ null,
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NOT:     alloca
; CHECK:         %escape.p = phi ptr [ %escape.slot.p, %{{.*}} ], [ %p, %{{.*}} ]
; CHECK-NOT:     alloca
; CHECK:         br i1 %c, label %loop, label %exit
; REMARK: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
define void @per_iteration(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  %i1 = add i64 %i, 1
  %c = icmp ult i64 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; A list built in the loop: every node is live at once.
; CHECK-LABEL: define ptr @carried(
; CHECK:         %p = call ptr @malloc(i64 16)
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: outlives loop iteration
define ptr @carried(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %prev)
  %i1 = add i64 %i, 1
  %c = icmp ult i64 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @use(ptr %p)
  ret ptr null
}

; Stored into a slot declared outside the loop.
; REMARK: remark: <unknown>:0:0: malloc(16) escapes to heap: outlives loop iteration
define void @outer_slot(i64 %n) {
entry:
  %slot = alloca ptr
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %i1 = add i64 %i, 1
  %c = icmp ult i64 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  %last = load ptr, ptr %slot
  call void @use(ptr %last)
  ret void
}
