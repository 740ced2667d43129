; A function whose body may be replaced at link time (weak, linkonce,
; linkonce_odr: LLVM's isDefinitionExact is false) has no summary callers
; can rely on: it is treated as a declaration without attributes. A weak or
; linkonce body linked in may be another function that calls back into this
; module, so a caller that the outside can name may recur through it and
; keeps even the objects it does not pass on the heap; a linkonce_odr body is
; equivalent to this one, which calls nothing.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
@cell = global i32 0

define weak i32 @weak_peek(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define linkonce_odr i32 @odr_peek(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define i32 @exact_peek(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define i32 @call_weak() {
  %m = call ptr @malloc(i64 4)
  %v = call i32 @weak_peek(ptr %m)
  call void @free(ptr %m)
  ret i32 %v
}

; linkonce_odr: another translation unit's copy (optimized differently) may be
; the one that is linked, so its summary is not trusted either.
define i32 @call_odr() {
  %m = call ptr @malloc(i64 4)
  %v = call i32 @odr_peek(ptr %m)
  call void @free(ptr %m)
  ret i32 %v
}

define i32 @call_exact() {
  %m = call ptr @malloc(i64 4)
  %v = call i32 @exact_peek(ptr %m)
  call void @free(ptr %m)
  ret i32 %v
}

; The object does not reach the weak function; the call may still come back.
define i32 @call_weak_other() {
  %m = call ptr @malloc(i64 4)
  store i32 1, ptr %m
  %v = call i32 @weak_peek(ptr @cell)
  %w = load i32, ptr %m
  call void @free(ptr %m)
  %r = add i32 %v, %w
  ret i32 %r
}

; CHECK-LABEL: function weak_peek{{$}}
; CHECK-NEXT:   param p: heap=-1 result=-1 free=-1
; CHECK-LABEL: function odr_peek{{$}}
; CHECK-NEXT:   param p: heap=-1 result=-1 free=-1
; CHECK-LABEL: function exact_peek{{$}}
; CHECK-NEXT:   param p: heap=-1 result=-1 free=-1
; CHECK-LABEL: function call_weak (recursive){{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to unknown function `weak_peek`
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function call_odr{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to unknown function `odr_peek`
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function call_exact{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function call_weak_other (recursive){{$}}
; CHECK-NEXT:   site malloc(4): stays on heap: recursive function (through `weak_peek`)
; CHECK-NEXT:   free of m: sites {0}
