; Regression (was a miscompile): a pointer stored into a local slot and read
; back as an i64 (what -O2 makes of 8-byte struct copies and union puns),
; then stored to a global or returned. The old plugin did not follow the
; integer load of a pointer slot and moved the object to the stack.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@gi = global i64 0
declare ptr @malloc(i64)

; CHECK-LABEL: function slot_pun_to_global
; CHECK-NEXT: site malloc(16): escapes to heap: converted to integer
define void @slot_pun_to_global() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  %i = load i64, ptr %slot
  store i64 %i, ptr @gi
  ret void
}

; CHECK-LABEL: function slot_pun_returned
; CHECK-NEXT: site malloc(16): escapes to heap: returned
define i64 @slot_pun_returned() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  %i = load i64, ptr %slot
  ret i64 %i
}

; Copied as an integer through a pointer parameter: its content leaks.
; CHECK-LABEL: function copy_out
; CHECK-NEXT: param src: heap=1
define void @copy_out(ptr %src) {
  %i = load i64, ptr %src
  store i64 %i, ptr @gi
  ret void
}
