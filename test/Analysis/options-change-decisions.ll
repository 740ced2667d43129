; The size options decide what a non-escaping object does; the analysis
; (escapes or not) never changes with them. Pipeline parameters and the
; -escape-* options say the same.
; RUN: %opt_escape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=DEFAULT %s --implicit-check-not=remark:
; RUN: %opt_escape -passes='escape<max-object-size=32>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=SMALL %s --implicit-check-not=remark:
; RUN: %opt_escape -passes=escape -escape-max-object-size=32 -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=SMALL %s --implicit-check-not=remark:
; RUN: %opt_escape -passes='escape<dynamic-stack-size=0>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=NODYN %s --implicit-check-not=remark:
; RUN: %opt_escape -passes=escape -escape-dynamic-stack-size=64 -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=DYN64 %s --implicit-check-not=remark:
; RUN: %opt_escape -passes='escape<transform=false>' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=NOXFORM %s --implicit-check-not=remark:
; RUN: %opt_escape -passes=escape -escape-transform=false -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=NOXFORM %s --implicit-check-not=remark:

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

define void @f(i64 %n) {
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 64)
  %c = call ptr @malloc(i64 %n)
  %d = call ptr @malloc(i64 8)
  store ptr %d, ptr @g
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  ret void
}

; DEFAULT: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
; DEFAULT-NEXT: remark: <unknown>:0:0: malloc(64) does not escape: moved to stack
; DEFAULT-NEXT: remark: <unknown>:0:0: malloc(n) does not escape: moved to stack when n <= 256
; DEFAULT-NEXT: remark: <unknown>:0:0: malloc(8) escapes to heap: stored to global `g`

; SMALL: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
; SMALL-NEXT: remark: <unknown>:0:0: malloc(64) does not escape, but stays on heap: too large for stack (64 > 32)
; SMALL-NEXT: remark: <unknown>:0:0: malloc(n) does not escape: moved to stack when n <= 256
; SMALL-NEXT: remark: <unknown>:0:0: malloc(8) escapes to heap: stored to global `g`

; NODYN: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
; NODYN-NEXT: remark: <unknown>:0:0: malloc(64) does not escape: moved to stack
; NODYN-NEXT: remark: <unknown>:0:0: malloc(n) does not escape, but stays on heap: non-constant size
; NODYN-NEXT: remark: <unknown>:0:0: malloc(8) escapes to heap: stored to global `g`

; DYN64: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
; DYN64-NEXT: remark: <unknown>:0:0: malloc(64) does not escape: moved to stack
; DYN64-NEXT: remark: <unknown>:0:0: malloc(n) does not escape: moved to stack when n <= 64
; DYN64-NEXT: remark: <unknown>:0:0: malloc(8) escapes to heap: stored to global `g`

; NOXFORM: remark: <unknown>:0:0: malloc(16) does not escape, but stays on heap: transform disabled (-escape-transform=false)
; NOXFORM-NEXT: remark: <unknown>:0:0: malloc(64) does not escape, but stays on heap: transform disabled (-escape-transform=false)
; NOXFORM-NEXT: remark: <unknown>:0:0: malloc(n) does not escape, but stays on heap: transform disabled (-escape-transform=false)
; NOXFORM-NEXT: remark: <unknown>:0:0: malloc(8) escapes to heap: stored to global `g`
