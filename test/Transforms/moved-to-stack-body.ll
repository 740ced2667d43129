; A small function with moved objects gets two bodies (docs/design.md, "Two
; bodies"): the function itself is the stack check and two musttail jumps;
; the stack body is a copy whose slots are fixed allocas of its frame (no
; frame pointer, no branch on room, the frees of a slot gone); the heap body
; is the function as written, its moved sites' calls marked as the fallback,
; and it makes a thread's first check. Both bodies are internal and noinline.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output
; Idempotent: a second run changes nothing (comments aside).
; RUN: %opt_escape -passes=escape -S %s > %t.once.ll
; RUN: %opt_escape -passes=escape -S %t.once.ll | sed 's/;.*//' > %t.twice.ll
; RUN: sed 's/;.*//' %t.once.ll | diff - %t.twice.ll
; The limit: a function of more instructions keeps one body, guarded slots;
; one with a moved site inside a loop, up to 8 times the limit (@in_loop).
; RUN: %opt_escape -passes='escape<max-version-size=4>' -S %s | FileCheck --check-prefixes=LIMIT,FOUR %s
; RUN: %opt_escape -escape-max-version-size=0 -passes=escape -S %s | FileCheck --check-prefixes=LIMIT,ZERO %s
; Mach-O (no musttail guarantee asked for, no comdat of internals): one body.
; RUN: sed 's/x86_64-unknown-linux-gnu/x86_64-apple-macosx14.0.0/' %s | %opt_escape -passes=escape -S | FileCheck --check-prefix=MACHO %s
; MACHO-LABEL: define void @local(
; MACHO:       escape.slots:
; MACHO-NOT:   musttail
; The optimizer keeps the shape valid (musttail, noinline): full -O2 after it.
; RUN: %opt_escape -passes='escape,default<O2>' -S %s | %opt -passes=verify -disable-output
; RUN: %opt_escape -passes='escape,lto<O2>' -S %s | FileCheck --check-prefix=LTO %s
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"
declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare ptr @strdup(ptr)
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK-LABEL: define void @local(i32 %n) {
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %escape.sp = call ptr @llvm.stacksave.p0()
; CHECK:         %escape.room.fast = icmp ult i64 %{{.*}}, %escape.span
; CHECK-NEXT:    br i1 %escape.room.fast, label %escape.stack, label %escape.heap, !prof
; CHECK:       escape.stack:
; CHECK-NEXT:    musttail call void @local.escape.stack(i32 %n)
; CHECK-NEXT:    ret void
; CHECK:       escape.heap:
; CHECK-NEXT:    musttail call void @local.escape.heap(i32 %n)
; CHECK-NEXT:    ret void
; LIMIT-LABEL: define void @local(
; LIMIT:       escape.slots:
; LIMIT-NOT:   musttail
; LIMIT:       {{^}}}
define void @local(i32 %n) {
  %p = call align 8 ptr @malloc(i64 16)
  store i32 %n, ptr %p
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A moved site inside a loop: 10 instructions, more than 4 and at most 32.
; FOUR-LABEL: define void @in_loop(
; FOUR:         musttail call void @in_loop.escape.stack(i32 %n)
; FOUR:         musttail call void @in_loop.escape.heap(i32 %n)
; ZERO-LABEL: define void @in_loop(
; ZERO:       escape.slots:
; ZERO-NOT:   musttail
; ZERO:       {{^}}}
define void @in_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p
  call void @use(ptr %p)
  call void @free(ptr %p)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; The ABI attributes of each argument reach the jumps as the caller passed
; them (musttail), and so does the calling convention.
; CHECK-LABEL: define internal fastcc void @attrs(
; CHECK:         musttail call fastcc void @attrs.escape.stack(ptr sret([4 x i64]) %out, ptr byval([4 x i64]) %in, i32 signext %k)
; CHECK:         musttail call fastcc void @attrs.escape.heap(ptr sret([4 x i64]) %out, ptr byval([4 x i64]) %in, i32 signext %k)
define internal fastcc void @attrs(ptr sret([4 x i64]) %out, ptr byval([4 x i64]) %in, i32 signext %k) {
  %p = call ptr @malloc(i64 32)
  call void @llvm.memcpy.p0.p0.i64(ptr %p, ptr %in, i64 32, i1 false)
  call void @use(ptr %p)
  call void @llvm.memcpy.p0.p0.i64(ptr %out, ptr %p, i64 32, i1 false)
  call void @free(ptr %p)
  ret void
}
define void @call_attrs(ptr %o, ptr %i) {
  call fastcc void @attrs(ptr sret([4 x i64]) %o, ptr byval([4 x i64]) %i, i32 signext 3)
  ret void
}

; An always_inline function's bodies are noinline and nothing else.
; CHECK-LABEL: define i32 @returns(
; CHECK-SAME:    i32 %x) #[[ALWAYS:[0-9]+]] {
; CHECK:         %[[R:.*]] = musttail call i32 @returns.escape.stack(i32 %x)
; CHECK-NEXT:    ret i32 %[[R]]
define i32 @returns(i32 %x) alwaysinline {
  %p = call ptr @calloc(i64 4, i64 4)
  %q = getelementptr i32, ptr %p, i64 1
  store i32 %x, ptr %q
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; Negatives: one body with guarded slots for a variadic function, one
; optimized for size, one whose block address is taken, one under SafeStack;
; none at all for a returned object.
; CHECK-LABEL: define void @variadic(i32 %n, ...) {
; CHECK:       escape.slots:
; CHECK-NOT:   musttail
; CHECK:       {{^}}}
define void @variadic(i32 %n, ...) {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @small_code(
; CHECK:       escape.slots:
; CHECK-NOT:   musttail
; CHECK:       {{^}}}
define void @small_code() optsize {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
@targets = global [1 x ptr] [ptr blockaddress(@computed_goto, %next)]
; CHECK-LABEL: define void @computed_goto(
; CHECK:       escape.slots:
; CHECK-NOT:   musttail
; CHECK:       {{^}}}
define void @computed_goto(ptr %to) {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  indirectbr ptr %to, [label %next]
next:
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define void @safe_stack(
; CHECK:       escape.slots:
; CHECK-NOT:   musttail
; CHECK:       {{^}}}
define void @safe_stack() safestack {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: define ptr @returned(
; CHECK-NOT:   musttail
; CHECK:         ret ptr %p
define ptr @returned() {
  %p = call ptr @malloc(i64 16)
  ret ptr %p
}

; The stack body: fixed slots at the top of its frame, the calls replaced,
; calloc's slot zeroed, the frees of a slot gone, tail cleared.
; CHECK-LABEL: define internal void @local.escape.stack(
; CHECK-SAME:    i32 %n) #[[BODY:[0-9]+]] {
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    store i32 %n, ptr %escape.slot
; CHECK-NEXT:    call void @use(ptr %escape.slot)
; CHECK-NEXT:    ret void
; The heap body: the function as written, after a thread's first check.
; CHECK-LABEL: define internal void @local.escape.heap(
; CHECK-SAME:    i32 %n) #[[BODY]] {
; CHECK-NEXT:    [[TLS:%.*]] = call ptr @llvm.threadlocal.address.p0(ptr @__escape_stack_limits)
; CHECK-NEXT:    %escape.base = load i64, ptr [[TLS]]
; CHECK-NEXT:    %escape.unknown = icmp eq i64 %escape.base, 0
; CHECK-NEXT:    br i1 %escape.unknown, label %escape.first, label %escape.body, !prof
; CHECK:       escape.first:
; CHECK-NEXT:    %escape.sp = call ptr @llvm.stacksave.p0()
; CHECK-NEXT:    [[SP:%.*]] = ptrtoint ptr %escape.sp to i64
; CHECK-NEXT:    [[ROOM:%.*]] = call i1 @__escape_stack_room_slow(i64 [[SP]], i64 32)
; CHECK-NEXT:    br i1 [[ROOM]], label %escape.tostack, label %escape.body
; CHECK:       escape.tostack:
; CHECK-NEXT:    musttail call void @local.escape.stack(i32 %n)
; CHECK-NEXT:    ret void
; CHECK:       escape.body:
; CHECK-NEXT:    %p = call align 8 ptr @malloc(i64 16), !escape.fallback
; CHECK-NEXT:    store i32 %n, ptr %p
; CHECK-NEXT:    call void @use(ptr %p)
; CHECK-NEXT:    call void @free(ptr %p)
; CHECK-NEXT:    ret void

; CHECK-LABEL: define internal i32 @returns.escape.stack(
; CHECK-SAME:    i32 %x) #[[BODY]] {
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 %escape.slot, i8 0, i64 16, i1 false)
; CHECK-NOT:     @free(
; CHECK:         ret i32

; A variable size fits or calls malloc; the free compares with the slot.
; CHECK-LABEL: define internal void @sized.escape.stack(
; CHECK-SAME:    i64 %n) #[[BODY]] {
; CHECK-NEXT:    %escape.slot = alloca [256 x i8], align 16
; CHECK-NEXT:    %escape.fits = icmp ule i64 %n, 256
; CHECK-NEXT:    br i1 %escape.fits, label %[[SLOT:.*]], label %[[HEAP:.*]]
; CHECK:       [[HEAP]]:
; CHECK-NEXT:    %p = call ptr @malloc(i64 %n), !escape.fallback
; CHECK:         %escape.p = phi ptr [ %escape.slot, %[[SLOT]] ], [ %p, %[[HEAP]] ]
; CHECK:         %escape.notslot = icmp ne ptr %escape.p, %escape.slot
; CHECK-NEXT:    br i1 %escape.notslot
; CHECK:         call void @free(ptr %escape.p)
define void @sized(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A buffer that starts on the stack grows from its fixed slot.
; CHECK-LABEL: define internal void @grows.escape.stack(
; CHECK-SAME:    i64 %n) #[[BODY]] {
; CHECK-NEXT:    %escape.slot = alloca [16 x i8], align 16
; CHECK:         %escape.isslot = icmp eq ptr %escape.slot, %escape.slot
; CHECK-NOT:     escape.room
; CHECK:         call ptr @__escape_grow_v1(ptr %escape.slot, i64 16, i64 %n)
; CHECK:         call ptr @realloc(ptr %escape.slot, i64 %n)
define void @grows(i64 %n) {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  %q = call ptr @realloc(ptr %p, i64 %n)
  call void @use(ptr %q)
  call void @free(ptr %q)
  ret void
}

; CHECK-DAG: attributes #[[ALWAYS]] = { alwaysinline }
; CHECK-DAG: attributes #[[BODY]] = { noinline }

; After the LTO pipeline (which inlines): the slots are still only in the
; stack bodies, whose calls stay calls.
; LTO-LABEL: define {{.*}}@local.escape.stack(
; LTO-NEXT:    %escape.slot = alloca [16 x i8], align 16
; LTO-LABEL: define {{.*}}@local.escape.heap(
; LTO-NOT:     alloca
; LTO:         {{^}}}

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
