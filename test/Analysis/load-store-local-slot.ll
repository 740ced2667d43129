; A store into a C local (an alloca) is a known slot, as a Go variable is:
; the pointer stays in the graph and a load gives it back (C5, C27, C32).
; Where the slot's contents go decides the verdict.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

; Stored to a slot, loaded back and freed: nothing leaves the frame.
define i32 @slot_local() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %q = load ptr, ptr %slot
  store i32 7, ptr %q
  %v = load i32, ptr %q
  call void @free(ptr %q)
  ret i32 %v
}

; Stored to a slot, loaded back and returned: the copy chain reaches ~r0.
define ptr @slot_returned() {
  %slot = alloca ptr
  %p = call ptr @malloc(i64 16)
  store ptr %p, ptr %slot
  %q = load ptr, ptr %slot
  ret ptr %q
}

; Through two slots (int **y = &p; *y = m) and then to a global (C6).
define void @slot_chain_to_global() {
  %p = alloca ptr
  %y = alloca ptr
  store ptr %p, ptr %y
  %m = call ptr @malloc(i64 16)
  %yy = load ptr, ptr %y
  store ptr %m, ptr %p
  %v = load ptr, ptr %p
  store ptr %v, ptr @g
  ret void
}

; A field of a local struct (GEP of an alloca) is still the local slot.
define i32 @struct_field_slot() {
  %s = alloca { i32, ptr }
  %f = getelementptr inbounds { i32, ptr }, ptr %s, i64 0, i32 1
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr %f
  %q = load ptr, ptr %f
  %v = load i32, ptr %q
  call void @free(ptr %q)
  ret i32 %v
}

; CHECK-LABEL: function slot_local{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of q: sites {0}
; CHECK-LABEL: function slot_returned{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: returned
; CHECK-LABEL: function slot_chain_to_global{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: stored to global `g`
; CHECK-LABEL: function struct_field_slot{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   free of q: sites {0}
