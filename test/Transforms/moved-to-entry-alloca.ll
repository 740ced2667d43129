; A local malloc/free pair becomes an entry-block alloca aligned to 16 (the
; malloc guarantee on x86-64, not the call's align attribute), with
; lifetime.start where the call was and lifetime.end where the free was.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output

target triple = "x86_64-unknown-linux-gnu"
declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree

; CHECK-LABEL: define void @local(
; CHECK-NEXT:    [[SLOT:%.*]] = alloca [16 x i8], align 16
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 -1, )?}}ptr [[SLOT]])
; CHECK-NEXT:    store i32 1, ptr [[SLOT]]
; CHECK-NEXT:    call void @use(ptr [[SLOT]])
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 -1, )?}}ptr [[SLOT]])
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
