; The inline free of an unknown class reads libescrt's 64-bit page table:
; with 32-bit pointers the free stays a call to free.
; RUN: %opt_escape -passes=escape-size-classes -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape-size-classes %s -o - | %opt -passes=verify -disable-output

target datalayout = "e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-i128:128-f64:32:64-f80:32-n8:16:32-S128"
target triple = "i386-unknown-linux-gnu"

@g = global ptr null

declare void @free(ptr)

; CHECK-LABEL: define void @drop(
; CHECK-NEXT: %l = load ptr, ptr @g
; CHECK-NEXT: call void @free(ptr %l)
; CHECK-NEXT: ret void
define void @drop() {
  %l = load ptr, ptr @g
  call void @free(ptr %l)
  ret void
}
