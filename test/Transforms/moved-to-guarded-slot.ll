; A local malloc/free pair becomes a slot that the function takes only while
; the stack has room: one check at entry (the thread's limits in TLS, the
; slow path computes them once per thread), the slot an alloca of its own
; block aligned to 16 (the malloc guarantee on x86-64, not the call's align
; attribute), the malloc kept as the fallback (marked, so that a second run
; leaves it), and the free guarded: it frees only what is not the slot.
; This is the shape of a function too large for two bodies
; (moved-to-stack-body.ll), here every function: max-version-size=0.
; RUN: %opt_escape -passes='escape<max-version-size=0>' -S %s | FileCheck %s
; RUN: %opt_escape -passes='escape<max-version-size=0>' -S %s | %opt -passes=verify -disable-output
; Idempotent: a second run changes nothing (comments aside).
; RUN: %opt_escape -passes='escape<max-version-size=0>' -S %s > %t.once.ll
; RUN: %opt_escape -passes='escape<max-version-size=0>' -S %t.once.ll | sed 's/;.*//' > %t.twice.ll
; RUN: sed 's/;.*//' %t.once.ll | diff - %t.twice.ll
target triple = "x86_64-unknown-linux-gnu"
declare noalias ptr @malloc(i64)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK: @__escape_stack_limits = linkonce_odr hidden thread_local global [2 x i64] zeroinitializer
; CHECK-LABEL: define void @local(
; CHECK-NEXT:    %escape.sp = call ptr @llvm.stacksave.p0()
; CHECK-NEXT:    [[SP:%.*]] = ptrtoint ptr %escape.sp to i64
; CHECK-NEXT:    [[TLS:%.*]] = call ptr @llvm.threadlocal.address.p0(ptr @__escape_stack_limits)
; CHECK-NEXT:    %escape.base = load i64, ptr [[TLS]]
; CHECK-NEXT:    [[SPANP:%.*]] = getelementptr [2 x i64], ptr [[TLS]], i32 0, i32 1
; CHECK-NEXT:    %escape.span = load i64, ptr [[SPANP]]
; CHECK-NEXT:    [[LOW:%.*]] = sub i64 [[SP]], 32
; CHECK-NEXT:    [[OFF:%.*]] = sub i64 [[LOW]], %escape.base
; CHECK-NEXT:    %escape.room.fast = icmp ult i64 [[OFF]], %escape.span
; CHECK-NEXT:    br i1 %escape.room.fast, label %escape.slots, label %escape.slow, !prof
; CHECK:       escape.slow:
; CHECK-NEXT:    [[SLOW:%.*]] = call i1 @__escape_stack_room_slow(i64 [[SP]], i64 32)
; CHECK-NEXT:    br i1 [[SLOW]], label %escape.slots, label %escape.join
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    br label %escape.join
; CHECK:       escape.join:
; CHECK-NEXT:    %escape.room = phi i1 [ true, %escape.slots ], [ false, %escape.slow ]
; CHECK-NEXT:    %escape.slot.p = phi ptr [ %escape.slot, %escape.slots ], [ null, %escape.slow ]
; CHECK-NEXT:    br i1 %escape.room, label %[[STACK:.*]], label %[[HEAP:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call align 8 ptr @malloc(i64 16), !escape.fallback
; CHECK:         %escape.p = phi ptr [ %escape.slot.p, %[[STACK]] ], [ %p, %[[HEAP]] ]
; CHECK-NEXT:    store i32 1, ptr %escape.p
; CHECK-NEXT:    call void @use(ptr %escape.p)
; CHECK-NEXT:    %escape.notslot = icmp ne ptr %escape.p, %escape.slot.p
; CHECK-NEXT:    br i1 %escape.notslot, label %[[FREE:.*]], label %[[DONE:.*]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr %escape.p)
; CHECK:       [[DONE]]:
; CHECK-NEXT:    ret void
define void @local() {
  %p = call align 8 ptr @malloc(i64 16)
  store i32 1, ptr %p
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Negative: a returned object stays a malloc, and so does its free path.
; CHECK-LABEL: define ptr @returned(
; CHECK-NEXT:    %p = call align 8 ptr @malloc(i64 16)
; CHECK-NOT:     alloca
; CHECK:         ret ptr %p
define ptr @returned() {
  %p = call align 8 ptr @malloc(i64 16)
  store i32 1, ptr %p
  ret ptr %p
}

; Negative: stored to a global.
@g = global ptr null
; CHECK-LABEL: define void @global(
; CHECK-NEXT:    %p = call align 8 ptr @malloc(i64 16)
; CHECK-NEXT:    store ptr %p, ptr @g
define void @global() {
  %p = call align 8 ptr @malloc(i64 16)
  store ptr %p, ptr @g
  ret void
}

; The slow path, emitted once per module: the first check of a thread reads
; its stack bounds; a reserve of a quarter (at least 64 KiB) stays free.
; CHECK-LABEL: define linkonce_odr hidden i1 @__escape_stack_room_slow(i64 %sp, i64 %need)
; CHECK:         call i32 @pthread_getattr_np(
; CHECK:         call i32 @pthread_attr_getstack(
; CHECK:         lshr i64 %bytes, 2
; CHECK:         icmp ugt i64 {{.*}}, 65536
