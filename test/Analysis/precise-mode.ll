; mode=precise resolves store targets: a store through a pointer that can
; only point into objects of this function (allocas, allocations, realloc
; results; through GEPs, phis, selects and the local slots of -O0) flows into
; those objects instead of the heap, so local linked structures stay local.
; An object that stays on the heap may not hold a moved one. mode=go keeps
; Go's rule for the same IR.
; The functions are internal and called only from main: none of them recurs.
; RUN: %opt_escape -passes='escape<mode=precise>' -disable-output -pass-remarks=escape -pass-remarks-missed=escape %s 2>&1 | FileCheck %s --implicit-check-not=remark:
; RUN: %opt_escape -passes='print<escape>' -escape-mode=go -disable-output %s 2>&1 | FileCheck %s --check-prefix=GO
; RUN: %opt_escape -passes='escape<mode=precise>' -S %s | %opt -passes=verify -disable-output

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @ext(ptr)
@g = global ptr null

; A two-node list built and freed here.
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack while the stack has room{{$}}
; GO-LABEL: function list{{$}}
; GO-NEXT:    site malloc(16): moved to stack
; GO-NEXT:    site malloc(16): escapes to heap: stored through pointer (multi-level indirection)
define internal i32 @list() {
  %n1 = call ptr @malloc(i64 16)
  %n2 = call ptr @malloc(i64 16)
  store ptr %n2, ptr %n1
  %p = load ptr, ptr %n1
  %v = load i32, ptr %p
  call void @free(ptr %n2)
  call void @free(ptr %n1)
  ret i32 %v
}

; The holder is too large for the stack: what it holds stays with it, and
; what that holds in turn.
; CHECK-DAG: remark: <unknown>:0:0: malloc(4096) does not escape, but stays on heap: too large for stack (4096 > 1024)
; CHECK-DAG: remark: <unknown>:0:0: malloc(24) does not escape, but stays on heap: held by malloc(4096), which stays on heap
; CHECK-DAG: remark: <unknown>:0:0: malloc(8) does not escape, but stays on heap: held by malloc(24), which stays on heap
define internal i8 @held_by_big() {
  %big = call ptr @malloc(i64 4096)
  %mid = call ptr @malloc(i64 24)
  %small = call ptr @malloc(i64 8)
  store ptr %mid, ptr %big
  store ptr %small, ptr %mid
  %m = load ptr, ptr %big
  %s = load ptr, ptr %m
  %v = load i8, ptr %s
  call void @free(ptr %small)
  call void @free(ptr %mid)
  call void @free(ptr %big)
  ret i8 %v
}

; The holder escapes: so does what it holds.
; CHECK-DAG: remark: <unknown>:0:0: malloc(32) escapes to heap: stored to global `g`
; CHECK-DAG: remark: <unknown>:0:0: malloc(40) escapes to heap: stored into escaping object
define internal void @holder_escapes() {
  %h = call ptr @malloc(i64 32)
  %x = call ptr @malloc(i64 40)
  store ptr %x, ptr %h
  store ptr %h, ptr @g
  ret void
}

; The target is a parameter: precise mode gives up and names it.
; CHECK-DAG: remark: <unknown>:0:0: malloc(48) escapes to heap: stored through pointer `out`, which may point outside this function
define internal void @into_param(ptr %out) {
  %x = call ptr @malloc(i64 48)
  store ptr %x, ptr %out
  ret void
}

; Targets through a phi and a select: every possible target is local.
; CHECK-DAG: remark: <unknown>:0:0: malloc(56) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
; CHECK-DAG: remark: <unknown>:0:0: malloc(64) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
; CHECK-DAG: remark: <unknown>:0:0: malloc(72) does not escape: moved to stack while the stack has room{{$}}
; CHECK-DAG: remark: <unknown>:0:0: malloc(80) does not escape: moved to stack while the stack has room{{$}}
define internal void @merged(i1 %c) {
  %a = call ptr @malloc(i64 72)
  %b = call ptr @malloc(i64 80)
  br i1 %c, label %l, label %r
l:
  br label %j
r:
  br label %j
j:
  %t = phi ptr [ %a, %l ], [ %b, %r ]
  %x = call ptr @malloc(i64 56)
  store ptr %x, ptr %t
  %u = select i1 %c, ptr %b, ptr %a
  %f = getelementptr inbounds i8, ptr %u, i64 8
  %y = call ptr @malloc(i64 64)
  store ptr %y, ptr %f
  call void @free(ptr %x)
  call void @free(ptr %y)
  call void @free(ptr %a)
  call void @free(ptr %b)
  ret void
}

