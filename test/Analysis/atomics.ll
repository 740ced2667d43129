; cmpxchg and atomicrmw xchg store their new value like a store does (slot,
; global, or through a pointer) and give back the old value like a load.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

define void @cmpxchg_to_global() {
  %m = call ptr @malloc(i64 16)
  %r = cmpxchg ptr @g, ptr null, ptr %m seq_cst seq_cst
  ret void
}

define void @cmpxchg_through_param(ptr %dst) {
  %m = call ptr @malloc(i64 16)
  %r = cmpxchg ptr %dst, ptr null, ptr %m seq_cst seq_cst
  ret void
}

; The expected value is only compared: no flow.
define void @cmpxchg_compare_only(ptr %dst) {
  %m = call ptr @malloc(i64 16)
  %r = cmpxchg ptr %dst, ptr %m, ptr null seq_cst seq_cst
  call void @free(ptr %m)
  ret void
}

define void @xchg_to_global() {
  %m = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr @g, ptr %m seq_cst
  ret void
}

define void @xchg_through_param(ptr %dst) {
  %m = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr %dst, ptr %m seq_cst
  ret void
}

; xchg into a local slot and back out: the old value is a load of the slot.
define i32 @xchg_local_slot() {
  %slot = alloca ptr
  store ptr null, ptr %slot
  %m = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr %slot, ptr %m seq_cst
  %cur = load ptr, ptr %slot
  %v = load i32, ptr %cur
  ret i32 %v
}

; The old value of a global slot comes back to us: returning it does not
; make our object escape by return (it already left through the global).
define ptr @xchg_returns_old() {
  %m = call ptr @malloc(i64 16)
  %old = atomicrmw xchg ptr @g, ptr %m seq_cst
  ret ptr %old
}

; CHECK-LABEL: function cmpxchg_to_global{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: stored to global `g`
; CHECK-LABEL: function cmpxchg_through_param{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-LABEL: function cmpxchg_compare_only{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function xchg_to_global{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: stored to global `g`
; CHECK-LABEL: function xchg_through_param{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-LABEL: function xchg_local_slot{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-LABEL: function xchg_returns_old{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: stored to global `g`
