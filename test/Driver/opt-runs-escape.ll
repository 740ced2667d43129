; opt runs the pass by its pipeline names, with and without parameters.
; RUN: %opt_escape -passes=escape -debug-pass-manager -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt_escape -passes='escape<max-object-size=256;transform=false>' -debug-pass-manager -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=PRINT %s
; The default -O2 pipeline picks the pass up at OptimizerEarly.
; RUN: %opt_escape -passes='default<O2>' -debug-pass-manager -disable-output %s 2>&1 | FileCheck %s

; CHECK: Running pass: escape::EscapePass on [module]
; PRINT: escape options: mode=go max-object-size=1024 max-frame-size=4096 dynamic-stack-size=256 transform=true explain=false

define i32 @add1(i32 %x) {
  %r = add i32 %x, 1
  ret i32 %r
}
