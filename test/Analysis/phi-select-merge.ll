; phi and select merge pointers as plain copies (Go's assign): every object
; that can reach the merged value shares its fate (C68).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

; p = c ? malloc(8) : malloc(16); free(p): both move, the free sees both.
define void @select_freed(i1 %c) {
  %a = call ptr @malloc(i64 8)
  %b = call ptr @malloc(i64 16)
  %p = select i1 %c, ptr %a, ptr %b
  store i8 1, ptr %p
  call void @free(ptr %p)
  ret void
}

define ptr @select_returned(i1 %c) {
  %a = call ptr @malloc(i64 8)
  %b = call ptr @malloc(i64 16)
  %p = select i1 %c, ptr %a, ptr %b
  ret ptr %p
}

define void @phi_freed(i1 %c) {
entry:
  br i1 %c, label %l, label %r
l:
  %a = call ptr @malloc(i64 8)
  br label %join
r:
  %b = call ptr @malloc(i64 16)
  br label %join
join:
  %p = phi ptr [ %a, %l ], [ %b, %r ]
  store i8 1, ptr %p
  call void @free(ptr %p)
  ret void
}

; Only one arm reaches the global: the other object still moves.
define void @phi_one_arm_global(i1 %c) {
entry:
  %a = call ptr @malloc(i64 8)
  br i1 %c, label %l, label %join
l:
  %b = call ptr @malloc(i64 16)
  store ptr %b, ptr @g
  br label %join
join:
  %p = phi ptr [ %a, %entry ], [ null, %l ]
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: function select_freed{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0, 1}
; CHECK-LABEL: function select_returned{{$}}
; CHECK-NEXT:   site malloc(8): escapes to heap: returned
; CHECK-NEXT:   site malloc(16): escapes to heap: returned
; CHECK-LABEL: function phi_freed{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0, 1}
; CHECK-LABEL: function phi_one_arm_global{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   site malloc(16): escapes to heap: stored to global `g`
; CHECK-NEXT:   free of p: sites {0}
