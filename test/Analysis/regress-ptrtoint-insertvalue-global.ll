; Regression (was a miscompile): a pointer-derived integer inserted into an
; aggregate that is stored to a global. The old plugin did not track the
; integer inside the aggregate and moved the object to the stack; it must
; escape as an integer.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@ga = global { i64 } zeroinitializer
declare ptr @malloc(i64)

; CHECK-LABEL: function in_aggregate
; CHECK-NEXT: site malloc(16): escapes to heap: converted to integer
define void @in_aggregate() {
  %m = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %m to i64
  %a = insertvalue { i64 } poison, i64 %i, 0
  store { i64 } %a, ptr @ga
  ret void
}
