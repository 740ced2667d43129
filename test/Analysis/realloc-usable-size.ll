; realloc(p, n) frees p as free() does and returns a new object holding
; what p held: a local object grown by realloc starts on the stack and grows
; on the heap (growable-buffers.ll). malloc_usable_size needs a real heap
; pointer: its operand goes to {freer} - "passed to malloc_usable_size" -
; which keeps the object on the heap without making it escape anywhere else
; (C70). The realloc result is not an allocation site of ours.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare i64 @malloc_usable_size(ptr)
declare void @free(ptr)

define void @grown() {
  %v = call ptr @malloc(i64 16)
  %w = call ptr @realloc(ptr %v, i64 64)
  call void @free(ptr %w)
  ret void
}

define i64 @usable() {
  %v = call ptr @malloc(i64 16)
  %n = call i64 @malloc_usable_size(ptr %v)
  call void @free(ptr %v)
  ret i64 %n
}

; A parameter that reaches realloc is "freed" at level 0 for its callers,
; and what it points to is copied into a heap object.
define ptr @grow(ptr %p) {
  %q = call ptr @realloc(ptr %p, i64 64)
  ret ptr %q
}

define void @caller_grow() {
  %v = call ptr @malloc(i64 16)
  %w = call ptr @grow(ptr %v)
  call void @free(ptr %w)
  ret void
}

; CHECK-LABEL: function grown{{$}}
; CHECK-NEXT:   site malloc(16): starts on stack, grows on heap
; CHECK-NEXT:   realloc of v: sites {0}
; CHECK-NEXT:   free of w: sites {} and other origins
; CHECK-LABEL: function usable{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to malloc_usable_size
; CHECK-NEXT:   free of v: sites {0}
; CHECK-LABEL: function grow{{$}}
; CHECK-NEXT:   param p: heap=1 result=-1 free=0
; CHECK-NEXT:   realloc of p: sites {} and other origins
; CHECK-LABEL: function caller_grow{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: freed in callee `grow`
; CHECK-NEXT:   free of w: sites {} and other origins
