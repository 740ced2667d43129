; Inline asm may do anything with a pointer operand: captured by inline asm.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define void @asm_operand() {
  %m = call ptr @malloc(i64 16)
  call void asm sideeffect "", "r,~{memory}"(ptr %m)
  call void @free(ptr %m)
  ret void
}

; An integer asm operand computed from the pointer is as good as the pointer.
define void @asm_integer_operand() {
  %m = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %m to i64
  call void asm sideeffect "", "r"(i64 %i)
  ret void
}

; An asm statement that gets no pointer leaves other objects alone.
define void @asm_without_pointer() {
  %m = call ptr @malloc(i64 16)
  call void asm sideeffect "nop", ""()
  call void @free(ptr %m)
  ret void
}

; CHECK-LABEL: function asm_operand{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: captured by inline asm
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function asm_integer_operand{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: captured by inline asm
; CHECK-LABEL: function asm_without_pointer{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
