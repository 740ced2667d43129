; Go's multi-level indirection rule (go mode): a store whose target is not a
; known local slot sends the stored value to {heap} (C15, C17, C23, C28, C31).
; The stored-into object itself is unaffected.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '
; RUN: %opt_escape -passes=escape -pass-remarks-missed=escape -pass-remarks=escape -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s --implicit-check-not=remark:

declare ptr @malloc(i64)
declare void @free(ptr)

; *dst = m with dst a parameter.
define void @through_param(ptr %dst) {
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %dst
  ret void
}

; x->p = m with x a local heap object: the container moves, the inner object
; goes to the heap (C23).
define i32 @container_field() {
  %x = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 4)
  store ptr %inner, ptr %x
  store i32 7, ptr %inner
  %v = load i32, ptr %inner
  call void @free(ptr %inner)
  call void @free(ptr %x)
  ret i32 %v
}

; a->next = b between two local nodes (C28): b goes to the heap, a stays.
define void @linked_nodes() {
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 16)
  store ptr %b, ptr %a
  store ptr null, ptr %b
  call void @free(ptr %b)
  call void @free(ptr %a)
  ret void
}

; A store through a pointer loaded from a local slot is still a store through
; a pointer.
define void @through_loaded_pointer(ptr %pp) {
  %slot = alloca ptr
  store ptr %pp, ptr %slot
  %d = load ptr, ptr %slot
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %d
  ret void
}

; Storing an integer through a pointer moves no pointer (C29).
define void @int_through_param(ptr %dst) {
  %m = call ptr @malloc(i64 16)
  %v = load i32, ptr %m
  store i32 %v, ptr %dst
  call void @free(ptr %m)
  ret void
}

; The same verdicts as remarks, one per site, in module order.
; REMARK:      remark: <unknown>:0:0: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
; REMARK-NEXT: remark: <unknown>:0:0: malloc(4) escapes to heap: stored through pointer (multi-level indirection)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack

; CHECK-LABEL: function through_param{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-LABEL: function container_field{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   site malloc(4): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-NEXT:   free of inner: sites {1}
; CHECK-NEXT:   free of x: sites {0}
; CHECK-LABEL: function linked_nodes{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   site malloc(16): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-NEXT:   free of b: sites {1}
; CHECK-NEXT:   free of a: sites {0}
; CHECK-LABEL: function through_loaded_pointer{{$}}
; CHECK-NEXT:   param pp: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-LABEL: function int_through_param{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
