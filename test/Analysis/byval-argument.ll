; A byval argument is a copy of the pointed-to memory: the callee sees the
; contents, so its parameter's levels shift by one at the call.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

; struct B { int *p; }; void keep_field(struct B b) { g = b.p; }
define void @keep_field(ptr byval({ ptr }) %b) {
  %p = load ptr, ptr %b
  store ptr %p, ptr @g
  ret void
}

; void keep_addr(struct B b) { g = &b; } - the copy's address, not ours.
define void @keep_addr(ptr byval({ ptr }) %b) {
  store ptr %b, ptr @g
  ret void
}

define void @caller_field() {
  %s = alloca { ptr }
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %s
  call void @keep_field(ptr byval({ ptr }) %s)
  ret void
}

define void @caller_addr() {
  %s = alloca { ptr }
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %s
  call void @keep_addr(ptr byval({ ptr }) %s)
  ret void
}

; CHECK-LABEL: function keep_field{{$}}
; CHECK-NEXT:   param b: heap=1 result=-1 free=-1
; CHECK-LABEL: function keep_addr{{$}}
; CHECK-NEXT:   param b: heap=0 result=-1 free=-1
; CHECK-LABEL: function caller_field{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `keep_field` (leaking param `b`)
; CHECK-LABEL: function caller_addr{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `keep_addr` (leaking param `b`)
