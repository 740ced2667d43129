; Integers computed from a pointer (ptrtoint, arithmetic) are tracked like
; the pointer (Go's unsafe.Pointer/uintptr rule). Turned back into a pointer
; in the same function they are copies (C73); stored, passed or otherwise
; let out of sight they make the object escape (C74). p - q is a distance.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@gkey = global i64 0
declare ptr @malloc(i64)
declare void @free(ptr)
declare void @take(i64)

; (int *)((uintptr_t)p + 4) used locally.
define i32 @round_trip() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %j = add i64 %i, 4
  %q = inttoptr i64 %j to ptr
  store i32 1, ptr %q
  %v = load i32, ptr %q
  call void @free(ptr %p)
  ret i32 %v
}

; The round trip's pointer returned: it is the object.
define ptr @round_trip_returned() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %j = and i64 %i, -16
  %q = inttoptr i64 %j to ptr
  ret ptr %q
}

; gkey = (uintptr_t)m
define void @stored_to_global() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr @gkey
  ret void
}

; The integer is stored into a local slot and read back as an integer that
; reaches a global: the slot is followed, and the object escapes.
define void @stored_to_local() {
  %slot = alloca i64
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr %slot
  %j = load i64, ptr %slot
  store i64 %j, ptr @gkey
  ret void
}

; Stored into a local slot that nothing reads: the object stays local.
define void @stored_to_local_only() {
  %slot = alloca i64
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  store i64 %i, ptr %slot
  ret void
}

define void @passed_to_call() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %h = lshr i64 %i, 4
  call void @take(i64 %h)
  ret void
}

; (q - p) of two pointers into the object is a distance, not a pointer.
define i64 @difference() {
  %p = call ptr @malloc(i64 16)
  %q = getelementptr i8, ptr %p, i64 8
  %i = ptrtoint ptr %p to i64
  %j = ptrtoint ptr %q to i64
  %d = sub i64 %j, %i
  store i64 %d, ptr @gkey
  call void @free(ptr %p)
  ret i64 %d
}

; Only compared: no flow.
define i1 @compared() {
  %p = call ptr @malloc(i64 16)
  %i = ptrtoint ptr %p to i64
  %c = icmp ugt i64 %i, 4096
  call void @free(ptr %p)
  ret i1 %c
}

; CHECK-LABEL: function round_trip{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function round_trip_returned{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: returned
; CHECK-LABEL: function stored_to_global{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: converted to integer
; CHECK-LABEL: function stored_to_local{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: converted to integer
; CHECK-LABEL: function stored_to_local_only{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-LABEL: function passed_to_call (recursive){{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: converted to integer
; CHECK-LABEL: function difference{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function compared{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0}
