; ESCAPE_OPTIONS is honoured; -mllvm options override it and pipeline
; parameters override both.
; RUN: env ESCAPE_OPTIONS="max-object-size=256 transform=false" %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck --check-prefix=ENV %s
; RUN: env ESCAPE_OPTIONS="max-object-size=256, explain" %opt_escape -passes='print<escape>' -escape-max-object-size=64 -disable-output %s 2>&1 | FileCheck --check-prefix=CL %s

; ENV: escape options: mode=go max-object-size=256 max-frame-size=4096 dynamic-stack-size=256 transform=false explain=false
; CL: escape options: mode=go max-object-size=64 max-frame-size=4096 dynamic-stack-size=256 transform=true explain=true

define void @f() {
  ret void
}
