; malloc_usable_size, a free inside a callee and a realloc whose result escapes need a real heap
; object: the allocation stays a malloc.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s

declare noalias ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare i64 @malloc_usable_size(ptr)
declare void @free(ptr)

; CHECK-LABEL: define ptr @grow(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; REMARK: malloc(16) does not escape, but stays on heap: realloc result escapes: returned (realloc)
define ptr @grow() {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}

; CHECK-LABEL: define i64 @usable(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; REMARK: malloc(16) escapes to heap: passed to malloc_usable_size
define i64 @usable() {
  %p = call ptr @malloc(i64 16)
  %n = call i64 @malloc_usable_size(ptr %p)
  call void @free(ptr %p)
  ret i64 %n
}

define void @destroy(ptr %p) noinline {
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @freed_elsewhere(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
; REMARK: malloc(16) escapes to heap: freed in callee `destroy`
define void @freed_elsewhere() {
  %p = call ptr @malloc(i64 16)
  store i32 1, ptr %p
  call void @destroy(ptr %p)
  ret void
}
