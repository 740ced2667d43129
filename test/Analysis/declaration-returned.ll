; The returned attribute on a declaration's parameter makes the call's value
; a copy of the argument; without it the value is unrelated to the argument.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)
; nocallback: the callees do not call back into this module, so no function
; here may recur through them (one that may keeps its objects on the heap).
declare ptr @pass(ptr nocapture readonly returned) nofree nocallback
declare ptr @other(ptr nocapture readonly) nofree nocallback

define void @returned_to_global() {
  %m = call ptr @malloc(i64 16)
  %q = call ptr @pass(ptr %m)
  store ptr %q, ptr @g
  ret void
}

define void @returned_freed() {
  %m = call ptr @malloc(i64 16)
  %q = call ptr @pass(ptr %m)
  call void @free(ptr %q)
  ret void
}

define void @not_returned_to_global() {
  %m = call ptr @malloc(i64 16)
  %q = call ptr @other(ptr %m)
  store ptr %q, ptr @g
  call void @free(ptr %m)
  ret void
}

; CHECK-LABEL: function returned_to_global{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: stored to global `g`
; CHECK-LABEL: function returned_freed{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of q: sites {0} and other origins
; CHECK-LABEL: function not_returned_to_global{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
