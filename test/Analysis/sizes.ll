; Objects that do not escape still need a size the stack can take: constant
; and <= max-object-size (1024), not zero, calloc's product not overflowing;
; a variable malloc size gets the Go 1.25 treatment (a fixed buffer when
; it fits); aligned_alloc/memalign keep their alignment (C58-C63).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @aligned_alloc(i64, i64)
declare ptr @memalign(i64, i64)
declare void @free(ptr)

define void @at_limit() {
  %p = call ptr @malloc(i64 1024)
  call void @free(ptr %p)
  ret void
}

define void @too_large() {
  %p = call ptr @malloc(i64 1025)
  call void @free(ptr %p)
  ret void
}

define void @variable(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @free(ptr %p)
  ret void
}

define void @zero() {
  %p = call ptr @malloc(i64 0)
  call void @free(ptr %p)
  ret void
}

define void @calloc_constant() {
  %p = call ptr @calloc(i64 8, i64 4)
  call void @free(ptr %p)
  ret void
}

define void @calloc_variable(i64 %n) {
  %p = call ptr @calloc(i64 %n, i64 4)
  call void @free(ptr %p)
  ret void
}

define void @calloc_overflow() {
  %p = call ptr @calloc(i64 4611686018427387904, i64 8)
  call void @free(ptr %p)
  ret void
}

define void @calloc_too_large() {
  %p = call ptr @calloc(i64 256, i64 8)
  call void @free(ptr %p)
  ret void
}

define void @aligned() {
  %p = call ptr @aligned_alloc(i64 64, i64 256)
  call void @free(ptr %p)
  ret void
}

define void @aligned_variable_alignment(i64 %a) {
  %p = call ptr @aligned_alloc(i64 %a, i64 256)
  call void @free(ptr %p)
  ret void
}

define void @aligned_variable_size(i64 %n) {
  %p = call ptr @aligned_alloc(i64 64, i64 %n)
  call void @free(ptr %p)
  ret void
}

define void @memalign_constant() {
  %p = call ptr @memalign(i64 32, i64 64)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: function at_limit{{$}}
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function too_large{{$}}
; CHECK-NEXT:   site malloc(1025): stays on heap: too large for stack (1025 > 1024)
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function variable{{$}}
; CHECK-NEXT:   site malloc(n): moved to stack (dynamic)
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function zero{{$}}
; CHECK-NEXT:   site malloc(0): stays on heap: zero size
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function calloc_constant{{$}}
; CHECK-NEXT:   site calloc(8, 4): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function calloc_variable{{$}}
; CHECK-NEXT:   site calloc(n, 4): stays on heap: non-constant size
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function calloc_overflow{{$}}
; CHECK-NEXT:   site calloc(4611686018427387904, 8): stays on heap: too large for stack (count * size overflows)
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function calloc_too_large{{$}}
; CHECK-NEXT:   site calloc(256, 8): stays on heap: too large for stack (2048 > 1024)
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function aligned{{$}}
; CHECK-NEXT:   site aligned_alloc(64, 256): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function aligned_variable_alignment{{$}}
; CHECK-NEXT:   site aligned_alloc(a, 256): stays on heap: alignment not a constant power of two
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function aligned_variable_size{{$}}
; CHECK-NEXT:   site aligned_alloc(64, n): stays on heap: non-constant size
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function memalign_constant{{$}}
; CHECK-NEXT:   site memalign(32, 64): moved to stack
; CHECK-NEXT:   free of p: sites {0}