; A target that may be a local object or what a parameter points to: the
; caller's memory outlives the call, so x escapes through p.
; CHECK-DAG: remark: <unknown>:0:0: malloc(88) escapes to heap: stored through pointer `p`, which may point outside this function
define internal void @maybe_outside(i1 %c, ptr %p) {
  %a = call ptr @malloc(i64 96)
  %t = select i1 %c, ptr %a, ptr %p
  %x = call ptr @malloc(i64 88)
  store ptr %x, ptr %t
  call void @free(ptr %a)
  ret void
}
; CHECK-DAG: remark: <unknown>:0:0: malloc(96) does not escape: moved to stack while the stack has room{{$}}

; -O0: the target is reloaded from the local variable that holds it.
; CHECK-DAG: remark: <unknown>:0:0: malloc(104) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
; CHECK-DAG: remark: <unknown>:0:0: malloc(112) does not escape: moved to stack while the stack has room{{$}}
define internal void @through_local_variable() {
  %var = alloca ptr
  %h = call ptr @malloc(i64 112)
  store ptr %h, ptr %var
  %x = call ptr @malloc(i64 104)
  %t = load ptr, ptr %var
  store ptr %x, ptr %t
  call void @free(ptr %x)
  call void @free(ptr %h)
  ret void
}

; A holder outside the loop keeps each iteration's object past it.
; CHECK-DAG: remark: <unknown>:0:0: malloc(120) escapes to heap: outlives loop iteration
; CHECK-DAG: remark: <unknown>:0:0: malloc(128) does not escape: moved to stack while the stack has room{{$}}
define internal void @loop_into_holder(i32 %n) {
entry:
  %h = call ptr @malloc(i64 128)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %x = call ptr @malloc(i64 120)
  store ptr %x, ptr %h
  %i1 = add i32 %i, 1
  %c = icmp ult i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %h)
  ret void
}

; memcpy between local objects carries the pointers.
; CHECK-DAG: remark: <unknown>:0:0: malloc(136) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
; CHECK-DAG: remark: <unknown>:0:0: malloc(16) does not escape: moved to stack while the stack has room{{$}}
; CHECK-DAG: remark: <unknown>:0:0: calloc(2, 8) does not escape: moved to stack while the stack has room{{$}}
define internal i8 @copies() {
  %src = call ptr @calloc(i64 2, i64 8)
  %dst = call ptr @malloc(i64 16)
  %x = call ptr @malloc(i64 136)
  store ptr %x, ptr %src
  call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr %src, i64 16, i1 false)
  %back = load ptr, ptr %dst
  %v = load i8, ptr %back
  call void @free(ptr %x)
  call void @free(ptr %src)
  call void @free(ptr %dst)
  ret i8 %v
}

; A pointer loaded back out of a local object and returned escapes; the
; object itself does not.
; CHECK-DAG: remark: <unknown>:0:0: malloc(144) escapes to heap: returned
; CHECK-DAG: remark: <unknown>:0:0: malloc(168) does not escape: moved to stack while the stack has room{{$}}
define internal ptr @returned_through_holder() {
  %h = call ptr @malloc(i64 168)
  %y = call ptr @malloc(i64 144)
  store ptr %y, ptr %h
  %out = load ptr, ptr %h
  call void @free(ptr %h)
  ret ptr %out
}

; The holder goes to an unknown function: what it holds escapes.
; CHECK-DAG: remark: <unknown>:0:0: malloc(152) escapes to heap: passed to unknown function `ext`
; CHECK-DAG: remark: <unknown>:0:0: malloc(160) escapes to heap: stored into escaping object
define internal void @holder_passed() {
  %h = call ptr @malloc(i64 152)
  %x = call ptr @malloc(i64 160)
  store ptr %x, ptr %h
  call void @ext(ptr %h)
  ret void
}

define i32 @main(ptr %p) {
  %a = call i32 @list()
  %b = call i8 @held_by_big()
  call void @holder_escapes()
  call void @into_param(ptr %p)
  call void @merged(i1 true)
  call void @maybe_outside(i1 true, ptr %p)
  call void @through_local_variable()
  call void @loop_into_holder(i32 3)
  %c = call i8 @copies()
  %d = call ptr @returned_through_holder()
  call void @holder_passed()
  ret i32 %a
}
