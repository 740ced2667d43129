; Go's leaks tag, result part: "leaking param: p to result ~r0 level=k".
; At a call the argument flows to the call's value with k derefs, and only
; what happens to that value decides (C10, C11, C14).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

define ptr @id(ptr %p) {
  ret ptr %p
}

; int *first(struct Box *b){ return b->ptr; } (level 1)
define ptr @first(ptr %b) {
  %p = load ptr, ptr %b
  ret ptr %p
}

; int *q = id(m); *q = 5; free(q): stays, and the free finds the object
; through the result flow (C10).
define void @caller_id_local() {
  %m = call ptr @malloc(i64 4)
  %q = call ptr @id(ptr %m)
  store i32 5, ptr %q
  call void @free(ptr %q)
  ret void
}

; g = id(m) (C11)
define void @caller_id_global() {
  %m = call ptr @malloc(i64 4)
  %q = call ptr @id(ptr %m)
  store ptr %q, ptr @g
  ret void
}

; return id(m): the result of the caller.
define ptr @caller_id_returned() {
  %m = call ptr @malloc(i64 4)
  %q = call ptr @id(ptr %m)
  ret ptr %q
}

; int v = *first(box): nothing escapes (C14, caller9a).
define i32 @caller_first_read() {
  %box = call ptr @malloc(i64 16)
  %slot = alloca ptr
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %slot
  %p = call ptr @first(ptr %slot)
  %v = load i32, ptr %p
  call void @free(ptr %box)
  ret i32 %v
}

; g = first(&slot): the object in the slot escapes, the slot does not
; (C14, caller9b).
define void @caller_first_global() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %slot
  %p = call ptr @first(ptr %slot)
  store ptr %p, ptr @g
  ret void
}

; CHECK-LABEL: function id{{$}}
; CHECK-NEXT:   param p: heap=-1 result=0 free=-1
; CHECK-LABEL: function first{{$}}
; CHECK-NEXT:   param b: heap=-1 result=1 free=-1
; CHECK-LABEL: function caller_id_local{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of q: sites {0}
; CHECK-LABEL: function caller_id_global{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `g`
; CHECK-LABEL: function caller_id_returned{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: returned
; CHECK-LABEL: function caller_first_read{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of box: sites {0}
; CHECK-LABEL: function caller_first_global{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `g`
