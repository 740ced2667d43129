; -escape-transform=false and optnone functions (-O0) get diagnostics only.
; RUN: %opt_escape -passes=escape -escape-transform=false -S %s | FileCheck --check-prefix=IR %s
; RUN: %opt_escape -passes=escape -escape-transform=false -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=OFF %s
; RUN: %opt_escape -passes=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=OPTNONE %s

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; IR-LABEL: define void @f(
; IR-NEXT:    %p = call ptr @malloc(i64 16)
; IR-LABEL: define void @g(
; IR-NEXT:    %p = call ptr @malloc(i64 16)
; OFF: malloc(16) does not escape, but stays on heap: transform disabled (-escape-transform=false)
; OPTNONE: malloc(16) does not escape, but stays on heap: transform disabled (optnone)
; OPTNONE-NOT: remark
define void @f() {
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}

define void @g() noinline optnone {
  %p = call ptr @malloc(i64 16)
  store i8 0, ptr %p
  call void @free(ptr %p)
  ret void
}
