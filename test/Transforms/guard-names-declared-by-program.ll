; A program (a test, a debugging aid) may declare the stack check's
; thread-local limits and slow path itself: the rewrite defines those
; declarations instead of adding a second symbol of the same name, which
; would leave the program's references unresolved at link time. A
; declaration of another type is left alone and the check gets its own name.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s --implicit-check-not=__escape_stack_room_slow. --implicit-check-not=__escape_stack_limits.
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output
; RUN: sed -e 's/^declare i1 @__escape_stack_room_slow(i64, i64)/declare void @__escape_stack_room_slow(i32)/' -e '/^define i1 @peek_slow/,/^}/d' %s | %opt_escape -passes=escape -S | FileCheck --check-prefix=OTHER %s

target datalayout = "e-m:e-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@__escape_stack_limits = external thread_local global [2 x i64]
declare i1 @__escape_stack_room_slow(i64, i64)
declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK: @__escape_stack_limits = linkonce_odr hidden thread_local global [2 x i64] zeroinitializer, comdat
; CHECK: define linkonce_odr hidden i1 @__escape_stack_room_slow(i64 %sp, i64 %need)
; CHECK-LABEL: define void @local(
; CHECK:         call ptr @llvm.threadlocal.address.p0(ptr @__escape_stack_limits)
define void @local() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define i1 @peek_slow(
; CHECK-NEXT:    call i1 @__escape_stack_room_slow(i64 0, i64 0)
define i1 @peek_slow() {
  %r = call i1 @__escape_stack_room_slow(i64 0, i64 0)
  ret i1 %r
}

; The thread's first check, in @local's heap body (moved-to-stack-body.ll).
; CHECK-LABEL: define internal void @local.escape.heap(
; CHECK:         call i1 @__escape_stack_room_slow(

; OTHER: declare void @__escape_stack_room_slow(i32)
; OTHER: define linkonce_odr hidden i1 @__escape_stack_room_slow.{{[0-9]+}}(i64 %sp, i64 %need)
