; Objects above max-object-size, objects past the frame budget, malloc(0) and
; every object of a recursive function stay on the heap, each with its
; reason; those within the limits move.
; RUN: %opt_escape -passes='escape<max-object-size=64;max-frame-size=96>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt_escape -passes='escape<max-object-size=64;max-frame-size=96>' -S %s | FileCheck --check-prefix=IR %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK: remark: <unknown>:0:0: malloc(64) does not escape: moved to stack
; CHECK: remark: <unknown>:0:0: malloc(65) does not escape, but stays on heap: too large for stack (65 > 64)
; CHECK: remark: <unknown>:0:0: malloc(32) does not escape: moved to stack
; CHECK: remark: <unknown>:0:0: malloc(16) does not escape, but stays on heap: frame budget exceeded (96)
; IR-LABEL: define void @sizes(
; IR-DAG:     %escape.slot = alloca [64 x i8], align 16
; IR-DAG:     %escape.slot1 = alloca [32 x i8], align 16
; IR-DAG:     call ptr @malloc(i64 65)
; IR-DAG:     call ptr @malloc(i64 16)
define void @sizes() {
  %a = call ptr @malloc(i64 64)
  %b = call ptr @malloc(i64 65)
  %c = call ptr @malloc(i64 32)
  %d = call ptr @malloc(i64 16)
  call void @use(ptr %a)
  call void @use(ptr %b)
  call void @use(ptr %c)
  call void @use(ptr %d)
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  call void @free(ptr %d)
  ret void
}

; CHECK: remark: <unknown>:0:0: malloc(0) does not escape, but stays on heap: zero size
define void @zero() {
  %p = call ptr @malloc(i64 0)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Recursive: one object per level would outgrow any stack, so none moves, even
; within the budget.
; CHECK: remark: <unknown>:0:0: malloc(16) does not escape, but stays on heap: recursive function (through `rec`)
; CHECK: remark: <unknown>:0:0: malloc(16) does not escape, but stays on heap: recursive function (through `rec`)
; IR-LABEL: define void @rec(
; IR-NOT:     alloca
; IR-NOT:     @__escape_stack_room_slow
; IR:         ret void
define void @rec(i32 %d) {
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 16)
  call void @use(ptr %a)
  call void @use(ptr %b)
  %z = icmp eq i32 %d, 0
  br i1 %z, label %done, label %again
again:
  %d1 = sub i32 %d, 1
  call void @rec(i32 %d1)
  br label %done
done:
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}
