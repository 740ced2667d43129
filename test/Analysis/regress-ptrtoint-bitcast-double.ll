; Regression (was a miscompile): a pointer turned into an integer and then
; bitcast to a double that is stored to a global. The old plugin
; stopped following the integer at the bitcast to double and moved the
; object to the stack; it must escape as an integer.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@gd = global double 0.0
declare ptr @malloc(i64)

; CHECK-LABEL: function as_double
; CHECK-NEXT: site malloc(16): escapes to heap: converted to integer
define void @as_double() {
  %m = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %m to i64
  %d = bitcast i64 %i to double
  store double %d, ptr @gd
  ret void
}

