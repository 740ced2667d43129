; Functions the rewrite must not touch: one with a musttail call (the
; frame must stay empty of new allocas), an optnone one. The analysis still
; decides, so the verdict says "does not escape, but stays on heap".
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare i32 @next(i32)

define i32 @tail(i32 %x) {
  %m = call ptr @malloc(i64 16)
  store i32 %x, ptr %m
  %v = load i32, ptr %m
  call void @free(ptr %m)
  %r = musttail call i32 @next(i32 %v)
  ret i32 %r
}

define void @unoptimized() noinline optnone {
  %m = call ptr @malloc(i64 16)
  call void @free(ptr %m)
  ret void
}

; optnone does not hide an escape.
define ptr @unoptimized_returned() noinline optnone {
  %m = call ptr @malloc(i64 16)
  ret ptr %m
}

; CHECK-LABEL: function tail (recursive){{$}}
; CHECK-NEXT:   site malloc(16): stays on heap: function has a musttail call
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function unoptimized{{$}}
; CHECK-NEXT:   site malloc(16): stays on heap: transform disabled (optnone)
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function unoptimized_returned{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: returned
