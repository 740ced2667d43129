; aligned_alloc keeps its requested alignment (Go refuses over-aligned objects;
; C need not: LLVM realigns the frame). A non-constant alignment stays on the heap.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s

declare noalias ptr @aligned_alloc(i64, i64)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK-LABEL: define void @align64(
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [256 x i8], align 64
define void @align64() {
  %p = call ptr @aligned_alloc(i64 64, i64 256)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Alignments below 16 still get malloc's 16.
; CHECK-LABEL: define void @align4(
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [64 x i8], align 16
define void @align4() {
  %p = call ptr @aligned_alloc(i64 4, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define void @variable_align(
; CHECK-NEXT:    %p = call ptr @aligned_alloc(i64 %a, i64 64)
define void @variable_align(i64 %a) {
  %p = call ptr @aligned_alloc(i64 %a, i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; aligned_alloc fails at run time for an alignment that is not a power of two:
; the call stays so that it still does.
; CHECK-LABEL: define void @align_not_power_of_two(
; CHECK-NEXT:    %p = call ptr @aligned_alloc(i64 24, i64 48)
define void @align_not_power_of_two() {
  %p = call ptr @aligned_alloc(i64 24, i64 48)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
