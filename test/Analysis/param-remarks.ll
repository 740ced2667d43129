; Parameter verdicts as Go prints them, one remark per sink: "leaking param:
; p" (heap, derefs 0), "leaking param content: p" (heap, derefs > 0),
; "leaking param: p to result ~r0 level=k", "leaking param: p to {free}
; level=k", or "p does not escape". A parameter without a name is #N.
; RUN: %opt_escape -passes=escape -pass-remarks-analysis=escape -disable-output %s 2>&1 | FileCheck %s --implicit-check-not=remark:
; RUN: %opt_escape -passes=escape -pass-remarks-analysis=escape -pass-remarks-output=%t.yaml -disable-output %s
; RUN: FileCheck --check-prefix=YAML %s < %t.yaml

@g = global ptr null
declare void @free(ptr)

define void @leak(ptr %p) {
  store ptr %p, ptr @g
  ret void
}
; CHECK: remark: <unknown>:0:0: leaking param: p

define void @content(ptr %b) {
  %q = load ptr, ptr %b
  store ptr %q, ptr @g
  ret void
}
; CHECK-NEXT: remark: <unknown>:0:0: leaking param content: b

define ptr @first(ptr %b) {
  %q = load ptr, ptr %b
  ret ptr %q
}
; CHECK-NEXT: remark: <unknown>:0:0: leaking param: b to result ~r0 level=1

define void @release(ptr %p) {
  call void @free(ptr %p)
  ret void
}
; CHECK-NEXT: remark: <unknown>:0:0: leaking param: p to {free} level=0

; A leak to the heap at derefs 0 subsumes the leak to the result (Go's
; leaks.Optimize): one remark. The unnamed second parameter does not escape.
define ptr @both(ptr %p, ptr) {
  store ptr %p, ptr @g
  ret ptr %p
}
; CHECK-NEXT: remark: <unknown>:0:0: leaking param: p
; CHECK-NEXT: remark: <unknown>:0:0: #1 does not escape

; Integers are not tracked: no remark for n.
define i32 @peek(ptr %p, i32 %n) {
  %v = load i32, ptr %p
  %r = add i32 %v, %n
  ret i32 %r
}
; CHECK-NEXT: remark: <unknown>:0:0: p does not escape

; YAML:      --- !Analysis
; YAML-NEXT: Pass: escape
; YAML-NEXT: Name: LeakingParam
; YAML-NEXT: Function: leak
; YAML-NEXT: Args:
; YAML-NEXT:   - String: 'leaking param: '
; YAML-NEXT:   - Param: p
; YAML:      Name: LeakingParam
; YAML-NEXT: Function: content
; YAML-NEXT: Args:
; YAML-NEXT:   - String: 'leaking param content: '
; YAML-NEXT:   - Param: b
; YAML:      Name: LeakingParam
; YAML-NEXT: Function: first
; YAML-NEXT: Args:
; YAML-NEXT:   - String: 'leaking param: '
; YAML-NEXT:   - Param: b
; YAML-NEXT:   - String: ' to result '
; YAML-NEXT:   - Result: '~r0'
; YAML-NEXT:   - String: ' level='
; YAML-NEXT:   - Level: '1'
; YAML:      Name: ParamDoesNotEscape
; YAML-NEXT: Function: both
; YAML-NEXT: Args:
; YAML-NEXT:   - Param: '#1'
; YAML-NEXT:   - String: ' does not escape'
