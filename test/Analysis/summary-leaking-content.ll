; A parameter whose pointees reach the heap leaks its content (heap=1,
; "leaking param content"): at a call, only what the argument points to
; escapes, not the argument's own object (C12, C14, C25).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

; void pub(struct Box *b){ g = b->ptr; }
define void @pub(ptr %b) {
  %p = load ptr, ptr %b
  store ptr %p, ptr @g
  ret void
}

; Level 2: g = **pp
define void @pub2(ptr %pp) {
  %p = load ptr, ptr %pp
  %q = load ptr, ptr %p
  store ptr %q, ptr @g
  ret void
}

; Level 2 read of an int: nothing leaks (C13).
define i32 @rd(ptr %pp) {
  %p = load ptr, ptr %pp
  %v = load i32, ptr %p
  ret i32 %v
}

; struct Box *b = malloc(16); int *slot... pub(&slot): the box moves, the
; object held in the caller's local slot escapes through the summary.
define void @caller_pub() {
  %slot = alloca ptr
  %box = call ptr @malloc(i64 16)
  store ptr %box, ptr %slot
  call void @pub(ptr %slot)
  ret void
}

; The argument object itself (the box) does not escape.
define void @caller_pub_box() {
  %box = call ptr @malloc(i64 16)
  call void @pub(ptr %box)
  call void @free(ptr %box)
  ret void
}

; int *slot = m; rd(&slot) (C13)
define i32 @caller_rd() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %slot
  %v = call i32 @rd(ptr %slot)
  call void @free(ptr %m)
  ret i32 %v
}

; Two levels down from a local slot holding a slot: the inner object
; escapes, the outer one (only its content leaks at level 1) does not.
define void @caller_pub2() {
  %outer = alloca ptr
  %inner = alloca ptr
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %inner
  store ptr %inner, ptr %outer
  call void @pub2(ptr %outer)
  ret void
}

; CHECK-LABEL: function pub{{$}}
; CHECK-NEXT:   param b: heap=1 result=-1 free=-1
; CHECK-LABEL: function pub2{{$}}
; CHECK-NEXT:   param pp: heap=2 result=-1 free=-1
; CHECK-LABEL: function rd{{$}}
; CHECK-NEXT:   param pp: heap=-1 result=-1 free=-1
; CHECK-LABEL: function caller_pub{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `pub` (leaking param `b`)
; CHECK-LABEL: function caller_pub_box{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of box: sites {0}
; CHECK-LABEL: function caller_rd{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function caller_pub2{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `pub2` (leaking param `pp`)
