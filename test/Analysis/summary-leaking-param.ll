; Go's leaks tag, heap part: a parameter that reaches {heap} with derefs 0
; is a leaking param (heap=0); its callers replay the tag (C8, C16, C48).
; A parameter that is only read has heap=-1 and its callers' objects stay
; (C9).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

define void @keep(ptr %p) {
  store ptr %p, ptr @g
  ret void
}

; Leaks on one path only: summaries are path-insensitive (C16).
define void @maybe(ptr %p, i32 %c) {
  %z = icmp eq i32 %c, 0
  br i1 %z, label %done, label %leak
leak:
  store ptr %p, ptr @g
  br label %done
done:
  ret void
}

define i32 @peek(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}

define void @caller_keep() {
  %m = call ptr @malloc(i64 4)
  call void @keep(ptr %m)
  ret void
}

define void @caller_maybe() {
  %m = call ptr @malloc(i64 4)
  call void @maybe(ptr %m, i32 0)
  ret void
}

define i32 @caller_peek() {
  %m = call ptr @malloc(i64 4)
  store i32 1, ptr %m
  %v = call i32 @peek(ptr %m)
  call void @free(ptr %m)
  ret i32 %v
}

; Transitively: a wrapper around keep leaks too.
define void @wrap(ptr %w) {
  call void @keep(ptr %w)
  ret void
}

define void @caller_wrap() {
  %m = call ptr @malloc(i64 4)
  call void @wrap(ptr %m)
  ret void
}

; CHECK-LABEL: function keep{{$}}
; CHECK-NEXT:   param p: heap=0 result=-1 free=-1
; CHECK-LABEL: function maybe{{$}}
; CHECK-NEXT:   param p: heap=0 result=-1 free=-1
; CHECK-LABEL: function peek{{$}}
; CHECK-NEXT:   param p: heap=-1 result=-1 free=-1
; CHECK-LABEL: function caller_keep{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `keep` (leaking param `p`)
; CHECK-LABEL: function caller_maybe{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `maybe` (leaking param `p`)
; CHECK-LABEL: function caller_peek{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function wrap{{$}}
; CHECK-NEXT:   param w: heap=0 result=-1 free=-1
; CHECK-LABEL: function caller_wrap{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `wrap` (leaking param `w`)
