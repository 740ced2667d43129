; calloc(n, s) with a constant, non-overflowing product becomes a slot plus a
; zeroing memset; a variable or overflowing product stays on the heap.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s

declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; The memset runs on the stack path only, each time the site runs.
; CHECK-LABEL: define void @constant(
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [32 x i8], align 16
; CHECK:         br i1 %escape.room, label %[[STACK:.*]], label %[[HEAP:.*]]
; CHECK:       [[STACK]]:
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %escape.slot.p, i8 0, i64 32, i1 false)
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @calloc(i64 4, i64 8), !escape.fallback
; CHECK:         call void @use(ptr %escape.p)
define void @constant() {
  %p = call ptr @calloc(i64 4, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @variable(
; CHECK-NEXT:    %p = call ptr @calloc(i64 %n, i64 8)
; REMARK: remark: <unknown>:0:0: calloc(n, 8) does not escape, but stays on heap: non-constant size
define void @variable(i64 %n) {
  %p = call ptr @calloc(i64 %n, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @overflow(
; CHECK-NEXT:    %p = call ptr @calloc(i64 4611686018427387904, i64 8)
; REMARK: remark: <unknown>:0:0: calloc(4611686018427387904, 8) does not escape, but stays on heap: too large for stack (count * size overflows)
define void @overflow() {
  %p = call ptr @calloc(i64 4611686018427387904, i64 8)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
