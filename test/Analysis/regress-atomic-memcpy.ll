; Regression (was a miscompile): llvm.memcpy.element.unordered.atomic (and
; its memmove variant) copy the pointers stored in the source into the
; destination like memcpy. The old plugin did not model them, so a pointer
; copied into a global this way was moved to the stack.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @llvm.memcpy.element.unordered.atomic.p0.p0.i64(ptr, ptr, i64, i32)
declare void @llvm.memmove.element.unordered.atomic.p0.p0.i64(ptr, ptr, i64, i32)

; CHECK-LABEL: function memcpy_to_global
; CHECK-NEXT: site malloc(16): escapes to heap: stored to global `g`
define void @memcpy_to_global() {
  %slot = alloca ptr, align 8
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot, align 8
  call void @llvm.memcpy.element.unordered.atomic.p0.p0.i64(ptr align 8 @g, ptr align 8 %slot, i64 8, i32 8)
  ret void
}

; CHECK-LABEL: function memmove_to_global
; CHECK-NEXT: site malloc(16): escapes to heap: stored to global `g`
define void @memmove_to_global() {
  %slot = alloca ptr, align 8
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot, align 8
  call void @llvm.memmove.element.unordered.atomic.p0.p0.i64(ptr align 8 @g, ptr align 8 %slot, i64 8, i32 8)
  ret void
}
