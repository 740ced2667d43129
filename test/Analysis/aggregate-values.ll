; insertvalue/extractvalue (and vector inserts/extracts) copy pointers
; through first-class aggregates: an aggregate returned by value carries
; its pointers to the result (C33), one taken apart locally does not.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define { ptr, i64 } @returned_in_pair() {
  %p = call ptr @malloc(i64 16)
  %a = insertvalue { ptr, i64 } poison, ptr %p, 0
  %b = insertvalue { ptr, i64 } %a, i64 16, 1
  ret { ptr, i64 } %b
}

define i8 @taken_apart() {
  %p = call ptr @malloc(i64 16)
  %a = insertvalue { ptr, i64 } poison, ptr %p, 0
  %q = extractvalue { ptr, i64 } %a, 0
  %v = load i8, ptr %q
  call void @free(ptr %q)
  ret i8 %v
}

define <2 x ptr> @returned_in_vector() {
  %p = call ptr @malloc(i64 16)
  %v = insertelement <2 x ptr> poison, ptr %p, i32 0
  ret <2 x ptr> %v
}

define i8 @vector_taken_apart() {
  %p = call ptr @malloc(i64 16)
  %v = insertelement <2 x ptr> poison, ptr %p, i32 0
  %q = extractelement <2 x ptr> %v, i32 0
  %x = load i8, ptr %q
  call void @free(ptr %q)
  ret i8 %x
}

; CHECK-LABEL: function returned_in_pair{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: returned
; CHECK-LABEL: function taken_apart{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of q: sites {0}
; CHECK-LABEL: function returned_in_vector{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: returned
; CHECK-LABEL: function vector_taken_apart{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of q: sites {0}
