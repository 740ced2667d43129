; A buffer that realloc grows starts on the stack: each realloc that may
; receive the slot asks first whether it got it, and then copies the first
; size out of it on the heap (__escape_grow_v1, emitted once per program);
; every other pointer goes to realloc as before. A free of what realloc
; returned needs no guard: it is never the slot.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output
; RUN: %opt_escape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -disable-output %s 2>&1 | FileCheck --check-prefix=REMARK %s
; A second run changes nothing.
; RUN: %opt_escape -passes=escape -S %s > %t.once.ll
; RUN: %opt_escape -passes=escape,escape -S %s > %t.twice.ll
; RUN: diff %t.once.ll %t.twice.ll

declare noalias ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; REMARK: remark: <unknown>:0:0: malloc(16) does not escape: starts on stack, grows on heap (realloc at ?)
; CHECK-LABEL: define void @grow(
; CHECK:       escape.slots:
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK:         [[P:%.*]] = phi ptr [ %escape.slot.p, %{{.*}} ], [ {{%.*}}, %{{.*}} ]
; CHECK-NEXT:    call void @use(ptr [[P]])
; CHECK-NEXT:    [[IS:%.*]] = icmp eq ptr [[P]], %escape.slot.p
; CHECK-NEXT:    [[GROWS:%.*]] = and i1 %escape.room, [[IS]]
; CHECK-NEXT:    br i1 [[GROWS]], label %[[GROW:.*]], label %[[HEAP:.*]]
; CHECK:       [[GROW]]:
; CHECK-NEXT:    [[G:%.*]] = call ptr @__escape_grow_v1(ptr [[P]], i64 16, i64 %n)
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    [[R:%.*]] = call ptr @realloc(ptr [[P]], i64 %n)
; CHECK:         [[Q:%.*]] = phi ptr [ [[G]], %[[GROW]] ], [ [[R]], %[[HEAP]] ]
; CHECK-NEXT:    call void @use(ptr [[Q]])
; CHECK-NEXT:    call void @free(ptr [[Q]])
define void @grow(i64 %n) {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; A variable first size: the copy takes n itself, not the 256-byte buffer.
; REMARK: remark: <unknown>:0:0: malloc(n) does not escape: starts on stack when n <= 256, grows on heap (realloc at ?)
; CHECK-LABEL: define void @grow_variable(
; CHECK:         %escape.slot = alloca [256 x i8], align 16
; CHECK:         call ptr @__escape_grow_v1(ptr {{%.*}}, i64 %n, i64 %m)
define void @grow_variable(i64 %n, i64 %m) {
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %m)
  call void @free(ptr %q)
  ret void
}

; The old pointer may be used where realloc failed: it is still the buffer.
; REMARK: remark: <unknown>:0:0: malloc(16) does not escape: starts on stack, grows on heap (realloc at ?)
; CHECK-LABEL: define i8 @free_on_failure(
; CHECK:         call ptr @__escape_grow_v1(
define i8 @free_on_failure() {
  %p = call ptr @malloc(i64 16)
  store i8 1, ptr %p
  %q = call ptr @realloc(ptr %p, i64 64)
  %failed = icmp eq ptr %q, null
  br i1 %failed, label %fail, label %ok
fail:
  %old = load i8, ptr %p
  call void @free(ptr %p)
  ret i8 %old
ok:
  %v = load i8, ptr %q
  call void @free(ptr %q)
  ret i8 %v
}

; Refused: the old pointer is read after the realloc succeeded.
; REMARK: remark: <unknown>:0:0: malloc(16) does not escape, but stays on heap: used after realloc
; CHECK-LABEL: define i8 @old_pointer_read(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define i8 @old_pointer_read() {
  %p = call ptr @malloc(i64 16)
  store i8 1, ptr %p
  %q = call ptr @realloc(ptr %p, i64 64)
  %failed = icmp eq ptr %q, null
  br i1 %failed, label %fail, label %ok
fail:
  ret i8 0
ok:
  %mid = getelementptr inbounds i8, ptr %p, i64 4
  %v = load i8, ptr %mid
  call void @free(ptr %q)
  ret i8 %v
}

; Refused: a realloc of what realloc returned keeps the result.
; REMARK: remark: <unknown>:0:0: malloc(16) does not escape, but stays on heap: realloc result escapes: returned (realloc)
; CHECK-LABEL: define ptr @chain_returned(
; CHECK-NEXT:    %p = call ptr @malloc(i64 16)
define ptr @chain_returned() {
  %p = call ptr @malloc(i64 16)
  %q = call ptr @realloc(ptr %p, i64 32)
  %r = call ptr @realloc(ptr %q, i64 64)
  ret ptr %r
}

; The helper: malloc(n) and a copy of min(size, n) bytes, never more than
; the buffer; n == 0 asks the C library what realloc(p, 0) answers.
; CHECK-LABEL: define linkonce_odr hidden ptr @__escape_grow_v1(ptr %buf, i64 %size, i64 %n)
; CHECK:         [[ONE:%.*]] = call ptr @malloc(i64 1)
; CHECK-NEXT:    [[ZERO:%.*]] = call ptr @realloc(ptr [[ONE]], i64 0)
; CHECK-NEXT:    ret ptr [[ZERO]]
; CHECK:         %heap = call ptr @malloc(i64 %n)
; CHECK:         [[LEN:%.*]] = call i64 @llvm.umin.i64(i64 %size, i64 %n)
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr align 1 %heap, ptr align 1 %buf, i64 [[LEN]], i1 false)
