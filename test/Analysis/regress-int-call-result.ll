; Regression (was a miscompile): a callee returns its pointer parameter as an
; integer (uintptr_t addr(int *p) { return (uintptr_t)p; }) and the caller
; stores the result to a global. The old plugin dropped non-pointer call
; results, so the summary "p to result" was not replayed and the object was
; moved to the stack.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@gkey = global i64 0
declare ptr @malloc(i64)

; CHECK-LABEL: function addr
; CHECK-NEXT: param p: heap=-1 result=0
define i64 @addr(ptr %p) noinline {
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

; CHECK-LABEL: function f
; CHECK-NEXT: site malloc(4): escapes to heap: converted to integer
define void @f() {
  %m = call ptr @malloc(i64 4)
  %k = call i64 @addr(ptr %m)
  store i64 %k, ptr @gkey
  ret void
}
