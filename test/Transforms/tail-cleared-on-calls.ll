; A call that receives a pointer into a new stack slot must not stay `tail`
; (LLVM #58744: DSE would then drop the stores that fill the slot). A
; function with a musttail call keeps its allocations on the heap.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @read(ptr nocapture readonly) nofree

; CHECK-LABEL: define i32 @reader(
; CHECK:         %r = call i32 @read(ptr
; CHECK-NOT:     tail call
define i32 @reader() {
  %p = call ptr @malloc(i64 16)
  store i32 7, ptr %p
  %r = tail call i32 @read(ptr %p)
  call void @free(ptr %p)
  ret i32 %r
}

; CHECK-LABEL: define i32 @with_musttail(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; REMARK: malloc(16) does not escape, but stays on heap: function has a musttail call
define i32 @with_musttail(ptr %q) {
  %p = call ptr @malloc(i64 16)
  store i32 7, ptr %p
  %r = call i32 @read(ptr %p)
  call void @free(ptr %p)
  %t = musttail call i32 @read(ptr %q)
  ret i32 %t
}
